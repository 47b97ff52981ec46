package econ

import "math"

// Site is a powered site that can mine, lease its capacity to an AI/HPC
// tenant (colocation), or run GPUs and sell GPU-hours. The site's power
// capacity is MW at the meter; whoever runs it, the site pays for the power.
type Site struct {
	MW             float64 // power capacity at the meter
	PowerUSDPerKWh float64
	Years          float64 // horizon of the comparison
	DiscountPct    float64 // yearly discount rate for NPV

	// Mining: revenue comes from the network's hashprice.
	Mining               Miner // its PowerUSDPerKWh is replaced by the site's
	HashpriceUSDPerPHDay float64
	MiningCapexUSDPerMW  float64

	// Colocation: a tenant pays per kW of IT load a month. The IT load is the
	// site's power divided by PUE (cooling and losses take the rest).
	LeaseUSDPerKWMonth float64
	PUE                float64
	LeaseCapexUSDPerMW float64 // converting the site into a data hall

	// GPU cloud: the site runs GPUs and rents them by the hour.
	GPUUSDPerHour     float64
	WattsPerGPU       float64 // per GPU, with its share of the server
	GPUUtilizationPct float64 // hours sold / hours available
	GPUCapexUSDPerMW  float64 // hall and GPUs
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

// Conversion compares the three uses of one site.
type Conversion struct {
	Mining, Lease, GPU   Option
	LeaseToMiningRevenue float64 // revenue per kWh, lease / mining
	GPUToMiningRevenue   float64 // revenue per kWh, GPU cloud / mining
	// MiningWinsHashpriceUSDPerPHDay is the hashprice above which mining's NPV
	// beats the better of the other two.
	MiningWinsHashpriceUSDPerPHDay float64
}

// Compare values the site's three options.
func (s Site) Compare() Conversion {
	var c Conversion
	c.Mining = s.option(s.miningRevenuePerKWh(s.HashpriceUSDPerPHDay), s.Mining.UptimePct, s.MiningCapexUSDPerMW)
	c.Lease = s.option(s.LeaseUSDPerKWMonth/hoursPerMonth/s.PUE, 100, s.LeaseCapexUSDPerMW)
	gpuRevenue := s.GPUUSDPerHour * s.GPUUtilizationPct / 100 / (s.WattsPerGPU / 1000 * s.PUE)
	c.GPU = s.option(gpuRevenue, 100, s.GPUCapexUSDPerMW)
	c.LeaseToMiningRevenue = c.Lease.RevenueUSDPerKWh / c.Mining.RevenueUSDPerKWh
	c.GPUToMiningRevenue = c.GPU.RevenueUSDPerKWh / c.Mining.RevenueUSDPerKWh

	// Mining's NPV is linear in hashprice: NPV(h) = NPV(0) + h x slope.
	best := math.Max(c.Lease.NPVUSD, c.GPU.NPVUSD)
	zero := s.option(0, s.Mining.UptimePct, s.MiningCapexUSDPerMW).NPVUSD
	slope := s.option(s.miningRevenuePerKWh(1), s.Mining.UptimePct, s.MiningCapexUSDPerMW).NPVUSD - zero
	c.MiningWinsHashpriceUSDPerPHDay = (best - zero) / slope
	return c
}

// miningRevenuePerKWh converts hashprice into revenue per kWh burnt, after
// the pool fee.
func (s Site) miningRevenuePerKWh(hashpriceUSDPerPHDay float64) float64 {
	return hashpriceUSDPerPHDay / 1000 * (1 - s.Mining.PoolFeePct/100) / s.Mining.KWhPerTHDay()
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
