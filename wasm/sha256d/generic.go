package sha256d

import "math/bits"

// compressGeneric is the SHA-256 compression function exactly as FIPS
// 180-4 section 6.2.2 writes it: the message schedule, then 64 rounds that
// shift the working variables down by one. It is the readable reference
// that compress, the fast path, is tested against on random blocks.
func compressGeneric(h *[8]uint32, block *[16]uint32) {
	var w [64]uint32
	copy(w[:16], block[:])
	for t := 16; t < 64; t++ {
		w[t] = sigma1(w[t-2]) + w[t-7] + sigma0(w[t-15]) + w[t-16]
	}
	a, b, c, d, e, f, g, hh := h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7]
	for t := 0; t < 64; t++ {
		t1 := hh + bigSigma1(e) + ch(e, f, g) + k[t] + w[t]
		t2 := bigSigma0(a) + maj(a, b, c)
		hh, g, f, e, d, c, b, a = g, f, e, d+t1, c, b, a, t1+t2
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

// The functions of FIPS 180-4 section 4.1.2.
func ch(x, y, z uint32) uint32  { return (x & y) ^ (^x & z) }
func maj(x, y, z uint32) uint32 { return (x & y) ^ (x & z) ^ (y & z) }
func bigSigma0(x uint32) uint32 {
	return bits.RotateLeft32(x, -2) ^ bits.RotateLeft32(x, -13) ^ bits.RotateLeft32(x, -22)
}
func bigSigma1(x uint32) uint32 {
	return bits.RotateLeft32(x, -6) ^ bits.RotateLeft32(x, -11) ^ bits.RotateLeft32(x, -25)
}
func sigma0(x uint32) uint32 { return bits.RotateLeft32(x, -7) ^ bits.RotateLeft32(x, -18) ^ (x >> 3) }
func sigma1(x uint32) uint32 {
	return bits.RotateLeft32(x, -17) ^ bits.RotateLeft32(x, -19) ^ (x >> 10)
}
