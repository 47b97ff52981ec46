package calc

import (
	"errors"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/hashswitch/hashswitch/wasm/chain"
	"github.com/hashswitch/hashswitch/wasm/human"
	"github.com/hashswitch/hashswitch/wasm/locale"
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
	// Default is the value when the parameter is absent, for the API and
	// the calculator's form alike. A parameter with no Default is
	// required, unless it is Optional or has an Alt.
	Default  string
	Optional bool
	// Snapshot: when absent, the value is From of the newest committed
	// snapshot, the figures the form starts from.
	Snapshot bool
	Alt      string   // another parameter that may be given instead of this one
	Example  string   // a typical value, for the docs; Default when empty
	Enum     []string // for Text: the values it takes
	Choices  []string // the form's words for each of Enum, in order
	Pattern  string   // for Text without Enum: the form it takes, a regular expression for openapi.json

	// The calculator's form.
	Group  string // fieldset legend; the inputs of a group are adjacent
	Help   string // a line under the input
	Hidden bool   // API only: the form shows Alt instead
	Long   bool   // a textarea (the header's 160 hex digits)
	// From takes the form's first value from the network snapshot: the
	// network's figures. Without it the form starts from Default, or the
	// Example of a required parameter.
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
	case p.Default != "":
		return p.Default
	}
	return p.Example
}

// Choice is one value of an Enum parameter, with the form's words for it.
type Choice struct{ Value, Label string }

// Options lists an Enum parameter's values with their words (the value
// itself where the parameter has none).
func (p Param) Options() []Choice {
	out := make([]Choice, len(p.Enum))
	for i, e := range p.Enum {
		out[i] = Choice{e, e}
		if i < len(p.Choices) {
			out[i].Label = p.Choices[i]
		}
	}
	return out
}

// DefaultValue is the value the API takes when p is absent: Default, or
// for a Snapshot parameter From of the newest committed snapshot; "" when
// there is none.
func (p Param) DefaultValue() string {
	if p.Snapshot && p.From != nil {
		return p.From(netdata.Committed())
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
		return "must be more than " + formatNum(r.Min) + " and at most " + formatNum(r.Max)
	}
	return "must be a number from " + formatNum(r.Min) + " to " + formatNum(r.Max)
}

// formatNum writes a bound for people: grouped digits, or an exponent
// for the very large and very small.
func formatNum(x float64) string {
	if a := math.Abs(x); a != 0 && (a >= 1e15 || a < 1e-4) {
		return strconv.FormatFloat(x, 'g', -1, 64)
	}
	return groupDigits(x)
}

// maxQuery bounds the query string: every real query is far shorter.
const maxQuery = 4096

// Query reads and validates one request's parameters. Its readers keep the
// first problem and return zero values after it, so a calculator reads all
// its inputs and checks Err once.
type Query struct {
	Chain *chain.Params // the network's consensus rules
	Env   *Env          // the host: its clock and live figures
	v     Values
	err   error
}

// NewQuery reads a raw query string (without "?") for chain p.
func NewQuery(p *chain.Params, raw string) (*Query, error) {
	if len(raw) > maxQuery {
		return nil, &FieldError{Message: "the query string is longer than " + strconv.Itoa(maxQuery) + " bytes"}
	}
	v, err := ParseQuery(raw)
	if err != nil {
		return nil, &FieldError{Message: "the query string is malformed: " + err.Error()}
	}
	// A parameter given twice has no one meaning: which value wins would
	// be a convention the caller cannot see.
	for _, k := range slices.Sorted(maps.Keys(v)) {
		if len(v[k]) > 1 {
			return nil, &FieldError{Field: k, Message: "is given " + strconv.Itoa(len(v[k])) + " times; give it once"}
		}
	}
	return &Query{Chain: p, Env: &Env{}, v: v}, nil
}

// Values returns a copy of the query's parameters.
func (q *Query) Values() Values {
	out := Values{}
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
// format is a literal: a translation's catalog has it (build/gen's test
// reads every Errorf of this package).
func Errorf(p Param, format string, args ...any) *FieldError {
	return &FieldError{Field: p.Name, Message: locale.EN.Sprintf(format, args...), format: format, args: args}
}

// quote shortens user input for an error message.
func quote(s string) string {
	const n = 40
	if len(s) > n {
		s = s[:n] + "…"
	}
	return strconv.Quote(s)
}

// quoteNumber is quote for what a reader typed into a number's field: a
// translation writes it back as that reader typed it (In).
func quoteNumber(s string) Input { return Input(quote(s)) }

// raw returns p's value, or its default; ok is false when p is absent with
// no default, after recording that it is required.
func (q *Query) raw(p Param, requirement string) (string, bool) {
	if q.err != nil {
		return "", false
	}
	if s := q.Str(p); s != "" {
		return s, true
	}
	if _, given := q.v[p.Name]; !given && p.DefaultValue() != "" {
		return p.DefaultValue(), true
	}
	if p.Alt != "" {
		q.err = Errorf(p, "is required (%s), or give %s", requirement, p.Alt)
	} else {
		q.err = Errorf(p, "is required (%s)", requirement)
	}
	return "", false
}

// Float reads number p within its range, written as people write numbers
// (see ParseNumber).
func (q *Query) Float(p Param) float64 {
	if q.err != nil {
		return 0
	}
	s := q.Str(p)
	if _, given := q.v[p.Name]; s == "" && !given {
		s = p.DefaultValue()
	}
	if s == "" {
		q.err = p.Range.required(p)
		return 0
	}
	x, err := ParseNumber(s, p.Unit)
	switch {
	case err != nil:
		q.err = p.notANumber(s)
	case !p.Range.contains(x):
		q.err = p.Range.outside(p, x)
	}
	return x
}

// notANumber says in plain words what to type: "type a number in USD per
// BTC, like 85,000, got …".
func (p Param) notANumber(s string) *FieldError {
	ex := p.Example
	if ex == "" {
		ex = p.Default
	}
	x, err := strconv.ParseFloat(ex, 64)
	hasExample := err == nil && ex != ""
	switch {
	case p.Unit != "" && hasExample:
		return Errorf(p, "type a number in %s, like %s, got %s", Unit(p.Unit), Num(groupDigits(x)), quoteNumber(s))
	case p.Unit != "":
		return Errorf(p, "type a number in %s, got %s", Unit(p.Unit), quoteNumber(s))
	case hasExample:
		return Errorf(p, "type a number, like %s, got %s", Num(groupDigits(x)), quoteNumber(s))
	}
	return Errorf(p, "type a number, got %s", quoteNumber(s))
}

// outside says that x is out of r.
func (r Range) outside(p Param, x float64) *FieldError {
	got := Num(formatNum(x))
	switch {
	case r.MinOpen && r.Min == 0:
		return Errorf(p, "must be a positive number up to %s, got %s", Num(formatNum(r.Max)), got)
	case r.Min == 0:
		return Errorf(p, "must be a number from 0 to %s, got %s", Num(formatNum(r.Max)), got)
	case r.MinOpen:
		return Errorf(p, "must be more than %s and at most %s, got %s", Num(formatNum(r.Min)), Num(formatNum(r.Max)), got)
	}
	return Errorf(p, "must be a number from %s to %s, got %s", Num(formatNum(r.Min)), Num(formatNum(r.Max)), got)
}

// required says that p, a number in r, is missing.
func (r Range) required(p Param) *FieldError {
	if p.Alt != "" {
		return Errorf(p, "is required (%s), or give %s", r.String(), p.Alt)
	}
	switch {
	case r.MinOpen && r.Min == 0:
		return Errorf(p, "is required (must be a positive number up to %s)", Num(formatNum(r.Max)))
	case r.Min == 0:
		return Errorf(p, "is required (must be a number from 0 to %s)", Num(formatNum(r.Max)))
	case r.MinOpen:
		return Errorf(p, "is required (must be more than %s and at most %s)", Num(formatNum(r.Min)), Num(formatNum(r.Max)))
	}
	return Errorf(p, "is required (must be a number from %s to %s)", Num(formatNum(r.Min)), Num(formatNum(r.Max)))
}

// groupDigits writes x with thousands separators, as the site prints it.
func groupDigits(x float64) string { return human.Group(strconv.FormatFloat(x, 'f', -1, 64)) }

// Suffixes people write after a number.
var magnitudes = map[byte]float64{'k': 1e3, 'K': 1e3, 'M': 1e6, 'B': 1e9, 'T': 1e12}

// ParseNumber reads a number as people type it: thousands grouped with
// commas or spaces (85,000; 85 000, thin and no-break spaces too), a
// leading $ where the unit is dollars, a k, M, B or T suffix, and a %
// where the unit is a percentage. Anything else Go's ParseFloat would take
// but a person would not write (1_000, 0x1p3, Inf, NaN) is refused, as are
// control characters.
func ParseNumber(s, unit string) (float64, error) {
	bad := errors.New("not a number")
	s = strings.TrimSpace(s)
	if unit == "%" {
		s = strings.TrimSpace(strings.TrimSuffix(s, "%"))
	}
	if strings.Contains(unit, "USD") {
		if rest, ok := strings.CutPrefix(s, "$"); ok {
			s = strings.TrimSpace(rest)
		} else if rest, ok := strings.CutPrefix(s, "-$"); ok {
			s = "-" + strings.TrimSpace(rest)
		}
	}
	scale := 1.0
	if n := len(s); n > 1 && unit != "%" {
		if m, ok := magnitudes[s[n-1]]; ok && s[n-2] >= '0' && s[n-2] <= '9' || ok && s[n-2] == '.' {
			s, scale = s[:n-1], m
		}
	}
	s = ungroup(s)
	if !decimalNumber(s) {
		return 0, bad
	}
	x, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(x) || math.IsInf(x*scale, 0) {
		return 0, bad
	}
	return x * scale, nil
}

// NumberForms says, for the docs, how a number may be written besides
// plainly (ParseNumber's rules for a Number, grouped digits for an Integer).
func (p Param) NumberForms() string {
	switch p.Type {
	case Integer:
		return "Whole numbers may group thousands: 840,000 or 840 000"
	case Number:
		forms := "Numbers may be written as people write them: thousands grouped (85,000 or 85 000), an exponent (1.5e12)"
		if p.Unit != "%" {
			forms += ", a k, M, B or T suffix (85k, 1.5M)"
		}
		if strings.Contains(p.Unit, "USD") {
			forms += ", a leading $ ($85k)"
		}
		if p.Unit == "%" {
			forms += ", a trailing % (5%)"
		}
		return forms
	}
	return ""
}

// ungroup removes thousands separators, when they group the integer part
// in threes: "85,000.5" is 85000.5; "8,50" is left alone, and refused.
func ungroup(s string) string {
	for _, sep := range []string{",", " ", "\u00a0", "\u2009", "\u202f"} {
		if !strings.Contains(s, sep) {
			continue
		}
		intPart, frac, hasFrac := strings.Cut(s, ".")
		sign := ""
		if strings.HasPrefix(intPart, "-") || strings.HasPrefix(intPart, "+") {
			sign, intPart = intPart[:1], intPart[1:]
		}
		groups := strings.Split(intPart, sep)
		if len(groups[0]) < 1 || len(groups[0]) > 3 {
			return s
		}
		for _, g := range groups[1:] {
			if len(g) != 3 {
				return s
			}
		}
		s = sign + strings.Join(groups, "")
		if hasFrac {
			s += "." + frac
		}
	}
	return s
}

// decimalNumber reports whether s is a plain decimal: digits, one point,
// an optional exponent.
func decimalNumber(s string) bool {
	s = strings.TrimPrefix(strings.TrimPrefix(s, "-"), "+")
	mant, exp, hasExp := strings.Cut(strings.ToLower(s), "e")
	digits, points := 0, 0
	for _, c := range mant {
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c == '.':
			points++
		default:
			return false
		}
	}
	if digits == 0 || points > 1 {
		return false
	}
	if hasExp {
		exp = strings.TrimPrefix(strings.TrimPrefix(exp, "-"), "+")
		if exp == "" {
			return false
		}
		for _, c := range exp {
			if c < '0' || c > '9' {
				return false
			}
		}
	}
	return true
}

// Int reads whole number p within its range.
func (q *Query) Int(p Param) int64 {
	lo, hi := int64(p.Range.Min), int64(p.Range.Max)
	from, to := Num(groupDigits(float64(lo))), Num(groupDigits(float64(hi)))
	s, ok := q.raw(p, "a whole number from "+strconv.FormatInt(lo, 10)+" to "+strconv.FormatInt(hi, 10))
	if !ok {
		return 0
	}
	x, err := strconv.ParseInt(ungroup(s), 10, 64)
	if err != nil || x < lo || x > hi {
		q.err = Errorf(p, "must be a whole number from %s to %s, got %s", from, to, quoteNumber(s))
	}
	return x
}

// HasAny reports whether any of ps was given with a non-empty value.
func (q *Query) HasAny(ps ...Param) bool {
	for _, p := range ps {
		if q.Has(p) {
			return true
		}
	}
	return false
}

// Choice reads text parameter p, one of its Enum (case aside), or its
// default.
func (q *Query) Choice(p Param) string {
	s, ok := q.raw(p, "one of "+strings.Join(p.Enum, ", "))
	if !ok {
		return ""
	}
	s = strings.ToLower(s)
	for _, e := range p.Enum {
		if s == e {
			return s
		}
	}
	q.err = Errorf(p, "must be one of %s, got %s", strings.Join(p.Enum, ", "), quote(s))
	return ""
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
