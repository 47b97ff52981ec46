package widget

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
	"unicode"

	"github.com/hashswitch/hashswitch/wasm/calc"
	"github.com/hashswitch/hashswitch/wasm/human"
	"github.com/hashswitch/hashswitch/wasm/locale"
	"github.com/hashswitch/hashswitch/wasm/netdata"
)

// convertScenarios are convert's default and scenarios in which each use
// wins, pays back or never does.
var convertScenarios = []string{
	"",
	"power_price=0.02&hashprice=80",        // mining pays back
	"lease=0&gpu_hour=0",                   // mining alone
	"lease=300&gpu_hour=0&power_price=0.2", // colocation wins; mining at a loss
	"hashprice=500&gpu_hour=0.5&lease=20",  // mining earns the most per kWh
	"years=1&lease_capex=90000000&gpu_capex=90000000", // nothing pays back in a year
}

// usesIn are the words each language's sentence names convert's uses with,
// as the API calls them, and its phrases for paying back: written here,
// not taken from the presenter, which they check.
var usesIn = map[locale.Tag]map[string]string{
	locale.EN: {"mining": "mining", "lease": "colocation", "gpu": "renting out GPUs"},
	locale.VI: {"mining": "đào bitcoin", "lease": "cho thuê chỗ đặt máy", "gpu": "cho thuê GPU"},
}

var paybackIn = map[locale.Tag]struct{ never, in, years string }{
	locale.EN: {" never pays back", " pays back in ", " years"},
	locale.VI: {" không bao giờ hoàn vốn", " hoàn vốn sau ", " năm"},
}

// TestConvertHeadlineAgreesWithTheAPI: convert's sentence names the use
// that earns the most per kWh in the API's answer, and says of each use
// whether it pays back and after how many years, the API's payback_years
// to two significant digits in the reader's style, in English and in
// Vietnamese.
func TestConvertHeadlineAgreesWithTheAPI(t *testing.T) {
	w := Lookup("convert")
	for _, lang := range locale.Tags {
		for _, q := range convertScenarios {
			r := w.RenderIn(netdata.Committed(), q, lang)
			if r.Error != nil {
				t.Fatalf("%s: %+v", q, r.Error)
			}
			var api map[string]any
			a := calc.GetURL(r.APIURL)
			if err := json.Unmarshal(a.Body, &api); err != nil || a.Status != 200 {
				t.Fatalf("%s: %d %s", r.APIURL, a.Status, a.Body)
			}
			sentence := strings.ToLower(r.Answer)
			best, most := "", math.Inf(-1)
			for _, use := range []string{"mining", "lease", "gpu"} {
				o, ok := api[use].(map[string]any)
				if !ok {
					if strings.Contains(sentence, strings.ToLower(usesIn[lang][use])+" ") {
						t.Errorf("%s %s: %q names %s, which the API leaves out", lang, q, r.Answer, use)
					}
					continue
				}
				if rev := o["revenue_usd_per_kwh"].(float64); rev > most {
					best, most = use, rev
				}
				name, words := strings.ToLower(usesIn[lang][use]), paybackIn[lang]
				want := name + words.never
				if years, ok := o["payback_years"].(float64); ok {
					want = name + words.in + lang.Style().Decimals(years, 2) + words.years
				}
				if !strings.Contains(sentence, want) {
					t.Errorf("%s %s: %q does not say %q (payback_years %v)", lang, q, r.Answer, want, o["payback_years"])
				}
			}
			if !strings.HasPrefix(sentence, strings.ToLower(usesIn[lang][best])+" ") {
				t.Errorf("%s %s: %q does not start with %s, which earns the most per kWh", lang, q, r.Answer, best)
			}
		}
	}
}

// TestEveryCalculatorAnswersInOneSentence: every calculator's default
// answers in one sentence in each language, capitalised, ended, without
// English in Vietnamese, with the first headline figure in it where that
// is an amount.
func TestEveryCalculatorAnswersInOneSentence(t *testing.T) {
	english := []string{" the ", " earns ", " pays ", " per ", " years"}
	for _, w := range Widgets() {
		for _, lang := range locale.Tags {
			r := w.RenderIn(netdata.Committed(), "", lang)
			s := r.Answer
			if s == "" || !strings.HasSuffix(s, ".") || strings.Count(s, ". ") > 0 || !unicode.IsUpper([]rune(s)[0]) {
				t.Errorf("%s %s: %q is not one sentence", w.Name, lang, s)
			}
			for _, e := range english {
				if lang == locale.VI && strings.Contains(s, e) {
					t.Errorf("%s vi: %q has English (%q)", w.Name, s, e)
				}
			}
			if o, v := w.Outputs[0], r.Values[0]; o.Lead && o.Kind == calc.AsUSD && !strings.Contains(s, v.Text) {
				t.Errorf("%s %s: %q does not hold the first headline figure, %s", w.Name, lang, s, v.Text)
			}
		}
	}
}

// TestHeadlineFollowsTheScenario: the profit sentence turns from a profit
// to a loss as the power price passes the breakeven price the API gives.
func TestHeadlineFollowsTheScenario(t *testing.T) {
	w := Lookup("profit")
	r := w.Render(netdata.Committed(), "")
	var api struct {
		Breakeven float64 `json:"breakeven_power_price"`
	}
	json.Unmarshal(calc.GetURL(r.APIURL).Body, &api)
	below := w.Render(netdata.Committed(), "power_price="+human.English.Decimals(api.Breakeven*0.9, 6)).Answer
	above := w.Render(netdata.Committed(), "power_price="+human.English.Decimals(api.Breakeven*1.1, 6)).Answer
	if !strings.Contains(below, " earns ") || !strings.Contains(above, " loses ") {
		t.Errorf("below breakeven %v: %q; above: %q", api.Breakeven, below, above)
	}
}
