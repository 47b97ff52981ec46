package calc

import (
	"strings"

	"github.com/hashswitch/hashswitch/wasm/netdata"
)

// AsOf pins the network figures to a committed dated snapshot.
var AsOf = Param{Name: "asof", Label: "Snapshot date", Unit: "YYYY-MM-DD", Type: Text, Optional: true,
	Example: "2025-11-25", Pattern: `^[0-9]{4}-[0-9]{2}-[0-9]{2}$`,
	Doc: "a committed dated snapshot instead of the newest figures, so an article keeps the numbers it discusses"}

// FigureResult is where one figure comes from and how old it is.
type FigureResult struct {
	Source string `json:"source" label:"Source" doc:"where the figure comes from, in words"`
	Time   int64  `json:"time" label:"Observed" unit:"unix seconds"`
	AgeSec int64  `json:"age_s" label:"Age" unit:"seconds"`
	Stale  bool   `json:"stale" label:"Stale" doc:"the last refresh of this figure failed or was refused; this is the last good value"`
}

// NetworkResult is the network the calculators start from.
type NetworkResult struct {
	AsOf        string                  `json:"as_of" label:"Date of the figures" unit:"YYYY-MM-DD"`
	Time        int64                   `json:"time" label:"Assembled" unit:"unix seconds"`
	Live        bool                    `json:"live" label:"Live" doc:"refreshed from the upstreams by this host, not a committed snapshot"`
	Pinned      bool                    `json:"pinned" label:"Pinned" doc:"asof chose a dated snapshot"`
	Source      string                  `json:"source" label:"Source" doc:"where the figure comes from, in words"`
	Height      int64                   `json:"height" label:"Block height" doc:"the chain tip"`
	TipTime     int64                   `json:"tip_time" label:"The tip's time" unit:"unix seconds"`
	Bits        string                  `json:"bits,omitempty" label:"Bits" doc:"the tip's compact target, when known"`
	Difficulty  float64                 `json:"difficulty" label:"Difficulty" doc:"as Bitcoin Core reports it"`
	HashrateEHs float64                 `json:"network_hashrate_ehs" label:"Network hashrate, estimated" unit:"EH/s"`
	SubsidyBTC  float64                 `json:"subsidy_btc" label:"Block subsidy" unit:"BTC"`
	FeesBTC     float64                 `json:"fees_btc" label:"Fees" unit:"BTC per block" doc:"the mean of the last 144 blocks"`
	PriceUSD    float64                 `json:"price_usd" label:"Bitcoin price" unit:"USD per BTC" doc:"the median of the exchanges' spot prices (Coinbase, Kraken, Bitstamp) that agree within 1%, two at least, and within 1.5x of every price of the last day; else the last good price, marked stale"`
	UsdVnd      float64                 `json:"usd_vnd,omitempty" label:"US dollar in dong" unit:"VND per USD" doc:"Vietcombank's selling rate, for showing amounts in dong (currency=VND); the calculators compute in dollars"`
	Stale       bool                    `json:"stale" label:"Stale" doc:"some network figure could not be refreshed (the dollar in dong has its own figure)"`
	Figures     map[string]FigureResult `json:"figures" label:"Each figure" doc:"height, difficulty, hashrate, fees, price and usd_vnd: source, time (for usd_vnd, when the bank dated it) and age"`
}

// Network answers /api/v1/network.
var Network = register(&Def[NetworkResult]{
	Meta: Meta{
		Name: "network", Order: 5, Title: "Network figures", Live: true,
		Summary:  "The chain tip, difficulty, hashrate, fees and bitcoin price the calculators start from, each with its source and age.",
		Params:   []Param{AsOf},
		Examples: []string{"", "asof=2025-11-25"},
	},
	Run: func(q *Query) (NetworkResult, error) {
		snap, live, pinned := netdata.Committed(), false, false
		if q.Has(AsOf) {
			s, ok := netdata.Dated(q.Str(AsOf))
			if !ok {
				return NetworkResult{}, Errorf(AsOf, "has no snapshot for %s; the dates are %s", quote(q.Str(AsOf)), strings.Join(netdata.Dates(), ", "))
			}
			snap, pinned = s, true
		} else if q.Env != nil && q.Env.Live != nil {
			if s, err := q.Env.Live(); err == nil {
				snap, live = s, true
			}
		}
		now := q.Env.now()
		r := NetworkResult{
			AsOf: snap.AsOf, Time: snap.Time, Live: live, Pinned: pinned, Source: snap.Source,
			Height: snap.Height, TipTime: snap.TipTime, Bits: snap.Bits, Difficulty: snap.Difficulty,
			HashrateEHs: snap.HashrateEHs, SubsidyBTC: snap.SubsidyBTC, FeesBTC: snap.FeesBTC,
			PriceUSD: snap.PriceUSD, UsdVnd: snap.UsdVnd, Stale: snap.Stale, Figures: map[string]FigureResult{},
		}
		for name, f := range snap.Figures {
			r.Figures[name] = FigureResult{Source: f.Source, Time: f.Time, AgeSec: snap.Age(name, now), Stale: f.Stale}
		}
		return r, nil
	},
})
