// Package server is the dev server: the built site from dist/ with the
// headers the production host sends (see netlify.toml), and the API mounted
// natively under /api/v1/.
package server

import (
	"net/http"
	"strings"

	"github.com/hashswitch/hashswitch/wasm/api"
)

// CSP is the Content-Security-Policy of every page: scripts from this origin
// only, WebAssembly allowed to compile, no inline script or style, nothing
// from elsewhere. Embeds differ only in who may frame them.
const (
	cspBase  = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; worker-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self'; object-src 'none'"
	CSP      = cspBase + "; frame-ancestors 'none'"
	EmbedCSP = cspBase + "; frame-ancestors *"
)

// Headers returns the security and caching headers for a path of the site.
func Headers(path string) http.Header {
	h := http.Header{}
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
	h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()")
	if strings.HasPrefix(path, "/embed/") {
		h.Set("Content-Security-Policy", EmbedCSP)
	} else {
		h.Set("Content-Security-Policy", CSP)
		h.Set("X-Frame-Options", "DENY")
	}
	switch {
	case strings.HasPrefix(path, "/assets/"):
		h.Set("Cache-Control", "public, max-age=31536000, immutable") // content-hashed names
	default:
		h.Set("Cache-Control", "no-cache")
	}
	return h
}

// Handler serves dist and the API.
func Handler(dist string) http.Handler {
	files := http.FileServer(http.Dir(dist))
	mux := http.NewServeMux()
	mux.Handle(api.Prefix, api.Handler())
	mux.Handle("/", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for k, v := range Headers(r.URL.Path) {
			w.Header()[k] = v
		}
		files.ServeHTTP(w, r)
	}))
	return mux
}
