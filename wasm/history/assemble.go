package history

import (
	"fmt"
	"sort"

	"github.com/hashswitch/hashswitch/wasm/chain"
)

// Inputs are the parsed upstream lists, each in order, and what the
// parsers refused.
type Inputs struct {
	Adjustments []Adjustment
	Hashrates   []DayValue // EH/s
	Rewards     []Bucket
	Fees        []Bucket
	Prices      []DayValue // USD
	Refused     []Refusal
}

// Assemble aligns the inputs by UTC day. The days of the series are those
// with block data (rewards or fees): each has the mean height of its
// blocks, the difficulty in force at that height, the subsidy at it (on a
// day across a halving, the rewards less the fees when they lie between
// the subsidies either side; else the mean height's), the fees (or the
// rewards less the subsidy), and the day's hashrate and price when the
// sources give them. Hashprice is computed by econ from the day's figures.
// A day between the first and the last with no block data is a gap.
// Cost: linear in the inputs, and a binary search a day for difficulty.
func Assemble(in Inputs, built int64) Series {
	s := Series{Built: built, Refused: append([]Refusal(nil), in.Refused...)}
	cross := func(source string, d Date, err error) {
		s.Refused = append(s.Refused, Refusal{source, -1, d, err.Error()})
	}
	hashrate, price := byDate(in.Hashrates), byDate(in.Prices)
	ri, fi := 0, 0
	for ri < len(in.Rewards) || fi < len(in.Fees) {
		// The next day either list has.
		var r, f *Bucket
		switch {
		case fi >= len(in.Fees) || ri < len(in.Rewards) && in.Rewards[ri].Date < in.Fees[fi].Date:
			r = &in.Rewards[ri]
			ri++
		case ri >= len(in.Rewards) || in.Fees[fi].Date < in.Rewards[ri].Date:
			f = &in.Fees[fi]
			fi++
		default:
			r, f = &in.Rewards[ri], &in.Fees[fi]
			ri, fi = ri+1, fi+1
		}
		day := Day{}
		if f != nil {
			day.Date, day.Height = f.Date, f.Height
		} else {
			day.Date, day.Height = r.Date, r.Height
		}
		if n := len(s.Days); n > 0 {
			last := s.Days[n-1].Date
			if day.Date <= last {
				continue // the parsers keep each list in order; merged lists too
			}
			if day.Date > last+1 {
				s.Gaps = append(s.Gaps, Span{last + 1, day.Date - 1})
			}
		}
		if a, ok := inForce(in.Adjustments, day.Height); ok {
			day.set(Difficulty, a.Difficulty)
		}
		subsidyAndFees(&day, r, f, cross)
		if v, ok := hashrate[day.Date]; ok {
			if d, ok := day.Value(Difficulty); ok {
				if err := checkHashrate(v, d); err != nil {
					cross(sourceHashrate, day.Date, err)
					day.refuse(HashrateEHs)
				} else {
					day.set(HashrateEHs, v)
				}
			} else {
				day.set(HashrateEHs, v)
			}
		}
		if v, ok := price[day.Date]; ok {
			day.set(PriceUSD, v)
		}
		day.computeHashprice()
		s.Days = append(s.Days, day)
	}
	return s
}

// subsidyAndFees sets the day's subsidy and fees from its buckets: r and
// f, either of which may be nil.
func subsidyAndFees(day *Day, r, f *Bucket, cross func(string, Date, error)) {
	lo, hi := subsidyRange(day.Height)
	subsidy := chain.MainNet.SubsidySat(day.Height)
	switch {
	case r != nil && f != nil && lo == hi:
		// One subsidy all day: the rewards must say so.
		if got := r.Sat - f.Sat; !agrees(got, subsidy) {
			cross(sourceRewards, day.Date, fmt.Errorf("rewards less fees, %.8g BTC, are more than %g%% from the subsidy at block %d, %.8g BTC",
				btc(got), subsidyTolerance*100, day.Height, btc(subsidy)))
		}
	case r != nil && f != nil:
		// Across a halving: the day's mean subsidy is what rewards less
		// fees say, if it lies between the two.
		if got := r.Sat - f.Sat; got >= lo && got <= hi {
			subsidy = got
		} else {
			cross(sourceRewards, day.Date, fmt.Errorf("rewards less fees, %.8g BTC, are outside the subsidies %.8g and %.8g BTC either side of the halving",
				btc(got), btc(lo), btc(hi)))
		}
	}
	day.set(SubsidyBTC, btc(subsidy))
	switch {
	case f != nil:
		day.set(FeesBTC, btc(f.Sat))
	case lo != hi:
		// Across a halving, rewards alone do not say the fees.
	case r.Sat >= subsidy:
		day.set(FeesBTC, btc(r.Sat-subsidy))
	default:
		cross(sourceRewards, day.Date, fmt.Errorf("rewards of %.8g BTC are less than the subsidy, %.8g BTC", btc(r.Sat), btc(subsidy)))
		day.refuse(FeesBTC)
	}
}

// agrees says got is within subsidyTolerance of subsidy (2 sat for the
// backend's rounding of two means).
func agrees(got, subsidy int64) bool {
	d := float64(got - subsidy)
	return d <= subsidyTolerance*float64(subsidy)+2 && d >= -subsidyTolerance*float64(subsidy)-2
}

func btc(sat int64) float64 { return float64(sat) / chain.Coin }

// inForce returns the adjustment in force at height h: the last at or
// below it.
func inForce(adj []Adjustment, h int64) (Adjustment, bool) {
	i := sort.Search(len(adj), func(i int) bool { return adj[i].Height > h })
	if i == 0 {
		return Adjustment{}, false
	}
	return adj[i-1], true
}

func byDate(vs []DayValue) map[Date]float64 {
	m := make(map[Date]float64, len(vs))
	for _, v := range vs {
		m[v.Date] = v.Value
	}
	return m
}
