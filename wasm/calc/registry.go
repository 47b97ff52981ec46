package calc

import (
	"errors"
	"reflect"
	"strconv"
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
	// Key names the three or four inputs that move the answer most, which
	// a page shows first; it folds the others. Empty: a short form shows
	// all its inputs.
	Key []string
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
// calculator's page as a Kind (show:"usd,lead"), read once into its Table
// when the calculator is registered.
type Def[R any] struct {
	Meta
	Run   func(q *Query) (R, error)
	Chart func(s Scenario[R]) *Plot
}

// Scenario is one computed result with the parameters it came from, for
// drawing a chart.
type Scenario[R any] struct {
	Def    *Def[R]
	Query  *Query
	Result *R
	c      *calculator
}

// Num is the number the scenario's query read for p (see Query.Number).
func (s Scenario[R]) Num(p Param) float64 { return s.Query.Number(p) }

// Sweep recomputes the scenario for each value of p and returns the values
// that computed with y of each result: the data behind a line chart.
func (s Scenario[R]) Sweep(p Param, values []float64, y func(*R) float64) (xs, ys []float64) {
	return sweep(s.c, s.Query, p, values, func(r any) float64 { return y(r.(*R)) })
}

// sweep is Sweep for any calculator: not generic, so the WebAssembly
// holds it once, not once per result type.
func sweep(c *calculator, q *Query, p Param, values []float64, y func(any) float64) (xs, ys []float64) {
	for _, x := range values {
		if r, err := c.Compute(q.with(p, x)); err == nil {
			xs, ys = append(xs, x), append(ys, y(r))
		}
	}
	return xs, ys
}

// Calculator is a Def of any result type, as the registry holds it.
type Calculator interface {
	Info() *Meta
	// Compute runs the calculator on a query; the result is an R.
	Compute(q *Query) (any, error)
	// Plot returns the chart of a result Compute returned, or nil.
	Plot(q *Query, result any) *Plot
	// Table is R's fields, which the API's checks, openapi.json, the docs
	// and pages read.
	Table() *Table
}

// calculator is what the registry holds of a Def[R]: its Meta, R's Table,
// and its typed functions behind untyped ones. It is not generic, so the
// WebAssembly holds its methods once, not once per result type.
type calculator struct {
	meta    *Meta
	result  reflect.Type // R
	table   *Table
	compute func(q *Query) (any, error)
	plot    func(q *Query, result any) *Plot
}

func (c *calculator) Info() *Meta   { return c.meta }
func (c *calculator) Table() *Table { return c.table }

func (c *calculator) Compute(q *Query) (any, error) {
	r, err := c.compute(q)
	if err == nil {
		err = q.err
	}
	if err != nil {
		return nil, err
	}
	return r, nil
}

func (c *calculator) Plot(q *Query, result any) *Plot { return c.plot(q, result) }

// bind is d's calculator: a result of Run is a *R, and a plot of one is
// Chart's.
func bind[R any](d *Def[R]) *calculator {
	c := &calculator{meta: &d.Meta, result: reflect.TypeFor[R]()}
	c.compute = func(q *Query) (any, error) {
		r, err := d.Run(q)
		return &r, err
	}
	c.plot = func(q *Query, result any) *Plot {
		r, ok := result.(*R)
		if d.Chart == nil || !ok {
			return nil
		}
		return d.Chart(Scenario[R]{Def: d, Query: q, Result: r, c: c})
	}
	return c
}

// registry holds every calculator by Order. It is filled by the calculator
// files' package-level declarations and only read after that.
var registry []Calculator

// register adds a calculator (see add) and returns it as the registry
// holds it.
func register[R any](d *Def[R]) Calculator {
	c := bind(d)
	add(c)
	return c
}

// add reads c's result type's Table and puts c in the registry. A name or
// order used twice is a programming error, and so is a show tag that
// names no Kind or an unknown flag, or a calculator on pages that shows no
// field: it panics, so every test fails.
func add(c *calculator) {
	m, t := c.meta, c.result
	tab, err := newTable(t)
	if err == nil && m.Widget != "" && !shows(tab.Fields) {
		err = errors.New("no field of " + t.String() + " has a show tag")
	}
	if err != nil {
		panic("calc: " + m.Name + ": " + err.Error())
	}
	i := 0
	for ; i < len(registry); i++ {
		r := registry[i].Info()
		if r.Name == m.Name || r.Order == m.Order {
			panic("calc: " + strconv.Quote(r.Name) + " and " + strconv.Quote(m.Name) + " share a name or an order")
		}
		if r.Order > m.Order {
			break
		}
	}
	c.table = tab
	registry = append(registry[:i], append([]Calculator{c}, registry[i:]...)...)
}

// shows reports whether any of fields, or of a nested struct's, is shown.
func shows(fields []Field) bool {
	for i := range fields {
		if fields[i].Shown || fields[i].Struct() && shows(fields[i].Fields) {
			return true
		}
	}
	return false
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
