package widget

import (
	"strings"
	"testing"

	"github.com/hashswitch/hashswitch/wasm/calc"
	"github.com/hashswitch/hashswitch/wasm/chain"
	"github.com/hashswitch/hashswitch/wasm/econ"
	"github.com/hashswitch/hashswitch/wasm/locale"
	"github.com/hashswitch/hashswitch/wasm/netdata"
	"github.com/hashswitch/hashswitch/wasm/present"
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

// TestInlineDong: currency=VND writes a dollar amount in dong at the
// snapshot's rate (or one given with its date and source), times=N writes N
// times it; neither changes the query nor the raw value, which stay the
// API's dollars; both refuse what is not an amount.
func TestInlineDong(t *testing.T) {
	s := netdata.Committed()
	preset := calc.Values{"price": {"82000"}, "difficulty": {"149.3e12"}}
	_, usd, err := Inline(s, locale.EN, "hashprice", "hashprice_usd_per_ph_day", preset, "usd")
	if err != nil {
		t.Fatal(err)
	}
	dollars := usd.(float64)
	with := func(kv ...string) calc.Values {
		q := calc.Values{}
		for k, v := range preset {
			q[k] = v
		}
		for i := 0; i < len(kv); i += 2 {
			q.Set(kv[i], kv[i+1])
		}
		return q
	}
	want := locale.VI.Style().Dong(dollars * s.UsdVnd)
	text, raw, err := Inline(s, locale.VI, "hashprice", "hashprice_usd_per_ph_day", with("currency", "VND"), "usd")
	if err != nil || raw.(float64) != dollars || text != want || !strings.HasSuffix(text, " đồng") {
		t.Errorf("in dong: %q %v %v, want %q and the dollars as raw", text, raw, err, want)
	}
	if text, _, _ := Inline(s, locale.EN, "hashprice", "hashprice_usd_per_ph_day", with("currency", "VND"), "usd"); !strings.HasPrefix(text, "VND ") {
		t.Errorf("in English: %q", text)
	}
	own := with("currency", "VND", "usd_vnd", "25000", "usd_vnd_date", "2025-11-25", "usd_vnd_source", "Vietcombank")
	if text, _, err := Inline(s, locale.VI, "hashprice", "hashprice_usd_per_ph_day", own, "usd"); err != nil || text != locale.VI.Style().Dong(dollars*25000) {
		t.Errorf("at a given rate: %q %v", text, err)
	}
	if text, raw, err := Inline(s, locale.EN, "hashprice", "hashprice_usd_per_ph_day", with("times", "0.2"), "usd"); err != nil || raw.(float64) != dollars || text != present.New(locale.EN, nil).Value(calc.AsUSD, dollars*0.2) {
		t.Errorf("times: %q %v %v", text, raw, err)
	}
	if text, _, err := Inline(s, locale.VI, "hashprice", "hashprice_usd_per_ph_day", with("times", "0.2", "currency", "VND"), "usd"); err != nil || text != locale.VI.Style().Dong(dollars*0.2*s.UsdVnd) {
		t.Errorf("times in dong: %q %v", text, err)
	}
	q, err := InlineQuery(s, "hashprice", with("currency", "VND", "times", "200"))
	if err != nil || q.Has("currency") || q.Has("times") || q.Get("price") != "82000" {
		t.Errorf("the query keeps display parameters: %v %v", q, err)
	}
	for _, bad := range []calc.Values{
		with("currency", "EUR"),
		with("currency", "VND", "usd_vnd", "25000"), // no date, no source
		with("times", "0"),
		with("times", "x"),
	} {
		if _, _, err := Inline(s, locale.VI, "hashprice", "hashprice_usd_per_ph_day", bad, "usd"); err == nil {
			t.Errorf("%v: no error", bad)
		}
	}
	if _, _, err := Inline(s, locale.VI, "hashprice", "fee_share_pct", with("currency", "VND"), "pct"); err == nil {
		t.Error("a percentage in dong: no error")
	}
}
