package calc

// HashpriceResult is what one PH/s of mining earns a day.
type HashpriceResult struct {
	HashpriceUSDPerPHDay float64 `json:"hashprice_usd_per_ph_day" label:"Hashprice" unit:"USD per PH/s per day" show:"usd,lead"`
	HashpriceUSDPerTHDay float64 `json:"hashprice_usd_per_th_day" label:"Hashprice" unit:"USD per TH/s per day"`
	HashvalueBTCPerPHDay float64 `json:"hashvalue_btc_per_ph_day" label:"Hashvalue" unit:"BTC per PH/s per day"`
	HashvalueSatPerPHDay float64 `json:"hashvalue_sat_per_ph_day" label:"Hashvalue" unit:"sat per PH/s per day" show:"sat,lead"`
	FeeSharePct          float64 `json:"fee_share_pct" label:"Fees' share of the reward" unit:"%" show:"pct"`
	NetworkHashrateEHs   float64 `json:"network_hashrate_ehs" label:"Network hashrate" unit:"EH/s"`
	Difficulty           float64 `json:"difficulty" label:"Difficulty" doc:"as Bitcoin Core reports it: the target of nBits 1d00ffff over the current target" show:"big"`
	Height               *int64  `json:"height,omitempty" label:"Block height" doc:"when height is given"`
	SubsidyBTC           float64 `json:"subsidy_btc" label:"Block subsidy" unit:"BTC"`
	FeesBTC              float64 `json:"fees_btc" label:"Fees" unit:"BTC per block"`
	PriceUSD             float64 `json:"price_usd" label:"Bitcoin price" unit:"USD per BTC"`
	BlocksPerPHDay       float64 `json:"blocks_per_ph_day" label:"Blocks one PH/s finds a day" doc:"86,400 x 10^15 / (difficulty x 2^32)"`
}

// Hashprice answers /api/v1/hashprice.
var Hashprice = register(&Def[HashpriceResult]{
	Meta: Meta{
		Name: "hashprice", Order: 10, Widget: "hashprice", Title: "Hashprice",
		Summary:  "What one PH/s of mining earns a day, from the bitcoin price, the network hashrate and the block reward.",
		Params:   networkParams,
		Examples: []string{"price=85000&difficulty=149.3e12&height=925000&fees=0.02", "price=85000&hashrate=1068&subsidy=3.125"},
	},
	Run: func(q *Query) (HashpriceResult, error) {
		n, height := q.network()
		if q.err != nil {
			return HashpriceResult{}, q.err
		}
		r := HashpriceResult{
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
	},
	Chart: func(s Scenario[HashpriceResult]) *Plot {
		price := s.Result.PriceUSD
		xs, ys := s.Sweep(Price, spread(price, 0.4, 1.6, 7), func(r *HashpriceResult) float64 { return r.HashpriceUSDPerPHDay })
		return &Plot{
			ID: "hashprice-chart", Title: "Hashprice as the bitcoin price moves",
			X: Axis{Label: "Bitcoin price", Unit: "USD"}, Y: Axis{Unit: "USD per PH/s per day", Ticks: AmountTicks},
			Series: []Series{{Name: "Hashprice", X: xs, Y: ys}},
			Marker: &Marker{X: price, Y: s.Result.HashpriceUSDPerPHDay, Word: "now"},
		}
	},
})

// spread returns n values from lo x v to hi x v.
func spread(v, lo, hi float64, n int) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = v * (lo + (hi-lo)*float64(i)/float64(n-1))
	}
	return out
}
