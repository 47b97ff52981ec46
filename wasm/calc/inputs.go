package calc

import (
	"math"
	"strconv"

	"github.com/hashswitch/hashswitch/wasm/chain"
	"github.com/hashswitch/hashswitch/wasm/econ"
	"github.com/hashswitch/hashswitch/wasm/netdata"
)

// The parameters several calculators share. Their ranges are wide enough
// for any scenario a reader may try and narrow enough that every result is
// a finite number.
var (
	Price = Param{Name: "price", Label: "Bitcoin price", Unit: "USD per BTC", Range: Positive(1e9),
		Group: "Network", Example: "85000", From: func(s netdata.Snapshot) string { return ftoa(s.PriceUSD) }}
	Difficulty = Param{Name: "difficulty", Label: "Difficulty", Unit: "as Bitcoin Core reports it",
		Range: Positive(1e40), Alt: "hashrate", Hidden: true, Example: "149.3e12", Group: "Network",
		From: func(s netdata.Snapshot) string { return ftoa(s.Difficulty) }}
	Hashrate = Param{Name: "hashrate", Label: "Network hashrate", Unit: "EH/s", Range: Positive(1e12),
		Alt: "difficulty", Doc: "the difficulty that finds a block every 600 seconds at this rate", Example: "1068",
		Group: "Network", From: snapshotHashrateEHs}
	NetworkHeight = Param{Name: "height", Label: "Block height", Unit: "block", Type: Integer,
		Range: Range{Min: 0, Max: maxHeight}, Alt: "subsidy", Hidden: true, Doc: "the subsidy at this height",
		Example: "925000", From: func(s netdata.Snapshot) string { return itoa(s.Height) }}
	Subsidy = Param{Name: "subsidy", Label: "Block subsidy", Unit: "BTC per block", Range: NonNegative(50),
		Alt: "height", Group: "Network", Help: "3.125 since the April 2024 halving", Example: "3.125",
		From: func(s netdata.Snapshot) string { return ftoa(s.SubsidyBTC) }}
	Fees = Param{Name: "fees", Label: "Fees", Unit: "BTC per block", Range: NonNegative(1000), Default: "0",
		Group: "Network", Example: "0.02", From: func(s netdata.Snapshot) string { return ftoa(s.FeesBTC) }}
	HashpriceIn = Param{Name: "hashprice", Label: "Hashprice", Unit: "USD per PH/s per day",
		Range: Positive(1e9), Optional: true, Example: "36", Group: "Mining",
		Doc: "instead of the network inputs (price, difficulty or hashrate, height or subsidy, fees)"}
	Efficiency = Param{Name: "efficiency", Label: "Machine efficiency", Unit: "J per TH", Range: Positive(1e5),
		Default: "17.5", Group: "Miner", Help: "an Antminer S21 uses about 17.5"}
	PowerPrice = Param{Name: "power_price", Label: "Power price", Unit: "USD per kWh", Range: NonNegative(10),
		Default: "0.05", Group: "Miner"}
	PoolFee = Param{Name: "pool_fee", Label: "Pool fee", Unit: "%", Range: NonNegative(99.9), Default: "2", Group: "Miner"}
	Uptime  = Param{Name: "uptime", Label: "Uptime", Unit: "%", Range: Positive(100), Default: "97", Group: "Miner"}
)

// maxHeight is the largest block height Bitcoin Core can represent (int).
const maxHeight = math.MaxInt32

// networkParams are the inputs of hashprice: the network's state.
var networkParams = []Param{Price, Difficulty, Hashrate, NetworkHeight, Subsidy, Fees}

// difficulty reads the network's difficulty, or its hashrate as the
// difficulty that finds a block every target spacing at that rate. When
// neither is given, the error names first.
func (q *Query) difficulty(first Param) float64 {
	other := Hashrate
	if first.Name == Hashrate.Name {
		other = Difficulty
	}
	if q.Either(first, other).Name == Hashrate.Name {
		return econ.DifficultyFromHashrateEHs(q.Chain, q.Float(Hashrate))
	}
	return q.Float(Difficulty)
}

// network reads price, difficulty or hashrate, height or subsidy, and fees.
// height is -1 when not given.
func (q *Query) network() (n econ.Network, height int64) {
	n.Chain = q.Chain
	n.PriceUSD = q.Float(Price)
	n.Difficulty = q.difficulty(Difficulty)
	height = -1
	if q.Either(NetworkHeight, Subsidy).Name == NetworkHeight.Name {
		height = q.Int(NetworkHeight)
		n.SubsidyBTC = econ.SubsidyBTCAt(q.Chain, height)
	} else {
		n.SubsidyBTC = q.Float(Subsidy)
	}
	n.FeesBTC = q.Float(Fees)
	if q.err == nil && n.RewardBTC() == 0 {
		q.Fail(Errorf(Fees, "must be above 0 when the subsidy is 0: a block must pay something"))
	}
	return n, height
}

// revenue reads either hashprice (with an optional price) or the network
// inputs. price is 0 when unknown.
func (q *Query) revenue() (hashpriceUSD, price float64) {
	if q.Has(HashpriceIn) {
		for _, conflict := range []Param{Difficulty, Hashrate, NetworkHeight, Subsidy, Fees} {
			if q.Has(conflict) {
				q.Fail(Errorf(conflict, "give hashprice or the network inputs, not both"))
			}
		}
		hp := q.Float(HashpriceIn)
		if q.Has(Price) {
			price = q.Float(Price)
		}
		return hp, price
	}
	n, _ := q.network()
	return n.HashpriceUSDPerPHDay(), n.PriceUSD
}

// miner reads efficiency, power_price, pool_fee and uptime.
func (q *Query) miner() econ.Miner {
	return econ.Miner{
		Hardware: econ.Hardware{
			EfficiencyJPerTH: q.Float(Efficiency),
			PoolFeePct:       q.Float(PoolFee),
			UptimePct:        q.Float(Uptime),
		},
		PowerUSDPerKWh: q.Float(PowerPrice),
	}
}

// optional marks a parameter as not required, saying when it is needed.
func optional(p Param, doc string) Param {
	p.Optional, p.Alt = true, ""
	if doc != "" {
		p.Doc = doc
	}
	return p
}

// shown puts an API-only parameter on the calculator's form.
func shown(p Param) Param {
	p.Hidden = false
	return p
}

// hidden keeps a parameter off the calculator's form.
func hidden(p Param) Param {
	p.Hidden = true
	return p
}

// snapshotHashrateEHs is the hashrate the snapshot's difficulty implies,
// rounded to a whole EH/s as people quote it.
func snapshotHashrateEHs(s netdata.Snapshot) string {
	n := econ.Network{Chain: chain.MainNet, Difficulty: s.Difficulty}
	return ftoa(math.Round(n.HashrateEHs()))
}

func ftoa(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
func itoa(x int64) string   { return strconv.FormatInt(x, 10) }

// finiteOrNil is nil for an infinite or NaN x: JSON's null, "never".
func finiteOrNil(x float64) *float64 {
	if math.IsInf(x, 0) || math.IsNaN(x) {
		return nil
	}
	return &x
}
