// Package gpu mines SHA-256d on a graphics card, apart from JavaScript:
// the WGSL kernel (sha256d.wgsl, embedded as Shader), the uniform it reads
// (Job.Params, from package sha256d's midstate and prepared words), and
// the search that turns what each dispatch lists into what the CPU's
// scanner reports: the lowest hash of a range and the first nonce that
// meets the target, both confirmed with the whole digest on the CPU. The
// WebGPU calls are wasm/cmd/internal/webgpu's, behind a Kernel; the
// comparison the page shows afterwards is package eras. Pure Go; it must
// never import syscall/js.
package gpu

import (
	_ "embed"
	"encoding/binary"

	"github.com/hashswitch/hashswitch/wasm/sha256d"
)

// Shader is the WGSL source: the scan and digests entry points.
//
//go:embed sha256d.wgsl
var Shader string

// The pipeline's overrides and the buffers' sizes. WorkgroupSize 64 is a
// whole number of SIMD groups on every GPU WebGPU runs on (32 lanes on
// NVIDIA, Apple and most mobile GPUs, 64 on AMD's GCN) and a quarter of
// the invocations WebGPU promises a workgroup. Each invocation hashes
// NoncesPerInvocation nonces, so that its start (the grid arithmetic and
// one atomic read) is spread over 16 hashes, while a dispatch of 2^16
// nonces, the first one, still fills 64 workgroups. BENCH.md has the
// numbers.
const (
	WorkgroupSize       = 64
	NoncesPerInvocation = 16
	ListLength          = 1024 // Results.nonces in the shader
	ParamsSize          = 128  // the Params struct: eight vec4<u32>
	ResultsSize         = 8 + 4*ListLength
	DigestWords         = 9 // what digests writes a nonce
)

// Job is one header and target to scan.
type Job struct {
	header  [sha256d.HeaderSize]byte
	target  [32]byte
	scanner *sha256d.Scanner // the midstate, and the CPU's check of a listed nonce
}

// NewJob prepares header (its nonce field is ignored) and target, 256-bit
// big-endian.
func NewJob(header *[sha256d.HeaderSize]byte, target *[32]byte) *Job {
	return &Job{header: *header, target: *target, scanner: sha256d.NewScanner(header, target)}
}

// Params is the shader's uniform for count nonces from start: the
// little-endian words of struct Params, as a WebGPU buffer holds them.
func (j *Job) Params(start, count uint32) []byte {
	p := j.scanner.Prepared()
	words := make([]uint32, 0, ParamsSize/4)
	words = append(words, p.Mid[:]...)
	words = append(words, p.Round4[:]...)
	words = append(words, p.W16, p.W17, p.W18, p.W19, p.W31, p.W32, 0, 0)
	for i := 0; i < 3; i++ {
		words = append(words, binary.BigEndian.Uint32(j.header[64+4*i:]))
	}
	words = append(words, 0, start, count, j.targetTop(), 0)
	out := make([]byte, ParamsSize)
	for i, w := range words {
		binary.LittleEndian.PutUint32(out[4*i:], w)
	}
	return out
}

// targetTop is the target's most significant 32 bits.
func (j *Job) targetTop() uint32 { return binary.BigEndian.Uint32(j.target[:4]) }

// Results is what one dispatch of scan leaves in its results buffer.
type Results struct {
	Best   uint32   // the lowest top word (the hash's most significant 32 bits)
	Count  uint32   // how many nonces the kernel listed, which may pass ListLength
	Nonces []uint32 // those it kept, at most ListLength
}

// DecodeResults reads a results buffer (ResultsSize bytes, little-endian).
func DecodeResults(b []byte) Results {
	r := Results{Best: binary.LittleEndian.Uint32(b), Count: binary.LittleEndian.Uint32(b[4:])}
	for i := 0; i < int(min(r.Count, ListLength)) && 8+4*i+4 <= len(b); i++ {
		r.Nonces = append(r.Nonces, binary.LittleEndian.Uint32(b[8+4*i:]))
	}
	return r
}

// Digest reads the nine words digests writes for a nonce: the SHA-256d
// state, which written big-endian is the digest in SHA-256's byte order,
// and top's word.
func Digest(words []uint32) (hash [32]byte, top uint32) {
	for i := 0; i < 8; i++ {
		binary.BigEndian.PutUint32(hash[4*i:], words[i])
	}
	return hash, words[8]
}

// Grid is the workgroups to dispatch for n nonces: x at most 65,535 (what
// WebGPU promises a dimension), and y rows of them.
func Grid(n uint32) (x, y uint32) {
	const perGroup = WorkgroupSize * NoncesPerInvocation
	groups := (uint64(n) + perGroup - 1) / perGroup
	x = uint32(min(groups, 65535))
	if x == 0 {
		return 0, 0
	}
	return x, uint32((groups + uint64(x) - 1) / uint64(x))
}

// Range reads the first nonce and the count back from params.
func Range(params []byte) (start, count uint32) {
	return binary.LittleEndian.Uint32(params[4*28:]), binary.LittleEndian.Uint32(params[4*29:])
}
