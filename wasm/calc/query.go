package calc

import (
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/hashswitch/hashswitch/wasm/chain"
)

// maxQuery bounds the query string: every real query is far shorter.
const maxQuery = 4096

// Query is one request for one calculator. Each of the calculator's
// parameters is read once, when the query is built, into the value it
// holds: a number written as people write it ($85k, 85,000) is that
// number from then on, for the answer, the chart and its sweeps, and the
// page's notes alike. The readers (Float, Int, Choice...) check it against
// the parameter's range; they keep the first problem and return zero
// values after it, so a calculator reads all its inputs and checks Err
// once.
type Query struct {
	Chain  *chain.Params // the network's consensus rules
	Env    *Env          // the host: its clock and live figures
	v      Values        // the parameters as given
	parsed map[string]Parsed
	err    error
	// A sweep's query is its scenario's with one number set (swept, to
	// sweptTo) and that number's Alt left out (dropped).
	swept, dropped string
	sweptTo        Parsed
}

// Parsed is one parameter as its query read it.
type Parsed struct {
	// Raw is the value as given, trimmed ("$85k"), or the parameter's
	// default when not given; "" when given empty, or absent with no
	// default.
	Raw   string
	Given bool
	// OK: Raw is a number of the parameter's Type (Number or Integer),
	// whose value is Number (and Int, for an Integer).
	OK     bool
	Number float64
	Int    int64
	// Plain: Raw is the number written plainly, digits and at most a
	// point (85000, 0.02), so there is nothing to say about how it was
	// read.
	Plain bool
}

// NewQuery reads a raw query string (without "?") for calculator c on
// chain p.
func NewQuery(c Calculator, p *chain.Params, raw string) (*Query, error) {
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
	return QueryOf(c, p, v), nil
}

// QueryOf is calculator c's query of parameters already split, for chain
// p: each of c's parameters is read now.
func QueryOf(c Calculator, p *chain.Params, v Values) *Query {
	q := &Query{Chain: p, Env: &Env{}, v: v, parsed: map[string]Parsed{}}
	for _, param := range c.Info().Params {
		q.read(param)
	}
	return q
}

// read reads parameter p as its Type says, once.
func (q *Query) read(p Param) Parsed {
	in := Parsed{Raw: strings.TrimSpace(q.v.Get(p.Name)), Given: q.v.Has(p.Name)}
	q.parsed[p.Name] = in.of(p)
	return q.parsed[p.Name]
}

// of reads in.Raw as parameter p's Type says: p's default when it was
// not given.
func (in Parsed) of(p Param) Parsed {
	if !in.Given {
		in.Raw = p.DefaultValue()
	}
	if in.Raw != "" {
		switch p.Type {
		case Number:
			in.Number, in.Plain, in.OK = readNumber(in.Raw, p.Unit)
			// 95.000 is 95, but may have meant 95,000: when that too is a
			// value p takes, the number is not plain, and a form says how
			// it read it.
			if in.Plain && groupedElsewhere(strings.TrimSpace(in.Raw)) && p.Range.contains(in.Number*1000) {
				in.Plain = false
			}
		case Integer:
			in.Int, in.Plain, in.OK = readInteger(in.Raw)
			in.Number = float64(in.Int)
		}
	}
	return in
}

// Parsed is what the query read for parameter p. A parameter the
// calculator does not declare is read on first use.
func (q *Query) Parsed(p Param) Parsed {
	switch p.Name {
	case q.swept:
		return q.sweptTo
	case q.dropped:
		return Parsed{}.of(p)
	}
	if in, ok := q.parsed[p.Name]; ok {
		return in
	}
	return q.read(p)
}

// Number is the number the query read for p, given or by default: 0 when
// it has none, or no number. It records no problem: a chart reads the
// inputs of a scenario that computed.
func (q *Query) Number(p Param) float64 { return q.Parsed(p).Number }

// with is the query with number p set to x, its Alt left out (a hashrate
// stands in for the difficulty), for a sweep: it shares what q read.
func (q *Query) with(p Param, x float64) *Query {
	s := strconv.FormatFloat(x, 'g', -1, 64)
	return &Query{Chain: q.Chain, Env: q.Env, v: q.v, parsed: q.parsed,
		swept: p.Name, sweptTo: Parsed{Raw: s, Given: true, OK: true, Number: x, Int: int64(x)}, dropped: p.Alt}
}

// Err returns the first problem found.
func (q *Query) Err() error { return q.err }

// Has reports whether p was given with a non-empty value.
func (q *Query) Has(p Param) bool { return q.Str(p) != "" }

// Str returns the trimmed value of p.
func (q *Query) Str(p Param) string {
	switch p.Name {
	case q.swept:
		return q.sweptTo.Raw
	case q.dropped:
		return ""
	}
	return strings.TrimSpace(q.v.Get(p.Name))
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

// Fail records err unless an earlier problem is already kept.
func (q *Query) Fail(err *FieldError) {
	if q.err == nil {
		q.err = err
	}
}

// Float reads number p within its range, as the query read it (see
// ParseNumber).
func (q *Query) Float(p Param) float64 {
	if q.err != nil {
		return 0
	}
	in := q.Parsed(p)
	switch {
	case in.Raw == "":
		q.err = p.Range.required(p)
	case !in.OK:
		q.err = p.notANumber(in.Raw)
	case !p.Range.contains(in.Number):
		q.err = p.Range.outside(p, in.Number)
	}
	return in.Number
}

// Int reads whole number p within its range.
func (q *Query) Int(p Param) int64 {
	if q.err != nil {
		return 0
	}
	switch in := q.Parsed(p); {
	case in.Raw == "":
		q.err = p.required(rule("a whole number from %s to %s", Num(ftoa(p.Range.Min)), Num(ftoa(p.Range.Max))))
	case !in.OK || in.Int < int64(p.Range.Min) || in.Int > int64(p.Range.Max):
		q.err = p.notAWholeNumber(in.Raw)
	default:
		return in.Int
	}
	return 0
}

// Choice reads text parameter p, one of its Enum (case aside), or its
// default.
func (q *Query) Choice(p Param) string {
	if q.err != nil {
		return ""
	}
	s, values := strings.ToLower(q.Parsed(p).Raw), strings.Join(p.Enum, ", ")
	if s == "" {
		q.err = p.required(rule("one of %s", values))
		return ""
	}
	for _, e := range p.Enum {
		if s == e {
			return s
		}
	}
	q.err = Errorf(p, "must be one of %s, got %s", values, quote(s))
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
