package gen

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hashswitch/hashswitch/wasm/chart"
	"github.com/hashswitch/hashswitch/wasm/chart/chartcheck"
	"github.com/hashswitch/hashswitch/wasm/history"
	"github.com/hashswitch/hashswitch/wasm/locale"
	"github.com/hashswitch/hashswitch/wasm/netdata"
	"github.com/hashswitch/hashswitch/wasm/widget"
)

// TestEveryChartReads: every chart the site draws — each calculator's
// with its start values and with every scenario an explainer's calc fence
// presets, in dollars and in dong, and the history chart on a page and in
// its embed — in English and Vietnamese, wide and narrow, has at least
// three x ticks, every label inside the drawing and off every other (by
// package chart's estimate of text widths), and a name for each of
// several lines.
func TestEveryChartReads(t *testing.T) {
	scenarios := map[string][]string{}
	fence := regexp.MustCompile("(?m)^```calc (\\w+) ?(.*)$")
	files, err := filepath.Glob(filepath.Join(root, "content", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	vi, _ := filepath.Glob(filepath.Join(root, "content", "vi", "*.md"))
	for _, f := range append(files, vi...) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range fence.FindAllStringSubmatch(string(b), -1) {
			scenarios[m[1]] = append(scenarios[m[1]], strings.ReplaceAll(strings.TrimSpace(m[2]), " ", "&"))
		}
	}
	if len(scenarios["convert"]) == 0 {
		t.Fatal("no calc fence read from content/")
	}
	check := func(what, svg string) {
		t.Helper()
		if svg == "" {
			return
		}
		if problems := chartcheck.Check(svg); len(problems) > 0 {
			t.Errorf("%s: %q", what, problems)
		}
	}
	for _, w := range widget.Widgets() {
		for _, q := range append([]string{"", "currency=VND"}, scenarios[w.Name]...) {
			for _, lang := range []locale.Tag{locale.EN, locale.VI} {
				r := w.RenderIn(netdata.Committed(), q, lang)
				check(w.Name+" "+string(lang)+" ?"+q+" wide", r.Chart)
				check(w.Name+" "+string(lang)+" ?"+q+" narrow", r.ChartNarrow)
			}
		}
	}
	fb, err := history.LoadFallback()
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []locale.Tag{locale.EN, locale.VI} {
		for _, page := range []*PageInfo{nil, {Snapshot: netdata.Committed()}} {
			c, _, _, err := historyChart(lang, fb, nil, page)
			if err != nil {
				t.Fatal(err)
			}
			for _, width := range []int{chart.Wide, chart.Narrow} {
				c.Width = width
				check("history "+string(lang), c.SVG())
			}
		}
	}
}
