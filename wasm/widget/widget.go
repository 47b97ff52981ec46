// Package widget defines Hashswitch's calculators — their inputs, outputs and
// charts — and renders one from URL parameters: the generator calls it to
// prerender every page, and the page's WebAssembly calls it on each input,
// so a page shows the same numbers before and after JavaScript runs.
//
// A calculator is an API endpoint with labels: its inputs are the endpoint's
// parameters (same names, same units), its outputs are fields of the answer,
// and every number comes from package calc. Pure Go; it must never import
// syscall/js.
package widget

import (
	"encoding/json"
	"net/url"
	"strconv"
	"strings"

	"github.com/hashswitch/hashswitch/wasm/calc"
	"github.com/hashswitch/hashswitch/wasm/chart"
)

// Input is one labelled field; Name is the API parameter it sets.
type Input struct {
	Name    string
	Label   string
	Unit    string // shown after the label: "USD per BTC"
	Default string // the snapshot scenario
	Group   string // fieldset legend; inputs of a group are adjacent
	Help    string
	Long    bool // a textarea (the header's 160 hex digits)
	Text    bool // not a number (a date): no numeric keyboard
}

// Output is one result; Key is the answer's field, dotted when nested
// ("mining.npv_usd").
type Output struct {
	Key   string
	Label string
	Unit  string
	Kind  Kind
	Lead  bool // the headline result, shown large
}

// Widget is one calculator.
type Widget struct {
	Name     string // also the URL: /embed/NAME/
	Title    string
	Summary  string // one line for embeds, oEmbed and link previews
	Endpoint string // the API endpoint it asks
	Inputs   []Input
	Outputs  []Output
	// Chart draws the picture for a scenario from its parameters and answer.
	Chart func(q url.Values, answer map[string]any) *chart.Chart
	// Countdown names the output (unix seconds) that a live clock counts to.
	Countdown string
	// Miner puts the in-browser miner above the form: it measures the
	// reader's hashrate and writes it into the input of that name.
	Miner string
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
	Raw  any    `json:"raw"` // the answer's value: number, string, bool or null
}

// Result is a calculator rendered for one scenario.
type Result struct {
	Status int              `json:"status"`
	Error  *calc.FieldError `json:"error,omitempty"`
	Values []Value          `json:"values,omitempty"`
	Chart  string           `json:"chart,omitempty"` // <svg>
	Table  string           `json:"table,omitempty"` // <table> with the chart's data
	Query  string           `json:"query"`           // the scenario as URL parameters
	APIURL string           `json:"api_url"`         // the same answer from the API
}

// Params returns the calculator's parameters for a scenario: each input's
// value from q when q has it (even empty, which the API then refuses), its
// default otherwise. Parameters that are not inputs are dropped.
func (w *Widget) Params(q url.Values) url.Values {
	out := url.Values{}
	for _, in := range w.Inputs {
		if v, ok := q[in.Name]; ok && len(v) > 0 {
			out.Set(in.Name, strings.TrimSpace(v[0]))
		} else {
			out.Set(in.Name, in.Default)
		}
	}
	return out
}

// Render computes the calculator for the scenario in rawQuery (URL
// parameters with the API's names; others, such as dark=, are ignored).
// It never panics: bad input is an error naming the field.
func (w *Widget) Render(rawQuery string) (r Result) {
	q, err := url.ParseQuery(rawQuery)
	if err != nil {
		return Result{Status: calc.StatusBadInput, Error: &calc.FieldError{Message: "the URL's parameters are malformed: " + err.Error()}}
	}
	params := w.Params(q)
	r.Query = encode(w, params)
	r.APIURL = calc.Prefix + w.Endpoint + "?" + r.Query
	a := calc.Get(calc.Prefix+w.Endpoint, r.Query)
	r.Status = a.Status
	var body map[string]any
	if err := json.Unmarshal(a.Body, &body); err != nil {
		r.Error = &calc.FieldError{Message: "internal error: the answer is not JSON"}
		return r
	}
	if a.Status != calc.StatusOK {
		r.Error = errorOf(body)
		return r
	}
	for _, o := range w.Outputs {
		raw := lookup(body, o.Key)
		r.Values = append(r.Values, Value{Key: o.Key, Text: format(o.Kind, raw), Raw: raw})
	}
	if w.Chart != nil {
		if c := w.Chart(params, body); c != nil {
			r.Chart, r.Table = c.SVG(), c.Table()
		}
	}
	return r
}

// encode writes params in the inputs' order, so share links read naturally.
func encode(w *Widget, params url.Values) string {
	var b strings.Builder
	for _, in := range w.Inputs {
		if b.Len() > 0 {
			b.WriteByte('&')
		}
		b.WriteString(url.QueryEscape(in.Name))
		b.WriteByte('=')
		b.WriteString(url.QueryEscape(params.Get(in.Name)))
	}
	return b.String()
}

// lookup follows a dotted key into nested objects.
func lookup(m map[string]any, key string) any {
	var v any = m
	for _, part := range strings.Split(key, ".") {
		obj, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = obj[part]
	}
	return v
}

func errorOf(body map[string]any) *calc.FieldError {
	e, _ := body["error"].(map[string]any)
	field, _ := e["field"].(string)
	msg, _ := e["message"].(string)
	return &calc.FieldError{Field: field, Message: msg}
}

// number reads a float from an answer's field; 0 when it is not a number.
func number(v any) float64 {
	f, _ := v.(float64)
	return f
}

// param reads a number from the parameters; 0 when it is not one.
func param(q url.Values, name string) float64 {
	f, _ := strconv.ParseFloat(q.Get(name), 64)
	return f
}

// sweep asks the endpoint for each value of one parameter and returns the
// answers' key: the data behind a line chart.
func sweep(endpoint string, params url.Values, param string, values []float64, key string) (xs, ys []float64) {
	for _, x := range values {
		p := url.Values{}
		for k, v := range params {
			p[k] = v
		}
		p.Set(param, strconv.FormatFloat(x, 'g', -1, 64))
		a := calc.Get(calc.Prefix+endpoint, p.Encode())
		if a.Status != calc.StatusOK {
			continue
		}
		var body map[string]any
		if json.Unmarshal(a.Body, &body) != nil {
			continue
		}
		if y, ok := lookup(body, key).(float64); ok {
			xs, ys = append(xs, x), append(ys, y)
		}
	}
	return xs, ys
}
