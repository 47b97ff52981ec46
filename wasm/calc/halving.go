package calc

import (
	"math"
	"strconv"
	"time"

	"github.com/hashswitch/hashswitch/wasm/chain"
	"github.com/hashswitch/hashswitch/wasm/netdata"
)

// The halving calculator's parameters.
var (
	BlockHeight = Param{Name: "height", Label: "Block height", Unit: "block", Type: Integer,
		Range: Range{Min: 0, Max: maxHeight}, Example: "925000",
		From: func(s netdata.Snapshot) string { return itoa(s.Height) }}
	BlockTime = Param{Name: "time", Label: "That block's time", Unit: "UTC date, or unix seconds", Type: Text,
		Optional: true, Example: "2025-11-25T00:00:00Z",
		Pattern: `^([0-9]{1,10}|[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2}))?)$`,
		Doc:     "unix seconds or an RFC 3339 date such as 2025-11-25T00:00:00Z (or 2025-11-25); gives eta_unix",
		From:    func(s netdata.Snapshot) string { return time.Unix(s.TipTime, 0).UTC().Format(time.RFC3339) }}
	BlockInterval = Param{Name: "block_time", Label: "Mean time between blocks", Unit: "seconds",
		Range: Positive(86_400), Default: itoa(chain.MainNet.TargetSpacingSec), Help: "600 is the target; recent months ran a little faster"}
)

// HalvingResult is where a height stands in the halving schedule.
type HalvingResult struct {
	ETAUnix           *int64  `json:"eta_unix,omitempty" label:"Next halving, estimated" unit:"unix seconds" doc:"when time is given" show:"date,lead,countdown"`
	ETA               string  `json:"eta,omitempty" label:"Next halving, estimated" unit:"RFC 3339, UTC" doc:"when time is given"`
	Height            int64   `json:"height" label:"Block height" unit:"block"`
	Epoch             int64   `json:"epoch" label:"Halvings so far" doc:"height / 210,000, rounded down"`
	NextHalvingHeight int64   `json:"next_halving_height" label:"At block" unit:"block" show:"integer,lead"`
	BlocksRemaining   int64   `json:"blocks_remaining" label:"Blocks to go" unit:"blocks" show:"integer,lead"`
	SubsidySat        int64   `json:"subsidy_sat" label:"Subsidy now" unit:"sat per block"`
	SubsidyBTC        float64 `json:"subsidy_btc" label:"Subsidy now" unit:"BTC per block" show:"btc"`
	NextSubsidySat    int64   `json:"next_subsidy_sat" label:"Subsidy after" unit:"sat per block"`
	NextSubsidyBTC    float64 `json:"next_subsidy_btc" label:"Subsidy after" unit:"BTC per block" show:"btc"`
	SupplySat         int64   `json:"supply_sat" label:"Issued so far" unit:"sat" doc:"the subsidies of blocks 0 to height"`
	SupplyBTC         float64 `json:"supply_btc" label:"Issued so far" unit:"BTC" doc:"supply_sat in BTC" show:"btc"`
	MaxSupplySat      int64   `json:"max_supply_sat" label:"All bitcoin ever issued" unit:"sat"`
	SupplyPct         float64 `json:"supply_pct" label:"Share of all bitcoin already issued" unit:"%" show:"pct"`
	BlockTimeSec      float64 `json:"block_time" label:"Mean time between blocks" unit:"seconds"`
	Time              *int64  `json:"time,omitempty" label:"That block's time" unit:"unix seconds"`
}

// Halving answers /api/v1/halving.
var Halving = register(&Def[HalvingResult]{
	Meta: Meta{
		Name: "halving", Order: 30, Widget: "halving", Title: "Halving countdown",
		Summary:  "When the next halving comes, what the subsidy falls to, and how much of all bitcoin is already issued.",
		Params:   []Param{BlockHeight, BlockTime, BlockInterval},
		Examples: []string{"height=840000", "height=925000&time=2025-11-25T00:00:00Z&block_time=600"},
	},
	Run: func(q *Query) (HalvingResult, error) {
		height := q.Int(BlockHeight)
		blockTime := q.Float(BlockInterval)
		var t int64
		if q.Has(BlockTime) {
			t = q.unixTime(BlockTime)
		}
		if q.err != nil {
			return HalvingResult{}, q.err
		}
		c := q.Chain
		next := c.NextHalvingHeight(height)
		r := HalvingResult{
			Height:            height,
			Epoch:             c.Epoch(height),
			SubsidySat:        c.SubsidySat(height),
			SubsidyBTC:        float64(c.SubsidySat(height)) / chain.Coin,
			NextHalvingHeight: next,
			BlocksRemaining:   c.BlocksUntilHalving(height),
			NextSubsidySat:    c.SubsidySat(next),
			NextSubsidyBTC:    float64(c.SubsidySat(next)) / chain.Coin,
			SupplySat:         c.SupplySat(height),
			MaxSupplySat:      c.MaxSupplySat(),
			BlockTimeSec:      blockTime,
		}
		r.SupplyPct = 100 * float64(r.SupplySat) / float64(r.MaxSupplySat)
		r.SupplyBTC = float64(r.SupplySat) / chain.Coin
		if q.Has(BlockTime) {
			eta := c.HalvingETA(height, t, blockTime)
			r.Time, r.ETAUnix = &t, &eta
			r.ETA = time.Unix(eta, 0).UTC().Format(time.RFC3339)
		}
		return r, nil
	},
	Chart: func(s Scenario[HalvingResult]) *Plot {
		var xs, ys []float64
		for _, e := range s.Query.Chain.Epochs(9) {
			xs, ys = append(xs, float64(e.FirstHeight)), append(ys, float64(e.SubsidySat)/chain.Coin)
		}
		h := float64(s.Result.Height)
		return &Plot{
			ID: "halving-chart", Title: "Block subsidy by height: halved every 210,000 blocks",
			X: Axis{Label: "Block height"}, Y: Axis{Unit: "BTC per block"},
			Series: []Series{{Name: "Subsidy", X: xs, Y: ys}}, Steps: true,
			Marker: &Marker{X: h, Y: s.Result.SubsidyBTC, Word: "block", OfX: true},
		}
	},
})

// unixTime reads a block time as unix seconds or as an RFC 3339 date
// ("2025-11-25T00:00:00Z", or just "2025-11-25"), within what a block
// header's 32-bit time can hold.
func (q *Query) unixTime(p Param) int64 {
	raw := q.Str(p)
	for _, layout := range []string{time.RFC3339, time.DateOnly} {
		if d, err := time.Parse(layout, raw); err == nil {
			if u := d.Unix(); u >= 0 && u <= math.MaxUint32 {
				return u
			}
		}
	}
	u, err := strconv.ParseInt(raw, 10, 64)
	if err != nil {
		q.Fail(Errorf(p, "must be unix seconds or a date such as 2025-11-25T00:00:00Z, got %s", quote(raw)))
		return 0
	}
	if p.Range = (Range{Min: 0, Max: math.MaxUint32}); u < 0 || u > math.MaxUint32 {
		q.Fail(p.notAWholeNumber(raw))
	}
	return u
}
