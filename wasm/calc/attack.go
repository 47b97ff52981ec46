package calc

import "github.com/hashswitch/hashswitch/wasm/econ"

// The attack calculator's parameters.
var (
	AttackShare = Param{Name: "share", Label: "Attacker's share of all hashrate", Unit: "%",
		Range: Range{Min: 0, Max: 99, MinOpen: true}, Default: "51", Group: "Attacker"}
	HardwarePrice = Param{Name: "hardware_price", Label: "Machine price", Unit: "USD per TH/s",
		Range: NonNegative(1e6), Default: "15", Group: "Attacker"}
	AttackHours = Param{Name: "hours", Label: "Attack length", Unit: "hours", Range: NonNegative(1e6),
		Default: "24", Group: "Attacker"}
	BuildingCapex = Param{Name: "building_capex", Label: "Buildings for the machines", Unit: "USD per MW", Range: NonNegative(1e9),
		Default: "500000", Group: "Buying", Help: "a mining farm: $300,000–800,000 per MW (Dân trí, December 2025)"}
	Supply = Param{Name: "supply", Label: "Machines the makers could ship", Unit: "EH/s a month", Range: NonNegative(1e6),
		Default: "30", Group: "Buying", Help: "not published: the site's assumption; 0 leaves it out"}
	RentPremium = Param{Name: "rent_premium", Label: "Rental premium", Unit: "% over hashprice", Range: NonNegative(10_000),
		Default: "20", Group: "Renting", Help: "what renters ask above what the hashrate earns mining: the site's assumption"}
	Rentable = Param{Name: "rentable", Label: "Hashrate for rent", Unit: "EH/s", Range: NonNegative(1e12),
		Default: "10", Group: "Renting", Help: "rental markets are small and opaque: the site's assumption"}
)

// AttackResult is what a majority attack with new machines costs.
type AttackResult struct {
	TotalUSD            float64  `json:"total_usd" label:"To buy it" unit:"machines, buildings and power" show:"usd,lead"`
	RentUSD             *float64 `json:"rent_usd,omitempty" label:"To rent it" unit:"for the attack's hours" doc:"when hashprice is given" show:"usd,lead"`
	RentableSharePct    float64  `json:"rentable_share_pct" label:"Of that hashrate, for rent" unit:"%" doc:"renting works only at 100%" show:"pct"`
	ManufactureMonths   *float64 `json:"manufacture_months" label:"Months to make the machines" doc:"null when the supply is not given" show:"number,lead"`
	HardwareUSD         float64  `json:"hardware_usd" label:"Machines" unit:"USD" show:"usd"`
	BuildingsUSD        float64  `json:"buildings_usd" label:"Buildings" unit:"USD" show:"usd"`
	PowerUSD            float64  `json:"power_usd" label:"Power for the attack" unit:"USD" show:"usd"`
	RentUSDPerHour      *float64 `json:"rent_usd_per_hour,omitempty" label:"Rent" unit:"USD an hour" doc:"when hashprice is given"`
	PowerMW             float64  `json:"power_mw" label:"Power draw" unit:"MW" show:"number"`
	AttackerHashrateEHs float64  `json:"attacker_hashrate_ehs" label:"Attacker's hashrate" unit:"EH/s" show:"number"`
	HonestRevenueUSD    *float64 `json:"honest_revenue_usd,omitempty" label:"What that hashrate earns mining honestly meanwhile" unit:"USD" doc:"when hashprice is given" show:"usd"`
	NetworkHashrateEHs  float64  `json:"network_hashrate_ehs" label:"Honest network hashrate" unit:"EH/s"`
	SharePct            float64  `json:"share_pct" label:"Attacker's share of all hashrate" unit:"%"`
	PowerUSDPerHour     float64  `json:"power_usd_per_hour" label:"Power cost" unit:"USD per hour"`
	Hours               float64  `json:"hours" label:"Attack length" unit:"hours"`
	BlocksPerHour       float64  `json:"blocks_per_hour" label:"Blocks the attacker finds" unit:"per hour"`
}

// Attack answers /api/v1/attack.
var Attack = register(&Def[AttackResult]{
	Meta: Meta{
		Name: "attack", Order: 50, Widget: "attack", Key: []string{"share", "hardware_price", "power_price", "hours"}, Title: "The cost of a 51% attack",
		Summary: "What it costs to out-hash the honest network, buying machines or renting hashrate, and how that cost falls as hashrate leaves.",
		Params: []Param{Hashrate, Difficulty, AttackShare, HardwarePrice, Efficiency.In("Attacker"), PowerPrice.In("Attacker"),
			AttackHours, shown(optional(HashpriceIn, "prices renting the hashrate, and what it would earn mining honestly over the same hours")).In("Attacker"),
			BuildingCapex, Supply, RentPremium, Rentable},
		Examples: []string{"hashrate=1068&hardware_price=15&efficiency=17.5&power_price=0.05", "difficulty=149.3e12&share=51&hardware_price=15&efficiency=17.5&power_price=0.05&hours=24&hashprice=36"},
	},
	Run: func(q *Query) (AttackResult, error) {
		a := econ.Attack{
			Chain:             q.Chain,
			SharePct:          q.Float(AttackShare),
			HardwareUSDPerTH:  q.Float(HardwarePrice),
			EfficiencyJPerTH:  q.Float(Efficiency),
			PowerUSDPerKWh:    q.Float(PowerPrice),
			Hours:             q.Float(AttackHours),
			BuildingUSDPerMW:  q.Float(BuildingCapex),
			SupplyEHsPerMonth: q.Float(Supply),
			RentPremiumPct:    q.Float(RentPremium),
			RentableEHs:       q.Float(Rentable),
		}
		a.NetworkEHs = econ.Network{Chain: q.Chain, Difficulty: q.difficulty(Hashrate)}.HashrateEHs()
		if q.Has(HashpriceIn) {
			a.HashpriceUSDPerPHDay = q.Float(HashpriceIn)
		}
		if q.err != nil {
			return AttackResult{}, q.err
		}
		c := a.Cost()
		r := AttackResult{
			NetworkHashrateEHs: a.NetworkEHs, SharePct: a.SharePct, AttackerHashrateEHs: c.AttackerEHs,
			HardwareUSD: c.HardwareUSD, PowerMW: c.PowerMW, PowerUSDPerHour: c.PowerUSDPerHour,
			Hours: a.Hours, PowerUSD: c.PowerUSD, TotalUSD: c.BuyUSD, BlocksPerHour: c.BlocksPerHour,
			BuildingsUSD: c.BuildingsUSD, RentableSharePct: c.RentableSharePct,
			ManufactureMonths: finiteOrNil(c.ManufactureMonths),
		}
		if q.Has(HashpriceIn) {
			r.HonestRevenueUSD, r.RentUSD, r.RentUSDPerHour = &c.HonestRevenueUSD, &c.RentUSD, &c.RentUSDPerHour
		}
		return r, nil
	},
	Chart: func(s Scenario[AttackResult]) *Plot {
		h := s.Result.NetworkHashrateEHs
		grid := spread(h, 0.1, 1, 10)
		xs, ys := s.Sweep(Hashrate, grid, func(r *AttackResult) float64 { return r.TotalUSD })
		series := []Series{{Name: "To buy", X: xs, Y: ys}}
		if s.Result.RentUSD != nil {
			rx, ry := s.Sweep(Hashrate, grid, func(r *AttackResult) float64 { return deref(r.RentUSD) })
			series = append(series, Series{Name: "To rent, if it were for rent", X: rx, Y: ry})
		}
		return &Plot{
			ID: "attack-chart", Title: "Attack cost as hashrate leaves the network",
			X: Axis{Label: "Honest network hashrate", Unit: "EH/s"}, Y: Axis{Unit: "USD", Ticks: AmountTicks},
			Series: series,
			Marker: &Marker{X: h, Y: s.Result.TotalUSD, Word: "now"},
		}
	},
})
