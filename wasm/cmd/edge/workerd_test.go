//go:build !js

package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hashswitch/hashswitch/internal/apischema"
	"github.com/hashswitch/hashswitch/internal/vectors"
	"github.com/hashswitch/hashswitch/wasm/api"
	"github.com/hashswitch/hashswitch/wasm/calc"
)

// TestWorkerdServesTheAPI runs cmd/edge in workerd, Cloudflare's own
// runtime (npm's @cloudflare/workerd-linux-64), through syumai/workers'
// Cloudflare glue, and checks that the edge answers the shared vectors with
// exactly calc's bytes.
func TestWorkerdServesTheAPI(t *testing.T) {
	addr := startWorkerd(t, `SITE_URL`, `https://hashswitch.example`)
	urls := vectors.APIURLs()
	// And a sample of the contract test's requests, drawn from openapi.json
	// (valid and invalid), but network's, whose ages move with the clock.
	ops := apischema.Operations(t, calc.Get(calc.OpenAPIPath, "").Body)
	for _, c := range apischema.Cases(ops, rand.New(rand.NewPCG(24, 2)), 8) {
		if !strings.HasPrefix(c.URL, "/api/v1/network") {
			urls = append(urls, c.URL)
		}
	}
	for _, u := range urls {
		res, err := http.Get("http://" + addr + u)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		want := calc.GetURL(u)
		if res.StatusCode != want.Status || !bytes.Equal(body, want.Body) {
			t.Errorf("%s: workerd %d %s, calc %d %s", u, res.StatusCode, body, want.Status, want.Body)
		}
		if res.Header.Get("Access-Control-Allow-Origin") != "*" || res.Header.Get("Content-Type") != "application/json; charset=utf-8" {
			t.Errorf("%s: headers %v", u, res.Header)
		}
	}
}

// startWorkerd serves the worker in workerd on a free loopback address
// until the test ends, with text bindings (name, value pairs) as its
// environment, and returns the address.
func startWorkerd(t testing.TB, bindings ...string) string {
	t.Helper()
	root := filepath.Join("..", "..", "..")
	workerd, err := filepath.Abs(filepath.Join(root, "build", "e2e", "node_modules", "@cloudflare", "workerd-linux-64", "bin", "workerd"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(workerd); err != nil {
		t.Fatalf("no workerd: run sh build/deps.sh (make test does): %v", err)
	}
	build, err := edgeBuild()
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Dir(build)
	addr := freeAddr(t)
	var binds []string
	for i := 0; i+1 < len(bindings); i += 2 {
		binds = append(binds, fmt.Sprintf("(name = %q, text = %q)", bindings[i], bindings[i+1]))
	}
	config := fmt.Sprintf(`using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [(name = "api", worker = .api), (name = "internet", network = (allow = ["public", "local"]))],
  sockets = [(name = "http", address = %q, http = (), service = "api")],
);
const api :Workerd.Worker = (
  modules = [
    (name = "worker.mjs", esModule = embed "build/worker.mjs"),
    (name = "runtime.mjs", esModule = embed "build/runtime.mjs"),
    (name = "wasm_exec.js", esModule = embed "build/wasm_exec.js"),
    (name = "app.wasm", wasm = embed "build/app.wasm"),
  ],
  bindings = [%s],
  compatibilityDate = "2025-01-01",
  compatibilityFlags = ["nodejs_compat"],
);
`, addr, strings.Join(binds, ", "))
	name := fmt.Sprintf("config-%s.capnp", strings.ReplaceAll(t.Name(), "/", "-"))
	if err := os.WriteFile(filepath.Join(dir, name), []byte(config), 0o644); err != nil {
		t.Fatal(err)
	}
	var logs bytes.Buffer
	cmd := exec.Command(workerd, "serve", name)
	cmd.Dir = dir
	cmd.Stdout, cmd.Stderr = &logs, &logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
		if t.Failed() {
			t.Logf("workerd said:\n%s", logs.String())
		}
	})
	waitListening(t, addr)
	return addr
}

// TestWorkerdAnswersLikeNative: what the edge adds to the API's answers,
// and what it answers outside them, is what the native server does: a
// Date and a Content-Length on every answer, the API's JSON 404 for a
// path that is not the API's (a text 404 before), 405 JSON for POST, and
// the preflight that allows Content-Type.
func TestWorkerdAnswersLikeNative(t *testing.T) {
	addr := startWorkerd(t, "SITE_URL", "https://hashswitch.example")
	native := httptest.NewServer(api.Edge(func(*http.Request) string { return "https://hashswitch.example" }))
	defer native.Close()
	do := func(base, method, path string, header ...string) (*http.Response, string) {
		t.Helper()
		req, err := http.NewRequest(method, base+path, nil)
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i+1 < len(header); i += 2 {
			req.Header.Set(header[i], header[i+1])
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		body, _ := io.ReadAll(res.Body)
		return res, string(body)
	}
	for _, c := range []struct{ method, path string }{
		{"GET", "/api/v1/halving?height=840000"},
		{"GET", "/api/v1/hashpric%65?price=85000&difficulty=1e14&height=925000"},
		{"GET", "/"},
		{"GET", "/hashprice/"},
		{"GET", "/api/v2/halving"},
		{"POST", "/api/v1/halving?height=1"},
		{"GET", "/oembed?url=https://hashswitch.example/embed/halving/"},
	} {
		res, body := do("http://"+addr, c.method, c.path)
		want, wantBody := do(native.URL, c.method, c.path)
		what := c.method + " " + c.path
		if res.StatusCode != want.StatusCode || body != wantBody {
			t.Errorf("%s: edge %d %s, native %d %s", what, res.StatusCode, body, want.StatusCode, wantBody)
		}
		for _, h := range []string{"Content-Type", "Cache-Control", "Access-Control-Allow-Origin", "Allow"} {
			if res.Header.Get(h) != want.Header.Get(h) {
				t.Errorf("%s: %s at the edge %q, native %q", what, h, res.Header.Get(h), want.Header.Get(h))
			}
		}
		if _, err := http.ParseTime(res.Header.Get("Date")); err != nil || res.Header.Get("Content-Length") != strconv.Itoa(len(body)) {
			t.Errorf("%s: Date %q, Content-Length %q for %d bytes", what, res.Header.Get("Date"), res.Header.Get("Content-Length"), len(body))
		}
	}
	res, _ := do("http://"+addr, "OPTIONS", "/api/v1/halving", "Origin", "https://news.example",
		"Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "content-type")
	if res.StatusCode != 204 || res.Header.Get("Access-Control-Allow-Headers") != "Content-Type" || res.Header.Get("Access-Control-Max-Age") != "86400" {
		t.Errorf("preflight at the edge: %d %v", res.StatusCode, res.Header)
	}
	// CONNECT and methods workerd does not know never reach Go: the
	// runtime answers them itself. Logged, so a change shows.
	for _, m := range []string{"CONNECT", "FOO"} {
		res, body := do("http://"+addr, m, "/api/v1/halving?height=1")
		t.Logf("%s at the edge: %d %q (native: 405 JSON)", m, res.StatusCode, body)
	}
}

// TestWorkerdOEmbedNeedsTheSite: with SITE_URL unset, or left as
// wrangler.toml's placeholder, the edge's oEmbed refuses, uncached, with a
// JSON message naming SITE_URL (it answered 200 with ":///embed/..."
// links, cacheable for a day).
func TestWorkerdOEmbedNeedsTheSite(t *testing.T) {
	for _, env := range [][]string{nil, {"SITE_URL", "REPLACE_WITH_YOUR_SITE_ORIGIN"}} {
		addr := startWorkerd(t, env...)
		for _, u := range []string{"/embed/halving/", "https://hashswitch.example/embed/halving/"} {
			res, err := http.Get("http://" + addr + "/oembed?url=" + u)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(res.Body)
			res.Body.Close()
			if res.StatusCode != 500 || res.Header.Get("Cache-Control") != "no-store" || !json.Valid(body) || !strings.Contains(string(body), "SITE_URL") {
				t.Errorf("SITE_URL %v, url %s: %d %q %s", env, u, res.StatusCode, res.Header.Get("Cache-Control"), body)
			}
		}
	}
}

func freeAddr(t testing.TB) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

func waitListening(t testing.TB, addr string) {
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if c, err := net.Dial("tcp", addr); err == nil {
			c.Close()
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("workerd did not listen on %s", addr)
}
