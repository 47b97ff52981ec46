//go:build !js

package main

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashswitch/hashswitch/build/gen"
	"github.com/hashswitch/hashswitch/build/server"
	"github.com/hashswitch/hashswitch/wasm/calcview"
)

// siteOrigin builds the site and serves it on loopback with the dev
// server's handler (netlify.toml's headers): the origin the edge fetches
// pages from, SITE_URL, and the native renderer to compare with.
func siteOrigin(t testing.TB) *httptest.Server {
	t.Helper()
	dist := t.TempDir()
	root := filepath.Join("..", "..", "..")
	if _, err := gen.Build(gen.Config{Root: root, Out: dist, BaseURL: "https://hashswitch.example"}); err != nil {
		t.Fatal(err)
	}
	rules, err := server.LoadRules(filepath.Join(root, "netlify.toml"))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(server.Handler(dist, rules, "https://hashswitch.example"))
	t.Cleanup(srv.Close)
	return srv
}

func get(t *testing.T, url string) (*http.Response, string) {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	return res, string(body)
}

// TestWorkerdRendersScenarios: the edge, in workerd, answers a page whose
// URL carries a scenario with the page from SITE_URL (a site on
// loopback), its calculators rendered: the same bytes as the dev server
// renders natively for the same URL, with the page's own security policy
// (an embed's framing allowed, an article's refused) and a public
// Cache-Control, which worker.mjs keeps in the Cache API by full URL.
// A page without a scenario, or a site that does not answer, is not the
// edge's: the API's JSON 404.
func TestWorkerdRendersScenarios(t *testing.T) {
	origin := siteOrigin(t)
	addr := startWorkerd(t, "SITE_URL", origin.URL)
	for _, path := range []string{
		"/embed/convert/?mw=50&power_price=0.07",
		"/vi/embed/profit/?price=85000",
		"/vi/embed/profit/?price=85.000",
		"/embed/profit/?price=abc",
		"/embed/bench/?device_hashrate=5",
		"/mining-vs-ai/?convert-1.mw=50",
		"/vi/mining-vs-ai/?convert-2.lease=90&currency=VND",
		"/embed/convert/?unrelated=1",
	} {
		edge, got := get(t, "http://"+addr+path)
		native, want := get(t, origin.URL+path)
		if edge.StatusCode != http.StatusOK || got != want {
			t.Errorf("%s: edge %d, %d bytes; native %d, %d bytes%s", path, edge.StatusCode, len(got), native.StatusCode, len(want), firstDifference(got, want))
			continue
		}
		for _, h := range []string{"Content-Security-Policy", "X-Frame-Options", "Content-Type", "Cache-Control", calcview.Rendered} {
			if edge.Header.Get(h) != native.Header.Get(h) {
				t.Errorf("%s: %s at the edge %q, native %q", path, h, edge.Header.Get(h), native.Header.Get(h))
			}
		}
		wantCSP := gen.PageCSP
		if strings.Contains(path, "/embed/") {
			wantCSP = gen.EmbedCSP
		}
		if csp := edge.Header.Get("Content-Security-Policy"); csp != wantCSP {
			t.Errorf("%s: CSP %q", path, csp)
		}
		if rendered := strings.Contains(got, " data-scenario"); rendered != !strings.Contains(path, "unrelated") {
			t.Errorf("%s: rendered %v", path, rendered)
		} else if rendered && edge.Header.Get("Cache-Control") != calcview.CacheControl {
			t.Errorf("%s: Cache-Control %q", path, edge.Header.Get("Cache-Control"))
		}
	}
	for _, path := range []string{"/embed/convert/", "/no-such-page/?x=1"} {
		if res, body := get(t, "http://"+addr+path); res.StatusCode != http.StatusNotFound || !strings.HasPrefix(body, `{"error"`) {
			t.Errorf("%s: %d %.80s", path, res.StatusCode, body)
		}
	}
	// Without a site to fetch from, a scenario is not rendered: the API's 404.
	if res, _ := get(t, "http://"+startWorkerd(t, "SITE_URL", "REPLACE_WITH_YOUR_SITE_ORIGIN")+"/embed/convert/?mw=50"); res.StatusCode != http.StatusNotFound {
		t.Errorf("no SITE_URL: %d", res.StatusCode)
	}
}

// firstDifference shows where two pages part.
func firstDifference(a, b string) string {
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] != b[i] {
			return "\nedge:   " + strings.ReplaceAll(a[max(0, i-80):min(len(a), i+80)], "\n", " ") +
				"\nnative: " + strings.ReplaceAll(b[max(0, i-80):min(len(b), i+80)], "\n", " ")
		}
	}
	return ""
}

// BenchmarkWorkerdScenario times pages rendered for a new scenario each
// time: by the edge in workerd (which fetches the page from the site on
// loopback, then renders; no Cache API in workerd alone), and natively by
// the dev server's handler, both over HTTP, one request at a time.
func BenchmarkWorkerdScenario(b *testing.B) {
	origin := siteOrigin(b)
	edge := "http://" + startWorkerd(b, "SITE_URL", origin.URL)
	kinds := []namedURL{
		{"embed", func(int) string { fresh++; return fmt.Sprintf("/embed/convert/?mw=%d&power_price=0.07", fresh%1000+1) }},
		{"article", func(int) string { fresh++; return fmt.Sprintf("/mining-vs-ai/?convert-1.mw=%d", fresh%1000+1) }},
	}
	b.Run("workerd", func(b *testing.B) { timeURLs(b, edge, kinds) })
	b.Run("native", func(b *testing.B) { timeURLs(b, origin.URL, kinds) })
}
