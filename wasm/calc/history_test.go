package calc

import "testing"

// The calc tests run every endpoint without package api, which gives the
// real history (its tests: wasm/api/history_test.go). This stands in: one
// point on from, with what was asked echoed.
func init() {
	if DefaultHistory == nil {
		DefaultHistory = func(r HistoryRequest) (HistoryResult, error) {
			if r.From == "" {
				r.From = "2025-01-01"
			}
			return HistoryResult{Kind: "daily", Source: "a stand-in for the calc tests", From: r.From, To: r.To, Step: r.Step,
				Fields: []string{"hashprice_usd"}, Points: []HistoryPoint{{Date: r.From, Values: map[string]float64{"hashprice_usd": 40}}},
				Halvings: []HistoryHalving{{Height: 840000, Date: "2024-04-20"}}, MaxAgeSec: 3600}, nil
		}
	}
}

// TestHistoryWithoutAHost: a host that keeps no series (the page) answers
// 400 saying where the history is, not an empty series.
func TestHistoryWithoutAHost(t *testing.T) {
	saved := DefaultHistory
	DefaultHistory = nil
	defer func() { DefaultHistory = saved }()
	if a := Get(Prefix+"history", ""); a.Status != StatusBadInput {
		t.Errorf("%d %s", a.Status, a.Body)
	}
}
