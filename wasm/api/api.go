// Package api serves Hashswitch's public JSON API, /api/v1/*, as one
// net/http Handler: the dev server and the tests mount it natively, and the
// edge worker serves it on Cloudflare Workers through github.com/syumai/workers.
// The answers come from package calc, which the page's WebAssembly calls in
// process, so every host answers a URL with the same bytes.
//
// The Handler adds what HTTP needs: GET and HEAD only, CORS for any origin,
// caching (an hour for answers that depend on the URL alone, a minute for
// the live network figures), and a recover so no
// panic escapes. The package is pure Go and must never import syscall/js.
package api

import (
	"net/http"
	"strconv"

	"github.com/hashswitch/hashswitch/wasm/calc"
	"github.com/hashswitch/hashswitch/wasm/netdata"
)

// Prefix is where the API is mounted.
const Prefix = calc.Prefix

// Option configures a Handler for its host.
type Option func(*calc.Env)

// WithLive gives the handler the host's live network figures, which
// /api/v1/network answers (the committed snapshot when live fails).
func WithLive(live func() (netdata.Snapshot, error)) Option {
	return func(e *calc.Env) { e.Live = live }
}

// Handler returns the API's http.Handler for every path under Prefix.
func Handler(opts ...Option) http.Handler {
	env := &calc.Env{}
	for _, o := range opts {
		o(env)
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { serve(env, w, r) })
}

func serve(env *calc.Env, w http.ResponseWriter, r *http.Request) {
	defer func() {
		if v := recover(); v != nil {
			write(w, calc.ErrorAnswer(http.StatusInternalServerError, "internal error; please report the URL"))
		}
	}()
	h := w.Header()
	h.Set("Access-Control-Allow-Origin", "*")
	h.Set("X-Content-Type-Options", "nosniff")
	switch r.Method {
	case http.MethodGet, http.MethodHead:
		write(w, env.Get(r.URL.Path, r.URL.RawQuery))
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
	if a.Status == http.StatusOK && a.MaxAgeSec > 0 {
		h.Set("Cache-Control", "public, max-age="+strconv.Itoa(a.MaxAgeSec))
	} else {
		h.Set("Cache-Control", "no-store")
	}
	w.WriteHeader(a.Status)
	w.Write(a.Body)
}
