package calc

import "time"

// The history endpoint's parameters.
var (
	HistoryFrom = Param{Name: "from", Label: "From", Unit: "YYYY-MM-DD", Type: Text, Optional: true,
		Example: "2025-01-01", Pattern: `^[0-9]{4}-[0-9]{2}-[0-9]{2}$`,
		Doc: "the first day; default a year before to"}
	HistoryTo = Param{Name: "to", Label: "To", Unit: "YYYY-MM-DD", Type: Text, Optional: true,
		Example: "2025-12-31", Pattern: `^[0-9]{4}-[0-9]{2}-[0-9]{2}$`,
		Doc: "the last day, included; default the series' last day; no later than tomorrow"}
	HistoryStep = Param{Name: "step", Label: "Step", Type: Text, Default: "day",
		Enum: []string{"day", "week", "month"}, Choices: []string{"day", "week", "month"},
		Doc: "a point a day, or the mean of each week (from Monday) or calendar month, UTC; at most 2,000 points (four years of days; the whole history by week or month)"}
	HistoryFields = Param{Name: "fields", Label: "Fields", Type: Text, Optional: true,
		Example: "hashprice_usd,price_usd", Pattern: `^[a-z_]+(,[a-z_]+)*$`,
		Doc: "comma-separated: hashprice_usd, hashprice_btc, difficulty, hashrate_ehs, price_usd, subsidy_btc, fees_btc; default all"}
)

// HistoryRequest is a history query as a host's History reads it.
type HistoryRequest struct {
	From, To, Step, Fields string
	Now                    time.Time
}

// HistoryResult is hashprice through time: the host's daily series, or
// Luxor's monthly averages when the host keeps none, never the two mixed.
type HistoryResult struct {
	Kind      string           `json:"kind" label:"Kind" doc:"daily: computed by econ from mempool.space's daily figures (a point a day, or the mean of a week or month); luxor_monthly: the monthly average hashprice from Luxor's Hashrate Lookback posts, the committed fallback of a host that keeps no daily series"`
	Source    string           `json:"source" label:"Source" doc:"where the figure comes from, in words"`
	Built     int64            `json:"built" label:"Assembled" unit:"unix seconds" doc:"when the daily series was assembled; 0 for Luxor's monthly averages"`
	Stale     bool             `json:"stale" label:"Stale" doc:"the last daily refresh failed; this is the last good series"`
	Problem   string           `json:"problem,omitempty" label:"Problem" doc:"why the series is stale"`
	From      string           `json:"from" label:"From" unit:"YYYY-MM-DD"`
	To        string           `json:"to" label:"To" unit:"YYYY-MM-DD"`
	Step      string           `json:"step" label:"Step" doc:"day, week or month"`
	Fields    []string         `json:"fields" label:"Fields" doc:"the fields each point may have"`
	Points    []HistoryPoint   `json:"points" label:"Points" doc:"oldest first"`
	Halvings  []HistoryHalving `json:"halvings" label:"Halvings"`
	RecordLow HistoryRecordLow `json:"record_low" label:"Record low" doc:"hashprice's all-time low in dollars, as Luxor reports it"`

	// MaxAgeSec is how long the answer may be cached: the series changes
	// once a day.
	MaxAgeSec int `json:"-"`
}

// HistoryPoint is one day, week or month.
type HistoryPoint struct {
	Date   string             `json:"date" label:"Date" unit:"YYYY-MM-DD" doc:"the day, or the first day of the week or month"`
	Values map[string]float64 `json:"values" label:"Values" doc:"each field asked for that the day has (a figure the sources lacked or the sanity rules refused is absent); hashprice_usd in USD per PH/s per day, hashprice_btc in BTC per PH/s per day"`
	Source string             `json:"source,omitempty" label:"Source" doc:"for Luxor's monthly averages, the post that states the month's"`
}

// HistoryHalving is the first block of a subsidy era.
type HistoryHalving struct {
	Height int64  `json:"height" label:"Block height" doc:"the first block of the era"`
	Date   string `json:"date" label:"Date" unit:"YYYY-MM-DD"`
}

// HistoryRecordLow is the all-time low and its source.
type HistoryRecordLow struct {
	Date         string  `json:"date" label:"Date" unit:"YYYY-MM-DD"`
	HashpriceUSD float64 `json:"hashprice_usd" label:"Hashprice" unit:"USD per PH/s per day"`
	Source       string  `json:"source" label:"Source" doc:"the post that reports it"`
}

func (r *HistoryResult) maxAgeSec() int { return r.MaxAgeSec }

// DefaultHistory answers the history for a host whose Env gives none:
// package api sets it to the committed fallback, so every host that
// serves the API answers; the page's WebAssembly, which does not link
// api, has none (the series is never shipped in the page).
var DefaultHistory func(HistoryRequest) (HistoryResult, error)

// History answers /api/v1/history from the host's series (Env.History,
// else DefaultHistory).
var History = register(&Def[HistoryResult]{
	Meta: Meta{
		Name: "history", Order: 7, Title: "Hashprice history",
		Summary:  "Hashprice in dollars and bitcoin through time, with difficulty, hashrate, price, subsidy and fees, a point a day, week or month; the halvings and the record low.",
		Params:   []Param{HistoryFrom, HistoryTo, HistoryStep, HistoryFields},
		Examples: []string{"from=2025-01-01&to=2025-12-31&step=month&fields=hashprice_usd", "from=2025-11-01&to=2025-11-30"},
	},
	Run: func(q *Query) (HistoryResult, error) {
		answer := DefaultHistory
		if q.Env != nil && q.Env.History != nil {
			answer = q.Env.History
		}
		if answer == nil {
			return HistoryResult{}, &FieldError{Message: "the history is answered by the API's hosts, not in the page"}
		}
		step := q.Choice(HistoryStep)
		if q.Err() != nil {
			return HistoryResult{}, nil // Compute answers q's error
		}
		return answer(HistoryRequest{From: q.Str(HistoryFrom), To: q.Str(HistoryTo),
			Step: step, Fields: q.Str(HistoryFields), Now: q.Env.now()})
	},
})
