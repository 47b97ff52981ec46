package econ

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/hashswitch/hashswitch/wasm/chain"
)

// flatSite is the FACTS sheet's site, 100 MW at $0.05/kWh and a hashprice
// of $36, with the model's time terms switched off (no chain, so no
// halving or retarget; no machines or GPUs to buy; no other operating
// costs; no salvage): its flows are level, so textbook annuities check it.
var flatSite = Site{
	MW: 100, PowerUSDPerKWh: 0.05, Years: 10, DiscountPct: 10, BuildingLifeYears: 10,
	Mining: Mining{Hardware: Hardware{EfficiencyJPerTH: 17.5, UptimePct: 100, PUE: 1}, HashpriceUSDPerPHDay: 36, CapexUSDPerMW: 500_000},
	Lease:  &Lease{USDPerKWMonth: 130, PUE: 1.3, CapexUSDPerITMW: 9_500_000},
	GPU:    &GPUCloud{USDPerGPUHour: 2, WattsPerGPU: 1400, PUE: 1.3, UtilizationPct: 80, CapexUSDPerITMW: 9_500_000},
}

// realSite is the convert calculator's defaults at the end of November
// 2025: halvings, difficulty growth, machines and GPUs that wear out,
// declining GPU prices, an escalating lease, other operating costs.
var realSite = Site{
	MW: 100, PowerUSDPerKWh: 0.05, Years: 10, DiscountPct: 10, BuildingLifeYears: 20,
	Mining: Mining{Hardware: Hardware{EfficiencyJPerTH: 17.5, PoolFeePct: 2, UptimePct: 97, PUE: 1.05, PriceUSDPerTH: 15, LifeYears: 4},
		HashpriceUSDPerPHDay: 36, Chain: chain.MainNet, Height: 925_000, FeeSharePct: 0.64, DifficultyGrowthPctPerEpoch: 0.5,
		CapexUSDPerMW: 500_000, OpexUSDPerMWYear: 40_000},
	Lease: &Lease{USDPerKWMonth: 130, EscalatorPct: 2, PUE: 1.3, CapexUSDPerITMW: 9_500_000, TenantPaysPower: true, OpexUSDPerMWYear: 100_000},
	GPU: &GPUCloud{USDPerGPUHour: 2, DeclinePct: 15, WattsPerGPU: 1400, PUE: 1.3, UtilizationPct: 80, CapexUSDPerITMW: 9_500_000,
		USDPerGPU: 35_000, GPULifeYears: 5, OpexUSDPerMWYear: 300_000},
}

// monthlyAnnuity is the present value of 1 paid at the end of each of n
// months at the effective yearly rate r.
func monthlyAnnuity(n int, r float64) float64 {
	v := math.Pow(1+r, -1.0/12)
	return v * (1 - math.Pow(v, float64(n))) / (1 - v)
}

func TestRevenueAndMarginPerKWh(t *testing.T) {
	c := flatSite.Compare()
	// $36 per PH/s per day from 17.5 kW x 24 h = 420 kWh.
	if want := 36.0 / 420; !near(c.Mining.RevenueUSDPerKWh, want, 1e-12) || !near(c.Mining.MarginUSDPerKWh, want-0.05, 1e-12) {
		t.Errorf("mining %v, margin %v per kWh, want %v", c.Mining.RevenueUSDPerKWh, c.Mining.MarginUSDPerKWh, want)
	}
	// $130 per kW of IT a month, 730 h, 1.3 kWh at the meter per kWh of
	// IT; the site pays the power out of it.
	rent := 130.0 / 730 / 1.3
	if !near(c.Lease.RevenueUSDPerKWh, rent, 1e-12) || !near(c.Lease.MarginUSDPerKWh, rent-0.05, 1e-12) {
		t.Errorf("lease %v, margin %v per kWh, want %v", c.Lease.RevenueUSDPerKWh, c.Lease.MarginUSDPerKWh, rent)
	}
	// When the tenant pays the power, it pays rent and power per kWh and
	// the landlord keeps the rent: like with like, the ratios move.
	s := flatSite
	l := *s.Lease
	l.TenantPaysPower = true
	s.Lease = &l
	d := s.Compare()
	if !near(d.Lease.RevenueUSDPerKWh, rent+0.05, 1e-12) || !near(d.Lease.MarginUSDPerKWh, rent, 1e-12) {
		t.Errorf("tenant pays: lease %v, margin %v per kWh", d.Lease.RevenueUSDPerKWh, d.Lease.MarginUSDPerKWh)
	}
	if !near(d.LeaseToMiningRevenue, (rent+0.05)/(36.0/420), 1e-12) || !near(d.LeaseToMiningMargin, rent/(36.0/420-0.05), 1e-12) {
		t.Errorf("tenant pays: ratios %v, %v", d.LeaseToMiningRevenue, d.LeaseToMiningMargin)
	}
	if want := 2 * 0.8 / (1.4 * 1.3); !near(c.GPU.RevenueUSDPerKWh, want, 1e-12) {
		t.Errorf("GPU revenue %v per kWh, want %v", c.GPU.RevenueUSDPerKWh, want)
	}
	// Mining at a loss has no margin to compare with.
	loss := flatSite
	loss.Mining.HashpriceUSDPerPHDay = 20
	if r := loss.Compare().LeaseToMiningMargin; !math.IsNaN(r) {
		t.Errorf("margin ratio %v against a mining loss", r)
	}
}

// TestFlatSiteIsAnAnnuity: with level flows, each use's NPV is its
// capital plus a monthly annuity of its monthly cash, discounted month by
// month at the effective yearly rate, and it pays back when the
// cumulative cash first reaches its capital.
func TestFlatSiteIsAnAnnuity(t *testing.T) {
	c := flatSite.Compare()
	th := 100e6 / 17.5
	monthly := th*36/1000*730/24 - 100_000*730*0.05
	o := c.Mining
	if want := -50e6 + monthly*monthlyAnnuity(120, 0.1); !near(o.NPVUSD, want, 1e-12) {
		t.Errorf("mining NPV %v, want %v", o.NPVUSD, want)
	}
	if want := 50e6 / monthly / 12; !near(o.PaybackYears, want, 1e-12) {
		t.Errorf("mining pays back in %v years, want %v", o.PaybackYears, want)
	}
	if !near(o.KWhPerYear, 876e6, 1e-12) || !near(o.CashMarginUSDPerYear, 12*monthly, 1e-12) || o.MonthsOn != 120 {
		t.Errorf("mining kWh %v margin %v months %v", o.KWhPerYear, o.CashMarginUSDPerYear, o.MonthsOn)
	}
	// The buildings last exactly the horizon: no salvage, and a
	// depreciation of a tenth a year.
	if o.SalvageUSD != 0 || !near(o.DepreciationUSDPerYear, 5e6, 1e-12) || !near(o.ProfitAfterDepreciation, 12*monthly-5e6, 1e-12) {
		t.Errorf("salvage %v depreciation %v profit %v", o.SalvageUSD, o.DepreciationUSDPerYear, o.ProfitAfterDepreciation)
	}
	itKW := 100_000 / 1.3
	lease := itKW*130 - 100_000*730*0.05
	if want := -9.5e6*itKW/1000 + lease*monthlyAnnuity(120, 0.1); !near(c.Lease.NPVUSD, want, 1e-12) {
		t.Errorf("lease NPV %v, want %v", c.Lease.NPVUSD, want)
	}
	// At the hashprice where mining wins its NPV equals the best other's.
	at := flatSite
	at.Mining.HashpriceUSDPerPHDay = c.MiningWinsHashpriceUSDPerPHDay
	d := at.Compare()
	if best := math.Max(d.Lease.NPVUSD, d.GPU.NPVUSD); !near(d.Mining.NPVUSD, best, 1e-9) {
		t.Errorf("at %v mining NPV %v, best other %v", c.MiningWinsHashpriceUSDPerPHDay, d.Mining.NPVUSD, best)
	}
	// Without alternatives there is no such hashprice.
	alone := flatSite
	alone.Lease, alone.GPU = nil, nil
	if a := alone.Compare(); a.Lease != nil || a.GPU != nil || !math.IsNaN(a.MiningWinsHashpriceUSDPerPHDay) {
		t.Errorf("mining alone: %+v", a)
	}
}

// TestLeaseEscalatesYearly: the rent of year y is the first year's times
// (1 + escalator)^y, and a tenant paying its power adds it to revenue and
// cost alike.
func TestLeaseEscalatesYearly(t *testing.T) {
	s := flatSite
	l := Lease{USDPerKWMonth: 100, EscalatorPct: 3, PUE: 1.25, TenantPaysPower: true}
	s.Lease = &l
	c := s.Compare().Lease
	itKW := 100_000 / 1.25
	want := 0.0
	for y := range 10 {
		want += 12 * 100 * itKW * math.Pow(1.03, float64(y))
	}
	power := 100_000 * 8760 * 0.05
	if !near(c.RevenueUSD, want+10*power, 1e-12) || !near(c.CashMarginUSDPerYear, 12*100*itKW, 1e-12) {
		t.Errorf("lease revenue %v, want %v; margin %v", c.RevenueUSD, want+10*power, c.CashMarginUSDPerYear)
	}
}

// TestEndsMidMonth: a horizon or lease term ending inside a month earns
// that month's fraction, and nothing after.
func TestEndsMidMonth(t *testing.T) {
	s := flatSite
	s.Years = 2
	whole := s.Compare()
	s.Years = 2 + 0.5/12
	half := s.Compare()
	monthly := whole.Mining.RevenueUSD / 24
	if !near(half.Mining.RevenueUSD-whole.Mining.RevenueUSD, monthly/2, 1e-12) {
		t.Errorf("half a month earns %v, want %v", half.Mining.RevenueUSD-whole.Mining.RevenueUSD, monthly/2)
	}
	// A 2.3-year term earns 27.6 months of rent.
	s.Years = 10
	l := *s.Lease
	l.TermYears = 2.3
	s.Lease = &l
	c := s.Compare().Lease
	itKW := 100_000 / 1.3
	if want := 27.6 * 130 * itKW; !near(c.RevenueUSD, want, 1e-12) {
		t.Errorf("a 2.3-year lease earns %v, want %v", c.RevenueUSD, want)
	}
	if c.MonthsOn != 28 || c.MonthsOff != 92 {
		t.Errorf("lease months %d on, %d off", c.MonthsOn, c.MonthsOff)
	}
}

// TestHalvingSplitsTheMonth: mining's revenue month by month equals a sum
// over every block of the hashprice of that block, computed from the
// network's own figures (the exact subsidy of its height, the difficulty
// after the retargets before it, fees unchanged): a halving or a retarget
// inside a month splits it at its block.
func TestHalvingSplitsTheMonth(t *testing.T) {
	for _, tc := range []struct {
		height int64
		years  float64
	}{
		{1_050_000 - 1000, 0.25}, // a halving 1,000 blocks into the first month
		{993_060, 3},             // 4,380 x m falls on whole blocks, no truncation
		{6_929_999 - 2000, 0.5},  // the last halving that leaves a subsidy, then none
	} {
		n0 := Network{Chain: chain.MainNet, PriceUSD: 85_000, Difficulty: 149.3e12, SubsidyBTC: SubsidyBTCAt(chain.MainNet, tc.height), FeesBTC: 0.03}
		s := flatSite
		s.Years = tc.years
		s.Mining.Chain, s.Mining.Height, s.Mining.DifficultyGrowthPctPerEpoch = chain.MainNet, tc.height, 1.5
		s.Mining.FeeSharePct = n0.FeeSharePct()
		s.Mining.HashpriceUSDPerPHDay = n0.HashpriceUSDPerPHDay()
		s.Mining.PoolFeePct, s.Mining.UptimePct, s.Mining.RunAtALoss = 2, 95, true
		got := s.Compare().Mining.RevenueUSD

		th := 100e6 / 17.5
		want := 0.0
		blocks := int64(math.Round(tc.years * 52_560))
		for b := tc.height; b < tc.height+blocks; b++ {
			n := n0
			n.SubsidyBTC = SubsidyBTCAt(chain.MainNet, b)
			n.Difficulty *= math.Pow(1.015, float64(b/2016-tc.height/2016))
			want += th / 1000 * 0.98 * 0.95 * n.HashpriceUSDPerPHDay() * 600 / 86_400
		}
		if !near(got, want, 1e-10) {
			t.Errorf("from block %d for %v years: revenue %v, block by block %v", tc.height, tc.years, got, want)
		}
	}
}

// randomSite draws a site around the defaults, wide enough to reach
// losses, no capital, short lives and long horizons.
func randomSite(r *rand.Rand) Site {
	s := realSite
	s.Years = []float64{0.4, 1, 2.3, 5, 10, 15, 30}[r.IntN(7)]
	s.DiscountPct = r.Float64() * 20
	s.Reinvest = Reinvest(r.IntN(3))
	m := &s.Mining
	m.HashpriceUSDPerPHDay = 5 + r.Float64()*80
	m.Height = 840_000 + r.Int64N(400_000)
	m.DifficultyGrowthPctPerEpoch = r.Float64()*4 - 1.5
	m.PriceUSDPerTH = []float64{0, 5, 15, 30}[r.IntN(4)]
	m.LifeYears = []float64{0.25, 1, 3.5, 4, 8}[r.IntN(5)]
	m.CapexUSDPerMW = []float64{0, 300_000, 800_000}[r.IntN(3)]
	m.OpexUSDPerMWYear = r.Float64() * 100_000
	m.CurtailHoursPerYear, m.CurtailUSDPerMWh = r.Float64()*300, r.Float64()*100
	s.PowerUSDPerKWh = 0.02 + r.Float64()*0.08
	g := *s.GPU
	g.GPULifeYears, g.DeclinePct = []float64{0.25, 3, 5}[r.IntN(3)], r.Float64()*30
	s.GPU = &g
	return s
}

// TestSwitchingOffNeverLowersNPV: switching the machines off in months
// that do not pay their power never lowers mining's NPV, whatever the
// reinvestment rule.
func TestSwitchingOffNeverLowersNPV(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	offMonths := 0
	for range 400 {
		s := randomSite(r)
		off := s.Compare().Mining
		s.Mining.RunAtALoss = true
		on := s.Compare().Mining
		if off.NPVUSD < on.NPVUSD-1e-6*math.Abs(on.NPVUSD) {
			t.Fatalf("switching off: NPV %v, running at a loss %v (%+v)", off.NPVUSD, on.NPVUSD, s)
		}
		offMonths += off.MonthsOff
	}
	if offMonths == 0 {
		t.Error("no scenario switched off a month: the test tests nothing")
	}
}

// TestReinvestment: with never, no machine is bought after month 0; with
// always, a fleet at every life; when profitable adds only purchases that
// pay, so its NPV is never below never's.
func TestReinvestment(t *testing.T) {
	s := realSite
	s.Reinvest = ReinvestNever
	never := s.Compare()
	th := 100e6 / 1.05 / 17.5
	if m := never.Mining; m.Purchases != 1 || !near(m.CapexUSD, 50e6+th*15, 1e-12) {
		t.Errorf("never: %d purchases, capex %v", m.Purchases, m.CapexUSD)
	}
	if m := never.Mining; m.MonthsOn > 48 {
		t.Errorf("never: mined %d months with a 4-year fleet", m.MonthsOn)
	}
	s.Reinvest = ReinvestAlways
	if m := s.Compare().Mining; m.Purchases != 3 || !near(m.CapexUSD, 50e6+3*th*15, 1e-12) { // at 0, 4 and 8 years
		t.Errorf("always: %d purchases, capex %v", m.Purchases, m.CapexUSD)
	}
	r := rand.New(rand.NewPCG(3, 4))
	for range 300 {
		s := randomSite(r)
		s.Reinvest = ReinvestNever
		n := s.Compare()
		s.Reinvest = ReinvestWhenProfitable
		w := s.Compare()
		for _, pair := range [][2]*Option{{&n.Mining, &w.Mining}, {n.GPU, w.GPU}} {
			if pair[1].NPVUSD < pair[0].NPVUSD-1e-6*math.Abs(pair[0].NPVUSD) {
				t.Fatalf("when profitable NPV %v below never's %v (%+v)", pair[1].NPVUSD, pair[0].NPVUSD, s)
			}
		}
	}
}

// TestGPUsAge: a GPU-hour sells for (1 - decline)^a in its fleet's year a;
// a fleet bought again in year 5 costs the price of a new one and rents
// new again.
func TestGPUsAge(t *testing.T) {
	s := flatSite
	s.Lease = nil
	s.Reinvest = ReinvestAlways
	g := GPUCloud{USDPerGPUHour: 2, DeclinePct: 10, WattsPerGPU: 1000, PUE: 1.25, UtilizationPct: 100, USDPerGPU: 30_000, GPULifeYears: 5}
	s.GPU = &g
	c := s.Compare().GPU
	gpus := 100e6 / 1.25 / 1000
	want := 0.0
	for y := range 10 {
		want += gpus * 2 * math.Pow(0.9, float64(y%5)) * 8760
	}
	if !near(c.RevenueUSD, want, 1e-12) {
		t.Errorf("GPU revenue %v, want %v", c.RevenueUSD, want)
	}
	if want := gpus * 30_000 * 2; !near(c.CapexUSD, want, 1e-12) || c.Purchases != 2 {
		t.Errorf("GPU capex %v in %d purchases, want %v", c.CapexUSD, c.Purchases, want)
	}
	// Weighed month by month, a fleet that pays is bought again at once.
	s.Reinvest = ReinvestWhenProfitable
	if w := s.Compare().GPU; w.Purchases != 2 || !near(w.NPVUSD, c.NPVUSD, 1e-12) {
		t.Errorf("when profitable: %d purchases, NPV %v against %v", w.Purchases, w.NPVUSD, c.NPVUSD)
	}
}

// TestSalvage: what is left of a fleet is its price less the used share of
// its life; a fleet just bought is worth its price.
func TestSalvage(t *testing.T) {
	if got := StraightLine(1234.5, 0, 48); got != 1234.5 {
		t.Errorf("a fleet just bought: %v", got)
	}
	s := realSite
	s.Years = 1
	c := s.Compare().Mining
	th := 100e6 / 1.05 / 17.5
	if want := th*15*(1-12.0/48) + 50e6*(1-1.0/20); !near(c.SalvageUSD, want, 1e-12) {
		t.Errorf("salvage after a year %v, want %v", c.SalvageUSD, want)
	}
	// Salvage is the horizon's cash.
	if !near(c.CashByYear[0]-c.SalvageUSD, c.CashToday+c.RevenueUSD-c.PowerUSDPerYear-c.OpexUSDPerYear, 1e-9) {
		t.Errorf("cash %v", c.CashByYear)
	}
}

// TestPaybackIsFinal: after payback the cumulative cash never goes below
// zero again; before it, it was below zero (unless payback is 0); with no
// capital the same rule holds.
func TestPaybackIsFinal(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	type point struct{ t, cash float64 }
	var path []point
	traceBalance = func(t, cash float64) { path = append(path, point{t, cash}) }
	defer func() { traceBalance = nil }()
	check := func(s Site, o func(Conversion) Option) {
		path = path[:0]
		tl := s.timeline()
		work := 0
		var got Option
		switch c := s; {
		case o == nil:
			got = c.miningPlan(tl, &work).at(s.Mining.HashpriceUSDPerPHDay)
		default:
			got = s.gpu(&tl, &work)
		}
		neg := false
		for _, p := range path {
			if p.t > got.PaybackYears+1e-9 && p.cash < -1e-6 {
				t.Fatalf("paid back at %v years, below zero (%v) at %v (%+v)", got.PaybackYears, p.cash, p.t, s)
			}
			if p.t <= got.PaybackYears+1e-9 && p.cash < 0 {
				neg = true
			}
		}
		if got.PaybackYears > 0 && !math.IsInf(got.PaybackYears, 1) && !neg {
			t.Fatalf("payback %v years without a negative balance before it", got.PaybackYears)
		}
		if math.IsInf(got.PaybackYears, 1) && path[len(path)-1].cash >= 0 {
			t.Fatalf("never pays back, ending at %v", path[len(path)-1].cash)
		}
	}
	for range 300 {
		s := randomSite(r)
		check(s, nil)
		check(s, func(c Conversion) Option { return *c.GPU })
	}
	// The GPU case that once "paid back in 3.64 years" and was negative
	// again in year 6, and mining with no capital whose cash starts
	// negative.
	s := realSite
	s.Reinvest = ReinvestAlways
	check(s, func(c Conversion) Option { return *c.GPU })
	s = realSite
	s.Mining.CapexUSDPerMW, s.Mining.PriceUSDPerTH, s.Mining.HashpriceUSDPerPHDay, s.Mining.DifficultyGrowthPctPerEpoch = 0, 0, 15, -1
	s.Mining.RunAtALoss = true
	check(s, nil)
}

// TestBoundedWork: the most expensive comparison the API admits (a
// 100-year horizon, lives of a quarter year, every option, purchases
// weighed each month) runs a bounded number of ledger months.
func TestBoundedWork(t *testing.T) {
	for _, life := range []float64{1e-323, 0.25, 50} {
		s := realSite
		s.Years = 100
		s.Mining.LifeYears, s.GPU.GPULifeYears = life, life
		s.Mining.HashpriceUSDPerPHDay = 1e-9
		s.GPU.DeclinePct = 99 // no new fleet ever pays: weighed every month
		c := s.Compare()
		// One ledger for each of the three uses, plus the search for the
		// hashprice at which mining wins (at most 200 halvings of its
		// range), plus the GPUs' purchase decisions: up to a life's months
		// (600 at most) for each of the 1,200 months.
		if limit := 1200*(3+200+2) + 1200*600; c.MonthSteps > limit {
			t.Errorf("life %v: %d ledger months, over %d", life, c.MonthSteps, limit)
		}
		if c.Mining.Purchases > 400 {
			t.Errorf("life %v: %d purchases in 1,200 months", life, c.Mining.Purchases)
		}
	}
}

// TestMiningNPVFastPath: the NPV the search for the winning hashprice
// uses equals the ledger's, on random sites and hashprices.
func TestMiningNPVFastPath(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for range 500 {
		s := randomSite(r)
		s.Mining.RunAtALoss = r.IntN(2) == 0
		tl := s.timeline()
		work := 0
		p := s.miningPlan(tl, &work)
		for _, h := range []float64{0, 1, 10, 36, 80, 500} {
			ledger := p.at(h).NPVUSD
			if fast := p.npv(h); math.Abs(fast-ledger) > 1e-9*(math.Abs(ledger)+1e6) {
				t.Fatalf("hashprice %v: fast NPV %v, ledger %v (%+v)", h, fast, ledger, s)
			}
		}
	}
}
