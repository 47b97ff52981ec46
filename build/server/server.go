// Package server is the dev server: the built site from dist/ with the
// headers of netlify.toml, applied the way Netlify applies them, and the
// API mounted natively under /api/v1/. Tests run against it, so they test
// the production header rules.
package server

import (
	"fmt"
	"mime"
	"net/http"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/hashswitch/hashswitch/wasm/api"
)

// Rule is one [[headers]] table of netlify.toml.
type Rule struct {
	For    string            `toml:"for"`
	Values map[string]string `toml:"values"`
}

// LoadRules reads the [[headers]] rules of a netlify.toml.
func LoadRules(path string) ([]Rule, error) {
	var cfg struct {
		Headers []Rule `toml:"headers"`
	}
	if _, err := toml.DecodeFile(path, &cfg); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return cfg.Headers, nil
}

// matches reports whether a rule's path pattern matches a request path:
// exactly, as the folder of an index.html, or by a trailing * splat.
func matches(pattern, path string) bool {
	if prefix, ok := strings.CutSuffix(pattern, "*"); ok {
		return strings.HasPrefix(path, prefix)
	}
	return path == pattern || strings.TrimSuffix(path, "index.html") == pattern
}

// Headers returns the headers the rules give path. Like Netlify, every
// matching rule applies, and a header set by two rules gets both values,
// joined by a comma.
func Headers(rules []Rule, path string) http.Header {
	h := http.Header{}
	for _, r := range rules {
		if !matches(r.For, path) {
			continue
		}
		for k, v := range r.Values {
			if old := h.Get(k); old != "" {
				v = old + ", " + v
			}
			h.Set(k, v)
		}
	}
	return h
}

func init() {
	// Go's table lacks the manifest's type.
	mime.AddExtensionType(".webmanifest", "application/manifest+json")
}

// Handler serves dist with the rules' headers, and the API with opts (its
// live network figures, when the dev server has them).
func Handler(dist string, rules []Rule, opts ...api.Option) http.Handler {
	files := http.FileServer(http.Dir(dist))
	static := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for k, v := range Headers(rules, r.URL.Path) {
			w.Header()[k] = v
		}
		files.ServeHTTP(w, r)
	})
	mux := http.NewServeMux()
	mux.Handle(api.Prefix, api.Handler(opts...))
	mux.Handle("/oembed", api.OEmbed(func(r *http.Request) string { return "http://" + r.Host }))
	mux.Handle("/", static)
	return mux
}
