//go:build js && wasm

package mine

import (
	"fmt"

	"github.com/hack-pad/safejs"

	"github.com/hashswitch/hashswitch/wasm/cmd/internal/jsexport"
	"github.com/hashswitch/hashswitch/wasm/cmd/internal/lanes"
	"github.com/hashswitch/hashswitch/wasm/sha256d"
)

// SearchJS is search(headerHex, targetHex, start, count) for JavaScript:
// {found, nonce, best, bestHash, hashes, lanes}, or {error}; lanes is how
// many nonces the kernel hashes at once (4 in the SIMD build). One scanner serves
// every call; a worker runs one call at a time.
func SearchJS(args []safejs.Value) any {
	job, start, count, err := JobArgs(args)
	if err != nil {
		return ErrorResult(err.Error())
	}
	r := job.Run(&scanner, start, count)
	return map[string]any{"found": r.Found, "nonce": r.Nonce, "best": r.Best, "bestHash": r.BestHash, "hashes": r.Hashes, "lanes": lanes.Width()}
}

var scanner sha256d.Scanner

// JobArgs reads (headerHex, targetHex, start, count).
func JobArgs(args []safejs.Value) (Job, uint32, uint32, error) {
	bad := fmt.Errorf("search wants (headerHex, targetHex, start, count)")
	if len(args) != 4 {
		return Job{}, 0, 0, bad
	}
	strs, ok := jsexport.Strings(args[:2], 2)
	start, ok1 := jsexport.Uint32(args[2])
	count, ok2 := jsexport.Uint32(args[3])
	if !ok || !ok1 || !ok2 {
		return Job{}, 0, 0, bad
	}
	job, err := ParseJob(strs[0], strs[1])
	return job, start, count, err
}

// ErrorResult is what a call answers when it cannot run.
func ErrorResult(message string) any { return map[string]any{"error": message} }
