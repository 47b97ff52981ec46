package api

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/hashswitch/hashswitch/internal/apischema"
	"github.com/hashswitch/hashswitch/internal/vectors"
	"github.com/hashswitch/hashswitch/wasm/calc"
)

func do(method, target string) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	Handler().ServeHTTP(rec, httptest.NewRequest(method, target, nil))
	return rec
}

// TestHTTPGivesWhatCalcGives: status and bytes over HTTP are calc's, for
// every shared vector and some errors.
func TestHTTPGivesWhatCalcGives(t *testing.T) {
	urls := vectors.APIURLs()
	for _, u := range urls {
		rec := do(http.MethodGet, u)
		a := calc.GetURL(u)
		if rec.Code != a.Status || !bytes.Equal(rec.Body.Bytes(), a.Body) {
			t.Errorf("%s: HTTP %d %s, calc %d %s", u, rec.Code, rec.Body, a.Status, a.Body)
		}
		if ct := rec.Header().Get("Content-Type"); ct != "application/json; charset=utf-8" {
			t.Errorf("%s: content type %q", u, ct)
		}
		if rec.Header().Get("Access-Control-Allow-Origin") != "*" {
			t.Errorf("%s: no CORS header", u)
		}
		wantCache := "no-store"
		if a.Status == 200 {
			wantCache = "public, max-age=3600"
		}
		if cc := rec.Header().Get("Cache-Control"); cc != wantCache {
			t.Errorf("%s: Cache-Control %q", u, cc)
		}
	}
}

func TestMethods(t *testing.T) {
	if rec := do(http.MethodPost, "/api/v1/halving?height=1"); rec.Code != 405 || rec.Header().Get("Allow") == "" {
		t.Errorf("POST: %d %v", rec.Code, rec.Header())
	}
	if rec := do(http.MethodOptions, "/api/v1/halving"); rec.Code != 204 || rec.Header().Get("Access-Control-Allow-Methods") == "" {
		t.Errorf("preflight: %d %v", rec.Code, rec.Header())
	}
	if rec := do(http.MethodHead, "/api/v1/halving?height=1"); rec.Code != 200 {
		t.Errorf("HEAD: %d", rec.Code)
	}
}

// TestPreflightAnswersWhatBrowsersAsk: a cross-origin fetch that sets
// Content-Type: application/json is preflighted, asking for that header;
// the answer must allow it (it did not: no Access-Control-Allow-Headers).
func TestPreflightAnswersWhatBrowsersAsk(t *testing.T) {
	for _, tc := range []struct{ asked, want string }{
		{"content-type", "Content-Type"},
		{"Content-Type, X-Requested-With", "Content-Type, x-requested-with"},
		{"", "Content-Type"},
		{"bad header\r\n", "Content-Type"},
	} {
		for _, h := range []http.Handler{Handler(), OEmbed(func(*http.Request) string { return "https://hashswitch.example" })} {
			req := httptest.NewRequest(http.MethodOptions, "/api/v1/hashprice", nil)
			req.Header.Set("Origin", "https://news.example")
			req.Header.Set("Access-Control-Request-Method", "GET")
			req.Header.Set("Access-Control-Request-Headers", tc.asked)
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			got := rec.Header()
			if rec.Code != 204 || got.Get("Access-Control-Allow-Origin") != "*" || got.Get("Access-Control-Allow-Headers") != tc.want ||
				!strings.Contains(got.Get("Access-Control-Allow-Methods"), "GET") || got.Get("Access-Control-Max-Age") != "86400" {
				t.Errorf("preflight asking %q: %d %v", tc.asked, rec.Code, got)
			}
		}
	}
}

// FuzzHandler sends arbitrary paths and queries over HTTP: always JSON with
// a status the API documents, never a crash.
func FuzzHandler(f *testing.F) {
	f.Add("/api/v1/halving", "height=840000&time=1713571767")
	f.Add("/api/v1/hashprice", "price=85000&difficulty=149.3e12&height=925000&fees=0.02")
	f.Add("/api/v1/convert", "mw=100&power_price=0.05&hashprice=36&efficiency=17.5&mining_capex=500000&lease=130&lease_capex=9e6")
	f.Fuzz(func(t *testing.T, path, query string) {
		req := httptest.NewRequest(http.MethodGet, "/", nil)
		req.URL.Path, req.URL.RawQuery = path, query
		rec := httptest.NewRecorder()
		Handler().ServeHTTP(rec, req)
		switch rec.Code {
		case 200, 400, 404:
		default:
			t.Fatalf("%s?%s: %d %s", path, query, rec.Code, rec.Body)
		}
		if rec.Header().Get("Content-Type") != "application/json; charset=utf-8" {
			t.Fatalf("%s?%s: Content-Type %q", path, query, rec.Header().Get("Content-Type"))
		}
		if !json.Valid(rec.Body.Bytes()) {
			t.Fatalf("%s?%s: not JSON: %s", path, query, rec.Body)
		}
		apischema.Check(t, path+"?"+query, calc.Answer{Status: rec.Code, Body: rec.Body.Bytes()})
	})
}

func TestOEmbedHandler(t *testing.T) {
	h := OEmbed(func(r *http.Request) string { return "https://hashswitch.example" })
	get := func(target string) *httptest.ResponseRecorder {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
		return rec
	}
	rec := get("/oembed?url=https://hashswitch.example/embed/attack/%3Fshare%3D40&maxwidth=500")
	var o struct {
		Type  string
		HTML  string
		Width int
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &o); err != nil || rec.Code != 200 || o.Type != "rich" || o.Width != 500 ||
		!strings.Contains(o.HTML, "/embed/attack/?share=40") || rec.Header().Get("Access-Control-Allow-Origin") != "*" {
		t.Errorf("%d %s", rec.Code, rec.Body)
	}
	// An article's share link: its calculator's embed with the scenario.
	rec = get("/oembed?url=" + url.QueryEscape("https://hashswitch.example/mining-vs-ai/?convert-1.mw=50"))
	if err := json.Unmarshal(rec.Body.Bytes(), &o); err != nil || rec.Code != 200 ||
		!strings.Contains(o.HTML, `src="https://hashswitch.example/embed/convert/?mw=50"`) {
		t.Errorf("an article with a preset: %d %s", rec.Code, rec.Body)
	}
	if rec := get("/oembed?url=https://other.example/embed/attack/"); rec.Code != 404 || !json.Valid(rec.Body.Bytes()) {
		t.Errorf("another host: %d %s", rec.Code, rec.Body)
	}
	if rec := get("/oembed?url=https://hashswitch.example/embed/attack/&format=xml"); rec.Code != 501 {
		t.Errorf("xml: %d", rec.Code)
	}
}

// TestOEmbedWithoutASite: with no site origin (the edge's SITE_URL unset,
// or left as wrangler.toml's placeholder) oEmbed refuses, uncached, with a
// message that says why; it answered 200 with ":///embed/..." links,
// cacheable for a day.
func TestOEmbedWithoutASite(t *testing.T) {
	for _, base := range []string{"", "REPLACE_WITH_YOUR_SITE_ORIGIN", "https://REPLACE_WITH_YOUR_SITE_ORIGIN", "hashswitch.example", "javascript:alert(1)"} {
		h := OEmbed(func(r *http.Request) string { return base })
		for _, u := range []string{"/embed/attack/", "https://hashswitch.example/embed/attack/", "REPLACE_WITH_YOUR_SITE_ORIGIN/embed/attack/"} {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/oembed?url="+u, nil))
			var e struct{ Error struct{ Message string } }
			json.Unmarshal(rec.Body.Bytes(), &e)
			if rec.Code != 500 || rec.Header().Get("Cache-Control") != "no-store" || !strings.Contains(e.Error.Message, "SITE_URL") {
				t.Errorf("base %q, url %q: %d %s %s", base, u, rec.Code, rec.Header().Get("Cache-Control"), rec.Body)
			}
		}
	}
}
