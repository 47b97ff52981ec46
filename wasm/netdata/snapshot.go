// Package netdata is the network figures the calculators start from: a
// snapshot of the chain tip, its difficulty, the fees blocks pay and the
// bitcoin price, each with its time and source, and the dated snapshots
// committed with the code (snapshots/*.json, which ?asof= pins). It is the
// model the page, the API and the build read; refreshing it from the
// public upstreams is package refresh's work, at the edge and natively.
//
// The package is in the page's WebAssembly: it must never import
// syscall/js, net/http, encoding/json, encoding/xml or fmt (the upstreams'
// parsers, which need them, live in refresh).
package netdata

import (
	"embed"
	"path"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/hashswitch/hashswitch/wasm/chain"
	"github.com/hashswitch/hashswitch/wasm/internal/tinyjson"
)

// The figures of a snapshot, as Figures keys them.
const (
	FigHeight     = "height"
	FigDifficulty = "difficulty"
	FigHashrate   = "hashrate"
	FigFees       = "fees"
	FigPrice      = "price"
	// The US dollar in dong: no network figure, but what a Vietnamese
	// reader's amounts are shown in. Its failure leaves the snapshot's
	// Stale alone, which speaks for the network figures.
	FigUsdVnd = "usd_vnd"
)

// Network says figure name is one of the network's, which the snapshot's
// Stale speaks for: all but the dollar in dong.
func Network(name string) bool { return name != FigUsdVnd }

// The dollar in dong comes from one bank's published selling rate, and
// any rate outside these bounds is refused, wherever it comes from.
const (
	RatePublisher = "Vietcombank"
	MinVNDPerUSD  = 1_000
	MaxVNDPerUSD  = 1_000_000
)

// Vietnam is Vietcombank's clock, and the day a rate in dong is of:
// Indochina Time, UTC+7, which has no daylight saving.
var Vietnam = time.FixedZone("ICT", 7*60*60)

// LiveSource is a refreshed snapshot's line for people.
const LiveSource = "live: mempool.space, the BTC-USD spot prices of Coinbase, Kraken and Bitstamp, and " + RatePublisher + "'s US dollar in dong"

// Figure says where one number of a snapshot comes from.
type Figure struct {
	Source string `json:"source"`
	Time   int64  `json:"time"` // unix seconds when it was observed
	// Stale: the last refresh failed or was refused, and this is the last
	// good value.
	Stale bool `json:"stale,omitempty"`
}

// Snapshot is the state of the network at one moment, as a reader's
// calculator starts from it.
type Snapshot struct {
	AsOf        string            `json:"as_of"`  // the date of Time, YYYY-MM-DD
	Time        int64             `json:"time"`   // unix seconds: when it was assembled
	Source      string            `json:"source"` // one line for people
	Height      int64             `json:"height"` // the chain tip
	TipTime     int64             `json:"tip_time"`
	Bits        string            `json:"bits,omitempty"` // the tip's compact target, when known
	Difficulty  float64           `json:"difficulty"`
	HashrateEHs float64           `json:"network_hashrate_ehs"` // estimated
	SubsidyBTC  float64           `json:"subsidy_btc"`
	FeesBTC     float64           `json:"fees_btc"` // mean per block over the last 144 blocks
	PriceUSD    float64           `json:"price_usd"`
	UsdVnd      float64           `json:"usd_vnd,omitempty"` // dong per US dollar, RatePublisher's selling rate; 0: unknown
	Figures     map[string]Figure `json:"figures"`
	Stale       bool              `json:"stale"` // some network figure (not usd_vnd) could not be refreshed
	// Estimated: the height was moved on by the clock (EstimatedAt).
	Estimated bool `json:"estimated,omitempty"`
	// Reference: what the refreshes of the last day accepted, which the
	// next checks against (refresh's rules); kept with a live snapshot,
	// never shown.
	Reference *Reference `json:"reference,omitempty"`
	// Fixture marks test data that follows the upstreams' documented shapes
	// but describes no real moment.
	Fixture bool `json:"fixture,omitempty"`
}

// Refreshed says some network figure is fresh: not every upstream failed
// (the dollar in dong alone is no live network).
func (s Snapshot) Refreshed() bool {
	for name, f := range s.Figures {
		if !f.Stale && Network(name) {
			return true
		}
	}
	return false
}

// Age returns how old figure name is at now, in whole seconds.
func (s Snapshot) Age(name string, now time.Time) int64 {
	return max(0, now.Unix()-s.Figures[name].Time)
}

//go:embed snapshots/*.json
var snapshotFiles embed.FS

// dated holds the committed snapshots by AsOf, read on first use (not at
// the page's start).
var dated = sync.OnceValue(func() map[string]Snapshot {
	out := map[string]Snapshot{}
	files, _ := snapshotFiles.ReadDir("snapshots")
	for _, f := range files {
		data, err := snapshotFiles.ReadFile(path.Join("snapshots", f.Name()))
		if err != nil {
			panic(err)
		}
		var s Snapshot
		if err := tinyjson.Unmarshal(data, &s); err != nil {
			panic("netdata: snapshots/" + f.Name() + ": " + err.Error())
		}
		if s.AsOf+".json" != f.Name() {
			panic("netdata: snapshots/" + f.Name() + " says it is of " + s.AsOf)
		}
		out[s.AsOf] = s
	}
	return out
})

// Dates lists the committed snapshots' dates, oldest first.
func Dates() []string {
	var ds []string
	for d := range dated() {
		ds = append(ds, d)
	}
	sort.Strings(ds)
	return ds
}

// Dated returns the committed snapshot of date (YYYY-MM-DD).
func Dated(date string) (Snapshot, bool) {
	s, ok := dated()[strings.TrimSpace(date)]
	return s, ok
}

// Committed returns the newest committed snapshot: what a build uses when
// it fetches nothing.
func Committed() Snapshot {
	ds := Dates()
	return dated()[ds[len(ds)-1]]
}

// EstimatedAt returns the snapshot moved to now when its tip is older
// than a block: the height grows by the blocks mainnet's target spacing
// would have found since, and the tip's time becomes now, so a halving
// countdown from an old snapshot agrees with itself (blocks to go and time
// left). The height figure says it is an estimate. Every other figure is
// left as it was.
func (s Snapshot) EstimatedAt(now time.Time) Snapshot {
	spacing := chain.MainNet.TargetSpacingSec
	elapsed := now.Unix() - s.TipTime
	if s.TipTime == 0 || elapsed < spacing {
		return s
	}
	s.Height += elapsed / spacing
	s.TipTime = now.Unix()
	figs := make(map[string]Figure, len(s.Figures))
	for k, v := range s.Figures {
		figs[k] = v
	}
	h := figs[FigHeight]
	h.Source = "estimated: block " + strconv.FormatInt(s.Height-elapsed/spacing, 10) + " of " + s.AsOf + " plus one block per " + strconv.FormatInt(spacing/60, 10) + " minutes since"
	h.Time = now.Unix()
	figs[FigHeight] = h
	s.Figures = figs
	s.Estimated = true
	return s
}

// Reference is what the refreshes of the last day accepted, kept with the
// snapshot (in KV at the edge) so that the next is checked against a day
// of answers, not only the last one. Only the marks that can still bound
// something are kept.
type Reference struct {
	Tips   []TipMark `json:"tips,omitempty"`
	Prices []Mark    `json:"prices,omitempty"`
	Rates  []Mark    `json:"usd_vnd,omitempty"`
}

// Mark is a value accepted at a time (unix seconds).
type Mark struct {
	Time  int64   `json:"t"`
	Value float64 `json:"v"`
}

// TipMark is a tip accepted at a time (unix seconds).
type TipMark struct {
	Time    int64  `json:"t"`
	Height  int64  `json:"height"`
	TipTime int64  `json:"tip_time"`
	Bits    uint32 `json:"bits"`
}
