package calc

// ProfitResult is a miner's day per TH/s and where it breaks even.
type ProfitResult struct {
	ProfitUSDPerTHDay       float64  `json:"profit_usd_per_th_day" label:"Profit" unit:"USD per TH/s per day" show:"usd,lead"`
	MarginPct               float64  `json:"margin_pct" label:"Margin" unit:"% of revenue" show:"pct,lead"`
	RevenueUSDPerTHDay      float64  `json:"revenue_usd_per_th_day" label:"Revenue" unit:"USD per TH/s per day" show:"usd"`
	PowerCostUSDPerTHDay    float64  `json:"power_cost_usd_per_th_day" label:"Power cost" unit:"USD per TH/s per day" show:"usd"`
	CostPerBTC              *float64 `json:"cost_per_btc" label:"Power cost of one mined BTC" unit:"USD" doc:"power only; null when the price is unknown" show:"usd"`
	AllInCostPerBTC         *float64 `json:"all_in_cost_per_btc" label:"Power and machine per mined BTC" unit:"USD" doc:"the machine paid off over its life, running or not; null when the price is unknown" show:"usd"`
	DepreciationUSDPerTHDay float64  `json:"depreciation_usd_per_th_day" label:"Machine cost" unit:"USD per TH/s per day" doc:"its price spread over its life"`
	BreakevenPowerPrice     float64  `json:"breakeven_power_price" label:"Breakeven power price" unit:"USD per kWh" show:"usd,lead"`
	BreakevenHashprice      float64  `json:"breakeven_hashprice" label:"Breakeven hashprice" unit:"USD per PH/s per day" show:"usd"`
	HashpriceUSDPerPHDay    float64  `json:"hashprice_usd_per_ph_day" label:"Hashprice" unit:"USD per PH/s per day"`
	EnergyKWhPerTHDay       float64  `json:"energy_kwh_per_th_day" label:"Energy" unit:"kWh per TH/s per day"`
	PriceUSD                *float64 `json:"price_usd,omitempty" label:"Bitcoin price" unit:"USD per BTC"`
}

// The profit calculator's form puts the network inputs first.
var profitParams = append(append([]Param{}, networkParams...),
	hidden(optional(HashpriceIn, "instead of the network inputs; price is then optional and only gives cost_per_btc")),
	Efficiency, PowerPrice, PoolFee, Uptime, MiningPUE.In("Miner"), MachinePrice.In("Miner"), MachineLife.In("Miner"))

// Profit answers /api/v1/profit.
var Profit = register(&Def[ProfitResult]{
	Meta: Meta{
		Name: "profit", Order: 20, Widget: "profit", Key: []string{"price", "efficiency", "power_price"}, Title: "Mining profit",
		Summary:  "A miner's revenue, power cost and profit per TH/s, the power price that breaks even, and what the power for one bitcoin costs.",
		Params:   profitParams,
		Examples: []string{"price=85000&difficulty=149.3e12&height=925000&fees=0.02&efficiency=17.5&power_price=0.05", "hashprice=36&efficiency=17.5&power_price=0.05&pool_fee=2&uptime=97"},
	},
	Run: func(q *Query) (ProfitResult, error) {
		hp, price := q.revenue()
		m := q.miner()
		m.PriceUSDPerTH, m.LifeYears, m.PUE = q.Float(MachinePrice), q.Float(MachineLife), q.Float(MiningPUE)
		if q.err != nil {
			return ProfitResult{}, q.err
		}
		pr := m.Profit(hp, price)
		r := ProfitResult{
			HashpriceUSDPerPHDay: hp,
			RevenueUSDPerTHDay:   pr.RevenueUSDPerTHDay,
			PowerCostUSDPerTHDay: pr.PowerCostUSDPerTHDay,
			ProfitUSDPerTHDay:    pr.ProfitUSDPerTHDay,
			MarginPct:            pr.MarginPct,
			EnergyKWhPerTHDay:    m.KWhPerTHDay() * max(m.PUE, 1),
			BreakevenPowerPrice:  pr.BreakevenPowerUSDPerKWh,
			BreakevenHashprice:   pr.BreakevenHashpriceUSDPerPHDay,
		}
		r.DepreciationUSDPerTHDay = pr.DepreciationUSDPerTHDay
		if price > 0 {
			r.CostPerBTC, r.PriceUSD, r.AllInCostPerBTC = &pr.PowerCostUSDPerBTC, &price, &pr.AllInCostUSDPerBTC
		}
		return r, nil
	},
	Chart: func(s Scenario[ProfitResult]) *Plot {
		grid := []float64{0.02, 0.03, 0.04, 0.05, 0.06, 0.07, 0.08, 0.09, 0.10}
		xs, ys := s.Sweep(PowerPrice, grid, func(r *ProfitResult) float64 { return deref(r.CostPerBTC) })
		price := make([]float64, len(xs))
		for i := range price {
			price[i] = s.Num(Price)
		}
		return &Plot{
			ID: "profit-chart", Title: "Power cost of one mined bitcoin against its price",
			X: Axis{Label: "Power price", Unit: "USD per kWh", Ticks: CentTicks}, Y: Axis{Unit: "USD", Ticks: AmountTicks},
			Series: []Series{{Name: "Power cost per BTC", X: xs, Y: ys}, {Name: "Bitcoin price", X: xs, Y: price}},
			Marker: &Marker{X: s.Num(PowerPrice), Y: deref(s.Result.CostPerBTC), Word: "you"},
		}
	},
})

// deref is *x, or 0 for nil.
func deref(x *float64) float64 {
	if x == nil {
		return 0
	}
	return *x
}
