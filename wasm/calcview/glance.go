package calcview

import (
	"html/template"
	"slices"
	"strings"

	"github.com/hashswitch/hashswitch/wasm/present"
	"github.com/hashswitch/hashswitch/wasm/widget"
)

// The answer at a glance: a calculator leads with its answer in one
// sentence, then its headline figures (the outputs whose show tag has
// lead) and its chart; its other results fold behind "All results (n)".
// Its key inputs (calc.Meta.Key) come first; the others fold behind
// "More inputs (n)".

// figure is one result with its calculator, for the "calc-result"
// template.
type figure struct {
	Result
	V *View
}

// Leads are the headline figures, at most four.
func (v *View) Leads() []figure { return v.figures(true) }

// Others are the results behind "All results (n)".
func (v *View) Others() []figure { return v.figures(false) }

func (v *View) figures(lead bool) []figure {
	var out []figure
	for _, r := range v.Results() {
		if r.Lead == lead {
			out = append(out, figure{r, v})
		}
	}
	return out
}

// ResultUnit is an output's unit as its result row shows it, less what
// its value's text already says (package present), and none where its
// label says it: "At block 1,050,000", not "At block 1,050,000 block".
func (f figure) ResultUnit() string {
	unit := present.New(f.V.Lang, nil).ResultUnit(f.Kind, f.Unit)
	if unit != "" && wordAt(strings.ToLower(f.V.T(f.Label)), strings.ToLower(unit)) >= 0 {
		return ""
	}
	return unit
}

// fold puts a form's key inputs first, in one group, and the others in
// their groups behind "More inputs (n)"; a calculator without key inputs
// shows them all.
func (v *View) fold() {
	key := v.W.Calc.Info().Key
	if len(key) == 0 {
		return
	}
	first := InputGroup{}
	var more []InputGroup
	for _, g := range v.Groups {
		rest := InputGroup{Legend: g.Legend}
		for _, in := range g.Inputs {
			if slices.Contains(key, in.Name) {
				first.Inputs = append(first.Inputs, in)
			} else {
				rest.Inputs = append(rest.Inputs, in)
			}
		}
		if len(rest.Inputs) > 0 {
			more = append(more, rest)
		}
	}
	v.Groups, v.More = []InputGroup{first}, more
}

// Glossed writes s, a label or a unit in the calculator's language, with
// the first use of each glossary term in it spelled out (an abbr whose
// title says what it stands for), and, where link is true, linked to the
// glossary: for result labels and legends, never inside an input's label,
// where a click must reach the input.
func (v *View) Glossed(s string, link bool) template.HTML {
	out := template.HTMLEscapeString(s)
	for _, t := range present.Terms {
		if t.Prose {
			continue
		}
		word := template.HTMLEscapeString(t.Word)
		i := wordAt(out, word)
		if i < 0 {
			continue
		}
		title := template.HTMLEscapeString(v.Lang.T(t.Spelled))
		tag := `<abbr title="` + title + `">` + word + `</abbr>`
		if link {
			tag = `<a class="term" href="` + widget.LangPrefix(v.Lang) + `/glossary/#` + t.Anchor + `" title="` + title + `">` + word + `</a>`
		}
		out = out[:i] + tag + out[i+len(word):]
	}
	return template.HTML(out)
}

// wordAt is where word is in s as a word of its own (not "sat" in
// "satoshi"), or -1.
func wordAt(s, word string) int {
	for from := 0; from < len(s); {
		i := strings.Index(s[from:], word)
		if i < 0 {
			return -1
		}
		i += from
		end := i + len(word)
		if (i == 0 || !isWordByte(s[i-1])) && (end == len(s) || !isWordByte(s[end])) {
			return i
		}
		from = i + 1
	}
	return -1
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b >= 0x80 || b == '/'
}
