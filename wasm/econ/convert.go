package econ

import (
	"math"

	"github.com/hashswitch/hashswitch/wasm/chain"
)

// Site is a powered site that can mine, lease its capacity to an AI/HPC
// tenant (colocation), or run GPUs and sell GPU-hours, valued month by
// month over a horizon. MW is the capacity at the meter; each use turns it
// into IT load through its own PUE.
type Site struct {
	MW             float64 // power capacity at the meter
	PowerUSDPerKWh float64
	Years          float64 // horizon of the comparison
	DiscountPct    float64 // yearly discount rate for NPV

	Mining Mining
	Lease  *Lease    // nil: not an option
	GPU    *GPUCloud // nil: not an option
}

// Mining is the site mining: hashprice moves with the halvings and the
// difficulty, machines wear out and are bought again, and hours switched
// off for the grid (demand response) earn their own price.
type Mining struct {
	Miner                        // efficiency, pool fee, uptime; its PowerUSDPerKWh is ignored
	HashpriceUSDPerPHDay float64 // today's

	// The projection: today's height, the share of the block reward paid
	// by fees (fees do not halve), and the difficulty's change at each
	// 2,016-block retarget. A nil Chain projects no halving.
	Chain                       *chain.Params
	Height                      int64
	FeeSharePct                 float64
	DifficultyGrowthPctPerEpoch float64

	PUE                 float64 // facility power per machine power, 1 or more
	CapexUSDPerMW       float64 // buildings and power gear, per MW at the meter
	ASICUSDPerTH        float64 // the machines, bought at the start
	ASICLifeYears       float64 // and again at the end of each life; 0: they last
	CurtailHoursPerYear float64 // hours switched off for the grid
	CurtailUSDPerMWh    float64 // what the grid pays for them
}

// Lease is colocation: a tenant pays per kW of IT load a month, for the
// contract's term. The IT load is the site's power over PUE.
type Lease struct {
	USDPerKWMonth   float64
	PUE             float64
	CapexUSDPerITMW float64 // turning the site into a data hall, per MW of IT load
	// TenantPaysPower: the tenant pays the power on top of the lease, as in
	// most leases; otherwise the site pays it out of the lease.
	TenantPaysPower bool
	TermYears       float64 // 0: the whole horizon
}

// GPUCloud is running GPUs and renting them by the hour. The site pays
// their power; the GPUs wear out and are bought again.
type GPUCloud struct {
	USDPerGPUHour   float64
	WattsPerGPU     float64 // per GPU, with its share of the server
	PUE             float64
	UtilizationPct  float64 // hours sold / hours available
	CapexUSDPerITMW float64 // the hall, per MW of IT load, GPUs excluded
	USDPerGPU       float64 // a GPU with its share of the server
	GPULifeYears    float64 // 0: they last
}

// Option is one use of the site over its horizon.
type Option struct {
	RevenueUSDPerKWh float64 // today, per kWh at the meter
	// The first year's flows.
	KWhPerYear        float64 // drawn at the meter
	RevenueUSDPerYear float64
	PowerUSDPerYear   float64
	ProfitUSDPerYear  float64 // revenue less power
	// Over the horizon.
	CapexUSD               float64 // buildings and equipment, replacements included
	RevenueUSD             float64
	DepreciationUSDPerYear float64 // of the equipment bought at the start, straight line over its life
	// PaybackYears is when cumulative cash, capex included, first turns
	// positive; +Inf when it never does within the horizon.
	PaybackYears float64
	NPVUSD       float64 // cash flows discounted at the year's end, capex when spent
	// CashToday is the cash after what is spent at the start (negative),
	// and CashByYear the cumulative cash at the end of each year, capex
	// included, undiscounted.
	CashToday  float64
	CashByYear []float64
}

// Conversion compares the uses of one site. Lease and GPU are nil when the
// site has no such option, and so are their ratios to mining (zero).
type Conversion struct {
	Mining     Option
	Lease, GPU *Option
	// Revenue per kWh today of each alternative over mining's.
	LeaseToMiningRevenue, GPUToMiningRevenue float64
	// MiningWinsHashpriceUSDPerPHDay is today's hashprice above which
	// mining's NPV beats every alternative's (NaN when there is none).
	MiningWinsHashpriceUSDPerPHDay float64
}

// Compare values the site's options.
func (s Site) Compare() Conversion {
	c := Conversion{Mining: s.mining(s.Mining.HashpriceUSDPerPHDay)}
	best := math.Inf(-1)
	if s.Lease != nil {
		o := s.lease()
		c.Lease, c.LeaseToMiningRevenue = &o, o.RevenueUSDPerKWh/c.Mining.RevenueUSDPerKWh
		best = math.Max(best, o.NPVUSD)
	}
	if s.GPU != nil {
		o := s.gpu()
		c.GPU, c.GPUToMiningRevenue = &o, o.RevenueUSDPerKWh/c.Mining.RevenueUSDPerKWh
		best = math.Max(best, o.NPVUSD)
	}
	c.MiningWinsHashpriceUSDPerPHDay = math.NaN()
	if !math.IsInf(best, -1) {
		// Mining's NPV is linear in today's hashprice: every later one is
		// a fixed multiple of it. NPV(h) = NPV(0) + h x slope.
		zero := s.mining(0).NPVUSD
		slope := s.mining(1).NPVUSD - zero
		c.MiningWinsHashpriceUSDPerPHDay = (best - zero) / slope
	}
	return c
}

const (
	monthsPerYear = 12
	blocksPerYear = hoursPerYear * 6 // at the target spacing
)

// HashpriceFactor is hashprice at t years from today over today's: the
// subsidy's part halves at each halving the chain passes, the fees' part
// stays, and both divide by the difficulty's growth at each retarget.
func (m Mining) HashpriceFactor(t float64) float64 {
	blocks := int64(t * blocksPerYear)
	halvings := 0
	if m.Chain != nil {
		halvings = int(m.Chain.Epoch(m.Height+blocks) - m.Chain.Epoch(m.Height))
	}
	fee := m.FeeSharePct / 100
	reward := (1-fee)*math.Ldexp(1, -halvings) + fee
	retargets := 0.0
	if m.Chain != nil {
		retargets = float64((m.Height+blocks)/m.Chain.RetargetInterval - m.Height/m.Chain.RetargetInterval)
	}
	return reward / math.Pow(1+m.DifficultyGrowthPctPerEpoch/100, retargets)
}

// mining values the site mining at today's hashprice h.
func (s Site) mining(h float64) Option {
	m := s.Mining
	pue := math.Max(m.PUE, 1)
	// Machines: the site's power over PUE, at efficiency J/TH (W per TH/s).
	th := s.MW * 1e6 / pue / m.EfficiencyJPerTH
	hoursOn := math.Max(0, hoursPerYear*m.UptimePct/100-m.CurtailHoursPerYear)
	keep := 1 - m.PoolFeePct/100
	flow := func(t, dt float64) (revenue, kwh float64) {
		revenue = th * h / 1000 * m.HashpriceFactor(t) * keep * hoursOn * dt / hoursPerDay
		revenue += m.CurtailHoursPerYear * dt * s.MW * m.CurtailUSDPerMWh
		return revenue, s.MW * 1000 * hoursOn * dt
	}
	capex := []spend{{0, m.CapexUSDPerMW * s.MW}}
	machines := th * m.ASICUSDPerTH
	capex = append(capex, replaced(machines, m.ASICLifeYears, s.Years)...)
	o := s.project(flow, capex)
	o.RevenueUSDPerKWh = h / 1000 * keep / (m.KWhPerTHDay() * pue)
	if m.ASICLifeYears > 0 {
		o.DepreciationUSDPerYear = machines / m.ASICLifeYears
	}
	return o
}

// lease values the site leased to an AI tenant.
func (s Site) lease() Option {
	l := s.Lease
	itKW := s.MW * 1000 / l.PUE
	term := l.TermYears
	if term <= 0 {
		term = s.Years
	}
	flow := func(t, dt float64) (revenue, kwh float64) {
		if t >= term {
			return 0, 0
		}
		return l.USDPerKWMonth * itKW * monthsPerYear * dt, s.MW * 1000 * hoursPerYear * dt
	}
	o := s.projectPower(flow, []spend{{0, l.CapexUSDPerITMW * itKW / 1000}}, !l.TenantPaysPower)
	o.RevenueUSDPerKWh = l.USDPerKWMonth / hoursPerMonth / l.PUE
	return o
}

// gpu values the site running GPUs.
func (s Site) gpu() Option {
	g := s.GPU
	itW := s.MW * 1e6 / g.PUE
	gpus := itW / g.WattsPerGPU
	flow := func(t, dt float64) (revenue, kwh float64) {
		return gpus * g.USDPerGPUHour * g.UtilizationPct / 100 * hoursPerYear * dt, s.MW * 1000 * hoursPerYear * dt
	}
	fleet := gpus * g.USDPerGPU
	capex := append([]spend{{0, g.CapexUSDPerITMW * itW / 1e6}}, replaced(fleet, g.GPULifeYears, s.Years)...)
	o := s.project(flow, capex)
	o.RevenueUSDPerKWh = g.USDPerGPUHour * g.UtilizationPct / 100 / (g.WattsPerGPU / 1000 * g.PUE)
	if g.GPULifeYears > 0 {
		o.DepreciationUSDPerYear = fleet / g.GPULifeYears
	}
	return o
}

// spend is capital spent at a time, in years from today.
type spend struct{ at, usd float64 }

// replaced is equipment bought today and again at the end of each life
// within the horizon.
func replaced(usd, life, years float64) []spend {
	out := []spend{{0, usd}}
	if life <= 0 || usd == 0 {
		return out
	}
	for t := life; t < years; t += life {
		out = append(out, spend{t, usd})
	}
	return out
}

func (s Site) project(flow func(t, dt float64) (float64, float64), capex []spend) Option {
	return s.projectPower(flow, capex, true)
}

// projectPower runs a use month by month: flow gives its revenue and the
// kWh it draws over dt years from t; the site pays for that power when
// paysPower. Each year's cash is discounted at the year's end, capex when
// it is spent.
func (s Site) projectPower(flow func(t, dt float64) (float64, float64), capex []spend, paysPower bool) Option {
	r := s.DiscountPct / 100
	o := Option{PaybackYears: math.Inf(1)}
	cash := 0.0
	spent := make([]bool, len(capex))
	spendUntil := func(t float64) {
		for i, c := range capex {
			if !spent[i] && c.at <= t+1e-9 {
				spent[i] = true
				o.CapexUSD += c.usd
				cash -= c.usd
				o.NPVUSD -= c.usd / math.Pow(1+r, c.at)
			}
		}
	}
	spendUntil(0)
	o.CashToday = cash
	yearProfit := 0.0
	months := int(math.Ceil(s.Years*monthsPerYear - 1e-9))
	for m := 0; m < months; m++ {
		t := float64(m) / monthsPerYear
		spendUntil(t)
		step := math.Min(1.0/monthsPerYear, s.Years-t)
		rev, kwh := flow(t, step)
		power := 0.0
		if paysPower {
			power = kwh * s.PowerUSDPerKWh
		}
		if m < monthsPerYear {
			o.KWhPerYear += kwh
			o.RevenueUSDPerYear += rev
			o.PowerUSDPerYear += power
		}
		o.RevenueUSD += rev
		before := cash
		cash += rev - power
		yearProfit += rev - power
		if math.IsInf(o.PaybackYears, 1) && cash >= 0 && before < 0 {
			o.PaybackYears = t + step*(-before)/(cash-before)
		}
		if (m+1)%monthsPerYear == 0 || m == months-1 {
			o.NPVUSD += yearProfit / math.Pow(1+r, float64(m/monthsPerYear+1))
			o.CashByYear = append(o.CashByYear, cash)
			yearProfit = 0
		}
	}
	if o.CapexUSD == 0 && cash >= 0 {
		o.PaybackYears = 0
	}
	o.ProfitUSDPerYear = o.RevenueUSDPerYear - o.PowerUSDPerYear
	return o
}
