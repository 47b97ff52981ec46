package calcview

import (
	"log"
	"net/http"
	"strconv"
	"strings"
)

// CacheControl is a rendered scenario's: a URL's answer depends on the URL
// and the deploy alone, so shared caches (the edge worker's Cache API)
// keep it ten minutes and browsers one; a deploy reaches a cached scenario
// within that.
const CacheControl = "public, max-age=60, s-maxage=600"

// Rendered is the header that marks a page rendered for its URL's
// scenario: the service worker keeps no such answer as the page's copy
// (its pathname's), so that offline, with any query, the page is the one
// built and says a scenario is pending.
const Rendered = "X-Hashswitch-Scenario"

// pageHeaders are the built page's headers an answer keeps: its security
// policy (an embed's may be framed by anyone, an article's by no one)
// and type, exactly as the site serves the page.
var pageHeaders = []string{"Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options",
	"Referrer-Policy", "Permissions-Policy", "Content-Type"}

// A Loader returns the built page at path (a URL path ending in "/")
// with the headers the site serves it with; ok is false when there is
// none.
type Loader func(req *http.Request, path string) (page []byte, header http.Header, ok bool)

// Handler answers a GET or HEAD of a page whose URL carries a scenario
// with the page that load returns, its calculators rendered for the
// scenario (Splice), and every other request, or one for a page load
// has not, with next. A page whose calculators the scenario does not
// set, or one Splice cannot read, is answered as it was built, with its
// own headers: the page script then computes the scenario on the
// reader's first touch, and says so.
func (r *Renderer) Handler(load Loader, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		if req.Method != http.MethodGet && req.Method != http.MethodHead || req.URL.RawQuery == "" || !strings.HasSuffix(req.URL.Path, "/") {
			next.ServeHTTP(w, req)
			return
		}
		page, header, ok := load(req, req.URL.Path)
		if !ok {
			next.ServeHTTP(w, req)
			return
		}
		out, rendered, err := r.Splice(page, req.URL.Path, req.URL.Query())
		if err != nil {
			log.Printf("%s: the scenario is not rendered: %v", req.URL, err)
		}
		h := w.Header()
		for _, k := range pageHeaders {
			if v := header.Get(k); v != "" {
				h.Set(k, v)
			}
		}
		if h.Get("Content-Type") == "" {
			h.Set("Content-Type", "text/html; charset=utf-8")
		}
		if rendered {
			h.Set("Cache-Control", CacheControl)
			h.Set(Rendered, "rendered")
		} else if cc := header.Get("Cache-Control"); cc != "" {
			h.Set("Cache-Control", cc)
		}
		h.Set("Content-Length", strconv.Itoa(len(out)))
		w.WriteHeader(http.StatusOK)
		if req.Method == http.MethodGet {
			w.Write(out)
		}
	})
}
