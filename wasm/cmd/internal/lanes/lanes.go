// Package lanes is the miner's kernel four nonces at a time, in the lanes
// of WebAssembly's 128-bit SIMD: Go 1.27's simd/archsimd, an experiment
// (GOEXPERIMENT=simd), for js/wasm. The miner's workers come in two
// builds, with it and without; the page runs the SIMD one where the
// browser has SIMD. It lives beside the entry points, not in sha256d,
// because it needs a build constraint and sha256d is pure Go.
package lanes

import "github.com/hashswitch/hashswitch/wasm/sha256d"

// Kernel is the four-lane kernel in a build with SIMD (simd.go), else nil:
// pass it to sha256d.Scanner.SetLanes either way.
var Kernel sha256d.Lanes

// Width is how many nonces at once a scanner using Kernel hashes.
func Width() int {
	if Kernel == nil {
		return 1
	}
	return Kernel.Width()
}
