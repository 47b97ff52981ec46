//go:build js && wasm

// Command hashworker is the WebAssembly of the in-browser miner's Web
// Workers. Each worker runs one instance and calls
//
//	hashworker.search(headerHex, targetHex, start, count)
//	// {found, nonce, best, bestHash, hashes}, or {error}
//
// which hashes count nonces of the 80-byte header from start with the
// midstate scanner (package sha256d): two compressions per nonce, nothing
// allocated per hash.
//
// The same module, run on the page, drives the GPU through WebGPU:
// globalThis.hashgpu (wasm/cmd/internal/webgpu) mines there with package
// gpu's WGSL kernel and writes the comparison of processor, graphics card
// and ASIC. A worker exports it too, and never calls it.
package main

import (
	"fmt"
	"os"

	"github.com/hashswitch/hashswitch/wasm/cmd/internal/jsexport"
	"github.com/hashswitch/hashswitch/wasm/cmd/internal/mine"
	"github.com/hashswitch/hashswitch/wasm/cmd/internal/webgpu"
)

func main() {
	release, err := jsexport.Export("hashworker", map[string]jsexport.Func{"search": mine.SearchJS}, mine.ErrorResult)
	if err != nil {
		fmt.Fprintln(os.Stderr, "hashworker:", err)
		os.Exit(1)
	}
	defer release()
	releaseGPU, err := jsexport.Export("hashgpu", webgpu.Funcs(), mine.ErrorResult)
	if err != nil {
		fmt.Fprintln(os.Stderr, "hashgpu:", err)
		os.Exit(1)
	}
	defer releaseGPU()
	select {} // the worker (or the page) calls in for as long as it lives
}
