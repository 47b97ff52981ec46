// Package calc answers Hashswitch's calculator URLs, /api/v1/NAME?QUERY,
// with JSON computed by packages chain and econ. It is the API without the
// network: package api serves it over net/http (the dev server, the edge),
// and the page's WebAssembly calls it in process, so the page shows exactly
// what the API returns for the same URL. It does not import net/http, which
// would double the WebAssembly's size.
//
// A bad or missing parameter answers 400 with
// {"error":{"field":..,"message":..}}; no answer holds NaN or Infinity; a
// panic is recovered into a 500.
//
// It computes and presents nothing: results are typed (each result type's
// fields read once into a Table), charts are Plots (series on axes that
// say what they measure), errors are codes with typed arguments whose
// English is the API's message. Package present writes them for a reader.
// The package is pure Go and must never import syscall/js, nor the
// presentation's packages: human, locale, chart, present.
package calc

import (
	"path"
	"reflect"
	"strings"
	"time"

	"github.com/hashswitch/hashswitch/wasm/chain"
	"github.com/hashswitch/hashswitch/wasm/internal/textfmt"
	"github.com/hashswitch/hashswitch/wasm/internal/tinyjson"
	"github.com/hashswitch/hashswitch/wasm/netdata"
)

// Prefix is the path every calculator URL starts with.
const Prefix = "/api/v1/"

// HTTP status codes of answers, named here so the package needs no net/http.
const (
	StatusOK       = 200
	StatusBadInput = 400
	StatusNotFound = 404
	StatusInternal = 500
)

// Answer is a calculator's reply: an HTTP status and a JSON body.
type Answer struct {
	Status int
	Body   []byte
	// MaxAgeSec is how long the answer may be cached: answers that depend
	// on the URL alone for an hour, the live network figures a minute.
	MaxAgeSec int
}

// FieldError is a problem with one input, as the API reports it: its
// Message is the API's, in English. It is also a code and typed
// arguments, which a presenter writes for a reader in their language
// (package present).
type FieldError struct {
	Field   string `json:"field"`
	Message string `json:"message"`
	format  string // the code: Message's English format, a key of the catalogs
	args    []any
}

// Format is the error as a code and its arguments: Message's English
// format ("must be a positive number up to %s, got %s"), which the
// languages' catalogs translate, and what fills it, typed (Num, Unit,
// Input, Rule, or text written as it is). An error without a format
// (about the request, not a parameter) has only its Message.
func (e *FieldError) Format() (format string, args []any) { return e.format, e.args }

// Num, Input and Rule are arguments of an error message (Errorf), with
// Unit: a number, written as the API writes it ("85,000", "1e+300",
// "8497.2"), which a presenter writes in the reader's style; what a reader
// typed into a number's field, quoted, which reached the calculator in the
// API's form and which a presenter gives back as that reader typed it; and
// a phrase that says what a value must be. The API writes them in English;
// a presenter in the reader's language.
type (
	Num   string
	Input string
	// Rule is a phrase, a code with its own arguments: "must be a
	// positive number up to %s".
	Rule struct {
		format string
		args   []any
	}
)

// rule is a phrase of an error message. format is a literal, which the
// catalogs translate, as Errorf's.
func rule(format string, args ...any) Rule { return Rule{format, args} }

// String is the phrase in English.
func (r Rule) String() string { return textfmt.Sprintf(r.format, r.args...) }

// Format is the phrase's code and arguments (see FieldError.Format).
func (r Rule) Format() (format string, args []any) { return r.format, r.args }

// number is x as an error message writes it: grouped, or with an exponent
// when very large or small.
func number(x float64) Num { return Num(formatNum(x)) }

func (e *FieldError) Error() string { return e.Field + ": " + e.Message }

// Env is what a host gives the calculators beyond the URL: its clock and,
// where it has them, live network figures. The zero Env is a host with the
// system clock and only the committed snapshots.
type Env struct {
	// Live returns the host's newest network snapshot; nil or an error
	// means the committed one.
	Live func() (netdata.Snapshot, error)
	// Now is the host's clock; nil means time.Now.
	Now func() time.Time
	// History answers /api/v1/history from the host's series; nil on a
	// host that keeps none (the page).
	History func(HistoryRequest) (HistoryResult, error)
}

func (e *Env) now() time.Time {
	if e == nil || e.Now == nil {
		return time.Now()
	}
	return e.Now()
}

// Get answers path (such as "/api/v1/hashprice", a trailing slash allowed)
// with rawQuery (without the "?") for Bitcoin mainnet. It never panics.
func Get(path, rawQuery string) Answer { return (&Env{}).Get(path, rawQuery) }

// Get answers like the package's Get, for this host.
func (e *Env) Get(path, rawQuery string) Answer {
	if path == OpenAPIPath {
		a := encode(StatusOK, OpenAPI())
		a.MaxAgeSec = 3600
		return a
	}
	name, ok := strings.CutPrefix(path, Prefix)
	c := Lookup(strings.TrimSuffix(name, "/"))
	if !ok || c == nil {
		return errorAnswer(StatusNotFound, &FieldError{Message: "no calculator at " + quote(path) +
			"; the endpoints are " + strings.Join(Endpoints(), ", ") + ", described by " + OpenAPIPath})
	}
	return e.answer(c, rawQuery)
}

// answer runs calculator c on rawQuery and writes its JSON.
func (e *Env) answer(c Calculator, rawQuery string) Answer {
	q, err := NewQuery(c, chain.MainNet, rawQuery)
	if err != nil {
		return errorAnswer(StatusBadInput, err)
	}
	q.Env = e
	result, fe := Run(c, q)
	if fe != nil {
		return errorAnswer(fe.status, fe.FieldError)
	}
	a := encode(StatusOK, result)
	a.MaxAgeSec = 3600
	if c.Info().Live {
		a.MaxAgeSec = 60
	}
	if m, ok := result.(interface{ maxAgeSec() int }); ok {
		a.MaxAgeSec = m.maxAgeSec()
	}
	return a
}

// RunError is why Run computed nothing: bad input (400) or a failure of
// the calculator itself (500, with a message that says nothing about the
// code).
type RunError struct {
	*FieldError
	status int
}

// Status is the HTTP status of the problem.
func (e *RunError) Status() int { return e.status }

// Run computes calculator c for q: its typed result, or the problem with
// the input. A result holding NaN or Infinity is refused as too large to
// show, and a panic is recovered. Pages call it directly to read typed
// fields; Get encodes its result as JSON.
func Run(c Calculator, q *Query) (result any, problem *RunError) {
	defer func() {
		if v := recover(); v != nil {
			result, problem = nil, &RunError{&FieldError{Message: "internal error: this calculator failed on these inputs; please report the URL"}, StatusInternal}
		}
	}()
	result, err := c.Compute(q)
	if err != nil {
		fe, ok := err.(*FieldError)
		if !ok {
			fe = &FieldError{Message: err.Error()}
		}
		return nil, &RunError{fe, StatusBadInput}
	}
	if field := nonFinite(reflect.ValueOf(result), c.Table().Fields, ""); field != "" {
		return nil, &RunError{&FieldError{Message: "these inputs " + tooLarge + " (" + field + ")"}, StatusBadInput}
	}
	return result, nil
}

// tooLarge is what the one 400 that names no parameter says: inputs each
// within range whose result is not a finite number.
const tooLarge = "give a result too large to show"

// GetURL answers a path with its query, as a page asks it:
// "/api/v1/hashprice?price=85000&...". The path is read as the native
// server reads it: percent escapes decoded (/api/v1/hashpric%65 is
// hashprice), cleaned as ServeMux cleans it, the fragment dropped.
func GetURL(url string) Answer {
	url, _, _ = strings.Cut(url, "#")
	p, query, _ := strings.Cut(url, "?")
	p, err := PathUnescape(p)
	if err != nil {
		return errorAnswer(StatusBadInput, &FieldError{Message: "the path is malformed: " + err.Error()})
	}
	return Get(cleanPath(p), query)
}

// cleanPath is the path net/http's ServeMux answers for p: rooted, its
// dot segments and doubled slashes gone, a trailing slash kept (the mux
// redirects to it, and a fetch follows).
func cleanPath(p string) string {
	if p == "" || p[0] != '/' {
		p = "/" + p
	}
	clean := path.Clean(p)
	if p[len(p)-1] == '/' && clean != "/" {
		clean += "/"
	}
	return clean
}

// ErrorAnswer is the answer for an error about no particular field, for
// hosts that must refuse a request before it reaches Get.
func ErrorAnswer(status int, message string) Answer {
	return errorAnswer(status, &FieldError{Message: message})
}

func errorAnswer(status int, err error) Answer {
	fe, ok := err.(*FieldError)
	if !ok {
		fe = &FieldError{Message: err.Error()}
	}
	return encode(status, struct {
		Error *FieldError `json:"error"`
	}{fe})
}

// encode writes v as encoding/json's Encoder does, HTML escaping off, a
// newline after it (package tinyjson: encoding/json was a quarter of the
// page's WebAssembly).
func encode(status int, v any) Answer {
	body, err := tinyjson.Marshal(v)
	if err != nil {
		return Answer{Status: StatusInternal, Body: []byte(`{"error":{"field":"","message":"internal error: cannot encode the result"}}` + "\n")}
	}
	return Answer{Status: status, Body: append(body, '\n')}
}
