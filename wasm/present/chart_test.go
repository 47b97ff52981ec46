package present

import (
	"math"
	"strings"
	"testing"
	"time"

	"github.com/hashswitch/hashswitch/wasm/calc"
	"github.com/hashswitch/hashswitch/wasm/chain"
	"github.com/hashswitch/hashswitch/wasm/locale"
	"github.com/hashswitch/hashswitch/wasm/netdata"
)

// plots are every calculator's chart of its form's start.
func plots(t *testing.T) []*calc.Plot {
	t.Helper()
	var out []*calc.Plot
	for _, c := range calc.All() {
		q := calc.Values{}
		for _, p := range c.Info().Params {
			if s := p.StartValue(netdata.Committed()); s != "" && !p.Hidden {
				q.Set(p.Name, s)
			}
		}
		query := calc.QueryOf(c, chain.MainNet, q)
		result, problem := calc.Run(c, query)
		if problem != nil {
			continue // the API-only calculators need more than a form gives
		}
		if pl := c.Plot(query, result); pl != nil {
			out = append(out, pl)
		}
	}
	if len(out) < 7 {
		t.Fatalf("only %d charts", len(out))
	}
	return out
}

// TestDongIsACurrency: in dong, an axis whose unit is an amount has its
// numbers times the rate and its unit in VND, and every other axis is
// left as it is, whatever its label says; the marker's amount is written
// as the results are. The axes say what they hold: nothing reads a label
// to find the dollars.
func TestDongIsACurrency(t *testing.T) {
	const rate = 26_000
	for _, lang := range locale.Tags {
		usd, vnd := New(lang, nil), New(lang, &Rate{VNDPerUSD: rate, Date: time.Unix(0, 0), Source: "a bank"})
		for _, pl := range plots(t) {
			a, b := usd.Chart(pl), vnd.Chart(pl)
			for _, axis := range []struct {
				calc.Axis
				name      string
				usd, vnd  string
				usdV, vnV func(i, j int) float64
			}{
				{pl.X, "x", a.XLabel, b.XLabel, func(i, j int) float64 { return a.Series[i].X[j] }, func(i, j int) float64 { return b.Series[i].X[j] }},
				{pl.Y, "y", a.YLabel, b.YLabel, func(i, j int) float64 { return a.Series[i].Y[j] }, func(i, j int) float64 { return b.Series[i].Y[j] }},
			} {
				k := 1.0
				if axis.Unit.Money() {
					k = rate
					if !strings.Contains(axis.vnd, "VND") || strings.Contains(axis.vnd, "USD") {
						t.Errorf("%s %s: the amounts' axis in dong is labelled %q", pl.ID, axis.name, axis.vnd)
					}
				} else if axis.usd != axis.vnd {
					t.Errorf("%s %s: %q in dollars, %q in dong", pl.ID, axis.name, axis.usd, axis.vnd)
				}
				for i := range a.Series {
					for j := range a.Series[i].X {
						if got, want := axis.vnV(i, j), axis.usdV(i, j)*k; got != want {
							t.Errorf("%s %s[%d][%d]: %v in dong, want %v", pl.ID, axis.name, i, j, got, want)
						}
					}
				}
			}
			if m := pl.Marker; m != nil && !m.OfX && pl.Y.Unit.Money() && !strings.HasSuffix(b.Marker.Label, vnd.Amount(m.Y)) {
				t.Errorf("%s: the marker in dong reads %q", pl.ID, b.Marker.Label)
			}
		}
	}
}

// TestTicks: each axis's numbers as its Ticks say, in each style.
func TestTicks(t *testing.T) {
	en, vi := New(locale.EN, nil), New(locale.VI, nil)
	dong := New(locale.EN, &Rate{VNDPerUSD: 26_000})
	for _, c := range []struct {
		p    *Presenter
		axis calc.Axis
		v    float64
		want string
	}{
		{en, calc.Axis{Unit: "USD", Ticks: calc.AmountTicks}, -2e9, "−$2B"}, // a loss reads −$2B, not $-2B
		{en, calc.Axis{Unit: "USD", Ticks: calc.AmountTicks}, 1.5e6, "$1.5M"},
		{en, calc.Axis{Unit: "USD", Ticks: calc.AmountTicks}, 0, "$0"},
		{en, calc.Axis{Unit: "USD", Ticks: calc.AmountTicks}, -250, "−$250"},
		{vi, calc.Axis{Unit: "USD", Ticks: calc.AmountTicks}, -2e9, "−2 tỷ"},
		{dong, calc.Axis{Unit: "USD", Ticks: calc.AmountTicks}, 2.6e9, "2.6B"},
		{dong, calc.Axis{Unit: "USD", Ticks: calc.AmountTicks}, -2e13, "−20T"}, // a loss in dong: the minus sign, not a hyphen
		{New(locale.VI, &Rate{VNDPerUSD: 26_000}), calc.Axis{Unit: "USD", Ticks: calc.AmountTicks}, -2e13, "−20 nghìn tỷ"},
		{vi, calc.Axis{Label: "Change"}, -1.5, "−1,5"},
		{en, calc.Axis{Label: "Change"}, math.Copysign(0, -1), "0"},
		{en, calc.Axis{Unit: "USD per kWh", Ticks: calc.CentTicks}, 0.05, "$0.05"},
		{vi, calc.Axis{Unit: "USD per kWh", Ticks: calc.CentTicks}, 0.05, "0,05"},
		{en, calc.Axis{Ticks: calc.WholeTicks}, 31.6, "32"},
		{vi, calc.Axis{Ticks: calc.PowerTicks}, 6.34, "10^6,3"},
		{en, calc.Axis{Label: "Block height"}, 925_000, "925k"},
		{vi, calc.Axis{Label: "Block height"}, 925_000, "925 nghìn"},
	} {
		if got := c.p.ticks(c.axis)(c.v); got != c.want {
			t.Errorf("%+v %v: %q, want %q", c.axis, c.v, got, c.want)
		}
	}
}

// TestUnits: a unit of money is written in the presenter's currency, in
// its language; other units are translated.
func TestUnits(t *testing.T) {
	dong := &Rate{VNDPerUSD: 26_000}
	for _, c := range []struct {
		p    *Presenter
		unit calc.Unit
		want string
	}{
		{New(locale.EN, nil), "USD per PH/s per day", "USD per PH/s per day"},
		{New(locale.VI, nil), "USD per PH/s per day", "USD mỗi PH/s mỗi ngày"},
		{New(locale.VI, dong), "USD per PH/s per day", "VND mỗi PH/s mỗi ngày"},
		{New(locale.EN, dong), "USD", "VND"},
		{New(locale.EN, dong), "USD, with its share of the server", "VND, with its share of the server"},
		{New(locale.VI, dong), "EH/s", "EH/s"},
		{New(locale.VI, dong), "machines, buildings and power", locale.VI.T("machines, buildings and power")},
		{New(locale.EN, dong), "VND per USD", "VND per USD"}, // a rate, not an amount
	} {
		if got := c.p.Unit(c.unit); got != c.want {
			t.Errorf("%s in %s: %q, want %q", c.unit, c.p.currency(), got, c.want)
		}
	}
}
