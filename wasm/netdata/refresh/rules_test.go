package refresh_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/hashswitch/hashswitch/internal/fakeupstream"
	"github.com/hashswitch/hashswitch/wasm/netdata"
	"github.com/hashswitch/hashswitch/wasm/netdata/refresh"
)

// refreshAt is one refresh answered in process.
func refreshAt(st fakeupstream.State, prev netdata.Snapshot, at time.Time) netdata.Snapshot {
	s, _ := refresh.Snapshot(context.Background(), st.Get, refresh.AllAt("http://fake"), prev, at)
	return s
}

// TestRulesAtTheirBounds: each rule's number, just inside and just outside,
// from a snapshot refreshed ten minutes before.
func TestRulesAtTheirBounds(t *testing.T) {
	base := fakeupstream.Typical() // height 926,100: epoch 459 ends at 927,359
	prev := refreshAt(base, netdata.Committed(), now.Add(-10*time.Minute))
	tests := []struct {
		name  string
		set   func(*fakeupstream.State)
		stale []string
	}{
		{"8 blocks in 10 minutes", func(s *fakeupstream.State) { s.Height += 8 }, nil},
		{"9 blocks in 10 minutes", func(s *fakeupstream.State) { s.Height += 9 }, []string{"height", "difficulty"}},
		{"the same height", func(s *fakeupstream.State) {}, nil},
		{"one block back", func(s *fakeupstream.State) { s.Height-- }, []string{"height", "difficulty"}},
		{"new bits inside an epoch", func(s *fakeupstream.State) { s.Height++; s.Bits = 0x1701e298 }, []string{"height", "difficulty"}},
		{"a tip 2 hours ahead", func(s *fakeupstream.State) { s.TipTime = now.Unix() + 7200 }, nil},
		{"a tip more than 2 hours ahead", func(s *fakeupstream.State) { s.TipTime = now.Unix() + 7201 }, []string{"height", "difficulty"}},
		{"a tip 2 hours before the last", func(s *fakeupstream.State) { s.TipTime -= 7200 }, nil},
		{"a tip more than 2 hours before the last", func(s *fakeupstream.State) { s.TipTime -= 7201 }, []string{"height", "difficulty"}},
		{"bits easier than the pow limit", func(s *fakeupstream.State) { s.Bits = 0x1e00ffff }, []string{"height", "difficulty", "hashrate"}},
		{"fees 4 times the subsidy", func(s *fakeupstream.State) { s.FeesSat = 144 * 1_250_000_000 }, nil},
		{"fees above 4 times the subsidy", func(s *fakeupstream.State) { s.FeesSat = 144*1_250_000_000 + 144 }, []string{"fees"}},
		{"exchanges 1% from their median", func(s *fakeupstream.State) { s.Coinbase, s.Kraken, s.Bitstamp = "90090", "91000", "91910" }, nil},
		{"two exchanges over 1% from the third", func(s *fakeupstream.State) { s.Coinbase, s.Kraken, s.Bitstamp = "90000", "91000", "92000" }, []string{"price"}},
		{"two of three agree", func(s *fakeupstream.State) { s.Coinbase, s.Kraken, s.Bitstamp = "91000", "91100", "150000" }, nil},
		{"two agree, the third down", func(s *fakeupstream.State) {
			s.Fail = map[string]int{refresh.PathBitstamp: 503}
		}, nil},
		{"one exchange alone", func(s *fakeupstream.State) {
			s.Fail = map[string]int{refresh.PathBitstamp: 503, refresh.PathKraken: 503}
		}, []string{"price"}},
		{"the price 1.5x in a day", func(s *fakeupstream.State) { s.Coinbase, s.Kraken, s.Bitstamp = "136500", "136500", "136500" }, nil},
		{"the price over 1.5x in a day", func(s *fakeupstream.State) { s.Coinbase, s.Kraken, s.Bitstamp = "136510", "136510", "136510" }, []string{"price"}},
		{"a third of it in a day", func(s *fakeupstream.State) { s.Coinbase, s.Kraken, s.Bitstamp = "60670", "60670", "60670" }, nil},
		{"under a third of it in a day", func(s *fakeupstream.State) { s.Coinbase, s.Kraken, s.Bitstamp = "60660", "60660", "60660" }, []string{"price"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := base
			tt.set(&st)
			s := refreshAt(st, prev, now)
			for name, f := range s.Figures {
				if f.Stale != slices.Contains(tt.stale, name) {
					t.Errorf("%s: stale %v", name, f.Stale)
				}
			}
		})
	}
}

// TestRetargets: bits change only where the height crosses a multiple of
// 2016, by at most 4x a retarget.
func TestRetargets(t *testing.T) {
	base := fakeupstream.Typical()
	base.Height = 927_350 // 9 blocks before the retarget at 927,360
	prev := refreshAt(base, netdata.Committed(), now.Add(-time.Hour))
	for _, tt := range []struct {
		name   string
		height int64
		bits   uint32
		ok     bool
	}{
		{"the same epoch, the same bits", 927_359, 0x1701e299, true},
		{"the same epoch, other bits", 927_359, 0x1701e200, false},
		{"the next epoch, other bits", 927_360, 0x1701c000, true},
		{"the next epoch, 4x harder", 927_360, 0x170078a6, true}, // 0x1701e299 / 4, rounded down: 4.00003x
		{"the next epoch, over 4x harder", 927_360, 0x17007800, false},
		{"the next epoch, 4x easier", 927_360, 0x17078a64, true},
		{"the next epoch, over 4x easier", 927_360, 0x17078b00, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			st := base
			st.Height, st.Bits = tt.height, tt.bits
			s := refreshAt(st, prev, now)
			if stale := s.Figures[netdata.FigHeight].Stale; stale == tt.ok {
				t.Errorf("height %d bits %08x: stale %v", tt.height, tt.bits, stale)
			}
		})
	}
}

// TestTheDayPasses: a figure refused for a day against what was accepted
// is accepted once that has aged out, and a lie that passed the rules
// stops being a reference then too.
func TestTheDayPasses(t *testing.T) {
	st := fakeupstream.Typical()
	s := refreshAt(st, netdata.Committed(), now)
	// A lie within the rules: 8 blocks ahead.
	lie := st
	lie.Height += 8
	s = refreshAt(lie, s, now.Add(10*time.Minute))
	if s.Height != lie.Height {
		t.Fatalf("the lie within the rules was refused: %d", s.Height)
	}
	st.Coinbase, st.Kraken, st.Bitstamp = "200000", "200000", "200000"
	for _, after := range []time.Duration{time.Hour, 23 * time.Hour} {
		if s = refreshAt(st, s, now.Add(after)); !s.Figures["height"].Stale || !s.Figures["price"].Stale {
			t.Errorf("after %v: height %d, price %v accepted", after, s.Height, s.PriceUSD)
		}
	}
	s = refreshAt(st, s, now.Add(24*time.Hour+11*time.Minute))
	if s.Height != st.Height || s.PriceUSD != 200_000 || s.Stale {
		t.Errorf("a day later: height %d, price %v, %+v", s.Height, s.PriceUSD, s.Figures)
	}
}
