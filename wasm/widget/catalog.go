package widget

import (
	"math"
	"math/bits"
	"net/url"
	"strings"
	"time"

	"github.com/hashswitch/hashswitch/wasm/chain"
	"github.com/hashswitch/hashswitch/wasm/chart"
)

// The inputs several calculators share.
var (
	priceIn     = Input{Name: "price", Label: "Bitcoin price", Unit: "USD per BTC", Default: ftoa(Snapshot.PriceUSD), Group: "Network"}
	hashrateIn  = Input{Name: "hashrate", Label: "Network hashrate", Unit: "EH/s", Default: snapshotHashrateEHs(), Group: "Network"}
	subsidyIn   = Input{Name: "subsidy", Label: "Block subsidy", Unit: "BTC per block", Default: ftoa(Snapshot.SubsidyBTC), Group: "Network", Help: "3.125 since the April 2024 halving"}
	feesIn      = Input{Name: "fees", Label: "Fees", Unit: "BTC per block", Default: ftoa(Snapshot.FeesBTC), Group: "Network"}
	effIn       = Input{Name: "efficiency", Label: "Machine efficiency", Unit: "J per TH", Default: "17.5", Group: "Miner", Help: "an Antminer S21 uses about 17.5"}
	powerIn     = Input{Name: "power_price", Label: "Power price", Unit: "USD per kWh", Default: "0.05", Group: "Miner"}
	hashpriceIn = Input{Name: "hashprice", Label: "Hashprice", Unit: "USD per PH/s per day", Default: "36", Group: "Mining"}
)

// MinerHeader is the header the in-browser miner hashes, and MinerTarget
// its target (64 hex digits): the halving block's, so a reader mines what
// the network mined.
const MinerHeader = header840000

// MinerTarget is the target of MinerHeader's bits.
func MinerTarget() string {
	h, _ := chain.ParseHeaderHex(MinerHeader)
	t, _, _ := chain.CompactToTarget(h.Bits)
	return chain.TargetHex(t)
}

// header840000 is the header of block 840,000, the April 2024 halving.
const header840000 = "00e05f2aab948491071265ad552351d0ad625745668da54b0172010000000000000000004f89a5d73bd4d4887f25981fe81892ccafda10c27f52d6f3dd28183a7c411b03b7072366194203177d9863ea"

var all = []*Widget{
	{
		Name: "hashprice", Title: "Hashprice", Endpoint: "hashprice",
		Summary: "What one PH/s of mining earns a day, from the bitcoin price, the network hashrate and the block reward.",
		Inputs:  []Input{priceIn, hashrateIn, subsidyIn, feesIn},
		Outputs: []Output{
			{Key: "hashprice_usd_per_ph_day", Label: "Hashprice", Unit: "USD per PH/s per day", Kind: USD, Lead: true},
			{Key: "hashvalue_sat_per_ph_day", Label: "Hashvalue", Unit: "sat per PH/s per day", Kind: Sat},
			{Key: "fee_share_pct", Label: "Fees' share of the reward", Kind: Pct},
			{Key: "difficulty", Label: "Difficulty", Kind: Big},
		},
		Chart: func(q url.Values, a map[string]any) *chart.Chart {
			price := param(q, "price")
			xs, ys := sweep("hashprice", q, "price", spread(price, 0.4, 1.6, 7), "hashprice_usd_per_ph_day")
			return &chart.Chart{
				ID: "hashprice-chart", Title: "Hashprice as the bitcoin price moves", XLabel: "Bitcoin price (USD)", YLabel: "USD per PH/s per day",
				Series: []chart.Series{{Name: "Hashprice", X: xs, Y: ys}}, FormatY: money,
				Marker: &chart.Point{X: price, Y: number(a["hashprice_usd_per_ph_day"]), Label: "now " + usd(number(a["hashprice_usd_per_ph_day"]))},
			}
		},
	},
	{
		Name: "profit", Title: "Mining profit", Endpoint: "profit",
		Summary: "A miner's revenue, power cost and profit per TH/s, the power price that breaks even, and what the power for one bitcoin costs.",
		Inputs: []Input{priceIn, hashrateIn, subsidyIn, feesIn, effIn, powerIn,
			{Name: "pool_fee", Label: "Pool fee", Unit: "%", Default: "2", Group: "Miner"},
			{Name: "uptime", Label: "Uptime", Unit: "%", Default: "97", Group: "Miner"}},
		Outputs: []Output{
			{Key: "profit_usd_per_th_day", Label: "Profit", Unit: "USD per TH/s per day", Kind: USD, Lead: true},
			{Key: "margin_pct", Label: "Margin", Kind: Pct},
			{Key: "revenue_usd_per_th_day", Label: "Revenue", Unit: "USD per TH/s per day", Kind: USD},
			{Key: "power_cost_usd_per_th_day", Label: "Power cost", Unit: "USD per TH/s per day", Kind: USD},
			{Key: "cost_per_btc", Label: "Power cost of one mined BTC", Unit: "USD", Kind: USD},
			{Key: "breakeven_power_price", Label: "Breakeven power price", Unit: "USD per kWh", Kind: USD},
			{Key: "breakeven_hashprice", Label: "Breakeven hashprice", Unit: "USD per PH/s per day", Kind: USD},
		},
		Chart: func(q url.Values, a map[string]any) *chart.Chart {
			power := param(q, "power_price")
			grid := []float64{0.02, 0.03, 0.04, 0.05, 0.06, 0.07, 0.08, 0.09, 0.10}
			xs, ys := sweep("profit", q, "power_price", grid, "cost_per_btc")
			price := make([]float64, len(xs))
			for i := range price {
				price[i] = param(q, "price")
			}
			return &chart.Chart{
				ID: "profit-chart", Title: "Power cost of one mined bitcoin against its price", XLabel: "Power price (USD per kWh)", YLabel: "USD",
				Series:  []chart.Series{{Name: "Power cost per BTC", X: xs, Y: ys}, {Name: "Bitcoin price", X: xs, Y: price}},
				FormatX: func(x float64) string { return "$" + ftoa(math.Round(x*100)/100) }, FormatY: money,
				Marker: &chart.Point{X: power, Y: number(a["cost_per_btc"]), Label: "you " + usd(number(a["cost_per_btc"]))},
			}
		},
	},
	{
		Name: "halving", Title: "Halving countdown", Endpoint: "halving", Countdown: "eta_unix",
		Summary: "When the next halving comes, what the subsidy falls to, and how much of all bitcoin is already issued.",
		Inputs: []Input{
			{Name: "height", Label: "Block height", Unit: "block", Default: itoa(Snapshot.Height)},
			{Name: "time", Label: "That block's time", Unit: "UTC date, or unix seconds", Default: time.Unix(Snapshot.TimeUnix, 0).UTC().Format(time.RFC3339), Text: true},
			{Name: "block_time", Label: "Mean time between blocks", Unit: "seconds", Default: "600", Help: "600 is the target; recent months ran a little faster"},
		},
		Outputs: []Output{
			{Key: "eta_unix", Label: "Next halving, estimated", Kind: Date, Lead: true},
			{Key: "next_halving_height", Label: "At block", Kind: Integer},
			{Key: "blocks_remaining", Label: "Blocks to go", Kind: Integer},
			{Key: "subsidy_btc", Label: "Subsidy now", Unit: "BTC per block", Kind: BTC},
			{Key: "next_subsidy_sat", Label: "Subsidy after", Unit: "sat per block", Kind: Sat},
			{Key: "supply_pct", Label: "Share of all bitcoin already issued", Kind: Pct},
			{Key: "supply_sat", Label: "Issued so far", Unit: "sat", Kind: Sat},
		},
		Chart: func(q url.Values, a map[string]any) *chart.Chart {
			var xs, ys []float64
			for _, e := range chain.MainNet.Epochs(9) {
				xs, ys = append(xs, float64(e.FirstHeight)), append(ys, float64(e.SubsidySat)/chain.Coin)
			}
			h := param(q, "height")
			return &chart.Chart{
				ID: "halving-chart", Title: "Block subsidy by height: halved every 210,000 blocks", XLabel: "Block height", YLabel: "BTC per block",
				Series: []chart.Series{{Name: "Subsidy", X: xs, Y: ys}}, StepSeries: true,
				Marker: &chart.Point{X: h, Y: number(a["subsidy_btc"]), Label: "block " + chart.Compact(h)},
			}
		},
	},
	{
		Name: "convert", Title: "Mining or AI: one site, three uses", Endpoint: "convert",
		Summary: "Revenue per kWh, profit, payback and NPV of a site mining bitcoin, leased to an AI tenant, or renting GPUs.",
		Inputs: []Input{
			{Name: "mw", Label: "Site power", Unit: "MW", Default: "100", Group: "Site"},
			{Name: "power_price", Label: "Power price", Unit: "USD per kWh", Default: "0.05", Group: "Site"},
			{Name: "pue", Label: "PUE of an AI hall", Unit: "facility kW per IT kW", Default: "1.3", Group: "Site"},
			hashpriceIn,
			{Name: "efficiency", Label: "Machine efficiency", Unit: "J per TH", Default: "17.5", Group: "Mining"},
			{Name: "uptime", Label: "Mining uptime", Unit: "%", Default: "97", Group: "Mining"},
			{Name: "mining_capex", Label: "Cost to build", Unit: "USD per MW", Default: "500000", Group: "Mining", Help: "$300,000–800,000 per MW"},
			{Name: "lease", Label: "Colocation lease", Unit: "USD per kW-month", Default: "130", Group: "AI tenant (colocation)", Help: "$100–160 per kW of IT load a month"},
			{Name: "lease_capex", Label: "Cost to convert", Unit: "USD per MW", Default: "9500000", Group: "AI tenant (colocation)", Help: "AI halls cost about $8–11 million per MW"},
			{Name: "gpu_hour", Label: "GPU rental price", Unit: "USD per GPU-hour", Default: "2", Group: "GPU cloud"},
			{Name: "gpu_watts", Label: "Power per GPU", Unit: "W, with its server", Default: "1400", Group: "GPU cloud"},
			{Name: "gpu_utilization", Label: "Hours sold", Unit: "%", Default: "80", Group: "GPU cloud"},
			{Name: "gpu_capex", Label: "Cost to build", Unit: "USD per MW, GPUs included", Default: "27000000", Group: "GPU cloud"},
			{Name: "years", Label: "Horizon", Unit: "years", Default: "10", Group: "Money"},
			{Name: "discount_rate", Label: "Discount rate", Unit: "% a year", Default: "10", Group: "Money"},
		},
		Outputs: []Output{
			{Key: "lease_to_mining_revenue", Label: "Colocation earns per kWh", Unit: "mining's revenue", Kind: Ratio, Lead: true},
			{Key: "gpu_to_mining_revenue", Label: "GPU cloud earns per kWh", Unit: "mining's revenue", Kind: Ratio},
			{Key: "mining_wins_hashprice", Label: "Mining wins above a hashprice of", Unit: "USD per PH/s per day", Kind: USD},
			{Key: "mining.revenue_usd_per_kwh", Label: "Mining revenue", Unit: "USD per kWh", Kind: USD},
			{Key: "lease.revenue_usd_per_kwh", Label: "Colocation revenue", Unit: "USD per kWh", Kind: USD},
			{Key: "gpu.revenue_usd_per_kwh", Label: "GPU cloud revenue", Unit: "USD per kWh", Kind: USD},
			{Key: "mining.profit_usd_per_year", Label: "Mining profit", Unit: "USD a year", Kind: USD},
			{Key: "lease.profit_usd_per_year", Label: "Colocation profit", Unit: "USD a year", Kind: USD},
			{Key: "gpu.profit_usd_per_year", Label: "GPU cloud profit", Unit: "USD a year", Kind: USD},
			{Key: "mining.payback_years", Label: "Mining pays back in", Unit: "years", Kind: Years},
			{Key: "lease.payback_years", Label: "Colocation pays back in", Unit: "years", Kind: Years},
			{Key: "gpu.payback_years", Label: "GPU cloud pays back in", Unit: "years", Kind: Years},
			{Key: "mining.npv_usd", Label: "Mining NPV", Kind: USD},
			{Key: "lease.npv_usd", Label: "Colocation NPV", Kind: USD},
			{Key: "gpu.npv_usd", Label: "GPU cloud NPV", Kind: USD},
		},
		Chart: func(q url.Values, a map[string]any) *chart.Chart {
			return &chart.Chart{
				ID: "convert-chart", Title: "Revenue per kWh of the same site", XLabel: "Use", YLabel: "USD per kWh",
				Bars: []chart.Bar{
					{Label: "Mining", Value: number(lookup(a, "mining.revenue_usd_per_kwh"))},
					{Label: "Colocation", Value: number(lookup(a, "lease.revenue_usd_per_kwh"))},
					{Label: "GPU cloud", Value: number(lookup(a, "gpu.revenue_usd_per_kwh"))},
				},
				FormatY: money,
			}
		},
	},
	{
		Name: "attack", Title: "The cost of a 51% attack", Endpoint: "attack",
		Summary: "What it costs to out-hash the honest network with new machines, and how that cost falls as hashrate leaves.",
		Inputs: []Input{
			hashrateIn,
			{Name: "share", Label: "Attacker's share of all hashrate", Unit: "%", Default: "51", Group: "Attacker"},
			{Name: "hardware_price", Label: "Machine price", Unit: "USD per TH/s", Default: "15", Group: "Attacker"},
			inGroup(effIn, "Attacker"), inGroup(powerIn, "Attacker"),
			{Name: "hours", Label: "Attack length", Unit: "hours", Default: "24", Group: "Attacker"},
			inGroup(hashpriceIn, "Attacker"),
		},
		Outputs: []Output{
			{Key: "total_usd", Label: "Total cost", Unit: "machines and power", Kind: USD, Lead: true},
			{Key: "hardware_usd", Label: "Machines", Kind: USD},
			{Key: "power_usd", Label: "Power for the attack", Kind: USD},
			{Key: "power_mw", Label: "Power draw", Unit: "MW", Kind: Number},
			{Key: "attacker_hashrate_ehs", Label: "Attacker's hashrate", Unit: "EH/s", Kind: Number},
			{Key: "honest_revenue_usd", Label: "What that hashrate earns mining honestly meanwhile", Kind: USD},
		},
		Chart: func(q url.Values, a map[string]any) *chart.Chart {
			h := param(q, "hashrate")
			xs, ys := sweep("attack", q, "hashrate", spread(h, 0.1, 1, 10), "total_usd")
			return &chart.Chart{
				ID: "attack-chart", Title: "Attack cost as hashrate leaves the network", XLabel: "Honest network hashrate (EH/s)", YLabel: "USD",
				Series: []chart.Series{{Name: "Attack cost", X: xs, Y: ys}}, FormatY: money,
				Marker: &chart.Point{X: h, Y: number(a["total_usd"]), Label: "now " + usd(number(a["total_usd"]))},
			}
		},
	},
	{
		Name: "header", Title: "Block header inspector", Endpoint: "header",
		Summary: "Paste an 80-byte block header: its hash, its fields, and whether its proof of work is valid.",
		Inputs: []Input{{Name: "hex", Label: "Block header", Unit: "160 hex digits", Default: header840000, Long: true,
			Help: "the header of block 840,000, the April 2024 halving; paste any other"}},
		Outputs: []Output{
			{Key: "valid_pow", Label: "Proof of work", Kind: Valid, Lead: true},
			{Key: "hash", Label: "Block hash", Kind: Text},
			{Key: "target", Label: "Target", Kind: Text},
			{Key: "difficulty", Label: "Difficulty", Kind: Big},
			{Key: "time", Label: "Time", Kind: Date},
			{Key: "bits", Label: "Bits", Kind: Text},
			{Key: "nonce", Label: "Nonce", Kind: Integer},
			{Key: "version_hex", Label: "Version", Kind: Text},
			{Key: "prev_block", Label: "Previous block", Kind: Text},
			{Key: "merkle_root", Label: "Merkle root", Kind: Text},
		},
		Chart: func(q url.Values, a map[string]any) *chart.Chart {
			hash, _ := a["hash"].(string)
			target, _ := a["target"].(string)
			return &chart.Chart{
				ID: "header-chart", Title: "Leading zero bits: the hash against its target", XLabel: "Number", YLabel: "Leading zero bits",
				Bars:    []chart.Bar{{Label: "Block hash", Value: zeroBits(hash)}, {Label: "Target", Value: zeroBits(target)}},
				FormatY: func(v float64) string { return ftoa(math.Round(v)) },
			}
		},
	},
	bench,
}

// bench compares the reader's browser, measured by the miner, with an ASIC
// and the network.
var bench = &Widget{
	Name: "bench", Title: "Your browser against the machines", Endpoint: "race", Miner: "device_hashrate",
	Summary: "Mine a real block header in your browser, then see how far it is from one ASIC and from the whole network.",
	Inputs: []Input{
		{Name: "device_hashrate", Label: "Your browser's hashrate", Unit: "hashes per second", Default: "1000000", Group: "Your browser", Help: "the miner above measures it; or type one"},
		{Name: "device_watts", Label: "Your device's power draw", Unit: "W", Default: "30", Group: "Your browser", Help: "a laptop working hard draws 20–60 W"},
		{Name: "asic_hashrate", Label: "One ASIC", Unit: "TH/s", Default: "200", Group: "The machines"},
		{Name: "asic_efficiency", Label: "ASIC efficiency", Unit: "J per TH", Default: "17.5", Group: "The machines"},
		hashrateIn,
	},
	Outputs: []Output{
		{Key: "years_to_block", Label: "Expected time for your browser alone to find a block", Unit: "years", Kind: Number, Lead: true},
		{Key: "asic_times_faster", Label: "One ASIC is faster by", Kind: Ratio},
		{Key: "network_times_faster", Label: "The network is faster by", Kind: Ratio},
		{Key: "j_per_hash", Label: "Your energy per hash", Unit: "J", Kind: Number},
		{Key: "energy_times_asic", Label: "Energy per hash against the ASIC's", Kind: Ratio},
	},
	Chart: func(q url.Values, a map[string]any) *chart.Chart {
		device := param(q, "device_hashrate")
		asic := param(q, "asic_hashrate") * 1e12
		network := number(a["network_hashrate_ehs"]) * 1e18
		return &chart.Chart{
			ID: "bench-chart", Title: "Hashes per second, on a log scale", XLabel: "Who hashes", YLabel: "log10 of hashes per second",
			Bars: []chart.Bar{
				{Label: "Your browser", Value: math.Log10(device)},
				{Label: "One ASIC", Value: math.Log10(asic)},
				{Label: "The network", Value: math.Log10(network)},
			},
			FormatY: func(v float64) string { return "10^" + ftoa(math.Round(v*10)/10) },
		}
	},
}

// inGroup returns a shared input under another fieldset legend.
func inGroup(in Input, group string) Input {
	in.Group = group
	return in
}

// spread returns n values from lo x v to hi x v.
func spread(v, lo, hi float64, n int) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = v * (lo + (hi-lo)*float64(i)/float64(n-1))
	}
	return out
}

func money(v float64) string { return "$" + chart.Compact(v) }

// zeroBits counts the leading zero bits of a 64-digit big-endian hex number.
func zeroBits(h string) float64 {
	if len(h) != 64 {
		return 0
	}
	n := 0
	for i := 0; i < len(h); i += 8 {
		var w uint32
		for _, c := range h[i : i+8] {
			w <<= 4
			w |= uint32(strings.IndexRune("0123456789abcdef", c))
		}
		n += bits.LeadingZeros32(w)
		if w != 0 {
			break
		}
	}
	return float64(n)
}
