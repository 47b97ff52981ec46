package calc

import (
	"reflect"
	"strconv"
	"strings"

	"github.com/hashswitch/hashswitch/wasm/chain"
	"github.com/hashswitch/hashswitch/wasm/chart"
)

// Meta is what every calculator declares besides its function: the
// endpoint, its parameters, its examples, and how pages show it.
type Meta struct {
	Name    string // the endpoint: /api/v1/NAME
	Order   int    // where the docs and menus list it
	Title   string // "Hashprice"
	Summary string // one line for the docs, embeds, oEmbed and link previews
	Params  []Param
	// Examples are queries (without "?") the docs show and the tests run.
	Examples []string

	// Widget names the calculator on pages (/embed/NAME/); empty when the
	// endpoint is API only.
	Widget string
	// Miner names the parameter the in-browser miner measures and fills.
	Miner string
	// Live: the answer depends on the host's live figures and clock, not
	// on the URL alone, so it is cached briefly.
	Live bool
}

// Param returns the parameter called name.
func (m *Meta) Param(name string) (Param, bool) {
	for _, p := range m.Params {
		if p.Name == name {
			return p, true
		}
	}
	return Param{}, false
}

// Def is one calculator: Meta, the function that computes its typed
// result from a query, and the chart pages draw of it. The result type R
// is the API's answer: its json tags name the fields; label, unit and doc
// tags describe them for the docs; a show tag puts a field on the
// calculator's page (see package widget).
type Def[R any] struct {
	Meta
	Run   func(q *Query) (R, error)
	Chart func(s Scenario[R]) *chart.Chart
}

// Scenario is one computed result with the parameters it came from, for
// drawing a chart.
type Scenario[R any] struct {
	Def    *Def[R]
	Query  *Query
	Result *R
}

// Num reads parameter p of the scenario as a number (0 when it is not one).
func (s Scenario[R]) Num(p Param) float64 {
	x, _ := strconv.ParseFloat(s.Query.Str(p), 64)
	return x
}

// Sweep recomputes the scenario for each value of p and returns the values
// that computed with y of each result: the data behind a line chart.
func (s Scenario[R]) Sweep(p Param, values []float64, y func(*R) float64) (xs, ys []float64) {
	for _, x := range values {
		v := s.Query.Values()
		v.Set(p.Name, strconv.FormatFloat(x, 'g', -1, 64))
		v.Del(p.Alt) // hashrate stands in for difficulty
		q := &Query{Chain: s.Query.Chain, Env: s.Query.Env, v: v}
		r, err := s.Def.Run(q)
		if err != nil || q.err != nil {
			continue
		}
		xs, ys = append(xs, x), append(ys, y(&r))
	}
	return xs, ys
}

// JSONName is the name a result field has in the API's JSON, and whether
// it is left out when empty; ok is false for a field the JSON skips
// (unexported, or tagged "-").
func JSONName(f reflect.StructField) (name string, omitempty, ok bool) {
	name, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
	if !f.IsExported() || name == "-" {
		return "", false, false
	}
	return name, strings.Contains(opts, "omitempty"), true
}

// Calculator is a Def of any result type, as the registry holds it.
type Calculator interface {
	Info() *Meta
	// Compute runs the calculator on a query; the result is an R.
	Compute(q *Query) (any, error)
	// Draw returns the chart of a result Compute returned, or nil.
	Draw(q *Query, result any) *chart.Chart
	// ResultType is R, described by the OpenAPI schema.
	ResultType() reflect.Type
}

func (d *Def[R]) Info() *Meta { return &d.Meta }

func (d *Def[R]) Compute(q *Query) (any, error) {
	r, err := d.Run(q)
	if err == nil {
		err = q.err
	}
	if err != nil {
		return nil, err
	}
	return &r, nil
}

func (d *Def[R]) Draw(q *Query, result any) *chart.Chart {
	r, ok := result.(*R)
	if d.Chart == nil || !ok {
		return nil
	}
	return d.Chart(Scenario[R]{Def: d, Query: q, Result: r})
}

func (d *Def[R]) ResultType() reflect.Type { return reflect.TypeFor[R]() }

// registry holds every calculator by Order. It is filled by the calculator
// files' package-level declarations and only read after that.
var registry []Calculator

// register adds a calculator; a name or order used twice is a programming
// error, and so is a show tag that names no format (see checkResult).
func register[R any](d *Def[R]) *Def[R] {
	i := 0
	for ; i < len(registry); i++ {
		m := registry[i].Info()
		if m.Name == d.Name || m.Order == d.Order {
			panic("calc: " + strconv.Quote(m.Name) + " and " + strconv.Quote(d.Name) + " share a name or an order")
		}
		if m.Order > d.Order {
			break
		}
	}
	registry = append(registry[:i], append([]Calculator{d}, registry[i:]...)...)
	return d
}

// All lists every calculator, in the order the docs list them.
func All() []Calculator { return append([]Calculator(nil), registry...) }

// Lookup returns the calculator answering endpoint name, or nil.
func Lookup(name string) Calculator {
	for _, c := range registry {
		if c.Info().Name == name {
			return c
		}
	}
	return nil
}

// Endpoints lists the endpoint names, in the registry's order.
func Endpoints() []string {
	names := make([]string, len(registry))
	for i, c := range registry {
		names[i] = c.Info().Name
	}
	return names
}

// ExampleURLs lists every calculator's examples as URLs.
func ExampleURLs() []string {
	var urls []string
	for _, c := range registry {
		for _, e := range c.Info().Examples {
			urls = append(urls, Prefix+c.Info().Name+"?"+e)
		}
	}
	return urls
}

// QueryOf is a query of parameters already parsed, for chain p.
func QueryOf(p *chain.Params, v Values) *Query { return &Query{Chain: p, Env: &Env{}, v: v} }
