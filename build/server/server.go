// Package server is the dev server: the built site from dist/ with the
// headers of netlify.toml, applied the way Netlify applies them, and the
// API mounted natively under /api/v1/. Tests run against it, so they test
// the production header rules.
package server

import (
	"fmt"
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/hashswitch/hashswitch/wasm/api"
	"github.com/hashswitch/hashswitch/wasm/calcview"
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

// Headers returns the headers the rules give path. Like netlify-cli, every
// matching rule applies, in the file's order, and a header set by two
// rules takes the later rule's value (build/gen's rules give each page its
// whole policy, so that Netlify's servers, which may join the two values
// instead, send the same effective policy).
func Headers(rules []Rule, path string) http.Header {
	h := http.Header{}
	for _, r := range rules {
		if !matches(r.For, path) {
			continue
		}
		for k, v := range r.Values {
			h.Set(k, v) // a later rule's value replaces an earlier one's, as netlify-cli merges them
		}
	}
	return h
}

func init() {
	// Go's table lacks the manifest's type.
	mime.AddExtensionType(".webmanifest", "application/manifest+json")
}

// Handler serves dist with the rules' headers (a page whose URL carries
// a scenario rendered for it: Scenarios), and the API with opts (its
// live network figures, when the dev server has them). oEmbed links its
// embeds at base, the site's configured origin, never at the request's
// Host header, which any client may set. A file with a
// precompressed NAME.br or NAME.gz beside it is served compressed to a
// browser that accepts it, with Content-Encoding and Vary, as a CDN does.
func Handler(dist string, rules []Rule, base string, opts ...api.Option) http.Handler {
	return handler(dist, rules, base, true, opts...)
}

// Static is Handler without the edge's rendering: every page as built,
// whatever scenario its URL carries, as Netlify serves the site with no
// edge origin (or the edge down), and the page script then computes the
// scenario on the reader's first touch.
func Static(dist string, rules []Rule, base string, opts ...api.Option) http.Handler {
	return handler(dist, rules, base, false, opts...)
}

func handler(dist string, rules []Rule, base string, scenarios bool, opts ...api.Option) http.Handler {
	files := notFound(dist, precompressed(dist, http.FileServer(http.Dir(dist))))
	static := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for k, v := range Headers(rules, r.URL.Path) {
			w.Header()[k] = v
		}
		files.ServeHTTP(w, r)
	})
	mux := http.NewServeMux()
	mux.Handle(api.Prefix, api.Handler(opts...))
	mux.Handle("/oembed", api.OEmbed(func(*http.Request) string { return base }))
	if scenarios {
		mux.Handle("/", Scenarios(dist, rules, static))
	} else {
		mux.Handle("/", static)
	}
	return mux
}

// Scenarios answers a page whose URL carries a scenario with its
// calculators rendered for it, as the edge worker does in production
// (calcview.Renderer), from the page in dist, with the rules' headers;
// next answers everything else.
func Scenarios(dist string, rules []Rule, next http.Handler) http.Handler {
	r, err := calcview.NewRenderer()
	if err != nil {
		panic(err) // the compiled-in template: a test fails first
	}
	return r.Handler(func(_ *http.Request, p string) ([]byte, http.Header, bool) {
		page, err := os.ReadFile(filepath.Join(dist, filepath.FromSlash(path.Clean("/"+p)), "index.html"))
		if err != nil {
			return nil, nil, false
		}
		return page, Headers(rules, p), true
	}, next)
}

// precompressed serves NAME.br or NAME.gz for NAME when the request
// accepts that encoding and the file exists, and next otherwise.
func precompressed(dist string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := path.Clean("/" + r.URL.Path)
		if strings.HasSuffix(r.URL.Path, "/") {
			name = path.Join(name, "index.html")
		}
		accept := r.Header.Get("Accept-Encoding")
		for _, enc := range []struct{ token, ext string }{{"br", ".br"}, {"gzip", ".gz"}} {
			if !acceptsEncoding(accept, enc.token) {
				continue
			}
			f, err := os.Open(filepath.Join(dist, filepath.FromSlash(name+enc.ext)))
			if err != nil {
				continue
			}
			defer f.Close()
			st, err := f.Stat()
			if err != nil || st.IsDir() {
				continue
			}
			h := w.Header()
			h.Set("Content-Encoding", enc.token)
			h.Add("Vary", "Accept-Encoding")
			if ct := mime.TypeByExtension(path.Ext(name)); ct != "" {
				h.Set("Content-Type", ct)
			}
			http.ServeContent(w, r, name, st.ModTime(), f)
			return
		}
		w.Header().Add("Vary", "Accept-Encoding")
		next.ServeHTTP(w, r)
	})
}

// acceptsEncoding reports whether an Accept-Encoding header allows token
// (present, and not with q=0).
func acceptsEncoding(header, token string) bool {
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.EqualFold(strings.TrimSpace(name), token) {
			q := strings.ReplaceAll(params, " ", "")
			return q != "q=0" && q != "q=0.0" && q != "q=0.00" && q != "q=0.000"
		}
	}
	return false
}

// notFound answers a path with no file as Netlify does: dist/404.html, with
// status 404.
func notFound(dist string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := filepath.Join(dist, filepath.FromSlash(path.Clean("/"+r.URL.Path)))
		if st, err := os.Stat(name); err == nil && (!st.IsDir() || exists(filepath.Join(name, "index.html"))) {
			next.ServeHTTP(w, r)
			return
		}
		page, err := os.ReadFile(filepath.Join(dist, "404.html"))
		if err != nil {
			next.ServeHTTP(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		w.Write(page)
	})
}

func exists(name string) bool {
	_, err := os.Stat(name)
	return err == nil
}
