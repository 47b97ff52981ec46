// Package api serves Hashswitch's public JSON API, /api/v1/*, as one
// net/http Handler: the dev server and the tests mount it natively, and the
// edge worker serves it on Cloudflare Workers through github.com/syumai/workers.
// The answers come from package calc, which the page's WebAssembly calls in
// process, so every host answers a URL with the same bytes.
//
// The Handler adds what HTTP needs: GET and HEAD only, CORS for any origin,
// caching for answers (which depend on the URL alone), and a recover so no
// panic escapes. The package is pure Go and must never import syscall/js.
package api

import (
	"fmt"
	"net/http"

	"github.com/hashswitch/hashswitch/wasm/calc"
)

// Prefix is where the API is mounted.
const Prefix = calc.Prefix

// Handler returns the API's http.Handler for every path under Prefix.
func Handler() http.Handler {
	return http.HandlerFunc(serve)
}

func serve(w http.ResponseWriter, r *http.Request) {
	defer func() {
		if v := recover(); v != nil {
			write(w, calc.ErrorAnswer(http.StatusInternalServerError, fmt.Sprintf("internal error: %v", v)))
		}
	}()
	h := w.Header()
	h.Set("Access-Control-Allow-Origin", "*")
	h.Set("X-Content-Type-Options", "nosniff")
	switch r.Method {
	case http.MethodGet, http.MethodHead:
		write(w, calc.Get(r.URL.Path, r.URL.RawQuery))
	case http.MethodOptions:
		h.Set("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS")
		h.Set("Access-Control-Max-Age", "86400")
		w.WriteHeader(http.StatusNoContent)
	default:
		h.Set("Allow", "GET, HEAD, OPTIONS")
		write(w, calc.ErrorAnswer(http.StatusMethodNotAllowed, "only GET is supported"))
	}
}

func write(w http.ResponseWriter, a calc.Answer) {
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	if a.Status == http.StatusOK {
		h.Set("Cache-Control", "public, max-age=3600") // the answer depends on the URL alone
	} else {
		h.Set("Cache-Control", "no-store")
	}
	w.WriteHeader(a.Status)
	w.Write(a.Body)
}
