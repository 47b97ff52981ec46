package econ

import (
	"math"

	"github.com/hashswitch/hashswitch/wasm/chain"
)

// Attack prices a majority attack both ways it can be done. Buying: new
// machines, the buildings and power for them, and the months it takes to
// make them. Renting: hashrate by the hour, as crypto51 prices attacks,
// limited by how much is for rent. To outpace the honest network the
// attacker needs more hashrate than all of it.
type Attack struct {
	Chain            *chain.Params
	NetworkEHs       float64 // honest hashrate today
	SharePct         float64 // attacker's share of the total after joining, > 50
	HardwareUSDPerTH float64 // price of new machines per TH/s
	EfficiencyJPerTH float64
	PowerUSDPerKWh   float64
	Hours            float64 // how long the attack runs
	// HashpriceUSDPerPHDay, if set, values the mining reward the attacker's
	// hashrate could have earned honestly over the same hours, and prices
	// renting it.
	HashpriceUSDPerPHDay float64

	// Buying also means housing the machines.
	BuildingUSDPerMW float64
	// How fast the machines could be made: EH/s a month the makers ship
	// (0: unknown).
	SupplyEHsPerMonth float64

	// Renting: hashrate is rented by the hour at hashprice plus a premium,
	// from what rental markets have for rent.
	RentPremiumPct float64
	RentableEHs    float64
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

	BuildingsUSD float64 // housing the machines
	BuyUSD       float64 // machines, buildings and power
	// ManufactureMonths is how long making the machines would take, NaN
	// when the supply is unknown.
	ManufactureMonths float64

	RentUSDPerHour float64 // at hashprice plus the premium
	RentUSD        float64 // for the attack's hours
	// RentableSharePct is how much of the needed hashrate is for rent.
	RentableSharePct float64
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
	blocksPerHour := secondsPerHour / float64(a.Chain.TargetSpacingSec)
	c.BlocksPerHour = blocksPerHour * c.AttackerEHs / a.NetworkEHs

	c.BuildingsUSD = c.PowerMW * a.BuildingUSDPerMW
	c.BuyUSD = c.HardwareUSD + c.BuildingsUSD + c.PowerUSD
	c.ManufactureMonths = math.NaN()
	if a.SupplyEHsPerMonth > 0 {
		c.ManufactureMonths = c.AttackerEHs / a.SupplyEHsPerMonth
	}
	// crypto51's method: the hashrate's hourly earnings at hashprice, plus
	// the premium a renter asks.
	c.RentUSDPerHour = c.AttackerEHs * 1000 * a.HashpriceUSDPerPHDay / hoursPerDay * (1 + a.RentPremiumPct/100)
	c.RentUSD = c.RentUSDPerHour * a.Hours
	if c.AttackerEHs > 0 {
		c.RentableSharePct = 100 * math.Min(1, a.RentableEHs/c.AttackerEHs)
	}
	return c
}
