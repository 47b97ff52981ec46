// Package calc answers Hashswitch's calculator URLs, /api/v1/NAME?QUERY,
// with JSON computed by packages chain and econ. It is the API without the
// network: package api serves it over net/http (the dev server, the edge),
// and the page's WebAssembly calls it in process, so the page shows exactly
// what the API returns for the same URL. It does not import net/http, which
// would double the WebAssembly's size.
//
// A bad or missing parameter answers 400 with
// {"error":{"field":..,"message":..}}; no answer holds NaN or Infinity; a
// panic is recovered into a 500. The package is pure Go and must never
// import syscall/js.
package calc

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"sort"
	"strings"
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

// endpoints maps each endpoint name to the function that answers it.
var endpoints = map[string]func(*params) (any, error){
	"halving":   halving,
	"target":    target,
	"header":    header,
	"hashprice": hashprice,
	"profit":    profit,
	"convert":   convert,
	"attack":    attack,
	"project":   project,
	"race":      race,
}

// Endpoints lists the endpoint names in order.
func Endpoints() []string {
	names := make([]string, 0, len(endpoints))
	for n := range endpoints {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Answer is a calculator's reply: an HTTP status and a JSON body.
type Answer struct {
	Status int
	Body   []byte
}

// FieldError is a problem with one input, as the API reports it.
type FieldError struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

func (e *FieldError) Error() string { return e.Field + ": " + e.Message }

// Get answers path (such as "/api/v1/hashprice", a trailing slash allowed)
// with rawQuery (without the "?"). It never panics.
func Get(path, rawQuery string) (a Answer) {
	defer func() {
		if v := recover(); v != nil {
			a = errorAnswer(StatusInternal, &FieldError{Message: fmt.Sprintf("internal error: %v", v)})
		}
	}()
	name, ok := strings.CutPrefix(path, Prefix)
	fn := endpoints[strings.TrimSuffix(name, "/")]
	if !ok || fn == nil {
		return errorAnswer(StatusNotFound, &FieldError{Message: fmt.Sprintf(
			"no calculator at %s; the endpoints are %s", quote(path), strings.Join(Endpoints(), ", "))})
	}
	q, err := parseQuery(rawQuery)
	if err != nil {
		return errorAnswer(StatusBadInput, err)
	}
	result, err := fn(q)
	if err != nil {
		return errorAnswer(StatusBadInput, err)
	}
	if field := nonFinite(reflect.ValueOf(result), ""); field != "" {
		return errorAnswer(StatusBadInput, &FieldError{Message: "these inputs give a result too large to show (" + field + ")"})
	}
	return encode(StatusOK, result)
}

// GetURL answers a path with its query, as a page asks it:
// "/api/v1/hashprice?price=85000&...".
func GetURL(url string) Answer {
	path, query, _ := strings.Cut(url, "?")
	return Get(path, query)
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

func encode(status int, v any) Answer {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return Answer{StatusInternal, []byte(`{"error":{"field":"","message":"internal error: cannot encode the result"}}` + "\n")}
	}
	return Answer{status, buf.Bytes()}
}

// nonFinite returns the JSON name of the first NaN or infinite float in v,
// or "" when every number can be written as JSON.
func nonFinite(v reflect.Value, name string) string {
	switch v.Kind() {
	case reflect.Float32, reflect.Float64:
		if f := v.Float(); math.IsNaN(f) || math.IsInf(f, 0) {
			return name
		}
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			return nonFinite(v.Elem(), name)
		}
	case reflect.Struct:
		t := v.Type()
		for i := 0; i < v.NumField(); i++ {
			if !t.Field(i).IsExported() {
				continue
			}
			tag, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
			if f := nonFinite(v.Field(i), tag); f != "" {
				return f
			}
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			if f := nonFinite(v.Index(i), name); f != "" {
				return f
			}
		}
	}
	return ""
}
