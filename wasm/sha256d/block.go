package sha256d

import "math/bits"

// compress runs the SHA-256 compression function on one 64-byte block given
// as sixteen big-endian words, updating the state h in place. It is the
// FIPS 180-4 algorithm with the rounds written eight at a time, each with
// the working variables renamed instead of shifted: in WebAssembly, where
// every uint32 lives in a 64-bit local, that saves the eight moves a round
// would otherwise make.
func compress(h *[8]uint32, block *[16]uint32) {
	var w [64]uint32
	copy(w[:16], block[:])
	for i := 16; i < 64; i++ {
		v1 := w[i-2]
		t1 := bits.RotateLeft32(v1, -17) ^ bits.RotateLeft32(v1, -19) ^ (v1 >> 10)
		v2 := w[i-15]
		t2 := bits.RotateLeft32(v2, -7) ^ bits.RotateLeft32(v2, -18) ^ (v2 >> 3)
		w[i] = t1 + w[i-7] + t2 + w[i-16]
	}

	a, b, c, d, e, f, g, hh := h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7]
	for i := 0; i < 64; i += 8 {
		d, hh = round(a, b, c, d, e, f, g, hh, k[i]+w[i])
		c, g = round(hh, a, b, c, d, e, f, g, k[i+1]+w[i+1])
		b, f = round(g, hh, a, b, c, d, e, f, k[i+2]+w[i+2])
		a, e = round(f, g, hh, a, b, c, d, e, k[i+3]+w[i+3])
		hh, d = round(e, f, g, hh, a, b, c, d, k[i+4]+w[i+4])
		g, c = round(d, e, f, g, hh, a, b, c, k[i+5]+w[i+5])
		f, b = round(c, d, e, f, g, hh, a, b, k[i+6]+w[i+6])
		e, a = round(b, c, d, e, f, g, hh, a, k[i+7]+w[i+7])
	}
	h[0] += a
	h[1] += b
	h[2] += c
	h[3] += d
	h[4] += e
	h[5] += f
	h[6] += g
	h[7] += hh
}

// round is one SHA-256 round on working variables a..h with kw = K[i] +
// W[i]. It returns the two that change, d and h; the caller renames the
// rest, so the eight rounds of a pass end where they began. Ch and Maj are
// written with fewer operations than FIPS 180-4's forms, the same
// functions: Ch picks f's bit where e has a 1, else g's, which is
// g ^ (e & (f ^ g)); Maj is b & c where a is 0, b | c where a is 1.
func round(a, b, c, d, e, f, g, h, kw uint32) (uint32, uint32) {
	t1 := h + (bits.RotateLeft32(e, -6) ^ bits.RotateLeft32(e, -11) ^ bits.RotateLeft32(e, -25)) + (g ^ (e & (f ^ g))) + kw
	t2 := (bits.RotateLeft32(a, -2) ^ bits.RotateLeft32(a, -13) ^ bits.RotateLeft32(a, -22)) + ((b & c) | (a & (b | c)))
	return d + t1, t1 + t2
}
