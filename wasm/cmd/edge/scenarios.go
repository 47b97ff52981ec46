//go:build js && wasm && !nopages

package main

import (
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/hashswitch/hashswitch/wasm/api"
	"github.com/hashswitch/hashswitch/wasm/calcview"
)

// pageMaxBody is the most a built page, whose calculators the edge
// renders, may weigh.
const pageMaxBody = 4 << 20

// withScenarios is edge with the site's pages whose URL carries a
// scenario (withPages). The renderer costs the bundle about 1.15 MB of
// gzip (BENCH.md, html/template above all), which takes it past Workers
// Free's 3 MB: built with -tags nopages (HASHSWITCH_EDGE_PAGES=0 make
// edge) the worker serves the API alone (nopages.go).
func withScenarios(edge http.Handler) http.Handler {
	renderer, err := calcview.NewRenderer()
	if err != nil {
		panic(err)
	}
	return withPages(edge, renderer.Handler(sitePage, edge))
}

// withPages answers the API and oEmbed with edge, and every other path
// with pages: a page whose URL carries a scenario, which Netlify's
// _redirects sends here (build/gen's redirects), rendered for it
// (calcview.Renderer.Handler); edge's JSON 404 for the rest.
func withPages(edge, pages http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, api.Prefix) || r.URL.Path == "/oembed" {
			edge.ServeHTTP(w, r)
			return
		}
		w.Header().Set("Date", time.Now().UTC().Format(http.TimeFormat))
		pages.ServeHTTP(w, r)
	})
}

// sitePage fetches the built page at path from the site's origin, with
// no query: Netlify's rules send only URLs with a scenario here, so the
// page comes from its files, never back through this worker.
func sitePage(r *http.Request, path string) ([]byte, http.Header, bool) {
	origin := site(r)
	if !strings.HasPrefix(origin, "http://") && !strings.HasPrefix(origin, "https://") {
		return nil, nil, false // no SITE_URL, or wrangler.toml's placeholder
	}
	body, header, err := fetchWithin(r.Context(), origin+path, "text/html", timeout, pageMaxBody)
	if err != nil {
		fmt.Println("page:", err)
		return nil, nil, false
	}
	return body, header, true
}
