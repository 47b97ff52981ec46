package sha256d

import "math/bits"

// The scanner's kernel: SHA-256d of a header at one nonce, with every piece
// of work that does not depend on the nonce done once per header (in
// prepare) or once for all (in the package's variables), and only the one
// state word the target is compared on computed. These are the shortcuts
// mining software has used since the first GPU miners:
//
//  1. The second block's words 0..2 (the end of the merkle root, the time
//     and the bits) are the same for every nonce, so its first three rounds
//     are done once. The nonce is word 3: in round 3 it only adds to T1,
//     which goes into a and e alike, so round 3 is done once with a zero
//     nonce and the nonce added to a and e after.
//  2. Words 4..15 of that block are padding and the length, constants; so
//     are schedule words 16 and 17, and parts of 18..32. Those parts are
//     added up once.
//  3. The second SHA-256 hashes 32 bytes: its words 8..15 are constant
//     padding, so its round 0 starts from the IV with a known T1 less word
//     0, and its schedule words 16..31 lose their constant terms.
//  4. Bitcoin compares the digest as a little-endian number, so its most
//     significant 32 bits are the last state word, h7. h7 after round 64 is
//     e after round 61: the kernel stops there, three rounds and three
//     schedule words early, and Search computes the whole digest only for
//     a nonce whose top word could meet the target or beat the best.
//
// And two that are about the compiler, not SHA-256: the schedule words are
// written out one by one, because Go's WebAssembly backend turns each
// iteration of a loop into a jump through a dispatch table (a fifth of the
// kernel's time); the rounds stay in compress's eight-round loop, because
// written out too the function grows past what V8 optimizes well and runs
// four times slower.
//
// Each step is checked against crypto/sha256 in the tests, and its speed
// is in BENCH.md. The same kernel four nonces at a time, in WebAssembly
// SIMD lanes, is wasm/cmd/internal/lanes (a Lanes, given to SetLanes).

// The block of the first hash's second block from word 4 on, and the
// second hash's from word 8 on: padding and lengths (FIPS 180-4, 5.1.1).
const (
	pad       = 0x80000000     // the 1 bit after the message
	headerLen = HeaderSize * 8 // first hash: an 80-byte message, in bits
	digestLen = 32 * 8         // second hash: a 32-byte message, in bits
)

// zero0 is the IV after the second hash's round 0 with word 0 zero: a and e
// then take word 0 as an addend. Its words are a..h.
var zero0 = func() [8]uint32 {
	s := iv
	roundsGeneric(&s, &[16]uint32{}, 0, 1)
	return s
}()

// Constant schedule terms (σ of a constant word).
var (
	sigma1HeaderLen = sigma1(headerLen)
	sigma0HeaderLen = sigma0(headerLen)
	sigma1DigestLen = sigma1(digestLen)
	sigma0DigestLen = sigma0(digestLen)
	sigma0Pad       = sigma0(pad)
)

// Prepared is the work on a header that the kernel does once, not per
// nonce: what a kernel outside this package (the four-lane one, in
// wasm/cmd/internal/lanes) starts from.
type Prepared struct {
	Mid    [8]uint32 // the state after the header's first 64 bytes
	Round4 [8]uint32 // a..h after the second block's round 3, with a zero nonce
	// Schedule words 16 and 17, and the parts of 18, 19, 31 and 32
	// without the nonce.
	W16, W17, W18, W19, W31, W32 uint32
}

// prepare does the nonce-independent part of the second block once per
// header: s.pre.Mid and s.tail must be set.
func (s *Scanner) prepare() {
	w, p := &s.tail, &s.pre
	p.Round4 = p.Mid
	zeroNonce := *w
	zeroNonce[nonceWord] = 0
	roundsGeneric(&p.Round4, &zeroNonce, 0, 4)
	p.W16 = sigma0(w[1]) + w[0]
	p.W17 = sigma1HeaderLen + sigma0(w[2]) + w[1]
	p.W18 = sigma1(p.W16) + w[2]
	p.W19 = sigma1(p.W17) + sigma0Pad
	p.W31 = sigma0(p.W16) + headerLen
	p.W32 = sigma0(p.W17) + p.W16
	// Schedule words 8..17 are the same for every nonce; top writes only
	// those from 18 on.
	f := &s.first
	copy(f[8:16], w[8:16])
	f[16], f[17] = p.W16, p.W17
}

// Constants are the kernel's fixed words, for a kernel outside this
// package: the round constants, the IV, the IV after the second hash's
// round 0 with a zero word, and the padding words with their σ.
var Constants = struct {
	K                                                                             [64]uint32
	IV, Zero0                                                                     [8]uint32
	Pad, HeaderLen, DigestLen                                                     uint32
	Sigma0HeaderLen, Sigma1HeaderLen, Sigma0DigestLen, Sigma1DigestLen, Sigma0Pad uint32
}{k, iv, zero0, pad, headerLen, digestLen, sigma0HeaderLen, sigma1HeaderLen, sigma0DigestLen, sigma1DigestLen, sigma0Pad}

// top returns the last state word of SHA-256d at nonce, computing no more
// than it needs. Byte-swapped, it is the digest's most significant 32 bits
// as Bitcoin reads it.
func (s *Scanner) top(nonce uint32) uint32 {
	n := bits.ReverseBytes32(nonce) // the header stores it little-endian
	// First hash, second block: rounds 4..63 from the precomputed state.
	w := &s.first
	w[18] = s.pre.W18 + sigma0(n)
	w[19] = s.pre.W19 + n
	w[20] = sigma1(w[18]) + pad
	w[21] = sigma1(w[19])
	w[22] = sigma1(w[20]) + headerLen
	w[23] = sigma1(w[21]) + w[16]
	w[24] = sigma1(w[22]) + w[17]
	w[25] = sigma1(w[23]) + w[18]
	w[26] = sigma1(w[24]) + w[19]
	w[27] = sigma1(w[25]) + w[20]
	w[28] = sigma1(w[26]) + w[21]
	w[29] = sigma1(w[27]) + w[22]
	w[30] = sigma1(w[28]) + w[23] + sigma0HeaderLen
	w[31] = sigma1(w[29]) + w[24] + s.pre.W31
	w[32] = sigma1(w[30]) + w[25] + s.pre.W32
	w[33] = sigma1(w[31]) + w[26] + sigma0(w[18]) + w[17]
	w[34] = sigma1(w[32]) + w[27] + sigma0(w[19]) + w[18]
	w[35] = sigma1(w[33]) + w[28] + sigma0(w[20]) + w[19]
	w[36] = sigma1(w[34]) + w[29] + sigma0(w[21]) + w[20]
	w[37] = sigma1(w[35]) + w[30] + sigma0(w[22]) + w[21]
	w[38] = sigma1(w[36]) + w[31] + sigma0(w[23]) + w[22]
	w[39] = sigma1(w[37]) + w[32] + sigma0(w[24]) + w[23]
	w[40] = sigma1(w[38]) + w[33] + sigma0(w[25]) + w[24]
	w[41] = sigma1(w[39]) + w[34] + sigma0(w[26]) + w[25]
	w[42] = sigma1(w[40]) + w[35] + sigma0(w[27]) + w[26]
	w[43] = sigma1(w[41]) + w[36] + sigma0(w[28]) + w[27]
	w[44] = sigma1(w[42]) + w[37] + sigma0(w[29]) + w[28]
	w[45] = sigma1(w[43]) + w[38] + sigma0(w[30]) + w[29]
	w[46] = sigma1(w[44]) + w[39] + sigma0(w[31]) + w[30]
	w[47] = sigma1(w[45]) + w[40] + sigma0(w[32]) + w[31]
	w[48] = sigma1(w[46]) + w[41] + sigma0(w[33]) + w[32]
	w[49] = sigma1(w[47]) + w[42] + sigma0(w[34]) + w[33]
	w[50] = sigma1(w[48]) + w[43] + sigma0(w[35]) + w[34]
	w[51] = sigma1(w[49]) + w[44] + sigma0(w[36]) + w[35]
	w[52] = sigma1(w[50]) + w[45] + sigma0(w[37]) + w[36]
	w[53] = sigma1(w[51]) + w[46] + sigma0(w[38]) + w[37]
	w[54] = sigma1(w[52]) + w[47] + sigma0(w[39]) + w[38]
	w[55] = sigma1(w[53]) + w[48] + sigma0(w[40]) + w[39]
	w[56] = sigma1(w[54]) + w[49] + sigma0(w[41]) + w[40]
	w[57] = sigma1(w[55]) + w[50] + sigma0(w[42]) + w[41]
	w[58] = sigma1(w[56]) + w[51] + sigma0(w[43]) + w[42]
	w[59] = sigma1(w[57]) + w[52] + sigma0(w[44]) + w[43]
	w[60] = sigma1(w[58]) + w[53] + sigma0(w[45]) + w[44]
	w[61] = sigma1(w[59]) + w[54] + sigma0(w[46]) + w[45]
	w[62] = sigma1(w[60]) + w[55] + sigma0(w[47]) + w[46]
	w[63] = sigma1(w[61]) + w[56] + sigma0(w[48]) + w[47]

	// Enter compress's eight-round pattern at its fifth round, with the
	// state after round 3 renamed to match and the nonce added to a and e.
	r := &s.pre.Round4
	e, f, g, hh, a, b, c, d := r[0]+n, r[1], r[2], r[3], r[4]+n, r[5], r[6], r[7]
	hh, d = round(e, f, g, hh, a, b, c, d, k[4]+pad)
	g, c = round(d, e, f, g, hh, a, b, c, k[5])
	f, b = round(c, d, e, f, g, hh, a, b, k[6])
	e, a = round(b, c, d, e, f, g, hh, a, k[7])
	for i := 8; i < 64; i += 8 {
		d, hh = round(a, b, c, d, e, f, g, hh, k[i]+w[i])
		c, g = round(hh, a, b, c, d, e, f, g, k[i+1]+w[i+1])
		b, f = round(g, hh, a, b, c, d, e, f, k[i+2]+w[i+2])
		a, e = round(f, g, hh, a, b, c, d, e, k[i+3]+w[i+3])
		hh, d = round(e, f, g, hh, a, b, c, d, k[i+4]+w[i+4])
		g, c = round(d, e, f, g, hh, a, b, c, k[i+5]+w[i+5])
		f, b = round(c, d, e, f, g, hh, a, b, k[i+6]+w[i+6])
		e, a = round(b, c, d, e, f, g, hh, a, k[i+7]+w[i+7])
	}

	// Second hash: its message is the first hash's state.
	m := &s.pre.Mid
	w = &s.second
	w[0], w[1], w[2], w[3] = m[0]+a, m[1]+b, m[2]+c, m[3]+d
	w[4], w[5], w[6], w[7] = m[4]+e, m[5]+f, m[6]+g, m[7]+hh
	w[16] = sigma0(w[1]) + w[0]
	w[17] = sigma1DigestLen + sigma0(w[2]) + w[1]
	w[18] = sigma1(w[16]) + sigma0(w[3]) + w[2]
	w[19] = sigma1(w[17]) + sigma0(w[4]) + w[3]
	w[20] = sigma1(w[18]) + sigma0(w[5]) + w[4]
	w[21] = sigma1(w[19]) + sigma0(w[6]) + w[5]
	w[22] = sigma1(w[20]) + digestLen + sigma0(w[7]) + w[6]
	w[23] = sigma1(w[21]) + w[16] + sigma0Pad + w[7]
	w[24] = sigma1(w[22]) + w[17] + pad
	w[25] = sigma1(w[23]) + w[18]
	w[26] = sigma1(w[24]) + w[19]
	w[27] = sigma1(w[25]) + w[20]
	w[28] = sigma1(w[26]) + w[21]
	w[29] = sigma1(w[27]) + w[22]
	w[30] = sigma1(w[28]) + w[23] + sigma0DigestLen
	w[31] = sigma1(w[29]) + w[24] + sigma0(w[16]) + digestLen
	w[32] = sigma1(w[30]) + w[25] + sigma0(w[17]) + w[16]
	w[33] = sigma1(w[31]) + w[26] + sigma0(w[18]) + w[17]
	w[34] = sigma1(w[32]) + w[27] + sigma0(w[19]) + w[18]
	w[35] = sigma1(w[33]) + w[28] + sigma0(w[20]) + w[19]
	w[36] = sigma1(w[34]) + w[29] + sigma0(w[21]) + w[20]
	w[37] = sigma1(w[35]) + w[30] + sigma0(w[22]) + w[21]
	w[38] = sigma1(w[36]) + w[31] + sigma0(w[23]) + w[22]
	w[39] = sigma1(w[37]) + w[32] + sigma0(w[24]) + w[23]
	w[40] = sigma1(w[38]) + w[33] + sigma0(w[25]) + w[24]
	w[41] = sigma1(w[39]) + w[34] + sigma0(w[26]) + w[25]
	w[42] = sigma1(w[40]) + w[35] + sigma0(w[27]) + w[26]
	w[43] = sigma1(w[41]) + w[36] + sigma0(w[28]) + w[27]
	w[44] = sigma1(w[42]) + w[37] + sigma0(w[29]) + w[28]
	w[45] = sigma1(w[43]) + w[38] + sigma0(w[30]) + w[29]
	w[46] = sigma1(w[44]) + w[39] + sigma0(w[31]) + w[30]
	w[47] = sigma1(w[45]) + w[40] + sigma0(w[32]) + w[31]
	w[48] = sigma1(w[46]) + w[41] + sigma0(w[33]) + w[32]
	w[49] = sigma1(w[47]) + w[42] + sigma0(w[34]) + w[33]
	w[50] = sigma1(w[48]) + w[43] + sigma0(w[35]) + w[34]
	w[51] = sigma1(w[49]) + w[44] + sigma0(w[36]) + w[35]
	w[52] = sigma1(w[50]) + w[45] + sigma0(w[37]) + w[36]
	w[53] = sigma1(w[51]) + w[46] + sigma0(w[38]) + w[37]
	w[54] = sigma1(w[52]) + w[47] + sigma0(w[39]) + w[38]
	w[55] = sigma1(w[53]) + w[48] + sigma0(w[40]) + w[39]
	w[56] = sigma1(w[54]) + w[49] + sigma0(w[41]) + w[40]
	w[57] = sigma1(w[55]) + w[50] + sigma0(w[42]) + w[41]
	w[58] = sigma1(w[56]) + w[51] + sigma0(w[43]) + w[42]
	w[59] = sigma1(w[57]) + w[52] + sigma0(w[44]) + w[43]
	w[60] = sigma1(w[58]) + w[53] + sigma0(w[45]) + w[44]

	// Round 0 from the IV is zero0 plus word 0 in a and e; enter the
	// pattern at its second round.
	z := &zero0
	hh, a, b, c, d, e, f, g = z[0]+w[0], z[1], z[2], z[3], z[4]+w[0], z[5], z[6], z[7]
	c, g = round(hh, a, b, c, d, e, f, g, k[1]+w[1])
	b, f = round(g, hh, a, b, c, d, e, f, k[2]+w[2])
	a, e = round(f, g, hh, a, b, c, d, e, k[3]+w[3])
	hh, d = round(e, f, g, hh, a, b, c, d, k[4]+w[4])
	g, c = round(d, e, f, g, hh, a, b, c, k[5]+w[5])
	f, b = round(c, d, e, f, g, hh, a, b, k[6]+w[6])
	e, a = round(b, c, d, e, f, g, hh, a, k[7]+w[7])
	d, hh = round(a, b, c, d, e, f, g, hh, k[8]+pad)
	c, g = round(hh, a, b, c, d, e, f, g, k[9])
	b, f = round(g, hh, a, b, c, d, e, f, k[10])
	a, e = round(f, g, hh, a, b, c, d, e, k[11])
	hh, d = round(e, f, g, hh, a, b, c, d, k[12])
	g, c = round(d, e, f, g, hh, a, b, c, k[13])
	f, b = round(c, d, e, f, g, hh, a, b, k[14])
	e, a = round(b, c, d, e, f, g, hh, a, k[15]+digestLen)
	for i := 16; i < 56; i += 8 {
		d, hh = round(a, b, c, d, e, f, g, hh, k[i]+w[i])
		c, g = round(hh, a, b, c, d, e, f, g, k[i+1]+w[i+1])
		b, f = round(g, hh, a, b, c, d, e, f, k[i+2]+w[i+2])
		a, e = round(f, g, hh, a, b, c, d, e, k[i+3]+w[i+3])
		hh, d = round(e, f, g, hh, a, b, c, d, k[i+4]+w[i+4])
		g, c = round(d, e, f, g, hh, a, b, c, k[i+5]+w[i+5])
		f, b = round(c, d, e, f, g, hh, a, b, k[i+6]+w[i+6])
		e, a = round(b, c, d, e, f, g, hh, a, k[i+7]+w[i+7])
	}
	d, hh = round(a, b, c, d, e, f, g, hh, k[56]+w[56])
	c, g = round(hh, a, b, c, d, e, f, g, k[57]+w[57])
	b, f = round(g, hh, a, b, c, d, e, f, k[58]+w[58])
	a, e = round(f, g, hh, a, b, c, d, e, k[59]+w[59])
	// Round 60's new e is h7 before the final addition (rounds 61..63
	// only move it down to h); e here is a, f b, g c, h d.
	return iv[7] + hh + d + bigSigma1(a) + ch(a, b, c) + k[60] + w[60]
}

// roundsGeneric runs rounds from..to-1 of the FIPS 180-4 compression on the
// working variables s (a..h) with message block, and no final addition.
func roundsGeneric(s *[8]uint32, block *[16]uint32, from, to int) {
	a, b, c, d, e, f, g, hh := s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7]
	for t := from; t < to; t++ {
		t1 := hh + bigSigma1(e) + ch(e, f, g) + k[t] + block[t]
		t2 := bigSigma0(a) + maj(a, b, c)
		hh, g, f, e, d, c, b, a = g, f, e, d+t1, c, b, a, t1+t2
	}
	*s = [8]uint32{a, b, c, d, e, f, g, hh}
}
