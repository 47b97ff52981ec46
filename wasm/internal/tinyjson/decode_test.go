package tinyjson

import (
	"runtime"
	"strings"
	"testing"
)

// Unmarshal allocates at most allocPerByte bytes for each byte of its
// input, plus allocSlack: decoding is linear in space (and so in time) on
// any input. The worst shapes measured take about 72 bytes a byte: arrays
// of one-digit numbers or of empty arrays read into an interface, each
// element boxed, appended and its slice grown.
const (
	allocPerByte = 128
	allocSlack   = 64 << 10
)

// allocated is the bytes Unmarshal allocates reading data into v.
func allocated(data []byte, v any) (uint64, error) {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	err := Unmarshal(data, v)
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc, err
}

func withinAllocBound(n uint64, data []byte) bool {
	return n <= allocPerByte*uint64(len(data))+allocSlack
}

// TestLiteralsDecodeInLinearSpace: issue 27. Reading true, false or null
// once copied the rest of the input: 40,000 nulls took 1.3 s and 4.1 GB.
func TestLiteralsDecodeInLinearSpace(t *testing.T) {
	for _, lit := range []string{"null", "true", "false"} {
		data := []byte("[" + strings.Repeat(lit+",", 39_999) + lit + "]")
		var v []any
		n, err := allocated(data, &v)
		if err != nil || len(v) != 40_000 {
			t.Fatalf("%s: %d values, %v", lit, len(v), err)
		}
		if !withinAllocBound(n, data) {
			t.Errorf("40,000 of %s (%d bytes) allocated %d bytes, more than %d a byte", lit, len(data), n, allocPerByte)
		}
	}
}

// FuzzUnmarshalAllocs: whatever the input, well formed or not, reading it
// into an interface or into a struct allocates within the linear bound.
// The seeds in testdata/fuzz hold the large inputs: 20,000 literals, the
// deepest nesting allowed, long runs of numbers, strings and objects.
func FuzzUnmarshalAllocs(f *testing.F) {
	f.Add([]byte(`[null,true,false,0,"",[],{}]`))
	f.Add([]byte(`{"f":1.5,"any":[1,{"a":null}],"list":[{"x":-0.5e-3}],"s":"\ud83d\ude00"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var a any
		if n, _ := allocated(data, &a); !withinAllocBound(n, data) {
			t.Fatalf("reading %d bytes into an interface allocated %d", len(data), n)
		}
		var s sample
		if n, _ := allocated(data, &s); !withinAllocBound(n, data) {
			t.Fatalf("reading %d bytes into a struct allocated %d", len(data), n)
		}
	})
}
