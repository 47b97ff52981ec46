package gen

import (
	"strings"
	"testing"

	"github.com/hashswitch/hashswitch/wasm/calc"
	"github.com/hashswitch/hashswitch/wasm/locale"
	"github.com/hashswitch/hashswitch/wasm/netdata"
	"github.com/hashswitch/hashswitch/wasm/widget"
)

// TestRowsSayTheirUnitOnce: no result row repeats its label's last word
// as its unit ("At block 1,050,000 block", "Blocks to go 125,000
// blocks"), in either language; every calculator shows one to four
// headline figures and its key inputs first.
func TestRowsSayTheirUnitOnce(t *testing.T) {
	c := calculators{}
	for _, w := range widget.Widgets() {
		for _, lang := range locale.Tags {
			v, err := c.view(PageInfo{Path: "/p/", Snapshot: netdata.Committed()}, lang, "x", w.Name, calc.Values{}, 2)
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range append(v.Leads(), v.Others()...) {
				label, unit := strings.ToLower(v.T(f.Label)), strings.ToLower(f.ResultUnit())
				if unit != "" && strings.Contains(label, unit) {
					t.Errorf("%s %s: %q %s %q", w.Name, lang, label, f.Text, unit)
				}
			}
			if n := len(v.Leads()); n < 1 || n > 4 {
				t.Errorf("%s: %d headline figures", w.Name, n)
			}
			if key := w.Calc.Info().Key; len(key) > 0 && (len(v.Groups) != 1 || len(v.Groups[0].Inputs) != len(key)) {
				t.Errorf("%s: the first inputs %+v, want %v", w.Name, v.Groups, key)
			}
		}
	}
}
