package history_test

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/hashswitch/hashswitch/internal/fakeupstream"
	"github.com/hashswitch/hashswitch/wasm/chain"
	"github.com/hashswitch/hashswitch/wasm/history"
)

// httpGet is a Getter over net/http, as the build's live mode has one.
func httpGet(ctx context.Context, url string) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, &statusError{resp.StatusCode}
	}
	return io.ReadAll(resp.Body)
}

type statusError struct{ code int }

func (e *statusError) Error() string { return http.StatusText(e.code) }

var fakeNow = time.Date(2025, 12, 2, 12, 0, 0, 0, time.UTC)

// TestFetchFromTheFake: the fake's four lists, over loopback, make a
// series of its 1,000 days with nothing refused, each day's hashprice the
// second computation of the fake's own figures.
func TestFetchFromTheFake(t *testing.T) {
	srv := fakeupstream.Start(fakeupstream.Typical())
	defer srv.Close()
	in, problems := history.Fetch(context.Background(), httpGet, srv.URL, fakeNow)
	if len(problems) != 0 || len(in.Refused) != 0 {
		t.Fatalf("problems %v, refused:\n%s", problems, reasons(in.Refused))
	}
	s := history.Assemble(in, fakeNow.Unix())
	past := fakeupstream.TypicalHistory()
	if len(s.Days) != len(past.Days) || len(s.Gaps) != 0 || len(s.Refused) != 0 {
		t.Fatalf("%d days, gaps %v, refused:\n%s", len(s.Days), s.Gaps, reasons(s.Refused))
	}
	halvingDays := 0
	for i, d := range s.Days {
		f := past.Days[i]
		if d.Date != history.DateFromTime(f.Date) || d.Height != f.Height {
			t.Fatalf("day %d: %s at %d, the fake's %s at %d", i, d.Date, d.Height, f.Date, f.Height)
		}
		difficulty := 0.0
		for _, a := range past.Adjustments {
			if a.Height <= f.Height {
				difficulty = a.Difficulty
			}
		}
		subsidy := float64(subsidySat(f.Height)) / 1e8
		if f.Height-300 < 840_000 && f.Height+300 >= 840_000 {
			halvingDays++ // rewards less fees: the fake's subsidy at the mean height
		}
		want := hashpriceBTC(subsidy, float64(f.FeesSat)/1e8, difficulty)
		if got, _ := d.Value(history.HashpriceBTC); !close(got, want) {
			t.Errorf("%s: %v BTC, want %v", d.Date, got, want)
		}
		if got, _ := d.Value(history.HashpriceUSD); !close(got, want*f.PriceUSD) {
			t.Errorf("%s: $%v, want $%v", d.Date, got, want*f.PriceUSD)
		}
		implied := chain.MainNet.HashrateFromDifficulty(difficulty) / 1e18
		if got, _ := d.Value(history.HashrateEHs); !close(got, implied) {
			t.Errorf("%s: %v EH/s, want %v", d.Date, got, implied)
		}
	}
	if halvingDays == 0 {
		t.Error("the fake's history holds no halving")
	}
}

// TestFetchWithOneUpstreamDown: the price list failing leaves the days
// their BTC hashprice, without a dollar one, and says which list failed.
func TestFetchWithOneUpstreamDown(t *testing.T) {
	st := fakeupstream.Typical()
	st.Fail = map[string]int{history.PathPrice: http.StatusServiceUnavailable}
	in, problems := history.Fetch(context.Background(), st.Get, "http://fake", fakeNow)
	if len(problems) != 1 || !strings.Contains(problems[0].Error(), "historical-price") {
		t.Fatalf("problems %v", problems)
	}
	s := history.Assemble(in, fakeNow.Unix())
	d := s.Days[len(s.Days)-1]
	if _, ok := d.Value(history.HashpriceUSD); ok || !d.Has.Has(history.HashpriceBTC) {
		t.Errorf("the last day has %b", d.Has)
	}
}

// TestFetchAnAbsurdFigure: a day's fees past the rules in the fake's
// answer are refused, and that day's fees are the rewards less the
// subsidy; every day is kept.
func TestFetchAnAbsurdFigure(t *testing.T) {
	st := fakeupstream.Typical()
	past := fakeupstream.TypicalHistory()
	day := &past.Days[500]
	day.FeesSat = 50 * 100_000_000
	day.RewardsSat = subsidySat(day.Height) + 10_000_000
	st.History = &past
	in, _ := history.Fetch(context.Background(), st.Get, "http://fake", fakeNow)
	s := history.Assemble(in, fakeNow.Unix())
	if len(s.Days) != len(past.Days) {
		t.Fatalf("%d days", len(s.Days))
	}
	if log := reasons(s.Refused); len(s.Refused) != 1 || !strings.Contains(log, "fees #500") || !strings.Contains(log, "more than 4 times") {
		t.Errorf("refused:\n%s", log)
	}
	if v, _ := s.Days[500].Value(history.FeesBTC); !close(v, 0.1) {
		t.Errorf("day 500's fees %v BTC", v)
	}
}

// BenchmarkFetchFullHistory: the four lists of every day since the
// genesis block's, as the fake writes them (held in memory: no network),
// parsed and assembled: what a daily refresh costs in Go.
func BenchmarkFetchFullHistory(b *testing.B) {
	in := synthetic(date("2009-01-04"), date("2026-12-31")) // from the first whole day
	past := fakeupstream.History{Adjustments: in.Adjustments}
	for i, f := range in.Fees {
		past.Days = append(past.Days, fakeupstream.HistoryDay{Date: f.Date.Time(), Height: f.Height, FeesSat: f.Sat,
			HashrateHs: in.Hashrates[i].Value * 1e18, PriceUSD: in.Prices[i].Value})
	}
	st := fakeupstream.Typical()
	st.History = &past
	bodies := map[string][]byte{}
	size := 0
	for _, p := range []string{history.PathHashrate, history.PathRewards, history.PathFees, history.PathPrice} {
		bodies["http://fake"+p], _ = st.Get(context.Background(), "http://fake"+p)
		size += len(bodies["http://fake"+p])
	}
	get := func(_ context.Context, url string) ([]byte, error) { return bodies[url], nil }
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		in, problems := history.Fetch(context.Background(), get, "http://fake", time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC))
		if s := history.Assemble(in, 0); len(problems) != 0 || len(s.Days) != len(past.Days) {
			b.Fatal(problems, len(s.Days), reasons(in.Refused[:min(3, len(in.Refused))]))
		}
	}
}
