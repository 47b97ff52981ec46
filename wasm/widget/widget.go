// Package widget shows Hashswitch's calculators on pages: the form of a
// calculator's parameters, its results written for people (by package
// present, in the reader's language and currency), and its chart.
// The generator calls it to prerender every page, and the page's
// WebAssembly calls it on each input, so a page shows the same numbers
// before and after JavaScript runs.
//
// Everything here derives from package calc's definitions: a widget's
// inputs are its calculator's parameters (the form leaves out Hidden ones),
// its outputs are the result fields with a show tag, read from the typed
// result, the headline ones (show:"…,lead") first. Pure Go; it must never import syscall/js.
package widget

import (
	"strings"

	"github.com/hashswitch/hashswitch/wasm/calc"
	"github.com/hashswitch/hashswitch/wasm/chain"
	"github.com/hashswitch/hashswitch/wasm/chart"
	"github.com/hashswitch/hashswitch/wasm/locale"
	"github.com/hashswitch/hashswitch/wasm/netdata"
	"github.com/hashswitch/hashswitch/wasm/present"
)

// Input is one labelled field of a form: a calculator's parameter.
type Input = calc.Param

// Output is one result: a field of the calculator's result type.
type Output struct {
	Key   string // the answer's JSON field, dotted when nested: "mining.npv_usd"
	Label string // a nested field's follows its struct's: "Mining NPV"
	Unit  calc.Unit
	Kind  calc.Kind
	Lead  bool // the headline result, shown large
	field *calc.Field
}

// Widget is one calculator as pages show it.
type Widget struct {
	Name     string // also the URL: /embed/NAME/
	Title    string
	Summary  string
	Endpoint string // the API endpoint it asks
	Calc     calc.Calculator
	Inputs   []Input
	Outputs  []Output
	// Countdown names the output (unix seconds) that a live clock counts to.
	Countdown string
	// Miner names the input the in-browser miner fills with its hashrate.
	Miner string
}

// all holds a widget for every calculator that has one, in calc's order.
var all = func() []*Widget {
	var ws []*Widget
	for _, c := range calc.All() {
		if c.Info().Widget != "" {
			ws = append(ws, newWidget(c))
		}
	}
	return ws
}()

// newWidget derives a calculator's widget from its definition: its
// inputs are the parameters the form shows, its outputs the result fields
// its Table shows (calc's registration refuses a bad show tag).
func newWidget(c calc.Calculator) *Widget {
	m := c.Info()
	w := &Widget{Name: m.Widget, Title: m.Title, Summary: m.Summary, Endpoint: m.Name, Calc: c, Miner: m.Miner}
	for _, p := range m.Params {
		if !p.Hidden {
			w.Inputs = append(w.Inputs, p)
		}
	}
	w.outputs(c.Table().Fields, "")
	// The headline figures first, as pages show them.
	var leads, others []Output
	for _, o := range w.Outputs {
		if o.Lead {
			leads = append(leads, o)
		} else {
			others = append(others, o)
		}
	}
	w.Outputs = append(leads, others...)
	return w
}

// outputs appends the shown fields, walking into nested structs, whose
// label comes before their fields'.
func (w *Widget) outputs(fields []calc.Field, labelPrefix string) {
	for i := range fields {
		f := &fields[i]
		switch {
		case f.Shown:
			w.Outputs = append(w.Outputs, Output{Key: f.Key, Label: labelPrefix + f.Label, Unit: f.Unit, Kind: f.Kind, Lead: f.Lead, field: f})
			if f.Countdown {
				w.Countdown = f.Key
			}
		case f.Struct():
			w.outputs(f.Fields, labelPrefix+f.Label+" ")
		}
	}
}

// Widgets lists every calculator, in the order pages and menus show them.
func Widgets() []*Widget { return all }

// Lookup returns the calculator called name, or nil.
func Lookup(name string) *Widget {
	for _, w := range all {
		if w.Name == name {
			return w
		}
	}
	return nil
}

// Value is one rendered output.
type Value struct {
	Key  string `json:"key"`
	Text string `json:"text"`
	Raw  any    `json:"raw"` // the result's value: number, string, bool or null
}

// Result is a calculator rendered for one scenario.
type Result struct {
	Status int              `json:"status"`
	Error  *calc.FieldError `json:"error,omitempty"`
	// Shown is Error's message as the page shows it, under its field or
	// above the results: a sentence, its first letter a capital (calc's
	// messages begin in lower case, to follow a field's name).
	Shown  string  `json:"shown,omitempty"`
	Values []Value `json:"values,omitempty"`
	// Answer is the calculator's answer in one sentence, in the reader's
	// words (calc.Headline, written by package present): the headline.
	Answer string `json:"answer,omitempty"`
	Chart  string `json:"chart,omitempty"` // <svg>, chart.Wide
	// ChartNarrow is the same chart drawn for phones (chart.Narrow).
	ChartNarrow string `json:"chart_narrow,omitempty"`
	Table       string `json:"table,omitempty"` // <table> with the chart's data
	Query       string `json:"query"`           // the scenario as URL parameters
	APIURL      string `json:"api_url"`         // the same answer from the API
	// Understood says which number each input written with separators,
	// a suffix or a sign was read as, plainly: "85.000" in Vietnamese is
	// 85000, "$85k" is 85000.
	Understood []Understood `json:"understood,omitempty"`
	// Rate says which USD/VND rate the amounts are shown at, with its
	// source and date; empty in dollars.
	Rate string `json:"rate,omitempty"`
}

// Failed is the Result of an error: its status, the error, and its
// message as the page shows it.
func Failed(status int, e *calc.FieldError) (r Result) {
	r.fail(status, e)
	return r
}

// fail makes r say e: its status, the error, and its message as shown.
func (r *Result) fail(status int, e *calc.FieldError) {
	r.Status, r.Error, r.Shown = status, e, present.Capitalized(e.Message)
}

// Understood is a number as the calculator read it.
type Understood struct {
	Name string `json:"name"` // the input
	Text string `json:"text"` // the number without grouping, in the reader's style
}

// Dollars says some result is an amount in dollars, which dong can show.
func (w *Widget) Dollars() bool {
	for _, o := range w.Outputs {
		if o.Kind == calc.AsUSD {
			return true
		}
	}
	return false
}

// Params returns the calculator's parameters for a scenario: each input's
// value from q when q has it (even empty, which the calculator then
// refuses), its start value for snapshot s otherwise. Parameters that are
// not inputs are dropped.
func (w *Widget) Params(s netdata.Snapshot, q calc.Values) calc.Values {
	out := calc.Values{}
	for _, in := range w.Inputs {
		if v, ok := q[in.Name]; ok && len(v) > 0 {
			out.Set(in.Name, strings.TrimSpace(v[0]))
		} else {
			out.Set(in.Name, in.StartValue(s))
		}
	}
	return out
}

// Render computes the calculator for the scenario in rawQuery (URL
// parameters with the API's names; others, such as dark=, are ignored),
// starting from snapshot s. It never panics: bad input is an error naming
// the field.
func (w *Widget) Render(s netdata.Snapshot, rawQuery string) Result {
	return w.RenderIn(s, rawQuery, locale.EN)
}

// RenderIn is Render with the values written in lang's style. rawQuery is
// in the API's form, as are Result.Query and APIURL, so a link works in any
// language; a form's numbers as its reader typed them go through Typed.
func (w *Widget) RenderIn(s netdata.Snapshot, rawQuery string, lang locale.Tag) (r Result) {
	q, err := calc.ParseQuery(rawQuery)
	if err != nil {
		return Failed(calc.StatusBadInput, &calc.FieldError{Message: "the URL's parameters are malformed: " + err.Error()})
	}
	rate, bad := present.RateOf(q, s)
	p := present.New(lang, rate)
	if bad != nil {
		return Failed(calc.StatusBadInput, p.Error(bad))
	}
	params := w.Params(s, q)
	query := calc.QueryOf(w.Calc, chain.MainNet, params)
	for _, in := range w.Inputs {
		if v, typed := q[in.Name]; !typed || len(v) == 0 {
			continue // the form's own start value: nothing the reader wrote
		}
		if read := query.Parsed(in); read.OK && !read.Plain {
			r.Understood = append(r.Understood, Understood{in.Name, p.Number(read.Number)})
		}
	}
	r.Query = present.KeepCurrency(encode(w, params), q)
	r.APIURL = calc.Prefix + w.Endpoint + "?" + r.Query
	result, problem := calc.Run(w.Calc, query)
	if problem != nil {
		r.fail(problem.Status(), p.Error(problem.FieldError))
		return r
	}
	r.Status = calc.StatusOK
	r.Values = make([]Value, len(w.Outputs))
	for i, o := range w.Outputs {
		raw := o.field.ValueIn(result)
		r.Values[i] = Value{Key: o.Key, Text: p.Result(o.Kind, raw), Raw: raw}
	}
	r.Answer = p.Headline(calc.HeadlineOf(result))
	r.Rate = p.RateLine()
	if pl := w.Calc.Plot(query, result); pl != nil {
		c := p.Chart(pl)
		r.Chart, r.Table = c.SVG(), c.Table()
		c.Width, c.ID = chart.Narrow, c.ID+"-narrow"
		r.ChartNarrow = c.SVG()
	}
	return r
}

// Typed turns a form's query, its numbers as a reader of lang types them
// (Vietnamese: 85.000,5), into the API's form (85,000.5). Other parameters
// pass as they are.
func (w *Widget) Typed(rawQuery string, lang locale.Tag) string {
	q, err := calc.ParseQuery(rawQuery)
	if err != nil || lang == locale.EN {
		return rawQuery
	}
	for _, in := range w.Inputs {
		if v, ok := q[in.Name]; ok && len(v) > 0 && in.Numeric() {
			q.Set(in.Name, lang.Typed(v[0]))
		}
	}
	return q.Encode()
}

// encode writes params in the inputs' order, so share links read naturally.
func encode(w *Widget, params calc.Values) string {
	var b strings.Builder
	for _, in := range w.Inputs {
		if b.Len() > 0 {
			b.WriteByte('&')
		}
		b.WriteString(calc.QueryEscape(in.Name))
		b.WriteByte('=')
		b.WriteString(calc.QueryEscape(params.Get(in.Name)))
	}
	return b.String()
}

// MinerHeader is the header the in-browser miner hashes: block 840,000's,
// so a reader mines what the network mined.
const MinerHeader = calc.Header840000

// MinerTarget is the target of MinerHeader's bits, 64 hex digits.
func MinerTarget() string {
	h, _ := chain.ParseHeaderHex(MinerHeader)
	t, _, _ := chain.CompactToTarget(h.Bits)
	return chain.TargetHex(t)
}
