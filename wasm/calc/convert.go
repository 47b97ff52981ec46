package calc

import (
	"github.com/hashswitch/hashswitch/wasm/chart"
	"github.com/hashswitch/hashswitch/wasm/econ"
)

// The convert calculator's parameters: one site, three uses.
var (
	SiteMW      = Param{Name: "mw", Label: "Site power", Unit: "MW", Range: Positive(100_000), Start: "100", Example: "100", Group: "Site"}
	PUE         = Param{Name: "pue", Label: "PUE of an AI hall", Unit: "facility kW per IT kW", Range: Range{Min: 1, Max: 5}, Default: "1.3", Group: "Site"}
	MiningCapex = Param{Name: "mining_capex", Label: "Cost to build", Unit: "USD per MW", Range: capexRange, Start: "500000",
		Example: "500000", Group: "Mining", Help: "$300,000–800,000 per MW"}
	Lease = Param{Name: "lease", Label: "Colocation lease", Unit: "USD per kW-month", Range: Positive(100_000), Optional: true,
		Start: "130", Group: "AI tenant (colocation)", Help: "$100–160 per kW of IT load a month",
		Doc: "what an AI tenant pays per kW of IT load; give lease or gpu_hour, or both"}
	LeaseCapex = Param{Name: "lease_capex", Label: "Cost to convert", Unit: "USD per MW", Range: capexRange, Optional: true,
		Start: "9500000", Group: "AI tenant (colocation)", Help: "AI halls cost about $8–11 million per MW", Doc: "required with lease"}
	GPUHour = Param{Name: "gpu_hour", Label: "GPU rental price", Unit: "USD per GPU-hour", Range: Positive(10_000), Optional: true,
		Start: "2", Group: "GPU cloud", Doc: "renting the GPUs out by the hour; give lease or gpu_hour, or both"}
	GPUWatts = Param{Name: "gpu_watts", Label: "Power per GPU", Unit: "W, with its server", Range: Positive(100_000), Optional: true,
		Start: "1400", Group: "GPU cloud", Doc: "required with gpu_hour"}
	GPUUtilization = Param{Name: "gpu_utilization", Label: "Hours sold", Unit: "%", Range: Positive(100), Default: "100",
		Start: "80", Group: "GPU cloud"}
	GPUCapex = Param{Name: "gpu_capex", Label: "Cost to build", Unit: "USD per MW, GPUs included", Range: capexRange, Optional: true,
		Start: "27000000", Group: "GPU cloud", Doc: "required with gpu_hour"}
	Years        = Param{Name: "years", Label: "Horizon", Unit: "years", Range: Positive(100), Default: "10", Group: "Money"}
	DiscountRate = Param{Name: "discount_rate", Label: "Discount rate", Unit: "% a year", Range: NonNegative(100), Default: "10", Group: "Money"}
)

// miningUptime is Uptime among the site's other uses.
var miningUptime = func() Param { p := Uptime.In("Mining"); p.Label = "Mining uptime"; return p }()

// capexRange bounds CAPEX per MW in USD.
var capexRange = NonNegative(1e9)

// OptionResult is one use of the site.
type OptionResult struct {
	RevenueUSDPerKWh  float64  `json:"revenue_usd_per_kwh" label:"revenue" unit:"USD per kWh" show:"usd"`
	KWhPerYear        float64  `json:"kwh_per_year" label:"energy" unit:"kWh a year"`
	RevenueUSDPerYear float64  `json:"revenue_usd_per_year" label:"revenue" unit:"USD a year"`
	PowerUSDPerYear   float64  `json:"power_usd_per_year" label:"power bill" unit:"USD a year"`
	ProfitUSDPerYear  float64  `json:"profit_usd_per_year" label:"profit" unit:"USD a year" show:"usd"`
	CapexUSD          float64  `json:"capex_usd" label:"cost to build" unit:"USD"`
	PaybackYears      *float64 `json:"payback_years" label:"pays back in" unit:"years" doc:"null: never" show:"years"`
	NPVUSD            float64  `json:"npv_usd" label:"NPV" unit:"USD" show:"usd"`
}

// ConvertResult compares the site's uses.
type ConvertResult struct {
	LeaseToMining        *float64      `json:"lease_to_mining_revenue,omitempty" label:"Colocation earns per kWh" unit:"mining's revenue" show:"ratio,lead"`
	GPUToMining          *float64      `json:"gpu_to_mining_revenue,omitempty" label:"GPU cloud earns per kWh" unit:"mining's revenue" show:"ratio"`
	MiningWinsHashprice  float64       `json:"mining_wins_hashprice" label:"Mining wins above a hashprice of" unit:"USD per PH/s per day" show:"usd"`
	HashpriceUSDPerPHDay float64       `json:"hashprice_usd_per_ph_day" label:"Hashprice" unit:"USD per PH/s per day"`
	Mining               *OptionResult `json:"mining" label:"Mining"`
	Lease                *OptionResult `json:"lease,omitempty" label:"Colocation" doc:"when lease is given"`
	GPU                  *OptionResult `json:"gpu,omitempty" label:"GPU cloud" doc:"when gpu_hour is given"`
}

// Convert answers /api/v1/convert.
var Convert = register(&Def[ConvertResult]{
	Meta: Meta{
		Name: "convert", Order: 40, Widget: "convert", Title: "Mining or AI: one site, three uses",
		Summary: "Revenue per kWh, profit, payback and NPV of a site mining bitcoin, leased to an AI tenant, or renting GPUs.",
		Params: []Param{SiteMW, PowerPrice.In("Site"), PUE, shown(optional(HashpriceIn, "")),
			hidden(optional(Price, "with the network inputs, instead of hashprice")),
			hidden(optional(Difficulty, "")), hidden(optional(Hashrate, "")), hidden(optional(NetworkHeight, "")),
			hidden(optional(Subsidy, "")), hidden(Fees),
			Efficiency.In("Mining"), hidden(PoolFee), miningUptime, MiningCapex,
			Lease, LeaseCapex, GPUHour, GPUWatts, GPUUtilization, GPUCapex, Years, DiscountRate},
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
		s.HashpriceUSDPerPHDay, _ = q.revenue()
		s.Mining = econ.Miner{
			EfficiencyJPerTH: q.Float(Efficiency),
			PoolFeePct:       q.Float(PoolFee),
			UptimePct:        q.Float(miningUptime),
		}
		s.MiningCapexUSDPerMW = q.Float(MiningCapex)
		pue := q.Float(PUE)
		if q.Has(Lease) {
			s.Lease = &econ.Lease{USDPerKWMonth: q.Float(Lease), PUE: pue, CapexUSDPerMW: q.Float(required(LeaseCapex))}
		}
		if q.Has(GPUHour) {
			s.GPU = &econ.GPUCloud{
				USDPerGPUHour:  q.Float(GPUHour),
				WattsPerGPU:    q.Float(required(GPUWatts)),
				PUE:            pue,
				UtilizationPct: q.Float(GPUUtilization),
				CapexUSDPerMW:  q.Float(required(GPUCapex)),
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
	},
	Chart: func(s Scenario[ConvertResult]) *chart.Chart {
		rev := func(o *OptionResult) float64 {
			if o == nil {
				return 0
			}
			return o.RevenueUSDPerKWh
		}
		return &chart.Chart{
			ID: "convert-chart", Title: "Revenue per kWh of the same site", XLabel: "Use", YLabel: "USD per kWh",
			Bars: []chart.Bar{
				{Label: "Mining", Value: rev(s.Result.Mining)},
				{Label: "Colocation", Value: rev(s.Result.Lease)},
				{Label: "GPU cloud", Value: rev(s.Result.GPU)},
			},
			FormatY: money,
		}
	},
})

func optionOf(o *econ.Option) *OptionResult {
	if o == nil {
		return nil
	}
	return &OptionResult{o.RevenueUSDPerKWh, o.KWhPerYear, o.RevenueUSDPerYear, o.PowerUSDPerYear,
		o.ProfitUSDPerYear, o.CapexUSD, finiteOrNil(o.PaybackYears), o.NPVUSD}
}

// required is p when another parameter makes it required.
func required(p Param) Param {
	p.Optional = false
	return p
}
