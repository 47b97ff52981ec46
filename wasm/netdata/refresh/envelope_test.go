package refresh_test

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"testing"
	"time"

	"github.com/hashswitch/hashswitch/internal/fakeupstream"
	"github.com/hashswitch/hashswitch/wasm/chain"
	"github.com/hashswitch/hashswitch/wasm/netdata"
	"github.com/hashswitch/hashswitch/wasm/netdata/refresh"
)

// TestNoAnswersLeaveTheEnvelope runs sequences of refreshes, through the
// store as the edge's cron does, against answers that are true, broken,
// random or chosen to sit on either side of each rule, with KV reads that
// sometimes fail, and checks after every run that each figure is inside
// the rules' envelope (rules.go) whatever came before.
func TestNoAnswersLeaveTheEnvelope(t *testing.T) {
	for seed := range uint64(300) {
		checkEnvelope(t, rand.New(rand.NewPCG(seed, 24)), 60)
		if t.Failed() {
			t.Fatalf("seed %d", seed)
		}
	}
}

// FuzzEnvelope is the same from seeds the fuzzer picks; a run is slow (40
// refreshes), so `make fuzz` leaves it out: go test ./wasm/netdata -run '^$'
// -fuzz FuzzEnvelope explores longer.
func FuzzEnvelope(f *testing.F) {
	f.Add(uint64(1), uint64(2))
	f.Add(uint64(2147483647), uint64(9_999_999))
	f.Fuzz(func(t *testing.T, a, b uint64) {
		checkEnvelope(t, rand.New(rand.NewPCG(a, b)), 40)
	})
}

// The rules' numbers, as rules.go states them.
const (
	day            = 24 * 60 * 60
	priceMove      = 1.5
	rateMove       = 1.25
	feesPerSubsidy = 4
)

func maxBlocks(elapsed int64) int64 { return 6 + (elapsed+299)/300 }

// accepted is a figure's value that a run refreshed, at that run's time.
type accepted struct {
	at int64
	s  netdata.Snapshot
}

type flakyStore struct {
	memStore
	fail bool
}

func (f *flakyStore) Get() ([]byte, error) {
	if f.fail {
		return nil, errors.New("KV: 503")
	}
	return f.memStore.Get()
}

func checkEnvelope(t *testing.T, rng *rand.Rand, runs int) {
	t.Helper()
	anchor := netdata.Committed()
	anchorAt := anchor.Figures[netdata.FigHeight].Time
	clock := now.Unix()
	// The truth, which the adversary departs from.
	truth := fakeupstream.Typical()
	truth.Height = anchor.Height + (clock-anchorAt)/600
	truth.TipTime = clock - 300
	price, rate := 91_000.0, 26_412.0
	kv := &flakyStore{}
	var last netdata.Snapshot // the last kept
	got := map[string][]accepted{}

	for run := range runs {
		// Time moves on: mostly a cron period, sometimes hours or days.
		step := []int64{600, 600, 600, 60, 3 * 3600, 20 * 3600, 30 * 3600}[rng.IntN(7)]
		clock += step
		blocks := step/600 + int64(rng.IntN(3)) - 1
		for range max(blocks, 0) {
			truth.Height++
			if truth.Height%2016 == 0 {
				truth.Bits = scaleBits(truth.Bits, 0.8+0.4*rng.Float64())
			}
		}
		truth.TipTime = clock - int64(rng.IntN(1200))
		price *= 0.97 + 0.06*rng.Float64()
		rate *= 0.999 + 0.002*rng.Float64()
		quote := strconv.FormatFloat(price, 'f', 2, 64)
		truth.Coinbase, truth.Kraken, truth.Bitstamp = quote, quote, quote
		truth.VNDSell, truth.VNDAt = strconv.FormatFloat(rate, 'f', 2, 64), time.Unix(clock-60, 0)
		truth.Fail, truth.Body = nil, nil

		st := adversary(rng, truth, last, clock)
		kv.fail = rng.IntN(15) == 0
		before := string(kv.data)
		refresh.Scheduled(context.Background(), st.Get, refresh.AllAt("http://fake"), kv, time.Unix(clock, 0))
		if kv.fail {
			if string(kv.data) != before {
				t.Fatalf("run %d: a run that could not read KV wrote it", run)
			}
			continue
		}
		s, err := refresh.Kept(&kv.memStore)
		if errors.Is(err, refresh.ErrNothingKept) {
			continue // nothing refreshed yet: the committed snapshot is not kept as live
		}
		if err != nil {
			t.Fatalf("run %d: %v", run, err)
		}
		where := fmt.Sprintf("run %d at +%ds", run, clock-now.Unix())
		checkSnapshot(t, where, s, last, anchor, clock)
		for _, fig := range []string{netdata.FigHeight, netdata.FigFees, netdata.FigHashrate, netdata.FigPrice, netdata.FigUsdVnd} {
			if f := s.Figures[fig]; !f.Stale && f != last.Figures[fig] {
				for _, a := range got[fig] {
					if clock-a.at < day {
						checkPair(t, where, fig, a.s, s, clock-a.at)
					}
				}
				got[fig] = append(got[fig], accepted{clock, s})
			}
		}
		if f := s.Figures[netdata.FigPrice]; !f.Stale && f != last.Figures[netdata.FigPrice] {
			checkQuotes(t, where, s.PriceUSD, st)
		}
		last = s
	}
}

// adversary departs from the truth: each answer is true, broken, random,
// or just inside or outside a rule, measured from the last kept snapshot.
func adversary(rng *rand.Rand, truth fakeupstream.State, last netdata.Snapshot, clock int64) fakeupstream.State {
	st := truth
	st.Fail, st.Body = map[string]int{}, map[string]string{}
	edge := func(x float64) float64 { return x * (1 + (rng.Float64()-0.5)*2e-3) } // either side of a bound
	lastH := max(last.Height, netdata.Committed().Height)
	switch rng.IntN(8) {
	case 0:
		st.Height = []int64{2147483647, -1, 0, lastH - 1, lastH + maxBlocks(600), lastH + maxBlocks(600) + 1, rng.Int64()}[rng.IntN(7)]
	case 1:
		st.Bits = []uint32{rng.Uint32(), scaleBits(st.Bits, edge(4)), scaleBits(st.Bits, edge(0.25)), scaleBits(st.Bits, 1.01), 0x1d00ffff, 0x1e00ffff, 0x17800000}[rng.IntN(7)]
	case 2:
		st.Difficulty = rng.Float64() * 1e15
	case 3:
		st.TipTime = clock + int64(rng.IntN(6*3600)) - 4*3600 - int64(rng.IntN(2))*1e9
	case 4:
		st.Height += int64(rng.IntN(4000))
		st.Bits = scaleBits(st.Bits, 0.25+3.75*rng.Float64())
	}
	subsidy := float64(chain.MainNet.SubsidySat(st.Height)) / chain.Coin
	switch rng.IntN(5) {
	case 0:
		st.FeesSat = int64(edge(feesPerSubsidy*subsidy) * 144 * 1e8)
	case 1:
		st.FeesSat = rng.Int64N(144 * 60 * 1e8)
	case 2:
		st.Body[refresh.PathRewardStats] = `{"startBlock":1,"endBlock":1,"totalFee":"4999000000"}`
	}
	if rng.IntN(5) == 0 {
		st.HashrateHs = math.Pow(10, 18+6*rng.Float64())
	}
	ref := last.PriceUSD
	if ref == 0 {
		ref = 91_000
	}
	lie := strconv.FormatFloat([]float64{edge(ref * priceMove), edge(ref / priceMove), ref * 1.99, 9_999_999, rng.Float64() * 2e7, 99.99}[rng.IntN(6)], 'f', 2, 64)
	quotes := []*string{&st.Coinbase, &st.Kraken, &st.Bitstamp}
	paths := []string{refresh.PathCoinbase, refresh.PathKraken, refresh.PathBitstamp}
	switch rng.IntN(6) {
	case 0: // two exchanges tell the same lie
		i := rng.IntN(3)
		*quotes[i], *quotes[(i+1)%3] = lie, lie
	case 1: // one exchange alone answers, or tells a lie
		i := rng.IntN(3)
		*quotes[i] = lie
		if rng.IntN(2) == 0 {
			st.Fail[paths[(i+1)%3]], st.Fail[paths[(i+2)%3]] = 503, 502
		}
	case 2: // each its own
		for _, q := range quotes {
			*q = strconv.FormatFloat(ref*(0.97+0.06*rng.Float64()), 'f', 2, 64)
		}
	case 3:
		st.Body[paths[rng.IntN(3)]] = "<html>busy</html>"
	}
	switch rng.IntN(6) {
	case 0:
		st.VNDSell = strconv.FormatFloat(edge(max(last.UsdVnd, 1000)*rateMove), 'f', 2, 64)
	case 1:
		st.VNDSell = strconv.FormatFloat(rng.Float64()*2e6, 'f', 2, 64)
	case 2:
		st.VNDAt = time.Unix(clock+int64(rng.IntN(3*3600)), 0)
	}
	for _, p := range []string{refresh.PathBlocks, refresh.PathRewardStats, refresh.PathHashrate, refresh.PathVietcombank} {
		if rng.IntN(12) == 0 {
			st.Fail[p] = 500
		}
	}
	return st
}

// scaleBits returns bits whose difficulty is about f times theirs.
func scaleBits(bits uint32, f float64) uint32 {
	exp, mant := bits>>24, float64(bits&0x007fffff)/f
	for mant > 0x7fffff {
		mant /= 256
		exp++
	}
	for mant < 0x8000 {
		mant *= 256
		exp--
	}
	return exp<<24 | uint32(mant)
}

// checkSnapshot: what holds for every kept snapshot, refreshed or not.
func checkSnapshot(t *testing.T, where string, s, last netdata.Snapshot, anchor netdata.Snapshot, clock int64) {
	t.Helper()
	anchorAt := anchor.Figures[netdata.FigHeight].Time
	if s.Height < anchor.Height || s.Height > anchor.Height+maxBlocks(clock-anchorAt) {
		t.Errorf("%s: height %d outside the clock's envelope from the committed snapshot", where, s.Height)
	}
	if s.SubsidyBTC != float64(chain.MainNet.SubsidySat(s.Height))/chain.Coin {
		t.Errorf("%s: subsidy %v at height %d", where, s.SubsidyBTC, s.Height)
	}
	if s.Bits != "" {
		bits, err := chain.ParseBits(s.Bits)
		if _, terr := chain.MainNet.TargetFromBits(bits); err != nil || terr != nil || s.Difficulty != chain.Difficulty(bits) {
			t.Errorf("%s: bits %s, difficulty %v", where, s.Bits, s.Difficulty)
		}
	}
	if s.TipTime > clock+2*3600 {
		t.Errorf("%s: the tip's time is ahead of the clock", where)
	}
	if !(s.PriceUSD >= 100 && s.PriceUSD <= 10_000_000) || !(s.UsdVnd >= 1_000 && s.UsdVnd <= 1_000_000) {
		t.Errorf("%s: price %v, dong %v", where, s.PriceUSD, s.UsdVnd)
	}
	// A figure not refreshed keeps its value.
	if last.Figures != nil {
		for fig, same := range map[string]bool{
			netdata.FigHeight:   s.Height == last.Height && s.Difficulty == last.Difficulty,
			netdata.FigFees:     s.FeesBTC == last.FeesBTC,
			netdata.FigHashrate: s.HashrateEHs == last.HashrateEHs,
			netdata.FigPrice:    s.PriceUSD == last.PriceUSD,
			netdata.FigUsdVnd:   s.UsdVnd == last.UsdVnd,
		} {
			if s.Figures[fig].Stale && !same {
				t.Errorf("%s: %s is stale and changed", where, fig)
			}
		}
	}
}

// checkPair: a figure accepted at two moments elapsed apart, less than a
// day, each inside the rules against the other.
func checkPair(t *testing.T, where, fig string, a, b netdata.Snapshot, elapsed int64) {
	t.Helper()
	ratio := func(x, y float64) float64 { return max(x/y, y/x) }
	switch fig {
	case netdata.FigHeight:
		if b.Height < a.Height || b.Height > a.Height+maxBlocks(elapsed) {
			t.Errorf("%s: height %d, %d blocks from %d accepted %d s before", where, b.Height, b.Height-a.Height, a.Height, elapsed)
		}
		k := b.Height/2016 - a.Height/2016
		if k == 0 && a.Bits != b.Bits || ratio(a.Difficulty, b.Difficulty) > math.Pow(4, float64(k))*(1+1e-4) {
			t.Errorf("%s: bits %s at %d after %s at %d", where, b.Bits, b.Height, a.Bits, a.Height)
		}
	case netdata.FigFees:
		if b.FeesBTC < 0 || b.FeesBTC > feesPerSubsidy*b.SubsidyBTC {
			t.Errorf("%s: fees %v with a subsidy of %v", where, b.FeesBTC, b.SubsidyBTC)
		}
	case netdata.FigHashrate:
		if implied := b.Difficulty * (1 << 32) / 600 / 1e18; ratio(b.HashrateEHs, implied) > 4 {
			t.Errorf("%s: hashrate %v, the difficulty implies %v", where, b.HashrateEHs, implied)
		}
	case netdata.FigPrice:
		if ratio(a.PriceUSD, b.PriceUSD) > priceMove {
			t.Errorf("%s: price %v after %v, %d s before", where, b.PriceUSD, a.PriceUSD, elapsed)
		}
	case netdata.FigUsdVnd:
		if ratio(a.UsdVnd, b.UsdVnd) > rateMove {
			t.Errorf("%s: dong %v after %v, %d s before", where, b.UsdVnd, a.UsdVnd, elapsed)
		}
	}
}

// checkQuotes: a refreshed price is backed by two quotes of the run that
// agree with it (each within 1% of a median that is within 1% of it).
func checkQuotes(t *testing.T, where string, price float64, st fakeupstream.State) {
	t.Helper()
	n := 0
	for _, p := range []string{refresh.PathCoinbase, refresh.PathKraken, refresh.PathBitstamp} {
		body, err := st.Get(context.Background(), "http://fake"+p)
		if err != nil {
			continue
		}
		for _, parse := range []func([]byte) (float64, error){refresh.ParseCoinbase, refresh.ParseKraken, refresh.ParseBitstamp} {
			if q, err := parse(body); err == nil && math.Abs(q-price) <= 0.0201*price {
				n++
			}
		}
	}
	if n < 2 {
		t.Errorf("%s: price %v backed by %d quotes", where, price, n)
	}
}
