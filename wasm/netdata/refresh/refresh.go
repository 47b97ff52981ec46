// Package refresh brings a network snapshot (package netdata) up to date
// from the public upstreams: mempool.space, the BTC-USD spot prices of
// three exchanges, and Vietcombank for the dollar in dong. Each upstream
// is a row of one table (upstreams, below): its name, its URL, the parser
// of its documented answer (upstream.go), the rules its value must pass
// (rules.go), and what it sets. A figure whose upstream failed, or whose
// value the rules refused, keeps its last good value, marked stale.
//
// It runs at the edge (the Cron Trigger, into Workers KV through a Store)
// and natively (build/live, for the dev server and the build); the page
// never imports it. It is pure Go: it must never import syscall/js or
// net/http. Whoever refreshes passes a Getter: net/http natively, the
// Workers fetch at the edge, a fake upstream on loopback in tests.
package refresh

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/hashswitch/hashswitch/wasm/chain"
	"github.com/hashswitch/hashswitch/wasm/netdata"
)

// Getter fetches a URL's body; a status other than 200 is an error. The
// caller bounds each request's time.
type Getter func(ctx context.Context, url string) ([]byte, error)

// upstream is one answer a refresh reads: its name, its URL, and take,
// which parses its body, checks the value against the rules and keeps it
// in figures. When either fails, figures keep their last good values,
// marked stale.
type upstream struct {
	name    string
	url     func(Upstreams) string
	take    func(r *run, body []byte) error
	figures []string
	quotes  bool // one exchange of those whose median is the price
}

// what names the upstream's figures in the log.
func (u upstream) what() string {
	if u.quotes {
		return netdata.FigPrice + ": " + u.name
	}
	return strings.Join(u.figures, ", ")
}

// upstreams are what a refresh reads, in the order their values are
// taken: fees and the hashrate are checked against the tip taken before
// them, and the exchanges come last, the price being their median.
var upstreams = []upstream{
	row("blocks", mempool(PathBlocks), ParseBlocks, (*run).tipRules, (*run).setTip, netdata.FigHeight, netdata.FigDifficulty),
	row("reward stats", mempool(PathRewardStats), ParseRewardStats, (*run).feeRules, (*run).setFees, netdata.FigFees),
	row("hashrate", mempool(PathHashrate), ParseHashrate, (*run).hashrateRules, (*run).setHashrate, netdata.FigHashrate),
	row("Vietcombank", func(u Upstreams) string { return u.Vietcombank + PathVietcombank }, ParseVietcombank, (*run).rateRules, (*run).setRate, netdata.FigUsdVnd),
	exchange("Coinbase", func(u Upstreams) string { return u.Coinbase + PathCoinbase }, ParseCoinbase),
	exchange("Kraken", func(u Upstreams) string { return u.Kraken + PathKraken }, ParseKraken),
	exchange("Bitstamp", func(u Upstreams) string { return u.Bitstamp + PathBitstamp }, ParseBitstamp),
}

// row is an upstream whose answer parse reads, whose value rules check,
// and which set writes into figures.
func row[T any](name string, url func(Upstreams) string, parse func([]byte) (T, error), rules func(*run, T) error, set func(*run, T), figures ...string) upstream {
	take := func(r *run, body []byte) error {
		v, err := parse(body)
		if err == nil {
			err = rules(r, v)
		}
		if err == nil {
			set(r, v)
		}
		return err
	}
	return upstream{name: name, url: url, take: take, figures: figures}
}

// exchange is an upstream that quotes the price. Its quote joins the
// others for their median (run.price); its failure alone marks nothing
// stale.
func exchange(name string, url func(Upstreams) string, parse func([]byte) (float64, error)) upstream {
	u := row(name, url, parse, (*run).quoteRules, func(r *run, usd float64) { r.quotes = append(r.quotes, quote{name, usd}) })
	u.quotes = true
	return u
}

func mempool(path string) func(Upstreams) string {
	return func(u Upstreams) string { return u.Mempool + path }
}

// Snapshot reads every upstream once and returns prev updated with what
// could be read and passed the rules; a figure that failed keeps prev's
// value and is marked stale, so one upstream down never blanks the rest.
// The result carries the Reference the next refresh checks against.
// problems says what failed, for the log.
func Snapshot(ctx context.Context, get Getter, up Upstreams, prev netdata.Snapshot, now time.Time) (next netdata.Snapshot, problems []error) {
	answers := fetch(ctx, get, up)
	r := &run{anchor: netdata.Committed(), now: now}
	r.next, r.ref, r.problems = trusted(prev, r.anchor, now)
	for i, u := range upstreams {
		err := answers[i].err
		if err == nil {
			err = u.take(r, answers[i].body)
		}
		if err != nil {
			r.fail(u.what(), u.figures, err)
		}
	}
	if err := r.price(); err != nil {
		r.fail(netdata.FigPrice, []string{netdata.FigPrice}, err)
	}
	next = r.next
	next.Stale = false
	for name, f := range next.Figures {
		next.Stale = next.Stale || f.Stale && netdata.Network(name)
	}
	next.Reference = &r.ref
	next.Fixture = false
	next.Time = now.Unix()
	next.AsOf = now.UTC().Format(time.DateOnly)
	next.Source = netdata.LiveSource
	return next, r.problems
}

// answer is one upstream's body or why there is none.
type answer struct {
	body []byte
	err  error
}

// fetch asks every upstream at once; the answers are in upstreams' order.
func fetch(ctx context.Context, get Getter, up Upstreams) []answer {
	answers := make([]answer, len(upstreams))
	var wg sync.WaitGroup
	for i, u := range upstreams {
		wg.Go(func() {
			body, err := get(ctx, u.url(up))
			answers[i] = answer{body, err}
		})
	}
	wg.Wait()
	return answers
}

// run is one refresh under way.
type run struct {
	anchor   netdata.Snapshot  // the committed snapshot
	ref      netdata.Reference // the last day's, updated as figures pass
	next     netdata.Snapshot
	quotes   []quote // the exchanges' prices that passed their rule
	now      time.Time
	problems []error
}

// fail logs err as what's and marks figures stale.
func (r *run) fail(what string, figures []string, err error) {
	r.problems = append(r.problems, fmt.Errorf("%s: %w", what, err))
	for _, name := range figures {
		if f, ok := r.next.Figures[name]; ok {
			f.Stale = true
			r.next.Figures[name] = f
		}
	}
}

func (r *run) fresh(fig, source string) {
	r.next.Figures[fig] = netdata.Figure{Source: source, Time: r.now.Unix()}
}

// tipRules: height, bits and difficulty agree with each other and with
// the clock.
func (r *run) tipRules(tip Tip) error {
	if err := checkHeight(tip, r.ref.Tips, r.anchor, r.now); err != nil {
		return err
	}
	return checkBits(tip, r.ref.Tips, r.anchor)
}

func (r *run) setTip(tip Tip) {
	r.next.Height, r.next.TipTime, r.next.Difficulty = tip.Height, tip.Time, tip.Difficulty
	r.next.Bits = chain.FormatBits(tip.Bits)
	r.next.SubsidyBTC = subsidyBTC(tip.Height)
	r.ref.Tips = keepBounding(r.ref.Tips, netdata.TipMark{Time: r.now.Unix(), Height: tip.Height, TipTime: tip.Time, Bits: tip.Bits}, tipKey, false)
	r.fresh(netdata.FigHeight, "mempool.space, the chain tip")
	r.fresh(netdata.FigDifficulty, "mempool.space, the tip's bits")
}

// tipKey orders tips by the height the clock allows from them: the lower,
// the tighter.
func tipKey(m netdata.TipMark) float64 { return float64(m.Height*blockPace - m.Time) }

// feeRules: the mean of the last 144 blocks (Luxor's convention) against
// the subsidy at the tip's height.
func (r *run) feeRules(stats RewardStats) error { return checkFees(stats.MeanFeesBTC, r.next.Height) }

func (r *run) setFees(stats RewardStats) {
	r.next.FeesBTC = stats.MeanFeesBTC
	r.fresh(netdata.FigFees, fmt.Sprintf("mempool.space, mean of the last %d blocks", stats.Blocks))
}

// hashrateRules: an estimate, which must be near what the difficulty
// implies.
func (r *run) hashrateRules(ehs float64) error { return checkHashrate(ehs, r.next.Difficulty) }

func (r *run) setHashrate(ehs float64) {
	r.next.HashrateEHs = ehs
	r.fresh(netdata.FigHashrate, "mempool.space, 3-day estimate")
}

// rateRules: the dollar in dong, as the bank dated it, against the last
// rate and the day's.
func (r *run) rateRules(rate Rate) error {
	var lastAt int64
	if r.next.UsdVnd > 0 {
		lastAt = r.next.Figures[netdata.FigUsdVnd].Time
	}
	return checkRate(rate, lastAt, r.ref.Rates, r.now)
}

func (r *run) setRate(rate Rate) {
	r.next.UsdVnd = rate.VNDPerUSD
	r.ref.Rates = keepBounding(r.ref.Rates, netdata.Mark{Time: r.now.Unix(), Value: rate.VNDPerUSD}, markValue, true)
	r.next.Figures[netdata.FigUsdVnd] = netdata.Figure{Source: netdata.RatePublisher + ", the US dollar's selling rate", Time: rate.At.Unix()}
}

// quoteRules: one exchange's price, before the others are weighed.
func (r *run) quoteRules(usd float64) error {
	if !(usd >= minPriceUSD && usd <= maxPriceUSD) {
		return fmt.Errorf("%g USD is absurd", usd)
	}
	return nil
}

// price: the median of the exchanges that agree, within a day's move.
func (r *run) price() error {
	exchanges := 0
	for _, u := range upstreams {
		if u.quotes {
			exchanges++
		}
	}
	agreed := agreeing(r.quotes)
	if len(agreed) < minExchanges {
		return fmt.Errorf("%d of %d exchanges agree within %g%% of their median, %d needed", len(agreed), exchanges, 100*priceBand, minExchanges)
	}
	usd := medianQuote(agreed)
	if err := withinFactor(usd, r.ref.Prices, maxPriceMove, "the median"); err != nil {
		return err
	}
	var names []string
	for _, q := range agreed {
		names = append(names, q.exchange)
	}
	r.next.PriceUSD = usd
	r.ref.Prices = keepBounding(r.ref.Prices, netdata.Mark{Time: r.now.Unix(), Value: usd}, markValue, true)
	r.fresh(netdata.FigPrice, "median of "+strings.Join(names, ", "))
	return nil
}

func markValue(m netdata.Mark) float64 { return m.Value }

func subsidyBTC(height int64) float64 {
	return float64(chain.MainNet.SubsidySat(height)) / chain.Coin
}
