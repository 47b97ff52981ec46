package server

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"

	"github.com/hashswitch/hashswitch/build/gen"
)

func rules(t *testing.T) []Rule {
	t.Helper()
	r, err := LoadRules(filepath.Join("..", "..", "netlify.toml"))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestNetlifyHeaders checks the production rules as Netlify merges them:
// one strict CSP for every path, the 404 page's included, and framing
// allowed for embeds only.
func TestNetlifyHeaders(t *testing.T) {
	r := rules(t)
	page := Headers(r, "/")
	for _, path := range []string{"/", "/api/", "/calculators/"} {
		h := Headers(r, path)
		csp := h.Get("Content-Security-Policy")
		if csp != gen.PageCSP || strings.Count(csp, "default-src") != 1 || !strings.Contains(csp, "frame-ancestors 'none'") ||
			strings.Contains(csp, "unsafe-inline") || !strings.Contains(csp, "script-src 'self' 'wasm-unsafe-eval'") {
			t.Errorf("%s: CSP %q", path, csp)
		}
		if h.Get("X-Frame-Options") != "DENY" || h.Get("X-Content-Type-Options") != "nosniff" || h.Get("Cache-Control") != "no-cache" {
			t.Errorf("%s: %v", path, h)
		}
	}
	// An embed's CSP has frame-ancestors *, which makes browsers ignore
	// the X-Frame-Options of "/*" (the browser tests frame one).
	for _, path := range []string{"/embed/hashprice/", "/vi/embed/hashprice/index.html"} {
		embed := Headers(r, path)
		if csp := embed.Get("Content-Security-Policy"); csp != gen.EmbedCSP || strings.Contains(csp, "frame-ancestors 'none'") {
			t.Errorf("embed %s: %v", path, embed)
		}
	}
	wasm := Headers(r, "/assets/wasm/app.0123456789.wasm")
	if wasm.Get("Content-Type") != "application/wasm" || wasm.Get("Cache-Control") != "public, max-age=31536000, immutable" || wasm.Get("Access-Control-Allow-Origin") != "*" {
		t.Errorf("wasm: %v", wasm)
	}
	if sw := Headers(r, "/sw.js"); sw.Get("Cache-Control") != "no-cache" || sw.Get("Content-Security-Policy") != gen.BaseCSP {
		t.Errorf("sw.js: %v", sw)
	}
	_ = page
}

func TestHandler(t *testing.T) {
	dist := t.TempDir()
	for name, body := range map[string]string{
		"index.html":                      "<!doctype html>",
		"embed/hashprice/index.html":      "<!doctype html>",
		"assets/wasm/app.0123456789.wasm": "\x00asm",
		"oembed/hashprice.json":           `{"type":"rich"}`,
	} {
		os.MkdirAll(filepath.Dir(filepath.Join(dist, name)), 0o755)
		os.WriteFile(filepath.Join(dist, name), []byte(body), 0o644)
	}
	srv := httptest.NewUnstartedServer(nil)
	srv.Config.Handler = Handler(dist, rules(t), "http://"+srv.Listener.Addr().String())
	srv.Start()
	defer srv.Close()
	get := func(path string) (*http.Response, string) {
		t.Helper()
		res, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		var b strings.Builder
		buf := make([]byte, 4096)
		for {
			n, err := res.Body.Read(buf)
			b.Write(buf[:n])
			if err != nil {
				break
			}
		}
		return res, b.String()
	}
	if res, _ := get("/"); !strings.Contains(res.Header.Get("Content-Security-Policy"), "frame-ancestors 'none'") {
		t.Errorf("page headers %v", res.Header)
	}
	if res, _ := get("/assets/wasm/app.0123456789.wasm"); res.Header.Get("Content-Type") != "application/wasm" {
		t.Errorf("wasm headers %v", res.Header)
	}
	if res, _ := get("/api/v1/halving?height=840000"); res.StatusCode != 200 || res.Header.Get("Content-Type") != "application/json; charset=utf-8" {
		t.Errorf("api %d %v", res.StatusCode, res.Header)
	}
	res, body := get("/oembed?url=" + srv.URL + "/embed/hashprice/&format=json")
	var o map[string]any
	if res.StatusCode != 200 || json.Unmarshal([]byte(body), &o) != nil || o["type"] != "rich" {
		t.Errorf("oembed %d %s", res.StatusCode, body)
	}
	if res, _ := get("/oembed?url=" + srv.URL + "/elsewhere/"); res.StatusCode != 404 {
		t.Errorf("oembed for a non-embed: %d", res.StatusCode)
	}
}

// TestPrecompressed: a browser that accepts brotli gets NAME.br with
// Content-Encoding, the original's type and the rules' headers; one that
// accepts only gzip gets NAME.gz; one that accepts neither, NAME itself.
func TestPrecompressed(t *testing.T) {
	dist := t.TempDir()
	page := strings.Repeat("<p>Hashprice</p>", 200)
	os.MkdirAll(filepath.Join(dist, "hashprice"), 0o755)
	os.WriteFile(filepath.Join(dist, "hashprice", "index.html"), []byte(page), 0o644)
	var br, gz bytes.Buffer
	bw := brotli.NewWriter(&br)
	bw.Write([]byte(page))
	bw.Close()
	gw := gzip.NewWriter(&gz)
	gw.Write([]byte(page))
	gw.Close()
	os.WriteFile(filepath.Join(dist, "hashprice", "index.html.br"), br.Bytes(), 0o644)
	os.WriteFile(filepath.Join(dist, "hashprice", "index.html.gz"), gz.Bytes(), 0o644)
	srv := httptest.NewUnstartedServer(nil)
	srv.Config.Handler = Handler(dist, rules(t), "http://"+srv.Listener.Addr().String())
	srv.Start()
	defer srv.Close()
	for _, c := range []struct{ accept, encoding string }{
		{"gzip, deflate, br, zstd", "br"},
		{"gzip", "gzip"},
		{"br;q=0, gzip", "gzip"},
		{"", ""},
	} {
		req, _ := http.NewRequest(http.MethodGet, srv.URL+"/hashprice/", nil)
		req.Header.Set("Accept-Encoding", c.accept) // set: the client then leaves the body as it came
		res, err := http.DefaultTransport.RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		var plain []byte
		switch c.encoding {
		case "br":
			plain, _ = io.ReadAll(brotli.NewReader(bytes.NewReader(body)))
		case "gzip":
			r, _ := gzip.NewReader(bytes.NewReader(body))
			plain, _ = io.ReadAll(r)
		default:
			plain = body
		}
		if res.Header.Get("Content-Encoding") != c.encoding || string(plain) != page ||
			!strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") || !strings.Contains(res.Header.Get("Vary"), "Accept-Encoding") ||
			!strings.Contains(res.Header.Get("Content-Security-Policy"), "frame-ancestors 'none'") {
			t.Errorf("Accept-Encoding %q: %d %v, %d bytes", c.accept, res.StatusCode, res.Header, len(body))
		}
	}
}

// TestNotFoundPage: an unknown path gets dist/404.html with status 404, and
// the rules' headers: the strict CSP and no framing, as every page (it had
// no CSP and could be framed, and inline script ran there).
func TestNotFoundPage(t *testing.T) {
	dist := t.TempDir()
	os.WriteFile(filepath.Join(dist, "404.html"), []byte("<h1>Page not found</h1>"), 0o644)
	os.MkdirAll(filepath.Join(dist, "hashprice"), 0o755)
	os.WriteFile(filepath.Join(dist, "hashprice", "index.html"), []byte("<h1>Hashprice</h1>"), 0o644)
	srv := httptest.NewUnstartedServer(nil)
	srv.Config.Handler = Handler(dist, rules(t), "http://"+srv.Listener.Addr().String())
	srv.Start()
	defer srv.Close()
	for path, want := range map[string]int{"/nothing/": 404, "/hashprice/": 200, "/hashprice": 301, "/assets/nope.js": 404, "/%3Cscript%3E": 404, "/oembed/nope.json": 404} {
		res, err := http.DefaultTransport.RoundTrip(mustRequest(t, srv.URL+path))
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != want || want == 404 && !strings.Contains(string(body), "Page not found") {
			t.Errorf("%s: %d %s", path, res.StatusCode, body)
		}
		if csp := res.Header.Get("Content-Security-Policy"); want == 404 && (!strings.HasPrefix(csp, gen.BaseCSP) || strings.Contains(csp, "unsafe-inline") ||
			strings.Contains(csp, "frame-ancestors *") || res.Header.Get("X-Frame-Options") != "DENY") {
			t.Errorf("%s: the 404 page's headers %v", path, res.Header)
		}
	}
}

func mustRequest(t *testing.T, url string) *http.Request {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	return req
}

// TestOEmbedIgnoresTheHostHeader: oEmbed links the embeds at the site's
// configured origin, whatever Host a request claims (it built them from
// the Host header: Host: evil.example gave <script src="http://evil.example/embed.js">).
func TestOEmbedIgnoresTheHostHeader(t *testing.T) {
	h := Handler(t.TempDir(), rules(t), "http://localhost:8080")
	req := httptest.NewRequest(http.MethodGet, "/oembed?url=http://evil.example/embed/hashprice/", nil)
	req.Host = "evil.example"
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != 404 || strings.Contains(rec.Body.String(), "evil.example") {
		t.Errorf("Host: evil.example: %d %s", rec.Code, rec.Body)
	}
	req = httptest.NewRequest(http.MethodGet, "/oembed?url=http://localhost:8080/embed/hashprice/", nil)
	req.Host = "evil.example"
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != 200 || strings.Contains(rec.Body.String(), "evil.example") || !strings.Contains(rec.Body.String(), `http://localhost:8080/embed.js`) {
		t.Errorf("the site's own embed, Host: evil.example: %d %s", rec.Code, rec.Body)
	}
}
