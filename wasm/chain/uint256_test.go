package chain

import (
	"fmt"
	"math/big"
	"math/rand/v2"
	"testing"
)

func toBig(x Uint256) *big.Int {
	b := x.Bytes()
	return new(big.Int).SetBytes(b[:])
}

// fromBig takes the low 256 bits of a non-negative v.
func fromBig(v *big.Int) Uint256 {
	var b [32]byte
	new(big.Int).And(v, mask).FillBytes(b[:])
	return Uint256FromBytes(b)
}

var mask = new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1))

// values are 256-bit numbers of every length, with runs of ones and zeros
// across the words' edges, and the ones that matter: targets, hashes.
func values(r *rand.Rand) []Uint256 {
	out := []Uint256{{}, {1}, {2}, MainNet.PowLimit, RegTest.PowLimit, Uint256{}.Not(), {0, 1}, {^uint64(0)}, {0, 0, 0, 1 << 63}}
	for range 300 {
		x := Uint256{r.Uint64(), r.Uint64(), r.Uint64(), r.Uint64()}
		out = append(out, x.Rsh(uint(r.IntN(256))), x.Lsh(uint(r.IntN(256))))
	}
	return out
}

// TestUint256IsMathBig: every operation gives what math/big gives, modulo
// 2^256 where it would overflow.
func TestUint256IsMathBig(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	vs := values(r)
	for i, x := range vs {
		X := toBig(x)
		if got := fromBig(X); got != x {
			t.Fatalf("bytes do not round-trip: %v -> %v", x, got)
		}
		if got, want := x.String(), X.String(); got != want {
			t.Errorf("String(%s) = %s, want %s", x.Hex(), got, want)
		}
		if got, want := x.BitLen(), X.BitLen(); got != want {
			t.Errorf("BitLen(%s) = %d, want %d", x.Hex(), got, want)
		}
		if got, want := x.Hex(), fmt.Sprintf("%064x", X); got != want {
			t.Errorf("Hex(%v) = %s, want %s", x, got, want)
		}
		n := uint(r.IntN(260))
		if got, want := x.Lsh(n), fromBig(new(big.Int).Lsh(X, n)); got != want {
			t.Errorf("%s << %d = %s, want %s", x.Hex(), n, got.Hex(), want.Hex())
		}
		if got, want := x.Rsh(n), fromBig(new(big.Int).Rsh(X, n)); got != want {
			t.Errorf("%s >> %d = %s, want %s", x.Hex(), n, got.Hex(), want.Hex())
		}
		y := vs[(i*7+3)%len(vs)]
		Y := toBig(y)
		if got, want := x.Cmp(y), X.Cmp(Y); got != want {
			t.Errorf("Cmp(%s, %s) = %d, want %d", x.Hex(), y.Hex(), got, want)
		}
		if got, want := x.Add(y), fromBig(new(big.Int).Add(X, Y)); got != want {
			t.Errorf("%s + %s = %s, want %s", x.Hex(), y.Hex(), got.Hex(), want.Hex())
		}
		if got, want := x.Sub(y), fromBig(new(big.Int).Add(new(big.Int).Sub(X, Y), new(big.Int).Lsh(big.NewInt(1), 256))); got != want {
			t.Errorf("%s - %s = %s, want %s", x.Hex(), y.Hex(), got.Hex(), want.Hex())
		}
		if !y.IsZero() {
			if got, want := x.Div(y), fromBig(new(big.Int).Div(X, Y)); got != want {
				t.Errorf("%s / %s = %s, want %s", x.Hex(), y.Hex(), got.Hex(), want.Hex())
			}
		}
	}
}

// TestWorkIs2To256OverTargetPlusOne: Core's ~t/(t+1)+1 is 2^256/(t+1)
// for every target but zero.
func TestWorkIs2To256OverTargetPlusOne(t *testing.T) {
	two256 := new(big.Int).Lsh(big.NewInt(1), 256)
	for _, x := range values(rand.New(rand.NewPCG(3, 4))) {
		if x.IsZero() {
			continue // 2^256 does not fit; no target is zero
		}
		want := new(big.Int).Div(two256, new(big.Int).Add(toBig(x), big.NewInt(1)))
		if got := Work(x); toBig(got).Cmp(want) != 0 {
			t.Errorf("Work(%s) = %s, want %s", x.Hex(), got, want)
		}
	}
}
