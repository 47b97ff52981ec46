// Package server is the dev server: the built site from dist/ with the
// headers the production host sends (see netlify.toml), and the API mounted
// natively under /api/v1/.
package server

import (
	"mime"
	"net/http"
	"net/url"
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
		// An embed sandboxed without allow-same-origin has an opaque origin:
		// its module script and WebAssembly are cross-origin requests.
		h.Set("Access-Control-Allow-Origin", "*")
	case path == "/embed.js" || strings.HasPrefix(path, "/oembed"):
		h.Set("Cache-Control", "public, max-age=3600")
		h.Set("Access-Control-Allow-Origin", "*")
	default:
		h.Set("Cache-Control", "no-cache")
	}
	return h
}

func init() {
	// Go's table lacks the manifest's type.
	mime.AddExtensionType(".webmanifest", "application/manifest+json")
}

// oembed answers /oembed?url=EMBED_URL from the static /oembed/NAME.json,
// as the oEmbed spec asks; netlify.toml maps the same for production.
func oembed(files http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		u, err := url.Parse(r.URL.Query().Get("url"))
		name := ""
		if err == nil {
			name, _ = strings.CutPrefix(strings.Trim(u.Path, "/"), "embed/")
		}
		if name == "" || strings.ContainsAny(name, "/.") {
			http.Error(w, `{"error":"url must be an embed URL such as /embed/hashprice/"}`, http.StatusNotFound)
			return
		}
		if f := r.URL.Query().Get("format"); f != "" && f != "json" {
			http.Error(w, "only format=json", http.StatusNotImplemented)
			return
		}
		r2 := r.Clone(r.Context())
		r2.URL.Path = "/oembed/" + name + ".json"
		r2.URL.RawQuery = ""
		files.ServeHTTP(w, r2)
	})
}

// Handler serves dist and the API.
func Handler(dist string) http.Handler {
	files := http.FileServer(http.Dir(dist))
	mux := http.NewServeMux()
	static := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for k, v := range Headers(r.URL.Path) {
			w.Header()[k] = v
		}
		files.ServeHTTP(w, r)
	})
	mux.Handle(api.Prefix, api.Handler())
	mux.Handle("/oembed", oembed(static))
	mux.Handle("/", static)
	return mux
}
