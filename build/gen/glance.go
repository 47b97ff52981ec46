package gen

import (
	"slices"

	"github.com/hashswitch/hashswitch/wasm/present"
)

// The answer at a glance: a calculator leads with its answer in one
// sentence, then its headline figures (the outputs whose show tag has
// lead) and its chart; its other results fold behind "All results (n)".
// Its key inputs (calc.Meta.Key) come first; the others fold behind
// "More inputs (n)".

// figure is one result with its calculator, for the "calc-result"
// template.
type figure struct {
	result
	V *calcView
}

// Leads are the headline figures, at most four.
func (v *calcView) Leads() []figure { return v.figures(true) }

// Others are the results behind "All results (n)".
func (v *calcView) Others() []figure { return v.figures(false) }

func (v *calcView) figures(lead bool) []figure {
	var out []figure
	for _, r := range v.Results() {
		if r.Lead == lead {
			out = append(out, figure{r, v})
		}
	}
	return out
}

// ResultUnit is an output's unit as its result row shows it, less what
// its value's text already says (package present).
func (f figure) ResultUnit() string {
	return present.New(f.V.Lang, nil).ResultUnit(f.Kind, f.Unit)
}

// fold puts a form's key inputs first, in one group, and the others in
// their groups behind "More inputs (n)"; a calculator without key inputs
// shows them all.
func (v *calcView) fold() {
	key := v.W.Calc.Info().Key
	if len(key) == 0 {
		return
	}
	first := inputGroup{}
	var more []inputGroup
	for _, g := range v.Groups {
		rest := inputGroup{Legend: g.Legend}
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
	v.Groups, v.More = []inputGroup{first}, more
}
