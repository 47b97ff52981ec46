package calc

import (
	"github.com/hashswitch/hashswitch/wasm/chain"
	"github.com/hashswitch/hashswitch/wasm/econ"
	"github.com/hashswitch/hashswitch/wasm/netdata"
	"math"
)

// The convert calculator's parameters: one site, three uses, over time.
// Figures no source gives are the site's assumptions, said so in Help.
var (
	SiteMW = Param{Name: "mw", Label: "Site power", Unit: "MW at the meter", Range: Positive(100_000), Default: "100", Group: "Site",
		Doc: "the site's grid connection; every use draws all of it while it runs"}
	PUE = Param{Name: "pue", Label: "PUE of an AI hall", Unit: "facility kW per IT kW", Range: Range{Min: 1, Max: 5}, Default: "1.3", Group: "Site",
		Doc: "the colocation and GPU halls' IT load is mw / pue"}
	MiningCapex = Param{Name: "mining_capex", Label: "Cost to build", Unit: "USD per MW at the meter", Range: capexRange, Default: "500000",
		Group: "Mining", Help: "$300,000–800,000 per MW (Dân trí, December 2025)", Doc: "the mining hall and its power gear, spent at month 0"}
	MiningPUE = Param{Name: "mining_pue", Label: "PUE of the mining hall", Unit: "facility kW per machine kW", Range: Range{Min: 1, Max: 5},
		Default: "1.05", Group: "Mining", Help: "air-cooled halls run close to 1: the site's assumption",
		Doc: "the machines draw mw / mining_pue"}
	MachinePrice = Param{Name: "hardware_price", Label: "Machine price", Unit: "USD per TH/s", Range: NonNegative(1e6), Default: "15",
		Group: "Mining", Help: "the site's assumption for recent machines; 0 leaves machines out",
		Doc: "the price of the machines, bought at month 0 and again by reinvest"}
	MachineLife = Param{Name: "hardware_life", Label: "Machines last", Unit: "years", Range: Range{Min: econ.MinLifeYears, Max: 50}, Default: "4",
		Group: "Mining", Help: "then they are bought again, if that pays",
		Doc: "counted in whole months, rounded to the nearest"}
	MiningOpex = Param{Name: "mining_opex", Label: "Other running costs", Unit: "USD per MW a year", Range: NonNegative(1e8), Default: "40000",
		Group: "Mining", Help: "staff, maintenance, insurance: the site's assumption",
		Doc: "per MW at the meter, paid every month the site has machines, hashing or not"}
	LossMonths = Param{Name: "loss_months", Label: "In months at a loss", Unit: "off or run", Type: Text, Default: "off", Enum: []string{"off", "run"}, Choices: []string{"switched off", "kept hashing"},
		Group: "Mining", Help: "rigs can be switched off at will",
		Doc: "off: the machines stop in a month whose revenue (hashes after the pool fee, and the grid's payment) does not cover its power; run: they hash every month"}
	CurtailHours = Param{Name: "curtail_hours", Label: "Hours off for the grid", Unit: "hours a year", Range: NonNegative(8760),
		Default: "0", Group: "Mining", Help: "demand response: mining can stop when power is dear",
		Doc: "out of the hours uptime leaves (at most 8,760 x uptime / 100): the machines hash uptime / 100 - curtail_hours / 8,760 of the hours of a month they run"}
	CurtailPrice = Param{Name: "curtail_price", Label: "What the grid pays for them", Unit: "USD per MWh", Range: NonNegative(100_000),
		Default: "0", Group: "Mining", Doc: "per MWh of mw over the curtailed hours, in the months the machines run"}
	TodayHeight = Param{Name: "height", Label: "Block height today", Unit: "block", Type: Integer, Range: Range{Min: 0, Max: maxHeight},
		Optional: true, Snapshot: true, Group: "Mining over time", Help: "the next halvings come at blocks 1,050,000 and 1,260,000",
		Doc:  "the first block of the horizon; month m holds blocks height + 4,380 m to height + 4,380 (m + 1)",
		From: func(s netdata.Snapshot) string { return itoa(s.Height) }}
	FeeShare = Param{Name: "fee_share", Label: "Fees' share of the reward", Unit: "%", Range: NonNegative(100), Optional: true, Snapshot: true,
		Group: "Mining over time", Help: "fees do not halve",
		Doc:  "with hashprice; derived from the network inputs when they are given",
		From: func(s netdata.Snapshot) string { return ftoa(math.Round(1e4*s.FeesBTC/(s.SubsidyBTC+s.FeesBTC)) / 100) }}
	MiningGrowth = Param{Name: "difficulty_growth", Label: "Difficulty growth", Unit: "% per 2,016-block retarget",
		Range: Range{Min: -50, Max: 100}, Default: "0.5", Group: "Mining over time",
		Help: "your assumption: +0.5% a retarget is about +14% a year; 0 holds it flat"}
	Lease = Param{Name: "lease", Label: "Colocation lease", Unit: "USD per kW of IT load a month", Range: NonNegative(100_000), Default: "130",
		Group: "AI tenant (colocation)", Help: "$100–160: the site's assumption",
		Doc: "what an AI tenant pays in the first year; 0 leaves colocation out"}
	LeaseEscalator = Param{Name: "lease_escalator", Label: "Rent rises", Unit: "% a year", Range: Range{Min: -50, Max: 100}, Default: "2",
		Group: "AI tenant (colocation)", Help: "leases have annual escalators (TeraWulf, August 2025); 2%: the site's assumption",
		Doc: "the rent of the horizon's year y (months 12 y to 12 y + 11) is lease x (1 + lease_escalator / 100)^y"}
	LeaseCapex = Param{Name: "lease_capex", Label: "Cost to convert", Unit: "USD per MW of IT load", Range: capexRange, Default: "9500000",
		Group: "AI tenant (colocation)", Help: "$8–10 million per MW of critical IT (TeraWulf), $9–11 million (Cipher), 2025",
		Doc: "turning the site into a data hall, spent at month 0"}
	LeasePower = Param{Name: "lease_power", Label: "Who pays the power", Unit: "tenant or landlord", Type: Text, Default: "tenant",
		Enum: []string{"tenant", "landlord"}, Choices: []string{"the tenant, on top", "the landlord, out of the rent"}, Group: "AI tenant (colocation)", Help: "in most leases the tenant pays it on top",
		Doc: "tenant: the tenant pays the site's power on top of the rent (revenue and cost alike); landlord: the site pays it out of the rent"}
	LeaseTerm = Param{Name: "lease_years", Label: "Contract term", Unit: "years", Range: Positive(100), Optional: true,
		Group: "AI tenant (colocation)", Help: "nothing is earned after it; empty: the whole horizon",
		Doc: "the rent stops the day the term ends, and so do the power and the running costs; default: the horizon"}
	LeaseOpex = Param{Name: "lease_opex", Label: "Landlord's running costs", Unit: "USD per MW a year", Range: NonNegative(1e8), Default: "100000",
		Group: "AI tenant (colocation)", Help: "staff, maintenance, insurance: the site's assumption", Doc: "per MW at the meter, during the term"}
	GPUHour = Param{Name: "gpu_hour", Label: "GPU rental price", Unit: "USD per GPU-hour", Range: NonNegative(10_000), Default: "2",
		Group: "GPU cloud", Doc: "what a new GPU's hour sells for; 0 leaves GPU cloud out"}
	GPUDecline = Param{Name: "gpu_price_decline", Label: "GPU prices fall", Unit: "% a year", Range: Range{Min: -50, Max: 99}, Default: "15",
		Group: "GPU cloud", Help: "as the GPUs age: the site's assumption",
		Doc: "in a fleet's year a from its purchase its GPU-hour sells for gpu_hour x (1 - d / 100)^a; a new fleet costs gpu_price and rents at gpu_hour again"}
	GPUWatts = Param{Name: "gpu_watts", Label: "Power per GPU", Unit: "W, with its server", Range: Positive(100_000), Default: "1400",
		Group: "GPU cloud", Doc: "the site holds mw x 1,000,000 / pue / gpu_watts GPUs, drawing all of mw every hour"}
	GPUUtilization = Param{Name: "gpu_utilization", Label: "Hours sold", Unit: "%", Range: Positive(100), Default: "80", Group: "GPU cloud"}
	GPUCapex       = Param{Name: "gpu_capex", Label: "Cost to build the hall", Unit: "USD per MW of IT load, GPUs excluded", Range: capexRange,
		Default: "9500000", Group: "GPU cloud", Doc: "spent at month 0"}
	GPUPrice = Param{Name: "gpu_price", Label: "Price of a GPU", Unit: "USD, with its share of the server", Range: NonNegative(1e7), Default: "35000",
		Group: "GPU cloud", Help: "the site's assumption; 0 leaves the GPUs out", Doc: "bought at month 0 and again, at the same price, by reinvest"}
	GPULife = Param{Name: "gpu_life", Label: "GPUs last", Unit: "years", Range: Range{Min: econ.MinLifeYears, Max: 50}, Default: "5", Group: "GPU cloud",
		Help: "then they are bought again, if that pays", Doc: "counted in whole months, rounded to the nearest"}
	GPUOpex = Param{Name: "gpu_opex", Label: "Other running costs", Unit: "USD per MW a year", Range: NonNegative(1e8), Default: "500000",
		Group: "GPU cloud", Help: "staff, network, software, insurance: the site's assumption", Doc: "per MW at the meter, while the site has GPUs"}
	Years = Param{Name: "years", Label: "Horizon", Unit: "years", Range: Positive(100), Default: "10", Group: "Money",
		Doc: "a horizon ending inside a month counts that month's share"}
	DiscountRate = Param{Name: "discount_rate", Label: "Discount rate", Unit: "% a year", Range: NonNegative(100), Default: "10", Group: "Money",
		Doc: "effective yearly: a dollar t years from today counts 1 / (1 + rate / 100)^t"}
	Reinvestment = Param{Name: "reinvest", Label: "Buy machines and GPUs again", Unit: "when_profitable, always or never", Type: Text,
		Default: "when_profitable", Enum: []string{"when_profitable", "always", "never"},
		Choices: []string{"when a new fleet pays for itself", "always", "never"}, Group: "Money",
		Doc: "when_profitable: at the end of a life, or in any later month without a fleet, a new fleet is bought when its discounted cash until the end of its life or of the horizon, plus its salvage, covers its discounted price; always: at the end of every life; never: the first fleet only"}
	BuildingLife = Param{Name: "building_life", Label: "Buildings last", Unit: "years", Range: Range{Min: econ.MinLifeYears, Max: 100}, Default: "20",
		Group: "Money", Help: "for what they are worth at the horizon: the site's assumption",
		Doc: "buildings are depreciated straight line over it and their value left at the horizon is salvage; they are not rebuilt"}
)

// SiteHashprice is hashprice on the convert calculator's form: today's,
// by default the newest committed snapshot's.
var SiteHashprice = func() Param {
	p := shown(optional(HashpriceIn, "today's; with fee_share and height, it moves with the halvings and the difficulty; "+
		"default: the newest committed snapshot's, in cents, unless the network inputs are given")).In("Mining")
	p.Snapshot, p.From = true, snapshotHashprice
	return p
}()

// snapshotHashprice is the hashprice of the snapshot's figures, to the cent.
func snapshotHashprice(s netdata.Snapshot) string {
	n := econ.Network{Chain: chain.MainNet, PriceUSD: s.PriceUSD, Difficulty: s.Difficulty, SubsidyBTC: s.SubsidyBTC, FeesBTC: s.FeesBTC}
	return ftoa(math.Round(n.HashpriceUSDPerPHDay()*100) / 100)
}

// miningUptime is Uptime among the site's other uses.
var miningUptime = func() Param { p := Uptime.In("Mining"); p.Label = "Mining uptime"; return p }()

// capexRange bounds CAPEX per MW in USD.
var capexRange = NonNegative(1e9)

// OptionResult is one use of the site.
type OptionResult struct {
	RevenueUSDPerKWh     float64   `json:"revenue_usd_per_kwh" label:"revenue" unit:"USD per kWh at the meter, today" show:"usd" doc:"what the use is paid per kWh it draws: mining, hashprice after the pool fee; colocation, the rent over 730 h and pue, plus the power price when the tenant pays it; GPU cloud, gpu_hour x utilization per kWh of a GPU's draw at pue"`
	MarginUSDPerKWh      float64   `json:"margin_usd_per_kwh" label:"revenue less power" unit:"USD per kWh at the meter, today" doc:"revenue_usd_per_kwh less the power price (a colocation whose tenant pays the power: the rent alone); before other running costs"`
	KWhPerYear           float64   `json:"kwh_per_year" label:"energy" unit:"kWh in the first year" doc:"drawn at the meter while the use runs"`
	RevenueUSDPerYear    float64   `json:"revenue_usd_per_year" label:"revenue" unit:"USD in the first year" doc:"months 0 to 11 (the horizon's, when it is shorter)"`
	PowerUSDPerYear      float64   `json:"power_usd_per_year" label:"power bill" unit:"USD in the first year"`
	OpexUSDPerYear       float64   `json:"opex_usd_per_year" label:"other running costs" unit:"USD in the first year"`
	CashMarginUSDPerYear float64   `json:"cash_margin_usd_per_year" label:"cash margin" unit:"USD in the first year" show:"usd" doc:"revenue less power and other running costs"`
	DepreciationPerYear  float64   `json:"depreciation_usd_per_year" label:"depreciation" unit:"USD a year" doc:"the first machines or GPUs over their life in months / 12, plus the buildings over building_life, straight line"`
	ProfitAfterDepr      float64   `json:"profit_after_depreciation_usd_per_year" label:"profit after depreciation" unit:"USD in the first year" doc:"the cash margin less depreciation"`
	CapexUSD             float64   `json:"capex_usd" label:"capital spent" unit:"USD over the horizon, replacements included"`
	SalvageUSD           float64   `json:"salvage_usd" label:"left at the horizon" unit:"USD" doc:"of the buildings and the last fleet, straight line: price x (1 - months used / months of life), never below 0; counted as cash at the horizon"`
	RevenueUSD           float64   `json:"revenue_usd" label:"revenue" unit:"USD over the horizon"`
	Purchases            int64     `json:"purchases" label:"fleets bought" unit:"machines or GPUs, the first included" doc:"0 for colocation and for equipment priced 0"`
	MonthsOn             int64     `json:"months_on" label:"months running" doc:"months (a last part-month counts as one) the use ran: mining hashed, the lease was in its term, the GPUs were held"`
	MonthsOff            int64     `json:"months_off" label:"months off" doc:"the horizon's other months: switched off at a loss, without machines, or after the lease's term"`
	PaybackYears         *float64  `json:"payback_years" label:"payback" unit:"years" show:"years" doc:"the first time after which cumulative cash, capital and salvage included, never again goes below zero, with each month's cash spread evenly over it; 0 when it never is below zero; null when it ends below zero"`
	NPVUSD               float64   `json:"npv_usd" label:"NPV" unit:"USD" show:"usd" doc:"each month's cash discounted from the month's end, each purchase from its month's start, salvage from the horizon"`
	CashToday            float64   `json:"cash_today" label:"cash today" unit:"USD" doc:"minus what is built and bought at month 0"`
	CashByYear           []float64 `json:"cash_by_year" label:"cumulative cash" unit:"USD at the end of each year, capital included" doc:"undiscounted; the last value is at the horizon, salvage included"`
}

// ConvertResult compares the site's uses.
type ConvertResult struct {
	LeaseToMining        *float64      `json:"lease_to_mining_revenue,omitempty" label:"Colocation earns per kWh" unit:"mining's revenue, today" show:"ratio,lead" doc:"lease.revenue_usd_per_kwh / mining.revenue_usd_per_kwh"`
	LeaseToMiningMargin  *float64      `json:"lease_to_mining_margin,omitempty" label:"Colocation's margin per kWh" unit:"mining's, today" doc:"lease.margin_usd_per_kwh / mining.margin_usd_per_kwh; left out when mining's margin is not positive"`
	GPUToMining          *float64      `json:"gpu_to_mining_revenue,omitempty" label:"GPU cloud earns per kWh" unit:"mining's revenue, today" show:"ratio,lead" doc:"gpu.revenue_usd_per_kwh / mining.revenue_usd_per_kwh"`
	GPUToMiningMargin    *float64      `json:"gpu_to_mining_margin,omitempty" label:"GPU cloud's margin per kWh" unit:"mining's, today" doc:"gpu.margin_usd_per_kwh / mining.margin_usd_per_kwh; left out when mining's margin is not positive"`
	MiningWinsHashprice  *float64      `json:"mining_wins_hashprice" label:"Mining wins above a hashprice today of" unit:"USD per PH/s per day" show:"usd,lead" doc:"the lowest starting hashprice at which mining's NPV reaches the best other use's, by bisection over 0 to 1,000,000,000 until the interval is at most 1e-12 x max(1, its upper end) wide (mining's NPV never falls as hashprice rises); null when no hashprice up to 1,000,000,000 does, or there is no other use"`
	HashpriceUSDPerPHDay float64       `json:"hashprice_usd_per_ph_day" label:"Hashprice today" unit:"USD per PH/s per day" doc:"given, or from the network inputs, or from the newest committed snapshot"`
	HashpriceByYear      []float64     `json:"hashprice_by_year" label:"Hashprice at the start of each year" unit:"USD per PH/s per day" doc:"for y = 0 to ceil(years) - 1, at block height + 52,560 y: the subsidy's part scaled by that block's subsidy over today's (exact satoshis), the fees' part kept, both divided by (1 + difficulty_growth / 100) per retarget passed"`
	Height               int64         `json:"height" label:"Block height today" doc:"the horizon's first block"`
	Mining               *OptionResult `json:"mining" label:"Mining"`
	Lease                *OptionResult `json:"lease,omitempty" label:"Colocation" doc:"when lease is above 0"`
	GPU                  *OptionResult `json:"gpu,omitempty" label:"GPU cloud" doc:"when gpu_hour is above 0"`
}

// Convert answers /api/v1/convert.
var Convert = register(&Def[ConvertResult]{
	Meta: Meta{
		Name: "convert", Order: 40, Widget: "convert", Key: []string{"power_price", "hashprice", "lease", "gpu_hour"}, Title: "Mining or AI: one site, three uses",
		Summary: "Revenue and margin per kWh, cash margin, profit after depreciation, payback and NPV of a site mining bitcoin, leased to an AI tenant, or renting GPUs, month by month.",
		Params: []Param{SiteMW, PowerPrice.In("Site"), PUE,
			SiteHashprice,
			hidden(optional(Price, "with the network inputs, instead of hashprice")),
			hidden(optional(Difficulty, "")), hidden(optional(Hashrate, "")),
			hidden(optional(Subsidy, "")), hidden(optional(Fees, "")),
			Efficiency.In("Mining"), hidden(PoolFee), miningUptime, MiningPUE, MiningCapex, MachinePrice, MachineLife, MiningOpex, LossMonths,
			CurtailHours, CurtailPrice, TodayHeight, FeeShare, MiningGrowth,
			Lease, LeaseEscalator, LeaseCapex, LeasePower, LeaseTerm, LeaseOpex,
			GPUHour, GPUDecline, GPUWatts, GPUUtilization, GPUCapex, GPUPrice, GPULife, GPUOpex,
			Years, DiscountRate, Reinvestment, BuildingLife},
		Examples: []string{"mw=100&power_price=0.05&hashprice=36&fee_share=0.64&height=925000&efficiency=17.5&mining_capex=500000&lease=130&lease_capex=9500000&gpu_hour=0",
			"mw=100&power_price=0.05&price=85000&difficulty=152.27e12&height=925000&fees=0.02&efficiency=17.5&lease=0&gpu_hour=2&gpu_watts=1400&gpu_capex=9500000&years=5&reinvest=always"},
	},
	Run: func(q *Query) (ConvertResult, error) {
		s := econ.Site{
			MW:                q.Float(SiteMW),
			PowerUSDPerKWh:    q.Float(PowerPrice),
			Years:             q.Float(Years),
			DiscountPct:       q.Float(DiscountRate),
			BuildingLifeYears: q.Float(BuildingLife),
		}
		switch q.Choice(Reinvestment) {
		case "always":
			s.Reinvest = econ.ReinvestAlways
		case "never":
			s.Reinvest = econ.ReinvestNever
		}
		m := econ.Mining{
			Hardware: econ.Hardware{
				EfficiencyJPerTH: q.Float(Efficiency),
				PoolFeePct:       q.Float(PoolFee),
				UptimePct:        q.Float(miningUptime),
				PUE:              q.Float(MiningPUE),
				PriceUSDPerTH:    q.Float(MachinePrice),
				LifeYears:        q.Float(MachineLife),
			},
			Chain:                       q.Chain,
			DifficultyGrowthPctPerEpoch: q.Float(MiningGrowth),
			CapexUSDPerMW:               q.Float(MiningCapex),
			OpexUSDPerMWYear:            q.Float(MiningOpex),
			RunAtALoss:                  q.Choice(LossMonths) == "run",
			CurtailHoursPerYear:         q.Float(CurtailHours),
			CurtailUSDPerMWh:            q.Float(CurtailPrice),
		}
		m.Height = q.Int(TodayHeight)
		network := []Param{Price, Difficulty, Hashrate, Subsidy, Fees}
		if q.Has(HashpriceIn) || !q.HasAny(network...) {
			if q.Has(HashpriceIn) {
				for _, conflict := range network {
					if q.Has(conflict) {
						q.Fail(Errorf(conflict, "give hashprice or the network inputs, not both"))
					}
				}
			}
			m.HashpriceUSDPerPHDay = q.Float(SiteHashprice)
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
		if l := (econ.Lease{
			USDPerKWMonth: q.Float(Lease), EscalatorPct: q.Float(LeaseEscalator), PUE: pue,
			CapexUSDPerITMW: q.Float(LeaseCapex), TenantPaysPower: q.Choice(LeasePower) == "tenant",
			OpexUSDPerMWYear: q.Float(LeaseOpex),
		}); l.USDPerKWMonth > 0 {
			if q.Has(LeaseTerm) {
				l.TermYears = q.Float(LeaseTerm)
			}
			s.Lease = &l
		}
		if g := (econ.GPUCloud{
			USDPerGPUHour: q.Float(GPUHour), DeclinePct: q.Float(GPUDecline), WattsPerGPU: q.Float(GPUWatts), PUE: pue,
			UtilizationPct: q.Float(GPUUtilization), CapexUSDPerITMW: q.Float(GPUCapex), USDPerGPU: q.Float(GPUPrice),
			GPULifeYears: q.Float(GPULife), OpexUSDPerMWYear: q.Float(GPUOpex),
		}); g.USDPerGPUHour > 0 {
			s.GPU = &g
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
			MiningWinsHashprice:  finiteOrNil(c.MiningWinsHashpriceUSDPerPHDay),
		}
		for y := 0.0; y < s.Years; y++ {
			r.HashpriceByYear = append(r.HashpriceByYear, m.HashpriceUSDPerPHDay*m.HashpriceFactorAt(m.Height+int64(y)*int64(12*m.BlocksPerMonth())))
		}
		if c.Lease != nil {
			r.LeaseToMining, r.LeaseToMiningMargin = &c.LeaseToMiningRevenue, finiteOrNil(c.LeaseToMiningMargin)
		}
		if c.GPU != nil {
			r.GPUToMining, r.GPUToMiningMargin = &c.GPUToMiningRevenue, finiteOrNil(c.GPUToMiningMargin)
		}
		return r, nil
	},
	Chart: func(s Scenario[ConvertResult]) *Plot {
		c := &Plot{
			ID: "convert-chart", Title: "Cumulative cash of each use, capital included",
			X: Axis{Label: "Years from today"}, Y: Axis{Unit: "USD", Ticks: AmountTicks},
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
				xs, ys = append(xs, math.Min(float64(i+1), s.Num(Years))), append(ys, v)
			}
			c.Series = append(c.Series, Series{Name: use.name, X: xs, Y: ys})
		}
		return c
	},
})

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
		RevenueUSDPerKWh: o.RevenueUSDPerKWh, MarginUSDPerKWh: o.MarginUSDPerKWh, KWhPerYear: o.KWhPerYear,
		RevenueUSDPerYear: o.RevenueUSDPerYear, PowerUSDPerYear: o.PowerUSDPerYear, OpexUSDPerYear: o.OpexUSDPerYear,
		CashMarginUSDPerYear: o.CashMarginUSDPerYear, DepreciationPerYear: o.DepreciationUSDPerYear,
		ProfitAfterDepr: o.ProfitAfterDepreciation, CapexUSD: o.CapexUSD, SalvageUSD: o.SalvageUSD, RevenueUSD: o.RevenueUSD,
		Purchases: int64(o.Purchases), MonthsOn: int64(o.MonthsOn), MonthsOff: int64(o.MonthsOff),
		PaybackYears: finiteOrNil(o.PaybackYears), NPVUSD: o.NPVUSD, CashToday: o.CashToday, CashByYear: o.CashByYear,
	}
}

// required is p when another parameter makes it required.
func required(p Param) Param {
	p.Optional = false
	return p
}
