package e2e

import (
	"context"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hashswitch/hashswitch/build/gen"
)

// TestNetlifyServesTheProductionHeaders serves the built site with
// netlify-cli (`netlify dev --offline`), which reads netlify.toml as
// Netlify does, and checks what a reader's browser would get: every page a
// strict CSP that no site may frame, every embed the same policy framable
// by any site, the 404 page (any unknown path) strict and unframeable, the
// WebAssembly with its type, and the service worker uncached. The dev
// server's own emulation of the rules is held to the same answers.
func TestNetlifyServesTheProductionHeaders(t *testing.T) {
	base := netlifyDev(t, distDir)
	get := func(path string) *http.Response {
		res, err := http.Get(base + path)
		if err != nil {
			return nil
		}
		res.Body.Close()
		return res
	}
	wasm, _ := filepath.Glob(filepath.Join(distDir, "assets", "wasm", "app.*.wasm"))
	if len(wasm) == 0 {
		t.Fatal("no app wasm in dist")
	}
	for _, tc := range []struct {
		path, csp, frame, contentType string
		status                        int
	}{
		{"/", gen.PageCSP, "DENY", "text/html", 200},
		{"/mining-vs-ai/", gen.PageCSP, "DENY", "text/html", 200},
		{"/vi/deals/", gen.PageCSP, "DENY", "text/html", 200},
		{"/embed/convert/", gen.EmbedCSP, "DENY", "text/html", 200},
		{"/vi/embed/hashprice/", gen.EmbedCSP, "DENY", "text/html", 200},
		{"/embed/deals/", gen.EmbedCSP, "DENY", "text/html", 200},
		{"/no-such-page/", gen.BaseCSP, "DENY", "text/html", 404},
		{"/sw.js", gen.BaseCSP, "DENY", "javascript", 200},
		{"/assets/wasm/" + filepath.Base(wasm[0]), gen.BaseCSP, "DENY", "application/wasm", 200},
	} {
		res := get(tc.path)
		if res == nil {
			t.Errorf("%s: no answer", tc.path)
			continue
		}
		h := res.Header
		if res.StatusCode != tc.status || h.Get("Content-Security-Policy") != tc.csp || h.Get("X-Frame-Options") != tc.frame ||
			!strings.Contains(h.Get("Content-Type"), tc.contentType) {
			t.Errorf("%s: %d, CSP %q, X-Frame-Options %q, Content-Type %q", tc.path, res.StatusCode,
				h.Get("Content-Security-Policy"), h.Get("X-Frame-Options"), h.Get("Content-Type"))
		}
		// The dev server's emulation gives the same headers.
		mine := get2(t, site.URL+tc.path)
		for _, k := range []string{"Content-Security-Policy", "X-Frame-Options"} {
			if mine.Get(k) != h.Get(k) {
				t.Errorf("%s: %s is %q from netlify-cli, %q from the dev server", tc.path, k, h.Get(k), mine.Get(k))
			}
		}
	}
}

// netlifyDev serves dir with netlify-cli (`netlify dev --offline`), which
// reads the repository's netlify.toml and dir's _redirects as Netlify
// does, until the test ends, and returns its origin.
func netlifyDev(t *testing.T, dir string) string {
	t.Helper()
	bin := filepath.Join(repoRoot, "build", "e2e", "node_modules", ".bin", "netlify")
	if _, err := os.Stat(bin); err != nil {
		t.Fatalf("netlify-cli is not installed (%v): run sh build/deps.sh", err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	cmd := exec.CommandContext(ctx, bin, "dev", "--offline", "--dir", dir, "--internal-disable-edge-functions",
		"--port", strconv.Itoa(port), "--cwd", repoRoot)
	cmd.Env = append(os.Environ(), "NETLIFY_SITE_ID=", "BROWSER=none", "NO_UPDATE_NOTIFIER=1")
	out := &strings.Builder{}
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Start(); err != nil {
		cancel()
		t.Fatal(err)
	}
	t.Cleanup(func() { cancel(); cmd.Wait() })
	base := "http://127.0.0.1:" + strconv.Itoa(port)
	deadline := time.Now().Add(150 * time.Second)
	for {
		res, err := http.Get(base + "/")
		if err == nil {
			res.Body.Close()
			return base
		}
		if time.Now().After(deadline) {
			t.Fatalf("netlify dev did not start:\n%s", out)
		}
		time.Sleep(time.Second)
	}
}

func get2(t *testing.T, url string) http.Header {
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	return res.Header
}
