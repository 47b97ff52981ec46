package chain

import (
	"errors"
	"strconv"
	"strings"
)

// A compact number ("nBits") packs a 256-bit target into 32 bits like a
// floating-point number: the top byte is a length in bytes, the low 23 bits a
// mantissa and bit 23 a sign. Bitcoin Core reads it with
// arith_uint256::SetCompact and writes it with GetCompact.

// CompactToTarget decodes bits as SetCompact does. The target is the
// magnitude; negative reports a set sign bit with a non-zero mantissa, and
// overflow a value that does not fit in 256 bits (its target is then zero).
func CompactToTarget(bits uint32) (target Uint256, negative, overflow bool) {
	size := bits >> 24
	word := bits & 0x007fffff
	if size <= 3 {
		// Short forms drop mantissa bytes first; the sign and overflow
		// checks see what is left, as in Core.
		word >>= 8 * (3 - size)
	}
	negative = word != 0 && bits&0x00800000 != 0
	overflow = word != 0 && (size > 34 || (word > 0xff && size > 33) || (word > 0xffff && size > 32))
	if overflow {
		return Uint256{}, negative, true
	}
	target = Uint256{uint64(word)}
	if size > 3 {
		target = target.Lsh(uint(8 * (size - 3)))
	}
	return target, negative, false
}

// TargetToCompact encodes target (which must not be negative) as GetCompact
// does, setting the sign bit when negative is true and the mantissa is not
// zero. The result never has bit 23 set by the mantissa itself.
func TargetToCompact(target Uint256, negative bool) uint32 {
	size := uint32((target.BitLen() + 7) / 8)
	var compact uint32
	if size <= 3 {
		compact = uint32(target[0] << (8 * (3 - size)))
	} else {
		compact = uint32(target.Rsh(uint(8 * (size - 3)))[0])
	}
	// A mantissa with bit 23 set would read back as negative: shift it down a byte.
	if compact&0x00800000 != 0 {
		compact >>= 8
		size++
	}
	compact |= size << 24
	if negative && compact&0x007fffff != 0 {
		compact |= 0x00800000
	}
	return compact
}

// Errors of TargetFromBits, which consensus rejects (Bitcoin Core pow.cpp).
var (
	ErrNegativeTarget = errors.New("encodes a negative target")
	ErrZeroTarget     = errors.New("encodes a zero target")
	ErrTargetOverflow = errors.New("encodes a target above 2^256")
	ErrTargetTooEasy  = errors.New("encodes a target above the proof-of-work limit")
)

// TargetFromBits decodes bits and applies the consensus checks of Bitcoin
// Core's DeriveTarget: a negative, zero or overflowing target, or one easier
// than the pow limit, is an error.
func (p *Params) TargetFromBits(bits uint32) (Uint256, error) {
	target, negative, overflow := CompactToTarget(bits)
	switch {
	case negative:
		return Uint256{}, ErrNegativeTarget
	case overflow:
		return Uint256{}, ErrTargetOverflow
	case target.IsZero():
		return Uint256{}, ErrZeroTarget
	case target.Cmp(p.PowLimit) > 0:
		return Uint256{}, ErrTargetTooEasy
	}
	return target, nil
}

// ParseBits reads nBits written as 8 hex digits, with or without 0x, the way
// block explorers and RPCs show it ("1d00ffff", "0x17034219").
func ParseBits(s string) (uint32, error) {
	h := strings.TrimPrefix(strings.TrimPrefix(strings.TrimSpace(s), "0x"), "0X")
	v, err := strconv.ParseUint(h, 16, 32)
	if len(h) != 8 || err != nil {
		return 0, errors.New("must be 8 hex digits such as 1d00ffff, got " + strconv.Quote(clip(s)))
	}
	return uint32(v), nil
}

// FormatBits writes bits as 8 lowercase hex digits.
func FormatBits(bits uint32) string {
	s := strconv.FormatUint(uint64(bits), 16)
	return "00000000"[len(s):] + s
}

// Difficulty returns the difficulty of bits exactly as Bitcoin Core's
// GetDifficulty computes it: 0xffff / mantissa scaled by 256 per byte of
// length away from 29 (the length of the pow limit, 0x1d). Like Core it
// ignores the sign bit; a zero mantissa gives +Inf, so check the target
// first where that matters.
func Difficulty(bits uint32) float64 {
	shift := (bits >> 24) & 0xff
	d := float64(0x0000ffff) / float64(bits&0x00ffffff)
	for ; shift < 29; shift++ {
		d *= 256
	}
	for ; shift > 29; shift-- {
		d /= 256
	}
	return d
}

// two32 is 2^32: difficulty 1 takes 2^32 hashes per block on average.
const two32 = 1 << 32

// HashesPerBlock returns the expected number of hashes to find a block at
// difficulty: difficulty x 2^32.
func HashesPerBlock(difficulty float64) float64 {
	return difficulty * two32
}

// Work returns the exact expected number of hashes to meet target,
// 2^256 / (target+1), as Bitcoin Core's GetBlockProof sums into chain work:
// 2^256 does not fit in 256 bits, so it computes ~target / (target+1) + 1,
// the same number. The largest target, 2^256-1, has work 1; a target of
// zero, which consensus refuses, has no work that fits (it returns 0).
func Work(target Uint256) Uint256 {
	one, not := Uint256{1}, target.Not()
	if not.IsZero() {
		return one
	}
	return not.Div(target.Add(one)).Add(one)
}

// HashrateFromDifficulty returns the network hashrate in hashes per second
// that finds blocks at difficulty once per target spacing on average.
func (p *Params) HashrateFromDifficulty(difficulty float64) float64 {
	return difficulty * two32 / float64(p.TargetSpacingSec)
}

// DifficultyFromHashrate is the inverse of HashrateFromDifficulty.
func (p *Params) DifficultyFromHashrate(hashesPerSec float64) float64 {
	return hashesPerSec * float64(p.TargetSpacingSec) / two32
}

// TargetHex writes a 256-bit value as 64 lowercase hex digits, big-endian.
func TargetHex(v Uint256) string { return v.Hex() }

// clip shortens user input quoted in an error message.
func clip(s string) string {
	const n = 40
	if len(s) > n {
		return s[:n] + "…"
	}
	return s
}
