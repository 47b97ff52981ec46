// Package calcview is what the "calc" template (site/templates/calc.html)
// sees: a calculator rendered for one scenario, its form's groups, its
// results, chart and links. The generator renders the build's pages with
// it, and the dev server and the edge worker render a URL's scenario with
// it at request time (Splice), so every host writes a calculator with the
// same Go and the same template.
package calcview

import (
	"fmt"
	"html/template"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/hashswitch/hashswitch/wasm/calc"
	"github.com/hashswitch/hashswitch/wasm/locale"
	"github.com/hashswitch/hashswitch/wasm/netdata"
	"github.com/hashswitch/hashswitch/wasm/present"
	"github.com/hashswitch/hashswitch/wasm/widget"
)

// View is what the "calc" template sees.
type View struct {
	Lang     locale.Tag
	ID       string
	W        *widget.Widget
	R        widget.Result
	Params   calc.Values
	Preset   calc.Values // the fence's presets: inputs the page's text fixed
	Groups   []InputGroup
	More     []InputGroup     // the groups of the inputs past the key ones, folded
	Heading  int              // 2 in articles, 1 on embed pages
	Share    string           // this page with the scenario in its URL
	Embed    string           // the embed page with the scenario
	Captured string           // what Share and Embed carry, in words
	Title    string           // the page's title for it (the calc fence's), "" for its own
	Fresh    widget.Freshness // how old the figures are, at build time
	Source   string
	Clock    string // the countdown when the page was built
	InputIDs string // every input's id, for <output for=...>
	// MinerHeader and MinerTarget are what the in-browser miner hashes.
	MinerHeader, MinerTarget string
	// Requested says the calculator shows a URL's scenario, rendered when
	// the page was asked for (Scenario), so the page script has nothing
	// pending; Err is that scenario's error, which the section shows as
	// the page script does, and understood says how its numbers were read.
	Requested  bool
	Err        *calc.FieldError
	understood map[string]string
}

// InputGroup is one fieldset of a calculator's form.
type InputGroup struct {
	Legend string
	Inputs []widget.Input
}

// Funcs are the template functions the "calc" template needs besides
// "asset", which names the host's hashed assets.
func Funcs() template.FuncMap {
	return template.FuncMap{
		"group": func(v *View, g InputGroup) GroupView { return GroupView{v, g} },
	}
}

// TitleIn is the calculator's title in language tag, for the embed
// dialog's code.
func (v *View) TitleIn(tag string) string {
	lang, _ := locale.Parse(tag)
	return lang.T(v.W.Title)
}

// Currency says the form offers amounts in dong: in Vietnamese, for a
// calculator with amounts in dollars, and in any language where the
// page's fence shows them in dong.
func (v *View) Currency() bool { return v.Lang == locale.VI && v.W.Dollars() || v.VND() }

// VND says the page's fence shows the amounts in dong (currency=VND), so
// the form's choice starts there and the page computes what was rendered.
func (v *View) VND() bool {
	return v.W.Dollars() && strings.EqualFold(strings.TrimSpace(v.Preset.Get("currency")), "VND")
}

// T translates an English string into the calculator's language.
func (v *View) T(s string) string { return v.Lang.T(s) }

// Unit writes a unit in the calculator's language, an amount's in
// dollars, as the form computes (package present).
func (v *View) Unit(u calc.Unit) string { return present.Units(v.Lang, u) }

// Value is input in's value in the form, written as its reader types it.
func (v *View) Value(in widget.Input) string {
	if in.Numeric() {
		return v.Lang.Shown(v.Params.Get(in.Name))
	}
	return v.Params.Get(in.Name)
}

// Page is the page a calculator is drawn on: its URL path and the
// figures it computes from.
type Page struct {
	Path     string
	Snapshot netdata.Snapshot
}

// New renders calculator name with preset for page p, in language lang,
// from the page's figures, its countdown as of now. A preset the
// calculator refuses is an error.
func New(p Page, lang locale.Tag, id, name string, preset calc.Values, heading int, now time.Time) (*View, error) {
	w := widget.Lookup(name)
	if w == nil {
		return nil, fmt.Errorf("no calculator %q (there are %s)", name, widgetNames())
	}
	// As of the snapshot's own time, whatever day the build runs: the
	// prose and the calculators of a page compute from the same figures.
	snap, path := p.Snapshot, p.Path
	r := w.RenderIn(snap, preset.Encode(), lang)
	if r.Error != nil {
		return nil, fmt.Errorf("calc %s: preset %s: %s: %s", name, preset.Encode(), r.Error.Field, r.Error.Message)
	}
	// The links carry what the page's text set, where it differs from the
	// start values: the network's figures stay live.
	captured := w.Captured(snap, r.Query, slices.Collect(maps.Keys(preset)))
	v := &View{
		Lang: lang, ID: id, W: w, R: r, Params: w.Params(snap, preset), Preset: preset, Heading: heading,
		Share:    path + widget.Share(id, captured),
		Embed:    widget.Embed(lang, name, captured),
		Captured: w.Describe(lang, captured),
		Fresh:    widget.FreshnessIn(snap, time.Unix(snap.Time, 0), widget.FromBuild, lang),
		Source:   snap.Source,
	}
	if heading == 1 {
		v.Share = v.Embed
	}
	var ids []string
	for _, in := range w.Inputs {
		ids = append(ids, id+"-"+in.Name)
		if n := len(v.Groups); n == 0 || v.Groups[n-1].Legend != in.Group {
			v.Groups = append(v.Groups, InputGroup{Legend: in.Group})
		}
		g := &v.Groups[len(v.Groups)-1]
		g.Inputs = append(g.Inputs, in)
	}
	v.InputIDs = strings.Join(ids, " ")
	v.fold() // key inputs first, the others folded (glance.go)
	if w.Miner != "" {
		v.MinerHeader, v.MinerTarget = widget.MinerHeader, widget.MinerTarget()
	}
	if w.Countdown != "" {
		for _, val := range r.Values {
			if eta, ok := val.Raw.(int64); ok && val.Key == w.Countdown {
				v.Clock = lang.Style().Countdown(eta, now.Unix())
			}
		}
	}
	return v, nil
}

func widgetNames() string {
	var names []string
	for _, w := range widget.Widgets() {
		names = append(names, w.Name)
	}
	return strings.Join(names, ", ")
}

// RawValue writes an output's raw value for its data-value attribute.
func RawValue(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64)
	case int64:
		return strconv.FormatInt(x, 10)
	case int32:
		return strconv.FormatInt(int64(x), 10)
	case uint32:
		return strconv.FormatUint(uint64(x), 10)
	case bool:
		return strconv.FormatBool(x)
	case string:
		return x
	}
	return fmt.Sprint(v)
}

// MoreCount is how many inputs the folded groups hold.
func (v *View) MoreCount() int {
	n := 0
	for _, g := range v.More {
		n += len(g.Inputs)
	}
	return n
}

// GroupView is what the "calc-group" template sees.
type GroupView struct {
	V *View
	G InputGroup
}

// Result is one output with its value, for the template.
type Result struct {
	widget.Output
	ID    string
	Text  string
	Value string
}

// Results pairs the calculator's outputs with their rendered values; a
// refused scenario's are dashes, as the page script writes them.
func (v *View) Results() []Result {
	out := make([]Result, len(v.W.Outputs))
	for i, o := range v.W.Outputs {
		out[i] = Result{Output: o, ID: fmt.Sprintf("%s-out-%d", v.ID, i)}
		if v.Err != nil {
			out[i].Text = "—"
		} else if i < len(v.R.Values) {
			out[i].Text, out[i].Value = v.R.Values[i].Text, RawValue(v.R.Values[i].Raw)
		}
	}
	return out
}

// Mono reports whether the value is a hash or other code, set in monospace.
func (r Result) Mono() bool { return r.Kind == calc.AsText }

// Chart and Table return the prerendered chart markup, made by package chart.
func (v *View) Chart() template.HTML { return template.HTML(v.R.Chart) }

// ChartNarrow is the chart drawn for phones.
func (v *View) ChartNarrow() template.HTML { return template.HTML(v.R.ChartNarrow) }
func (v *View) Table() template.HTML       { return template.HTML(v.R.Table) }

// What the templates hand the page script about a calculator, written by
// Go so the script holds no URL rule.

// Scope is what the calculator's parameters start with in its page's
// URL (widget.Scope); "" on its embed, where they are bare.
func (v *View) Scope() string {
	if v.Heading == 1 {
		return ""
	}
	return widget.Scope(v.ID)
}

// EmbedIn is the path of the calculator's embed in language tag, for the
// embed dialog's code.
func (v *View) EmbedIn(tag string) string {
	lang, _ := locale.Parse(tag)
	return widget.EmbedPath(lang, v.W.Name)
}
