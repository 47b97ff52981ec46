// Package api is Hashswitch's public JSON API, /api/v1/*, as one net/http
// Handler over packages chain and econ. The same Handler is served natively
// by the dev server, in the browser by the WebAssembly app, and at the edge on
// Cloudflare Workers, so a calculator is a URL: the page shows what the API
// returns for it.
//
// Query parameters in, JSON out. A bad or missing parameter is a 400 with
// {"error":{"field":..,"message":..}}; no response holds NaN or Infinity; a
// panic is recovered into a 500. The package is pure Go and must never import
// syscall/js.
package api

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"reflect"
	"strings"
)

// Prefix is where the API is mounted.
const Prefix = "/api/v1/"

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
}

// Endpoints lists the endpoint names, for documentation and tests.
func Endpoints() []string {
	names := make([]string, 0, len(endpoints))
	for n := range endpoints {
		names = append(names, n)
	}
	return names
}

// Handler returns the API's http.Handler. It answers every path under Prefix
// and nothing else.
func Handler() http.Handler {
	return http.HandlerFunc(serve)
}

// FieldError is a problem with one input, as the API reports it.
type FieldError struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

func (e *FieldError) Error() string { return e.Field + ": " + e.Message }

func serve(w http.ResponseWriter, r *http.Request) {
	defer func() {
		if v := recover(); v != nil {
			writeError(w, http.StatusInternalServerError, &FieldError{Message: fmt.Sprintf("internal error: %v", v)})
		}
	}()
	h := w.Header()
	h.Set("Access-Control-Allow-Origin", "*")
	h.Set("X-Content-Type-Options", "nosniff")

	switch r.Method {
	case http.MethodGet, http.MethodHead:
	case http.MethodOptions:
		h.Set("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS")
		h.Set("Access-Control-Max-Age", "86400")
		w.WriteHeader(http.StatusNoContent)
		return
	default:
		h.Set("Allow", "GET, HEAD, OPTIONS")
		writeError(w, http.StatusMethodNotAllowed, &FieldError{Message: "only GET is supported"})
		return
	}

	name, ok := strings.CutPrefix(r.URL.Path, Prefix)
	fn := endpoints[strings.TrimSuffix(name, "/")]
	if !ok || fn == nil {
		writeError(w, http.StatusNotFound, &FieldError{Message: fmt.Sprintf("no endpoint %q; try %shashprice", r.URL.Path, Prefix)})
		return
	}
	q, err := parseQuery(r.URL.RawQuery)
	if err != nil {
		writeError(w, http.StatusBadRequest, err)
		return
	}
	result, err := fn(q)
	if err != nil {
		writeError(w, http.StatusBadRequest, err)
		return
	}
	if field := nonFinite(reflect.ValueOf(result), ""); field != "" {
		writeError(w, http.StatusBadRequest, &FieldError{Message: "these inputs give a result too large to show (" + field + ")"})
		return
	}
	// Answers depend on the query alone.
	h.Set("Cache-Control", "public, max-age=3600")
	writeJSON(w, http.StatusOK, result)
}

func writeError(w http.ResponseWriter, status int, err error) {
	fe, ok := err.(*FieldError)
	if !ok {
		fe = &FieldError{Message: err.Error()}
	}
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, status, struct {
		Error *FieldError `json:"error"`
	}{fe})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		status = http.StatusInternalServerError
		buf.Reset()
		buf.WriteString(`{"error":{"field":"","message":"internal error: cannot encode the result"}}` + "\n")
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
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
