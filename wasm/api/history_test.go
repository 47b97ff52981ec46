package api

import (
	"context"
	"encoding/json"
	"math"
	"net/http"
	"net/http/httptest"
	"net/url"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hashswitch/hashswitch/internal/fakeupstream"
	"github.com/hashswitch/hashswitch/wasm/calc"
	"github.com/hashswitch/hashswitch/wasm/history"
)

type historyBody struct {
	Kind, Source, Problem, From, To, Step string
	Built                                 int64
	Stale                                 bool
	Fields                                []string
	Points                                []struct {
		Date   string
		Values map[string]float64
		Source string
	}
	Halvings []struct {
		Height int64
		Date   string
	}
	RecordLow struct {
		Date         string
		HashpriceUSD float64 `json:"hashprice_usd"`
		Source       string
	} `json:"record_low"`
	Error struct{ Field, Message string }
}

func askHistory(t *testing.T, h http.Handler, query string) (*httptest.ResponseRecorder, historyBody) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/api/v1/history?"+query, nil))
	var b historyBody
	if err := json.Unmarshal(rec.Body.Bytes(), &b); err != nil {
		t.Fatalf("%s: %v: %s", query, err, rec.Body)
	}
	return rec, b
}

// TestHistoryFallbackIsLuxorMonthly: a host with no series answers Luxor's
// months, labelled, each with its post, the figure read again from the
// post's own sentence; the halvings and the record low beside them.
func TestHistoryFallbackIsLuxorMonthly(t *testing.T) {
	fb, err := history.LoadFallback()
	if err != nil {
		t.Fatal(err)
	}
	rec, b := askHistory(t, Handler(), "from=2024-01-01&to=2025-12-31&step=day")
	if rec.Code != 200 || b.Kind != "luxor_monthly" || b.Step != "month" || !strings.Contains(b.Source, "Luxor") || b.Built != 0 ||
		rec.Header().Get("Cache-Control") != "public, max-age=3600" {
		t.Fatalf("%d %s %s", rec.Code, rec.Header().Get("Cache-Control"), rec.Body)
	}
	if len(b.Points) != len(fb.Months) {
		t.Fatalf("%d points for %d months", len(b.Points), len(fb.Months))
	}
	for i, m := range fb.Months {
		p := b.Points[i]
		said, err := history.FigureInQuote(m.Quote, "averag")
		if err != nil {
			t.Fatal(err)
		}
		if p.Date != m.Month+"-01" || p.Source != m.URL || p.Values["hashprice_usd"] != said || len(p.Values) != 1 {
			t.Errorf("point %d: %+v, the post says %v", i, p, said)
		}
	}
	if b.RecordLow.Date != "2025-11-22" || b.RecordLow.HashpriceUSD != 35.06 || !strings.HasPrefix(b.RecordLow.Source, "https://hashrateindex.com/") {
		t.Errorf("record low %+v", b.RecordLow)
	}
	halved := false
	for _, h := range b.Halvings {
		halved = halved || h.Height == 840_000 && h.Date == "2024-04-20"
	}
	if !halved {
		t.Errorf("halvings %+v", b.Halvings)
	}
	if _, b := askHistory(t, Handler(), "from=2025-09-01&to=2025-12-31&fields=price_usd"); len(b.Points) != 1 || len(b.Points[0].Values) != 0 || len(b.Fields) != 0 {
		t.Errorf("the fallback has no price: %+v", b)
	}
}

// keptFake is the fake upstream's series, fetched and assembled.
func keptFake(t *testing.T, now time.Time) history.Kept {
	t.Helper()
	srv := fakeupstream.Start(fakeupstream.Typical())
	defer srv.Close()
	in, problems := history.Fetch(context.Background(), fakeupstream.Get, srv.URL, now)
	if len(problems) != 0 {
		t.Fatal(problems)
	}
	return history.Kept{Series: history.Assemble(in, now.Unix()), Has: true}
}

// TestHistoryDailyIsTheCalculatorsHashprice: with a kept series each
// day's hashprice is what /api/v1/hashprice answers for the day's price,
// difficulty, subsidy and fees (a second computation through the API);
// a range ending before the last day is cached a day, one that reaches it
// an hour, a stale series ten minutes and says why.
func TestHistoryDailyIsTheCalculatorsHashprice(t *testing.T) {
	built := time.Now()
	k := keptFake(t, built)
	h := Handler(WithHistory(func() (history.Kept, error) { return k, nil }))
	last := k.Series.Last()
	from := last - 29
	rec, b := askHistory(t, h, "from="+from.String()+"&to="+last.String())
	if rec.Code != 200 || b.Kind != "daily" || b.Stale || len(b.Points) != 30 || b.Built != built.Unix() || rec.Header().Get("Cache-Control") != "public, max-age=3600" {
		t.Fatalf("%d %s: %+v", rec.Code, rec.Header().Get("Cache-Control"), b)
	}
	for _, p := range b.Points {
		v := p.Values
		q := url.Values{}
		for k, name := range map[string]string{"price": "price_usd", "difficulty": "difficulty", "subsidy": "subsidy_btc", "fees": "fees_btc"} {
			q.Set(k, strconv.FormatFloat(v[name], 'g', -1, 64))
		}
		a := calc.Get("/api/v1/hashprice", q.Encode())
		var hp struct {
			USD float64 `json:"hashprice_usd_per_ph_day"`
		}
		if err := json.Unmarshal(a.Body, &hp); err != nil || a.Status != 200 {
			t.Fatalf("%s: %d %s", q.Encode(), a.Status, a.Body)
		}
		if math.Abs(hp.USD-v["hashprice_usd"]) > 1e-9*hp.USD {
			t.Errorf("%s: history %v, the calculator %v", p.Date, v["hashprice_usd"], hp.USD)
		}
	}
	if rec, b := askHistory(t, h, "from="+from.String()+"&to="+(last-1).String()+"&fields=hashprice_usd"); rec.Header().Get("Cache-Control") != "public, max-age=86400" ||
		len(b.Points) != 29 || len(b.Points[0].Values) != 1 {
		t.Errorf("a closed range: %s, %d points", rec.Header().Get("Cache-Control"), len(b.Points))
	}
	if _, b := askHistory(t, h, "step=month&from="+k.Series.First().String()); len(b.Points) < 30 || len(b.Points) > 35 || b.Step != "month" {
		t.Errorf("by month: %d points", len(b.Points))
	}

	k.Status = history.Status{Attempted: built.Unix(), Problems: []string{"/api/v1/historical-price?currency=USD: 503"}}
	rec, b = askHistory(t, h, "")
	if !b.Stale || !strings.Contains(b.Problem, "historical-price") || rec.Header().Get("Cache-Control") != "public, max-age=600" || b.Kind != "daily" {
		t.Errorf("stale: %s %+v", rec.Header().Get("Cache-Control"), b)
	}
}

// longSeries is a series of n days ending yesterday.
func longSeries(t testing.TB, n int) history.Kept {
	s, err := fakeupstream.FlatSeries(history.DateFromTime(time.Now())-history.Date(n), n)
	if err != nil {
		t.Fatal(err)
	}
	return history.Kept{Series: s, Has: true}
}

// TestHistoryBadInputNamesTheField: a from after to, a day in the far
// future, a huge range, a malformed date, an unknown field: 400 naming
// the parameter; the largest range admitted costs bounded memory.
func TestHistoryBadInputNamesTheField(t *testing.T) {
	k := longSeries(t, 5000)
	k.Series.Built = time.Now().Unix()
	h := Handler(WithHistory(func() (history.Kept, error) { return k, nil }))
	first, last := k.Series.First(), k.Series.Last()
	for query, field := range map[string]string{
		"from=2025-06-01&to=2025-05-01":                   "from",
		"to=2999-01-01":                                   "to",
		"from=2999-01-01":                                 "from",
		"from=" + first.String() + "&to=" + last.String(): "from",
		"from=" + first.String() + "&to=" + last.String() + "&step=week&fields=nope": "fields",
		"from=2025-13-01": "from",
		"step=hour":       "step",
	} {
		rec, b := askHistory(t, h, query)
		if rec.Code != 400 || b.Error.Field != field || b.Error.Message == "" || rec.Header().Get("Cache-Control") != "no-store" {
			t.Errorf("%s: %d %+v", query, rec.Code, b.Error)
		}
	}
	if _, b := askHistory(t, h, "from="+first.String()+"&to="+last.String()+"&step=week"); len(b.Points) < 700 {
		t.Errorf("the whole series by week: %d points", len(b.Points))
	}
	worst := "from=" + (last - history.MaxPoints + 1).String() + "&to=" + last.String()
	if rec, b := askHistory(t, h, worst); rec.Code != 200 || len(b.Points) != history.MaxPoints {
		t.Fatalf("the largest day range: %d, %d points", rec.Code, len(b.Points))
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	askHistory(t, h, worst)
	runtime.ReadMemStats(&after)
	if n := after.TotalAlloc - before.TotalAlloc; n > 8<<20 {
		t.Errorf("the largest range allocates %d bytes", n)
	}
}

// BenchmarkHistory times a year of days, all fields, from a kept series
// (BENCH.md): the native cost of /api/v1/history.
func BenchmarkHistory(b *testing.B) {
	k := longSeries(b, 6500)
	h := Handler(WithHistory(func() (history.Kept, error) { return k, nil }))
	b.ReportAllocs()
	for b.Loop() {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/api/v1/history", nil))
		if rec.Code != 200 {
			b.Fatal(rec.Body)
		}
	}
}
