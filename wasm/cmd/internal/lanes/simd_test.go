//go:build goexperiment.simd && wasm

package lanes

import (
	"crypto/sha256"
	"encoding/binary"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/hashswitch/hashswitch/wasm/sha256d"
)

// TestLanesMatchCrypto checks each of the four lanes against crypto/sha256
// twice, on random headers and nonces, across the nonce's wrap.
func TestLanesMatchCrypto(t *testing.T) {
	r := rand.New(rand.NewPCG(19, 20))
	for n := 0; n < 1000; n++ {
		var header [sha256d.HeaderSize]byte
		for i := range header {
			header[i] = byte(r.Uint32())
		}
		s := sha256d.NewScanner(&header, &[32]byte{})
		nonce := r.Uint32()
		if n == 0 {
			nonce = math.MaxUint32 - 1 // lanes 2 and 3 wrap to 0 and 1
		}
		s.SetLanes(Kernel)
		var tops [4]uint32
		Kernel.Tops(s.Prepared(), nonce, &tops)
		for i, top := range tops {
			binary.LittleEndian.PutUint32(header[76:], nonce+uint32(i))
			first := sha256.Sum256(header[:])
			want := sha256.Sum256(first[:])
			if top != binary.BigEndian.Uint32(want[28:]) {
				t.Fatalf("nonce %d lane %d: %08x, digest %x", nonce, i, top, want)
			}
		}
	}
}

// TestSearchWithLanes compares Search over four lanes with the one-lane
// kernel on ranges that are not multiples of four, with an easy target.
func TestSearchWithLanes(t *testing.T) {
	r := rand.New(rand.NewPCG(23, 24))
	var easy [32]byte
	for i := 1; i < 32; i++ {
		easy[i] = 0xff
	}
	for n := 0; n < 40; n++ {
		var header [sha256d.HeaderSize]byte
		for i := range header {
			header[i] = byte(r.Uint32())
		}
		start, count := r.Uint32(), uint32(1+r.IntN(2000))
		one := sha256d.NewScanner(&header, &easy)
		four := sha256d.NewScanner(&header, &easy)
		four.SetLanes(Kernel)
		if got, want := four.Search(start, count), one.Search(start, count); got != want {
			t.Fatalf("start %d count %d: four lanes %+v, one %+v", start, count, got, want)
		}
	}
	s := sha256d.NewScanner(&[sha256d.HeaderSize]byte{}, &easy)
	s.SetLanes(Kernel)
	if a := testing.AllocsPerRun(20, func() { s.Search(0, 4096) }); a != 0 {
		t.Errorf("Search with lanes allocates %v times", a)
	}
}

// BenchmarkSearch is sha256d's BenchmarkSearch with the four lanes.
func BenchmarkSearch(b *testing.B) {
	var header [sha256d.HeaderSize]byte
	s := sha256d.NewScanner(&header, &[32]byte{})
	s.SetLanes(Kernel)
	var n uint32
	for b.Loop() {
		n += s.Search(n, 4096).Hashes
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(n), "ns/hash")
	b.ReportMetric(float64(n)/b.Elapsed().Seconds()/1e6, "MH/s")
}
