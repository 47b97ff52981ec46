package widget

import (
	"strings"

	"github.com/hashswitch/hashswitch/wasm/calc"
	"github.com/hashswitch/hashswitch/wasm/chain"
	"github.com/hashswitch/hashswitch/wasm/netdata"
	"github.com/hashswitch/hashswitch/wasm/present"
)

// ReaderStrings lists every English string a calculator shows a reader,
// from its definition: titles, summaries, input labels, units, help lines
// and groups, output labels and units, its chart's words, and the
// presenter's own (package present). The
// Vietnamese catalog must translate each (build/gen's TestVietnameseCatalogIsComplete).
func ReaderStrings() []string {
	var out []string
	add := func(ss ...string) {
		for _, s := range ss {
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
	}
	for _, w := range all {
		add(w.Title, w.Summary)
		if pl := w.plot(); pl != nil {
			add(pl.Title, pl.X.Label, unitKey(pl.X.Unit), pl.Y.Label, unitKey(pl.Y.Unit))
			for _, s := range pl.Series {
				add(s.Name)
			}
			for _, b := range pl.Bars {
				add(b.Label)
			}
			if pl.Marker != nil {
				add(pl.Marker.Word)
			}
		}
		for _, in := range w.Inputs {
			add(in.Label, unitKey(in.Unit), in.Help, in.Group)
			add(in.Choices...)
		}
		for _, o := range w.Outputs {
			add(o.Label, unitKey(o.Unit))
		}
	}
	add(present.Words()...)
	add(freshnessLines...)
	add(startValues)
	add(netdata.LiveSource)
	for _, date := range netdata.Dates() { // where the committed figures come from
		if s, ok := netdata.Dated(date); ok {
			add(s.Source)
		}
	}
	return out
}

// unitKey is a unit as the catalog holds it: "%s per PH/s per day" for
// an amount, whose currency the presenter fills; "" for a bare currency,
// which needs no translation.
func unitKey(u calc.Unit) string {
	if k := u.Key(); k != "%s" {
		return k
	}
	return ""
}

// plot is w's default scenario's chart, for its strings.
func (w *Widget) plot() *calc.Plot {
	query := calc.QueryOf(w.Calc, chain.MainNet, w.Params(netdata.Committed(), calc.Values{}))
	result, problem := calc.Run(w.Calc, query)
	if problem != nil {
		return nil
	}
	return w.Calc.Plot(query, result)
}
