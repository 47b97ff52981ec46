package calc_test

import (
	"runtime"
	"strings"
	"testing"

	. "github.com/hashswitch/hashswitch/wasm/calc"
)

// worstCases are the most expensive queries each endpoint admits: the
// longest horizons, the shortest lives, the most periods, the largest
// numbers its ranges allow.
var worstCases = map[string]string{
	"halving":   "height=2147483647&time=2147483647&block_time=1",
	"target":    "bits=1d00ffff",
	"header":    "hex=" + strings.Repeat("ff", 80),
	"hashprice": "price=1e9&difficulty=1&height=0&fees=1000",
	"profit":    "price=1e9&difficulty=1&height=0&fees=1000&hardware_price=1e6&hardware_life=0.25",
	"convert": "years=100&hardware_life=0.25&gpu_life=50&gpu_price_decline=99&hashprice=0.000001&difficulty_growth=-1" +
		"&lease_years=100&reinvest=when_profitable",
	"attack":  "hashrate=1e12&share=99&supply=0.000001&rentable=1e12&hashprice=1e9",
	"project": "price=1e9&difficulty=1&height=0&difficulty_growth=100&days=3650&hardware_price=1e6",
	"race":    "device_hashrate=1e-6&difficulty=1e20",
	"network": "asof=2025-11-25",
	"history": "step=day",
}

// TestWorstCaseCostIsBounded: no request costs more than a few hundred
// kilobytes of memory, whatever the schema admits; the work itself is
// bounded in package econ (TestBoundedWork), counted in ledger months.
func TestWorstCaseCostIsBounded(t *testing.T) {
	for _, name := range Endpoints() {
		q, ok := worstCases[name]
		if !ok {
			t.Errorf("%s: no worst case: add one", name)
			continue
		}
		if a := Get(Prefix+name, q); a.Status != StatusOK {
			t.Errorf("%s?%s: %d %s", name, q, a.Status, a.Body)
		}
		const limit = 400 << 10
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		Get(Prefix+name, q)
		runtime.ReadMemStats(&after)
		if bytes := after.TotalAlloc - before.TotalAlloc; bytes > limit {
			t.Errorf("%s: allocates %d bytes, over %d", name, bytes, limit)
		}
	}
}

// BenchmarkWorstCase times each endpoint's most expensive admissible
// request (BENCH.md).
func BenchmarkWorstCase(b *testing.B) {
	for _, name := range Endpoints() {
		q := worstCases[name]
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Get(Prefix+name, q)
			}
		})
	}
}
