package sha256d

import (
	"encoding/binary"
	"math/bits"
)

// Scanner hashes one block header at every nonce of a range.
//
// A header is 80 bytes: SHA-256 pads it to two 64-byte blocks. The nonce is
// in the second block, so the first block's compression (the midstate) is the
// same for every nonce and is done once, in NewScanner. Each nonce then costs
// one compression for the second block and one for the second SHA-256 of the
// 32-byte digest, whose padding is fixed: two compressions instead of three.
type Scanner struct {
	tail   [16]uint32 // second block: header bytes 64..79, padding, length
	target [8]uint32  // target as a 256-bit number, most significant word first

	pre           Prepared   // what the kernel (top) does once per header: see kernel.go
	first, second [64]uint32 // the kernel's two message schedules, reused
	lanes         Lanes      // a kernel for several nonces at once, or nil
	tops          [4]uint32  // what the kernel answers (here: an interface call's argument would escape)
}

// Lanes is a kernel that hashes several nonces at once, such as the
// four-lane WebAssembly SIMD one in wasm/cmd/internal/lanes. Tops sets
// out[i], for i below Width (at most 4), to the last state word of
// SHA-256d at nonce+i (wrapping past 2^32-1), from the header's Prepared
// work; it must allocate nothing.
type Lanes interface {
	Width() int
	Tops(p *Prepared, nonce uint32, out *[4]uint32)
}

// SetLanes makes Scan and Search use l, or the one-nonce kernel where l is
// nil.
func (s *Scanner) SetLanes(l Lanes) { s.lanes = l }

// width is how many nonces tops computes at once.
func (s *Scanner) width() uint32 {
	if s.lanes == nil {
		return 1
	}
	return uint32(s.lanes.Width())
}

// kernel sets s.tops[i] to top(nonce+i) for i below width.
func (s *Scanner) kernel(nonce uint32) *[4]uint32 {
	if s.lanes == nil {
		s.tops[0] = s.top(nonce)
	} else {
		s.lanes.Tops(&s.pre, nonce, &s.tops)
	}
	return &s.tops
}

// nonceWord is the index of the nonce in the second block's words.
const nonceWord = 3

// NewScanner prepares a scanner for header, whose nonce field (bytes 76..79)
// is ignored, and for target, a 256-bit big-endian number: a hash counts as
// found when, read as a little-endian number as Bitcoin does, it is at most
// target.
func NewScanner(header *[HeaderSize]byte, target *[32]byte) *Scanner {
	s := new(Scanner)
	s.Reset(header, target)
	return s
}

// Reset points s at another header and target without allocating.
func (s *Scanner) Reset(header *[HeaderSize]byte, target *[32]byte) {
	var first [16]uint32
	for i := range first {
		first[i] = binary.BigEndian.Uint32(header[4*i:])
	}
	s.pre.Mid = iv
	compress(&s.pre.Mid, &first)

	s.tail = [16]uint32{}
	for i := 0; i < 4; i++ {
		s.tail[i] = binary.BigEndian.Uint32(header[64+4*i:])
	}
	s.tail[4] = 0x80000000      // the 1 bit that ends the message
	s.tail[15] = HeaderSize * 8 // message length in bits
	for i := range s.target {
		s.target[i] = binary.BigEndian.Uint32(target[4*i:])
	}
	s.prepare()
}

// state computes the final SHA-256d state words for nonce. The digest is the
// eight words written big-endian.
func (s *Scanner) state(nonce uint32) [8]uint32 {
	block := s.tail
	// The header stores the nonce little-endian; the block reads words big-endian.
	block[nonceWord] = bits.ReverseBytes32(nonce)
	h := s.pre.Mid
	compress(&h, &block)

	// Second SHA-256: the 32-byte digest, then padding for a 256-bit message.
	second := [16]uint32{h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7], 0x80000000, 14: 0, 15: 256}
	out := iv
	compress(&out, &second)
	return out
}

// Hash returns SHA-256d of the header with nonce in its nonce field, in the
// order the bytes come out of SHA-256 (Bitcoin's internal order).
func (s *Scanner) Hash(nonce uint32) [32]byte {
	h := s.state(nonce)
	var out [32]byte
	for i, v := range h {
		binary.BigEndian.PutUint32(out[4*i:], v)
	}
	return out
}

// meets reports whether the digest with state words h, read as a
// little-endian 256-bit number, is at most the target.
func (s *Scanner) meets(h *[8]uint32) bool {
	// The number's most significant 32 bits are the last digest word, byte-swapped.
	for i := 0; i < 8; i++ {
		v := bits.ReverseBytes32(h[7-i])
		if v != s.target[i] {
			return v < s.target[i]
		}
	}
	return true
}

// Scan hashes count nonces starting at start (wrapping past 2^32-1) and
// returns the first nonce whose hash meets the target, and whether there was
// one. It allocates nothing.
func (s *Scanner) Scan(start, count uint32) (nonce uint32, found bool) {
	width := s.width()
	for i := uint32(0); i < count; i += width {
		tops := s.kernel(start + i)
		for j := uint32(0); j < width && i+j < count; j++ {
			n := start + i + j
			if bits.ReverseBytes32(tops[j]) > s.target[0] {
				continue // the top 32 bits alone are over the target
			}
			h := s.state(n)
			if s.meets(&h) {
				return n, true
			}
		}
	}
	return 0, false
}

// Search is what one pass over a nonce range found.
type Search struct {
	Found    bool   // a hash met the target
	Nonce    uint32 // the first nonce that did
	Best     uint32 // the nonce of the lowest hash in the range
	BestHash [32]byte
	Hashes   uint32 // nonces hashed
}

// Search hashes count nonces from start (wrapping), stopping at the first
// hash that meets the target, and keeps the lowest hash seen: what a
// miner's progress looks like. It allocates nothing.
func (s *Scanner) Search(start, count uint32) Search {
	r := Search{Hashes: count}
	best := [8]uint32{0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff}
	var bestTop uint32
	bestSet := false
	width := s.width()
scan:
	for i := uint32(0); i < count; i += width {
		tops := s.kernel(start + i) // width nonces; those past count are ignored
		for j := uint32(0); j < width && i+j < count; j++ {
			n := start + i + j
			top := bits.ReverseBytes32(tops[j])
			if bestSet && top > bestTop && top > s.target[0] {
				continue // neither lower than the best nor at most the target
			}
			h := s.state(n)
			if !bestSet || lower(&h, &best) {
				best, bestTop, r.Best, bestSet = h, top, n, true
			}
			if s.meets(&h) {
				r.Found, r.Nonce, r.Hashes = true, n, i+j+1
				break scan
			}
		}
	}
	for i, v := range best {
		binary.BigEndian.PutUint32(r.BestHash[4*i:], v)
	}
	return r
}

// lower reports whether digest a, read as a little-endian number, is below b.
func lower(a, b *[8]uint32) bool {
	for i := 7; i >= 0; i-- {
		x, y := bits.ReverseBytes32(a[i]), bits.ReverseBytes32(b[i])
		if x != y {
			return x < y
		}
	}
	return false
}

// Prepared is the header's work done once, for a Lanes kernel.
func (s *Scanner) Prepared() *Prepared { return &s.pre }
