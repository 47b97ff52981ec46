package calc

import (
	"testing"

	"github.com/hashswitch/hashswitch/wasm/chain"
)

// TestEachInputIsReadOnce: a query reads each of its calculator's
// parameters when it is built, by the one recogniser of numbers as people
// write them, and says which were written plainly; a parameter left out
// reads as its default, one given empty as nothing.
func TestEachInputIsReadOnce(t *testing.T) {
	q := QueryOf(Profit, chain.MainNet, Values{
		"price": {" $85k "}, "hashrate": {"1,090"}, "subsidy": {"3.125"}, "fees": {"+0.02"}, "efficiency": {"1.75e1"},
		"power_price": {""}, "uptime": {"97%"}, "pool_fee": {"-1"}, "mining_pue": {"abc"},
	})
	for _, c := range []struct {
		p    Param
		want Parsed
	}{
		{Price, Parsed{Raw: "$85k", Given: true, OK: true, Number: 85000}},
		{Hashrate, Parsed{Raw: "1,090", Given: true, OK: true, Number: 1090}},
		{Subsidy, Parsed{Raw: "3.125", Given: true, OK: true, Number: 3.125, Plain: true}},
		{Fees, Parsed{Raw: "+0.02", Given: true, OK: true, Number: 0.02}},
		{Efficiency, Parsed{Raw: "1.75e1", Given: true, OK: true, Number: 17.5}},
		{PowerPrice, Parsed{Raw: "", Given: true}},
		{Uptime, Parsed{Raw: "97%", Given: true, OK: true, Number: 97}},
		{PoolFee, Parsed{Raw: "-1", Given: true, OK: true, Number: -1, Plain: true}},
		{MiningPUE, Parsed{Raw: "abc", Given: true}},
		{MachineLife, Parsed{Raw: "4", OK: true, Number: 4, Plain: true}}, // its default
	} {
		if got := q.Parsed(c.p); got != c.want {
			t.Errorf("%s: %+v, want %+v", c.p.Name, got, c.want)
		}
	}
	h := QueryOf(Halving, chain.MainNet, Values{"height": {"925 000"}})
	if got := h.Parsed(BlockHeight); got != (Parsed{Raw: "925 000", Given: true, OK: true, Number: 925000, Int: 925000}) {
		t.Errorf("height: %+v", got)
	}
	if got := QueryOf(Halving, chain.MainNet, Values{"height": {"925k"}}).Parsed(BlockHeight); got.OK {
		t.Errorf("925k is a whole number: %+v", got)
	}
	// A sweep sets the number itself: nothing is written and read again.
	if s := q.with(Price, 1.0/3); s.Number(Price) != 1.0/3 || s.Number(Hashrate) != 1090 || q.Number(Price) != 85000 {
		t.Errorf("with: %v %v %v", s.Number(Price), s.Number(Hashrate), q.Number(Price))
	}
	if s := q.with(Hashrate, 2000); s.Has(Difficulty) || s.Parsed(Difficulty).Given {
		t.Error("a sweep of the hashrate keeps a difficulty")
	}
}
