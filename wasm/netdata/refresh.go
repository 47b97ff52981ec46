package netdata

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/hashswitch/hashswitch/wasm/chain"
)

// Getter fetches a URL's body; a status other than 200 is an error. The
// caller bounds each request's time.
type Getter func(ctx context.Context, url string) ([]byte, error)

// LiveSource is a refreshed snapshot's line for people.
const LiveSource = "live: mempool.space, the BTC-USD spot prices of Coinbase, Kraken and Bitstamp, and " + RatePublisher + "'s US dollar in dong"

// upstreams are the answers a refresh reads, each by its name.
var upstreams = []struct {
	name string
	url  func(Upstreams) string
}{
	{"blocks", func(u Upstreams) string { return u.Mempool + PathBlocks }},
	{"rewards", func(u Upstreams) string { return u.Mempool + PathRewardStats }},
	{"hashrate", func(u Upstreams) string { return u.Mempool + PathHashrate }},
	{"coinbase", func(u Upstreams) string { return u.Coinbase + PathCoinbase }},
	{"kraken", func(u Upstreams) string { return u.Kraken + PathKraken }},
	{"bitstamp", func(u Upstreams) string { return u.Bitstamp + PathBitstamp }},
	{"vietcombank", func(u Upstreams) string { return u.Vietcombank + PathVietcombank }},
}

// exchanges quote the price: the upstream and its parser.
var exchanges = []struct {
	name, upstream string
	parse          func([]byte) (float64, error)
}{
	{"Coinbase", "coinbase", ParseCoinbase},
	{"Kraken", "kraken", ParseKraken},
	{"Bitstamp", "bitstamp", ParseBitstamp},
}

// steps turn the answers into figures, in this order: fees and the
// hashrate are checked against the tip. When a step fails, its figures
// keep their last good values, marked stale; the rules are in rules.go.
var steps = []struct {
	figures []string
	apply   func(*run) error
}{
	{[]string{FigHeight, FigDifficulty}, (*run).tip},
	{[]string{FigFees}, (*run).fees},
	{[]string{FigHashrate}, (*run).hashrate},
	{[]string{FigPrice}, (*run).price},
	{[]string{FigUsdVnd}, (*run).rate},
}

// Refresh reads every upstream once and returns prev updated with what
// could be read and passed the rules; a figure that failed keeps prev's
// value and is marked stale, so one upstream down never blanks the rest.
// The result carries the Reference the next refresh checks against.
// problems says what failed, for the log.
func Refresh(ctx context.Context, get Getter, up Upstreams, prev Snapshot, now time.Time) (next Snapshot, problems []error) {
	r := &run{answers: fetch(ctx, get, up), anchor: Committed(), now: now}
	r.next, r.ref, r.problems = trusted(prev, r.anchor, now)
	for _, s := range steps {
		if err := s.apply(r); err != nil {
			r.problems = append(r.problems, fmt.Errorf("%s: %w", strings.Join(s.figures, ", "), err))
			for _, name := range s.figures {
				if f, ok := r.next.Figures[name]; ok {
					f.Stale = true
					r.next.Figures[name] = f
				}
			}
		}
	}
	next = r.next
	next.Stale = false
	for name, f := range next.Figures {
		next.Stale = next.Stale || f.Stale && Network(name)
	}
	next.Reference = &r.ref
	next.Fixture = false
	next.Time = now.Unix()
	next.AsOf = now.UTC().Format(time.DateOnly)
	next.Source = LiveSource
	return next, r.problems
}

// answer is one upstream's body or why there is none.
type answer struct {
	body []byte
	err  error
}

// fetch asks every upstream at once.
func fetch(ctx context.Context, get Getter, up Upstreams) map[string]answer {
	answers := map[string]answer{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, u := range upstreams {
		wg.Go(func() {
			body, err := get(ctx, u.url(up))
			mu.Lock()
			answers[u.name] = answer{body, err}
			mu.Unlock()
		})
	}
	wg.Wait()
	return answers
}

// run is one refresh under way.
type run struct {
	answers  map[string]answer
	anchor   Snapshot  // the committed snapshot
	ref      Reference // the last day's, updated as figures pass
	next     Snapshot
	now      time.Time
	problems []error
}

// parsed is upstream's answer read by parse, or why there is none.
func parsed[T any](r *run, upstream string, parse func([]byte) (T, error)) (T, error) {
	a := r.answers[upstream]
	if a.err != nil {
		var none T
		return none, a.err
	}
	return parse(a.body)
}

func (r *run) fresh(fig, source string) {
	r.next.Figures[fig] = Figure{Source: source, Time: r.now.Unix()}
}

// tip: height, bits and difficulty, which must agree with each other and
// with the clock.
func (r *run) tip() error {
	tip, err := parsed(r, "blocks", ParseBlocks)
	if err != nil {
		return err
	}
	if err := checkHeight(tip, r.ref.Tips, r.anchor, r.now); err != nil {
		return err
	}
	if err := checkBits(tip, r.ref.Tips, r.anchor); err != nil {
		return err
	}
	r.next.Height, r.next.TipTime, r.next.Difficulty = tip.Height, tip.Time, tip.Difficulty
	r.next.Bits = chain.FormatBits(tip.Bits)
	r.next.SubsidyBTC = subsidyBTC(tip.Height)
	r.ref.Tips = keepBounding(r.ref.Tips, TipMark{r.now.Unix(), tip.Height, tip.Time, tip.Bits}, tipKey, false)
	r.fresh(FigHeight, "mempool.space, the chain tip")
	r.fresh(FigDifficulty, "mempool.space, the tip's bits")
	return nil
}

// tipKey orders tips by the height the clock allows from them: the lower,
// the tighter.
func tipKey(m TipMark) float64 { return float64(m.Height*blockPace - m.Time) }

// fees: the mean of the last 144 blocks, Luxor's convention.
func (r *run) fees() error {
	stats, err := parsed(r, "rewards", ParseRewardStats)
	if err != nil {
		return err
	}
	if err := checkFees(stats.MeanFeesBTC, r.next.Height); err != nil {
		return err
	}
	r.next.FeesBTC = stats.MeanFeesBTC
	r.fresh(FigFees, fmt.Sprintf("mempool.space, mean of the last %d blocks", stats.Blocks))
	return nil
}

// hashrate: an estimate, which must be near what the difficulty implies.
func (r *run) hashrate() error {
	ehs, err := parsed(r, "hashrate", ParseHashrate)
	if err != nil {
		return err
	}
	if err := checkHashrate(ehs, r.next.Difficulty); err != nil {
		return err
	}
	r.next.HashrateEHs = ehs
	r.fresh(FigHashrate, "mempool.space, 3-day estimate")
	return nil
}

// price: the median of the exchanges that agree.
func (r *run) price() error {
	var quotes []quote
	for _, ex := range exchanges {
		usd, err := parsed(r, ex.upstream, ex.parse)
		if err == nil && !(usd >= minPriceUSD && usd <= maxPriceUSD) {
			err = fmt.Errorf("%g USD is absurd", usd)
		}
		if err != nil {
			r.problems = append(r.problems, fmt.Errorf("price: %s: %w", ex.name, err))
			continue
		}
		quotes = append(quotes, quote{ex.name, usd})
	}
	agreed := agreeing(quotes)
	if len(agreed) < minExchanges {
		return fmt.Errorf("%d of %d exchanges agree within %g%% of their median, %d needed", len(agreed), len(exchanges), 100*priceBand, minExchanges)
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
	r.ref.Prices = keepBounding(r.ref.Prices, Mark{r.now.Unix(), usd}, markValue, true)
	r.fresh(FigPrice, "median of "+strings.Join(names, ", "))
	return nil
}

func markValue(m Mark) float64 { return m.Value }

// rate: the dollar in dong, as the bank dated it.
func (r *run) rate() error {
	rate, err := parsed(r, "vietcombank", ParseVietcombank)
	if err != nil {
		return err
	}
	var lastAt int64
	if r.next.UsdVnd > 0 {
		lastAt = r.next.Figures[FigUsdVnd].Time
	}
	if err := checkRate(rate, lastAt, r.ref.Rates, r.now); err != nil {
		return err
	}
	r.next.UsdVnd = rate.VNDPerUSD
	r.ref.Rates = keepBounding(r.ref.Rates, Mark{r.now.Unix(), rate.VNDPerUSD}, markValue, true)
	r.next.Figures[FigUsdVnd] = Figure{Source: RatePublisher + ", the US dollar's selling rate", Time: rate.At.Unix()}
	return nil
}

func subsidyBTC(height int64) float64 {
	return float64(chain.MainNet.SubsidySat(height)) / chain.Coin
}
