package main

import (
	"flag"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hashswitch/hashswitch/internal/fakeupstream"
)

// TestLiveBuild runs `go run ./build dist` as Netlify does, with live
// figures on and every upstream at a fake on loopback: the pages are
// prerendered from the fake's figures, dated today, the history chart from
// the fake's daily series. Then again with a dead upstream: the build says
// so and uses the committed snapshot and Luxor's months.
func TestLiveBuild(t *testing.T) {
	fake := fakeupstream.Start(fakeupstream.Typical())
	defer fake.Close()
	for _, c := range []struct {
		upstream, price, fresh, log, chart string
	}{
		{fake.URL, `value="91000.5"`, "Figures from " + time.Now().UTC().Format("2 Jan 2006"), "building from live figures of",
			"This site&#39;s daily series, monthly mean"},
		{"http://127.0.0.1:9", `value="85000"`, "Figures from 25 Nov 2025", "building from the committed snapshot of 2025-11-25",
			"Luxor&#39;s monthly average"},
	} {
		out := t.TempDir()
		cmd := exec.Command("go", "run", "./build", "-out", out, "-netlify=false", "-brotli=0", "dist")
		cmd.Dir = ".."
		cmd.Env = append(os.Environ(), "HASHSWITCH_LIVE=1", "HASHSWITCH_UPSTREAM="+c.upstream)
		log, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%v\n%s", err, log)
		}
		html, err := os.ReadFile(filepath.Join(out, "hashprice", "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		page := string(html)
		if !strings.Contains(page, `name="price" type="text" inputmode="decimal" `+c.price) || !strings.Contains(page, c.fresh) {
			t.Errorf("upstream %s: the page lacks %s or %q", c.upstream, c.price, c.fresh)
		}
		if !strings.Contains(page, c.chart) {
			t.Errorf("upstream %s: the history chart is not %q", c.upstream, c.chart)
		}
		if !strings.Contains(string(log), c.log) {
			t.Errorf("upstream %s: the log does not say %q:\n%s", c.upstream, c.log, log)
		}
	}
}

// TestServeListensOnLoopback: the dev server listens on loopback unless
// asked (it listened on every interface, where anyone could reach it).
func TestServeListensOnLoopback(t *testing.T) {
	if ip := net.ParseIP(flag.Lookup("host").DefValue); ip == nil || !ip.IsLoopback() {
		t.Errorf("serve listens on %q by default", flag.Lookup("host").DefValue)
	}
}
