package widget

import (
	"strconv"

	"github.com/hashswitch/hashswitch/wasm/econ"
)

// Snapshot is the network the calculators start from: the figures of late
// November 2025 press coverage (../shared/FACTS.md), when hashprice hit its
// record low. Pages print AsOf beside every calculator, so a reader always
// knows how old the numbers are.
var Snapshot = struct {
	AsOf       string  // the date the figures describe
	Source     string  // where they come from
	Height     int64   // an approximate block height at AsOf
	TimeUnix   int64   // AsOf, 00:00 UTC
	PriceUSD   float64 // BTC price
	Difficulty float64
	SubsidyBTC float64
	FeesBTC    float64 // mean fees per block
}{
	AsOf:       "2025-11-25",
	Source:     "late November 2025 press coverage: BTC near $85,000, difficulty at a record, hashprice below $35–36 per PH/s per day",
	Height:     925_000,
	TimeUnix:   1764028800,
	PriceUSD:   85_000,
	Difficulty: 149.3e12,
	SubsidyBTC: 3.125,
	FeesBTC:    0.02,
}

// snapshotHashrateEHs is the hashrate the snapshot's difficulty implies.
func snapshotHashrateEHs() string {
	n := econ.Network{Difficulty: Snapshot.Difficulty}
	return strconv.FormatFloat(float64(int64(n.HashrateEHs()+0.5)), 'f', -1, 64)
}

func ftoa(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
func itoa(x int64) string   { return strconv.FormatInt(x, 10) }
