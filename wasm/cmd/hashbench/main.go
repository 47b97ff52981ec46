//go:build js && wasm

// Command hashbench is the benchmark harness's WebAssembly: the miner's
// search beside the naive way, crypto/sha256 twice per nonce, so the two
// run in the same browser on the same header. It ships with no page.
//
//	hashbench.search(headerHex, targetHex, start, count) // as hashworker
//	hashbench.naive(headerHex, start, count)             // {hashes}
package main

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"os"

	"github.com/hack-pad/safejs"

	"github.com/hashswitch/hashswitch/wasm/cmd/internal/jsexport"
	"github.com/hashswitch/hashswitch/wasm/cmd/internal/mine"
)

func main() {
	release, err := jsexport.Export("hashbench", map[string]jsexport.Func{"search": mine.SearchJS, "naive": naive}, mine.ErrorResult)
	if err != nil {
		fmt.Fprintln(os.Stderr, "hashbench:", err)
		os.Exit(1)
	}
	defer release()
	select {}
}

// naive hashes count nonces with crypto/sha256 twice, writing the nonce
// into the header each time, and keeps a byte of every hash so the work
// cannot be skipped.
func naive(args []safejs.Value) any {
	if len(args) != 3 {
		return mine.ErrorResult("hashbench.naive wants (headerHex, start, count)")
	}
	strs, ok := jsexport.Strings(args[:1], 1)
	start, ok1 := jsexport.Uint32(args[1])
	count, ok2 := jsexport.Uint32(args[2])
	if !ok || !ok1 || !ok2 {
		return mine.ErrorResult("hashbench.naive wants (headerHex, start, count)")
	}
	job, err := mine.ParseJob(strs[0], "00000000000000000000000000000000000000000000000000000000000000ff")
	if err != nil {
		return mine.ErrorResult(err.Error())
	}
	h := job.Header
	var acc byte
	for i := uint32(0); i < count; i++ {
		binary.LittleEndian.PutUint32(h[76:], start+i)
		first := sha256.Sum256(h[:])
		second := sha256.Sum256(first[:])
		acc ^= second[31]
	}
	return map[string]any{"hashes": count, "acc": int(acc)}
}
