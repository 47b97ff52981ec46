package chain

import (
	"math"
	"math/big"
	"strings"
	"testing"

	"github.com/hashswitch/hashswitch/internal/vectors"
)

func mustBits(t testing.TB, s string) uint32 {
	t.Helper()
	b, err := ParseBits(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestSetCompactMatchesCore runs every bignum_SetCompact case of Bitcoin
// Core, including the GetCompact round trip with the sign argument.
func TestSetCompactMatchesCore(t *testing.T) {
	for _, v := range vectors.CompactVectors().SetCompact {
		bits := mustBits(t, v.NBits)
		target, negative, overflow := CompactToTarget(bits)
		if negative != v.Negative || overflow != v.Overflow {
			t.Errorf("%s: negative=%v overflow=%v, want %v %v", v.NBits, negative, overflow, v.Negative, v.Overflow)
			continue
		}
		if overflow {
			continue
		}
		if got := TargetHex(target); got != v.TargetHex {
			t.Errorf("%s: target %s, want %s", v.NBits, got, v.TargetHex)
		}
		if v.GetCompact != "" {
			if got := FormatBits(TargetToCompact(target, v.GetCompactNeg)); got != v.GetCompact {
				t.Errorf("%s: GetCompact = %s, want %s", v.NBits, got, v.GetCompact)
			}
		}
	}
}

func TestGetCompactNeverSetsSignFromMantissa(t *testing.T) {
	for _, v := range vectors.CompactVectors().GetCompactOnly {
		value, _ := new(big.Int).SetString(v.Value, 16)
		if got := FormatBits(TargetToCompact(fromBig(value), false)); got != v.Compact {
			t.Errorf("GetCompact(%s) = %s, want %s", v.Value, got, v.Compact)
		}
	}
}

func TestDifficultyMatchesCore(t *testing.T) {
	for _, v := range vectors.CompactVectors().GetDifficulty {
		got := Difficulty(mustBits(t, v.NBits))
		if math.Abs(got-v.Expected) > v.Tolerance && math.Abs(got-v.Expected)/v.Expected > 1e-12 {
			t.Errorf("%s (%s): difficulty %g, want %g ± %g", v.NBits, v.Test, got, v.Expected, v.Tolerance)
		}
	}
}

// TestDifficultyIsPowLimitOverTarget checks Core's float formula against the
// exact ratio powLimit(compact)/target for every real header.
func TestDifficultyIsPowLimitOverTarget(t *testing.T) {
	one, _, _ := CompactToTarget(MainNet.PowLimitBits)
	headers, _ := vectors.Headers()
	for _, h := range headers {
		bits := mustBits(t, h.Bits)
		target, _, _ := CompactToTarget(bits)
		exact, _ := new(big.Rat).SetFrac(toBig(one), toBig(target)).Float64()
		if got := Difficulty(bits); math.Abs(got-exact)/exact > 1e-15 {
			t.Errorf("height %d: Difficulty %v, exact %v", h.Height, got, exact)
		}
		if h.Difficulty != nil && Difficulty(bits) != *h.Difficulty {
			t.Errorf("height %d: difficulty %v, want %v", h.Height, Difficulty(bits), *h.Difficulty)
		}
	}
}

// TestConsensusRejectsBadTargets is Bitcoin Core's CheckProofOfWork_test_*
// set: negative, overflowing, zero and too-easy targets are errors.
func TestConsensusRejectsBadTargets(t *testing.T) {
	tests := []struct {
		bits string
		err  error
	}{
		{"1d00ffff", nil},
		{"17034219", nil},
		{"1d80ffff", ErrNegativeTarget},
		{"ff7fffff", ErrTargetOverflow},
		{"ff123456", ErrTargetOverflow},
		{"00000000", ErrZeroTarget},
		{"1d800000", ErrZeroTarget},
		{"1e01fffe", ErrTargetTooEasy},
		{"207fffff", ErrTargetTooEasy},
	}
	for _, tt := range tests {
		_, err := MainNet.TargetFromBits(mustBits(t, tt.bits))
		if err != tt.err {
			t.Errorf("TargetFromBits(%s) = %v, want %v", tt.bits, err, tt.err)
		}
	}
	if _, err := RegTest.TargetFromBits(0x207fffff); err != nil {
		t.Errorf("regtest pow limit rejected: %v", err)
	}
}

func TestParseBits(t *testing.T) {
	for _, ok := range []string{"1d00ffff", "0x1d00ffff", "0X1D00FFFF", " 1d00ffff\n"} {
		if b, err := ParseBits(ok); err != nil || b != 0x1d00ffff {
			t.Errorf("ParseBits(%q) = %x, %v", ok, b, err)
		}
	}
	for _, bad := range []string{"", "1d00fff", "1d00ffff0", "zz00ffff", "+d00ffff", "0x", "0x0x1d00ff"} {
		if _, err := ParseBits(bad); err == nil || !strings.Contains(err.Error(), "8 hex digits") {
			t.Errorf("ParseBits(%q) error = %v", bad, err)
		}
	}
}

// TestHashrateDifficultyRoundTrip uses the FACTS convention:
// hashrate = difficulty x 2^32 / 600.
func TestHashrateDifficultyRoundTrip(t *testing.T) {
	const d = 149.3e12
	h := MainNet.HashrateFromDifficulty(d)
	if eh := h / 1e18; math.Abs(eh-1068.7) > 0.1 {
		t.Errorf("hashrate at difficulty %g = %.1f EH/s, want about 1068.7", d, eh)
	}
	if back := MainNet.DifficultyFromHashrate(h); math.Abs(back-d)/d > 1e-15 {
		t.Errorf("round trip %g -> %g", d, back)
	}
	if got := HashesPerBlock(1); got != 4294967296 {
		t.Errorf("HashesPerBlock(1) = %v", got)
	}
}

// TestWorkIsAboutDifficultyTimes2to32 compares the exact chain work of a
// target with the float convention difficulty x 2^32.
func TestWorkIsAboutDifficultyTimes2to32(t *testing.T) {
	for _, s := range []string{"1d00ffff", "17034219", "1b0404cb"} {
		bits := mustBits(t, s)
		target, _, _ := CompactToTarget(bits)
		work, _ := new(big.Float).SetInt(toBig(Work(target))).Float64()
		if approx := HashesPerBlock(Difficulty(bits)); math.Abs(work-approx)/approx > 1e-4 {
			t.Errorf("%s: work %g, difficulty x 2^32 = %g", s, work, approx)
		}
	}
}

// FuzzCompact checks SetCompact/GetCompact invariants on every 32-bit input:
// a decoded target re-encodes to bits that decode to the same target, and
// the sign survives the round trip.
func FuzzCompact(f *testing.F) {
	for _, v := range vectors.CompactVectors().SetCompact {
		f.Add(mustBits(f, v.NBits))
	}
	f.Fuzz(func(t *testing.T, bits uint32) {
		target, negative, overflow := CompactToTarget(bits)
		_ = Difficulty(bits)
		if overflow {
			if !target.IsZero() {
				t.Fatal("overflow with a target")
			}
			return
		}
		// The same number in math/big, without a bound: it fits.
		size, word := bits>>24, big.NewInt(int64(bits&0x007fffff))
		want := new(big.Int).Rsh(word, 8*uint(3-min(size, 3)))
		if size > 3 {
			want = new(big.Int).Lsh(word, 8*uint(size-3))
		}
		if want.BitLen() > 256 || toBig(target).Cmp(want) != 0 {
			t.Fatalf("%08x: target %s, math/big %x", bits, target.Hex(), want)
		}
		again := TargetToCompact(target, negative)
		back, neg2, of2 := CompactToTarget(again)
		if of2 || back.Cmp(target) != 0 || neg2 != negative {
			t.Fatalf("%08x -> %s -> %08x -> %s neg %v/%v", bits, TargetHex(target), again, TargetHex(back), negative, neg2)
		}
	})
}

// FuzzParseBits: any string either fails with a message or parses to bits
// that format back to the same digits.
func FuzzParseBits(f *testing.F) {
	f.Add("1d00ffff")
	f.Add("0x17034219")
	f.Add("zz")
	f.Fuzz(func(t *testing.T, s string) {
		bits, err := ParseBits(s)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error")
			}
			return
		}
		want := strings.ToLower(strings.TrimPrefix(strings.TrimPrefix(strings.TrimSpace(s), "0x"), "0X"))
		if FormatBits(bits) != want {
			t.Fatalf("%q -> %s", s, FormatBits(bits))
		}
	})
}
