package refresh

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/hashswitch/hashswitch/wasm/chain"
	"github.com/hashswitch/hashswitch/wasm/netdata"
)

// The rules a refreshed figure must pass. A figure that fails keeps its
// last good value, marked stale; the others are refreshed all the same.
//
// What the rules check against. The anchor is the committed snapshot
// (Committed): it ships with the code and no answer can move it. Beside
// the snapshot a refresh keeps a Reference: what it accepted in the last
// day. Nothing else is a reference: not a figure older than a day, and not
// a kept figure that breaks these rules against the anchor (one kept by
// an older version, or damaged), which is set back to the anchor's, marked
// stale, until the next good answer replaces it. So a lie that passed the
// rules costs at most a day of staleness, and no run can widen the rules
// for the next.
//
// The tip (height, bits, difficulty) must agree with the clock:
//   - its height is not below the anchor's nor any accepted in the last
//     day, and at most h + maxBlocks(now − t) for the anchor and for each
//     tip (h, t) accepted in the last day: maxBlocks(Δt) = 6 + ⌈Δt / 300 s⌉,
//     blocks twice as fast as the 600 s target (blocks come faster while the
//     hashrate runs ahead of the difficulty, 10-20% in a fast epoch) plus 6
//     for a burst: in one 10-minute run that allows 8 blocks, and 9 or more
//     come about once in 150,000 runs (Poisson, 1.25 expected), which would
//     only leave the height stale for a run. Every run adds no margin of its
//     own: a day's tips bound the next, so repeated runs cannot walk it;
//   - its timestamp is at most 2 hours ahead of now (consensus refuses a
//     block further ahead) and at most 2 hours before the newest tip of the
//     last day (consensus orders timestamps only by the median of eleven);
//   - its bits encode a valid target (not negative, zero, overflowing or
//     easier than the pow limit), its difficulty is that of its bits, and
//     they match its epoch: the bits of the newest tip of the last day while
//     in the same 2016-block epoch, and after k retargets a target within
//     4^k of that tip's (consensus clamps each retarget to 4x). With no tip
//     in the last day, the anchor's difficulty bounds it, at least one
//     retarget allowed.
//
// The price is the median of the exchanges whose quotes, each between 100
// and 10,000,000 USD, lie within 1% of the median of all quotes (spot
// prices on the three differ by well under 0.1%, a few tenths in a fast
// market); with fewer than two agreeing the price is not updated. It also
// lies within 1.5x of every price accepted in the last day, so that no
// two prices less than a day apart differ by more than 1.5x, whatever the
// runs between them (bitcoin's worst day, 12 March 2020, fell about 40%:
// such a day leaves the price stale for a while, not wrong).
//
// Fees, the mean of the last 144 blocks, are at most 4 times the subsidy
// at the tip's height (12.5 BTC at 3.125): the highest day so far, the
// April 2024 halving, paid about 2.5-3 times the subsidy in fees.
//
// The hashrate estimate lies within 4x of what the difficulty implies.
//
// The dollar in dong lies between MinVNDPerUSD and MaxVNDPerUSD (netdata), is dated
// no later than an hour ahead of now nor before the last rate's date, and
// within 1.25x of every rate accepted in the last day.
const (
	day          = 24 * time.Hour
	minPriceUSD  = 100
	maxPriceUSD  = 10_000_000
	priceBand    = 0.01 // an exchange agrees within 1% of the median quote
	minExchanges = 2    // the fewest agreeing exchanges that set the price
	maxPriceMove = 1.5  // within a day
	// Difficulty moves at most 4x per retarget (Bitcoin's own clamp).
	maxRetarget = 4.0
	// Mean fees per block, at most this many times the subsidy.
	maxFeesPerSubsidy = 4
	// The dong moves a few percent a year; a quarter within a day is a bad
	// answer.
	maxRateMove = 1.25
	// Block timestamps run at most this far ahead of now, or behind the
	// newest tip.
	tipClockSlack = 2 * 60 * 60
	// maxBlocks: the blocks a tip may gain in Δt, 6 + ⌈Δt / blockPace⌉.
	burstBlocks = 6
)

// blockPace is twice the target's pace: 300 seconds a block on mainnet.
var blockPace = chain.MainNet.TargetSpacingSec / 2

// maxBlocks is how far the height may climb in elapsed seconds.
func maxBlocks(elapsed int64) int64 {
	return burstBlocks + (max(elapsed, 0)+blockPace-1)/blockPace
}

// lastDay returns the marks of the day before now; at is a mark's time.
func lastDay[M any](marks []M, at func(M) int64, now time.Time) []M {
	var out []M
	for _, m := range marks {
		if t := at(m); t > now.Add(-day).Unix() && t <= now.Unix() {
			out = append(out, m)
		}
	}
	return out
}

func markTime(m netdata.Mark) int64       { return m.Time }
func tipMarkTime(m netdata.TipMark) int64 { return m.Time }

// keepBounding appends m to the day's marks and drops those that no longer
// bound anything: a mark whose key is neither above nor below every later
// mark's (with both set), or not below them (with only below): a later
// mark bounds at least as tightly.
func keepBounding[M any](marks []M, m M, key func(M) float64, both bool) []M {
	marks = append(marks, m)
	var keep []M
	hi, lo := math.Inf(-1), math.Inf(1)
	for i := len(marks) - 1; i >= 0; i-- {
		k := key(marks[i])
		if i == len(marks)-1 || k < lo || both && k > hi {
			keep = append(keep, marks[i])
		}
		hi, lo = max(hi, k), min(lo, k)
	}
	slices.Reverse(keep)
	return keep
}

// checkHeight: the tip's height and time against the clock, the anchor and
// the tips of the last day (tips, oldest first).
func checkHeight(tip Tip, tips []netdata.TipMark, anchor netdata.Snapshot, now time.Time) error {
	refs := append([]netdata.TipMark{{Time: anchor.Figures[netdata.FigHeight].Time, Height: anchor.Height}}, tips...)
	for _, r := range refs {
		if tip.Height < r.Height {
			return fmt.Errorf("height %d goes back from %d, accepted at %s", tip.Height, r.Height, unixUTC(r.Time))
		}
		if most := r.Height + maxBlocks(now.Unix()-r.Time); tip.Height > most {
			return fmt.Errorf("height %d is past %d, the most the clock allows since block %d at %s", tip.Height, most, r.Height, unixUTC(r.Time))
		}
	}
	if tip.Time > now.Unix()+tipClockSlack {
		return fmt.Errorf("the tip's time %s is ahead of now", unixUTC(tip.Time))
	}
	if len(tips) > 0 && tip.Time < tips[len(tips)-1].TipTime-tipClockSlack {
		return fmt.Errorf("the tip's time %s is before the last tip's", unixUTC(tip.Time))
	}
	return nil
}

// checkBits: the tip's bits encode a valid target, its difficulty is
// theirs, and they match its epoch against the newest tip of the last day,
// or with none the anchor's difficulty.
func checkBits(tip Tip, tips []netdata.TipMark, anchor netdata.Snapshot) error {
	if _, err := chain.MainNet.TargetFromBits(tip.Bits); err != nil {
		return fmt.Errorf("bits %08x %w", tip.Bits, err)
	}
	d := chain.Difficulty(tip.Bits)
	if !(math.Abs(d-tip.Difficulty) <= 1e-6*d) {
		return fmt.Errorf("difficulty %g does not match bits %08x (%g)", tip.Difficulty, tip.Bits, d)
	}
	epoch := func(h int64) int64 { return h / chain.MainNet.RetargetInterval }
	refHeight, refDifficulty, retargets := anchor.Height, anchor.Difficulty, epoch(tip.Height)-epoch(anchor.Height)
	if len(tips) > 0 {
		r := tips[len(tips)-1]
		refHeight, refDifficulty, retargets = r.Height, chain.Difficulty(r.Bits), epoch(tip.Height)-epoch(r.Height)
		if retargets == 0 && tip.Bits != r.Bits {
			return fmt.Errorf("bits %08x differ from %08x of block %d in the same epoch", tip.Bits, r.Bits, r.Height)
		}
	}
	if !withinRetargets(d, refDifficulty, retargets) {
		return fmt.Errorf("difficulty %.4g is more than %d retargets (4x each) from %.4g at block %d", d, max(retargets, 1), refDifficulty, refHeight)
	}
	return nil
}

// withinRetargets says difficulty d is within the given retargets (at
// least one) of ref.
func withinRetargets(d, ref float64, retargets int64) bool {
	// A compact target keeps 16 bits or more of mantissa: a retarget's
	// rounding moves it by less than 1e-4.
	move := math.Pow(maxRetarget, float64(min(max(retargets, 1), 100))) * (1 + 1e-4)
	return d <= ref*move && d >= ref/move
}

// quote is one exchange's price.
type quote struct {
	exchange string
	usd      float64
}

// agreeing returns the quotes within priceBand of the median of all.
func agreeing(quotes []quote) []quote {
	if len(quotes) == 0 {
		return nil
	}
	m := medianQuote(quotes)
	var out []quote
	for _, q := range quotes {
		if math.Abs(q.usd-m) <= priceBand*m {
			out = append(out, q)
		}
	}
	return out
}

func medianQuote(quotes []quote) float64 {
	usd := make([]float64, len(quotes))
	for i, q := range quotes {
		usd[i] = q.usd
	}
	return median(usd)
}

// withinFactor refuses x when it is more than factor from a mark of the
// last day.
func withinFactor(x float64, marks []netdata.Mark, factor float64, what string) error {
	for _, m := range marks {
		if !(x <= m.Value*factor && x >= m.Value/factor) {
			return fmt.Errorf("%s %g is more than %gx from %g, accepted at %s", what, x, factor, m.Value, unixUTC(m.Time))
		}
	}
	return nil
}

// checkFees: 0 to maxFeesPerSubsidy times the subsidy at height.
func checkFees(fees float64, height int64) error {
	most := maxFeesPerSubsidy * float64(chain.MainNet.SubsidySat(height)) / chain.Coin
	if !(fees >= 0 && fees <= most) {
		return fmt.Errorf("%.4g BTC per block is more than %d times the subsidy at block %d (%.4g BTC)", fees, maxFeesPerSubsidy, height, most)
	}
	return nil
}

// checkHashrate: within maxRetarget of what difficulty implies.
func checkHashrate(ehs, difficulty float64) error {
	implied := chain.MainNet.HashrateFromDifficulty(difficulty) / 1e18
	if !(ehs > implied/maxRetarget && ehs < implied*maxRetarget) {
		return fmt.Errorf("%.4g EH/s is far from the %.4g the difficulty implies", ehs, implied)
	}
	return nil
}

// checkRate: the dollar in dong within bounds, dated no later than an hour
// ahead and not before the last rate (dated lastAt), and within
// maxRateMove of the rates of the last day.
func checkRate(r Rate, lastAt int64, marks []netdata.Mark, now time.Time) error {
	switch {
	case !(r.VNDPerUSD >= netdata.MinVNDPerUSD && r.VNDPerUSD <= netdata.MaxVNDPerUSD):
		return fmt.Errorf("%g dong per dollar is absurd", r.VNDPerUSD)
	case r.At.After(now.Add(time.Hour)):
		return fmt.Errorf("dated %v, ahead of now", r.At)
	case r.At.Unix() < lastAt:
		return fmt.Errorf("dated %v, before the last rate's %v", r.At, unixUTC(lastAt))
	}
	return withinFactor(r.VNDPerUSD, marks, maxRateMove, "dong per dollar")
}

// trusted returns prev with each figure that breaks the rules against the
// anchor set back to the anchor's, marked stale, and the marks of its
// Reference that are of the last day and pass them too: what a refresh
// may check against. problems says what was set back.
func trusted(prev, anchor netdata.Snapshot, now time.Time) (s netdata.Snapshot, ref netdata.Reference, problems []error) {
	s = prev
	s.Figures = maps.Clone(prev.Figures)
	if s.Figures == nil {
		s.Figures = map[string]netdata.Figure{}
	}
	setBack := func(err error, figures ...string) {
		problems = append(problems, fmt.Errorf("the kept %s: %w; set back to the committed snapshot's", strings.Join(figures, ", "), err))
		for _, name := range figures {
			f := anchor.Figures[name]
			f.Stale = true
			s.Figures[name] = f
		}
	}
	if err := trustTip(prev, anchor, now); err != nil {
		s.Height, s.TipTime, s.Bits, s.Difficulty = anchor.Height, anchor.TipTime, anchor.Bits, anchor.Difficulty
		setBack(err, netdata.FigHeight, netdata.FigDifficulty)
	}
	s.SubsidyBTC = subsidyBTC(s.Height)
	if err := checkFees(prev.FeesBTC, s.Height); err != nil {
		s.FeesBTC = anchor.FeesBTC
		setBack(err, netdata.FigFees)
	}
	// (A kept hashrate may be stale across retargets: only its sign is
	// checked.)
	if !(prev.HashrateEHs > 0 && !math.IsInf(prev.HashrateEHs, 1)) {
		s.HashrateEHs = anchor.HashrateEHs
		setBack(fmt.Errorf("%g EH/s", prev.HashrateEHs), netdata.FigHashrate)
	}
	if !(prev.PriceUSD >= minPriceUSD && prev.PriceUSD <= maxPriceUSD) {
		s.PriceUSD = anchor.PriceUSD
		setBack(fmt.Errorf("%g USD is absurd", prev.PriceUSD), netdata.FigPrice)
	}
	if prev.UsdVnd != 0 && !(prev.UsdVnd >= netdata.MinVNDPerUSD && prev.UsdVnd <= netdata.MaxVNDPerUSD) {
		s.UsdVnd = anchor.UsdVnd
		setBack(fmt.Errorf("%g dong per dollar is absurd", prev.UsdVnd), netdata.FigUsdVnd)
	}

	if prev.Reference != nil {
		for _, m := range lastDay(prev.Reference.Tips, tipMarkTime, now) {
			if trustTipMark(m, anchor) == nil {
				ref.Tips = append(ref.Tips, m)
			}
		}
		for _, m := range lastDay(prev.Reference.Prices, markTime, now) {
			if m.Value >= minPriceUSD && m.Value <= maxPriceUSD {
				ref.Prices = append(ref.Prices, m)
			}
		}
		for _, m := range lastDay(prev.Reference.Rates, markTime, now) {
			if m.Value >= netdata.MinVNDPerUSD && m.Value <= netdata.MaxVNDPerUSD {
				ref.Rates = append(ref.Rates, m)
			}
		}
	}
	s.Reference = nil
	return s, ref, problems
}

// trustTip checks a kept tip as if it were answered when it was observed,
// with the anchor alone to check against.
func trustTip(s netdata.Snapshot, anchor netdata.Snapshot, now time.Time) error {
	at := s.Figures[netdata.FigHeight].Time
	if at > now.Unix() {
		return fmt.Errorf("observed at %s, ahead of now", unixUTC(at))
	}
	if s.Bits == "" { // the committed snapshots give the difficulty alone
		tip := Tip{Height: s.Height, Time: s.TipTime}
		if err := checkHeight(tip, nil, anchor, time.Unix(at, 0)); err != nil {
			return err
		}
		if retargets := s.Height/chain.MainNet.RetargetInterval - anchor.Height/chain.MainNet.RetargetInterval; !withinRetargets(s.Difficulty, anchor.Difficulty, retargets) {
			return fmt.Errorf("difficulty %.4g is more than %d retargets from the committed %.4g", s.Difficulty, max(retargets, 1), anchor.Difficulty)
		}
		return nil
	}
	bits, err := chain.ParseBits(s.Bits)
	if err != nil {
		return err
	}
	return trustTipMark(netdata.TipMark{Time: at, Height: s.Height, TipTime: s.TipTime, Bits: bits}, anchor)
}

// trustTipMark checks a tip accepted at m.Time against the anchor.
func trustTipMark(m netdata.TipMark, anchor netdata.Snapshot) error {
	tip := Tip{m.Height, m.TipTime, m.Bits, chain.Difficulty(m.Bits)}
	if err := checkHeight(tip, nil, anchor, time.Unix(m.Time, 0)); err != nil {
		return err
	}
	return checkBits(tip, nil, anchor)
}

func unixUTC(t int64) string { return time.Unix(t, 0).UTC().Format("2006-01-02 15:04 UTC") }

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}
