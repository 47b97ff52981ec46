package calc

import (
	"github.com/hashswitch/hashswitch/wasm/chart"
	"github.com/hashswitch/hashswitch/wasm/econ"
	"github.com/hashswitch/hashswitch/wasm/human"
)

// The attack calculator's parameters.
var (
	AttackShare = Param{Name: "share", Label: "Attacker's share of all hashrate", Unit: "%",
		Range: Range{Min: 0, Max: 99, MinOpen: true}, Default: "51", Group: "Attacker"}
	HardwarePrice = Param{Name: "hardware_price", Label: "Machine price", Unit: "USD per TH/s",
		Range: NonNegative(1e6), Start: "15", Example: "15", Group: "Attacker"}
	AttackHours = Param{Name: "hours", Label: "Attack length", Unit: "hours", Range: NonNegative(1e6),
		Default: "24", Group: "Attacker"}
)

// AttackResult is what a majority attack with new machines costs.
type AttackResult struct {
	TotalUSD            float64  `json:"total_usd" label:"Total cost" unit:"machines and power" show:"usd,lead"`
	HardwareUSD         float64  `json:"hardware_usd" label:"Machines" unit:"USD" show:"usd"`
	PowerUSD            float64  `json:"power_usd" label:"Power for the attack" unit:"USD" show:"usd"`
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
		Name: "attack", Order: 50, Widget: "attack", Title: "The cost of a 51% attack",
		Summary: "What it costs to out-hash the honest network with new machines, and how that cost falls as hashrate leaves.",
		Params: []Param{Hashrate, Difficulty, AttackShare, HardwarePrice, Efficiency.In("Attacker"), PowerPrice.In("Attacker"),
			AttackHours, shown(optional(HashpriceIn, "values what the attacker's hashrate would earn mining honestly over the same hours")).In("Attacker")},
		Examples: []string{"hashrate=1068&hardware_price=15&efficiency=17.5&power_price=0.05", "difficulty=149.3e12&share=51&hardware_price=15&efficiency=17.5&power_price=0.05&hours=24&hashprice=36"},
	},
	Run: func(q *Query) (AttackResult, error) {
		a := econ.Attack{
			Chain:            q.Chain,
			SharePct:         q.Float(AttackShare),
			HardwareUSDPerTH: q.Float(HardwarePrice),
			EfficiencyJPerTH: q.Float(Efficiency),
			PowerUSDPerKWh:   q.Float(PowerPrice),
			Hours:            q.Float(AttackHours),
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
			Hours: a.Hours, PowerUSD: c.PowerUSD, TotalUSD: c.TotalUSD, BlocksPerHour: c.BlocksPerHour,
		}
		if q.Has(HashpriceIn) {
			r.HonestRevenueUSD = &c.HonestRevenueUSD
		}
		return r, nil
	},
	Chart: func(s Scenario[AttackResult]) *chart.Chart {
		h := s.Result.NetworkHashrateEHs
		xs, ys := s.Sweep(Hashrate, spread(h, 0.1, 1, 10), func(r *AttackResult) float64 { return r.TotalUSD })
		return &chart.Chart{
			ID: "attack-chart", Title: "Attack cost as hashrate leaves the network", XLabel: "Honest network hashrate (EH/s)", YLabel: "USD",
			Series: []chart.Series{{Name: "Attack cost", X: xs, Y: ys}}, FormatY: money,
			Marker: &chart.Point{X: h, Y: s.Result.TotalUSD, Label: "now " + human.USD(s.Result.TotalUSD)},
		}
	},
})
