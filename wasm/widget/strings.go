package widget

import (
	"strings"

	"github.com/hashswitch/hashswitch/wasm/calc"
	"github.com/hashswitch/hashswitch/wasm/chain"
	"github.com/hashswitch/hashswitch/wasm/chart"
	"github.com/hashswitch/hashswitch/wasm/locale"
	"github.com/hashswitch/hashswitch/wasm/netdata"
)

// ReaderStrings lists every English string a calculator shows a reader,
// from its definition: titles, summaries, input labels, units, help lines
// and groups, output labels and units, and the words of the formats. The
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
		if c := w.chart(); c != nil {
			add(c.Title, c.XLabel, c.YLabel)
			for _, s := range c.Series {
				add(s.Name)
			}
			for _, b := range c.Bars {
				add(b.Label)
			}
			if c.Marker != nil {
				word, _, _ := strings.Cut(c.Marker.Label, " ")
				add(word)
			}
		}
		for _, in := range w.Inputs {
			add(in.Label, string(in.Unit), in.Help, in.Group)
			add(in.Choices...)
		}
		for _, o := range w.Outputs {
			add(o.Label, o.Unit)
		}
	}
	add(words...)
	add(freshnessLines...)
	add(dongLines...)
	add(netdata.LiveSource)
	for _, date := range netdata.Dates() { // where the committed figures come from
		if s, ok := netdata.Dated(date); ok {
			add(s.Source)
		}
	}
	return out
}

// words are the formats' own words.
var words = []string{"never", "valid", "not valid"}

// chart draws w's default scenario's chart, for its strings.
func (w *Widget) chart() *chart.Chart {
	query := calc.QueryOf(w.Calc, chain.MainNet, w.Params(netdata.Committed(), calc.Values{}))
	result, problem := calc.Run(w.Calc, query)
	if problem != nil {
		return nil
	}
	return w.Calc.Draw(query, result)
}

// translateChart writes a chart's words in lang, and its numbers in lang's
// style; with vnd, its dollars in dong. Ticks and table cells are written
// by the calculator in English ("$1.2M", "85k"): a Vietnamese tick loses
// the dollar sign (the axis says the currency), swaps point and comma and
// abbreviates the Vietnamese way ("1,2 tr"). A marker's label is a word and
// a number ("now $36.01"), an amount written again in lang's style.
func translateChart(c *chart.Chart, lang locale.Tag, vnd *dong) {
	st := lang.Style()
	money := st.USD
	if vnd != nil {
		money = st.Dong
		vnd.chart(c)
	}
	if lang == locale.EN && vnd == nil {
		return
	}
	c.Title, c.XLabel, c.YLabel = lang.T(c.Title), lang.T(c.XLabel), lang.T(c.YLabel)
	if vnd != nil {
		c.XLabel, c.YLabel = strings.ReplaceAll(c.XLabel, "USD", "VND"), strings.ReplaceAll(c.YLabel, "USD", "VND")
	}
	for i := range c.Series {
		c.Series[i].Name = lang.T(c.Series[i].Name)
	}
	for i := range c.Bars {
		c.Bars[i].Label = lang.T(c.Bars[i].Label)
	}
	if m := c.Marker; m != nil {
		word, number, _ := strings.Cut(m.Label, " ")
		if strings.HasPrefix(number, "$") {
			number = money(m.Y)
		} else {
			number = lang.Shown(number)
		}
		m.Label = lang.T(word) + " " + number
	}
	if lang == locale.EN {
		return
	}
	short := strings.NewReplacer("k", st.Short[0], "M", st.Short[1], "B", st.Short[2], "T", st.Short[3])
	for _, f := range []*func(float64) string{&c.FormatX, &c.FormatY} {
		english := *f
		if english == nil {
			english = chart.Compact
		}
		*f = func(v float64) string { return short.Replace(lang.Shown(strings.Replace(english(v), "$", "", 1))) }
	}
}
