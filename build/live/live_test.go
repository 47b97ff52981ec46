package live

import (
	"context"
	"testing"
	"time"

	"github.com/hashswitch/hashswitch/internal/fakeupstream"
	"github.com/hashswitch/hashswitch/wasm/netdata/refresh"
)

func TestFeed(t *testing.T) {
	st := fakeupstream.Typical()
	st.Fail = map[string]int{}
	for _, p := range []string{refresh.PathBlocks, refresh.PathRewardStats, refresh.PathHashrate, refresh.PathCoinbase, refresh.PathKraken, refresh.PathBitstamp} {
		st.Fail[p] = 503
	}
	fake := fakeupstream.Start(st)
	defer fake.Close()
	f := NewFeed(Config{On: true, Upstreams: fake.Upstreams(), Timeout: time.Second})
	if err := f.Refresh(context.Background()); err == nil {
		t.Error("every upstream down, and Refresh says it worked")
	}
	if _, err := f.Snapshot(); err == nil {
		t.Error("a snapshot before any refresh worked")
	}
	st.Fail = nil
	fake.Set(st)
	if err := f.Refresh(context.Background()); err != nil {
		t.Fatal(err)
	}
	s, err := f.Snapshot()
	if err != nil || s.Height != st.Height || s.PriceUSD != 91000.50 || s.Stale {
		t.Errorf("%+v %v", s, err)
	}
}

func TestFromEnv(t *testing.T) {
	t.Setenv("HASHSWITCH_LIVE", "")
	t.Setenv("HASHSWITCH_UPSTREAM", "")
	if c := FromEnv(); c.On || c.Upstreams != refresh.PublicUpstreams() {
		t.Errorf("off by default: %+v", c)
	}
	t.Setenv("HASHSWITCH_LIVE", "1")
	t.Setenv("HASHSWITCH_UPSTREAM", "http://127.0.0.1:9")
	if c := FromEnv(); !c.On || c.Upstreams.Kraken != "http://127.0.0.1:9" || c.Upstreams.Mempool != "http://127.0.0.1:9" {
		t.Errorf("%+v", c)
	}
}
