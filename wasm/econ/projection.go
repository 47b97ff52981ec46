package econ

import "math"

// Projection follows one TH/s of hardware forward in time, retarget by
// retarget: difficulty grows by a fixed percentage at each adjustment, the
// subsidy halves at its height, price and fees stay as they are. Blocks are
// assumed to come at the target spacing, which retargeting keeps on average.
type Projection struct {
	Network Network // today, with its Chain; its SubsidyBTC is ignored in favour of Height's
	Height  int64   // today's block height
	Miner   Miner   // its PriceUSDPerTH is what the machine cost
	// DifficultyGrowthPctPerEpoch is the change at each 2,016-block retarget.
	DifficultyGrowthPctPerEpoch float64
	HorizonDays                 float64
}

// Period is one stretch of constant difficulty and subsidy.
type Period struct {
	StartDay             float64
	Days                 float64
	Height               int64 // first block of the period
	Difficulty           float64
	SubsidyBTC           float64
	HashpriceUSDPerPHDay float64
	ProfitUSDPerTH       float64 // over the period
	CumulativeUSDPerTH   float64 // since day 0, before hardware cost
}

// ProjectionResult is a projection's periods and when the hardware pays back.
type ProjectionResult struct {
	Periods []Period
	// PaybackDays is the first day after which cumulative profit, the
	// hardware's price counted on day 0, never again goes below zero (the
	// site's one payback rule), with each period's profit spread evenly
	// over it; 0 when it is never below zero (no hardware to pay), +Inf
	// when it ends below zero ("never").
	PaybackDays         float64
	TotalProfitUSDPerTH float64
}

// PaysBack reports whether the hardware pays for itself within the horizon.
func (r ProjectionResult) PaysBack() bool { return !math.IsInf(r.PaybackDays, 1) }

// Run computes the projection. Periods end at each retarget and halving.
func (pr Projection) Run() ProjectionResult {
	p := pr.Network.Chain
	spacingDays := float64(p.TargetSpacingSec) / secondsPerDay
	var res ProjectionResult

	n := pr.Network
	height := max(pr.Height, 0)
	day, cumulative := 0.0, 0.0
	growth := 1 + pr.DifficultyGrowthPctPerEpoch/100
	for day < pr.HorizonDays {
		nextRetarget := (height/p.RetargetInterval + 1) * p.RetargetInterval
		end := min(nextRetarget, p.NextHalvingHeight(height))
		days := math.Min(float64(end-height)*spacingDays, pr.HorizonDays-day)

		n.SubsidyBTC = SubsidyBTCAt(p, height)
		perDay := pr.Miner.ProfitOn(n).ProfitUSDPerTHDay
		profit := perDay * days
		before := cumulative - pr.Miner.PriceUSDPerTH
		if after := before + profit; before < 0 && after >= 0 {
			res.PaybackDays = day + days*(-before)/profit
		}
		cumulative += profit
		res.Periods = append(res.Periods, Period{
			StartDay: day, Days: days, Height: height,
			Difficulty: n.Difficulty, SubsidyBTC: n.SubsidyBTC,
			HashpriceUSDPerPHDay: n.HashpriceUSDPerPHDay(),
			ProfitUSDPerTH:       profit, CumulativeUSDPerTH: cumulative,
		})

		day += days
		height = end
		if end == nextRetarget {
			n.Difficulty *= growth
		}
	}
	res.TotalProfitUSDPerTH = cumulative
	if cumulative < pr.Miner.PriceUSDPerTH {
		res.PaybackDays = math.Inf(1)
	}
	return res
}
