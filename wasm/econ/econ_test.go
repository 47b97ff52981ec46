package econ

import (
	"math"
	"testing"

	"github.com/hashswitch/hashswitch/wasm/chain"
)

// late2025 is the network of the FACTS sheet: $85,000, difficulty 149.3T,
// 3.125 BTC subsidy and 0.02 BTC of fees a block.
var late2025 = Network{Chain: chain.MainNet, PriceUSD: 85_000, Difficulty: 149.3e12, SubsidyBTC: 3.125, FeesBTC: 0.02}

func near(got, want, relTol float64) bool {
	return math.Abs(got-want) <= relTol*math.Abs(want)
}

func TestHashpriceLate2025(t *testing.T) {
	if hp := late2025.HashpriceUSDPerPHDay(); !near(hp, 36, 0.02) {
		t.Errorf("hashprice = %.2f USD/PH/day, want about 36", hp)
	}
	// A second route: a PH/s's share of the network times the day's rewards.
	share := 1e15 / chain.MainNet.HashrateFromDifficulty(late2025.Difficulty)
	daily := 144 * late2025.RewardBTC() * late2025.PriceUSD
	if hp := late2025.HashpriceUSDPerPHDay(); !near(hp, share*daily, 1e-12) {
		t.Errorf("hashprice %v, share x daily rewards %v", hp, share*daily)
	}
	if eh := late2025.HashrateEHs(); !near(DifficultyFromHashrateEHs(chain.MainNet, eh), late2025.Difficulty, 1e-12) {
		t.Errorf("hashrate %v EH/s does not round-trip", eh)
	}
}

// TestHashpriceScales: linear in price and reward, inverse in difficulty.
func TestHashpriceScales(t *testing.T) {
	base := late2025.HashpriceUSDPerPHDay()
	for _, k := range []float64{0.5, 2, 3.7, 10} {
		n := late2025
		n.PriceUSD *= k
		if !near(n.HashpriceUSDPerPHDay(), base*k, 1e-12) {
			t.Errorf("price x%v: hashprice %v, want %v", k, n.HashpriceUSDPerPHDay(), base*k)
		}
		n = late2025
		n.Difficulty *= k
		if !near(n.HashpriceUSDPerPHDay(), base/k, 1e-12) {
			t.Errorf("difficulty x%v: hashprice %v, want %v", k, n.HashpriceUSDPerPHDay(), base/k)
		}
		n = late2025
		n.SubsidyBTC *= k
		n.FeesBTC *= k
		if !near(n.HashpriceUSDPerPHDay(), base*k, 1e-12) {
			t.Errorf("reward x%v: hashprice %v, want %v", k, n.HashpriceUSDPerPHDay(), base*k)
		}
	}
}

var s19XP = Miner{EfficiencyJPerTH: 17.5, PowerUSDPerKWh: 0.05, PoolFeePct: 0, UptimePct: 100}

func TestPowerCostPerBTCLate2025(t *testing.T) {
	got := s19XP.ProfitOn(late2025).PowerCostUSDPerBTC
	if !near(got, 49_000, 0.02) {
		t.Errorf("power cost per BTC = %.0f, want about 49,000", got)
	}
	// A second route: joules for the hashes of one block, shared by its reward.
	joules := chain.HashesPerBlock(late2025.Difficulty) * 17.5e-12
	want := joules / 3.6e6 * 0.05 / late2025.RewardBTC()
	if !near(got, want, 1e-12) {
		t.Errorf("power cost per BTC %v, from hashes per block %v", got, want)
	}
}

func TestProfitBreakevens(t *testing.T) {
	m := Miner{EfficiencyJPerTH: 21.5, PowerUSDPerKWh: 0.065, PoolFeePct: 2, UptimePct: 95}
	p := m.ProfitOn(late2025)
	if !near(p.ProfitUSDPerTHDay, p.RevenueUSDPerTHDay-p.PowerCostUSDPerTHDay, 1e-12) {
		t.Error("profit is not revenue less power")
	}
	// At the breakeven power price, or at the breakeven hashprice, profit is zero.
	atPower := m
	atPower.PowerUSDPerKWh = p.BreakevenPowerUSDPerKWh
	if got := atPower.ProfitOn(late2025).ProfitUSDPerTHDay; math.Abs(got) > 1e-12 {
		t.Errorf("profit at breakeven power price = %v", got)
	}
	atHashprice := late2025
	atHashprice.PriceUSD *= p.BreakevenHashpriceUSDPerPHDay / late2025.HashpriceUSDPerPHDay()
	if got := m.ProfitOn(atHashprice).ProfitUSDPerTHDay; math.Abs(got) > 1e-12 {
		t.Errorf("profit at breakeven hashprice = %v", got)
	}
	// At a price equal to the power cost per BTC, profit is zero too.
	atCost := late2025
	atCost.PriceUSD = p.PowerCostUSDPerBTC
	if got := m.ProfitOn(atCost).ProfitUSDPerTHDay; math.Abs(got) > 1e-12 {
		t.Errorf("profit at price = power cost per BTC: %v", got)
	}
	// Downtime scales profit and leaves the breakevens alone.
	half := m
	half.UptimePct = m.UptimePct / 2
	q := half.ProfitOn(late2025)
	if !near(q.ProfitUSDPerTHDay, p.ProfitUSDPerTHDay/2, 1e-12) || q.BreakevenPowerUSDPerKWh != p.BreakevenPowerUSDPerKWh {
		t.Errorf("half uptime: %+v vs %+v", q, p)
	}
}

func TestProjectionFlatMatchesDailyProfit(t *testing.T) {
	pr := Projection{Network: late2025, Height: 925_000, Miner: s19XP, HardwareUSDPerTH: 3, HorizonDays: 365}
	r := pr.Run()
	n := late2025
	n.SubsidyBTC = 3.125
	perDay := s19XP.ProfitOn(n).ProfitUSDPerTHDay
	if !near(r.PaybackDays, 3/perDay, 1e-9) {
		t.Errorf("payback %v days, want %v", r.PaybackDays, 3/perDay)
	}
	if !near(r.TotalProfitUSDPerTH, perDay*365, 1e-9) {
		t.Errorf("total %v, want %v", r.TotalProfitUSDPerTH, perDay*365)
	}
	var days float64
	for _, p := range r.Periods {
		days += p.Days
	}
	if !near(days, 365, 1e-12) {
		t.Errorf("periods cover %v days", days)
	}
}

func TestProjectionHalvingHalvesTheSubsidy(t *testing.T) {
	// 1,000 blocks before the 2028 halving, over 30 days.
	pr := Projection{Network: late2025, Height: 1_049_000, Miner: s19XP, HardwareUSDPerTH: 1e9, HorizonDays: 30}
	r := pr.Run()
	var before, after bool
	for _, p := range r.Periods {
		switch {
		case p.Height < 1_050_000 && p.SubsidyBTC == 3.125:
			before = true
		case p.Height >= 1_050_000 && p.SubsidyBTC == 1.5625:
			after = true
		default:
			t.Errorf("period at %d has subsidy %v", p.Height, p.SubsidyBTC)
		}
	}
	if !before || !after {
		t.Errorf("periods %+v do not straddle the halving", r.Periods)
	}
	if r.PaysBack() {
		t.Error("a billion-dollar machine paid back")
	}
}

func TestProjectionDifficultyGrowsEachRetarget(t *testing.T) {
	pr := Projection{Network: late2025, Height: 2016 * 450, Miner: s19XP, HardwareUSDPerTH: 1,
		DifficultyGrowthPctPerEpoch: 3, HorizonDays: 28}
	r := pr.Run()
	if len(r.Periods) != 2 || !near(r.Periods[1].Difficulty, late2025.Difficulty*1.03, 1e-12) {
		t.Errorf("periods %+v", r.Periods)
	}
}

// A site like the FACTS sheet's: 100 MW at $0.05/kWh, hashprice $36, with
// the model's time terms switched off (no chain, so no halving; no growth,
// no machines to buy, the site paying all power): the flat model.
var site = Site{
	MW: 100, PowerUSDPerKWh: 0.05, Years: 10, DiscountPct: 10,
	Mining: Mining{Miner: Miner{EfficiencyJPerTH: 17.5, PoolFeePct: 0, UptimePct: 100}, HashpriceUSDPerPHDay: 36,
		PUE: 1, CapexUSDPerMW: 500_000},
	Lease: &Lease{USDPerKWMonth: 130, PUE: 1.3, CapexUSDPerITMW: 9_500_000 * 1.3},
	GPU:   &GPUCloud{USDPerGPUHour: 2, WattsPerGPU: 1400, PUE: 1.3, UtilizationPct: 80, CapexUSDPerITMW: 30_000_000 * 1.3},
}

func TestConversionRevenuePerKWh(t *testing.T) {
	c := site.Compare()
	// $36 per PH/s per day from 17.5 kW x 24 h = 420 kWh.
	if want := 36.0 / 420; !near(c.Mining.RevenueUSDPerKWh, want, 1e-12) {
		t.Errorf("mining revenue %v per kWh, want %v", c.Mining.RevenueUSDPerKWh, want)
	}
	// $130 per kW of IT a month, 730 h, 1.3 kWh at the meter per kWh of IT.
	if want := 130.0 / 730 / 1.3; !near(c.Lease.RevenueUSDPerKWh, want, 1e-12) {
		t.Errorf("lease revenue %v per kWh, want %v", c.Lease.RevenueUSDPerKWh, want)
	}
	if want := 2 * 0.8 / (1.4 * 1.3); !near(c.GPU.RevenueUSDPerKWh, want, 1e-12) {
		t.Errorf("GPU revenue %v per kWh, want %v", c.GPU.RevenueUSDPerKWh, want)
	}
	if c.LeaseToMiningRevenue < 1.5 || c.LeaseToMiningRevenue > 5 {
		t.Errorf("lease/mining = %v, the press says 2-5x", c.LeaseToMiningRevenue)
	}
	if c.GPUToMiningRevenue < 5 || c.GPUToMiningRevenue > 25 {
		t.Errorf("GPU/mining = %v, the press says up to 25x", c.GPUToMiningRevenue)
	}
}

func TestConversionNPVAndPayback(t *testing.T) {
	c := site.Compare()
	o := c.Mining
	if !near(o.CapexUSD, 50e6, 1e-12) || !near(o.KWhPerYear, 876e6, 1e-12) {
		t.Errorf("mining capex %v kWh %v", o.CapexUSD, o.KWhPerYear)
	}
	if !near(o.PaybackYears, o.CapexUSD/o.ProfitUSDPerYear, 1e-12) {
		t.Error("payback is not capex over profit")
	}
	// NPV by the textbook sum.
	npv := -o.CapexUSD
	for y := 1; y <= 10; y++ {
		npv += o.ProfitUSDPerYear / math.Pow(1.1, float64(y))
	}
	if !near(o.NPVUSD, npv, 1e-9) {
		t.Errorf("NPV %v, want %v", o.NPVUSD, npv)
	}
	// At the crossover hashprice mining's NPV equals the best alternative's.
	at := site
	at.Mining.HashpriceUSDPerPHDay = c.MiningWinsHashpriceUSDPerPHDay
	d := at.Compare()
	if best := math.Max(d.Lease.NPVUSD, d.GPU.NPVUSD); !near(d.Mining.NPVUSD, best, 1e-9) {
		t.Errorf("at hashprice %v mining NPV %v, best other %v", c.MiningWinsHashpriceUSDPerPHDay, d.Mining.NPVUSD, best)
	}
	// Without alternatives there is no crossover.
	alone := site
	alone.Lease, alone.GPU = nil, nil
	if a := alone.Compare(); a.Lease != nil || a.GPU != nil || !math.IsNaN(a.MiningWinsHashpriceUSDPerPHDay) {
		t.Errorf("mining alone: %+v", a)
	}
	loss := site
	loss.Mining.HashpriceUSDPerPHDay = 10
	if p := loss.Compare().Mining.PaybackYears; !math.IsInf(p, 1) {
		t.Errorf("mining at a loss pays back in %v years", p)
	}
}

// TestHalvingHalvesTheSubsidyPart: across a halving, hashprice keeps its
// fee part and halves the rest, which a second computation from the
// network's own figures confirms.
func TestHalvingHalvesTheSubsidyPart(t *testing.T) {
	m := Mining{Chain: chain.MainNet, Height: 1_049_000, FeeSharePct: 10}
	before := m.HashpriceFactor(0)
	after := m.HashpriceFactor(1001.0 / blocksPerYear) // 1,001 blocks on: past block 1,050,000
	if before != 1 || !near(after, 0.9/2+0.1, 1e-15) {
		t.Errorf("factor %v before, %v after the halving", before, after)
	}
	// The same from hashprice itself: reward 3.125 + fees, then 1.5625 + fees.
	fees := 3.125 * 10 / 90.0
	n0 := Network{Chain: chain.MainNet, PriceUSD: 85_000, Difficulty: 149.3e12, SubsidyBTC: 3.125, FeesBTC: fees}
	n1 := n0
	n1.SubsidyBTC = 1.5625
	if got := n1.HashpriceUSDPerPHDay() / n0.HashpriceUSDPerPHDay(); !near(got, after, 1e-12) {
		t.Errorf("hashprice after/before %v, factor %v", got, after)
	}
	// Growth divides by (1+g) per retarget passed.
	g := Mining{Chain: chain.MainNet, Height: 2016 * 500, DifficultyGrowthPctPerEpoch: 2}
	if got := g.HashpriceFactor(2016.5 / blocksPerYear * 3); !near(got, math.Pow(1.02, -3), 1e-12) {
		t.Errorf("three retargets: %v", got)
	}
}

// TestHalvingsCutMiningNPV: the default site's mining, with the halvings of
// its horizon, is worth less than the flat model says, by the halved part.
func TestHalvingsCutMiningNPV(t *testing.T) {
	real := site
	real.Mining.Chain, real.Mining.Height, real.Mining.FeeSharePct = chain.MainNet, 978_000, 0.6
	flat, halved := site.Compare().Mining, real.Compare().Mining
	if !(halved.NPVUSD < flat.NPVUSD) || !(halved.RevenueUSD < flat.RevenueUSD) {
		t.Errorf("with halvings NPV %v revenue %v; flat %v %v", halved.NPVUSD, halved.RevenueUSD, flat.NPVUSD, flat.RevenueUSD)
	}
	// Before block 1,050,000 (72,000 blocks: 1.37 years) the two agree.
	if !near(halved.CashByYear[0], flat.CashByYear[0], 1e-12) {
		t.Errorf("first year %v vs %v", halved.CashByYear[0], flat.CashByYear[0])
	}
}

// TestEquipmentIsBoughtAgain: machines and GPUs are bought at the start and
// again at the end of each life; their straight-line depreciation over one
// life adds up to what they cost.
func TestEquipmentIsBoughtAgain(t *testing.T) {
	s := site
	s.Mining.ASICUSDPerTH, s.Mining.ASICLifeYears = 15, 4
	s.GPU = &GPUCloud{USDPerGPUHour: 2, WattsPerGPU: 1400, PUE: 1.3, UtilizationPct: 80, USDPerGPU: 35_000, GPULifeYears: 5}
	c := s.Compare()
	th := 100e6 / 17.5
	if want := 500_000*100 + 3*th*15; !near(c.Mining.CapexUSD, want, 1e-12) { // at 0, 4 and 8 years
		t.Errorf("mining capex %v, want %v", c.Mining.CapexUSD, want)
	}
	fleet := 100e6 / 1.3 / 1400 * 35_000
	if !near(c.GPU.CapexUSD, 2*fleet, 1e-12) { // at 0 and 5 years
		t.Errorf("GPU capex %v, want %v", c.GPU.CapexUSD, 2*fleet)
	}
	if !near(c.GPU.DepreciationUSDPerYear*5, fleet, 1e-12) || !near(c.Mining.DepreciationUSDPerYear*4, th*15, 1e-12) {
		t.Errorf("depreciation %v, %v", c.GPU.DepreciationUSDPerYear, c.Mining.DepreciationUSDPerYear)
	}
	// The NPV counts each purchase discounted to when it is made.
	plain := site
	plain.GPU = &GPUCloud{USDPerGPUHour: 2, WattsPerGPU: 1400, PUE: 1.3, UtilizationPct: 80}
	if d := plain.Compare().GPU.NPVUSD - c.GPU.NPVUSD; !near(d, fleet*(1+1/math.Pow(1.1, 5)), 1e-9) {
		t.Errorf("GPUs cost %v of NPV, want %v", d, fleet*(1+1/math.Pow(1.1, 5)))
	}
}

// TestTenantPaysThePower: with the power on the tenant, the lease keeps its
// revenue; the NPV rises by the discounted power bill.
func TestTenantPaysThePower(t *testing.T) {
	s := site
	l := *site.Lease
	l.TenantPaysPower = true
	s.Lease = &l
	landlord, tenant := site.Compare().Lease, s.Compare().Lease
	if tenant.PowerUSDPerYear != 0 || !near(tenant.ProfitUSDPerYear, landlord.RevenueUSDPerYear, 1e-12) {
		t.Errorf("tenant pays: %+v", tenant)
	}
	if d := tenant.NPVUSD - landlord.NPVUSD; !near(d, landlord.PowerUSDPerYear*annuity(10, 0.1), 1e-9) {
		t.Errorf("NPV gained %v, the discounted power %v", d, landlord.PowerUSDPerYear*annuity(10, 0.1))
	}
	// A 5-year term earns nothing after year 5.
	l.TermYears = 5
	if c := s.Compare().Lease; !near(c.CashByYear[9], c.CashByYear[4], 1e-12) {
		t.Errorf("after the term: %v", c.CashByYear)
	}
}

// TestCurtailment: hours off for the grid take their share of mining's
// revenue and power and earn the grid's price instead.
func TestCurtailment(t *testing.T) {
	s := site
	s.Mining.CurtailHoursPerYear, s.Mining.CurtailUSDPerMWh = 876, 50
	on, off := site.Compare().Mining, s.Compare().Mining
	if !near(off.KWhPerYear, on.KWhPerYear*0.9, 1e-12) {
		t.Errorf("kWh %v, want 90%% of %v", off.KWhPerYear, on.KWhPerYear)
	}
	if want := on.RevenueUSDPerYear*0.9 + 876*100*50; !near(off.RevenueUSDPerYear, want, 1e-12) {
		t.Errorf("revenue %v, want %v", off.RevenueUSDPerYear, want)
	}
}

func TestAttackCost(t *testing.T) {
	a := Attack{Chain: chain.MainNet, NetworkEHs: 1000, SharePct: 51, HardwareUSDPerTH: 15, EfficiencyJPerTH: 17.5,
		PowerUSDPerKWh: 0.05, Hours: 24, HashpriceUSDPerPHDay: 36}
	c := a.Cost()
	if want := 1000 * 51.0 / 49; !near(c.AttackerEHs, want, 1e-12) {
		t.Errorf("attacker %v EH/s, want %v", c.AttackerEHs, want)
	}
	// 1,040.8 EH/s = 1.0408e9 TH/s: $15.6 billion of machines drawing 18.2 GW.
	if !near(c.HardwareUSD, c.AttackerEHs*1e6*15, 1e-12) || !near(c.PowerMW, c.AttackerEHs*1e6*17.5/1e6, 1e-12) {
		t.Errorf("hardware %v power %v", c.HardwareUSD, c.PowerMW)
	}
	if !near(c.PowerUSD, c.PowerMW*1000*0.05*24, 1e-12) || !near(c.TotalUSD, c.HardwareUSD+c.PowerUSD, 1e-12) {
		t.Errorf("power %v total %v", c.PowerUSD, c.TotalUSD)
	}
	// Half the network leaving halves the cost.
	half := a
	half.NetworkEHs /= 2
	if !near(half.Cost().TotalUSD, c.TotalUSD/2, 1e-12) {
		t.Error("cost is not linear in hashrate")
	}
	if !near(c.BlocksPerHour, 6*51.0/49, 1e-12) {
		t.Errorf("blocks per hour %v", c.BlocksPerHour)
	}
}

func TestRace(t *testing.T) {
	r := Race{Chain: chain.MainNet, HashesPerSec: 2e6, Watts: 30, ASICTHs: 200, ASICJPerTH: 17.5, Difficulty: 149.3e12}.Compare()
	if !near(r.ASICTimesFaster, 1e8, 1e-12) || !near(r.NetworkTimesFaster, late2025.HashrateEHs()*1e18/2e6, 1e-12) {
		t.Errorf("%+v", r)
	}
	// A block takes difficulty x 2^32 hashes: at 2 MH/s, 10.2 billion years.
	if !near(r.SecondsToBlock, 149.3e12*4294967296/2e6, 1e-12) || r.YearsToBlock < 1e10 || r.YearsToBlock > 1.1e10 {
		t.Errorf("time to block %v s, %v years", r.SecondsToBlock, r.YearsToBlock)
	}
	if !near(r.JPerHash, 15e-6, 1e-12) || !near(r.EnergyTimesASIC, 15e-6/17.5e-12, 1e-12) {
		t.Errorf("energy %+v", r)
	}
}

// annuity is the present value of 1 a year paid at each year's end for
// years years (a fractional last year paying its fraction) at rate r: the
// textbook sum, a second computation of the model's discounting.
func annuity(years, r float64) float64 {
	var pv float64
	for y := 1.0; y-1 < years; y++ {
		pv += math.Min(1, years-(y-1)) / math.Pow(1+r, y)
	}
	return pv
}

// TestAttackBothWays: renting costs what the hashrate earns honestly plus
// the premium; buying adds buildings for the power the machines draw; the
// makers' supply sets the months.
func TestAttackBothWays(t *testing.T) {
	a := Attack{Chain: chain.MainNet, NetworkEHs: 1000, SharePct: 51, HardwareUSDPerTH: 15, EfficiencyJPerTH: 17.5,
		PowerUSDPerKWh: 0.05, Hours: 24, HashpriceUSDPerPHDay: 36,
		BuildingUSDPerMW: 500_000, SupplyEHsPerMonth: 30, RentPremiumPct: 20, RentableEHs: 10}
	c := a.Cost()
	if !near(c.RentUSD, c.HonestRevenueUSD*1.2, 1e-12) {
		t.Errorf("rent %v, honest revenue %v x 1.2", c.RentUSD, c.HonestRevenueUSD)
	}
	if !near(c.BuildingsUSD, c.PowerMW*500_000, 1e-12) || !near(c.BuyUSD, c.HardwareUSD+c.BuildingsUSD+c.PowerUSD, 1e-12) {
		t.Errorf("buy %v = %v + %v + %v", c.BuyUSD, c.HardwareUSD, c.BuildingsUSD, c.PowerUSD)
	}
	if !near(c.ManufactureMonths, c.AttackerEHs/30, 1e-12) || !near(c.RentableSharePct, 100*10/c.AttackerEHs, 1e-12) {
		t.Errorf("months %v, rentable %v%%", c.ManufactureMonths, c.RentableSharePct)
	}
	a.SupplyEHsPerMonth, a.RentableEHs = 0, 1e9
	if c := a.Cost(); !math.IsNaN(c.ManufactureMonths) || c.RentableSharePct != 100 {
		t.Errorf("unknown supply %v, all for rent %v", c.ManufactureMonths, c.RentableSharePct)
	}
}

// TestAllInCost: the machine's straight-line cost per bitcoin is its daily
// depreciation over the bitcoin a day's revenue buys; downtime raises it.
func TestAllInCost(t *testing.T) {
	m := Miner{EfficiencyJPerTH: 17.5, PowerUSDPerKWh: 0.05, UptimePct: 100, HardwareUSDPerTH: 15, HardwareLifeYears: 4}
	p := m.ProfitOn(late2025)
	perDay := 15 / (4 * 365.0)
	btcPerTHDay := late2025.HashvalueBTCPerPHDay() / 1000
	if want := p.PowerCostUSDPerBTC + perDay/btcPerTHDay; !near(p.AllInCostUSDPerBTC, want, 1e-12) {
		t.Errorf("all in %v, want %v", p.AllInCostUSDPerBTC, want)
	}
	m.UptimePct = 50
	half := m.ProfitOn(late2025)
	if !near(half.PowerCostUSDPerBTC, p.PowerCostUSDPerBTC, 1e-12) ||
		!near(half.AllInCostUSDPerBTC-half.PowerCostUSDPerBTC, 2*(p.AllInCostUSDPerBTC-p.PowerCostUSDPerBTC), 1e-12) {
		t.Errorf("at half uptime: power %v, machine %v", half.PowerCostUSDPerBTC, half.AllInCostUSDPerBTC-half.PowerCostUSDPerBTC)
	}
}
