package widget

import (
	"testing"

	"github.com/hashswitch/hashswitch/wasm/calc"
	"github.com/hashswitch/hashswitch/wasm/chain"
	"github.com/hashswitch/hashswitch/wasm/econ"
	"github.com/hashswitch/hashswitch/wasm/locale"
	"github.com/hashswitch/hashswitch/wasm/netdata"
)

func TestInline(t *testing.T) {
	s := netdata.Committed()
	// Hashprice at $82,000 by the formula, as a second computation.
	n := econ.Network{Chain: chain.MainNet, PriceUSD: 82_000, Difficulty: 149.3e12, SubsidyBTC: 3.125, FeesBTC: 0.02}
	text, raw, err := Inline(s, locale.EN, "hashprice", "hashprice_usd_per_ph_day", calc.Values{"price": {"82000"}, "difficulty": {"149.3e12"}}, "usd")
	if err != nil || raw.(float64) != n.HashpriceUSDPerPHDay() || text != "$34.75" {
		t.Errorf("%q %v %v, the formula gives %v", text, raw, err, n.HashpriceUSDPerPHDay())
	}
	if text, _, err := Inline(s, locale.EN, "convert", "mining.payback_years", calc.Values{"hashprice": {"5"}}, "years"); err != nil || text != "never" {
		t.Errorf("nested, null: %q %v", text, err)
	}
	if text, _, err := Inline(s, locale.EN, "halving", "next_subsidy_btc", nil, ""); err != nil || text != "1.5625" {
		t.Errorf("the field's own kind: %q %v", text, err)
	}
	for _, bad := range []struct {
		calc, key, kind string
		preset          calc.Values
	}{
		{"nothing", "x", "usd", nil},
		{"hashprice", "hashprise_usd_per_ph_day", "usd", nil},
		{"hashprice", "hashprice_usd_per_ph_day", "dollars", nil},
		{"hashprice", "hashprice_usd_per_ph_day", "usd", calc.Values{"prize": {"1"}}},
		{"hashprice", "hashprice_usd_per_ph_day", "usd", calc.Values{"price": {"-1"}}},
		{"convert", "mining.nope", "usd", nil},
	} {
		if _, _, err := Inline(s, locale.EN, bad.calc, bad.key, bad.preset, bad.kind); err == nil {
			t.Errorf("%+v: no error", bad)
		}
	}
}
