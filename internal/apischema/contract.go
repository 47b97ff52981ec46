package apischema

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"net/url"
	"regexp"
	"regexp/syntax"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/hashswitch/hashswitch/wasm/calc"
)

// Operation is one GET of openapi.json, as the contract test reads it: its
// path, its query parameters, and its named example requests.
type Operation struct {
	Path     string
	Params   []Parameter
	Examples map[string]url.Values // "request1": the values of every parameter under that name
}

// Parameter is one query parameter and its schema.
type Parameter struct {
	Name        string
	Required    bool
	Description string
	Schema      struct {
		Type             string
		Enum             []any
		Pattern          string
		Minimum          *float64
		ExclusiveMinimum *float64
		Maximum          *float64
	}
	Examples map[string]struct{ Value any }
}

// Operations reads every operation with parameters from an openapi.json.
func Operations(t testing.TB, doc []byte) []Operation {
	t.Helper()
	var d struct {
		Paths map[string]struct {
			Get struct{ Parameters []Parameter }
		}
	}
	if err := json.Unmarshal(doc, &d); err != nil {
		t.Fatal(err)
	}
	var ops []Operation
	for _, path := range slices.Sorted(func(yield func(string) bool) {
		for p := range d.Paths {
			if !yield(p) {
				return
			}
		}
	}) {
		op := Operation{Path: path, Params: d.Paths[path].Get.Parameters, Examples: map[string]url.Values{}}
		if len(op.Params) == 0 {
			continue
		}
		for _, p := range op.Params {
			for name, ex := range p.Examples {
				if op.Examples[name] == nil {
					op.Examples[name] = url.Values{}
				}
				op.Examples[name].Set(p.Name, value(ex.Value))
			}
		}
		ops = append(ops, op)
	}
	return ops
}

// value writes an example's JSON value as a query value.
func value(v any) string {
	switch x := v.(type) {
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64)
	case string:
		return x
	}
	b, _ := json.Marshal(v)
	return string(b)
}

// Case is one request of the contract run: Field is empty for a request
// valid against the document, else the parameter made invalid, which a 400
// must name.
type Case struct {
	URL   string
	Field string
	What  string // how it was made, for a failure's message
}

// Cases draws n requests per operation from the document alone: request1
// with some parameters redrawn from their schemas (valid), and request1
// with one of its parameters out of its schema (invalid).
func Cases(ops []Operation, rng *rand.Rand, n int) []Case {
	var out []Case
	for _, op := range ops {
		base := op.Examples["request1"]
		if base == nil { // request1 gives no parameter (network's: none)
			base = url.Values{}
		}
		for i := 0; i < n; i++ {
			q := cloneValues(base)
			var what []string
			for _, p := range op.Params {
				if rng.IntN(3) != 0 {
					continue
				}
				_, present := q[p.Name]
				if present && !p.Required && rng.IntN(4) == 0 {
					q.Del(p.Name)
					what = append(what, "no "+p.Name)
					continue
				}
				v := p.Valid(rng)
				q.Set(p.Name, v)
				what = append(what, p.Name+"="+v)
			}
			out = append(out, Case{URL: op.Path + "?" + q.Encode(), What: "valid: " + strings.Join(what, ", ")})
		}
		var inBase []Parameter
		for _, p := range op.Params {
			if base.Has(p.Name) || len(base) == 0 {
				inBase = append(inBase, p)
			}
		}
		for i := 0; i < n && len(inBase) > 0; i++ {
			p := inBase[rng.IntN(len(inBase))]
			q := cloneValues(base)
			v := p.Invalid(rng)
			q.Set(p.Name, v)
			out = append(out, Case{URL: op.Path + "?" + q.Encode(), Field: p.Name, What: "invalid: " + p.Name + "=" + v})
		}
	}
	return out
}

func cloneValues(v url.Values) url.Values {
	out := url.Values{}
	for k, vs := range v {
		out[k] = slices.Clone(vs)
	}
	return out
}

// bounds are the parameter's range: lo, hi, and whether lo is excluded.
func (p Parameter) bounds() (lo, hi float64, open bool) {
	lo, hi = -1e9, 1e9
	s := p.Schema
	if s.Minimum != nil {
		lo = *s.Minimum
	}
	if s.ExclusiveMinimum != nil {
		lo, open = *s.ExclusiveMinimum, true
	}
	if s.Maximum != nil {
		hi = *s.Maximum
	}
	return lo, hi, open
}

// Valid draws a value the parameter's schema allows.
func (p Parameter) Valid(rng *rand.Rand) string {
	s := p.Schema
	if len(s.Enum) > 0 {
		return value(s.Enum[rng.IntN(len(s.Enum))])
	}
	switch s.Type {
	case "integer":
		lo, hi, open := p.bounds()
		if open {
			lo++
		}
		span := int64(hi - lo)
		switch rng.IntN(4) {
		case 0:
			return strconv.FormatInt(int64(lo), 10)
		case 1:
			return strconv.FormatInt(int64(hi), 10)
		}
		return strconv.FormatInt(int64(lo)+rng.Int64N(span+1), 10)
	case "number":
		lo, hi, open := p.bounds()
		var x float64
		switch rng.IntN(5) {
		case 0:
			x = hi
		case 1:
			x = lo
			if open {
				x = lo + math.Max(math.Abs(lo), 1)*1e-9
			}
		case 2:
			x = lo + rng.Float64()*(hi-lo)
		default: // across orders of magnitude, where most real values are
			from := math.Max(lo, hi*1e-9)
			if from <= 0 {
				from = math.Min(1e-3, hi)
			}
			x = math.Exp(math.Log(from) + rng.Float64()*(math.Log(hi)-math.Log(from)))
		}
		x = math.Min(math.Max(x, lo), hi)
		if open && x <= lo {
			x = math.Nextafter(lo, hi)
		}
		return strconv.FormatFloat(x, 'g', -1, 64)
	}
	if s.Pattern != "" {
		re, err := syntax.Parse(s.Pattern, syntax.Perl)
		if err == nil {
			var b strings.Builder
			generate(rng, re, &b)
			return b.String()
		}
	}
	return "x"
}

// Invalid draws a value the parameter's schema refuses: out of range, of
// another type, not in the enum, not matching the pattern.
func (p Parameter) Invalid(rng *rand.Rand) string {
	s := p.Schema
	switch {
	case len(s.Enum) > 0:
		return []string{"nope", "", "0"}[rng.IntN(3)]
	case s.Type == "integer" || s.Type == "number":
		lo, hi, open := p.bounds()
		below := strconv.FormatFloat(lo-math.Max(1, math.Abs(lo)), 'g', -1, 64)
		if open {
			below = strconv.FormatFloat(lo, 'g', -1, 64)
		}
		choices := []string{"abc", "NaN", "Inf", "1_000", "0x10", below, strconv.FormatFloat(hi*2+1, 'g', -1, 64)}
		if s.Type == "integer" {
			choices = append(choices, "1.5")
		}
		return choices[rng.IntN(len(choices))]
	case s.Pattern != "":
		re := regexp.MustCompile(s.Pattern)
		for _, v := range []string{"!", "zz", "2025-13", "0x", " "} {
			if !re.MatchString(v) {
				return v
			}
		}
	}
	return "\x00"
}

// generate writes a random string that re matches.
func generate(rng *rand.Rand, re *syntax.Regexp, b *strings.Builder) {
	repeat := func(min, max int) {
		if max < 0 {
			max = min + 3
		}
		for i := min + rng.IntN(max-min+1); i > 0; i-- {
			generate(rng, re.Sub[0], b)
		}
	}
	switch re.Op {
	case syntax.OpLiteral:
		b.WriteString(string(re.Rune))
	case syntax.OpCharClass:
		i := rng.IntN(len(re.Rune) / 2)
		lo, hi := re.Rune[2*i], re.Rune[2*i+1]
		b.WriteRune(lo + rune(rng.IntN(int(hi-lo)+1)))
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		b.WriteRune('a' + rune(rng.IntN(26)))
	case syntax.OpCapture:
		generate(rng, re.Sub[0], b)
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			generate(rng, sub, b)
		}
	case syntax.OpAlternate:
		generate(rng, re.Sub[rng.IntN(len(re.Sub))], b)
	case syntax.OpStar:
		repeat(0, 3)
	case syntax.OpPlus:
		repeat(1, 3)
	case syntax.OpQuest:
		repeat(0, 1)
	case syntax.OpRepeat:
		repeat(re.Min, re.Max)
	}
}

// TooLarge is in the message of the one 400 that names no parameter:
// inputs each within range whose result is too large to show.
const TooLarge = "give a result too large to show"

// CheckCase holds an answer to the contract: a valid request gets 200 with
// a body its schema allows, or a 400 naming one of the operation's
// parameters; an invalid one gets 400 naming the parameter made invalid.
// It returns a problem, or "".
func CheckCase(t testing.TB, c Case, ops []Operation, status int, body []byte) string {
	t.Helper()
	path, _, _ := strings.Cut(c.URL, "?")
	var e struct {
		Error struct{ Field, Message string }
	}
	json.Unmarshal(body, &e)
	switch {
	case c.Field == "" && status == 200:
		Check(t, c.URL, calc.Answer{Status: status, Body: body})
		return ""
	case status != 400:
		return c.What + ": " + strconv.Itoa(status) + " " + string(body)
	case c.Field != "" && e.Error.Field != c.Field:
		return c.What + ": the 400 names " + strconv.Quote(e.Error.Field) + ": " + string(body)
	}
	Check(t, c.URL, calc.Answer{Status: status, Body: body})
	if c.Field == "" && e.Error.Field == "" && strings.Contains(e.Error.Message, TooLarge) {
		return "" // documented: no one parameter is at fault
	}
	for _, op := range ops {
		if op.Path != path {
			continue
		}
		for _, p := range op.Params {
			if p.Name == e.Error.Field {
				return ""
			}
		}
	}
	return c.What + ": the 400 names no parameter of " + path + ": " + string(body)
}
