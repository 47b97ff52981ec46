package gpu

import (
	"encoding/binary"
	"time"

	"github.com/hashswitch/hashswitch/wasm/sha256d"
)

// A Kernel runs the shader's scan entry point once: over the range that
// params (from Job.Params) names, with results.best set to best first.
// wasm/cmd/internal/webgpu's runs it on the GPU; the tests have one in Go.
type Kernel interface {
	Scan(params []byte, best uint32) (Results, error)
}

// ErrTooEasy is a target so easy that one dispatch meets it more often
// than the shader can list: the GPU kernel is for real targets.
var ErrTooEasy = &Failure{Reason: TooEasy, Detail: "more nonces meet it than a dispatch can list"}

// Search hashes count nonces from start (wrapping past 2^32-1) with k, in
// dispatches that size makes about its Target long, and answers as
// sha256d's Scanner.Search does: the first nonce that meets the target,
// with Hashes counting up to it, else the lowest hash of the range. The
// GPU only lists nonces; each listed one is hashed again here, whole.
func (j *Job) Search(k Kernel, start, count uint32, size *Sizer) (sha256d.Search, error) {
	var r sha256d.Search
	bestSet := false
	for done := uint32(0); done < count; {
		n := min(size.Next(), count-done)
		from := start + done
		params := j.Params(from, n)
		best := uint32(0xffffffff)
		if bestSet {
			best = binary.LittleEndian.Uint32(r.BestHash[28:])
		}
		began := time.Now()
		res, err := k.Scan(params, best)
		if err == nil && int(res.Count) > len(res.Nonces) {
			// The list overflowed, in the first waves of a dispatch most
			// likely: the lowest word is known now, so a second pass lists
			// only the nonces that reach it, and those that meet the target.
			res, err = k.Scan(params, res.Best)
			if err == nil && int(res.Count) > len(res.Nonces) {
				err = ErrTooEasy
			}
		}
		if err != nil {
			return r, err
		}
		size.Took(n, time.Since(began))
		found, at := false, uint32(0)
		for _, nonce := range res.Nonces {
			h := j.scanner.Hash(nonce)
			offset := nonce - from
			if !bestSet || lower(&h, &r.BestHash) || h == r.BestHash && offset < r.Best-from {
				r.Best, r.BestHash, bestSet = nonce, h, true
			}
			if meets(&h, &j.target) && (!found || offset < at) {
				found, at = true, offset
			}
		}
		if found {
			// Every nonce before the first that meets the target hashes
			// above it: that nonce is the lowest hash so far too.
			r.Found, r.Nonce, r.Best, r.Hashes = true, from+at, from+at, done+at+1
			r.BestHash = j.scanner.Hash(r.Nonce)
			return r, nil
		}
		done += n
	}
	r.Hashes = count
	return r, nil
}

// lower reports whether digest a, read as a little-endian number as
// Bitcoin reads it, is below b.
func lower(a, b *[32]byte) bool {
	for i := 31; i >= 0; i-- {
		if a[i] != b[i] {
			return a[i] < b[i]
		}
	}
	return false
}

// meets reports whether digest h, read as a little-endian number, is at
// most target, a big-endian one.
func meets(h, target *[32]byte) bool {
	for i := 0; i < 32; i++ {
		if h[31-i] != target[i] {
			return h[31-i] < target[i]
		}
	}
	return true
}

// Sizer picks how many nonces a dispatch hashes: about Target's worth at
// the rate the last dispatch ran, from 2^16 for the first (a few
// milliseconds on any GPU). Short dispatches stop quickly and never near
// the seconds after which an operating system resets a GPU; long ones
// keep the GPU's time from going to the round trip of reading results.
type Sizer struct {
	Target time.Duration
	nonces uint32
}

// The dispatch sizes Sizer keeps to: 2^31 fills 2^21 workgroups.
const (
	FirstDispatch = 1 << 16
	MinDispatch   = 1 << 12
	MaxDispatch   = 1 << 31
)

// Next is the next dispatch's size.
func (s *Sizer) Next() uint32 {
	if s.nonces == 0 {
		s.nonces = FirstDispatch
	}
	return s.nonces
}

// Took records that a dispatch of n nonces took d; the next grows at most
// fourfold, so one fast reading cannot make a dispatch run for seconds.
func (s *Sizer) Took(n uint32, d time.Duration) {
	target := s.Target
	if target <= 0 {
		target = 50 * time.Millisecond
	}
	next := float64(n) * float64(target) / float64(max(d, time.Microsecond))
	next = min(next, 4*float64(s.Next()), MaxDispatch)
	s.nonces = uint32(max(next, MinDispatch))
}
