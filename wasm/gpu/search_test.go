package gpu

import (
	"encoding/binary"
	"errors"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/hashswitch/hashswitch/internal/vectors"
	"github.com/hashswitch/hashswitch/wasm/chain"
	"github.com/hashswitch/hashswitch/wasm/sha256d"
)

// emulated is a Kernel in Go: scan's rules, with each top word from
// crypto/sha256. Its invocations run in lockstep waves, each reading the
// shared best once at its start, as a GPU's do, and it keeps at most
// list nonces, as the shader keeps ListLength.
type emulated struct {
	header [80]byte
	list   int
	waves  int // invocations in flight at once
	scans  int
}

func (e *emulated) Scan(params []byte, best uint32) (Results, error) {
	e.scans++
	word := func(i int) uint32 { return binary.LittleEndian.Uint32(params[4*i:]) }
	start, count, targetTop := word(28), word(29), word(30)
	r := Results{Best: best}
	record := func(nonce uint32) {
		if len(r.Nonces) < e.list {
			r.Nonces = append(r.Nonces, nonce)
		}
		r.Count++
	}
	invocations := (count + NoncesPerInvocation - 1) / NoncesPerInvocation
	for first := uint32(0); first < invocations; first += uint32(e.waves) {
		wave := min(uint32(e.waves), invocations-first)
		seen := make([]uint32, wave)
		for i := range seen {
			seen[i] = r.Best
		}
		for k := uint32(0); k < NoncesPerInvocation; k++ {
			for i := uint32(0); i < wave; i++ {
				offset := (first+i)*NoncesPerInvocation + k
				if offset >= count {
					continue
				}
				nonce := start + offset
				h := sha256dOf(e.header, nonce)
				t := binary.LittleEndian.Uint32(h[28:])
				if t <= seen[i] || t <= targetTop {
					old := r.Best
					r.Best = min(old, t)
					seen[i] = min(old, t)
					if t <= old || t <= targetTop {
						record(nonce)
					}
				}
			}
		}
	}
	return r, nil
}

func randomHeader(rng *rand.Rand) [80]byte {
	var h [80]byte
	for i := range h {
		h[i] = byte(rng.Uint32())
	}
	return h
}

// TestSearchIsTheScanners: over random headers, targets from impossible
// to one hash in 2^12, and ranges at 0, at random and across 2^32-1, the
// GPU's search (its kernel emulated) reports what sha256d's scanner
// does: the same found nonce and count, the same lowest hash. Small lists
// make it take the second pass.
func TestSearchIsTheScanners(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 40; i++ {
		header := randomHeader(rng)
		var target [32]byte
		zeros := []int{32, 3, 2, 1}[i%4]
		if zeros < 32 {
			binary.BigEndian.PutUint32(target[zeros:], rng.Uint32()) // about one hash in 2^(8*zeros)
		}
		count := 1 + rng.Uint32N(20_000)
		start := []uint32{0, rng.Uint32(), 0xffffffff - count/2}[i%3]
		want := sha256d.NewScanner(&header, &target).Search(start, count)
		for _, list := range []int{ListLength, 3} {
			k := &emulated{header: header, list: list, waves: 256}
			size := &Sizer{nonces: 1 + rng.Uint32N(20_000)}
			got, err := NewJob(&header, &target).Search(k, start, count, size)
			if errors.Is(err, ErrTooEasy) && list < ListLength && zeros == 1 {
				continue // one hash in 2^8 meets it: more than 3 a dispatch
			}
			if err != nil || got != want {
				t.Fatalf("header %x, target %x, %d from %d, list %d: %+v %v, the scanner says %+v", header, target, count, start, list, got, err, want)
			}
		}
	}
}

// TestSearchFindsTheRealNonces: every shared mainnet header, over a range
// around its nonce, gives its nonce and hash, counting as the CPU does.
func TestSearchFindsTheRealNonces(t *testing.T) {
	headers, _ := vectors.Headers()
	for _, v := range headers {
		h, _ := chain.ParseHeaderHex(v.HeaderHex)
		header := h.Serialize()
		bits, _ := chain.ParseBits(v.Bits)
		target, _, _ := chain.CompactToTarget(bits)
		tb := target.Bytes()
		k := &emulated{header: header, list: ListLength, waves: 1024}
		r, err := NewJob(&header, &tb).Search(k, v.Nonce-3000, 6000, &Sizer{nonces: 1000})
		if err != nil || !r.Found || r.Nonce != v.Nonce || r.Best != v.Nonce || r.Hashes != 3001 || chain.Hash(r.BestHash).String() != v.Hash {
			t.Errorf("height %d: %+v %v, want nonce %d hash %s", v.Height, r, err, v.Nonce, v.Hash)
		}
	}
}

// TestTooEasy: a target every other hash meets overflows the list twice,
// and says so.
func TestTooEasy(t *testing.T) {
	header := randomHeader(rand.New(rand.NewPCG(5, 6)))
	target := [32]byte{0x7f, 0xff, 0xff, 0xff}
	k := &emulated{header: header, list: ListLength, waves: 64}
	_, err := NewJob(&header, &target).Search(k, 0, 65536, &Sizer{})
	if !errors.Is(err, ErrTooEasy) || k.scans != 2 {
		t.Errorf("%v after %d scans", err, k.scans)
	}
}

// TestSizer: dispatches grow toward Target's length, fourfold at most,
// within their bounds.
func TestSizer(t *testing.T) {
	s := &Sizer{Target: 50 * time.Millisecond}
	if n := s.Next(); n != FirstDispatch {
		t.Fatalf("first dispatch %d", n)
	}
	s.Took(FirstDispatch, time.Millisecond) // 50x too short: grows 4x
	if n := s.Next(); n != 4*FirstDispatch {
		t.Errorf("after a fast dispatch: %d", n)
	}
	s.Took(4*FirstDispatch, 100*time.Millisecond) // twice too long: halves
	if n := s.Next(); n != 2*FirstDispatch {
		t.Errorf("after a slow dispatch: %d", n)
	}
	s.Took(MinDispatch, time.Hour)
	if n := s.Next(); n != MinDispatch {
		t.Errorf("after a very slow one: %d", n)
	}
	for s.Next() < MaxDispatch {
		s.Took(s.Next(), time.Nanosecond)
	}
	if n := s.Next(); n != MaxDispatch {
		t.Errorf("at the top: %d", n)
	}
}

// TestGrid: a dispatch covers its nonces, within WebGPU's 65,535 a
// dimension.
func TestGrid(t *testing.T) {
	for _, n := range []uint32{1, 1024, 1025, FirstDispatch, 65535 * 1024, 65535*1024 + 1, MaxDispatch, 0xffffffff} {
		x, y := Grid(n)
		covered := func(rows uint32) uint64 { return uint64(x) * uint64(rows) * WorkgroupSize * NoncesPerInvocation }
		if x > 65535 || covered(y) < uint64(n) || y > 1 && covered(y-1) >= uint64(n) {
			t.Errorf("Grid(%d) = %d x %d", n, x, y)
		}
	}
	if x, y := Grid(0); x != 0 || y != 0 {
		t.Errorf("Grid(0) = %d x %d", x, y)
	}
}
