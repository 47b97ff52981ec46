package calcview

import (
	"fmt"
	"slices"
	"time"

	"github.com/hashswitch/hashswitch/wasm/calc"
	"github.com/hashswitch/hashswitch/wasm/locale"
	"github.com/hashswitch/hashswitch/wasm/present"
	"github.com/hashswitch/hashswitch/wasm/widget"
)

// Scenario renders calculator name for a URL's scenario, the page's own
// presets (base) with the URL's parameters over them. A scenario the
// calculator refuses is drawn as the page script draws it: base's chart
// and links, every result a dash, and the error beside its field (above
// the results when it names none), its field's fold open. Only base
// failing is an error.
func Scenario(p Page, lang locale.Tag, id, name string, base, scenario calc.Values, heading int, now time.Time) (*View, error) {
	v, err := New(p, lang, id, name, scenario, heading, now)
	if err != nil {
		if v, err = New(p, lang, id, name, base, heading, now); err != nil {
			return nil, err
		}
		r := v.W.RenderIn(p.Snapshot, scenario.Encode(), lang)
		v.Err, v.Params, v.Preset = r.Error, v.W.Params(p.Snapshot, scenario), scenario
		v.R.Understood = r.Understood
	}
	v.Requested = true
	v.understood = map[string]string{}
	for _, u := range v.R.Understood {
		v.understood[u.Name] = fmt.Sprintf(lang.T("Read as %s"), u.Text)
	}
	return v, nil
}

// message is an error as the page script shows it: its first letter
// capitalised.
func (v *View) message() string { return present.Capitalized(v.Err.Message) }

// field says the scenario's error names an input of the form.
func (v *View) field() bool {
	return v.Err != nil && slices.ContainsFunc(v.W.Inputs, func(in widget.Input) bool { return in.Name == v.Err.Field })
}

// Invalid says input name is the one the scenario's error names.
func (v *View) Invalid(name string) bool { return v.field() && v.Err.Field == name }

// FieldError is the error shown beside input name: the scenario's, when
// it names that input.
func (v *View) FieldError(name string) string {
	if !v.Invalid(name) {
		return ""
	}
	return v.message()
}

// Summary is the error shown above the results: the scenario's, when it
// names no input of the form.
func (v *View) Summary() string {
	if v.Err == nil || v.field() {
		return ""
	}
	return v.message()
}

// Understood says how input name's number was read, when it was written
// with separators, a suffix or a sign.
func (v *View) Understood(name string) string { return v.understood[name] }

// MoreOpen says the folded inputs start open: the scenario's error is
// among them.
func (v *View) MoreOpen() bool {
	for _, g := range v.More {
		for _, in := range g.Inputs {
			if v.Invalid(in.Name) {
				return true
			}
		}
	}
	return false
}
