package calc

import (
	"fmt"
	"math"
	"net/url"
	"strconv"
	"strings"
)

// maxQuery bounds the query string: every real query is far shorter.
const maxQuery = 4096

// params reads and validates one request's query parameters. Each reader
// returns a *FieldError naming the parameter and what to fix.
type params struct {
	v   url.Values
	err error // the first problem found
}

func parseQuery(raw string) (*params, error) {
	if len(raw) > maxQuery {
		return nil, &FieldError{Message: fmt.Sprintf("the query string is longer than %d bytes", maxQuery)}
	}
	v, err := url.ParseQuery(raw)
	if err != nil {
		return nil, &FieldError{Message: "the query string is malformed: " + err.Error()}
	}
	return &params{v: v}, nil
}

// has reports whether name was given with a non-empty value.
func (p *params) has(name string) bool { return strings.TrimSpace(p.v.Get(name)) != "" }

// str returns the trimmed value of name.
func (p *params) str(name string) string { return strings.TrimSpace(p.v.Get(name)) }

func fieldErr(name, format string, args ...any) *FieldError {
	return &FieldError{Field: name, Message: fmt.Sprintf(format, args...)}
}

// quote shortens user input for an error message.
func quote(s string) string {
	const n = 40
	if len(s) > n {
		s = s[:n] + "…"
	}
	return strconv.Quote(s)
}

// span is the allowed range of a number: [lo, hi], or (lo, hi] when open.
type span struct {
	lo, hi float64
	open   bool // lo itself is excluded
}

var (
	positive   = func(hi float64) span { return span{0, hi, true} }
	nonNeg     = func(hi float64) span { return span{0, hi, false} }
	percentPos = span{0, 100, true}
)

func (s span) contains(x float64) bool {
	if s.open {
		return x > s.lo && x <= s.hi
	}
	return x >= s.lo && x <= s.hi
}

func (s span) String() string {
	switch {
	case s.open && s.lo == 0:
		return "must be a positive number up to " + formatNum(s.hi)
	case !s.open && s.lo == 0:
		return "must be a number from 0 to " + formatNum(s.hi)
	case s.open:
		return fmt.Sprintf("must be more than %s and at most %s", formatNum(s.lo), formatNum(s.hi))
	}
	return fmt.Sprintf("must be a number from %s to %s", formatNum(s.lo), formatNum(s.hi))
}

func formatNum(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }

// The readers below keep the first error in p.err and return zero values
// after it, so an endpoint reads all its inputs and checks p.err once.

// float reads a required number within s.
func (p *params) float(name string, s span) float64 {
	if p.err != nil {
		return 0
	}
	if !p.has(name) {
		p.err = fieldErr(name, "is required (%s)", s)
		return 0
	}
	raw := p.str(name)
	x, err := strconv.ParseFloat(raw, 64)
	switch {
	case err != nil || math.IsNaN(x) || math.IsInf(x, 0):
		p.err = fieldErr(name, "%s, got %s", s, quote(raw))
	case !s.contains(x):
		p.err = fieldErr(name, "%s, got %s", s, formatNum(x))
	}
	return x
}

// floatOr reads an optional number within s, def when absent.
func (p *params) floatOr(name string, def float64, s span) float64 {
	if !p.has(name) {
		return def
	}
	return p.float(name, s)
}

// int reads a required whole number from lo to hi.
func (p *params) int(name string, lo, hi int64) int64 {
	if p.err != nil {
		return 0
	}
	if !p.has(name) {
		p.err = fieldErr(name, "is required (a whole number from %d to %d)", lo, hi)
		return 0
	}
	raw := p.str(name)
	x, err := strconv.ParseInt(raw, 10, 64)
	if err != nil || x < lo || x > hi {
		p.err = fieldErr(name, "must be a whole number from %d to %d, got %s", lo, hi, quote(raw))
	}
	return x
}

// either returns which of a and b was given; exactly one must be.
func (p *params) either(a, b string) string {
	if p.err != nil {
		return ""
	}
	switch ha, hb := p.has(a), p.has(b); {
	case ha && hb:
		p.err = fieldErr(b, "give %s or %s, not both", a, b)
	case ha:
		return a
	case hb:
		return b
	default:
		p.err = fieldErr(a, "is required (or give %s)", b)
	}
	return ""
}

// fail records err unless an earlier error is already kept.
func (p *params) fail(err *FieldError) {
	if p.err == nil {
		p.err = err
	}
}
