package econ

import "math"

// Site is a powered site that can mine, lease its capacity to an AI/HPC
// tenant (colocation), or run GPUs and sell GPU-hours. MW is the capacity at
// the meter, and whoever uses it, the site pays for the power.
type Site struct {
	MW             float64 // power capacity at the meter
	PowerUSDPerKWh float64
	Years          float64 // horizon of the comparison
	DiscountPct    float64 // yearly discount rate for NPV

	// Mining: revenue comes from the network's hashprice. Mining.PowerUSDPerKWh
	// is ignored: the site's price applies.
	Mining               Miner
	HashpriceUSDPerPHDay float64
	MiningCapexUSDPerMW  float64

	Lease *Lease    // nil: not an option
	GPU   *GPUCloud // nil: not an option
}

// Lease is colocation: a tenant pays per kW of IT load a month. The IT load
// is the site's power divided by PUE (cooling and losses take the rest).
type Lease struct {
	USDPerKWMonth float64
	PUE           float64
	CapexUSDPerMW float64 // turning the site into a data hall
}

// GPUCloud is running GPUs and renting them by the hour.
type GPUCloud struct {
	USDPerGPUHour  float64
	WattsPerGPU    float64 // per GPU, with its share of the server
	PUE            float64
	UtilizationPct float64 // hours sold / hours available
	CapexUSDPerMW  float64 // the hall and the GPUs
}

// Option is one use of the site over its horizon.
type Option struct {
	RevenueUSDPerKWh  float64 // per kWh at the meter
	KWhPerYear        float64
	RevenueUSDPerYear float64
	PowerUSDPerYear   float64
	ProfitUSDPerYear  float64 // revenue less power
	CapexUSD          float64
	// PaybackYears is capex / yearly profit, +Inf when profit is not positive.
	PaybackYears float64
	NPVUSD       float64 // -capex + discounted yearly profits
}

// Conversion compares the uses of one site. Lease and GPU are nil when the
// site has no such option, and so are their ratios to mining (zero).
type Conversion struct {
	Mining     Option
	Lease, GPU *Option
	// Revenue per kWh of each alternative over mining's.
	LeaseToMiningRevenue, GPUToMiningRevenue float64
	// MiningWinsHashpriceUSDPerPHDay is the hashprice above which mining's NPV
	// beats every alternative's (NaN when there is none).
	MiningWinsHashpriceUSDPerPHDay float64
}

// Compare values the site's options.
func (s Site) Compare() Conversion {
	c := Conversion{Mining: s.mining(s.HashpriceUSDPerPHDay)}
	best := math.Inf(-1)
	if l := s.Lease; l != nil {
		o := s.option(l.USDPerKWMonth/hoursPerMonth/l.PUE, 100, l.CapexUSDPerMW)
		c.Lease, c.LeaseToMiningRevenue = &o, o.RevenueUSDPerKWh/c.Mining.RevenueUSDPerKWh
		best = math.Max(best, o.NPVUSD)
	}
	if g := s.GPU; g != nil {
		perKWh := g.USDPerGPUHour * g.UtilizationPct / 100 / (g.WattsPerGPU / 1000 * g.PUE)
		o := s.option(perKWh, 100, g.CapexUSDPerMW)
		c.GPU, c.GPUToMiningRevenue = &o, o.RevenueUSDPerKWh/c.Mining.RevenueUSDPerKWh
		best = math.Max(best, o.NPVUSD)
	}
	c.MiningWinsHashpriceUSDPerPHDay = math.NaN()
	if !math.IsInf(best, -1) {
		// Mining's NPV is linear in hashprice: NPV(h) = NPV(0) + h x slope.
		zero := s.mining(0).NPVUSD
		slope := s.mining(1).NPVUSD - zero
		c.MiningWinsHashpriceUSDPerPHDay = (best - zero) / slope
	}
	return c
}

// mining values the site mining at a hashprice.
func (s Site) mining(hashpriceUSDPerPHDay float64) Option {
	perKWh := hashpriceUSDPerPHDay / 1000 * (1 - s.Mining.PoolFeePct/100) / s.Mining.KWhPerTHDay()
	return s.option(perKWh, s.Mining.UptimePct, s.MiningCapexUSDPerMW)
}

// option values a use of the site that sells revenuePerKWh for every kWh it
// draws while it runs uptimePct of the year.
func (s Site) option(revenuePerKWh, uptimePct, capexPerMW float64) Option {
	o := Option{RevenueUSDPerKWh: revenuePerKWh, CapexUSD: capexPerMW * s.MW}
	o.KWhPerYear = s.MW * 1000 * hoursPerYear * uptimePct / 100
	o.RevenueUSDPerYear = o.KWhPerYear * revenuePerKWh
	o.PowerUSDPerYear = o.KWhPerYear * s.PowerUSDPerKWh
	o.ProfitUSDPerYear = o.RevenueUSDPerYear - o.PowerUSDPerYear
	o.PaybackYears = math.Inf(1)
	if o.ProfitUSDPerYear > 0 {
		o.PaybackYears = o.CapexUSD / o.ProfitUSDPerYear
	}
	o.NPVUSD = -o.CapexUSD + o.ProfitUSDPerYear*annuity(s.Years, s.DiscountPct/100)
	return o
}

// annuity returns the present value of 1 a year paid at each year's end for
// years years (a fractional last year pays its fraction) at rate r.
func annuity(years, r float64) float64 {
	var pv float64
	for y := 1.0; y-1 < years; y++ {
		pv += math.Min(1, years-(y-1)) / math.Pow(1+r, y)
	}
	return pv
}
