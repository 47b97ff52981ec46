package server

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestHeaders(t *testing.T) {
	dist := t.TempDir()
	os.MkdirAll(filepath.Join(dist, "assets"), 0o755)
	os.MkdirAll(filepath.Join(dist, "embed", "hashprice"), 0o755)
	os.WriteFile(filepath.Join(dist, "index.html"), []byte("<!doctype html>"), 0o644)
	os.WriteFile(filepath.Join(dist, "embed", "hashprice", "index.html"), []byte("<!doctype html>"), 0o644)
	os.WriteFile(filepath.Join(dist, "assets", "app.0123456789.wasm"), []byte("\x00asm"), 0o644)
	srv := httptest.NewServer(Handler(dist))
	defer srv.Close()

	get := func(path string) *http.Response {
		t.Helper()
		res, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		return res
	}
	page := get("/")
	if csp := page.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "frame-ancestors 'none'") ||
		strings.Contains(csp, "unsafe-inline") || !strings.Contains(csp, "'wasm-unsafe-eval'") {
		t.Errorf("page CSP %q", csp)
	}
	if page.Header.Get("X-Frame-Options") != "DENY" || page.Header.Get("Cache-Control") != "no-cache" {
		t.Errorf("page headers %v", page.Header)
	}
	embed := get("/embed/hashprice/")
	if csp := embed.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "frame-ancestors *") || embed.Header.Get("X-Frame-Options") != "" {
		t.Errorf("embed headers %v", embed.Header)
	}
	wasm := get("/assets/app.0123456789.wasm")
	if wasm.Header.Get("Content-Type") != "application/wasm" || !strings.Contains(wasm.Header.Get("Cache-Control"), "immutable") {
		t.Errorf("wasm headers %v", wasm.Header)
	}
	api := get("/api/v1/halving?height=840000")
	if api.StatusCode != 200 || api.Header.Get("Content-Type") != "application/json; charset=utf-8" {
		t.Errorf("api %d %v", api.StatusCode, api.Header)
	}
}
