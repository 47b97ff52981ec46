package history

import (
	"fmt"
	"math"

	"github.com/hashswitch/hashswitch/wasm/chain"
)

// The rules a figure of the history must pass, in the spirit of the live
// figures' (wasm/netdata/refresh/rules.go), with bounds that hold for all of
// Bitcoin's past rather than for the last day. A figure that fails is left
// out of the series and marked refused; the others are kept.
//
// Every list:
//   - its entries run one way in time (or height): an entry that goes back
//     from the last one kept, or repeats its day, is refused;
//   - a time is not before the genesis block (3 January 2009) nor more
//     than 2 hours ahead of now (consensus refuses blocks further ahead).
//
// Difficulty (the adjustments of /mining/hashrate): each at a retarget
// height (a multiple of 2016), at least 1 (the pow limit's difficulty; at
// height 0 exactly 1), and within 4^k of the last one kept, k the retargets
// between them (consensus clamps each retarget to 4x). The first entry is
// kept only if one of the next two agrees with it, so that one absurd
// entry, first or not, cannot refuse all the rest.
//
// Hashrate (the daily estimates): positive; and within 4x of what the
// difficulty in force that day implies (assembly checks it).
//
// Rewards and fees per block (daily means): not negative; fees at most 4
// times the subsidy (the highest day so far, the April 2024 halving, paid
// about 2.5-3 times the subsidy in fees), rewards at most 5 times; and the
// two agree (assembly): rewards less fees within 1% of the day's subsidy,
// or on a halving day between the subsidies either side.
//
// Price (BTC-USD): more than 0 and at most 10,000,000 USD; a day's mean
// more than 3x above or below both the day before and the day after is a
// lone spike and refused (bitcoin's worst day, 12 March 2020, fell about
// 40%; its fastest early days about doubled).
const (
	genesisUnix       = 1_231_006_505 // block 0's timestamp
	clockSlack        = 2 * 60 * 60   // seconds a time may run ahead of now
	maxRetarget       = 4.0
	maxFeesPerSubsidy = 4
	maxHashrateFactor = 4.0
	maxPriceUSD       = 10_000_000
	priceSpike        = 3.0
	// subsidyTolerance: rewards less fees may differ from the subsidy by
	// this share (a miner may claim less than it may; a lost block
	// reward moves a day's mean by about 1/144).
	subsidyTolerance = 0.01
	// halvingWindow: blocks either side of a day's mean height that the day
	// may span: 144 a day at the target pace; 300 allows days of 600.
	halvingWindow = 300
)

// checkTime: not before genesis, not more than clockSlack ahead of now.
func checkTime(t, now int64) error {
	switch {
	case t < genesisUnix:
		return fmt.Errorf("time %d is before the genesis block", t)
	case t > now+clockSlack:
		return fmt.Errorf("time %s is ahead of now", DateOf(t))
	}
	return nil
}

// checkDifficulty: a retarget height, at least 1, 1 at height 0.
func checkDifficulty(a Adjustment) error {
	p := chain.MainNet
	switch {
	case a.Height < 0 || a.Height%p.RetargetInterval != 0:
		return fmt.Errorf("height %d is not a retarget height (a multiple of %d)", a.Height, p.RetargetInterval)
	case !(a.Difficulty >= 1) || math.IsInf(a.Difficulty, 0):
		return fmt.Errorf("difficulty %g is below 1, the pow limit's", a.Difficulty)
	case a.Height == 0 && a.Difficulty != 1:
		return fmt.Errorf("difficulty %g at height 0, not 1", a.Difficulty)
	}
	return nil
}

// withinRetargets says a's difficulty is within the retargets between
// prev and a (at least one) of prev's: 4x each.
func withinRetargets(a, prev Adjustment) bool {
	k := (a.Height - prev.Height) / chain.MainNet.RetargetInterval
	// A compact target keeps 16 bits or more of mantissa: a retarget's
	// rounding moves it by less than 1e-4.
	move := math.Pow(maxRetarget, float64(min(max(k, 1), 100))) * (1 + 1e-4)
	return a.Difficulty <= prev.Difficulty*move && a.Difficulty >= prev.Difficulty/move
}

// subsidyRange returns the least and greatest subsidy, in satoshis, of the
// blocks a day with mean height h may hold.
func subsidyRange(h int64) (lo, hi int64) {
	p := chain.MainNet
	return p.SubsidySat(h + halvingWindow), p.SubsidySat(max(h-halvingWindow, 0))
}

// checkBlockSat: a daily mean per block, rewards or fees, within bounds at
// height h.
func checkBlockSat(sat, h int64, what string) error {
	_, hi := subsidyRange(h)
	times := int64(maxFeesPerSubsidy)
	if what == sourceRewards {
		times++ // the subsidy itself, and fees
	}
	switch {
	case sat < 0:
		return fmt.Errorf("%s of %d sat a block are negative", what, sat)
	case sat > times*hi:
		return fmt.Errorf("%s of %.8g BTC a block are more than %d times the subsidy at block %d (%.8g BTC)",
			what, float64(sat)/chain.Coin, times, h, float64(hi)/chain.Coin)
	}
	return nil
}

// checkHeight: a height the clock allows at time t: twice the target
// pace since genesis and an epoch more.
func checkHeight(h, t int64) error {
	p := chain.MainNet
	most := (t-genesisUnix)/(p.TargetSpacingSec/2) + p.RetargetInterval
	switch {
	case h < 0:
		return fmt.Errorf("height %d is negative", h)
	case h > most:
		return fmt.Errorf("height %d is past %d, the most the clock allows at %s", h, most, DateOf(t))
	}
	return nil
}

// checkPrice: more than 0, at most maxPriceUSD.
func checkPrice(usd float64) error {
	if !(usd > 0 && usd <= maxPriceUSD) {
		return fmt.Errorf("price %g USD is absurd", usd)
	}
	return nil
}

// spike says x is more than priceSpike from both neighbours, the same way.
func spike(prev, x, next float64) bool {
	return (x > prev*priceSpike && x > next*priceSpike) || (x < prev/priceSpike && x < next/priceSpike)
}

// checkHashrate: within maxHashrateFactor of what difficulty implies.
func checkHashrate(ehs, difficulty float64) error {
	implied := chain.MainNet.HashrateFromDifficulty(difficulty) / 1e18
	if !(ehs > implied/maxHashrateFactor && ehs < implied*maxHashrateFactor) {
		return fmt.Errorf("%.4g EH/s is more than %gx from the %.4g the difficulty implies", ehs, maxHashrateFactor, implied)
	}
	return nil
}
