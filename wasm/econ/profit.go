package econ

// Hardware is mining machines as they are run: what they draw and cost
// per TH/s, the hall's PUE, the share of the hours they hash and the pool
// that pays them. A miner's day (Miner) and a site mining for years
// (Mining) share it.
type Hardware struct {
	EfficiencyJPerTH float64 // joules per terahash (= watts per TH/s)
	PoolFeePct       float64 // share of revenue the pool keeps, 0..100
	UptimePct        float64 // share of the time the machines hash, 0..100
	// PUE is the hall's facility power per machine power (cooling, losses);
	// 0 counts as 1.
	PUE float64
	// The machines' price, paid off in a straight line over their life
	// whether they run or not (0: already paid).
	PriceUSDPerTH float64
	LifeYears     float64
}

// KWhPerTHDay returns the energy 1 TH/s uses in a day of full uptime.
func (h Hardware) KWhPerTHDay() float64 {
	return h.EfficiencyJPerTH * hoursPerDay / 1000
}

// RevenueUSDPerKWh is what a kWh at the meter earns hashing at a
// hashprice, after the pool fee: the power price at which mining breaks
// even.
func (h Hardware) RevenueUSDPerKWh(hashpriceUSDPerPHDay float64) float64 {
	return hashpriceUSDPerPHDay / 1000 * (1 - h.PoolFeePct/100) / (h.KWhPerTHDay() * max(h.PUE, 1))
}

// Miner is mining hardware and the price of the power it runs on.
type Miner struct {
	Hardware
	PowerUSDPerKWh float64 // all-in price of electricity
}

// Profit is a miner's daily economics per TH/s of hashrate.
type Profit struct {
	RevenueUSDPerTHDay   float64 // after pool fee and downtime
	PowerCostUSDPerTHDay float64
	ProfitUSDPerTHDay    float64
	MarginPct            float64 // profit / revenue; negative at a loss
	// BreakevenPowerUSDPerKWh is the power price at which profit is zero.
	BreakevenPowerUSDPerKWh float64
	// BreakevenHashpriceUSDPerPHDay is the hashprice at which profit is zero.
	BreakevenHashpriceUSDPerPHDay float64
	// PowerCostUSDPerBTC is what the power for one mined bitcoin costs.
	PowerCostUSDPerBTC float64
	// DepreciationUSDPerTHDay is the machine's cost spread over its life.
	DepreciationUSDPerTHDay float64
	// AllInCostUSDPerBTC is power and the machine per mined bitcoin.
	AllInCostUSDPerBTC float64
}

// Profit returns the miner's economics at a hashprice (USD per PH/s per
// day) and a bitcoin price. Downtime scales revenue and power alike, so it
// moves profit but no breakeven; the pool fee moves them all. With priceUSD
// 0 (unknown) the power cost per BTC is 0.
func (m Miner) Profit(hashpriceUSDPerPHDay, priceUSD float64) Profit {
	keep := 1 - m.PoolFeePct/100
	up := m.UptimePct / 100
	kwh := m.KWhPerTHDay() * max(m.PUE, 1)                // at the meter
	revenuePerTHDay := hashpriceUSDPerPHDay / 1000 * keep // at full uptime

	var p Profit
	p.RevenueUSDPerTHDay = revenuePerTHDay * up
	p.PowerCostUSDPerTHDay = kwh * m.PowerUSDPerKWh * up
	p.ProfitUSDPerTHDay = p.RevenueUSDPerTHDay - p.PowerCostUSDPerTHDay
	if p.RevenueUSDPerTHDay > 0 {
		p.MarginPct = 100 * p.ProfitUSDPerTHDay / p.RevenueUSDPerTHDay
	}
	p.BreakevenPowerUSDPerKWh = m.RevenueUSDPerKWh(hashpriceUSDPerPHDay)
	p.BreakevenHashpriceUSDPerPHDay = kwh * m.PowerUSDPerKWh * 1000 / keep
	// Power for a day over the bitcoin it mines: price x power / revenue.
	p.PowerCostUSDPerBTC = priceUSD * kwh * m.PowerUSDPerKWh / revenuePerTHDay
	// The machine costs the same each day, running or not: downtime makes
	// each bitcoin dearer.
	if m.LifeYears > 0 {
		p.DepreciationUSDPerTHDay = m.PriceUSDPerTH / (m.LifeYears * hoursPerYear / hoursPerDay)
	}
	p.AllInCostUSDPerBTC = p.PowerCostUSDPerBTC
	if p.RevenueUSDPerTHDay > 0 {
		p.AllInCostUSDPerBTC += priceUSD * p.DepreciationUSDPerTHDay / p.RevenueUSDPerTHDay
	}
	return p
}

// ProfitOn is Profit at network n's hashprice and price.
func (m Miner) ProfitOn(n Network) Profit {
	return m.Profit(n.HashpriceUSDPerPHDay(), n.PriceUSD)
}
