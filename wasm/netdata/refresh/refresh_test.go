package refresh_test

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hashswitch/hashswitch/build/live"
	"github.com/hashswitch/hashswitch/internal/fakeupstream"
	"github.com/hashswitch/hashswitch/wasm/chain"
	"github.com/hashswitch/hashswitch/wasm/netdata"
	"github.com/hashswitch/hashswitch/wasm/netdata/refresh"
)

var now = time.Date(2026, 11, 25, 14, 5, 0, 0, time.UTC)

func refreshed(t *testing.T, st fakeupstream.State, prev netdata.Snapshot) (netdata.Snapshot, []error) {
	t.Helper()
	srv := fakeupstream.Start(st)
	defer srv.Close()
	return refresh.Snapshot(context.Background(), live.Getter(300*time.Millisecond), srv.Upstreams(), prev, now)
}

// TestDocumentedExamples parses the answers mempool.space's documentation
// shows, and checks that the documented bits and difficulty agree.
func TestDocumentedExamples(t *testing.T) {
	b, _ := os.ReadFile(filepath.Join("testdata", "mempool-blocks-730000.json"))
	tip, err := refresh.ParseBlocks(b)
	if err != nil || tip.Height != 730000 || tip.Bits != 386521239 || tip.Time != 1648829449 {
		t.Fatalf("%+v %v", tip, err)
	}
	if d := chain.Difficulty(tip.Bits); math.Abs(d-tip.Difficulty) > 1e-9*d {
		t.Errorf("documented difficulty %v, the bits give %v", tip.Difficulty, d)
	}
	b, _ = os.ReadFile(filepath.Join("testdata", "mempool-reward-stats-100.json"))
	stats, err := refresh.ParseRewardStats(b)
	if err != nil || stats.Blocks != 100 || math.Abs(stats.MeanFeesBTC-13.11748254/100) > 1e-15 {
		t.Errorf("%+v, %v", stats, err)
	}
}

func TestParsersRefuseBrokenAnswers(t *testing.T) {
	common := []string{"", "{", "null", "<html>busy</html>"}
	for name, c := range map[string]struct {
		parse func([]byte) error
		bad   []string
	}{
		"blocks": {func(b []byte) error { _, err := refresh.ParseBlocks(b); return err },
			[]string{"[]", `[{"height":1}]`, `{"height":1}`}},
		"rewards": {func(b []byte) error { _, err := refresh.ParseRewardStats(b); return err },
			[]string{"{}", `{"startBlock":10,"endBlock":5,"totalFee":"1"}`, `{"startBlock":1,"endBlock":5,"totalFee":"1.5"}`, `{"startBlock":1,"endBlock":5,"totalFee":"-1"}`}},
		"hashrate": {func(b []byte) error { _, err := refresh.ParseHashrate(b); return err },
			[]string{"{}", `{"currentHashrate":"1e21"}`}},
		"coinbase": {func(b []byte) error { _, err := refresh.ParseCoinbase(b); return err },
			[]string{"{}", `{"data":{"amount":"NaN","base":"BTC","currency":"USD"}}`, `{"data":{"amount":"1","base":"ETH","currency":"USD"}}`}},
		"kraken": {func(b []byte) error { _, err := refresh.ParseKraken(b); return err },
			[]string{"{}", `{"error":["EGeneral:Too many requests"],"result":{}}`, `{"error":[],"result":{"XXBTZUSD":{"c":[]}}}`}},
		"bitstamp": {func(b []byte) error { _, err := refresh.ParseBitstamp(b); return err },
			[]string{"{}", `{"last":"abc"}`, `{"last":"Inf"}`}},
		"vietcombank": {func(b []byte) error { _, err := refresh.ParseVietcombank(b); return err },
			[]string{"<ExrateList/>", `<ExrateList><DateTime>11/25/2025 8:25:03 AM</DateTime></ExrateList>`,
				`<ExrateList><DateTime>2025-11-25</DateTime><Exrate CurrencyCode="USD" Sell="26,403.00"/></ExrateList>`,
				`<ExrateList><DateTime>11/25/2025 8:25:03 AM</DateTime><Exrate CurrencyCode="USD" Sell="2.6e4"/></ExrateList>`,
				`<ExrateList><DateTime>11/25/2025 8:25:03 AM</DateTime><Exrate CurrencyCode="USD" Sell=""/></ExrateList>`,
				`<Rates><DateTime>11/25/2025 8:25:03 AM</DateTime><Exrate CurrencyCode="USD" Sell="26,403"/></Rates>`}},
	} {
		for _, bad := range append(common, c.bad...) {
			if err := c.parse([]byte(bad)); err == nil {
				t.Errorf("%s accepted %q", name, bad)
			}
		}
	}
}

func TestRefreshReadsEveryUpstream(t *testing.T) {
	st := fakeupstream.Typical()
	s, problems := refreshed(t, st, netdata.Committed())
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	if s.Height != st.Height || s.TipTime != st.TipTime || s.Bits != "1701e299" || s.Difficulty != chain.Difficulty(st.Bits) {
		t.Errorf("tip: %+v", s)
	}
	if s.PriceUSD != 91000.50 { // the median of 91000.50, 91010.1 and 90990
		t.Errorf("price %v", s.PriceUSD)
	}
	if math.Abs(s.FeesBTC-0.025) > 1e-12 || s.SubsidyBTC != 3.125 {
		t.Errorf("fees %v subsidy %v", s.FeesBTC, s.SubsidyBTC)
	}
	if s.Stale || s.AsOf != "2026-11-25" || s.Time != now.Unix() || s.Fixture {
		t.Errorf("%+v", s)
	}
	for _, f := range []string{netdata.FigHeight, netdata.FigDifficulty, netdata.FigHashrate, netdata.FigFees, netdata.FigPrice} {
		if fig := s.Figures[f]; fig.Time != now.Unix() || fig.Stale || fig.Source == "" {
			t.Errorf("%s: %+v", f, fig)
		}
	}
	// The dollar in dong carries the bank's own date, not the refresh's.
	if fig := s.Figures[netdata.FigUsdVnd]; s.UsdVnd != 26_412 || fig.Time != st.VNDAt.Unix() || fig.Stale || !strings.Contains(fig.Source, "Vietcombank") {
		t.Errorf("usd_vnd %v: %+v", s.UsdVnd, fig)
	}
}

// TestRefreshAsksEachUpstreamOnce: the table's URLs, one request each.
func TestRefreshAsksEachUpstreamOnce(t *testing.T) {
	srv := fakeupstream.Start(fakeupstream.Typical())
	defer srv.Close()
	refresh.Snapshot(context.Background(), live.Getter(time.Second), srv.Upstreams(), netdata.Committed(), now)
	for _, p := range []string{refresh.PathBlocks, refresh.PathRewardStats, refresh.PathHashrate, refresh.PathCoinbase, refresh.PathKraken, refresh.PathBitstamp, refresh.PathVietcombank} {
		if n := srv.Hits(p); n != 1 {
			t.Errorf("%s asked %d times", p, n)
		}
	}
}

// TestVietcombankShape reads the feed's real shape, written by hand from
// its documentation's pattern: the date is Vietnam's (UTC+7), 12-hour.
func TestVietcombankShape(t *testing.T) {
	body := `<!--For reference only. Only one request every 5 minutes!-->
<ExrateList>
  <DateTime>11/25/2025 8:25:03 PM</DateTime>
  <Exrate CurrencyCode="AUD" CurrencyName="AUSTRALIAN DOLLAR" Buy="16,705.54" Transfer="16,874.28" Sell="17,415.33" />
  <Exrate CurrencyCode="USD" CurrencyName="US DOLLAR" Buy="26,183.00" Transfer="26,213.00" Sell="26,403.00" />
  <Source>Joint Stock Commercial Bank for Foreign Trade of Vietnam - Vietcombank</Source>
</ExrateList>`
	r, err := refresh.ParseVietcombank([]byte(body))
	if err != nil || r.VNDPerUSD != 26_403 || !r.At.Equal(time.Date(2025, 11, 25, 13, 25, 3, 0, time.UTC)) {
		t.Errorf("%+v %v", r, err)
	}
}

// TestOneUpstreamDownNeverBlanksTheRest: each failure keeps the last good
// figure, marked stale, and leaves the others fresh.
func TestOneUpstreamDownNeverBlanksTheRest(t *testing.T) {
	prev, _ := refreshed(t, fakeupstream.Typical(), netdata.Committed())
	later := now.Add(10 * time.Minute)
	tests := []struct {
		name   string
		break_ func(*fakeupstream.State)
		stale  []string
	}{
		{"mempool blocks 500", func(s *fakeupstream.State) { s.Fail = map[string]int{refresh.PathBlocks: 500} }, []string{"height", "difficulty"}},
		{"malformed reward stats", func(s *fakeupstream.State) { s.Body = map[string]string{refresh.PathRewardStats: "{"} }, []string{"fees"}},
		{"hashrate times out", func(s *fakeupstream.State) {
			s.Delay = map[string]time.Duration{refresh.PathHashrate: 2 * time.Second}
		}, []string{"hashrate"}},
		{"one exchange missing", func(s *fakeupstream.State) { s.Fail = map[string]int{refresh.PathKraken: 404} }, nil},
		{"every exchange down", func(s *fakeupstream.State) {
			s.Fail = map[string]int{refresh.PathKraken: 502, refresh.PathCoinbase: 500, refresh.PathBitstamp: 503}
		}, []string{"price"}},
		{"zero price", func(s *fakeupstream.State) { s.Coinbase, s.Kraken, s.Bitstamp = "0", "0", "0" }, []string{"price"}},
		{"absurd price", func(s *fakeupstream.State) { s.Coinbase, s.Kraken, s.Bitstamp = "9e9", "9e9", "9e9" }, []string{"price"}},
		{"price tripled in ten minutes", func(s *fakeupstream.State) { s.Coinbase, s.Kraken, s.Bitstamp = "273000", "273000", "273000" }, []string{"price"}},
		{"height goes back", func(s *fakeupstream.State) { s.Height -= 10 }, []string{"height", "difficulty"}},
		{"difficulty five times", func(s *fakeupstream.State) { s.Bits = 0x17006000 }, []string{"height", "difficulty"}},
		{"bits and difficulty disagree", func(s *fakeupstream.State) { s.Difficulty = 1e14 }, []string{"height", "difficulty"}},
		{"absurd fees", func(s *fakeupstream.State) { s.FeesSat = 144 * 100 * 1e8 }, []string{"fees"}},
		{"hashrate far from the difficulty", func(s *fakeupstream.State) { s.HashrateHs = 1e25 }, []string{"hashrate"}},
		{"vietcombank down", func(s *fakeupstream.State) { s.Fail = map[string]int{refresh.PathVietcombank: 503} }, []string{"usd_vnd"}},
		{"vietcombank busy page", func(s *fakeupstream.State) { s.Body = map[string]string{refresh.PathVietcombank: "<html>busy</html>"} }, []string{"usd_vnd"}},
		{"absurd rate", func(s *fakeupstream.State) { s.VNDSell = "26.41" }, []string{"usd_vnd"}},
		{"rate up 30%", func(s *fakeupstream.State) { s.VNDSell = "34,336.00" }, []string{"usd_vnd"}},
		{"rate dated tomorrow", func(s *fakeupstream.State) { s.VNDAt = later.Add(24 * time.Hour) }, []string{"usd_vnd"}},
		{"rate older than the last", func(s *fakeupstream.State) { s.VNDAt = time.Unix(prev.Figures["usd_vnd"].Time-3600, 0) }, []string{"usd_vnd"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := fakeupstream.Typical()
			st.Height++
			st.Coinbase, st.Kraken, st.Bitstamp = "92000", "92000", "92000"
			st.FeesSat *= 2
			st.HashrateHs = 1.1e21
			st.VNDSell, st.VNDAt = "26,500.00", later
			tt.break_(&st)
			srv := fakeupstream.Start(st)
			defer srv.Close()
			s, problems := refresh.Snapshot(context.Background(), live.Getter(300*time.Millisecond), srv.Upstreams(), prev, later)
			stale := map[string]bool{}
			for _, f := range tt.stale {
				stale[f] = true
			}
			for name, fig := range s.Figures {
				if fig.Stale != stale[name] {
					t.Errorf("%s: stale %v, want %v (%v)", name, fig.Stale, stale[name], problems)
				}
				if fig.Stale && fig.Time != prev.Figures[name].Time {
					t.Errorf("%s: a stale figure's time moved", name)
				}
				if !fig.Stale && fig.Time != later.Unix() {
					t.Errorf("%s: fresh figure at %d", name, fig.Time)
				}
			}
			// The snapshot's Stale speaks for the network figures only.
			if s.Stale != (len(tt.stale) > 0 && !stale["usd_vnd"]) {
				t.Errorf("snapshot stale %v", s.Stale)
			}
			if stale["usd_vnd"] && s.UsdVnd != prev.UsdVnd || !stale["usd_vnd"] && s.UsdVnd != 26_500 {
				t.Errorf("usd_vnd %v", s.UsdVnd)
			}
			if stale["price"] && s.PriceUSD != prev.PriceUSD || !stale["price"] && s.PriceUSD != 92000 {
				t.Errorf("price %v", s.PriceUSD)
			}
			if stale["height"] && (s.Height != prev.Height || s.Difficulty != prev.Difficulty) || !stale["height"] && s.Height != prev.Height+1 {
				t.Errorf("tip %d %v", s.Height, s.Difficulty)
			}
			if stale["fees"] && s.FeesBTC != prev.FeesBTC || !stale["fees"] && s.FeesBTC != 2*prev.FeesBTC {
				t.Errorf("fees %v", s.FeesBTC)
			}
			if len(tt.stale) > 0 && len(problems) == 0 {
				t.Error("no problem reported")
			}
		})
	}
}

// FuzzParsers feeds arbitrary bodies to every upstream parser: no panic,
// and whatever they accept is a finite number.
func FuzzParsers(f *testing.F) {
	for _, name := range []string{"mempool-blocks-730000.json", "mempool-reward-stats-100.json"} {
		b, _ := os.ReadFile(filepath.Join("testdata", name))
		f.Add(b)
	}
	f.Add([]byte(`{"data":{"amount":"85000.12","base":"BTC","currency":"USD"}}`))
	f.Add([]byte(`{"error":[],"result":{"XXBTZUSD":{"c":["85000.1","0.001"]}}}`))
	f.Add([]byte(`{"last":"85000","timestamp":"1764028800"}`))
	f.Add([]byte(`{"currentHashrate":1.0687e21,"currentDifficulty":149.3e12}`))
	f.Add([]byte(`<ExrateList><DateTime>11/25/2025 8:25:03 AM</DateTime><Exrate CurrencyCode="USD" Sell="26,403.00"/></ExrateList>`))
	f.Fuzz(func(t *testing.T, body []byte) {
		finite := func(what string, x float64) {
			if math.IsNaN(x) || math.IsInf(x, 0) {
				t.Fatalf("%s accepted %q as %v", what, body, x)
			}
		}
		if tip, err := refresh.ParseBlocks(body); err == nil {
			finite("blocks", tip.Difficulty)
		}
		if stats, err := refresh.ParseRewardStats(body); err == nil {
			finite("reward stats", stats.MeanFeesBTC)
		}
		if h, err := refresh.ParseHashrate(body); err == nil {
			finite("hashrate", h)
		}
		if r, err := refresh.ParseVietcombank(body); err == nil {
			finite("vietcombank", r.VNDPerUSD)
		}
		for name, p := range map[string]func([]byte) (float64, error){"coinbase": refresh.ParseCoinbase, "kraken": refresh.ParseKraken, "bitstamp": refresh.ParseBitstamp} {
			if x, err := p(body); err == nil {
				finite(name, x)
			}
		}
	})
}
