package econ

import "github.com/hashswitch/hashswitch/wasm/chain"

// Attack prices a majority attack by someone who brings new hardware: to
// outpace the honest network they need more hashrate than all of it.
type Attack struct {
	Chain            *chain.Params
	NetworkEHs       float64 // honest hashrate today
	SharePct         float64 // attacker's share of the total after joining, > 50
	HardwareUSDPerTH float64 // price of new machines per TH/s
	EfficiencyJPerTH float64
	PowerUSDPerKWh   float64
	Hours            float64 // how long the attack runs
	// HashpriceUSDPerPHDay, if set, values the mining reward the attacker's
	// hashrate could have earned honestly over the same hours.
	HashpriceUSDPerPHDay float64
}

// AttackCost is what an Attack takes.
type AttackCost struct {
	AttackerEHs      float64
	HardwareUSD      float64
	PowerMW          float64
	PowerUSDPerHour  float64
	PowerUSD         float64 // for the whole attack
	TotalUSD         float64 // hardware plus power
	HonestRevenueUSD float64 // forgone honest mining over the same hours
	BlocksPerHour    float64 // blocks the attacker finds at its share
}

// Cost returns the attack's cost. With share s of the total, the attacker
// needs s/(1-s) times the honest hashrate.
func (a Attack) Cost() AttackCost {
	s := a.SharePct / 100
	var c AttackCost
	c.AttackerEHs = a.NetworkEHs * s / (1 - s)
	th := c.AttackerEHs * perEH / perTH
	c.HardwareUSD = th * a.HardwareUSDPerTH
	c.PowerMW = th * a.EfficiencyJPerTH / 1e6
	c.PowerUSDPerHour = c.PowerMW * 1000 * a.PowerUSDPerKWh
	c.PowerUSD = c.PowerUSDPerHour * a.Hours
	c.TotalUSD = c.HardwareUSD + c.PowerUSD
	c.HonestRevenueUSD = a.HashpriceUSDPerPHDay * c.AttackerEHs * 1000 * a.Hours / hoursPerDay
	blocksPerHour := 3600 / float64(a.Chain.TargetSpacingSec)
	c.BlocksPerHour = blocksPerHour * c.AttackerEHs / a.NetworkEHs
	return c
}
