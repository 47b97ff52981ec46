package calc

import (
	"math"
	"strconv"

	"github.com/hashswitch/hashswitch/wasm/internal/textfmt"
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
	Unit  Unit   // "USD per BTC"
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

// formatNum writes a bound for people: grouped digits, or an exponent
// for the very large and very small.
func formatNum(x float64) string {
	if a := math.Abs(x); a != 0 && (a >= 1e15 || a < 1e-4) {
		return strconv.FormatFloat(x, 'g', -1, 64)
	}
	return groupDigits(x)
}

// Errorf is a problem with parameter p.
// format is a literal: a translation's catalog has it (build/gen's test
// reads every Errorf and rule of this package).
func Errorf(p Param, format string, args ...any) *FieldError {
	return &FieldError{Field: p.Name, Message: textfmt.Sprintf(format, args...), format: format, args: args}
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
// presenter writes it back as that reader typed it.
func quoteNumber(s string) Input { return Input(quote(s)) }

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
		return Errorf(p, "type a number in %s, like %s, got %s", p.Unit, number(x), quoteNumber(s))
	case p.Unit != "":
		return Errorf(p, "type a number in %s, got %s", p.Unit, quoteNumber(s))
	case hasExample:
		return Errorf(p, "type a number, like %s, got %s", number(x), quoteNumber(s))
	}
	return Errorf(p, "type a number, got %s", quoteNumber(s))
}

// notAWholeNumber says that s is no whole number in p's range.
func (p Param) notAWholeNumber(s string) *FieldError {
	return Errorf(p, "must be a whole number from %s to %s, got %s", number(p.Range.Min), number(p.Range.Max), quoteNumber(s))
}

// rule says what a number in r must be: "must be a positive number up to
// 1,000", a phrase of the messages below.
func (r Range) rule() Rule {
	switch {
	case r.MinOpen && r.Min == 0:
		return rule("must be a positive number up to %s", number(r.Max))
	case r.Min == 0:
		return rule("must be a number from 0 to %s", number(r.Max))
	case r.MinOpen:
		return rule("must be more than %s and at most %s", number(r.Min), number(r.Max))
	}
	return rule("must be a number from %s to %s", number(r.Min), number(r.Max))
}

// outside says that x is out of r.
func (r Range) outside(p Param, x float64) *FieldError {
	return Errorf(p, "%s, got %s", r.rule(), number(x))
}

// required says that p, a number in r, is missing.
func (r Range) required(p Param) *FieldError { return p.required(r.rule()) }

// required says that p is missing, and what it must be.
func (p Param) required(what Rule) *FieldError {
	if p.Alt != "" {
		return Errorf(p, "is required (%s), or give %s", what, p.Alt)
	}
	return Errorf(p, "is required (%s)", what)
}

// groupDigits writes x with thousands separators, as the site prints it.
func groupDigits(x float64) string {
	return textfmt.Plain(strconv.FormatFloat(x, 'f', -1, 64), ",", ".")
}

// NumberForms says, for the docs, how a number may be written besides
// plainly (ParseNumber's rules for a Number, grouped digits for an Integer).
func (p Param) NumberForms() string {
	switch p.Type {
	case Integer:
		return "Whole numbers may group thousands: 840,000 or 840 000"
	case Number:
		forms := "Numbers may be written as people write them: thousands grouped (85,000 or 85 000), an exponent (1.5e12)"
		if !p.Unit.Percent() {
			forms += ", a k, M, B or T suffix (85k, 1.5M)"
		}
		if p.Unit.Money() {
			forms += ", a leading $ ($85k)"
		}
		if p.Unit.Percent() {
			forms += ", a trailing % (5%)"
		}
		return forms
	}
	return ""
}
