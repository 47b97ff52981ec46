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

var s19XP = Miner{Hardware: Hardware{EfficiencyJPerTH: 17.5, PoolFeePct: 0, UptimePct: 100}, PowerUSDPerKWh: 0.05}

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
	m := Miner{Hardware: Hardware{EfficiencyJPerTH: 21.5, PoolFeePct: 2, UptimePct: 95}, PowerUSDPerKWh: 0.065}
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

// priced is m bought at usdPerTH.
func priced(m Miner, usdPerTH float64) Miner {
	m.PriceUSDPerTH = usdPerTH
	return m
}

func TestProjectionFlatMatchesDailyProfit(t *testing.T) {
	pr := Projection{Network: late2025, Height: 925_000, Miner: priced(s19XP, 3), HorizonDays: 365}
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
	pr := Projection{Network: late2025, Height: 1_049_000, Miner: priced(s19XP, 1e9), HorizonDays: 30}
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
	pr := Projection{Network: late2025, Height: 2016 * 450, Miner: priced(s19XP, 1),
		DifficultyGrowthPctPerEpoch: 3, HorizonDays: 28}
	r := pr.Run()
	if len(r.Periods) != 2 || !near(r.Periods[1].Difficulty, late2025.Difficulty*1.03, 1e-12) {
		t.Errorf("periods %+v", r.Periods)
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
	m := Miner{Hardware: Hardware{EfficiencyJPerTH: 17.5, UptimePct: 100, PriceUSDPerTH: 15, LifeYears: 4}, PowerUSDPerKWh: 0.05}
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
