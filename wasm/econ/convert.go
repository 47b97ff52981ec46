package econ

import (
	"math"

	"github.com/hashswitch/hashswitch/wasm/chain"
)

// Site is a powered site that can mine, lease its halls to an AI/HPC
// tenant (colocation), or run GPUs and sell GPU-hours, valued month by
// month over a horizon. MW is the capacity at the meter; each use turns it
// into IT load through its own PUE.
//
// The conventions, which the methodology page states with their formulas:
//   - Time runs in months of exactly 1/12 year (730 hours, 4,380 blocks at
//     the target spacing). A horizon or lease term ending inside a month
//     counts that month's fraction.
//   - Each month's operating cash is discounted from the month's end, each
//     purchase from the month's start, salvage from the horizon's end, at
//     the effective yearly rate: a dollar t years away is worth
//     1/(1 + rate)^t today.
//   - Payback is the first time after which cumulative cash, capital and
//     salvage included, never again goes below zero (0 when it never does;
//     never when it ends below zero).
//   - Equipment (machines, GPUs) is bought at month 0 and, at the end of
//     each life, again or not by Reinvest; buildings once, at month 0.
//     What is left of both at the horizon, straight line, is salvage.
type Site struct {
	MW             float64 // power capacity at the meter
	PowerUSDPerKWh float64
	Years          float64 // horizon of the comparison
	DiscountPct    float64 // effective yearly discount rate
	// BuildingLifeYears is the straight-line life of every use's buildings,
	// for their salvage; they are not rebuilt within the horizon.
	BuildingLifeYears float64
	Reinvest          Reinvest

	Mining Mining
	Lease  *Lease    // nil: not an option
	GPU    *GPUCloud // nil: not an option
}

// Reinvest is when a use buys its equipment again at the end of a life.
type Reinvest int

const (
	// ReinvestWhenProfitable buys a new fleet, at the end of a life or in
	// any later month without one, when its discounted operating cash
	// until the end of its life or of the horizon, plus its salvage, covers
	// its price.
	ReinvestWhenProfitable Reinvest = iota
	ReinvestAlways                  // at the end of every life
	ReinvestNever                   // the first fleet only; then the use stops
)

// Mining is the site mining: hashprice moves with the halvings and the
// difficulty, machines wear out, the hall is switched off in months that
// do not pay for their power, and hours switched off for the grid (demand
// response) earn their own price.
type Mining struct {
	// The machines, bought again at the end of each life as the site's
	// Reinvest says.
	Hardware
	HashpriceUSDPerPHDay float64 // today's

	// The projection: today's height (the first block of the horizon),
	// the share of the block reward paid by fees (fees do not halve), and
	// the difficulty's change at each retarget. A nil Chain projects no
	// halving and no retarget, blocks coming at mainnet's spacing.
	Chain                       *chain.Params
	Height                      int64
	FeeSharePct                 float64
	DifficultyGrowthPctPerEpoch float64

	CapexUSDPerMW       float64 // buildings and power gear, per MW at the meter
	CurtailHoursPerYear float64 // hours switched off for the grid, out of the uptime's
	CurtailUSDPerMWh    float64 // what the grid pays for them, per MWh of capacity
	OpexUSDPerMWYear    float64 // staff, maintenance, insurance, while it has machines
	// RunAtALoss keeps the machines hashing in months whose revenue does
	// not cover their power; by default they are switched off.
	RunAtALoss bool
}

// Lease is colocation: a tenant pays per kW of IT load a month, for the
// contract's term, rising by an escalator each year. The IT load is the
// site's power over PUE.
type Lease struct {
	USDPerKWMonth   float64 // in the first year
	EscalatorPct    float64 // yearly rise of the rent
	PUE             float64
	CapexUSDPerITMW float64 // turning the site into a data hall, per MW of IT load
	// TenantPaysPower: the tenant pays the power on top of the rent (it is
	// revenue and cost alike); otherwise the site pays it out of the rent.
	TenantPaysPower  bool
	TermYears        float64 // 0: the whole horizon
	OpexUSDPerMWYear float64 // the landlord's, during the term
}

// GPUCloud is running GPUs and renting them by the hour. The site pays
// their power at full draw; the GPUs wear out and may be bought again.
type GPUCloud struct {
	USDPerGPUHour float64 // what a new GPU's hour sells for
	// DeclinePct is the yearly fall of a GPU-hour's price as the GPU ages:
	// in a fleet's year a (from its purchase) its hour sells for
	// USDPerGPUHour x (1 - d)^a. A new fleet costs USDPerGPU again and
	// starts again at USDPerGPUHour: the next generation rents new at
	// what this one did.
	DeclinePct       float64
	WattsPerGPU      float64 // per GPU, with its share of the server
	PUE              float64
	UtilizationPct   float64 // hours sold / hours available
	CapexUSDPerITMW  float64 // the hall, per MW of IT load, GPUs excluded
	USDPerGPU        float64 // a GPU with its share of the server, today
	GPULifeYears     float64
	OpexUSDPerMWYear float64 // staff, network, insurance, while it has GPUs
}

// Option is one use of the site over its horizon.
type Option struct {
	// Today, per kWh at the meter: what the use is paid, and that less
	// the power (before other operating costs).
	RevenueUSDPerKWh float64
	MarginUSDPerKWh  float64
	// The first year's flows (the horizon's, when it is shorter).
	KWhPerYear              float64 // drawn at the meter
	RevenueUSDPerYear       float64
	PowerUSDPerYear         float64
	OpexUSDPerYear          float64
	CashMarginUSDPerYear    float64 // revenue less power and other operating costs
	DepreciationUSDPerYear  float64 // of the first equipment and the buildings, straight line
	ProfitAfterDepreciation float64 // the cash margin less depreciation, the first year
	CapexUSD                float64 // buildings and equipment, replacements included
	SalvageUSD              float64 // left of them at the horizon
	RevenueUSD              float64 // over the horizon
	Purchases               int     // fleets of equipment bought, the first included
	MonthsOn, MonthsOff     int     // months (a last part-month counts as one) it ran, and not
	PaybackYears            float64 // +Inf: never
	NPVUSD                  float64
	CashToday               float64   // minus what is built and bought at month 0
	CashByYear              []float64 // cumulative at the end of each year (the last: the horizon's)
}

// Conversion compares the uses of one site. Lease and GPU are nil when the
// site has no such option, and so are their ratios to mining (NaN).
type Conversion struct {
	Mining     Option
	Lease, GPU *Option
	// Today's revenue per kWh of each alternative over mining's, and the
	// same of the margins (NaN when mining's margin is not positive).
	LeaseToMiningRevenue, GPUToMiningRevenue float64
	LeaseToMiningMargin, GPUToMiningMargin   float64
	// MiningWinsHashpriceUSDPerPHDay is the lowest hashprice today at which
	// mining's NPV reaches the best alternative's (NaN when there is no
	// alternative or no hashprice up to MaxHashprice does it).
	MiningWinsHashpriceUSDPerPHDay float64
	// MonthSteps is the months every ledger of the comparison ran: the
	// work it did, which the tests bound.
	MonthSteps int
}

// MaxHashprice bounds the search for the hashprice at which mining wins.
const MaxHashprice = 1e9

// Compare values the site's options.
func (s Site) Compare() Conversion {
	tl := s.timeline()
	var c Conversion
	plan := s.miningPlan(tl, &c.MonthSteps)
	c.Mining = plan.at(s.Mining.HashpriceUSDPerPHDay)
	c.LeaseToMiningRevenue, c.GPUToMiningRevenue = math.NaN(), math.NaN()
	c.LeaseToMiningMargin, c.GPUToMiningMargin = math.NaN(), math.NaN()
	ratios := func(o *Option) (revenue, margin float64) {
		margin = math.NaN()
		if c.Mining.MarginUSDPerKWh > 0 {
			margin = o.MarginUSDPerKWh / c.Mining.MarginUSDPerKWh
		}
		return o.RevenueUSDPerKWh / c.Mining.RevenueUSDPerKWh, margin
	}
	best := math.Inf(-1)
	if s.Lease != nil {
		o := s.lease(&tl, &c.MonthSteps)
		c.Lease = &o
		c.LeaseToMiningRevenue, c.LeaseToMiningMargin = ratios(&o)
		best = math.Max(best, o.NPVUSD)
	}
	if s.GPU != nil {
		o := s.gpu(&tl, &c.MonthSteps)
		c.GPU = &o
		c.GPUToMiningRevenue, c.GPUToMiningMargin = ratios(&o)
		best = math.Max(best, o.NPVUSD)
	}
	c.MiningWinsHashpriceUSDPerPHDay = math.NaN()
	if !math.IsInf(best, -1) {
		c.MiningWinsHashpriceUSDPerPHDay = plan.winsAbove(best)
	}
	return c
}

// winsAbove is the lowest hashprice h in [0, MaxHashprice] with
// NPV(h) >= npv, NaN when there is none. Mining's NPV never falls as
// hashprice rises, so bisection finds it: from [0, MaxHashprice], halved
// until the interval is at most 1e-12 x max(1, its upper end) wide, which
// takes at most 70 halvings; the answer is the upper end.
func (p *miningPlan) winsAbove(npv float64) float64 {
	ok := func(h float64) bool { return p.npv(h) >= npv }
	if ok(0) {
		return 0
	}
	if !ok(MaxHashprice) {
		return math.NaN()
	}
	lo, hi := 0.0, MaxHashprice
	for hi-lo > 1e-12*math.Max(hi, 1) {
		if mid := lo + (hi-lo)/2; ok(mid) {
			hi = mid
		} else {
			lo = mid
		}
	}
	return hi
}

const (
	monthsPerYear = 12
	// MinLifeYears is the shortest life of equipment and buildings: it
	// bounds the purchases a horizon can hold.
	MinLifeYears = 0.25
)

// timeline is the horizon cut into months, with each month's share of a
// whole month and the discount factors of its start and end.
type timeline struct {
	share       []float64
	start, end  []float64 // 1/(1+r)^t at the month's start and end
	horizon     float64   // years
	atHorizon   float64   // the discount factor at the horizon
	monthsTotal float64   // the horizon in months, fractional
}

func (s Site) timeline() timeline {
	total := s.Years * monthsPerYear
	n := max(int(math.Ceil(total-1e-9)), 1)
	r := 1 + s.DiscountPct/100
	tl := timeline{horizon: s.Years, atHorizon: math.Pow(r, -s.Years), monthsTotal: total}
	for m := range n {
		share := math.Min(1, total-float64(m))
		tl.share = append(tl.share, share)
		tl.start = append(tl.start, math.Pow(r, -float64(m)/monthsPerYear))
		tl.end = append(tl.end, math.Pow(r, -(float64(m)+share)/monthsPerYear))
	}
	return tl
}

// months is the number of months of the horizon, the last maybe a part.
func (tl *timeline) months() int { return len(tl.share) }

// HashpriceFactorAt is hashprice at block height h over today's: the
// subsidy's part follows the exact subsidy in satoshis (a chain with no
// subsidy left keeps its reward), the fees' part stays, and both divide by
// (1 + growth) at each retarget between today's height and h.
func (m Mining) HashpriceFactorAt(h int64) float64 {
	if m.Chain == nil {
		return 1
	}
	fee := m.FeeSharePct / 100
	subsidy := 1.0
	if s0 := m.Chain.SubsidySat(m.Height); s0 > 0 {
		subsidy = float64(m.Chain.SubsidySat(h)) / float64(s0)
	}
	retargets := float64(h/m.Chain.RetargetInterval - m.Height/m.Chain.RetargetInterval)
	return ((1-fee)*subsidy + fee) / math.Pow(1+m.DifficultyGrowthPctPerEpoch/100, retargets)
}

// spacingSec is the target block spacing: mainnet's when no Chain is
// given.
func (m Mining) spacingSec() float64 {
	if m.Chain == nil {
		return float64(chain.MainNet.TargetSpacingSec)
	}
	return float64(m.Chain.TargetSpacingSec)
}

// BlocksPerMonth is the blocks found in a month at the target spacing:
// 4,380 on mainnet.
func (m Mining) BlocksPerMonth() float64 { return hoursPerMonth * secondsPerHour / m.spacingSec() }

// BlockDays is the hashprice-weighted days of month `month`: the sum over
// its blocks of their hashprice factor, times the days a block lasts at
// the target spacing. The month holds blocks [Height + month x
// BlocksPerMonth, + share x BlocksPerMonth); it is split at each halving
// and retarget inside it.
func (m Mining) BlockDays(month int, share float64) float64 {
	per := m.BlocksPerMonth()
	from := float64(m.Height) + float64(month)*per
	to := from + share*per
	sum := 0.0
	for x := from; x < to; {
		h := int64(math.Floor(x))
		end := to
		if m.Chain != nil {
			next := min(m.Chain.NextHalvingHeight(h), (h/m.Chain.RetargetInterval+1)*m.Chain.RetargetInterval)
			end = math.Min(end, float64(next))
		}
		sum += m.HashpriceFactorAt(h) * (end - x)
		x = end
	}
	return sum * m.spacingSec() / secondsPerDay
}

// OnShare is the share of the hours the machines hash when they run:
// uptime less the hours switched off for the grid.
func (m Mining) OnShare() float64 {
	return math.Max(0, m.UptimePct/100-m.CurtailHoursPerYear/hoursPerYear)
}

// miningPlan is the site mining with everything but today's hashprice
// worked out: mining's revenue is linear in hashprice month by month, so
// the search for the hashprice at which mining wins reruns only the
// ledger, in the same buffers.
type miningPlan struct {
	s         Site
	tl        timeline
	perUSD    []float64 // each month's revenue per USD of today's hashprice
	running   []flow    // each month's flows at a zero hashprice, running
	u         use       // the ledger's input, refilled for each hashprice
	scratch   discounted
	monthsRun *int // the ledger's months, for the work bound
}

func (s Site) miningPlan(tl timeline, work *int) *miningPlan {
	m := s.Mining
	pue := math.Max(m.PUE, 1)
	th := s.MW * 1e6 / pue / m.EfficiencyJPerTH
	n := tl.months()
	p := &miningPlan{s: s, tl: tl, perUSD: make([]float64, n), running: make([]flow, n), monthsRun: work}
	keep := 1 - m.PoolFeePct/100
	opex := m.OpexUSDPerMWYear * s.MW / monthsPerYear
	for i, share := range tl.share {
		p.perUSD[i] = th / 1000 * keep * m.OnShare() * m.BlockDays(i, share)
		kwh := s.MW * 1000 * hoursPerMonth * share * m.OnShare()
		p.running[i] = flow{
			revenue: s.MW * m.CurtailHoursPerYear * share / monthsPerYear * m.CurtailUSDPerMWh,
			power:   kwh * s.PowerUSDPerKWh, opex: opex * share, kwh: kwh, ran: true,
		}
	}
	p.u = use{
		buildingsUSD: m.CapexUSDPerMW * s.MW,
		fleetUSD:     th * m.PriceUSDPerTH,
		lifeMonths:   LifeMonths(m.LifeYears),
		month:        make([]flow, n),
	}
	p.scratch = make(discounted, n+1)
	return p
}

// fill writes each month's flows at today's hashprice h into the ledger's
// input. In a month whose revenue (hashes and the grid's payment) does not
// cover its power, the machines are off: no revenue, no power, the other
// costs still paid.
func (p *miningPlan) fill(h float64) {
	for i, f := range p.running {
		f.revenue += h * p.perUSD[i]
		if !p.s.Mining.RunAtALoss && f.revenue < f.power {
			f = flow{opex: f.opex}
		}
		p.u.month[i] = f
	}
}

// at values the site mining at today's hashprice h.
func (p *miningPlan) at(h float64) Option {
	s, m := p.s, p.s.Mining
	p.fill(h)
	o := s.ledger(&p.tl, p.u, p.scratch, p.monthsRun)
	o.RevenueUSDPerKWh = m.RevenueUSDPerKWh(h)
	o.MarginUSDPerKWh = o.RevenueUSDPerKWh - s.PowerUSDPerKWh
	return o
}

// npv is at(h).NPVUSD without the ledger's other figures: the same
// purchases, found from the months' discounted cash summed once, with no
// allocation. The search for the hashprice at which mining wins runs it.
func (p *miningPlan) npv(h float64) float64 {
	p.fill(h)
	u, tl, pv := p.u, &p.tl, p.scratch
	n := tl.months()
	*p.monthsRun += n
	pv.sum(tl, u)
	v := -u.buildingsUSD + StraightLine(u.buildingsUSD, tl.horizon, p.s.buildingLife())*tl.atHorizon
	if u.fleetUSD == 0 {
		return v + pv[n]
	}
	bought := 0
	v -= u.fleetUSD * tl.start[0]
	for {
		until := bought + u.lifeMonths
		if until >= n {
			v += pv[n] - pv[bought]
			break
		}
		v += pv[until] - pv[bought]
		next := -1
		switch p.s.Reinvest {
		case ReinvestAlways:
			next = until
		case ReinvestWhenProfitable:
			for k := until; k < n && next < 0; k++ {
				if pv.worthBuying(tl, u, k) {
					next = k
				}
			}
		}
		if next < 0 {
			break
		}
		bought = next
		v -= u.fleetUSD * tl.start[bought]
	}
	return v + StraightLine(u.fleetUSD, tl.monthsTotal-float64(bought), float64(u.lifeMonths))*tl.atHorizon
}

// lease values the site leased to an AI tenant.
func (s Site) lease(tl *timeline, work *int) Option {
	l := s.Lease
	itKW := s.MW * 1000 / l.PUE
	term := l.TermYears
	if term <= 0 {
		term = s.Years
	}
	u := use{buildingsUSD: l.CapexUSDPerITMW * itKW / 1000, month: make([]flow, tl.months())}
	for i, share := range tl.share {
		// The part of month i inside both the horizon and the term.
		share = math.Min(share, term*monthsPerYear-float64(i))
		if share <= 0 {
			break
		}
		kwh := s.MW * 1000 * hoursPerMonth * share
		f := flow{
			revenue: l.USDPerKWMonth * math.Pow(1+l.EscalatorPct/100, float64(i/monthsPerYear)) * itKW * share,
			power:   kwh * s.PowerUSDPerKWh,
			opex:    l.OpexUSDPerMWYear * s.MW / monthsPerYear * share,
			kwh:     kwh, ran: true,
		}
		if l.TenantPaysPower {
			f.revenue += f.power
		}
		u.month[i] = f
	}
	o := s.ledger(tl, u, nil, work)
	rent := l.USDPerKWMonth / hoursPerMonth / l.PUE
	o.RevenueUSDPerKWh, o.MarginUSDPerKWh = rent, rent-s.PowerUSDPerKWh
	if l.TenantPaysPower {
		o.RevenueUSDPerKWh, o.MarginUSDPerKWh = rent+s.PowerUSDPerKWh, rent
	}
	return o
}

// gpu values the site running GPUs.
func (s Site) gpu(tl *timeline, work *int) Option {
	g := s.GPU
	itW := s.MW * 1e6 / g.PUE
	gpus := itW / g.WattsPerGPU
	u := use{
		buildingsUSD: g.CapexUSDPerITMW * itW / 1e6,
		fleetUSD:     gpus * g.USDPerGPU,
		ageDecline:   g.DeclinePct / 100,
		lifeMonths:   LifeMonths(g.GPULifeYears),
		month:        make([]flow, tl.months()),
	}
	for i, share := range tl.share {
		kwh := s.MW * 1000 * hoursPerMonth * share
		u.month[i] = flow{
			revenue: gpus * g.USDPerGPUHour * g.UtilizationPct / 100 * hoursPerMonth * share,
			power:   kwh * s.PowerUSDPerKWh,
			opex:    g.OpexUSDPerMWYear * s.MW / monthsPerYear * share,
			kwh:     kwh, ran: true,
		}
	}
	o := s.ledger(tl, u, nil, work)
	o.RevenueUSDPerKWh = g.USDPerGPUHour * g.UtilizationPct / 100 / (g.WattsPerGPU / 1000 * g.PUE)
	o.MarginUSDPerKWh = o.RevenueUSDPerKWh - s.PowerUSDPerKWh
	return o
}

// LifeMonths is a life in whole months, rounded to the nearest, of at
// least MinLifeYears.
func LifeMonths(years float64) int {
	return int(math.Round(math.Max(years, MinLifeYears) * monthsPerYear))
}

// StraightLine is what is left of usd after used of life months.
func StraightLine(usd, used, life float64) float64 {
	return usd * math.Max(0, 1-used/life)
}

// flow is one month of a use while it has its equipment.
type flow struct {
	revenue, power, opex, kwh float64
	ran                       bool // it ran (mining: hashed) that month
}

func (f flow) cash() float64 { return f.revenue - f.power - f.opex }

// use is one use of the site, month by month, ready for the ledger.
type use struct {
	buildingsUSD float64 // spent at month 0
	fleetUSD     float64 // equipment at today's price; 0: the use needs none
	// ageDecline is the yearly fall of revenue as a fleet ages: in its
	// year a, month's revenue x (1 - ageDecline)^a.
	ageDecline float64
	lifeMonths int
	month      []flow // each month's flows while the use has its equipment
}

// ageFactors are (1 - ageDecline)^a for each year a a fleet (or, with
// no fleet to buy, the use) can reach within n months.
func (u use) ageFactors(n int) []float64 {
	f := make([]float64, n/monthsPerYear+1)
	for a := range f {
		f[a] = math.Pow(1-u.ageDecline, float64(a))
	}
	return f
}

// discounted holds, at i, the discounted cash of a use's months before
// i, had it its equipment in all of them (and no fleet ageing): what a
// purchase decision weighs.
type discounted []float64

func (pv discounted) sum(tl *timeline, u use) {
	pv[0] = 0
	for i, f := range u.month {
		pv[i+1] = pv[i] + f.cash()*tl.end[i]
	}
}

// worthBuying reports whether a fleet bought at month k pays for itself:
// its discounted cash until the end of its life or of the horizon covers
// its net price.
func (pv discounted) worthBuying(tl *timeline, u use, k int) bool {
	end := min(k+u.lifeMonths, tl.months())
	return pv[end]-pv[k] >= u.netPrice(tl, k)
}

// netPrice is what a fleet bought at month k costs today: its price
// discounted from month k less its salvage discounted from the horizon.
func (u use) netPrice(tl *timeline, k int) float64 {
	salvage := StraightLine(u.fleetUSD, tl.monthsTotal-float64(k), float64(u.lifeMonths))
	return u.fleetUSD*tl.start[k] - salvage*tl.atHorizon
}

// buildingLife is the buildings' life for salvage and depreciation.
func (s Site) buildingLife() float64 { return math.Max(s.BuildingLifeYears, MinLifeYears) }

// traceBalance, when a test sets it, sees every balance the ledger
// passes through: at each month's start (after its purchases), at its end,
// and at the horizon after salvage.
var traceBalance func(years, cash float64)

// ledger runs a use through the horizon: it buys equipment as Reinvest
// says, books each month's cash, and values the whole. pv, if not nil,
// has room for months+1 values. work counts the months run.
func (s Site) ledger(tl *timeline, u use, pv discounted, work *int) Option {
	n := tl.months()
	*work += n
	life := float64(u.lifeMonths)
	age := u.ageFactors(n)
	// A purchase is weighed on the months' discounted cash; with ageing
	// fleets, on revenue year of age by year of age, so revenue and costs
	// are discounted and summed apart.
	var revenue, costs []float64
	if u.ageDecline == 0 {
		if pv == nil {
			pv = make(discounted, n+1)
		}
		pv.sum(tl, u)
	} else {
		revenue, costs = make([]float64, n+1), make([]float64, n+1)
		for i, f := range u.month {
			revenue[i+1] = revenue[i] + f.revenue*tl.end[i]
			costs[i+1] = costs[i] + (f.power+f.opex)*tl.end[i]
		}
	}
	worthBuying := func(k int) bool {
		if u.ageDecline == 0 {
			return pv.worthBuying(tl, u, k)
		}
		end := min(k+u.lifeMonths, n)
		v := -(costs[end] - costs[k])
		for a, from := 0, k; from < end; a, from = a+1, from+monthsPerYear {
			*work++
			v += age[a] * (revenue[min(from+monthsPerYear, end)] - revenue[from])
		}
		return v >= u.netPrice(tl, k)
	}

	o := Option{}
	var cash, payback float64
	spend := func(usd float64, m int) {
		o.CapexUSD += usd
		o.NPVUSD -= usd * tl.start[m]
		cash -= usd
	}
	spend(u.buildingsUSD, 0)
	// The equipment, bought at month `bought`, lasts until month `until`;
	// with none to buy, the use's month 0 starts its age.
	until, bought := n, 0
	buy := func(m int) {
		bought, until = m, m+u.lifeMonths
		spend(u.fleetUSD, m)
		o.Purchases++
	}
	if u.fleetUSD > 0 {
		buy(0)
	}
	o.CashToday = cash
	for m, share := range tl.share {
		if m >= until && (s.Reinvest == ReinvestAlways ||
			s.Reinvest == ReinvestWhenProfitable && worthBuying(m)) {
			buy(m)
		}
		f := flow{}
		if m < until {
			f = u.month[m]
			f.revenue *= age[(m-bought)/monthsPerYear]
		}
		if traceBalance != nil {
			traceBalance(float64(m)/monthsPerYear, cash)
		}
		if f.ran {
			o.MonthsOn++
		} else {
			o.MonthsOff++
		}
		before := cash
		cash += f.cash()
		o.NPVUSD += f.cash() * tl.end[m]
		o.RevenueUSD += f.revenue
		if m < monthsPerYear {
			o.KWhPerYear += f.kwh
			o.RevenueUSDPerYear += f.revenue
			o.PowerUSDPerYear += f.power
			o.OpexUSDPerYear += f.opex
		}
		// Capital spent at the month's start may have taken the balance
		// below zero; the month's cash, spread evenly over it, may bring
		// it back: payback is the last such crossing.
		if before < 0 && cash >= 0 {
			payback = (float64(m) + share*(-before)/(cash-before)) / monthsPerYear
		}
		if traceBalance != nil {
			traceBalance((float64(m)+share)/monthsPerYear, cash)
		}
		if (m+1)%monthsPerYear == 0 && m < n-1 {
			o.CashByYear = append(o.CashByYear, cash)
		}
	}
	buildingLife := s.buildingLife()
	o.SalvageUSD = StraightLine(u.buildingsUSD, tl.horizon, buildingLife)
	if o.Purchases > 0 {
		o.SalvageUSD += StraightLine(u.fleetUSD, tl.monthsTotal-float64(bought), life)
	}
	before := cash
	cash += o.SalvageUSD
	o.NPVUSD += o.SalvageUSD * tl.atHorizon
	o.CashByYear = append(o.CashByYear, cash)
	if traceBalance != nil {
		traceBalance(tl.horizon, cash)
	}
	switch {
	case cash < 0:
		payback = math.Inf(1)
	case before < 0:
		payback = tl.horizon
	}
	o.PaybackYears = payback
	o.CashMarginUSDPerYear = o.RevenueUSDPerYear - o.PowerUSDPerYear - o.OpexUSDPerYear
	if u.fleetUSD > 0 {
		o.DepreciationUSDPerYear = u.fleetUSD / (life / monthsPerYear)
	}
	o.DepreciationUSDPerYear += u.buildingsUSD / buildingLife
	o.ProfitAfterDepreciation = o.CashMarginUSDPerYear - o.DepreciationUSDPerYear
	return o
}
