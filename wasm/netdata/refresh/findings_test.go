package refresh_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/hashswitch/hashswitch/build/live"
	"github.com/hashswitch/hashswitch/internal/fakeupstream"
	"github.com/hashswitch/hashswitch/wasm/netdata"
	"github.com/hashswitch/hashswitch/wasm/netdata/refresh"
)

// runs refreshes once per st, ten minutes apart from start, each from the
// last one's snapshot, and returns every snapshot.
func runs(t *testing.T, prev netdata.Snapshot, start time.Time, states ...fakeupstream.State) []netdata.Snapshot {
	t.Helper()
	srv := fakeupstream.Start(states[0])
	defer srv.Close()
	var out []netdata.Snapshot
	for i, st := range states {
		srv.Set(st)
		prev, _ = refresh.Snapshot(context.Background(), live.Getter(time.Second), srv.Upstreams(), prev, start.Add(time.Duration(i)*10*time.Minute))
		out = append(out, prev)
	}
	return out
}

// Issue 24: one /api/v1/blocks answer with height 2147483647 was accepted,
// and every true tip after it refused as going back.
func TestFindingOneBadTipPoisonsForGood(t *testing.T) {
	good := fakeupstream.Typical()
	bad := good
	bad.Height = 2147483647
	later := good
	later.Height++
	s := runs(t, netdata.Committed(), now, good, bad, later)
	if s[1].Height != good.Height || !s[1].Figures[netdata.FigHeight].Stale {
		t.Errorf("the bad tip: height %d, %+v", s[1].Height, s[1].Figures[netdata.FigHeight])
	}
	if s[2].Height != later.Height || s[2].Figures[netdata.FigHeight].Stale || s[2].SubsidyBTC != 3.125 {
		t.Errorf("the true tip after it: height %d, subsidy %v, %+v", s[2].Height, s[2].SubsidyBTC, s[2].Figures[netdata.FigHeight])
	}
}

// Issue 24: seven runs, each moving the price just under the old 2x bound,
// took it from 91,000.5 to 9,999,999.
func TestFindingPriceWalk(t *testing.T) {
	states := []fakeupstream.State{fakeupstream.Typical()}
	p := 91_000.5
	for range 7 {
		p = min(p*1.99, 9_999_999)
		st := fakeupstream.Typical()
		q := fmt.Sprint(p)
		st.Coinbase, st.Kraken, st.Bitstamp = q, q, q
		states = append(states, st)
	}
	for i, s := range runs(t, netdata.Committed(), now, states...) {
		if s.PriceUSD > 91_000.5*1.5 {
			t.Errorf("run %d: the price walked to %v", i, s.PriceUSD)
		}
	}
}

// Issue 24: with two exchanges down, one exchange alone set the price.
func TestFindingOneExchangeSetsThePrice(t *testing.T) {
	alone := fakeupstream.Typical()
	alone.Coinbase = "95000"
	alone.Fail = map[string]int{refresh.PathKraken: 503, refresh.PathBitstamp: 502}
	s := runs(t, netdata.Committed(), now, fakeupstream.Typical(), alone)
	if s[1].PriceUSD != 91_000.5 || !s[1].Figures[netdata.FigPrice].Stale {
		t.Errorf("one exchange: price %v, %+v", s[1].PriceUSD, s[1].Figures[netdata.FigPrice])
	}
}

// Issue 24: 49.99 BTC of fees per block passed in one step.
func TestFindingFeesAboveTheSubsidy(t *testing.T) {
	rich := fakeupstream.Typical()
	rich.FeesSat = 144 * 4_999_000_000
	s := runs(t, netdata.Committed(), now, fakeupstream.Typical(), rich)
	if s[1].FeesBTC != 0.025 || !s[1].Figures[netdata.FigFees].Stale {
		t.Errorf("49.99 BTC fees: fees %v, %+v", s[1].FeesBTC, s[1].Figures[netdata.FigFees])
	}
}

// Issue 24: a bad tip already kept (by a refresh before these rules) made
// every true tip after it go "back", for good.
func TestFindingKeptBadTipIsReplaced(t *testing.T) {
	poisoned := runs(t, netdata.Committed(), now.Add(-10*time.Minute), fakeupstream.Typical())[0]
	poisoned.Height, poisoned.SubsidyBTC = 2147483647, 0
	s := runs(t, poisoned, now, fakeupstream.Typical())
	if s[0].Height != fakeupstream.Typical().Height || s[0].SubsidyBTC != 3.125 || s[0].Figures[netdata.FigHeight].Stale {
		t.Errorf("after a kept bad tip: height %d, subsidy %v, %+v", s[0].Height, s[0].SubsidyBTC, s[0].Figures[netdata.FigHeight])
	}
}

// memStore is a Store in memory whose reads can fail.
type memStore struct {
	data    []byte
	getErr  error
	written int
}

func (m *memStore) Get() ([]byte, error) { return m.data, m.getErr }
func (m *memStore) Put(b []byte) error   { m.data = b; m.written++; return nil }

// Issue 24: when KV could not be read, the next run that failed everywhere
// wrote the committed snapshot back as live, and the last good figures
// were lost.
func TestFindingKVReadFailureKeepsTheFigures(t *testing.T) {
	st := fakeupstream.Typical()
	srv := fakeupstream.Start(st)
	defer srv.Close()
	kv := &memStore{}
	get := live.Getter(time.Second)
	refresh.Scheduled(context.Background(), get, srv.Upstreams(), kv, now)
	good := string(kv.data)
	if kept, err := refresh.Kept(kv); err != nil || kept.Height != st.Height {
		t.Fatalf("the first run kept %+v, %v", kept, err)
	}
	down := st
	down.Fail = map[string]int{}
	for _, p := range []string{refresh.PathBlocks, refresh.PathRewardStats, refresh.PathHashrate, refresh.PathCoinbase, refresh.PathKraken, refresh.PathBitstamp, refresh.PathVietcombank} {
		down.Fail[p] = 503
	}
	srv.Set(down)
	kv.getErr = fmt.Errorf("KV: 503")
	problems := refresh.Scheduled(context.Background(), get, srv.Upstreams(), kv, now.Add(10*time.Minute))
	if string(kv.data) != good || kv.written != 1 {
		t.Errorf("a run that could not read KV wrote it (%d writes): %.120s", kv.written, kv.data)
	}
	if len(problems) == 0 {
		t.Error("the read failure is not reported")
	}
}
