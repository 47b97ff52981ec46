package calc

import (
	"math"

	"github.com/hashswitch/hashswitch/wasm/econ"
)

// Bounds of the money inputs: wide enough for any scenario a reader may
// try, narrow enough that every result is a finite number.
var (
	priceSpan      = positive(1e9)  // USD per BTC
	difficultySpan = positive(1e40) // Core's difficulty
	hashrateSpan   = positive(1e12) // EH/s
	subsidySpan    = nonNeg(50)     // BTC
	feesSpan       = nonNeg(1000)   // BTC per block
	hashpriceSpan  = positive(1e9)  // USD per PH/s per day
	efficiencySpan = positive(1e5)  // J/TH
	powerPriceSpan = nonNeg(10)     // USD per kWh
	poolFeeSpan    = span{0, 99.9, false}
)

// difficulty reads the network's difficulty, or its hashrate (EH/s) as
// the difficulty that finds a block every 600 seconds at that rate. When
// neither is given, the error names the one the endpoint documents first.
func (p *params) difficulty(first string) float64 {
	other := map[string]string{"difficulty": "hashrate", "hashrate": "difficulty"}[first]
	if p.either(first, other) == "hashrate" {
		return econ.DifficultyFromHashrateEHs(p.float("hashrate", hashrateSpan))
	}
	return p.float("difficulty", difficultySpan)
}

// network reads price, difficulty or hashrate (EH/s), height or subsidy
// (BTC), and fees (BTC per block, default 0). height is -1 when not given.
func (p *params) network() (n econ.Network, height int64) {
	n.PriceUSD = p.float("price", priceSpan)
	n.Difficulty = p.difficulty("difficulty")
	height = -1
	if p.either("height", "subsidy") == "height" {
		height = p.int("height", 0, maxHeight)
		n.SubsidyBTC = econ.SubsidyBTCAt(height)
	} else {
		n.SubsidyBTC = p.float("subsidy", subsidySpan)
	}
	n.FeesBTC = p.floatOr("fees", 0, feesSpan)
	if p.err == nil && n.RewardBTC() == 0 {
		p.fail(fieldErr("fees", "must be above 0 when the subsidy is 0: a block must pay something"))
	}
	return n, height
}

// revenue reads either hashprice (USD per PH/s per day, with an optional
// price) or the network inputs. price is 0 when unknown.
func (p *params) revenue() (hashpriceUSD, price float64) {
	if p.has("hashprice") {
		for _, conflict := range []string{"difficulty", "hashrate", "height", "subsidy", "fees"} {
			if p.has(conflict) {
				p.fail(fieldErr(conflict, "give hashprice or the network inputs, not both"))
			}
		}
		return p.float("hashprice", hashpriceSpan), p.floatOr("price", 0, priceSpan)
	}
	n, _ := p.network()
	return n.HashpriceUSDPerPHDay(), n.PriceUSD
}

// miner reads efficiency (J/TH), power_price (USD/kWh), pool_fee (%,
// default 0) and uptime (%, default 100).
func (p *params) miner() econ.Miner {
	return econ.Miner{
		EfficiencyJPerTH: p.float("efficiency", efficiencySpan),
		PowerUSDPerKWh:   p.float("power_price", powerPriceSpan),
		PoolFeePct:       p.floatOr("pool_fee", 0, poolFeeSpan),
		UptimePct:        p.floatOr("uptime", 100, percentPos),
	}
}

type hashpriceResult struct {
	HashpriceUSDPerPHDay float64 `json:"hashprice_usd_per_ph_day"`
	HashpriceUSDPerTHDay float64 `json:"hashprice_usd_per_th_day"`
	HashvalueBTCPerPHDay float64 `json:"hashvalue_btc_per_ph_day"`
	HashvalueSatPerPHDay float64 `json:"hashvalue_sat_per_ph_day"`
	NetworkHashrateEHs   float64 `json:"network_hashrate_ehs"`
	Difficulty           float64 `json:"difficulty"`
	Height               *int64  `json:"height,omitempty"`
	SubsidyBTC           float64 `json:"subsidy_btc"`
	FeesBTC              float64 `json:"fees_btc"`
	FeeSharePct          float64 `json:"fee_share_pct"`
	PriceUSD             float64 `json:"price_usd"`
	BlocksPerPHDay       float64 `json:"blocks_per_ph_day"`
}

func hashprice(p *params) (any, error) {
	n, height := p.network()
	if p.err != nil {
		return nil, p.err
	}
	r := hashpriceResult{
		HashpriceUSDPerPHDay: n.HashpriceUSDPerPHDay(),
		HashpriceUSDPerTHDay: n.HashpriceUSDPerPHDay() / 1000,
		HashvalueBTCPerPHDay: n.HashvalueBTCPerPHDay(),
		HashvalueSatPerPHDay: n.HashvalueBTCPerPHDay() * 1e8,
		NetworkHashrateEHs:   n.HashrateEHs(),
		Difficulty:           n.Difficulty,
		SubsidyBTC:           n.SubsidyBTC,
		FeesBTC:              n.FeesBTC,
		FeeSharePct:          n.FeeSharePct(),
		PriceUSD:             n.PriceUSD,
		BlocksPerPHDay:       n.BlocksPerPHDay(),
	}
	if height >= 0 {
		r.Height = &height
	}
	return r, nil
}

type profitResult struct {
	HashpriceUSDPerPHDay float64  `json:"hashprice_usd_per_ph_day"`
	RevenueUSDPerTHDay   float64  `json:"revenue_usd_per_th_day"`
	PowerCostUSDPerTHDay float64  `json:"power_cost_usd_per_th_day"`
	ProfitUSDPerTHDay    float64  `json:"profit_usd_per_th_day"`
	MarginPct            float64  `json:"margin_pct"`
	EnergyKWhPerTHDay    float64  `json:"energy_kwh_per_th_day"`
	BreakevenPowerPrice  float64  `json:"breakeven_power_price"` // USD/kWh
	BreakevenHashprice   float64  `json:"breakeven_hashprice"`   // USD/PH/day
	CostPerBTC           *float64 `json:"cost_per_btc"`          // power only; null without price
	PriceUSD             *float64 `json:"price_usd,omitempty"`
}

func profit(p *params) (any, error) {
	hp, price := p.revenue()
	m := p.miner()
	if p.err != nil {
		return nil, p.err
	}
	pr := m.Profit(hp, price)
	r := profitResult{
		HashpriceUSDPerPHDay: hp,
		RevenueUSDPerTHDay:   pr.RevenueUSDPerTHDay,
		PowerCostUSDPerTHDay: pr.PowerCostUSDPerTHDay,
		ProfitUSDPerTHDay:    pr.ProfitUSDPerTHDay,
		MarginPct:            pr.MarginPct,
		EnergyKWhPerTHDay:    m.KWhPerTHDay(),
		BreakevenPowerPrice:  pr.BreakevenPowerUSDPerKWh,
		BreakevenHashprice:   pr.BreakevenHashpriceUSDPerPHDay,
	}
	if price > 0 {
		r.CostPerBTC, r.PriceUSD = &pr.PowerCostUSDPerBTC, &price
	}
	return r, nil
}

type optionResult struct {
	RevenueUSDPerKWh  float64  `json:"revenue_usd_per_kwh"`
	KWhPerYear        float64  `json:"kwh_per_year"`
	RevenueUSDPerYear float64  `json:"revenue_usd_per_year"`
	PowerUSDPerYear   float64  `json:"power_usd_per_year"`
	ProfitUSDPerYear  float64  `json:"profit_usd_per_year"`
	CapexUSD          float64  `json:"capex_usd"`
	PaybackYears      *float64 `json:"payback_years"` // null: never
	NPVUSD            float64  `json:"npv_usd"`
}

func optionOf(o *econ.Option) *optionResult {
	if o == nil {
		return nil
	}
	return &optionResult{o.RevenueUSDPerKWh, o.KWhPerYear, o.RevenueUSDPerYear, o.PowerUSDPerYear,
		o.ProfitUSDPerYear, o.CapexUSD, finiteOrNil(o.PaybackYears), o.NPVUSD}
}

func finiteOrNil(x float64) *float64 {
	if math.IsInf(x, 0) || math.IsNaN(x) {
		return nil
	}
	return &x
}

type convertResult struct {
	HashpriceUSDPerPHDay float64       `json:"hashprice_usd_per_ph_day"`
	Mining               *optionResult `json:"mining"`
	Lease                *optionResult `json:"lease,omitempty"`
	GPU                  *optionResult `json:"gpu,omitempty"`
	LeaseToMining        *float64      `json:"lease_to_mining_revenue,omitempty"`
	GPUToMining          *float64      `json:"gpu_to_mining_revenue,omitempty"`
	MiningWinsHashprice  float64       `json:"mining_wins_hashprice"` // USD/PH/day
}

// capexSpan bounds CAPEX per MW in USD.
var capexSpan = nonNeg(1e9)

func convert(p *params) (any, error) {
	s := econ.Site{
		MW:             p.float("mw", positive(100_000)),
		PowerUSDPerKWh: p.float("power_price", powerPriceSpan),
		Years:          p.floatOr("years", 10, positive(100)),
		DiscountPct:    p.floatOr("discount_rate", 10, span{0, 100, false}),
	}
	s.HashpriceUSDPerPHDay, _ = p.revenue()
	s.Mining = econ.Miner{
		EfficiencyJPerTH: p.float("efficiency", efficiencySpan),
		PoolFeePct:       p.floatOr("pool_fee", 0, poolFeeSpan),
		UptimePct:        p.floatOr("uptime", 100, percentPos),
	}
	s.MiningCapexUSDPerMW = p.float("mining_capex", capexSpan)
	pue := p.floatOr("pue", 1.3, span{1, 5, false})
	if p.has("lease") {
		s.Lease = &econ.Lease{
			USDPerKWMonth: p.float("lease", positive(100_000)),
			PUE:           pue,
			CapexUSDPerMW: p.float("lease_capex", capexSpan),
		}
	}
	if p.has("gpu_hour") {
		s.GPU = &econ.GPUCloud{
			USDPerGPUHour:  p.float("gpu_hour", positive(10_000)),
			WattsPerGPU:    p.float("gpu_watts", positive(100_000)),
			PUE:            pue,
			UtilizationPct: p.floatOr("gpu_utilization", 100, percentPos),
			CapexUSDPerMW:  p.float("gpu_capex", capexSpan),
		}
	}
	if p.err == nil && s.Lease == nil && s.GPU == nil {
		p.fail(fieldErr("lease", "is required (USD per kW-month), or give gpu_hour: mining needs something to compare with"))
	}
	if p.err != nil {
		return nil, p.err
	}
	c := s.Compare()
	r := convertResult{
		HashpriceUSDPerPHDay: s.HashpriceUSDPerPHDay,
		Mining:               optionOf(&c.Mining),
		Lease:                optionOf(c.Lease),
		GPU:                  optionOf(c.GPU),
		MiningWinsHashprice:  c.MiningWinsHashpriceUSDPerPHDay,
	}
	if c.Lease != nil {
		r.LeaseToMining = &c.LeaseToMiningRevenue
	}
	if c.GPU != nil {
		r.GPUToMining = &c.GPUToMiningRevenue
	}
	return r, nil
}

type attackResult struct {
	NetworkHashrateEHs  float64  `json:"network_hashrate_ehs"`
	SharePct            float64  `json:"share_pct"`
	AttackerHashrateEHs float64  `json:"attacker_hashrate_ehs"`
	HardwareUSD         float64  `json:"hardware_usd"`
	PowerMW             float64  `json:"power_mw"`
	PowerUSDPerHour     float64  `json:"power_usd_per_hour"`
	Hours               float64  `json:"hours"`
	PowerUSD            float64  `json:"power_usd"`
	TotalUSD            float64  `json:"total_usd"`
	BlocksPerHour       float64  `json:"blocks_per_hour"`
	HonestRevenueUSD    *float64 `json:"honest_revenue_usd,omitempty"`
}

func attack(p *params) (any, error) {
	a := econ.Attack{
		SharePct:         p.floatOr("share", 51, span{0, 99, true}),
		HardwareUSDPerTH: p.float("hardware_price", nonNeg(1e6)),
		EfficiencyJPerTH: p.float("efficiency", efficiencySpan),
		PowerUSDPerKWh:   p.float("power_price", powerPriceSpan),
		Hours:            p.floatOr("hours", 24, nonNeg(1e6)),
	}
	a.NetworkEHs = econ.Network{Difficulty: p.difficulty("hashrate")}.HashrateEHs()
	if p.has("hashprice") {
		a.HashpriceUSDPerPHDay = p.float("hashprice", hashpriceSpan)
	}
	if p.err != nil {
		return nil, p.err
	}
	c := a.Cost()
	r := attackResult{
		NetworkHashrateEHs: a.NetworkEHs, SharePct: a.SharePct, AttackerHashrateEHs: c.AttackerEHs,
		HardwareUSD: c.HardwareUSD, PowerMW: c.PowerMW, PowerUSDPerHour: c.PowerUSDPerHour,
		Hours: a.Hours, PowerUSD: c.PowerUSD, TotalUSD: c.TotalUSD, BlocksPerHour: c.BlocksPerHour,
	}
	if p.has("hashprice") {
		r.HonestRevenueUSD = &c.HonestRevenueUSD
	}
	return r, nil
}

type periodResult struct {
	StartDay             float64 `json:"start_day"`
	Days                 float64 `json:"days"`
	Height               int64   `json:"height"`
	Difficulty           float64 `json:"difficulty"`
	SubsidyBTC           float64 `json:"subsidy_btc"`
	HashpriceUSDPerPHDay float64 `json:"hashprice_usd_per_ph_day"`
	ProfitUSDPerTH       float64 `json:"profit_usd_per_th"`
	CumulativeUSDPerTH   float64 `json:"cumulative_usd_per_th"`
}

type projectResult struct {
	PaybackDays         *float64       `json:"payback_days"` // null: never within the horizon
	PaysBack            bool           `json:"pays_back"`
	TotalProfitUSDPerTH float64        `json:"total_profit_usd_per_th"`
	Periods             []periodResult `json:"periods"`
}

// project follows one TH/s through retargets and halvings: the network
// inputs with height (required), the miner, hardware_price (USD per TH/s),
// difficulty_growth (% per 2,016-block epoch) and days.
func project(p *params) (any, error) {
	if !p.has("height") {
		p.fail(fieldErr("height", "is required: the projection needs to know when the next halving is"))
	}
	n, height := p.network()
	pr := econ.Projection{
		Network:                     n,
		Height:                      height,
		Miner:                       p.miner(),
		HardwareUSDPerTH:            p.float("hardware_price", nonNeg(1e6)),
		DifficultyGrowthPctPerEpoch: p.floatOr("difficulty_growth", 0, span{-50, 100, false}),
		HorizonDays:                 p.floatOr("days", 730, positive(3650)),
	}
	if p.err != nil {
		return nil, p.err
	}
	res := pr.Run()
	r := projectResult{
		PaybackDays:         finiteOrNil(res.PaybackDays),
		PaysBack:            res.PaysBack(),
		TotalProfitUSDPerTH: res.TotalProfitUSDPerTH,
		Periods:             make([]periodResult, len(res.Periods)),
	}
	for i, x := range res.Periods {
		r.Periods[i] = periodResult(x)
	}
	return r, nil
}

type raceResult struct {
	DeviceHashrate     float64 `json:"device_hashrate"` // H/s
	ASICTimesFaster    float64 `json:"asic_times_faster"`
	NetworkTimesFaster float64 `json:"network_times_faster"`
	NetworkHashrateEHs float64 `json:"network_hashrate_ehs"`
	SecondsToBlock     float64 `json:"seconds_to_block"`
	YearsToBlock       float64 `json:"years_to_block"`
	JPerHash           float64 `json:"j_per_hash"`
	ASICJPerHash       float64 `json:"asic_j_per_hash"`
	EnergyTimesASIC    float64 `json:"energy_times_asic"`
}

// race compares a device's hashrate (device_hashrate, H/s; device_watts)
// with one ASIC (asic_hashrate TH/s, asic_efficiency J/TH) and the network
// (hashrate EH/s or difficulty): the browser benchmark's numbers.
func race(p *params) (any, error) {
	r := econ.Race{
		HashesPerSec: p.float("device_hashrate", positive(1e15)),
		Watts:        p.floatOr("device_watts", 30, positive(1e5)),
		ASICTHs:      p.floatOr("asic_hashrate", 200, positive(1e6)),
		ASICJPerTH:   p.floatOr("asic_efficiency", 17.5, efficiencySpan),
	}
	r.Difficulty = p.difficulty("hashrate")
	if p.err != nil {
		return nil, p.err
	}
	c := r.Compare()
	return raceResult{r.HashesPerSec, c.ASICTimesFaster, c.NetworkTimesFaster, c.NetworkEHs, c.SecondsToBlock,
		c.YearsToBlock, c.JPerHash, c.ASICJPerHash, c.EnergyTimesASIC}, nil
}
