package present

import (
	"math"
	"strconv"
	"strings"

	"github.com/hashswitch/hashswitch/wasm/calc"
	"github.com/hashswitch/hashswitch/wasm/chart"
)

// Chart draws a calculator's plot for the reader: its words translated,
// each axis labelled with its unit, an axis of amounts in the presenter's
// currency (its numbers at the rate), ticks and table cells in the
// reader's style, the marker's amount written as the results are.
func (p *Presenter) Chart(pl *calc.Plot) *chart.Chart {
	c := &chart.Chart{
		ID: pl.ID, Title: p.T(pl.Title), XLabel: p.axisLabel(pl.X), YLabel: p.axisLabel(pl.Y), StepSeries: pl.Steps,
		FormatX: p.ticks(pl.X), FormatY: p.ticks(pl.Y),
	}
	sx, sy := p.scale(pl.X), p.scale(pl.Y)
	for _, s := range pl.Series {
		c.Series = append(c.Series, chart.Series{Name: p.T(s.Name), X: times(s.X, sx), Y: times(s.Y, sy)})
	}
	for _, b := range pl.Bars {
		c.Bars = append(c.Bars, chart.Bar{Label: p.T(b.Label), Value: b.Value * sy})
	}
	if m := pl.Marker; m != nil {
		label := p.T(m.Word) + " "
		switch {
		case m.OfX:
			label += c.FormatX(m.X * sx)
		case pl.Y.Unit.Money():
			label += p.Amount(m.Y)
		default:
			label += c.FormatY(m.Y * sy)
		}
		c.Marker = &chart.Point{X: m.X * sx, Y: m.Y * sy, Label: label}
	}
	return c
}

// axisLabel is an axis's label, then its unit in brackets, or either alone.
func (p *Presenter) axisLabel(a calc.Axis) string {
	switch {
	case a.Unit == "":
		return p.T(a.Label)
	case a.Label == "":
		return p.Unit(a.Unit)
	}
	return p.T(a.Label) + " (" + p.Unit(a.Unit) + ")"
}

// scale is what an axis's numbers are multiplied by: the rate, for an axis
// of amounts shown in dong.
func (p *Presenter) scale(a calc.Axis) float64 {
	if p.rate != nil && a.Unit.Money() {
		return p.rate.VNDPerUSD
	}
	return 1
}

// times is xs scaled, in a new slice: series may share one (the profit
// chart's two lines share their x values), which scaled in place would be
// scaled once per series.
func times(xs []float64, k float64) []float64 {
	out := make([]float64, len(xs))
	for i, x := range xs {
		out[i] = x * k
	}
	return out
}

// ticks writes an axis's numbers as its Ticks say, in the reader's style.
func (p *Presenter) ticks(a calc.Axis) func(float64) string {
	return func(v float64) string {
		if v == 0 {
			v = 0 // not −0
		}
		s := p.tick(a, v)
		if strings.HasPrefix(s, "-") {
			return "−" + s[1:] // a minus sign, as the results write it
		}
		return s
	}
}

// tick writes one of an axis's numbers. An axis of amounts in dong has
// plain compact numbers: its label names the currency.
func (p *Presenter) tick(a calc.Axis, v float64) string {
	st := p.st
	if p.rate != nil && a.Unit.Money() {
		return st.Compact(v)
	}
	switch a.Ticks {
	case calc.AmountTicks:
		if v < 0 {
			return "−" + st.TickDollar + st.Compact(-v) // −$2B, not $-2B
		}
		return st.TickDollar + st.Compact(v)
	case calc.CentTicks:
		return st.TickDollar + st.Point(strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64))
	case calc.WholeTicks:
		return strconv.FormatFloat(math.Round(v), 'f', -1, 64)
	case calc.PowerTicks:
		return "10^" + st.Point(strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64))
	}
	return st.Compact(v)
}
