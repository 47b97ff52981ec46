package history_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hashswitch/hashswitch/wasm/history"
)

// now is when the tests read the upstreams: 2 December 2025, noon UTC.
var now = time.Date(2025, 12, 2, 12, 0, 0, 0, time.UTC).Unix()

func documented(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "mempool", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func date(s string) history.Date {
	d, err := history.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// reasons joins what was refused, for a test to search.
func reasons(rs []history.Refusal) string {
	var b strings.Builder
	for _, r := range rs {
		b.WriteString(r.String() + "\n")
	}
	return b.String()
}

func TestParseHashrateDocumentedExample(t *testing.T) {
	adj, hr, refused, err := history.ParseHashrate(documented(t, "hashrate-3d.json"), now)
	if err != nil {
		t.Fatal(err)
	}
	hs := []float64{236499762108771800000, 217473276787331300000, 189877203506913000000}
	want := []history.DayValue{{date("2022-05-14"), hs[0] / 1e18}, {date("2022-05-15"), hs[1] / 1e18}, {date("2022-05-16"), hs[2] / 1e18}}
	if fmt.Sprint(hr) != fmt.Sprint(want) {
		t.Errorf("hashrates %v, want %v", hr, want)
	}
	// The example's one adjustment is at 736,249, not a retarget height.
	if len(adj) != 0 || len(refused) != 1 || !strings.Contains(refused[0].Reason, "not a retarget height") {
		t.Errorf("adjustments %v, refused %v", adj, refused)
	}
}

// TestParseHashrateBackendNames: the backend writes an adjustment's time
// as "time" (its SQL's alias), the documentation as "timestamp"; both are
// read, in height order.
func TestParseHashrateBackendNames(t *testing.T) {
	body := `{"hashrates":[],"difficulty":[
		{"time":1231006505,"height":0,"difficulty":1,"adjustment":0},
		{"time":1262152739,"height":32256,"difficulty":1.1828995343128408,"adjustment":1.18290},
		{"timestamp":1263363275,"height":34272,"difficulty":1.3050621315915245}],
		"currentHashrate":0,"currentDifficulty":0}`
	adj, _, refused, err := history.ParseHashrate([]byte(body), now)
	if err != nil || len(refused) != 0 {
		t.Fatal(err, refused)
	}
	want := []history.Adjustment{{0, 1231006505, 1}, {32256, 1262152739, 1.1828995343128408}, {34272, 1263363275, 1.3050621315915245}}
	if fmt.Sprint(adj) != fmt.Sprint(want) {
		t.Errorf("got %v, want %v", adj, want)
	}
}

// TestParseDocumentedExamples: the rewards, fees and price examples, read
// as the documentation gives them; the fees example's six buckets (its 1w
// period buckets five minutes) are one UTC day, averaged.
func TestParseDocumentedExamples(t *testing.T) {
	heights := []int64{735644, 735646, 735648, 735649, 735650, 735652}
	fees := []int64{24212890, 21655996, 20678859, 21020140, 23064200, 17620723}
	var sh, sf int64
	for i := range heights {
		sh, sf = sh+heights[i], sf+fees[i]
	}
	buckets := func(parse func([]byte, int64) ([]history.Bucket, []history.Refusal, error)) func([]byte) (any, []history.Refusal, error) {
		return func(b []byte) (any, []history.Refusal, error) { return parse(b, now) }
	}
	tests := []struct {
		file  string
		parse func([]byte) (any, []history.Refusal, error)
		want  any
	}{
		{"rewards-1d.json", buckets(history.ParseRewards), []history.Bucket{
			{date("2019-10-18"), 599992, 1260530933},
			{date("2019-10-19"), 600000, 1264314538},
			{date("2022-03-01"), 725441, 637067563},
			{date("2022-03-02"), 725585, 646519104},
			{date("2022-03-03"), 725727, 638709605},
		}},
		{"fees-1w.json", buckets(history.ParseFees), []history.Bucket{{date("2022-05-09"), sh / 6, sf / 6}}},
		{"historical-price.json", func(b []byte) (any, []history.Refusal, error) {
			return history.ParseHistoricalPrice(b, now)
		}, []history.DayValue{{date("2017-07-13"), 2254.9}}},
	}
	for _, tt := range tests {
		got, refused, err := tt.parse(documented(t, tt.file))
		if err != nil || len(refused) != 0 || fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("%s: %v %v %v\nwant %v", tt.file, got, refused, err, tt.want)
		}
	}
}

// TestPricesEitherOrder: newest first (the backend's order) or oldest
// first, the days come out oldest first, each the mean of its quotes.
func TestPricesEitherOrder(t *testing.T) {
	newest := `{"prices":[{"time":1764590400,"USD":91000},{"time":1764547200,"USD":90000},{"time":1764504000,"USD":86000},{"time":1764460800,"USD":84000}]}`
	oldest := `{"prices":[{"time":1764460800,"USD":84000},{"time":1764504000,"USD":86000},{"time":1764547200,"USD":90000},{"time":1764590400,"USD":91000}]}`
	want := []history.DayValue{{date("2025-11-30"), 85000}, {date("2025-12-01"), 90500}}
	for _, body := range []string{newest, oldest} {
		got, refused, err := history.ParseHistoricalPrice([]byte(body), now)
		if err != nil || len(refused) != 0 || fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("got %v %v %v, want %v", got, refused, err, want)
		}
	}
}

// TestRulesAtTheirBounds: each rule's number, just inside and just
// outside; what is refused is said, and the rest of the list is kept.
func TestRulesAtTheirBounds(t *testing.T) {
	const d0 = 75e12 // a difficulty at height 806,400 (epoch 400)
	adjBody := func(second string) string {
		return `{"hashrates":[],"difficulty":[{"time":1694000000,"height":806400,"difficulty":75e12},` + second +
			`,{"time":1700000000,"height":814464,"difficulty":76e12}]}`
	}
	dayTime := date("2025-11-30").Unix()
	fees := func(rows string) string { return "[" + rows + "]" }
	row := func(h, t, sat int64) string {
		return fmt.Sprintf(`{"avgHeight":%d,"timestamp":%d,"avgFees":%d}`, h, t, sat)
	}
	price := func(usd ...float64) string {
		var q []string
		for i, x := range usd {
			q = append(q, fmt.Sprintf(`{"time":%d,"USD":%g}`, dayTime-int64(len(usd)-i)*86400, x))
		}
		return `{"prices":[` + strings.Join(q, ",") + `]}`
	}
	tests := []struct {
		name    string
		parse   func() []history.Refusal
		refused string // "" when nothing is
	}{
		{"4x in one retarget", func() []history.Refusal {
			return adj(adjBody(fmt.Sprintf(`{"time":1695000000,"height":808416,"difficulty":%g}`, 4*d0)))
		}, ""},
		{"over 4x in one retarget", func() []history.Refusal {
			return adj(adjBody(fmt.Sprintf(`{"time":1695000000,"height":808416,"difficulty":%g}`, 4.001*d0)))
		}, "more than 1 retargets"},
		{"a quarter in one retarget", func() []history.Refusal {
			return adj(adjBody(fmt.Sprintf(`{"time":1695000000,"height":808416,"difficulty":%g}`, d0/4)))
		}, ""},
		{"16x in two", func() []history.Refusal {
			return adj(adjBody(fmt.Sprintf(`{"time":1695000000,"height":810432,"difficulty":%g}`, 16*d0)))
		}, ""},
		{"not a retarget height", func() []history.Refusal {
			return adj(adjBody(`{"time":1695000000,"height":808417,"difficulty":75e12}`))
		}, "not a retarget height"},
		{"a height going back", func() []history.Refusal {
			return adj(adjBody(`{"time":1695000000,"height":804384,"difficulty":75e12}`))
		}, "goes back"},
		{"difficulty below 1", func() []history.Refusal {
			return adj(adjBody(`{"time":1695000000,"height":808416,"difficulty":0.5}`))
		}, "below 1"},
		{"a height past the clock", func() []history.Refusal {
			return adj(adjBody(`{"time":1235000000,"height":808416,"difficulty":75e12}`))
		}, "the clock allows"},
		{"an absurd first entry", func() []history.Refusal {
			return adj(`{"hashrates":[],"difficulty":[{"time":1694000000,"height":806400,"difficulty":1e30},{"time":1695000000,"height":808416,"difficulty":75e12}]}`)
		}, "from the next"},
		{"fees 4 times the subsidy", func() []history.Refusal {
			return fee(fees(row(925000, dayTime, 4*312_500_000)))
		}, ""},
		{"fees over 4 times the subsidy", func() []history.Refusal {
			return fee(fees(row(925000, dayTime, 4*312_500_000+1)))
		}, "more than 4 times"},
		{"negative fees", func() []history.Refusal {
			return fee(fees(row(925000, dayTime, -1)))
		}, "negative"},
		{"a time 2 hours ahead", func() []history.Refusal {
			return fee(fees(row(925000, now+7200, 1000)))
		}, ""},
		{"a time more than 2 hours ahead", func() []history.Refusal {
			return fee(fees(row(925000, now+7201, 1000)))
		}, "ahead of now"},
		{"a time before genesis", func() []history.Refusal {
			return fee(fees(row(0, 1231006504, 0)))
		}, "before the genesis block"},
		{"a bucket going back", func() []history.Refusal {
			return fee(fees(row(925000, dayTime, 1000) + "," + row(924000, dayTime+86400, 1000)))
		}, "goes back"},
		{"a fractional amount", func() []history.Refusal {
			return fee(fees(`{"avgHeight":925000,"timestamp":1764460800,"avgFees":1.5}`))
		}, "not a whole number"},
		{"a price 3x its neighbours", func() []history.Refusal {
			return prc(price(90000, 270000, 90000))
		}, ""},
		{"a price over 3x its neighbours", func() []history.Refusal {
			return prc(price(90000, 270001, 90000))
		}, "more than 3x"},
		{"a price a third of its neighbours", func() []history.Refusal {
			return prc(price(90000, 30000, 90000))
		}, ""},
		{"a price under a third of its neighbours", func() []history.Refusal {
			return prc(price(90000, 29999, 90000))
		}, "more than 3x"},
		{"a price of 0", func() []history.Refusal {
			return prc(price(90000, 0, 90000))
		}, "absurd"},
		{"a price of 10 million", func() []history.Refusal {
			return prc(price(1e7))
		}, ""},
		{"a price over 10 million", func() []history.Refusal {
			return prc(price(1.0000001e7))
		}, "absurd"},
		{"a hashrate of 0", func() []history.Refusal {
			_, _, r, _ := history.ParseHashrate([]byte(`{"difficulty":[],"hashrates":[{"timestamp":1764460800,"avgHashrate":0}]}`), now)
			return r
		}, "not positive"},
		{"a hashrate day going back", func() []history.Refusal {
			_, _, r, _ := history.ParseHashrate([]byte(`{"difficulty":[],"hashrates":[{"timestamp":1764460800,"avgHashrate":1e21},{"timestamp":1764374400,"avgHashrate":1e21}]}`), now)
			return r
		}, "goes back"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := tt.parse()
			switch {
			case tt.refused == "" && len(r) != 0:
				t.Errorf("refused %v", r)
			case tt.refused != "" && (len(r) != 1 || !strings.Contains(r[0].Reason, tt.refused)):
				t.Errorf("refused %q, want one refusal saying %q", reasons(r), tt.refused)
			}
		})
	}
}

func adj(body string) []history.Refusal {
	_, _, r, err := history.ParseHashrate([]byte(body), now)
	if err != nil {
		panic(err)
	}
	return r
}

func fee(body string) []history.Refusal {
	_, r, err := history.ParseFees([]byte(body), now)
	if err != nil {
		panic(err)
	}
	return r
}

func prc(body string) []history.Refusal {
	_, r, err := history.ParseHistoricalPrice([]byte(body), now)
	if err != nil {
		panic(err)
	}
	return r
}

// TestKeepsWhatIsGood: bad entries among good ones are refused one by one;
// the good ones are all kept, in order.
func TestKeepsWhatIsGood(t *testing.T) {
	body := `[{"avgHeight":924856,"timestamp":1764417600,"avgRewards":322000000,"USD":90000.12,"more":{"x":[1]}},
		{"avgHeight":"x","timestamp":1764504000,"avgRewards":322000000},
		{"avgHeight":925000,"timestamp":1764504000,"avgRewards":-5},
		{"avgHeight":925000,"timestamp":1764504000},
		17,
		{"avgHeight":925144,"timestamp":1764590400,"avgRewards":323000000}]`
	got, refused, err := history.ParseRewards([]byte(body), now)
	if err != nil {
		t.Fatal(err)
	}
	want := []history.Bucket{{date("2025-11-29"), 924856, 322000000}, {date("2025-12-01"), 925144, 323000000}}
	if fmt.Sprint(got) != fmt.Sprint(want) || len(refused) != 4 {
		t.Errorf("kept %v, refused:\n%s", got, reasons(refused))
	}
}

// TestBodiesOfTheWrongShape are errors: nothing in them is kept.
func TestBodiesOfTheWrongShape(t *testing.T) {
	for _, body := range []string{``, `null`, `{}`, `[]x`, `{"hashrates":{}}`, `"text"`, `<html>`} {
		if _, _, _, err := history.ParseHashrate([]byte(body), now); err == nil {
			t.Errorf("hashrate read %q", body)
		}
		if _, _, err := history.ParseHistoricalPrice([]byte(body), now); err == nil {
			t.Errorf("price read %q", body)
		}
	}
	for _, body := range []string{``, `{}`, `{"avgFees":1}`, `"text"`} {
		if _, _, err := history.ParseFees([]byte(body), now); err == nil {
			t.Errorf("fees read %q", body)
		}
	}
}
