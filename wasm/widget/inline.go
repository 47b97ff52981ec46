package widget

import (
	"fmt"
	"slices"
	"strings"

	"github.com/hashswitch/hashswitch/wasm/calc"
	"github.com/hashswitch/hashswitch/wasm/chain"
	"github.com/hashswitch/hashswitch/wasm/locale"
	"github.com/hashswitch/hashswitch/wasm/netdata"
	"github.com/hashswitch/hashswitch/wasm/present"
)

// Inline computes one result of calculator name (an API endpoint) for a
// sentence of prose: the form's start values for snapshot s, overridden by
// preset, then the field at key (its JSON name, dotted when nested),
// written as kind (a show tag's kind; "" means the field's own show kind,
// else number). A calculator, key, preset or kind that does not exist is
// an error, so a typo fails the build instead of printing a wrong number.
//
// Two display parameters change how the number is written, never what is
// computed (the raw value stays the API's answer): currency=VND writes a
// dollar amount in dong, at the snapshot's rate or at usd_vnd with its
// date and source, as a calculator does; times=N writes N times it, for a
// figure the calculators give per unit (an Antminer S21's 200 TH/s times a
// result per TH/s).
func Inline(s netdata.Snapshot, lang locale.Tag, name, key string, preset calc.Values, kind string) (text string, raw any, err error) {
	rate, bad := present.RateOf(preset, s)
	if bad != nil {
		return "", nil, fmt.Errorf("%s: %s", bad.Field, bad.Message)
	}
	times := 1.0
	if v := preset.Get("times"); v != "" {
		times, err = calc.ParseNumber(v, "")
		if err != nil || !(times > 0) {
			return "", nil, fmt.Errorf("times: must be a positive number, got %q", v)
		}
	}
	q, err := InlineQuery(s, name, preset)
	if err != nil {
		return "", nil, err
	}
	c := calc.Lookup(name)
	f, ok := c.Table().Lookup(key)
	if !ok {
		return "", nil, fmt.Errorf("%s's result has no field %q", name, key)
	}
	k := f.Kind // the field's own, or number when it has none
	if kind != "" {
		if k, ok = calc.KindNamed(kind); !ok {
			return "", nil, fmt.Errorf("no format %q (the formats are the show tags' kinds: usd, pct, ratio, …)", kind)
		}
	}
	result, problem := calc.Run(c, calc.QueryOf(c, chain.MainNet, q))
	if problem != nil {
		return "", nil, fmt.Errorf("%s?%s: %s: %s", name, q.Encode(), problem.Field, problem.Message)
	}
	raw, err = c.Table().ValueAt(result, key)
	if err != nil {
		return "", nil, fmt.Errorf("%s: %w", name, err)
	}
	x, number := raw.(float64)
	if (rate != nil && k != calc.AsUSD) || ((rate != nil || times != 1) && !number) {
		return "", nil, fmt.Errorf("%s: currency=VND and times apply to an amount in dollars (fmt=usd) or a number, not to %s as %s", name, key, kind)
	}
	p := present.New(lang, rate)
	if number {
		return p.Value(k, x*times), raw, nil
	}
	return p.Value(k, raw), raw, nil
}

// inlineDisplay are the parameters of a number in prose that change how it
// is written, not the query it computes.
var inlineDisplay = append([]string{"times"}, present.CurrencyParams...)

// InlineQuery is the query a number in prose computes: calculator name's
// form at its start values for snapshot s, overridden by preset (less its
// display parameters: currency, usd_vnd…, times). The API answers the same
// for it (build/gen's TestProseIsTheAPIsAnswer).
func InlineQuery(s netdata.Snapshot, name string, preset calc.Values) (calc.Values, error) {
	c := calc.Lookup(name)
	if c == nil {
		return nil, fmt.Errorf("no calculator %q (there are %s)", name, strings.Join(calc.Endpoints(), ", "))
	}
	m := c.Info()
	q := calc.Values{}
	for _, p := range m.Params {
		if !p.Hidden {
			if v := p.StartValue(s); v != "" {
				q.Set(p.Name, v)
			}
		}
	}
	for k, v := range preset {
		if slices.Contains(inlineDisplay, k) {
			continue
		}
		p, ok := m.Param(k)
		if !ok {
			return nil, fmt.Errorf("%s has no parameter %q", name, k)
		}
		if p.Alt != "" {
			q.Del(p.Alt) // difficulty given: drop the form's hashrate
		}
		q[k] = v
	}
	return q, nil
}
