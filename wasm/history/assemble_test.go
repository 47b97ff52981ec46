package history_test

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/hashswitch/hashswitch/wasm/history"
)

// The second computation: hashprice straight from the consensus rules,
// written out here apart from econ and chain. The subsidy is 50 BTC in
// satoshis shifted right once every 210,000 blocks; a block is found on
// average every difficulty x 2^32 hashes, so 1 PH/s finds
// 86,400 x 10^15 / (difficulty x 2^32) blocks a day, each paying the
// subsidy and the fees.
func subsidySat(h int64) int64 { return 50 * 100_000_000 >> (h / 210_000) }

func hashpriceBTC(subsidyBTC, feesBTC, difficulty float64) float64 {
	return (subsidyBTC + feesBTC) * 86_400 * 1e15 / (difficulty * 4_294_967_296)
}

func close(a, b float64) bool { return math.Abs(a-b) <= 1e-12*math.Abs(b) }

// fixture is four days around the 2024 halving and three in November
// 2025, one of them missing: figures of the right size for a test, not a
// record of those days.
func fixture() history.Inputs {
	return history.Inputs{
		Adjustments: []history.Adjustment{
			{Height: 838_656, Time: 1_712_900_000, Difficulty: 86.39e12},
			{Height: 923_328, Time: 1_762_900_000, Difficulty: 152.27e12},
			{Height: 925_344, Time: 1_764_100_000, Difficulty: 149.30e12},
		},
		Rewards: []history.Bucket{
			{Date: date("2024-04-19"), Height: 839_900, Sat: 625_000_000 + 150_000_000},
			// 72 blocks at 6.25 and 72 at 3.125: a mean subsidy of 4.6875.
			{Date: date("2024-04-20"), Height: 839_964, Sat: 468_750_000 + 300_000_000},
			{Date: date("2024-04-21"), Height: 840_108, Sat: 312_500_000 + 90_000_000},
			{Date: date("2025-11-22"), Height: 924_700, Sat: 312_500_000 + 2_500_000},
			{Date: date("2025-11-24"), Height: 924_990, Sat: 312_500_000 + 2_000_000},
			{Date: date("2025-11-27"), Height: 925_400, Sat: 312_500_000 + 3_000_000},
		},
		Fees: []history.Bucket{
			{Date: date("2024-04-19"), Height: 839_900, Sat: 150_000_000},
			{Date: date("2024-04-20"), Height: 839_964, Sat: 300_000_000},
			{Date: date("2024-04-21"), Height: 840_108, Sat: 90_000_000},
			{Date: date("2025-11-22"), Height: 924_700, Sat: 2_500_000},
			{Date: date("2025-11-24"), Height: 924_990, Sat: 2_000_000},
			// 2025-11-27: rewards only; its fees are the rewards less the subsidy.
		},
		Hashrates: []history.DayValue{
			{Date: date("2024-04-20"), Value: 640},
			{Date: date("2025-11-22"), Value: 1_070},
			{Date: date("2025-11-24"), Value: 5_000}, // more than 4x what 152.27 T implies
		},
		Prices: []history.DayValue{
			{Date: date("2024-04-19"), Value: 63_800},
			{Date: date("2024-04-20"), Value: 64_900},
			{Date: date("2025-11-22"), Value: 84_700},
			{Date: date("2025-11-24"), Value: 88_300},
			{Date: date("2025-11-27"), Value: 91_000},
		},
	}
}

// TestHashpriceIsASecondComputation: every day's hashprice, in BTC and in
// USD, equals the one computed here from that day's figures.
func TestHashpriceIsASecondComputation(t *testing.T) {
	s := history.Assemble(fixture(), now)
	tests := []struct {
		date               string
		subsidy, fees, dif float64
		price              float64 // 0: none that day
	}{
		{"2024-04-19", float64(subsidySat(839_900)) / 1e8, 1.5, 86.39e12, 63_800},
		{"2024-04-20", 4.6875, 3, 86.39e12, 64_900},
		{"2024-04-21", float64(subsidySat(840_108)) / 1e8, 0.9, 86.39e12, 0},
		{"2025-11-22", 3.125, 0.025, 152.27e12, 84_700},
		{"2025-11-24", 3.125, 0.02, 152.27e12, 88_300},
		{"2025-11-27", 3.125, 0.03, 149.30e12, 91_000},
	}
	if len(s.Days) != len(tests) {
		t.Fatalf("%d days, want %d", len(s.Days), len(tests))
	}
	for i, tt := range tests {
		d := s.Days[i]
		if d.Date.String() != tt.date {
			t.Fatalf("day %d is %s, want %s", i, d.Date, tt.date)
		}
		for _, c := range []struct {
			f    history.Field
			want float64
		}{{history.SubsidyBTC, tt.subsidy}, {history.FeesBTC, tt.fees}, {history.Difficulty, tt.dif}} {
			if got, ok := d.Value(c.f); !ok || !close(got, c.want) {
				t.Errorf("%s %s = %v (%v), want %v", tt.date, c.f, got, ok, c.want)
			}
		}
		want := hashpriceBTC(tt.subsidy, tt.fees, tt.dif)
		if got, ok := d.Value(history.HashpriceBTC); !ok || !close(got, want) {
			t.Errorf("%s hashprice %v BTC, the second computation %v", tt.date, got, want)
		}
		got, ok := d.Value(history.HashpriceUSD)
		switch {
		case tt.price == 0 && ok:
			t.Errorf("%s has a dollar hashprice with no price", tt.date)
		case tt.price != 0 && (!ok || !close(got, want*tt.price)):
			t.Errorf("%s hashprice $%v, the second computation $%v", tt.date, got, want*tt.price)
		}
	}
	// A reading of the story's day for scale: about $35 per PH/s per day.
	if got, _ := s.Days[3].Value(history.HashpriceUSD); got < 34 || got > 36 {
		t.Errorf("2025-11-22: $%v per PH/s per day", got)
	}
}

// TestAssembleMarksWhatItRefuses: a hashrate far from its difficulty is
// refused and marked; the missing days are gaps; the rest of each day
// stays.
func TestAssembleMarksWhatItRefuses(t *testing.T) {
	s := history.Assemble(fixture(), now)
	nov24 := s.Days[4]
	if _, ok := nov24.Value(history.HashrateEHs); ok || !nov24.Refused.Has(history.HashrateEHs) {
		t.Errorf("2025-11-24's hashrate: present %v, refused %v", nov24.Has.Has(history.HashrateEHs), nov24.Refused.Has(history.HashrateEHs))
	}
	if _, ok := nov24.Value(history.HashpriceUSD); !ok {
		t.Error("2025-11-24 lost its hashprice with its hashrate")
	}
	if v, ok := s.Days[3].Value(history.HashrateEHs); !ok || v != 1_070 {
		t.Errorf("2025-11-22's hashrate %v", v)
	}
	if !strings.Contains(reasons(s.Refused), "hashrate 2025-11-24") {
		t.Errorf("refused:\n%s", reasons(s.Refused))
	}
	wantGaps := []history.Span{{date("2024-04-22"), date("2025-11-21")}, {date("2025-11-23"), date("2025-11-23")}, {date("2025-11-25"), date("2025-11-26")}}
	if len(s.Gaps) != len(wantGaps) {
		t.Fatalf("gaps %v, want %v", s.Gaps, wantGaps)
	}
	for i := range wantGaps {
		if s.Gaps[i] != wantGaps[i] {
			t.Errorf("gap %v, want %v", s.Gaps[i], wantGaps[i])
		}
	}
}

// TestRewardsAndFeesMustAgree: rewards less fees more than 1% from the
// subsidy are refused (said in the log); the day keeps the consensus
// subsidy and its fees. Across a halving, a mean subsidy outside the two
// is refused too, and the mean height's subsidy stands.
func TestRewardsAndFeesMustAgree(t *testing.T) {
	in := fixture()
	in.Rewards[3].Sat = 312_500_000*101/100 + 2_500_000 + 3 // 1% and 3 sat over
	in.Rewards[1].Sat = 700_000_000 + 300_000_000           // 7 BTC of subsidy: more than 6.25
	s := history.Assemble(in, now)
	log := reasons(s.Refused)
	for _, want := range []string{"rewards 2025-11-22", "rewards 2024-04-20"} {
		if !strings.Contains(log, want) {
			t.Errorf("no refusal for %s in:\n%s", want, log)
		}
	}
	if v, _ := s.Days[3].Value(history.SubsidyBTC); v != 3.125 {
		t.Errorf("2025-11-22's subsidy %v", v)
	}
	if v, _ := s.Days[1].Value(history.SubsidyBTC); v != float64(subsidySat(839_964))/1e8 {
		t.Errorf("2024-04-20's subsidy %v", v)
	}
	in = fixture()
	in.Rewards[3].Sat = 312_500_000*101/100 + 2_500_000 - 2 // within 1% and the rounding
	if s := history.Assemble(in, now); len(s.Refused) != 1 {
		t.Errorf("refused:\n%s", reasons(s.Refused))
	}
}

// TestDaysWithoutFigures: a day without a difficulty adjustment at or
// below its height has no difficulty and so no hashprice, but keeps the
// rest; with no block data at all there is no series.
func TestDaysWithoutFigures(t *testing.T) {
	in := fixture()
	in.Adjustments = in.Adjustments[1:]
	s := history.Assemble(in, now)
	d := s.Days[0]
	if _, ok := d.Value(history.Difficulty); ok || d.Has.Has(history.HashpriceBTC) || d.Has.Has(history.HashpriceUSD) {
		t.Errorf("2024-04-19 has %b", d.Has)
	}
	if _, ok := d.Value(history.PriceUSD); !ok {
		t.Error("2024-04-19 lost its price")
	}
	if s := history.Assemble(history.Inputs{Prices: in.Prices}, now); len(s.Days) != 0 {
		t.Errorf("prices alone made %d days", len(s.Days))
	}
	// Near a halving, rewards alone do not say the fees: none, and no
	// hashprice, but nothing refused.
	in = fixture()
	in.Fees = slices.Delete(in.Fees, 2, 3)
	s = history.Assemble(in, now)
	if d := s.Days[2]; d.Has.Has(history.FeesBTC) || d.Has.Has(history.HashpriceBTC) || d.Refused != 0 {
		t.Errorf("2024-04-21 from rewards alone: has %b, refused %b", d.Has, d.Refused)
	}
}
