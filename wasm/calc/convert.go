package calc

import (
	"math"
	"strings"

	"github.com/hashswitch/hashswitch/wasm/chart"
	"github.com/hashswitch/hashswitch/wasm/econ"
	"github.com/hashswitch/hashswitch/wasm/netdata"
)

// The convert calculator's parameters: one site, three uses, over time.
var (
	SiteMW      = Param{Name: "mw", Label: "Site power", Unit: "MW at the meter", Range: Positive(100_000), Start: "100", Example: "100", Group: "Site"}
	PUE         = Param{Name: "pue", Label: "PUE of an AI hall", Unit: "facility kW per IT kW", Range: Range{Min: 1, Max: 5}, Default: "1.3", Group: "Site"}
	MiningCapex = Param{Name: "mining_capex", Label: "Cost to build", Unit: "USD per MW at the meter", Range: capexRange, Start: "500000",
		Example: "500000", Group: "Mining", Help: "$300,000–800,000 per MW (Dân trí, December 2025)"}
	MiningPUE = Param{Name: "mining_pue", Label: "PUE of the mining hall", Unit: "facility kW per machine kW", Range: Range{Min: 1, Max: 5},
		Default: "1", Start: "1.05", Group: "Mining", Help: "air-cooled halls run close to 1: the site's assumption"}
	MachinePrice = Param{Name: "hardware_price", Label: "Machine price", Unit: "USD per TH/s", Range: NonNegative(1e6), Default: "0",
		Start: "15", Group: "Mining", Help: "the site's assumption for recent machines; 0 leaves machines out"}
	MachineLife = Param{Name: "hardware_life", Label: "Machines last", Unit: "years", Range: Positive(50), Default: "4",
		Group: "Mining", Help: "then they are bought again"}
	CurtailHours = Param{Name: "curtail_hours", Label: "Hours off for the grid", Unit: "hours a year", Range: NonNegative(8760),
		Default: "0", Group: "Mining", Help: "demand response: mining can stop when power is dear"}
	CurtailPrice = Param{Name: "curtail_price", Label: "What the grid pays for them", Unit: "USD per MWh", Range: NonNegative(100_000),
		Default: "0", Group: "Mining"}
	TodayHeight = Param{Name: "height", Label: "Block height today", Unit: "block", Type: Integer, Range: Range{Min: 0, Max: maxHeight},
		Optional: true, Group: "Mining over time", Help: "the next halvings come at blocks 1,050,000 and 1,260,000",
		Doc:  "when the halvings in the horizon come; default: today's, estimated from the newest committed snapshot",
		From: func(s netdata.Snapshot) string { return itoa(s.Height) }}
	FeeShare = Param{Name: "fee_share", Label: "Fees' share of the reward", Unit: "%", Range: NonNegative(100), Default: "0.64",
		Group: "Mining over time", Help: "fees do not halve; 0.64% in late November 2025",
		Doc:  "with hashprice; derived from the network inputs otherwise",
		From: func(s netdata.Snapshot) string { return ftoa(math.Round(1e4*s.FeesBTC/(s.SubsidyBTC+s.FeesBTC)) / 100) }}
	MiningGrowth = Param{Name: "difficulty_growth", Label: "Difficulty growth", Unit: "% per 2,016-block retarget",
		Range: Range{Min: -50, Max: 100}, Default: "0", Start: "0.5", Group: "Mining over time",
		Help: "your assumption: +0.5% a retarget is about +14% a year; 0 holds it flat"}
	Lease = Param{Name: "lease", Label: "Colocation lease", Unit: "USD per kW of IT load a month", Range: Positive(100_000), Optional: true,
		Start: "130", Group: "AI tenant (colocation)", Help: "$100–160: the site's assumption",
		Doc: "what an AI tenant pays per kW of IT load; give lease or gpu_hour, or both"}
	LeaseCapex = Param{Name: "lease_capex", Label: "Cost to convert", Unit: "USD per MW of IT load", Range: capexRange, Optional: true,
		Start: "9500000", Group: "AI tenant (colocation)", Help: "AI halls: about $8–11 million per MW of IT load, the site's assumption",
		Doc: "required with lease"}
	LeasePower = Param{Name: "lease_power", Label: "Who pays the power", Unit: "tenant or landlord", Type: Text, Default: "tenant",
		Group: "AI tenant (colocation)", Help: "in most leases the tenant pays it on top",
		Doc: "tenant: the tenant pays the power on top of the lease; landlord: the site pays it out of the lease"}
	LeaseTerm = Param{Name: "lease_years", Label: "Contract term", Unit: "years", Range: Positive(100), Optional: true,
		Group: "AI tenant (colocation)", Help: "nothing is counted after it; empty: the whole horizon",
		Doc: "nothing is earned after the term; default: the horizon"}
	GPUHour = Param{Name: "gpu_hour", Label: "GPU rental price", Unit: "USD per GPU-hour", Range: Positive(10_000), Optional: true,
		Start: "2", Group: "GPU cloud", Doc: "renting the GPUs out by the hour; give lease or gpu_hour, or both"}
	GPUWatts = Param{Name: "gpu_watts", Label: "Power per GPU", Unit: "W, with its server", Range: Positive(100_000), Optional: true,
		Start: "1400", Group: "GPU cloud", Doc: "required with gpu_hour"}
	GPUUtilization = Param{Name: "gpu_utilization", Label: "Hours sold", Unit: "%", Range: Positive(100), Default: "100",
		Start: "80", Group: "GPU cloud"}
	GPUCapex = Param{Name: "gpu_capex", Label: "Cost to build the hall", Unit: "USD per MW of IT load, GPUs excluded", Range: capexRange, Optional: true,
		Start: "9500000", Group: "GPU cloud", Doc: "required with gpu_hour"}
	GPUPrice = Param{Name: "gpu_price", Label: "Price of a GPU", Unit: "USD, with its share of the server", Range: NonNegative(1e7), Default: "0",
		Start: "35000", Group: "GPU cloud", Help: "the site's assumption; 0 leaves the GPUs out"}
	GPULife = Param{Name: "gpu_life", Label: "GPUs last", Unit: "years", Range: Positive(50), Default: "5", Group: "GPU cloud",
		Help: "then they are bought again"}
	Years        = Param{Name: "years", Label: "Horizon", Unit: "years", Range: Positive(100), Default: "10", Group: "Money"}
	DiscountRate = Param{Name: "discount_rate", Label: "Discount rate", Unit: "% a year", Range: NonNegative(100), Default: "10", Group: "Money"}
)

// miningUptime is Uptime among the site's other uses.
var miningUptime = func() Param { p := Uptime.In("Mining"); p.Label = "Mining uptime"; return p }()

// capexRange bounds CAPEX per MW in USD.
var capexRange = NonNegative(1e9)

// OptionResult is one use of the site.
type OptionResult struct {
	RevenueUSDPerKWh       float64   `json:"revenue_usd_per_kwh" label:"revenue" unit:"USD per kWh at the meter, today" show:"usd"`
	KWhPerYear             float64   `json:"kwh_per_year" label:"energy" unit:"kWh in the first year"`
	RevenueUSDPerYear      float64   `json:"revenue_usd_per_year" label:"revenue" unit:"USD in the first year"`
	PowerUSDPerYear        float64   `json:"power_usd_per_year" label:"power bill" unit:"USD in the first year"`
	ProfitUSDPerYear       float64   `json:"profit_usd_per_year" label:"profit" unit:"USD in the first year" show:"usd"`
	CapexUSD               float64   `json:"capex_usd" label:"capital spent" unit:"USD over the horizon, replacements included"`
	RevenueUSD             float64   `json:"revenue_usd" label:"revenue" unit:"USD over the horizon"`
	DepreciationUSDPerYear float64   `json:"depreciation_usd_per_year" label:"depreciation" unit:"USD a year" doc:"of the machines or GPUs, straight line over their life"`
	PaybackYears           *float64  `json:"payback_years" label:"pays back in" unit:"years" doc:"null: never within the horizon" show:"years"`
	NPVUSD                 float64   `json:"npv_usd" label:"NPV" unit:"USD" show:"usd"`
	CashToday              float64   `json:"cash_today" label:"cash today" unit:"USD" doc:"minus what is built and bought at the start"`
	CashByYear             []float64 `json:"cash_by_year" label:"cumulative cash" unit:"USD at the end of each year, capital included"`
}

// ConvertResult compares the site's uses.
type ConvertResult struct {
	LeaseToMining        *float64      `json:"lease_to_mining_revenue,omitempty" label:"Colocation earns per kWh" unit:"mining's revenue, today" show:"ratio,lead"`
	GPUToMining          *float64      `json:"gpu_to_mining_revenue,omitempty" label:"GPU cloud earns per kWh" unit:"mining's revenue, today" show:"ratio"`
	MiningWinsHashprice  float64       `json:"mining_wins_hashprice" label:"Mining wins above a hashprice today of" unit:"USD per PH/s per day" show:"usd"`
	HashpriceUSDPerPHDay float64       `json:"hashprice_usd_per_ph_day" label:"Hashprice today" unit:"USD per PH/s per day"`
	HashpriceByYear      []float64     `json:"hashprice_by_year" label:"Hashprice at the start of each year" unit:"USD per PH/s per day" doc:"after the halvings and the difficulty's growth"`
	Height               int64         `json:"height" label:"Block height today"`
	Mining               *OptionResult `json:"mining" label:"Mining"`
	Lease                *OptionResult `json:"lease,omitempty" label:"Colocation" doc:"when lease is given"`
	GPU                  *OptionResult `json:"gpu,omitempty" label:"GPU cloud" doc:"when gpu_hour is given"`
}

// Convert answers /api/v1/convert.
var Convert = register(&Def[ConvertResult]{
	Meta: Meta{
		Name: "convert", Order: 40, Widget: "convert", Title: "Mining or AI: one site, three uses",
		Summary: "Revenue per kWh, profit, payback and NPV of a site mining bitcoin, leased to an AI tenant, or renting GPUs.",
		Params: []Param{SiteMW, PowerPrice.In("Site"), PUE, shown(optional(HashpriceIn, "today's; with fee_share and height, it moves with the halvings and the difficulty")).In("Mining"),
			hidden(optional(Price, "with the network inputs, instead of hashprice")),
			hidden(optional(Difficulty, "")), hidden(optional(Hashrate, "")),
			hidden(optional(Subsidy, "")), hidden(Fees),
			Efficiency.In("Mining"), hidden(PoolFee), miningUptime, MiningPUE, MiningCapex, MachinePrice, MachineLife, CurtailHours, CurtailPrice,
			TodayHeight, FeeShare, MiningGrowth,
			Lease, LeaseCapex, LeasePower, LeaseTerm, GPUHour, GPUWatts, GPUUtilization, GPUCapex, GPUPrice, GPULife, Years, DiscountRate},
		Examples: []string{"mw=100&power_price=0.05&hashprice=36&efficiency=17.5&mining_capex=500000&lease=130&lease_capex=9500000",
			"mw=100&power_price=0.05&price=85000&difficulty=149.3e12&height=925000&fees=0.02&efficiency=17.5&mining_capex=500000&gpu_hour=2&gpu_watts=1400&gpu_capex=27000000&years=5"},
	},
	Run: func(q *Query) (ConvertResult, error) {
		s := econ.Site{
			MW:             q.Float(SiteMW),
			PowerUSDPerKWh: q.Float(PowerPrice),
			Years:          q.Float(Years),
			DiscountPct:    q.Float(DiscountRate),
		}
		m := econ.Mining{
			Miner: econ.Miner{
				EfficiencyJPerTH: q.Float(Efficiency),
				PoolFeePct:       q.Float(PoolFee),
				UptimePct:        q.Float(miningUptime),
			},
			Chain:                       q.Chain,
			DifficultyGrowthPctPerEpoch: q.Float(MiningGrowth),
			PUE:                         q.Float(MiningPUE),
			CapexUSDPerMW:               q.Float(MiningCapex),
			ASICUSDPerTH:                q.Float(MachinePrice),
			ASICLifeYears:               q.Float(MachineLife),
			CurtailHoursPerYear:         q.Float(CurtailHours),
			CurtailUSDPerMWh:            q.Float(CurtailPrice),
		}
		m.Height = q.todayHeight()
		if q.Has(HashpriceIn) {
			for _, conflict := range []Param{Difficulty, Hashrate, Subsidy, Fees} {
				if q.Has(conflict) {
					q.Fail(Errorf(conflict, "give hashprice or the network inputs, not both"))
				}
			}
			m.HashpriceUSDPerPHDay = q.Float(HashpriceIn)
			m.FeeSharePct = q.Float(FeeShare)
		} else {
			if q.Has(FeeShare) {
				q.Fail(Errorf(FeeShare, "comes from the network inputs when they are given"))
			}
			n := q.networkAt(m.Height)
			m.HashpriceUSDPerPHDay, m.FeeSharePct = n.HashpriceUSDPerPHDay(), n.FeeSharePct()
		}
		if m.CurtailHoursPerYear > 8760*m.UptimePct/100 && q.err == nil {
			q.Fail(Errorf(CurtailHours, "must be at most the hours mining runs, %s a year at this uptime", Num(ftoa(8760*m.UptimePct/100))))
		}
		s.Mining = m
		pue := q.Float(PUE)
		if q.Has(Lease) {
			l := &econ.Lease{USDPerKWMonth: q.Float(Lease), PUE: pue, CapexUSDPerITMW: q.Float(required(LeaseCapex))}
			switch who := strings.ToLower(q.Str(LeasePower)); who {
			case "", "tenant":
				l.TenantPaysPower = true
			case "landlord":
			default:
				q.Fail(Errorf(LeasePower, "must be tenant or landlord, got %s", quote(who)))
			}
			if q.Has(LeaseTerm) {
				l.TermYears = q.Float(LeaseTerm)
			}
			s.Lease = l
		}
		if q.Has(GPUHour) {
			s.GPU = &econ.GPUCloud{
				USDPerGPUHour:   q.Float(GPUHour),
				WattsPerGPU:     q.Float(required(GPUWatts)),
				PUE:             pue,
				UtilizationPct:  q.Float(GPUUtilization),
				CapexUSDPerITMW: q.Float(required(GPUCapex)),
				USDPerGPU:       q.Float(GPUPrice),
				GPULifeYears:    q.Float(GPULife),
			}
		}
		if q.err == nil && s.Lease == nil && s.GPU == nil {
			q.Fail(Errorf(Lease, "is required (USD per kW-month), or give gpu_hour: mining needs something to compare with"))
		}
		if q.err != nil {
			return ConvertResult{}, q.err
		}
		c := s.Compare()
		r := ConvertResult{
			HashpriceUSDPerPHDay: m.HashpriceUSDPerPHDay,
			Height:               m.Height,
			Mining:               optionOf(&c.Mining),
			Lease:                optionOf(c.Lease),
			GPU:                  optionOf(c.GPU),
			MiningWinsHashprice:  c.MiningWinsHashpriceUSDPerPHDay,
		}
		for y := 0.0; y < s.Years; y++ {
			r.HashpriceByYear = append(r.HashpriceByYear, m.HashpriceUSDPerPHDay*m.HashpriceFactor(y))
		}
		if c.Lease != nil {
			r.LeaseToMining = &c.LeaseToMiningRevenue
		}
		if c.GPU != nil {
			r.GPUToMining = &c.GPUToMiningRevenue
		}
		return r, nil
	},
	Chart: func(s Scenario[ConvertResult]) *chart.Chart {
		c := &chart.Chart{
			ID: "convert-chart", Title: "Cumulative cash of each use, capital included", XLabel: "Years from today", YLabel: "USD",
			FormatY: money,
		}
		for _, use := range []struct {
			name string
			o    *OptionResult
		}{{"Mining", s.Result.Mining}, {"Colocation", s.Result.Lease}, {"GPU cloud", s.Result.GPU}} {
			if use.o == nil {
				continue
			}
			xs, ys := []float64{0}, []float64{use.o.CashToday}
			for i, v := range use.o.CashByYear {
				xs, ys = append(xs, float64(i+1)), append(ys, v)
			}
			c.Series = append(c.Series, chart.Series{Name: use.name, X: xs, Y: ys})
		}
		return c
	},
})

// todayHeight reads height, or estimates today's from the newest
// committed snapshot and the host's clock.
func (q *Query) todayHeight() int64 {
	if q.Has(TodayHeight) {
		return q.Int(TodayHeight)
	}
	return netdata.Committed().EstimatedAt(q.Env.now()).Height
}

// networkAt reads the network inputs for today's height: price,
// difficulty or hashrate, subsidy (default: the one at height) and fees.
func (q *Query) networkAt(height int64) econ.Network {
	n := econ.Network{Chain: q.Chain, PriceUSD: q.Float(Price), Difficulty: q.difficulty(Difficulty)}
	if q.Has(Subsidy) {
		n.SubsidyBTC = q.Float(Subsidy)
	} else {
		n.SubsidyBTC = econ.SubsidyBTCAt(q.Chain, height)
	}
	n.FeesBTC = q.Float(Fees)
	if q.err == nil && n.RewardBTC() == 0 {
		q.Fail(Errorf(Fees, "must be above 0 when the subsidy is 0: a block must pay something"))
	}
	return n
}

func optionOf(o *econ.Option) *OptionResult {
	if o == nil {
		return nil
	}
	return &OptionResult{
		RevenueUSDPerKWh: o.RevenueUSDPerKWh, KWhPerYear: o.KWhPerYear, RevenueUSDPerYear: o.RevenueUSDPerYear,
		PowerUSDPerYear: o.PowerUSDPerYear, ProfitUSDPerYear: o.ProfitUSDPerYear, CapexUSD: o.CapexUSD,
		RevenueUSD: o.RevenueUSD, DepreciationUSDPerYear: o.DepreciationUSDPerYear,
		PaybackYears: finiteOrNil(o.PaybackYears), NPVUSD: o.NPVUSD, CashToday: o.CashToday, CashByYear: o.CashByYear,
	}
}

// required is p when another parameter makes it required.
func required(p Param) Param {
	p.Optional = false
	return p
}
