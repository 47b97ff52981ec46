package calc

import (
	"fmt"
	"math"
	"net/url"
	"strconv"
	"strings"

	"github.com/hashswitch/hashswitch/wasm/chain"
	"github.com/hashswitch/hashswitch/wasm/netdata"
)

// Type is what a parameter holds.
type Type int

const (
	Number  Type = iota // a decimal number: 85000, 149.3e12
	Integer             // a whole number: a block height
	Text                // anything else: hex, a date; the calculator parses it
)

// Param is one query parameter of a calculator: its name in the URL, what
// it means and in which unit, the values it takes, and how the calculator's
// form shows it. One Param serves the endpoint, its documentation, its
// OpenAPI description and the form's input.
type Param struct {
	Name  string
	Label string // "Bitcoin price"
	Unit  string // "USD per BTC"
	Doc   string // anything else a caller must know, for the API docs
	Type  Type
	Range Range // for Number and Integer
	// Default is the value when the parameter is absent. A parameter with
	// no Default is required, unless it is Optional or has an Alt.
	Default  string
	Optional bool
	Alt      string // another parameter that may be given instead of this one
	Example  string // a typical value, for the docs; Default when empty

	// The calculator's form.
	Group  string // fieldset legend; the inputs of a group are adjacent
	Help   string // a line under the input
	Hidden bool   // API only: the form shows Alt instead
	Long   bool   // a textarea (the header's 160 hex digits)
	// Start is the form's first value when From is nil ("" means Default).
	Start string
	// From takes the form's first value from the network snapshot.
	From func(netdata.Snapshot) string
}

// Required reports whether a request must give the parameter.
func (p Param) Required() bool { return p.Default == "" && !p.Optional && p.Alt == "" }

// Numeric reports whether the parameter is a number (a numeric keyboard).
func (p Param) Numeric() bool { return p.Type != Text }

// StartValue is the value the calculator's form starts from.
func (p Param) StartValue(s netdata.Snapshot) string {
	switch {
	case p.From != nil:
		return p.From(s)
	case p.Start != "":
		return p.Start
	}
	return p.Default
}

// In returns the parameter under another fieldset legend.
func (p Param) In(group string) Param {
	p.Group = group
	return p
}

// Range is the allowed span of a number: [Min, Max], or (Min, Max] when
// MinOpen.
type Range struct {
	Min, Max float64
	MinOpen  bool
}

// Positive is (0, max]; NonNegative is [0, max].
func Positive(max float64) Range    { return Range{0, max, true} }
func NonNegative(max float64) Range { return Range{0, max, false} }

func (r Range) contains(x float64) bool {
	if r.MinOpen {
		return x > r.Min && x <= r.Max
	}
	return x >= r.Min && x <= r.Max
}

func (r Range) String() string {
	switch {
	case r.MinOpen && r.Min == 0:
		return "must be a positive number up to " + formatNum(r.Max)
	case !r.MinOpen && r.Min == 0:
		return "must be a number from 0 to " + formatNum(r.Max)
	case r.MinOpen:
		return fmt.Sprintf("must be more than %s and at most %s", formatNum(r.Min), formatNum(r.Max))
	}
	return fmt.Sprintf("must be a number from %s to %s", formatNum(r.Min), formatNum(r.Max))
}

func formatNum(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }

// maxQuery bounds the query string: every real query is far shorter.
const maxQuery = 4096

// Query reads and validates one request's parameters. Its readers keep the
// first problem and return zero values after it, so a calculator reads all
// its inputs and checks Err once.
type Query struct {
	Chain *chain.Params // the network's consensus rules
	Env   *Env          // the host: its clock and live figures
	v     url.Values
	err   error
}

// NewQuery reads a raw query string (without "?") for chain p.
func NewQuery(p *chain.Params, raw string) (*Query, error) {
	if len(raw) > maxQuery {
		return nil, &FieldError{Message: fmt.Sprintf("the query string is longer than %d bytes", maxQuery)}
	}
	v, err := url.ParseQuery(raw)
	if err != nil {
		return nil, &FieldError{Message: "the query string is malformed: " + err.Error()}
	}
	return &Query{Chain: p, Env: &Env{}, v: v}, nil
}

// Values returns a copy of the query's parameters.
func (q *Query) Values() url.Values {
	out := url.Values{}
	for k, v := range q.v {
		out[k] = append([]string(nil), v...)
	}
	return out
}

// Err returns the first problem found.
func (q *Query) Err() error { return q.err }

// Has reports whether p was given with a non-empty value.
func (q *Query) Has(p Param) bool { return q.Str(p) != "" }

// Str returns the trimmed value of p.
func (q *Query) Str(p Param) string { return strings.TrimSpace(q.v.Get(p.Name)) }

// Fail records err unless an earlier problem is already kept.
func (q *Query) Fail(err *FieldError) {
	if q.err == nil {
		q.err = err
	}
}

// Errorf is a problem with parameter p.
func Errorf(p Param, format string, args ...any) *FieldError {
	return &FieldError{Field: p.Name, Message: fmt.Sprintf(format, args...)}
}

// quote shortens user input for an error message.
func quote(s string) string {
	const n = 40
	if len(s) > n {
		s = s[:n] + "…"
	}
	return strconv.Quote(s)
}

// raw returns p's value, or its default; ok is false when p is absent with
// no default, after recording that it is required.
func (q *Query) raw(p Param, requirement string) (string, bool) {
	if q.err != nil {
		return "", false
	}
	if s := q.Str(p); s != "" {
		return s, true
	}
	if _, given := q.v[p.Name]; !given && p.Default != "" {
		return p.Default, true
	}
	if p.Alt != "" {
		q.err = Errorf(p, "is required (%s), or give %s", requirement, p.Alt)
	} else {
		q.err = Errorf(p, "is required (%s)", requirement)
	}
	return "", false
}

// Float reads number p within its range.
func (q *Query) Float(p Param) float64 {
	s, ok := q.raw(p, p.Range.String())
	if !ok {
		return 0
	}
	x, err := strconv.ParseFloat(s, 64)
	switch {
	case err != nil || math.IsNaN(x) || math.IsInf(x, 0):
		q.err = Errorf(p, "%s, got %s", p.Range, quote(s))
	case !p.Range.contains(x):
		q.err = Errorf(p, "%s, got %s", p.Range, formatNum(x))
	}
	return x
}

// Int reads whole number p within its range.
func (q *Query) Int(p Param) int64 {
	lo, hi := int64(p.Range.Min), int64(p.Range.Max)
	s, ok := q.raw(p, fmt.Sprintf("a whole number from %d to %d", lo, hi))
	if !ok {
		return 0
	}
	x, err := strconv.ParseInt(s, 10, 64)
	if err != nil || x < lo || x > hi {
		q.err = Errorf(p, "must be a whole number from %d to %d, got %s", lo, hi, quote(s))
	}
	return x
}

// Either returns which of a and b was given; exactly one must be.
func (q *Query) Either(a, b Param) Param {
	if q.err != nil {
		return a
	}
	switch ha, hb := q.Has(a), q.Has(b); {
	case ha && hb:
		q.err = Errorf(b, "give %s or %s, not both", a.Name, b.Name)
	case hb:
		return b
	case !ha:
		q.err = Errorf(a, "is required (or give %s)", b.Name)
	}
	return a
}
