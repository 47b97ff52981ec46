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
package main

import (
	"fmt"
	"os"

	"github.com/hack-pad/safejs"

	"github.com/hashswitch/hashswitch/wasm/cmd/internal/jsexport"
	"github.com/hashswitch/hashswitch/wasm/cmd/internal/mine"
	"github.com/hashswitch/hashswitch/wasm/sha256d"
)

func main() {
	release, err := jsexport.Export("hashworker", map[string]jsexport.Func{"search": search}, errorResult)
	if err != nil {
		fmt.Fprintln(os.Stderr, "hashworker:", err)
		os.Exit(1)
	}
	defer release()
	select {} // the worker calls in for as long as it lives
}

var scanner sha256d.Scanner

func search(args []safejs.Value) any {
	job, start, count, err := jobArgs(args)
	if err != nil {
		return errorResult(err.Error())
	}
	r := job.Run(&scanner, start, count)
	return map[string]any{"found": r.Found, "nonce": r.Nonce, "best": r.Best, "bestHash": r.BestHash, "hashes": r.Hashes}
}

// jobArgs reads (headerHex, targetHex, start, count).
func jobArgs(args []safejs.Value) (mine.Job, uint32, uint32, error) {
	bad := fmt.Errorf("hashworker.search wants (headerHex, targetHex, start, count)")
	if len(args) != 4 {
		return mine.Job{}, 0, 0, bad
	}
	strs, ok := jsexport.Strings(args[:2], 2)
	start, ok1 := jsexport.Uint32(args[2])
	count, ok2 := jsexport.Uint32(args[3])
	if !ok || !ok1 || !ok2 {
		return mine.Job{}, 0, 0, bad
	}
	job, err := mine.ParseJob(strs[0], strs[1])
	return job, start, count, err
}

func errorResult(message string) any { return map[string]any{"error": message} }
