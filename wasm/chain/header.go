package chain

import (
	"encoding/binary"
	"encoding/hex"
	"errors"
	"strconv"
	"strings"

	"github.com/hashswitch/hashswitch/wasm/sha256d"
)

// HeaderSize is the size of a serialized block header in bytes.
const HeaderSize = sha256d.HeaderSize

// Hash is a SHA-256d digest in Bitcoin's internal byte order, the order it
// comes out of SHA-256 and is serialized in headers. People read it reversed.
type Hash [32]byte

// String returns the hash in display order (byte-reversed), as block
// explorers show it.
func (h Hash) String() string {
	r := h.reversed()
	return hex.EncodeToString(r[:])
}

// Number returns the hash as the little-endian 256-bit number that proof of
// work compares with the target.
func (h Hash) Number() Uint256 { return Uint256FromBytes(h.reversed()) }

// reversed returns the bytes in the opposite order: display order, or the
// big-endian form of the little-endian number.
func (h Hash) reversed() [32]byte {
	for i := 0; i < 16; i++ {
		h[i], h[31-i] = h[31-i], h[i]
	}
	return h
}

// Header is a block header. Hashes are in internal byte order.
type Header struct {
	Version    int32
	PrevBlock  Hash
	MerkleRoot Hash
	Time       uint32 // unix seconds
	Bits       uint32 // compact target
	Nonce      uint32
}

// ParseHeader decodes an 80-byte serialized header.
func ParseHeader(b []byte) (Header, error) {
	if len(b) != HeaderSize {
		return Header{}, errors.New("must be " + strconv.Itoa(HeaderSize) + " bytes, got " + strconv.Itoa(len(b)))
	}
	var h Header
	h.Version = int32(binary.LittleEndian.Uint32(b[0:]))
	copy(h.PrevBlock[:], b[4:36])
	copy(h.MerkleRoot[:], b[36:68])
	h.Time = binary.LittleEndian.Uint32(b[68:])
	h.Bits = binary.LittleEndian.Uint32(b[72:])
	h.Nonce = binary.LittleEndian.Uint32(b[76:])
	return h, nil
}

// ErrHeaderHex is returned by ParseHeaderHex for input that is not 160 hex
// digits.
var ErrHeaderHex = errors.New("must be 160 hex digits (an 80-byte header as serialized)")

// ParseHeaderHex decodes a header written as 160 hex digits, as serialized
// (the getblockheader RPC's hex form). Spaces around it are ignored.
func ParseHeaderHex(s string) (Header, error) {
	s = strings.TrimSpace(s)
	if len(s) != 2*HeaderSize {
		return Header{}, headerHexError(", got " + strconv.Itoa(len(s)) + " characters")
	}
	var b [HeaderSize]byte
	for i := range b {
		hi, ok1 := unhex(s[2*i])
		lo, ok2 := unhex(s[2*i+1])
		if !ok1 || !ok2 {
			bad := s[2*i]
			if ok1 {
				bad = s[2*i+1]
			}
			// encoding/hex's words, without the fmt its error type brings
			return Header{}, headerHexError(": encoding/hex: invalid byte: " + codePoint(bad))
		}
		b[i] = hi<<4 | lo
	}
	return ParseHeader(b[:])
}

// unhex reads one hex digit.
func unhex(c byte) (byte, bool) {
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10, true
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// headerHexError is ErrHeaderHex with what was wrong after it.
type headerHexError string

func (e headerHexError) Error() string { return ErrHeaderHex.Error() + string(e) }
func (e headerHexError) Unwrap() error { return ErrHeaderHex }

// codePoint writes byte c as a code point, as fmt's %#U does: U+0067 'g'.
func codePoint(c byte) string {
	h := strings.ToUpper(strconv.FormatUint(uint64(c), 16))
	s := "U+" + "0000"[len(h):] + h
	if r := rune(c); strconv.IsPrint(r) {
		s += " '" + string(r) + "'"
	}
	return s
}

// Serialize returns the 80 bytes that are hashed and sent on the wire.
func (h *Header) Serialize() [HeaderSize]byte {
	var b [HeaderSize]byte
	binary.LittleEndian.PutUint32(b[0:], uint32(h.Version))
	copy(b[4:36], h.PrevBlock[:])
	copy(b[36:68], h.MerkleRoot[:])
	binary.LittleEndian.PutUint32(b[68:], h.Time)
	binary.LittleEndian.PutUint32(b[72:], h.Bits)
	binary.LittleEndian.PutUint32(b[76:], h.Nonce)
	return b
}

// BlockHash returns SHA-256d of the serialized header.
func (h *Header) BlockHash() Hash {
	b := h.Serialize()
	return sha256d.Sum(b[:])
}

// CheckProofOfWork applies Bitcoin Core's CheckProofOfWork to a block hash
// and its bits: the target must decode without sign or overflow, be non-zero
// and at most the pow limit, and the hash, as a little-endian number, must be
// at most the target.
func (p *Params) CheckProofOfWork(hash Hash, bits uint32) error {
	target, err := p.TargetFromBits(bits)
	if err != nil {
		return bitsError{bits, err}
	}
	if hash.Number().Cmp(target) > 0 {
		return ErrHashAboveTarget
	}
	return nil
}

// bitsError is a problem with a header's bits: "bits 1d00ffff encodes ...".
type bitsError struct {
	bits uint32
	err  error
}

func (e bitsError) Error() string { return "bits " + FormatBits(e.bits) + " " + e.err.Error() }
func (e bitsError) Unwrap() error { return e.err }

// ErrHashAboveTarget means a hash does not meet its target.
var ErrHashAboveTarget = errors.New("hash is above the target")
