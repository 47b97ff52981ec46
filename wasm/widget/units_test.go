package widget

import (
	"slices"
	"strings"
	"testing"

	"github.com/hashswitch/hashswitch/wasm/calc"
	"github.com/hashswitch/hashswitch/wasm/locale"
	"github.com/hashswitch/hashswitch/wasm/netdata"
	"github.com/hashswitch/hashswitch/wasm/present"
)

// unitWords are the words and signs that say a unit, in either language,
// by what they say: a row whose value's text and unit both say one thing
// says it twice.
var unitWords = [][]string{
	{"$", "USD", "VND", "đồng"},
	{"%"},
	{"×", "lần", "times"},
	{"years", "năm"},
	{"UTC", "seconds", "giây"},
	{"sat"},
}

// unitScenarios are each calculator's default and scenarios that move its
// rows to other forms: losses, millions, dong, never.
var unitScenarios = []string{
	"",
	"currency=VND&usd_vnd=26345&usd_vnd_date=2025-11-25&usd_vnd_source=Vietcombank",
	"power_price=0.2",
	"price=20000",
	"mw=1000&lease=0&gpu_hour=0",
}

// TestNoRowSaysItsUnitTwice: over every calculator's default and a set of
// scenarios, in English and Vietnamese, in dollars and in dong, no result
// row (its value's text, then its unit, as the page writes them) names a
// unit twice: not "$36.01 USD per PH/s per day", "0.636% %", "−$329
// million USD", "950.775 đồng VND" or a date's "UTC unix seconds".
func TestNoRowSaysItsUnitTwice(t *testing.T) {
	for _, w := range Widgets() {
		for _, lang := range locale.Tags {
			for _, q := range unitScenarios {
				r := w.RenderIn(netdata.Committed(), q, lang)
				if r.Error != nil {
					continue // a scenario of another calculator's inputs
				}
				p := present.New(lang, nil)
				for i, o := range w.Outputs {
					text, unit := r.Values[i].Text, p.ResultUnit(o.Kind, o.Unit)
					for _, words := range unitWords {
						if slices.ContainsFunc(words, func(w string) bool { return strings.Contains(text, w) }) &&
							slices.ContainsFunc(words, func(w string) bool { return containsWord(unit, w) }) {
							t.Errorf("%s %s %q: %s reads %q %q: %v twice", w.Name, lang, q, o.Key, text, unit, words)
						}
					}
					if o.Kind == calc.AsDate && unit != "" {
						t.Errorf("%s %s: the date %q is followed by %q", w.Name, lang, text, unit)
					}
				}
			}
		}
	}
}

// containsWord reports whether s has word, as a word or a sign.
func containsWord(s, word string) bool {
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' || r == '(' || r == ')' }) {
		if f == word || strings.HasPrefix(f, word) && len(word) == 1 {
			return true
		}
	}
	return false
}

// TestNeverPaysBack: a use whose cash ends below zero says "Never pays
// back" in its row, whole, in each language, with no unit after it.
func TestNeverPaysBack(t *testing.T) {
	w := Lookup("convert")
	for lang, want := range map[locale.Tag]string{locale.EN: "Never pays back", locale.VI: "Không bao giờ hoàn vốn"} {
		r := w.RenderIn(netdata.Committed(), "hashprice=10", lang)
		found := false
		for _, v := range r.Values {
			if v.Key == "mining.payback_years" {
				found = true
				if v.Raw != nil || v.Text != want {
					t.Errorf("%s: mining's payback %v reads %q, want %q", lang, v.Raw, v.Text, want)
				}
			}
		}
		if !found {
			t.Errorf("%s: no row for mining's payback", lang)
		}
	}
}
