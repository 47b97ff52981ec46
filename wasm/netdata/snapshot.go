// Package netdata holds the network figures the calculators start from: a
// snapshot of the chain tip, its difficulty and fees, and the bitcoin price,
// each with its date and source.
//
// The package is pure Go and must never import syscall/js or net/http.
package netdata

import "time"

// Snapshot is the state of the network at one moment, as a reader's
// calculator starts from it.
type Snapshot struct {
	AsOf       string  `json:"as_of"`  // the date the figures describe, YYYY-MM-DD
	Source     string  `json:"source"` // where they come from, for people
	Height     int64   `json:"height"` // the chain tip's height at AsOf
	TimeUnix   int64   `json:"time"`   // AsOf, as unix seconds
	PriceUSD   float64 `json:"price_usd"`
	Difficulty float64 `json:"difficulty"`
	SubsidyBTC float64 `json:"subsidy_btc"`
	FeesBTC    float64 `json:"fees_btc"` // mean fees per block
}

// Committed returns the figures of late November 2025 press coverage
// (../shared/FACTS.md), when hashprice hit its record low: the snapshot a
// build uses when it fetches nothing.
func Committed() Snapshot {
	return Snapshot{
		AsOf:       "2025-11-25",
		Source:     "late November 2025 press coverage: BTC near $85,000, difficulty about 149.3 T after the mid-November adjustment",
		Height:     925_000,
		TimeUnix:   1764028800,
		PriceUSD:   85_000,
		Difficulty: 149.3e12,
		SubsidyBTC: 3.125,
		FeesBTC:    0.02,
	}
}

// Date returns AsOf as a time, or the zero time when it is malformed.
func (s Snapshot) Date() time.Time {
	t, _ := time.Parse(time.DateOnly, s.AsOf)
	return t
}
