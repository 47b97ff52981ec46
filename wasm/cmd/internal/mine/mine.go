// Package mine is what the miner's workers compute, apart from JavaScript:
// it reads a header and a target as hex and runs the midstate scanner over
// a nonce range. Pure Go, tested natively.
package mine

import (
	"encoding/hex"
	"fmt"

	"github.com/hashswitch/hashswitch/wasm/chain"
	"github.com/hashswitch/hashswitch/wasm/cmd/internal/lanes"
	"github.com/hashswitch/hashswitch/wasm/sha256d"
)

// Job is a nonce range of one header to hash.
type Job struct {
	Header [sha256d.HeaderSize]byte
	Target [32]byte // big-endian
}

// ParseJob reads a serialized header (160 hex digits) and a target (64 hex
// digits, big-endian, as block explorers show it).
func ParseJob(headerHex, targetHex string) (Job, error) {
	var j Job
	h, err := chain.ParseHeaderHex(headerHex)
	if err != nil {
		return j, fmt.Errorf("header: %w", err)
	}
	j.Header = h.Serialize()
	if len(targetHex) != 64 {
		return j, fmt.Errorf("target: must be 64 hex digits, got %d characters", len(targetHex))
	}
	if _, err := hex.Decode(j.Target[:], []byte(targetHex)); err != nil {
		return j, fmt.Errorf("target: %v", err)
	}
	return j, nil
}

// Result is a Search's outcome as the page reads it.
type Result struct {
	Found    bool   `json:"found"`
	Nonce    uint32 `json:"nonce"`
	Best     uint32 `json:"best"`
	BestHash string `json:"bestHash"` // display order
	Hashes   uint32 `json:"hashes"`
}

// Run hashes count nonces from start.
func (j *Job) Run(s *sha256d.Scanner, start, count uint32) Result {
	s.Reset(&j.Header, &j.Target)
	s.SetLanes(lanes.Kernel) // four nonces at a time where the build has SIMD
	r := s.Search(start, count)
	return Result{Found: r.Found, Nonce: r.Nonce, Best: r.Best, BestHash: chain.Hash(r.BestHash).String(), Hashes: r.Hashes}
}
