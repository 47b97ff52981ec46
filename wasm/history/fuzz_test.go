package history_test

import (
	"bytes"
	"math"
	"net/url"
	"runtime"
	"strings"
	"testing"

	"github.com/hashswitch/hashswitch/wasm/history"
)

// FuzzParsers: whatever a body holds, every parser returns lists in order
// with each value in its range, and what they make assembles and encodes.
// Seeds: testdata/fuzz/FuzzParsers (the documented examples among them).
func FuzzParsers(f *testing.F) {
	f.Fuzz(func(t *testing.T, body []byte) {
		in := history.Inputs{}
		var err error
		in.Adjustments, in.Hashrates, _, err = history.ParseHashrate(body, now)
		if err == nil {
			for i, a := range in.Adjustments {
				if a.Difficulty < 1 || math.IsInf(a.Difficulty, 0) || a.Height%2016 != 0 || i > 0 && a.Height <= in.Adjustments[i-1].Height {
					t.Fatalf("adjustment %d: %+v", i, a)
				}
			}
			checkDays(t, "hashrate", in.Hashrates, func(x float64) bool { return x > 0 })
		}
		in.Prices, _, err = history.ParseHistoricalPrice(body, now)
		if err == nil {
			checkDays(t, "price", in.Prices, func(x float64) bool { return x > 0 && x <= 1e7 })
		}
		for name, parse := range map[string]func([]byte, int64) ([]history.Bucket, []history.Refusal, error){
			"rewards": history.ParseRewards, "fees": history.ParseFees,
		} {
			bs, _, err := parse(body, now)
			if err != nil {
				continue
			}
			for i, b := range bs {
				if b.Sat < 0 || b.Height < 0 || i > 0 && (b.Date <= bs[i-1].Date || b.Height < bs[i-1].Height) {
					t.Fatalf("%s %d: %+v", name, i, b)
				}
			}
			if name == "fees" {
				in.Fees = bs
			} else {
				in.Rewards = bs
			}
		}
		s := history.Assemble(in, now)
		enc, err := history.Encode(&s)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := history.Decode(enc); err != nil {
			t.Fatalf("%v, decoding the assembly of %q", err, body)
		}
	})
}

func checkDays(t *testing.T, what string, vs []history.DayValue, ok func(float64) bool) {
	for i, v := range vs {
		if !ok(v.Value) || math.IsNaN(v.Value) || math.IsInf(v.Value, 0) || i > 0 && v.Date <= vs[i-1].Date {
			t.Fatalf("%s %d: %+v", what, i, v)
		}
	}
}

// FuzzDecode: a value either fails to decode or decodes to a series that
// encodes to the same bytes.
func FuzzDecode(f *testing.F) {
	f.Fuzz(func(t *testing.T, b []byte) {
		s, err := history.Decode(b)
		if err != nil {
			return
		}
		again, err := history.Encode(&s)
		if err != nil || !bytes.Equal(again, b) {
			t.Fatalf("decoded then encoded %x as %x (%v)", b, again, err)
		}
	})
}

// FuzzParseQuery: a query that parses selects at most MaxPoints points,
// from no later than to, to no later than tomorrow.
func FuzzParseQuery(f *testing.F) {
	s := history.Assemble(synthetic(genesisDay, today-1), now)
	f.Fuzz(func(t *testing.T, query string) {
		v, _ := url.ParseQuery(query)
		q, err := history.ParseQuery(v, s.First(), s.Last(), today)
		if err != nil {
			if !strings.Contains(err.Error(), ": ") {
				t.Fatalf("%q: %v names no field", query, err)
			}
			return
		}
		if q.From > q.To || q.To > today+1 {
			t.Fatalf("%q: %+v", query, q)
		}
		if n := len(history.Select(&s, q)); n > history.MaxPoints {
			t.Fatalf("%q: %d points", query, n)
		}
	})
}

// TestParsersUseLinearMemory: eight times the input costs about eight times
// the memory, not sixty-four, for bodies of many tiny entries, of long
// strings and of deep nesting, and for a valid list.
func TestParsersUseLinearMemory(t *testing.T) {
	bodies := map[string]func(n int) []byte{
		"tiny entries": func(n int) []byte { return []byte("[" + strings.Repeat("{},", n) + "{}]") },
		"long strings": func(n int) []byte { return []byte(`[{"avgHeight":"` + strings.Repeat("9", 10*n) + `"}]`) },
		"deep nesting": func(n int) []byte { return []byte(strings.Repeat("[", n) + strings.Repeat("]", n)) },
		"valid rows": func(n int) []byte {
			return []byte("[" + strings.Repeat(`{"avgHeight":1,"timestamp":1231006505,"avgFees":0},`, n) + "0]")
		},
		"prices": func(n int) []byte {
			return []byte(`{"prices":[` + strings.Repeat(`{"time":1500000000,"USD":2000},`, n) + `0]}`)
		},
	}
	parse := func(b []byte) {
		history.ParseHashrate(b, now)
		history.ParseFees(b, now)
		history.ParseHistoricalPrice(b, now)
	}
	alloc := func(b []byte) uint64 {
		var m0, m1 runtime.MemStats
		runtime.ReadMemStats(&m0)
		parse(b)
		runtime.ReadMemStats(&m1)
		return m1.TotalAlloc - m0.TotalAlloc
	}
	for name, body := range bodies {
		small, large := body(2_000), body(16_000)
		a, b := alloc(small), alloc(large)
		ratio := float64(b) / float64(max(a, 1))
		perByte := float64(b) / float64(len(large))
		t.Logf("%s: %d bytes cost %d, %d cost %d (x%.1f, %.0f a byte)", name, len(small), a, len(large), b, ratio, perByte)
		if ratio > 20 || perByte > 1000 { // quadratic would be x64
			t.Errorf("%s: x%.1f memory for x%.1f input, %.0f bytes a byte", name, ratio, float64(len(large))/float64(len(small)), perByte)
		}
	}
}
