package netdata

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/hashswitch/hashswitch/wasm/chain"
)

// Getter fetches a URL's body; a status other than 200 is an error. The
// caller bounds each request's time.
type Getter func(ctx context.Context, url string) ([]byte, error)

// Sanity bounds. A figure outside them is refused and the last good one
// kept, marked stale.
const (
	minPriceUSD = 100
	maxPriceUSD = 10_000_000
	// A recent price may not move more than this factor between refreshes.
	maxPriceMove = 2.0
	// Difficulty moves at most 4x per retarget (Bitcoin's own clamp).
	maxDifficultyMove = 4.0
	maxFeesBTC        = 50 // a mean above this per block is a bad answer
	// The dong moves a few percent a year; a quarter between refreshes is
	// a bad answer.
	maxRateMove = 1.25
	recent      = 7 * 24 * time.Hour
)

// LiveSource is a refreshed snapshot's line for people.
const LiveSource = "live: mempool.space, the BTC-USD spot prices of Coinbase, Kraken and Bitstamp, and " + RatePublisher + "'s US dollar in dong"

// Refresh reads every upstream once and returns prev updated with what
// could be read and passed the sanity rules; a figure that failed keeps
// prev's value and is marked stale, so one upstream down never blanks the
// rest. problems says what failed, for the log.
func Refresh(ctx context.Context, get Getter, up Upstreams, prev Snapshot, now time.Time) (next Snapshot, problems []error) {
	type result struct {
		body []byte
		err  error
	}
	urls := map[string]string{
		"blocks":   up.Mempool + PathBlocks,
		"rewards":  up.Mempool + PathRewardStats,
		"hashrate": up.Mempool + PathHashrate,
		"coinbase": up.Coinbase + PathCoinbase,
		"kraken":   up.Kraken + PathKraken,
		"bitstamp": up.Bitstamp + PathBitstamp,
		"vcb":      up.Vietcombank + PathVietcombank,
	}
	results := map[string]result{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	for name, u := range urls {
		wg.Add(1)
		go func() {
			defer wg.Done()
			body, err := get(ctx, u)
			mu.Lock()
			results[name] = result{body, err}
			mu.Unlock()
		}()
	}
	wg.Wait()

	next = prev
	next.Figures = map[string]Figure{}
	for k, v := range prev.Figures {
		next.Figures[k] = v
	}
	next.Fixture = false
	fail := func(fig string, err error) {
		problems = append(problems, fmt.Errorf("%s: %w", fig, err))
		if f, ok := next.Figures[fig]; ok {
			f.Stale = true
			next.Figures[fig] = f
		}
	}
	fresh := func(fig, source string) {
		next.Figures[fig] = Figure{Source: source, Time: now.Unix()}
	}
	body := func(name string) ([]byte, error) {
		r := results[name]
		return r.body, r.err
	}

	// The tip: height, bits and difficulty, which must agree.
	if b, err := body("blocks"); err != nil {
		fail(FigHeight, err)
		fail(FigDifficulty, err)
	} else if tip, err := ParseBlocks(b); err != nil {
		fail(FigHeight, err)
		fail(FigDifficulty, err)
	} else if err := checkTip(tip, prev); err != nil {
		fail(FigHeight, err)
		fail(FigDifficulty, err)
	} else {
		next.Height, next.TipTime, next.Difficulty = tip.Height, tip.Time, tip.Difficulty
		next.Bits = chain.FormatBits(tip.Bits)
		next.SubsidyBTC = float64(chain.MainNet.SubsidySat(tip.Height)) / chain.Coin
		fresh(FigHeight, "mempool.space, the chain tip")
		fresh(FigDifficulty, "mempool.space, the tip's bits")
	}

	// Fees: the mean of the last 144 blocks, Luxor's convention.
	if b, err := body("rewards"); err != nil {
		fail(FigFees, err)
	} else if fees, n, err := ParseRewardStats(b); err != nil {
		fail(FigFees, err)
	} else if fees > maxFeesBTC {
		fail(FigFees, fmt.Errorf("%.4g BTC per block is absurd", fees))
	} else {
		next.FeesBTC = fees
		fresh(FigFees, fmt.Sprintf("mempool.space, mean of the last %d blocks", n))
	}

	// Hashrate: an estimate, which must be near what the difficulty implies.
	implied := next.Difficulty * (1 << 32) / float64(chain.MainNet.TargetSpacingSec) / 1e18
	if b, err := body("hashrate"); err != nil {
		fail(FigHashrate, err)
	} else if ehs, err := ParseHashrate(b); err != nil {
		fail(FigHashrate, err)
	} else if !(ehs > implied/maxDifficultyMove && ehs < implied*maxDifficultyMove) {
		fail(FigHashrate, fmt.Errorf("%.4g EH/s is far from the %.4g the difficulty implies", ehs, implied))
	} else {
		next.HashrateEHs = ehs
		fresh(FigHashrate, "mempool.space, 3-day estimate")
	}

	// Price: the median of the exchanges that answered sensibly.
	var prices []float64
	var names []string
	for _, ex := range []struct {
		name  string
		parse func([]byte) (float64, error)
	}{{"coinbase", ParseCoinbase}, {"kraken", ParseKraken}, {"bitstamp", ParseBitstamp}} {
		b, err := body(ex.name)
		if err == nil {
			var p float64
			if p, err = ex.parse(b); err == nil {
				if err = checkPrice(p, prev, now); err == nil {
					prices = append(prices, p)
					names = append(names, strings.ToUpper(ex.name[:1])+ex.name[1:])
					continue
				}
			}
		}
		problems = append(problems, fmt.Errorf("price: %s: %w", ex.name, err))
	}
	if len(prices) == 0 {
		fail(FigPrice, fmt.Errorf("no exchange answered with a sane price"))
	} else {
		next.PriceUSD = median(prices)
		fresh(FigPrice, "median of "+strings.Join(names, ", "))
	}

	// The dollar in dong, as the bank dated it.
	if b, err := body("vcb"); err != nil {
		fail(FigUsdVnd, err)
	} else if r, err := ParseVietcombank(b); err != nil {
		fail(FigUsdVnd, err)
	} else if err := checkRate(r, prev, now); err != nil {
		fail(FigUsdVnd, err)
	} else {
		next.UsdVnd = r.VNDPerUSD
		next.Figures[FigUsdVnd] = Figure{Source: RatePublisher + ", the US dollar's selling rate", Time: r.At.Unix()}
	}

	next.Stale = false
	for name, f := range next.Figures {
		next.Stale = next.Stale || f.Stale && Network(name)
	}
	next.Time = now.Unix()
	next.AsOf = now.UTC().Format(time.DateOnly)
	next.Source = LiveSource
	return next, problems
}

// checkTip refuses a tip whose bits and difficulty disagree, whose height
// goes backwards, or whose difficulty moved more than a retarget allows.
func checkTip(tip Tip, prev Snapshot) error {
	d := chain.Difficulty(tip.Bits)
	switch {
	case tip.Height < 0 || tip.Height > math.MaxInt32:
		return fmt.Errorf("height %d", tip.Height)
	case tip.Height < prev.Height:
		return fmt.Errorf("height %d goes back from %d", tip.Height, prev.Height)
	case !(d > 0) || math.Abs(d-tip.Difficulty) > 1e-6*d:
		return fmt.Errorf("difficulty %g does not match bits %08x (%g)", tip.Difficulty, tip.Bits, d)
	case prev.Difficulty > 0 && !(d >= prev.Difficulty/maxDifficultyMove && d <= prev.Difficulty*maxDifficultyMove):
		return fmt.Errorf("difficulty %.4g is outside a quarter to four times the last, %.4g", d, prev.Difficulty)
	}
	return nil
}

// checkPrice refuses a zero or absurd price, or one that moved more than
// maxPriceMove from a recent last price.
func checkPrice(p float64, prev Snapshot, now time.Time) error {
	if !(p >= minPriceUSD && p <= maxPriceUSD) {
		return fmt.Errorf("%g USD is absurd", p)
	}
	last := prev.Figures[FigPrice]
	if prev.PriceUSD > 0 && now.Sub(time.Unix(last.Time, 0)) < recent &&
		(p > prev.PriceUSD*maxPriceMove || p < prev.PriceUSD/maxPriceMove) {
		return fmt.Errorf("%g USD is too far from the last price, %g", p, prev.PriceUSD)
	}
	return nil
}

// checkRate refuses a rate outside the bounds, one dated ahead of now or
// before the last one, or one that moved more than maxRateMove from it.
func checkRate(r Rate, prev Snapshot, now time.Time) error {
	last := prev.Figures[FigUsdVnd]
	switch {
	case !(r.VNDPerUSD >= MinVNDPerUSD && r.VNDPerUSD <= MaxVNDPerUSD):
		return fmt.Errorf("%g dong per dollar is absurd", r.VNDPerUSD)
	case r.At.After(now.Add(time.Hour)):
		return fmt.Errorf("dated %v, ahead of now", r.At)
	case prev.UsdVnd > 0 && r.At.Unix() < last.Time:
		return fmt.Errorf("dated %v, before the last rate's %v", r.At, time.Unix(last.Time, 0).UTC())
	case prev.UsdVnd > 0 && (r.VNDPerUSD > prev.UsdVnd*maxRateMove || r.VNDPerUSD < prev.UsdVnd/maxRateMove):
		return fmt.Errorf("%g dong per dollar is too far from the last rate, %g", r.VNDPerUSD, prev.UsdVnd)
	}
	return nil
}

func median(xs []float64) float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}
