package calc

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/hashswitch/hashswitch/wasm/netdata"
)

func TestNetworkAnswersTheSnapshotWithAges(t *testing.T) {
	committed := netdata.Committed()
	now := time.Unix(committed.Time, 0).Add(365 * 24 * time.Hour)
	live := committed
	live.AsOf, live.Height, live.PriceUSD = "2026-11-25", 1_000_000, 91_000
	live.Figures = map[string]netdata.Figure{"price": {Source: "median of Coinbase, Kraken", Time: now.Unix() - 120}}
	tests := []struct {
		name   string
		env    *Env
		query  string
		height int64
		live   bool
		pinned bool
		age    int64 // of the price
	}{
		{"no live figures: the committed snapshot", &Env{Now: func() time.Time { return now }}, "", committed.Height, false, false, 365 * 86400},
		{"live", &Env{Now: func() time.Time { return now }, Live: func() (netdata.Snapshot, error) { return live, nil }}, "", 1_000_000, true, false, 120},
		{"live failed", &Env{Now: func() time.Time { return now }, Live: func() (netdata.Snapshot, error) { return live, errors.New("KV down") }}, "", committed.Height, false, false, 365 * 86400},
		{"pinned", &Env{Now: func() time.Time { return now }, Live: func() (netdata.Snapshot, error) { return live, nil }}, "asof=2025-11-25", committed.Height, false, true, 365 * 86400},
	}
	for _, tt := range tests {
		a := tt.env.Get(Prefix+"network", tt.query)
		var r NetworkResult
		if err := json.Unmarshal(a.Body, &r); err != nil || a.Status != 200 {
			t.Fatalf("%s: %d %s", tt.name, a.Status, a.Body)
		}
		if r.Height != tt.height || r.Live != tt.live || r.Pinned != tt.pinned || r.Figures["price"].AgeSec != tt.age {
			t.Errorf("%s: %+v", tt.name, r)
		}
		if a.MaxAgeSec != 60 {
			t.Errorf("%s: cached for %d s", tt.name, a.MaxAgeSec)
		}
	}
	if code, b := get(t, "/api/v1/network?asof=2024-13-01"); code != 400 || errorOf(t, b)["field"] != "asof" {
		t.Errorf("bad asof: %d %v", code, b)
	}
}
