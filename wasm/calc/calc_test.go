package calc

import (
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/hashswitch/hashswitch/internal/vectors"
	"github.com/hashswitch/hashswitch/wasm/chain"
	"github.com/hashswitch/hashswitch/wasm/econ"
)

// get calls the handler and decodes the JSON answer.
func get(t testing.TB, target string) (int, map[string]any) {
	t.Helper()
	a := GetURL(target)
	var body map[string]any
	if err := json.Unmarshal(a.Body, &body); err != nil {
		t.Fatalf("%s: not JSON: %v\n%s", target, err, a.Body)
	}
	return a.Status, body
}

func ok(t testing.TB, target string) map[string]any {
	t.Helper()
	code, body := get(t, target)
	if code != StatusOK {
		t.Fatalf("%s: %d %v", target, code, body)
	}
	return body
}

func num(t testing.TB, body map[string]any, key string) float64 {
	t.Helper()
	v, isNum := body[key].(float64)
	if !isNum {
		t.Fatalf("%s is %T %v, not a number", key, body[key], body[key])
	}
	return v
}

func near(a, b float64) bool { return math.Abs(a-b) <= 1e-12*math.Abs(b) }

func TestHalvingThroughHTTP(t *testing.T) {
	for _, pt := range vectors.SubsidyVectors().Points {
		b := ok(t, fmt.Sprintf("/api/v1/halving?height=%d", pt.Height))
		if got := int64(num(t, b, "subsidy_sat")); got != pt.SubsidySat {
			t.Errorf("height %d: subsidy_sat %d, want %d", pt.Height, got, pt.SubsidySat)
		}
		if got := int64(num(t, b, "supply_sat")); got != supplyByHand(pt.Height) {
			t.Errorf("height %d: supply_sat %d, want %d", pt.Height, got, supplyByHand(pt.Height))
		}
	}
	b := ok(t, "/api/v1/halving?height=925000&time=1763900000&block_time=600")
	if num(t, b, "next_halving_height") != 1_050_000 || num(t, b, "blocks_remaining") != 125_000 ||
		num(t, b, "next_subsidy_sat") != 156_250_000 || num(t, b, "eta_unix") != 1763900000+125000*600 {
		t.Errorf("halving: %v", b)
	}
	// A date is the same time as its unix seconds.
	byDate := ok(t, "/api/v1/halving?height=925000&time=2025-11-23T12:13:20Z")
	if num(t, byDate, "eta_unix") != 1763900000+125000*600 {
		t.Errorf("time as a date: %v", byDate)
	}
	if code, b := get(t, "/api/v1/halving?height=1&time=yesterday"); code != 400 || errorOf(t, b)["field"] != "time" {
		t.Errorf("time=yesterday: %d %v", code, b)
	}
	if _, has := ok(t, "/api/v1/halving?height=1")["eta_unix"]; has {
		t.Error("eta_unix without time")
	}
}

// supplyByHand adds up the subsidies of blocks 0..height epoch by epoch,
// from the rule as the vectors state it (50 BTC shifted right once per
// 210,000 blocks), without package chain.
func supplyByHand(height int64) int64 {
	var sum int64
	for epoch := int64(0); epoch < 64; epoch++ {
		first := epoch * 210_000
		if first > height {
			break
		}
		blocks := min(height-first+1, 210_000)
		sum += blocks * ((50 * vectors.SubsidyVectors().Coin) >> epoch)
	}
	return sum
}

// TestSupplyByHandIsCoresTotal checks the helper above against Bitcoin
// Core's subsidy_limit_test total.
func TestSupplyByHandIsCoresTotal(t *testing.T) {
	if got, want := supplyByHand(64*210_000), vectors.SubsidyVectors().ExactSumSat; got != want {
		t.Errorf("supply of every block %d, Core says %d", got, want)
	}
	b := ok(t, "/api/v1/halving?height=13440000")
	if got := int64(num(t, b, "max_supply_sat")); got != vectors.SubsidyVectors().ExactSumSat {
		t.Errorf("max_supply_sat %d", got)
	}
}

func TestTargetThroughHTTP(t *testing.T) {
	limit := chain.MainNet.PowLimit.Bytes()
	powLimit := new(big.Int).SetBytes(limit[:])
	for _, v := range vectors.CompactVectors().SetCompact {
		code, b := get(t, "/api/v1/target?bits=0x"+v.NBits)
		target, _ := new(big.Int).SetString(v.TargetHex, 16)
		valid := !v.Negative && !v.Overflow && v.TargetHex != "" && target.Sign() > 0 && target.Cmp(powLimit) <= 0
		if valid != (code == 200) {
			t.Errorf("%s: status %d, valid %v: %v", v.NBits, code, valid, b)
			continue
		}
		if !valid {
			if e := errorOf(t, b); e["field"] != "bits" {
				t.Errorf("%s: error %v", v.NBits, e)
			}
			continue
		}
		if b["target"] != v.TargetHex || b["bits"] != v.NBits {
			t.Errorf("%s: %v", v.NBits, b)
		}
	}
	for _, v := range vectors.CompactVectors().GetDifficulty {
		code, b := get(t, "/api/v1/target?bits="+v.NBits)
		if code != 200 {
			continue // too easy for mainnet's pow limit
		}
		if d := num(t, b, "difficulty"); math.Abs(d-v.Expected) > v.Tolerance && math.Abs(d-v.Expected)/v.Expected > 1e-12 {
			t.Errorf("%s: difficulty %v, want %v", v.NBits, d, v.Expected)
		}
	}
	b := ok(t, "/api/v1/target?bits=1d00ffff")
	if b["work"] != "4295032833" || num(t, b, "hashes_per_block") != 4294967296 {
		t.Errorf("difficulty 1: %v", b)
	}
}

func TestHeaderThroughHTTP(t *testing.T) {
	headers, _ := vectors.Headers()
	for _, v := range headers {
		b := ok(t, "/api/v1/header?hex="+v.HeaderHex)
		if b["hash"] != v.Hash || b["prev_block"] != v.PrevHash || b["merkle_root"] != v.MerkleRoot ||
			b["bits"] != v.Bits || num(t, b, "nonce") != float64(v.Nonce) || num(t, b, "time") != float64(v.Time) ||
			num(t, b, "version") != float64(v.Version) || b["valid_pow"] != true {
			t.Errorf("height %d: %v", v.Height, b)
		}
		bits, _ := chain.ParseBits(v.Bits)
		if num(t, b, "difficulty") != chain.Difficulty(bits) {
			t.Errorf("height %d: difficulty %v", v.Height, b["difficulty"])
		}
	}
	// Another nonce: parsed, but no valid proof of work.
	bad := headers[0].HeaderHex[:152] + "00000000"
	b := ok(t, "/api/v1/header?hex="+bad)
	if b["valid_pow"] != false || b["pow_error"] != chain.ErrHashAboveTarget.Error() {
		t.Errorf("changed nonce: %v", b)
	}
	// Bits with no valid target: still parsed, difficulty null.
	zero := headers[0].HeaderHex[:144] + "00000000" + headers[0].HeaderHex[152:]
	b = ok(t, "/api/v1/header?hex="+zero)
	if b["valid_pow"] != false || b["difficulty"] != nil || b["target"] != "" {
		t.Errorf("zero bits: %v", b)
	}
}

var late2025 = econ.Network{Chain: chain.MainNet, PriceUSD: 85_000, Difficulty: 149.3e12, SubsidyBTC: 3.125, FeesBTC: 0.02}

func TestHashpriceThroughHTTP(t *testing.T) {
	b := ok(t, "/api/v1/hashprice?price=85000&difficulty=149.3e12&height=925000&fees=0.02")
	if got := num(t, b, "hashprice_usd_per_ph_day"); !near(got, late2025.HashpriceUSDPerPHDay()) {
		t.Errorf("hashprice %v, want %v", got, late2025.HashpriceUSDPerPHDay())
	}
	if num(t, b, "subsidy_btc") != 3.125 || num(t, b, "height") != 925000 {
		t.Errorf("%v", b)
	}
	// The same network by hashrate gives the same hashprice.
	eh := num(t, b, "network_hashrate_ehs")
	c := ok(t, fmt.Sprintf("/api/v1/hashprice?price=85000&hashrate=%v&subsidy=3.125&fees=0.02", eh))
	if !near(num(t, c, "hashprice_usd_per_ph_day"), num(t, b, "hashprice_usd_per_ph_day")) {
		t.Errorf("by hashrate %v, by difficulty %v", c["hashprice_usd_per_ph_day"], b["hashprice_usd_per_ph_day"])
	}
	if _, has := c["height"]; has {
		t.Error("height echoed when not given")
	}
}

func TestProfitThroughHTTP(t *testing.T) {
	m := econ.Miner{Hardware: econ.Hardware{EfficiencyJPerTH: 17.5, PoolFeePct: 2, UptimePct: 97, PUE: 1.05}, PowerUSDPerKWh: 0.05}
	want := m.ProfitOn(late2025)
	// The defaults are the form's: pool fee 2%, uptime 97%, PUE 1.05.
	b := ok(t, "/api/v1/profit?price=85000&difficulty=149.3e12&subsidy=3.125&fees=0.02&efficiency=17.5&power_price=0.05")
	for key, w := range map[string]float64{
		"revenue_usd_per_th_day": want.RevenueUSDPerTHDay, "power_cost_usd_per_th_day": want.PowerCostUSDPerTHDay,
		"profit_usd_per_th_day": want.ProfitUSDPerTHDay, "breakeven_power_price": want.BreakevenPowerUSDPerKWh,
		"breakeven_hashprice": want.BreakevenHashpriceUSDPerPHDay, "cost_per_btc": want.PowerCostUSDPerBTC,
	} {
		if got := num(t, b, key); !near(got, w) {
			t.Errorf("%s = %v, want %v", key, got, w)
		}
	}
	// From a hashprice alone: same profit, no cost per BTC.
	hp := late2025.HashpriceUSDPerPHDay()
	c := ok(t, fmt.Sprintf("/api/v1/profit?hashprice=%v&efficiency=17.5&power_price=0.05&pool_fee=2&uptime=97&mining_pue=1.05", hp))
	if !near(num(t, c, "profit_usd_per_th_day"), want.ProfitUSDPerTHDay) || c["cost_per_btc"] != nil {
		t.Errorf("from hashprice: %v", c)
	}
}

func TestConvertThroughHTTP(t *testing.T) {
	q := "mw=100&power_price=0.05&hashprice=36&efficiency=17.5&mining_pue=1&pool_fee=0&uptime=100&mining_capex=500000&lease=130&pue=1.3" +
		"&lease_capex=9500000&lease_power=landlord&gpu_hour=2&gpu_watts=1400&gpu_utilization=80&gpu_capex=30000000&years=10&discount_rate=10"
	b := ok(t, "/api/v1/convert?"+q)
	mining := b["mining"].(map[string]any)
	if got := num(t, mining, "revenue_usd_per_kwh"); !near(got, 36.0/420) {
		t.Errorf("mining revenue per kWh %v", got)
	}
	lease := b["lease"].(map[string]any)
	if got := num(t, lease, "revenue_usd_per_kwh"); !near(got, 130.0/730/1.3) {
		t.Errorf("lease revenue per kWh %v", got)
	}
	if r := num(t, b, "lease_to_mining_revenue"); !near(r, (130.0/730/1.3)/(36.0/420)) {
		t.Errorf("ratio %v", r)
	}
	if r := num(t, b, "lease_to_mining_margin"); !near(r, (130.0/730/1.3-0.05)/(36.0/420-0.05)) {
		t.Errorf("margin ratio %v", r)
	}
	// The tenant paying the power moves both ratios: like with like.
	tenant := ok(t, "/api/v1/convert?"+strings.Replace(q, "lease_power=landlord", "lease_power=tenant", 1))
	if r := num(t, tenant, "lease_to_mining_revenue"); !near(r, (130.0/730/1.3+0.05)/(36.0/420)) {
		t.Errorf("tenant pays: ratio %v", r)
	}
	// Mining wins above the crossover hashprice: check the NPVs there.
	wins := num(t, b, "mining_wins_hashprice")
	at := ok(t, "/api/v1/convert?"+strings.Replace(q, "hashprice=36", fmt.Sprintf("hashprice=%v", wins), 1))
	best := math.Max(num(t, at["lease"].(map[string]any), "npv_usd"), num(t, at["gpu"].(map[string]any), "npv_usd"))
	if got := num(t, at["mining"].(map[string]any), "npv_usd"); math.Abs(got-best) > 1e-6*math.Abs(best) {
		t.Errorf("at the crossover mining NPV %v, best %v", got, best)
	}
	// At a loss mining never pays back: null, not Infinity; and it is
	// switched off every month.
	loss := ok(t, "/api/v1/convert?"+strings.Replace(q, "hashprice=36", "hashprice=5", 1))
	if v, has := loss["mining"].(map[string]any)["payback_years"]; !has || v != nil {
		t.Errorf("payback at a loss: %v %v", v, has)
	}
	if on := num(t, loss["mining"].(map[string]any), "months_on"); on != 0 {
		t.Errorf("mined %v months at a loss", on)
	}
	// 0 leaves an option out.
	only := ok(t, "/api/v1/convert?mw=10&hashprice=36&gpu_hour=0")
	if _, has := only["gpu"]; has {
		t.Error("gpu with gpu_hour=0")
	}
}

// TestConvertRegressions: the cases an analyst found in the first model.
func TestConvertRegressions(t *testing.T) {
	base := "/api/v1/convert?fee_share=0.64&height=925000"
	// A 2.3-year lease earns 27.6 months, not 28.
	b := ok(t, base+"&hashprice=36&lease_years=2.3&lease_escalator=0&lease_power=landlord&gpu_hour=0")
	itKW := 100_000 / 1.3
	if got := num(t, b["lease"].(map[string]any), "revenue_usd"); !near(got, 27.6*130*itKW) {
		t.Errorf("a 2.3-year lease earns %v, want %v", got, 27.6*130*itKW)
	}
	// With no capital and cash negative for years, payback is when it
	// turns for good, not 0.
	c := ok(t, base+"&mining_capex=0&hardware_price=0&hashprice=15&difficulty_growth=-1&loss_months=run")
	if p, _ := c["mining"].(map[string]any)["payback_years"].(float64); p < 1 {
		t.Errorf("payback %v with cash negative for years", c["mining"].(map[string]any)["payback_years"])
	}
	// Curtailment taking every hour uptime leaves: mining never hashes;
	// no hashprice makes it win, which is null, not a 400.
	d := ok(t, base+"&hashprice=36&uptime=50&curtail_hours=4380")
	if v, has := d["mining_wins_hashprice"]; !has || v != nil {
		t.Errorf("mining_wins_hashprice %v", v)
	}
	// Lives below a quarter year are refused; a quarter year is bounded.
	if code, e := get(t, base+"&hardware_life=1e-323"); code != 400 || errorOf(t, e)["field"] != "hardware_life" {
		t.Errorf("hardware_life=1e-323: %d %v", code, e)
	}
	ok(t, base+"&hardware_life=0.25&gpu_life=0.25&years=100")
	// Without a height the answer does not follow the clock.
	later := &Env{Now: func() time.Time { return time.Date(2031, 1, 1, 0, 0, 0, 0, time.UTC) }}
	if a, b := Get("/api/v1/convert", "hashprice=36"), later.Get("/api/v1/convert", "hashprice=36"); string(a.Body) != string(b.Body) {
		t.Error("the answer depends on the clock")
	}
}

func TestAttackThroughHTTP(t *testing.T) {
	b := ok(t, "/api/v1/attack?hashrate=1000&hardware_price=15&efficiency=17.5&power_price=0.05&hours=24&hashprice=36&building_capex=0&supply=0&rent_premium=0&rentable=0")
	want := econ.Attack{Chain: chain.MainNet, NetworkEHs: 1000, SharePct: 51, HardwareUSDPerTH: 15, EfficiencyJPerTH: 17.5,
		PowerUSDPerKWh: 0.05, Hours: 24, HashpriceUSDPerPHDay: 36}.Cost()
	if !near(num(t, b, "total_usd"), want.TotalUSD) || !near(num(t, b, "attacker_hashrate_ehs"), want.AttackerEHs) {
		t.Errorf("%v", b)
	}
	// By difficulty, the hashrate is difficulty x 2^32 / 600.
	c := ok(t, "/api/v1/attack?difficulty=149.3e12&hardware_price=15&efficiency=17.5&power_price=0.05")
	if !near(num(t, c, "network_hashrate_ehs"), late2025.HashrateEHs()) {
		t.Errorf("%v", c)
	}
}

func TestRaceThroughHTTP(t *testing.T) {
	b := ok(t, "/api/v1/race?device_hashrate=2e6&hashrate=1000")
	want := econ.Race{Chain: chain.MainNet, HashesPerSec: 2e6, Watts: 30, ASICTHs: 200, ASICJPerTH: 17.5, Difficulty: econ.DifficultyFromHashrateEHs(chain.MainNet, 1000)}.Compare()
	if !near(num(t, b, "years_to_block"), want.YearsToBlock) || !near(num(t, b, "asic_times_faster"), 1e8) {
		t.Errorf("%v", b)
	}
	if code, b := get(t, "/api/v1/race?hashrate=1000&device_hashrate="); code != 400 || errorOf(t, b)["field"] != "device_hashrate" {
		t.Errorf("empty device_hashrate: %d %v", code, b)
	}
}

func TestProjectThroughHTTP(t *testing.T) {
	b := ok(t, "/api/v1/project?price=85000&difficulty=149.3e12&height=1049000&fees=0.02&efficiency=17.5&power_price=0.05&hardware_price=15&difficulty_growth=2&days=60")
	periods := b["periods"].([]any)
	if len(periods) < 3 {
		t.Fatalf("periods %v", periods)
	}
	last := periods[len(periods)-1].(map[string]any)
	if num(t, last, "subsidy_btc") != 1.5625 {
		t.Errorf("after the halving: %v", last)
	}
	if b["pays_back"] != false || b["payback_days"] != nil {
		t.Errorf("$15/TH paid back in 60 days: %v", b["payback_days"])
	}
}

// TestBadInputNamesTheField: every bad, missing, non-finite, negative or
// absurd value is a 400 naming the field.
func TestBadInputNamesTheField(t *testing.T) {
	hp := "price=85000&difficulty=1e14&height=1"
	miner := "&efficiency=17.5&power_price=0.05"
	tests := []struct{ query, field string }{
		{"halving?", "height"},
		{"halving?height=-1", "height"},
		{"halving?height=1.5", "height"},
		{"halving?height=99999999999", "height"},
		{"halving?height=1&block_time=0", "block_time"},
		{"halving?height=1&time=abc", "time"},
		{"target?", "bits"},
		{"target?bits=xyz", "bits"},
		{"target?bits=1d80ffff", "bits"},
		{"target?bits=ff123456", "bits"},
		{"target?bits=00000000", "bits"},
		{"target?bits=207fffff", "bits"},
		{"header?", "hex"},
		{"header?hex=00", "hex"},
		{"hashprice?difficulty=1e14&height=1", "price"},
		{"hashprice?price=abc&difficulty=1e14&height=1", "price"},
		{"hashprice?price=NaN&difficulty=1e14&height=1", "price"},
		{"hashprice?price=Inf&difficulty=1e14&height=1", "price"},
		{"hashprice?price=-5&difficulty=1e14&height=1", "price"},
		{"hashprice?price=1e300&difficulty=1e14&height=1", "price"},
		{"hashprice?price=1&height=1", "difficulty"},
		{"hashprice?price=1&difficulty=1&hashrate=1&height=1", "hashrate"},
		{"hashprice?price=1&difficulty=1", "height"},
		{"hashprice?price=1&difficulty=1&subsidy=51", "subsidy"},
		{"hashprice?price=1&difficulty=1&height=1&fees=-1", "fees"},
		{"hashprice?price=1&difficulty=1&height=14000000", "fees"},
		{"profit?" + hp + "&power_price=0.05&efficiency=", "efficiency"},
		{"profit?" + hp + "&efficiency=17.5&power_price=abc", "power_price"},
		{"profit?" + hp + miner + "&pool_fee=100", "pool_fee"},
		{"profit?" + hp + miner + "&uptime=0", "uptime"},
		{"profit?hashprice=36&height=1" + miner, "height"},
		{"profit?hashprice=-36" + miner, "hashprice"},
		{"convert?mw=0", "mw"},
		{"convert?lease=-1", "lease"},
		{"convert?lease_capex=", "lease_capex"},
		{"convert?gpu_watts=0", "gpu_watts"},
		{"convert?reinvest=sometimes", "reinvest"},
		{"convert?loss_months=maybe", "loss_months"},
		{"convert?lease_power=abc", "lease_power"},
		{"convert?gpu_life=0.1", "gpu_life"},
		{"convert?building_life=0", "building_life"},
		{"convert?price=85000&hashprice=36", "price"},
		{"convert?uptime=50&curtail_hours=4381", "curtail_hours"},
		{"convert?mw=1&power_price=0.05&hashprice=36&efficiency=17.5&mining_capex=1&lease=100&lease_capex=1&pue=0.5", "pue"},
		{"attack?hardware_price=15&efficiency=17.5&power_price=0.05", "hashrate"},
		{"attack?hashrate=1000&hardware_price=15&efficiency=17.5&power_price=0.05&share=100", "share"},
		{"project?price=1&difficulty=1e14&subsidy=3&efficiency=17.5&power_price=0.05&hardware_price=1", "height"},
		{"project?" + hp + miner + "&hardware_price=1&days=99999", "days"},
	}
	for _, tt := range tests {
		code, b := get(t, "/api/v1/"+tt.query)
		if code != StatusBadInput {
			t.Errorf("%s: status %d, want 400: %v", tt.query, code, b)
			continue
		}
		e := errorOf(t, b)
		if e["field"] != tt.field || e["message"] == "" {
			t.Errorf("%s: error %v, want field %q", tt.query, e, tt.field)
		}
	}
}

func TestErrorMessageSaysWhatToFix(t *testing.T) {
	_, b := get(t, "/api/v1/hashprice?price=abc&difficulty=1&height=1")
	if msg := errorOf(t, b)["message"]; msg != `type a number in USD per BTC, like 85,000, got "abc"` {
		t.Errorf("message %q", msg)
	}
	_, b = get(t, "/api/v1/hashprice?price=2e9&difficulty=1&height=1")
	if msg := errorOf(t, b)["message"]; msg != `must be a positive number up to 1,000,000,000, got 2,000,000,000` {
		t.Errorf("message %q", msg)
	}
}

// TestNumbersAsPeopleWriteThem: thousands separators, a dollar sign, k/M/B/T
// and a percent sign where the unit allows; what Go would parse but no
// person writes is refused.
func TestNumbersAsPeopleWriteThem(t *testing.T) {
	for _, c := range []struct {
		in   string
		unit Unit
		want float64
	}{
		{"85000", "USD per BTC", 85000}, {"85,000", "USD per BTC", 85000}, {"$85000", "USD per BTC", 85000},
		{"85 000", "USD per BTC", 85000}, {"85\u00a0000", "USD per BTC", 85000}, {"85\u2009000", "USD per BTC", 85000},
		{"85k", "USD per BTC", 85000}, {"$85k", "USD per BTC", 85000}, {"$ 85,000.50", "USD per BTC", 85000.5},
		{"1.5M", "USD per MW", 1.5e6}, {"27B", "USD", 27e9}, {"149.3T", "as Bitcoin Core reports it", 149.3e12},
		{"149.3e12", "as Bitcoin Core reports it", 149.3e12}, {"5%", "%", 5}, {" 97 % ", "%", 97}, {"1,234,567", "W", 1234567},
	} {
		got, err := ParseNumber(c.in, c.unit)
		if err != nil || math.Abs(got-c.want) > 1e-9*c.want {
			t.Errorf("ParseNumber(%q, %q) = %v, %v; want %v", c.in, c.unit, got, err, c.want)
		}
	}
	for _, c := range []struct {
		in   string
		unit Unit
	}{
		{"1_000", "USD"}, {"0x1p3", "USD"}, {"Inf", "USD"}, {"NaN", "USD"}, {"8,50", "USD"}, {"1,0000", "USD"},
		{"85\x00", "USD"}, {"k", "USD"}, {"5%", "USD"}, {"$5", "%"}, {"5k", "%"}, {"", "USD"}, {"1.2.3", "USD"}, {"1e", "USD"},
		{"12,34,567", "USD"}, {"--5", "USD"},
	} {
		if got, err := ParseNumber(c.in, c.unit); err == nil {
			t.Errorf("ParseNumber(%q, %q) = %v, want an error", c.in, c.unit, got)
		}
	}
	// Through the API: 85,000 and $85k compute like 85000; 1_000 is refused
	// by name, in words.
	want := ok(t, "/api/v1/hashprice?price=85000&difficulty=149.3e12&height=925000")
	for _, p := range []string{"85%2C000", "%2485k", "85%20000"} {
		if got := ok(t, "/api/v1/hashprice?price="+p+"&difficulty=149.3e12&height=925000"); got["hashprice_usd_per_ph_day"] != want["hashprice_usd_per_ph_day"] {
			t.Errorf("price=%s: %v", p, got["hashprice_usd_per_ph_day"])
		}
	}
	if code, b := get(t, "/api/v1/profit?hashprice=36&efficiency=17.5&power_price=0.05&uptime=97%25"); code != 200 || num(t, b, "revenue_usd_per_th_day") == 0 {
		t.Errorf("uptime=97%%: %d %v", code, b)
	}
	if _, b := get(t, "/api/v1/hashprice?price=1_000&difficulty=1&height=1"); errorOf(t, b)["field"] != "price" ||
		!strings.HasPrefix(errorOf(t, b)["message"].(string), "type a number in USD per BTC, like 85,000") {
		t.Errorf("1_000: %v", b)
	}
}

func errorOf(t testing.TB, b map[string]any) map[string]any {
	t.Helper()
	e, isObj := b["error"].(map[string]any)
	if !isObj {
		t.Fatalf("no error object in %v", b)
	}
	return e
}

func TestRequestProblems(t *testing.T) {
	for _, u := range []string{"/api/v1/nothing", "/api/v2/halving", "", "halving"} {
		code, b := get(t, u)
		if code != 404 || errorOf(t, b)["message"] == "" {
			t.Errorf("%q: %d %v", u, code, b)
		}
	}
	if code, _ := get(t, "/api/v1/halving/?height=1"); code != 200 {
		t.Errorf("trailing slash: %d", code)
	}
	if code, _ := get(t, "/api/v1/halving?height=1&"+strings.Repeat("x", maxQuery)); code != 400 {
		t.Errorf("huge query: %d", code)
	}
	if code, _ := get(t, "/api/v1/halving?height=%zz"); code != 400 {
		t.Errorf("bad escape: %d", code)
	}
}

func TestPanicBecomesA500(t *testing.T) {
	boom := bind(&Def[struct{}]{Meta: Meta{Name: "boom"}, Run: func(*Query) (struct{}, error) { panic("secret detail") }})
	boom.table = &Table{} // not registered
	a := (&Env{}).answer(boom, "")
	var b map[string]any
	if err := json.Unmarshal(a.Body, &b); err != nil || a.Status != 500 {
		t.Fatalf("panic: %d %s", a.Status, a.Body)
	}
	if msg := errorOf(t, b)["message"].(string); msg == "" || strings.Contains(msg, "secret") {
		t.Errorf("a panic's message reaches the reader: %q", msg)
	}
}

func TestNonFiniteResultsAreRefused(t *testing.T) {
	code, b := get(t, "/api/v1/hashprice?price=1e9&difficulty=1e-320&subsidy=50&fees=1000")
	if code != 400 {
		t.Errorf("huge hashprice: %d %v", code, b)
	}
}

// TestAnswersAreEncodingJSON: every example's answer, an error's and the
// OpenAPI document are byte for byte what encoding/json's Encoder writes
// (HTML escaping off) for the same values; the API's answers are written
// by package tinyjson, which keeps encoding/json out of the page.
func TestAnswersAreEncodingJSON(t *testing.T) {
	std := func(v any) string {
		var b strings.Builder
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(v); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	for _, u := range ExampleURLs() {
		path, query, _ := strings.Cut(u, "?")
		c := Lookup(strings.TrimPrefix(path, Prefix))
		q, err := NewQuery(c, chain.MainNet, query)
		if err != nil {
			t.Fatal(err)
		}
		result, problem := Run(c, q)
		if problem != nil {
			t.Fatalf("%s: %v", u, problem)
		}
		if got, want := string(GetURL(u).Body), std(result); got != want {
			t.Errorf("%s:\n got %s\nwant %s", u, got, want)
		}
	}
	bad := GetURL("/api/v1/hashprice?price=<script>\u2028")
	var e struct {
		Error *FieldError `json:"error"`
	}
	if err := json.Unmarshal(bad.Body, &e); err != nil || e.Error == nil {
		t.Fatalf("%s: %v", bad.Body, err)
	}
	if want := std(e); string(bad.Body) != want {
		t.Errorf("error answer:\n got %s\nwant %s", bad.Body, want)
	}
	if got, want := string(GetURL(OpenAPIPath).Body), std(OpenAPI()); got != want {
		t.Errorf("OpenAPI document differs from encoding/json's")
	}
}
