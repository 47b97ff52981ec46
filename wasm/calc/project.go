package calc

import "github.com/hashswitch/hashswitch/wasm/econ"

// The projection's parameters.
var (
	DifficultyGrowth = Param{Name: "difficulty_growth", Label: "Difficulty growth", Unit: "% per 2,016-block retarget",
		Range: Range{Min: -50, Max: 100}, Default: "0"}
	Days = Param{Name: "days", Label: "Horizon", Unit: "days", Range: Positive(3650), Default: "730"}
)

// PeriodResult is one stretch of constant difficulty and subsidy.
type PeriodResult struct {
	StartDay             float64 `json:"start_day" label:"Starts on day" unit:"days from today"`
	Days                 float64 `json:"days" label:"Length" unit:"days"`
	Height               int64   `json:"height" label:"First block" unit:"block"`
	Difficulty           float64 `json:"difficulty" label:"Difficulty" doc:"after the retargets before it"`
	SubsidyBTC           float64 `json:"subsidy_btc" label:"Block subsidy" unit:"BTC"`
	HashpriceUSDPerPHDay float64 `json:"hashprice_usd_per_ph_day" label:"Hashprice" unit:"USD per PH/s per day"`
	ProfitUSDPerTH       float64 `json:"profit_usd_per_th" label:"Profit over the period" unit:"USD per TH/s"`
	CumulativeUSDPerTH   float64 `json:"cumulative_usd_per_th" label:"Profit since day 0" unit:"USD per TH/s" doc:"before the hardware's cost"`
}

// ProjectResult follows one TH/s through retargets and halvings.
type ProjectResult struct {
	PaybackDays         *float64       `json:"payback_days" label:"Pays back in" unit:"days" doc:"null: never within the horizon"`
	PaysBack            bool           `json:"pays_back" label:"Pays back within the horizon" doc:"payback_days is not null"`
	TotalProfitUSDPerTH float64        `json:"total_profit_usd_per_th" label:"Profit over the horizon" unit:"USD per TH/s"`
	Periods             []PeriodResult `json:"periods" label:"Periods" doc:"one per retarget and halving"`
}

// Project answers /api/v1/project.
var Project = register(&Def[ProjectResult]{
	Meta: Meta{
		Name: "project", Order: 90, Title: "Mining projection",
		Summary: "One TH/s followed through difficulty retargets and halvings: profit per period and when the machine pays back.",
		Params: []Param{Price, Difficulty, Hashrate, required(optional(NetworkHeight, "today's height: the projection needs to know when the next halving is")),
			Fees, Efficiency, PowerPrice, PoolFee, Uptime, HardwarePrice, DifficultyGrowth, Days},
		Examples: []string{"price=85000&difficulty=149.3e12&height=925000&fees=0.02&efficiency=17.5&power_price=0.05&hardware_price=15&difficulty_growth=2&days=730"},
	},
	Run: func(q *Query) (ProjectResult, error) {
		if !q.Has(NetworkHeight) {
			q.Fail(Errorf(NetworkHeight, "is required: the projection needs to know when the next halving is"))
		}
		n, height := q.network()
		pr := econ.Projection{
			Network:                     n,
			Height:                      height,
			Miner:                       q.miner(),
			DifficultyGrowthPctPerEpoch: q.Float(DifficultyGrowth),
			HorizonDays:                 q.Float(Days),
		}
		pr.Miner.PriceUSDPerTH = q.Float(HardwarePrice)
		if q.err != nil {
			return ProjectResult{}, q.err
		}
		res := pr.Run()
		r := ProjectResult{
			PaybackDays:         finiteOrNil(res.PaybackDays),
			PaysBack:            res.PaysBack(),
			TotalProfitUSDPerTH: res.TotalProfitUSDPerTH,
			Periods:             make([]PeriodResult, len(res.Periods)),
		}
		for i, x := range res.Periods {
			r.Periods[i] = PeriodResult(x)
		}
		return r, nil
	},
})
