package history_test

import (
	"errors"
	"net/url"
	"strings"
	"testing"

	"github.com/hashswitch/hashswitch/wasm/history"
)

var (
	genesisDay = date("2009-01-03")
	today      = date("2025-12-02")
)

func parse(query string) (history.Query, error) {
	v, err := url.ParseQuery(query)
	if err != nil {
		panic(err)
	}
	return history.ParseQuery(v, genesisDay, today-1, today)
}

func TestParseQueryDefaults(t *testing.T) {
	q, err := parse("")
	want := history.Query{From: today - 365, To: today - 1, Step: history.StepDay, Fields: history.AllFields}
	if err != nil || q != want {
		t.Errorf("got %+v, %v; want %+v", q, err, want)
	}
	q, err = parse("from=2024-04-01&to=2024-04-30&step=week&fields=hashprice_usd,+difficulty,,&utm=x")
	want = history.Query{From: date("2024-04-01"), To: date("2024-04-30"), Step: history.StepWeek,
		Fields: history.FieldSet(0).With(history.HashpriceUSD).With(history.Difficulty)}
	if err != nil || q != want {
		t.Errorf("got %+v, %v; want %+v", q, err, want)
	}
	// All of history fits at step=week and step=month; to may be tomorrow.
	for _, query := range []string{"from=2009-01-03&step=week", "from=1900-01-01&step=month", "to=2025-12-03"} {
		if _, err := parse(query); err != nil {
			t.Errorf("%s: %v", query, err)
		}
	}
}

// TestParseQueryErrorsNameTheField: each bad input is a FieldError that
// names the parameter to fix and says what was wrong.
func TestParseQueryErrorsNameTheField(t *testing.T) {
	tests := []struct{ query, field, says string }{
		{"from=2025-05-01&to=2025-04-01", "from", "2025-05-01 is after to, 2025-04-01"},
		{"to=2100-01-01", "to", "2100-01-01 is in the future"},
		{"from=2025-12-04", "from", "2025-12-04 is in the future"},
		{"from=yesterday", "from", `must be a date like 2025-11-22, got "yesterday"`},
		{"to=2025-02-30", "to", "must be a date"},
		{"to=2025-1-5", "to", "must be a date"},
		{"fields=hashprice,price_usd", "fields", `unknown field "hashprice"; the fields are hashprice_usd, hashprice_btc`},
		{"fields=,", "fields", "names no field"},
		{"step=hour", "step", `must be day, week or month, got "hour"`},
		{"from=2009-01-03", "from", "2009-01-03 to 2025-12-01 is 6177 points at step=day, more than 2000"},
		{"from=1900-01-01&to=2025-01-01", "from", "at step=day, more than 2000"},
	}
	for _, tt := range tests {
		_, err := parse(tt.query)
		var fe *history.FieldError
		if !errors.As(err, &fe) || fe.Field != tt.field || !strings.Contains(fe.Message, tt.says) {
			t.Errorf("%s: %v; want %s: …%s…", tt.query, err, tt.field, tt.says)
		}
	}
}

// TestSelectDays: the days in range with the fields asked for, the others
// zero and absent.
func TestSelectDays(t *testing.T) {
	s := history.Assemble(fixture(), now)
	q, _ := parse("from=2025-11-22&to=2025-11-26&fields=hashprice_usd,price_usd")
	got := history.Select(&s, q)
	if len(got) != 2 || got[0].Date != date("2025-11-22") || got[1].Date != date("2025-11-24") {
		t.Fatalf("got %+v", got)
	}
	for _, d := range got {
		if d.Has != q.Fields || d.Values[history.Difficulty] != 0 {
			t.Errorf("%s has %b, difficulty %v", d.Date, d.Has, d.Values[history.Difficulty])
		}
	}
	if v, _ := got[0].Value(history.HashpriceUSD); v != s.Days[3].Values[history.HashpriceUSD] {
		t.Errorf("hashprice %v", v)
	}
}

// TestSelectMeans: at a longer step each point is the mean, field by
// field, of the days of its week or month that have the field, computed
// here again; the point count is the one ParseQuery bounds.
func TestSelectMeans(t *testing.T) {
	s := history.Assemble(synthetic(date("2024-01-01"), date("2024-12-31")), now)
	for _, tt := range []struct {
		query string
		start func(history.Date) history.Date
	}{
		{"from=2024-01-01&to=2024-12-31&step=week", func(d history.Date) history.Date {
			return d - history.Date((int(d.Time().Weekday())+6)%7)
		}},
		{"from=2024-01-01&to=2024-12-31&step=month", func(d history.Date) history.Date {
			return d - history.Date(d.Time().Day()-1)
		}},
	} {
		q, err := parse(tt.query)
		if err != nil {
			t.Fatal(err)
		}
		got := history.Select(&s, q)
		sums := map[history.Date]*[2]float64{}
		for _, d := range s.Days {
			k := tt.start(d.Date)
			if sums[k] == nil {
				sums[k] = &[2]float64{}
			}
			sums[k][0] += d.Values[history.HashpriceUSD]
			sums[k][1]++
		}
		if len(got) != len(sums) {
			t.Fatalf("%s: %d points, want %d", tt.query, len(got), len(sums))
		}
		for _, p := range got {
			want := sums[p.Date][0] / sums[p.Date][1]
			if v, ok := p.Value(history.HashpriceUSD); !ok || !close(v, want) {
				t.Errorf("%s: %s hashprice %v, want %v", tt.query, p.Date, v, want)
			}
			if p.Has != history.AllFields {
				t.Errorf("%s: %s has %b", tt.query, p.Date, p.Has)
			}
		}
	}
}

func TestSelectOutsideTheSeries(t *testing.T) {
	s := history.Assemble(fixture(), now)
	q, _ := parse("from=2020-01-01&to=2020-12-31&step=month")
	if got := history.Select(&s, q); len(got) != 0 {
		t.Errorf("got %d points", len(got))
	}
	if got := history.Select(&history.Series{}, q); len(got) != 0 {
		t.Errorf("got %d points from nothing", len(got))
	}
}

func BenchmarkSelectYearOfDays(b *testing.B) {
	s := history.Assemble(synthetic(date("2009-01-03"), date("2025-12-01")), now)
	q, _ := parse("")
	b.ReportAllocs()
	for b.Loop() {
		history.Select(&s, q)
	}
}
