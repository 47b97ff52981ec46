package chain

import (
	"encoding/binary"
	"encoding/hex"
	"math/bits"
	"strconv"
)

// Uint256 is an unsigned 256-bit integer: targets, hashes read as numbers,
// and chain work, as Bitcoin Core's arith_uint256 holds them. Its words
// are little-endian (Uint256{1} is one). The page's WebAssembly uses it
// instead of math/big, which brought fmt and 170 KB of brotli (BENCH.md,
// 26 November 2026); the tests hold it to math/big.
type Uint256 [4]uint64

// Uint256FromBytes reads 32 big-endian bytes, as the hex people read is
// written.
func Uint256FromBytes(b [32]byte) Uint256 {
	var x Uint256
	for i := range x {
		x[i] = binary.BigEndian.Uint64(b[32-8*(i+1):])
	}
	return x
}

// Bytes writes x as 32 big-endian bytes.
func (x Uint256) Bytes() [32]byte {
	var b [32]byte
	for i, w := range x {
		binary.BigEndian.PutUint64(b[32-8*(i+1):], w)
	}
	return b
}

// Hex writes x as 64 lowercase hex digits, big-endian: the API's form of
// a 256-bit value, as block explorers show it.
func (x Uint256) Hex() string {
	b := x.Bytes()
	return hex.EncodeToString(b[:])
}

// IsZero reports whether x is zero.
func (x Uint256) IsZero() bool { return x == Uint256{} }

// Cmp compares x and y: -1, 0 or +1.
func (x Uint256) Cmp(y Uint256) int {
	for i := 3; i >= 0; i-- {
		switch {
		case x[i] < y[i]:
			return -1
		case x[i] > y[i]:
			return 1
		}
	}
	return 0
}

// BitLen is the length of x in bits; 0 for zero.
func (x Uint256) BitLen() int {
	for i := 3; i >= 0; i-- {
		if x[i] != 0 {
			return 64*i + bits.Len64(x[i])
		}
	}
	return 0
}

// Lsh is x << n, dropping what passes bit 255.
func (x Uint256) Lsh(n uint) Uint256 {
	var z Uint256
	words, shift := int(n/64), n%64
	for i := 3; i >= words; i-- {
		z[i] = x[i-words] << shift
		if shift > 0 && i-words-1 >= 0 {
			z[i] |= x[i-words-1] >> (64 - shift)
		}
	}
	return z
}

// Rsh is x >> n.
func (x Uint256) Rsh(n uint) Uint256 {
	var z Uint256
	words, shift := int(n/64), n%64
	for i := 0; i+words < 4; i++ {
		z[i] = x[i+words] >> shift
		if shift > 0 && i+words+1 < 4 {
			z[i] |= x[i+words+1] << (64 - shift)
		}
	}
	return z
}

// Add is x + y, modulo 2^256.
func (x Uint256) Add(y Uint256) Uint256 {
	var z Uint256
	var carry uint64
	for i := range z {
		z[i], carry = bits.Add64(x[i], y[i], carry)
	}
	return z
}

// Sub is x - y, modulo 2^256.
func (x Uint256) Sub(y Uint256) Uint256 {
	var z Uint256
	var borrow uint64
	for i := range z {
		z[i], borrow = bits.Sub64(x[i], y[i], borrow)
	}
	return z
}

// Not is ^x: 2^256 - 1 - x.
func (x Uint256) Not() Uint256 { return Uint256{^x[0], ^x[1], ^x[2], ^x[3]} }

// Div is x / y, rounded down; y must not be zero. It divides bit by bit,
// as arith_uint256's operator/= does: 256 steps at most, plenty for a
// calculator.
func (x Uint256) Div(y Uint256) Uint256 {
	if y.IsZero() {
		panic("chain: division by zero")
	}
	var q, r Uint256
	for i := x.BitLen() - 1; i >= 0; i-- {
		r = r.Lsh(1)
		r[0] |= x[i/64] >> (i % 64) & 1
		if r.Cmp(y) >= 0 {
			r = r.Sub(y)
			q[i/64] |= 1 << (i % 64)
		}
	}
	return q
}

// String writes x in decimal.
func (x Uint256) String() string {
	if x.IsZero() {
		return "0"
	}
	// Divide by 10^19, the largest power of ten in a word, and write each
	// remainder as 19 digits, the last (most significant) unpadded.
	const chunk = 10_000_000_000_000_000_000
	var parts []uint64
	for !x.IsZero() {
		var rem uint64
		for i := 3; i >= 0; i-- {
			x[i], rem = bits.Div64(rem, x[i], chunk)
		}
		parts = append(parts, rem)
	}
	s := strconv.FormatUint(parts[len(parts)-1], 10)
	for i := len(parts) - 2; i >= 0; i-- {
		digits := strconv.FormatUint(parts[i], 10)
		s += "0000000000000000000"[len(digits):] + digits
	}
	return s
}
