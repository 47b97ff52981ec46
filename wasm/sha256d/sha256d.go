// Package sha256d computes Bitcoin's double SHA-256 and scans nonce ranges of
// an 80-byte block header the way a miner does: the first 64 bytes of the
// header are compressed once into a midstate, so each nonce costs two SHA-256
// compressions instead of three, and nothing is allocated per hash.
//
// The package is pure Go and portable: it must never import syscall/js, so
// the same code is tested natively and runs in the browser's workers.
package sha256d

import "encoding/binary"

// HeaderSize is the size of a serialized block header in bytes.
const HeaderSize = 80

// Sum returns SHA-256(SHA-256(data)), the straightforward way: three
// compressions for a header. It is the reference the scanner is tested
// against, and is tested against crypto/sha256, which the package does not
// import: that would link Go's whole FIPS module into the WebAssembly.
func Sum(data []byte) [32]byte {
	first := Sum256(data)
	return Sum256(first[:])
}

// Sum256 returns the SHA-256 digest of data (FIPS 180-4).
func Sum256(data []byte) [32]byte {
	h := iv
	n := uint64(len(data))
	var w [16]uint32
	for ; len(data) >= 64; data = data[64:] {
		for i := range w {
			w[i] = binary.BigEndian.Uint32(data[4*i:])
		}
		compress(&h, &w)
	}
	// The tail, the 1 bit, zeros and the length in bits fill one or two blocks.
	var last [128]byte
	copy(last[:], data)
	last[len(data)] = 0x80
	blocks := last[:64]
	if len(data) >= 56 {
		blocks = last[:128]
	}
	binary.BigEndian.PutUint64(blocks[len(blocks)-8:], n*8)
	for ; len(blocks) > 0; blocks = blocks[64:] {
		for i := range w {
			w[i] = binary.BigEndian.Uint32(blocks[4*i:])
		}
		compress(&h, &w)
	}
	var out [32]byte
	for i, v := range h {
		binary.BigEndian.PutUint32(out[4*i:], v)
	}
	return out
}

// iv is SHA-256's initial hash value (FIPS 180-4, 5.3.3).
var iv = [8]uint32{
	0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
	0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
}

// k holds SHA-256's round constants (FIPS 180-4, 4.2.2).
var k = [64]uint32{
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
	0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
	0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
	0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
	0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
	0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
}
