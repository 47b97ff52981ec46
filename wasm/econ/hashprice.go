// Package econ turns network figures into money: hashprice, a miner's profit,
// the power cost of a bitcoin, projections through difficulty growth and
// halvings, the value of a site mining versus hosting AI, and the cost of a
// 51% attack.
//
// These are estimates for people, so they are float64 in US dollars and BTC;
// the exact consensus values (satoshis, targets) come from package chain.
// Units are in the names: USD, BTC, PH (petahash per second), TH, JPerTH,
// KWh, MW. The package is pure Go and must never import syscall/js.
package econ

import "github.com/hashswitch/hashswitch/wasm/chain"

const (
	secondsPerDay  = 86_400
	secondsPerHour = 3_600
	hoursPerDay    = 24
	hoursPerYear   = 8_760
	hoursPerMonth  = hoursPerYear / 12.0
	two32          = 1 << 32
	perPH          = 1e15 // hashes per second in one PH/s
	perTH          = 1e12
	perEH          = 1e18
)

// Network is the state of the network that mining revenue depends on.
type Network struct {
	Chain      *chain.Params // the consensus rules: block spacing, subsidy
	PriceUSD   float64       // USD per BTC
	Difficulty float64       // as Bitcoin Core reports it
	SubsidyBTC float64       // block subsidy
	FeesBTC    float64       // mean transaction fees per block
}

// DifficultyFromHashrateEHs converts a network hashrate in EH/s to the
// difficulty that finds a block every target spacing (p.TargetSpacingSec)
// at that rate.
func DifficultyFromHashrateEHs(p *chain.Params, ehs float64) float64 {
	return p.DifficultyFromHashrate(ehs * perEH)
}

// HashrateEHs returns the network hashrate that the difficulty implies.
func (n Network) HashrateEHs() float64 {
	return n.Chain.HashrateFromDifficulty(n.Difficulty) / perEH
}

// RewardBTC returns what a block pays its miner: subsidy plus fees.
func (n Network) RewardBTC() float64 { return n.SubsidyBTC + n.FeesBTC }

// BlocksPerPHDay returns the expected blocks that 1 PH/s finds in a day:
// 86,400 x 10^15 / (difficulty x 2^32).
func (n Network) BlocksPerPHDay() float64 {
	return secondsPerDay * perPH / (n.Difficulty * two32)
}

// HashvalueBTCPerPHDay returns the bitcoin 1 PH/s earns in a day.
func (n Network) HashvalueBTCPerPHDay() float64 {
	return n.RewardBTC() * n.BlocksPerPHDay()
}

// HashpriceUSDPerPHDay returns the dollars 1 PH/s earns in a day: hashprice.
func (n Network) HashpriceUSDPerPHDay() float64 {
	return n.HashvalueBTCPerPHDay() * n.PriceUSD
}

// FeeSharePct returns the percentage of the block reward paid by fees.
func (n Network) FeeSharePct() float64 {
	return 100 * n.FeesBTC / n.RewardBTC()
}

// SubsidyBTCAt returns the subsidy at height in BTC, from the exact satoshis.
func SubsidyBTCAt(p *chain.Params, height int64) float64 {
	return float64(p.SubsidySat(height)) / chain.Coin
}
