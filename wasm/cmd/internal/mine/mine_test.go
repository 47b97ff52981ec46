package mine

import (
	"testing"

	"github.com/hashswitch/hashswitch/internal/vectors"
	"github.com/hashswitch/hashswitch/wasm/chain"
	"github.com/hashswitch/hashswitch/wasm/sha256d"
)

// TestFindsTheRealNonce mines every shared real header over a range around
// its nonce and finds it, with the block's hash.
func TestFindsTheRealNonce(t *testing.T) {
	headers, _ := vectors.Headers()
	for _, v := range headers {
		bits, _ := chain.ParseBits(v.Bits)
		target, _, _ := chain.CompactToTarget(bits)
		j, err := ParseJob(v.HeaderHex, chain.TargetHex(target))
		if err != nil {
			t.Fatal(err)
		}
		r := j.Run(new(sha256d.Scanner), v.Nonce-5000, 10000)
		if !r.Found || r.Nonce != v.Nonce || r.Hashes != 5001 || r.Best != v.Nonce || r.BestHash != v.Hash {
			t.Errorf("height %d: %+v, want nonce %d hash %s", v.Height, r, v.Nonce, v.Hash)
		}
	}
}

func TestParseJobErrors(t *testing.T) {
	headers, _ := vectors.Headers()
	good := chain.TargetHex(chain.Uint256{1})
	for _, c := range [][2]string{{"00", good}, {headers[0].HeaderHex, "00"}, {headers[0].HeaderHex, "zz" + good[2:]}} {
		if _, err := ParseJob(c[0], c[1]); err == nil {
			t.Errorf("accepted %q %q", c[0], c[1])
		}
	}
}
