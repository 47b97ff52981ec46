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
	"strings"
	"time"

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

// Edge is the API and oEmbed (for the site at base) alone, as the edge
// worker serves them, answering as the native server does: every other
// path is the API's JSON 404 (the worker serves no pages), and every
// answer has a Date, as net/http writes one (Content-Length write sets).
// Methods the runtime cannot make a Request of, CONNECT and unknown ones,
// workerd answers itself before Go runs.
func Edge(base func(*http.Request) string, opts ...Option) http.Handler {
	api := Handler(opts...)
	mux := http.NewServeMux()
	mux.Handle(Prefix, api)
	mux.Handle("/oembed", OEmbed(base))
	mux.Handle("/", api)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Date", time.Now().UTC().Format(http.TimeFormat))
		mux.ServeHTTP(w, r)
	})
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
		Preflight(w, r)
	default:
		h.Set("Allow", "GET, HEAD, OPTIONS")
		write(w, calc.ErrorAnswer(http.StatusMethodNotAllowed, "only GET is supported"))
	}
}

// Preflight answers a CORS preflight (OPTIONS) as browsers ask it: the
// methods, the request headers asked for (Content-Type at least: a fetch
// that sets "Content-Type: application/json" is preflighted), and how long
// a browser may keep the answer. The API reads no header and sends no
// credentials, so any header may come.
func Preflight(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Access-Control-Allow-Origin", "*")
	h.Set("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS")
	h.Set("Access-Control-Allow-Headers", allowHeaders(r.Header.Get("Access-Control-Request-Headers")))
	h.Set("Access-Control-Max-Age", "86400")
	h.Set("Vary", "Access-Control-Request-Headers")
	h.Set("Content-Length", "0")
	w.WriteHeader(http.StatusNoContent)
}

// allowHeaders is the Access-Control-Allow-Headers for a preflight that
// asked for requested: Content-Type, and each header it named, when every
// name is an HTTP token (else only Content-Type).
func allowHeaders(requested string) string {
	out := []string{"Content-Type"}
	for _, name := range strings.Split(requested, ",") {
		name = strings.ToLower(strings.TrimSpace(name))
		if name == "" || name == "content-type" {
			continue
		}
		if !isToken(name) {
			return "Content-Type"
		}
		out = append(out, name)
	}
	return strings.Join(out, ", ")
}

func isToken(s string) bool {
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || strings.ContainsRune("!#$%&'*+-.^_`|~", c)) {
			return false
		}
	}
	return len(s) <= 64
}

func write(w http.ResponseWriter, a calc.Answer) {
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Content-Length", strconv.Itoa(len(a.Body)))
	if a.Status == http.StatusOK && a.MaxAgeSec > 0 {
		h.Set("Cache-Control", "public, max-age="+strconv.Itoa(a.MaxAgeSec))
	} else {
		h.Set("Cache-Control", "no-store")
	}
	w.WriteHeader(a.Status)
	w.Write(a.Body)
}
