//go:build js && wasm

package main

import (
	"testing"

	"github.com/hack-pad/safejs"

	"github.com/hashswitch/hashswitch/internal/vectors"
	"github.com/hashswitch/hashswitch/wasm/chain"
	"github.com/hashswitch/hashswitch/wasm/cmd/internal/jsexport"
	"github.com/hashswitch/hashswitch/wasm/cmd/internal/mine"
)

// TestSearchThroughJS calls hashworker.search as a worker does, under Node,
// and finds the real nonce of block 840,000.
func TestSearchThroughJS(t *testing.T) {
	release, err := jsexport.Export("hashworker", map[string]jsexport.Func{"search": mine.SearchJS}, mine.ErrorResult)
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	obj, _ := safejs.Global().Get("hashworker")
	headers, _ := vectors.Headers()
	v := headers[len(headers)-1]
	bits, _ := chain.ParseBits(v.Bits)
	target, _, _ := chain.CompactToTarget(bits)
	r, err := obj.Call("search", v.HeaderHex, chain.TargetHex(target), float64(v.Nonce-100), 1000)
	if err != nil {
		t.Fatal(err)
	}
	found, _ := r.Get("found")
	nonce, _ := r.Get("nonce")
	hash, _ := r.Get("bestHash")
	f, _ := found.Bool()
	n, _ := nonce.Int()
	h, _ := hash.String()
	if !f || uint32(n) != v.Nonce || h != v.Hash {
		t.Errorf("found %v nonce %d hash %s", f, n, h)
	}
	for _, args := range [][]any{{}, {"x", "y", 1, 2}, {v.HeaderHex, chain.TargetHex(target), -1, 10}, {v.HeaderHex, chain.TargetHex(target), 1.5, 10}} {
		r, err := obj.Call("search", args...)
		if err != nil {
			t.Fatal(err)
		}
		if e, _ := r.Get("error"); e.Type() != safejs.TypeString {
			t.Errorf("search(%v) gave no error", args)
		}
	}
}
