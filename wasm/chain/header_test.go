package chain

import (
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/hashswitch/hashswitch/internal/vectors"
)

// TestRealHeaders parses every real mainnet header, checks each field and
// the hash against the explorer's values, and checks its proof of work.
func TestRealHeaders(t *testing.T) {
	headers, powLimit := vectors.Headers()
	if got := TargetHex(MainNet.PowLimit); got != powLimit {
		t.Fatalf("pow limit %s, vectors say %s", got, powLimit)
	}
	for _, v := range headers {
		t.Run(fmt.Sprint(v.Height), func(t *testing.T) {
			h, err := ParseHeaderHex(v.HeaderHex)
			if err != nil {
				t.Fatal(err)
			}
			if h.Version != v.Version || h.Time != v.Time || FormatBits(h.Bits) != v.Bits || h.Nonce != v.Nonce {
				t.Errorf("fields %+v, want version %d time %d bits %s nonce %d", h, v.Version, v.Time, v.Bits, v.Nonce)
			}
			if h.PrevBlock.String() != v.PrevHash || h.MerkleRoot.String() != v.MerkleRoot {
				t.Errorf("prev %s merkle %s", h.PrevBlock, h.MerkleRoot)
			}
			hash := h.BlockHash()
			if hash.String() != v.Hash {
				t.Errorf("hash %s, want %s", hash, v.Hash)
			}
			if err := MainNet.CheckProofOfWork(hash, h.Bits); err != nil {
				t.Errorf("valid block rejected: %v", err)
			}
			b := h.Serialize()
			if hex.EncodeToString(b[:]) != v.HeaderHex {
				t.Error("serialize does not round-trip")
			}
		})
	}
}

// TestHeadersChain checks that each header names its predecessor's hash.
func TestHeadersChain(t *testing.T) {
	headers, _ := vectors.Headers()
	for i := 1; i < len(headers); i++ {
		if headers[i].Height != headers[i-1].Height+1 {
			continue
		}
		prev, _ := ParseHeaderHex(headers[i-1].HeaderHex)
		cur, _ := ParseHeaderHex(headers[i].HeaderHex)
		if cur.PrevBlock != prev.BlockHash() {
			t.Errorf("height %d does not link to %d", headers[i].Height, headers[i-1].Height)
		}
	}
}

func TestProofOfWorkFailsForAnotherNonce(t *testing.T) {
	headers, _ := vectors.Headers()
	h, _ := ParseHeaderHex(headers[len(headers)-1].HeaderHex)
	h.Nonce++
	if err := MainNet.CheckProofOfWork(h.BlockHash(), h.Bits); !errors.Is(err, ErrHashAboveTarget) {
		t.Errorf("changed nonce: %v, want ErrHashAboveTarget", err)
	}
	// The genesis hash against targets consensus rejects, as in Core's pow_tests.
	g, _ := ParseHeaderHex(headers[0].HeaderHex)
	for _, bits := range []uint32{0x1d80ffff, 0xff7fffff, 0, 0x1e01fffe} {
		if err := MainNet.CheckProofOfWork(g.BlockHash(), bits); err == nil || errors.Is(err, ErrHashAboveTarget) {
			t.Errorf("bits %08x: %v", bits, err)
		}
	}
}

func TestParseHeaderHexErrors(t *testing.T) {
	good := strings.Repeat("00", 80)
	for _, bad := range []string{"", good[:158], good + "00", strings.Repeat("zz", 80)} {
		if _, err := ParseHeaderHex(bad); !errors.Is(err, ErrHeaderHex) {
			t.Errorf("ParseHeaderHex(%.10q…) = %v", bad, err)
		}
	}
	if _, err := ParseHeader(make([]byte, 79)); err == nil {
		t.Error("79 bytes accepted")
	}
}

// FuzzParseHeaderHex: any string fails cleanly or round-trips to the same
// lowercase hex, and hashing and checking any parsed header never panics.
func FuzzParseHeaderHex(f *testing.F) {
	headers, _ := vectors.Headers()
	for _, v := range headers {
		f.Add(v.HeaderHex)
	}
	f.Add(strings.Repeat("ff", 80))
	f.Add(strings.Repeat("ff", 79) + "fg")
	f.Add(strings.Repeat("ff", 79) + "é")
	f.Fuzz(func(t *testing.T, s string) {
		h, err := ParseHeaderHex(s)
		// encoding/hex decides, and its error says why, in the same words.
		if trimmed := strings.TrimSpace(s); len(trimmed) == 2*HeaderSize {
			_, hexErr := hex.DecodeString(trimmed)
			if (err == nil) != (hexErr == nil) || err != nil && err.Error() != ErrHeaderHex.Error()+": "+hexErr.Error() {
				t.Fatalf("%q: error %v, encoding/hex says %v", s, err, hexErr)
			}
		}
		if err != nil {
			if !errors.Is(err, ErrHeaderHex) && !strings.HasPrefix(err.Error(), "must be") {
				t.Fatalf("%q: %v", s, err)
			}
			return
		}
		b := h.Serialize()
		if got := hex.EncodeToString(b[:]); got != strings.ToLower(strings.TrimSpace(s)) {
			t.Fatalf("%q round-trips to %s", s, got)
		}
		_ = MainNet.CheckProofOfWork(h.BlockHash(), h.Bits)
		_ = Difficulty(h.Bits)
	})
}
