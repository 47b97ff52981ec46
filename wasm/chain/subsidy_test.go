package chain

import (
	"testing"

	"github.com/hashswitch/hashswitch/internal/vectors"
)

func TestSubsidyMatchesCoreVectors(t *testing.T) {
	v := vectors.SubsidyVectors()
	if MainNet.SubsidyHalvingInterval != v.HalvingInterval.Main || RegTest.SubsidyHalvingInterval != v.HalvingInterval.Regtest {
		t.Fatalf("halving intervals %d/%d, vectors say %d/%d", MainNet.SubsidyHalvingInterval,
			RegTest.SubsidyHalvingInterval, v.HalvingInterval.Main, v.HalvingInterval.Regtest)
	}
	if Coin != v.Coin {
		t.Fatalf("Coin = %d, vectors say %d", Coin, v.Coin)
	}
	for _, pt := range v.Points {
		if got := MainNet.SubsidySat(pt.Height); got != pt.SubsidySat {
			t.Errorf("SubsidySat(%d) = %d, want %d", pt.Height, got, pt.SubsidySat)
		}
	}
}

// TestBlockSubsidyHalves is Bitcoin Core's block_subsidy_test for its three
// intervals: each halving halves the previous subsidy, and the 64th is zero.
func TestBlockSubsidyHalves(t *testing.T) {
	for _, interval := range []int64{210_000, 150, 1000} {
		p := *MainNet
		p.SubsidyHalvingInterval = interval
		previous := 2 * 50 * int64(Coin)
		for halvings := int64(0); halvings < 64; halvings++ {
			sub := p.SubsidySat(halvings * interval)
			if sub > 50*Coin || sub != previous/2 {
				t.Fatalf("interval %d, halving %d: subsidy %d after %d", interval, halvings, sub, previous)
			}
			previous = sub
		}
		if got := p.SubsidySat(64 * interval); got != 0 {
			t.Errorf("interval %d: subsidy after 64 halvings = %d", interval, got)
		}
	}
}

// TestSubsidyLimit is Bitcoin Core's subsidy_limit_test, then the exact sum.
func TestSubsidyLimit(t *testing.T) {
	v := vectors.SubsidyVectors()
	var sum int64
	for h := int64(0); h < 14_000_000; h += 1000 {
		sum += MainNet.SubsidySat(h) * 1000
	}
	if sum != v.LimitTest.ExpectedSumSat {
		t.Errorf("sampled sum = %d, want %d", sum, v.LimitTest.ExpectedSumSat)
	}
	if got := MainNet.MaxSupplySat(); got != v.ExactSumSat {
		t.Errorf("MaxSupplySat = %d, want %d", got, v.ExactSumSat)
	}
}

// TestSupplyMatchesBlockByBlockSum checks the per-epoch formula against the
// plain sum over every block, on regtest's short epochs and on mainnet around
// the halvings.
func TestSupplyMatchesBlockByBlockSum(t *testing.T) {
	var sum int64
	for h := int64(0); h < 64*150+300; h++ {
		sum += RegTest.SubsidySat(h)
		if got := RegTest.SupplySat(h); got != sum {
			t.Fatalf("regtest SupplySat(%d) = %d, want %d", h, got, sum)
		}
	}
	sum = 0
	for h := int64(0); h <= 1_260_000; h++ {
		sum += MainNet.SubsidySat(h)
		if h%209_999 == 0 || h%210_000 == 0 || h%210_000 == 1 {
			if got := MainNet.SupplySat(h); got != sum {
				t.Fatalf("SupplySat(%d) = %d, want %d", h, got, sum)
			}
		}
	}
	if MainNet.SupplySat(-1) != 0 || MainNet.SupplySat(1<<62) != MainNet.MaxSupplySat() {
		t.Error("SupplySat outside the schedule")
	}
}

func TestHalvingSchedule(t *testing.T) {
	tests := []struct {
		height, epoch, next, remaining, nextSubsidy int64
	}{
		{0, 0, 210_000, 210_000, 25 * Coin},
		{209_999, 0, 210_000, 1, 25 * Coin},
		{840_000, 4, 1_050_000, 210_000, 156_250_000},
		{925_000, 4, 1_050_000, 125_000, 156_250_000},
		{6_929_999, 32, 6_930_000, 1, 0},
	}
	for _, tt := range tests {
		if got := MainNet.Epoch(tt.height); got != tt.epoch {
			t.Errorf("Epoch(%d) = %d, want %d", tt.height, got, tt.epoch)
		}
		if got := MainNet.NextHalvingHeight(tt.height); got != tt.next {
			t.Errorf("NextHalvingHeight(%d) = %d, want %d", tt.height, got, tt.next)
		}
		if got := MainNet.BlocksUntilHalving(tt.height); got != tt.remaining {
			t.Errorf("BlocksUntilHalving(%d) = %d, want %d", tt.height, got, tt.remaining)
		}
		if got := MainNet.SubsidySat(MainNet.NextHalvingHeight(tt.height)); got != tt.nextSubsidy {
			t.Errorf("subsidy after %d = %d, want %d", tt.height, got, tt.nextSubsidy)
		}
	}
}

// TestHalvingETA estimates the April 2024 halving from a
// block 2016 blocks before it: 2016 x 600 s later.
func TestHalvingETA(t *testing.T) {
	const t0 = 1_700_000_000
	if got := MainNet.HalvingETA(837_984, t0, 600); got != t0+2016*600 {
		t.Errorf("ETA = %d, want %d", got, t0+2016*600)
	}
	if got := MainNet.HalvingETA(839_999, t0, 598.6); got != t0+599 {
		t.Errorf("ETA one block ahead at 598.6 s = %d, want %d", got, t0+599)
	}
}

func TestEpochsAddUpToMaxSupply(t *testing.T) {
	e := MainNet.Epochs(64)
	if len(e) != 64 || e[4].SubsidySat != 312_500_000 || e[4].FirstHeight != 840_000 {
		t.Fatalf("epoch 4 = %+v", e[4])
	}
	if last := e[63].SupplyAtEndSat; last != MainNet.MaxSupplySat() {
		t.Errorf("supply after 64 epochs = %d, want %d", last, MainNet.MaxSupplySat())
	}
	for _, ep := range e {
		if ep.SupplyAtEndSat != MainNet.SupplySat(ep.LastHeight) {
			t.Errorf("epoch %d: supply %d, SupplySat says %d", ep.Epoch, ep.SupplyAtEndSat, MainNet.SupplySat(ep.LastHeight))
		}
	}
}
