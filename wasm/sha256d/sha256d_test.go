package sha256d

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/hashswitch/hashswitch/internal/vectors"
)

func TestCompressMatchesNIST(t *testing.T) {
	for _, v := range vectors.SHA256Vectors() {
		msg := v.Message
		if v.Repeat > 0 {
			msg = strings.Repeat(msg, v.Repeat)
		}
		ours := Sum256([]byte(msg))
		std := sha256.Sum256([]byte(msg))
		if got := hex.EncodeToString(ours[:]); got != v.SHA256 {
			t.Errorf("%s: Sum256 gives %s, want %s", v.Name, got, v.SHA256)
		}
		if got := hex.EncodeToString(std[:]); got != v.SHA256 {
			t.Errorf("%s: crypto/sha256 gives %s, want %s", v.Name, got, v.SHA256)
		}
	}
}

// TestSumMatchesCryptoOnEveryLength covers every padding case: lengths 0
// to 300, so 55, 56, 63, 64 and the two-block tails among them.
func TestSumMatchesCryptoOnEveryLength(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for n := 0; n <= 300; n++ {
		msg := make([]byte, n)
		for i := range msg {
			msg[i] = byte(r.Uint32())
		}
		if Sum256(msg) != sha256.Sum256(msg) {
			t.Fatalf("length %d: Sum256 disagrees with crypto/sha256", n)
		}
		first := sha256.Sum256(msg)
		if Sum(msg) != sha256.Sum256(first[:]) {
			t.Fatalf("length %d: Sum disagrees with crypto/sha256 twice", n)
		}
	}
}

func FuzzSum(f *testing.F) {
	f.Add([]byte("abc"))
	f.Add(make([]byte, 80))
	f.Fuzz(func(t *testing.T, msg []byte) {
		first := sha256.Sum256(msg)
		if Sum(msg) != sha256.Sum256(first[:]) {
			t.Fatalf("%x", msg)
		}
	})
}

// TestMidstateMatchesCryptoState compares the scanner's midstate with the
// state crypto/sha256 marshals after the same 64 bytes: "sha\x03" then the
// eight state words big-endian.
func TestMidstateMatchesCryptoState(t *testing.T) {
	header := randomHeader(rand.New(rand.NewPCG(3, 4)))
	d := sha256.New()
	d.Write(header[:64])
	state, err := d.(interface{ MarshalBinary() ([]byte, error) }).MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	s := NewScanner(&header, &[32]byte{})
	for i, w := range s.pre.Mid {
		if got := binary.BigEndian.Uint32(state[4+4*i:]); got != w {
			t.Fatalf("midstate word %d = %08x, crypto/sha256 has %08x", i, w, got)
		}
	}
}

func randomHeader(r *rand.Rand) [HeaderSize]byte {
	var h [HeaderSize]byte
	for i := range h {
		h[i] = byte(r.Uint32())
	}
	return h
}

// TestScannerHashMatchesNaive checks the 2-compression path and the
// kernel's one word (top) against crypto/sha256 twice on random headers
// and nonces, the ends of the nonce range among them.
func TestScannerHashMatchesNaive(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for n := 0; n < 5000; n++ {
		header := randomHeader(r)
		s := NewScanner(&header, &[32]byte{})
		nonce := r.Uint32()
		switch n {
		case 0:
			nonce = 0
		case 1:
			nonce = 1<<32 - 1
		}
		binary.LittleEndian.PutUint32(header[76:], nonce)
		first := sha256.Sum256(header[:])
		want := sha256.Sum256(first[:])
		if got := s.Hash(nonce); got != want {
			t.Fatalf("nonce %d: scanner %x, naive %x", nonce, got, want)
		}
		if got := s.top(nonce); got != binary.BigEndian.Uint32(want[28:]) {
			t.Fatalf("nonce %d: top %08x, digest %x", nonce, got, want)
		}
	}
}

// TestScanFindsTheFirstHashAtOrBelowTarget sets an easy target and compares
// Scan's answer with a naive search over the same range.
func TestScanFindsTheFirstHashAtOrBelowTarget(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	var target [32]byte
	target[0] = 0x00
	target[1] = 0x7f // about 1 hash in 512 qualifies
	for i := 2; i < 32; i++ {
		target[i] = 0xff
	}
	for n := 0; n < 20; n++ {
		header := randomHeader(r)
		start := r.Uint32()
		s := NewScanner(&header, &target)
		got, found := s.Scan(start, 20000)
		want, wantFound := naiveScan(header, target, start, 20000)
		if found != wantFound || got != want {
			t.Fatalf("Scan = %d %v, naive = %d %v", got, found, want, wantFound)
		}
	}
}

func naiveScan(header [HeaderSize]byte, target [32]byte, start, count uint32) (uint32, bool) {
	for i := uint32(0); i < count; i++ {
		binary.LittleEndian.PutUint32(header[76:], start+i)
		h := Sum(header[:])
		// Little-endian number vs big-endian target: compare from the last byte.
		less, equal := false, true
		for j := 0; j < 32 && equal; j++ {
			a, b := h[31-j], target[j]
			less, equal = a < b, a == b
		}
		if less || equal {
			return start + i, true
		}
	}
	return 0, false
}

func TestScanWrapsAndStopsAtCount(t *testing.T) {
	header := randomHeader(rand.New(rand.NewPCG(9, 10)))
	var all [32]byte
	for i := range all {
		all[i] = 0xff
	}
	s := NewScanner(&header, &all)
	if n, ok := s.Scan(1<<32-1, 2); !ok || n != 1<<32-1 {
		t.Errorf("max target: first nonce %d %v", n, ok)
	}
	if _, ok := s.Scan(5, 0); ok {
		t.Error("count 0 found a nonce")
	}
	var none [32]byte
	s.Reset(&header, &none)
	if _, ok := s.Scan(1<<32-10, 20); ok {
		t.Error("zero target met")
	}
}

func TestScanAllocatesNothing(t *testing.T) {
	header := randomHeader(rand.New(rand.NewPCG(11, 12)))
	s := NewScanner(&header, &[32]byte{})
	if a := testing.AllocsPerRun(100, func() { s.Scan(0, 64) }); a != 0 {
		t.Errorf("Scan allocates %v times per run", a)
	}
	if a := testing.AllocsPerRun(100, func() { s.Reset(&header, &[32]byte{}) }); a != 0 {
		t.Errorf("Reset allocates %v times per run", a)
	}
}

// The benchmarks report ns per header hash. Natively, crypto/sha256 uses the
// CPU's SHA instructions where it has them; in wasm it runs generic Go. So
// the fair comparison of the algorithms is Naive (Sum: three compressions of
// our compress) against Midstate (two); Crypto is the standard library's
// sha256 twice.

func BenchmarkCrypto(b *testing.B) {
	header := randomHeader(rand.New(rand.NewPCG(1, 1)))
	b.SetBytes(HeaderSize)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		binary.LittleEndian.PutUint32(header[76:], uint32(i))
		first := sha256.Sum256(header[:])
		sha256.Sum256(first[:])
	}
}

func BenchmarkNaive(b *testing.B) {
	header := randomHeader(rand.New(rand.NewPCG(1, 1)))
	b.SetBytes(HeaderSize)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		binary.LittleEndian.PutUint32(header[76:], uint32(i))
		Sum(header[:])
	}
}

func BenchmarkMidstate(b *testing.B) {
	header := randomHeader(rand.New(rand.NewPCG(1, 1)))
	s := NewScanner(&header, &[32]byte{})
	b.SetBytes(HeaderSize)
	b.ReportAllocs()
	var n uint32
	for b.Loop() {
		s.Scan(n, 1)
		n++
	}
}

// TestSearchKeepsTheLowestHash compares Search with a naive pass that
// hashes every nonce with crypto/sha256.
func TestSearchKeepsTheLowestHash(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 14))
	for n := 0; n < 10; n++ {
		header := randomHeader(r)
		start := r.Uint32()
		s := NewScanner(&header, &[32]byte{})
		got := s.Search(start, 3000)
		var best [32]byte
		var bestNonce uint32
		for i := uint32(0); i < 3000; i++ {
			binary.LittleEndian.PutUint32(header[76:], start+i)
			first := sha256.Sum256(header[:])
			h := sha256.Sum256(first[:])
			if i == 0 || lessLE(h, best) {
				best, bestNonce = h, start+i
			}
		}
		if got.Found || got.Hashes != 3000 || got.Best != bestNonce || got.BestHash != best {
			t.Fatalf("Search = %+v, naive best %d %x", got, bestNonce, best)
		}
	}
	if a := testing.AllocsPerRun(50, func() { NewScanner(&[HeaderSize]byte{}, &[32]byte{}).Search(0, 16) }); a > 1 {
		t.Errorf("Search allocates %v times", a)
	}
}

// lessLE compares two digests as little-endian numbers.
func lessLE(a, b [32]byte) bool {
	for i := 31; i >= 0; i-- {
		if a[i] != b[i] {
			return a[i] < b[i]
		}
	}
	return false
}

// TestCompressGeneric runs the fast compression and the FIPS reference on
// random states and blocks (crypto/sha256's TestBlockGeneric pattern).
func TestCompressGeneric(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 10_000; i++ {
		var h [8]uint32
		var block [16]uint32
		for j := range h {
			h[j] = rng.Uint32()
		}
		for j := range block {
			block[j] = rng.Uint32()
		}
		fast, ref := h, h
		compress(&fast, &block)
		compressGeneric(&ref, &block)
		if fast != ref {
			t.Fatalf("state %08x block %08x: fast %08x, reference %08x", h, block, fast, ref)
		}
	}
}

// TestCompressGenericIsSHA256 checks the reference itself against
// crypto/sha256 on random one-block messages (up to 55 bytes).
func TestCompressGenericIsSHA256(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for n := 0; n <= 55; n++ {
		msg := make([]byte, n)
		for i := range msg {
			msg[i] = byte(rng.Uint32())
		}
		var padded [64]byte
		copy(padded[:], msg)
		padded[n] = 0x80
		binary.BigEndian.PutUint64(padded[56:], uint64(n)*8)
		var block [16]uint32
		for i := range block {
			block[i] = binary.BigEndian.Uint32(padded[4*i:])
		}
		h := iv
		compressGeneric(&h, &block)
		var got [32]byte
		for i, v := range h {
			binary.BigEndian.PutUint32(got[4*i:], v)
		}
		if want := sha256.Sum256(msg); got != want {
			t.Fatalf("%d bytes: %x, crypto/sha256 %x", n, got, want)
		}
	}
}

// TestEarlyExitEdges sets the target to a hash's own value, one below it,
// and values whose top 32 bits equal the hash's: a hash equal to the
// target meets it, the early exit must not skip a nonce whose top word
// only ties, and one below is not met.
func TestEarlyExitEdges(t *testing.T) {
	r := rand.New(rand.NewPCG(17, 18))
	for n := 0; n < 200; n++ {
		header := randomHeader(r)
		nonce := r.Uint32()
		binary.LittleEndian.PutUint32(header[76:], nonce)
		first := sha256.Sum256(header[:])
		digest := sha256.Sum256(first[:])
		var equal [32]byte // the digest as a big-endian number
		for i := range equal {
			equal[i] = digest[31-i]
		}
		below := equal
		for i := 31; i >= 0; i-- { // equal - 1; a zero digest has no "below"
			below[i]--
			if below[i] != 0xff {
				break
			}
		}
		topOnly := equal // same top word, the rest as high as it goes
		for i := 4; i < 32; i++ {
			topOnly[i] = 0xff
		}
		for _, c := range []struct {
			name   string
			target [32]byte
			found  bool
		}{{"equal", equal, true}, {"one below", below, false}, {"same top word", topOnly, true}} {
			s := NewScanner(&header, &c.target)
			got, found := s.Scan(nonce, 1)
			want, wantFound := naiveScan(header, c.target, nonce, 1)
			if found != c.found || found != wantFound || got != want {
				t.Fatalf("%s: Scan = %d %v, naive %d %v, want found %v", c.name, got, found, want, wantFound, c.found)
			}
			if sr := s.Search(nonce, 1); sr.Found != c.found || sr.BestHash != digest {
				t.Fatalf("%s: Search = %+v", c.name, sr)
			}
		}
	}
}

// BenchmarkSearch is the miner's loop: Search over 4096 nonces a call, as a
// worker runs it, reported per hash. BenchmarkFullDigest is the same
// scanner's two whole compressions per nonce (the path before the kernel,
// still used to confirm a candidate): their ratio is what the kernel's
// shortcuts gain.
func BenchmarkSearch(b *testing.B) {
	header := randomHeader(rand.New(rand.NewPCG(1, 1)))
	s := NewScanner(&header, &[32]byte{})
	var n uint32
	for b.Loop() {
		n += s.Search(n, 4096).Hashes
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(n), "ns/hash")
	b.ReportMetric(float64(n)/b.Elapsed().Seconds()/1e6, "MH/s")
}

func BenchmarkFullDigest(b *testing.B) {
	header := randomHeader(rand.New(rand.NewPCG(1, 1)))
	s := NewScanner(&header, &[32]byte{})
	var n uint32
	var acc uint32
	for b.Loop() {
		for range 4096 {
			h := s.state(n)
			acc ^= h[7]
			n++
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(n), "ns/hash")
	b.ReportMetric(float64(n)/b.Elapsed().Seconds()/1e6, "MH/s")
	sink = acc
}

var sink uint32

// scalarLanes is a Lanes of any width made of the one-nonce kernel: it
// tests Scan's and Search's loop over several lanes natively (the SIMD
// kernel's own test compares its lanes with top).
type scalarLanes struct {
	s     *Scanner
	width int
}

func (l scalarLanes) Width() int { return l.width }
func (l scalarLanes) Tops(_ *Prepared, nonce uint32, out *[4]uint32) {
	for i := range l.width {
		out[i] = l.s.top(nonce + uint32(i))
	}
}

// TestLanesScanAndSearchAsOne runs Scan and Search with 2, 3 and 4 lanes
// over counts that are not multiples of the width, across the nonce's
// wrap, with targets met early, late and never, and compares them with
// the one-nonce kernel.
func TestLanesScanAndSearchAsOne(t *testing.T) {
	r := rand.New(rand.NewPCG(21, 22))
	var easy [32]byte // about 1 hash in 256 qualifies
	easy[0] = 0x00
	for i := 1; i < 32; i++ {
		easy[i] = 0xff
	}
	for n := 0; n < 60; n++ {
		header := randomHeader(r)
		start, count := r.Uint32(), uint32(1+r.IntN(700))
		if n%10 == 0 {
			start = math.MaxUint32 - uint32(r.IntN(5))
		}
		target := [][32]byte{easy, {}}[n%2]
		one := NewScanner(&header, &target)
		for _, width := range []int{2, 3, 4} {
			s := NewScanner(&header, &target)
			s.SetLanes(scalarLanes{s, width})
			if got, want := s.Search(start, count), one.Search(start, count); got != want {
				t.Fatalf("width %d, start %d, count %d: Search %+v, one lane %+v", width, start, count, got, want)
			}
			gotN, gotOK := s.Scan(start, count)
			wantN, wantOK := one.Scan(start, count)
			if gotN != wantN || gotOK != wantOK {
				t.Fatalf("width %d: Scan %d %v, one lane %d %v", width, gotN, gotOK, wantN, wantOK)
			}
		}
	}
}
