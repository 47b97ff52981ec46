package e2e

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// swLimit reads one of the service worker's limits from the build.
func swLimit(t *testing.T, name string) int {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(distDir, "sw.js"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`const ` + name + ` = (\d+)(?: << (\d+))?;`).FindStringSubmatch(string(src))
	if m == nil {
		t.Fatalf("sw.js has no %s", name)
	}
	n, _ := strconv.Atoi(m[1])
	if m[2] != "" {
		shift, _ := strconv.Atoi(m[2])
		n <<= shift
	}
	return n
}

// siteCache is a script that answers the service worker's cache:
// [entries, bytes of /extra/ pages, /extra/ pages].
const siteCache = `caches.keys().then((ks) => caches.open(ks.find((k) => k.startsWith("hashswitch-"))))
	.then(async (c) => {
		let extraBytes = 0, extras = 0;
		const keys = await c.keys();
		for (const k of keys) {
			if (new URL(k.url).pathname.startsWith("/extra/")) {
				extraBytes += (await (await c.match(k)).arrayBuffer()).byteLength;
				extras++;
			}
		}
		return [keys.length, extraBytes, extras];
	})`

// TestOfflineCacheIsBounded: the service worker keeps one entry per page
// whatever its spelling (a navigation to /%6dining-vs-ai/ added an entry,
// and every percent-encoded spelling another: 500 spellings, +65 MB), and
// at most MAX_EXTRA entries and MAX_EXTRA_BYTES beyond the build's own.
func TestOfflineCacheIsBounded(t *testing.T) {
	site := siteHandler(t, distDir)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// Pages the build does not have, which the server answers: small,
		// or of 1.5 MB.
		if name, ok := strings.CutPrefix(r.URL.Path, "/extra/"); ok {
			size := 1000
			if strings.HasPrefix(name, "big") {
				size = 1_500_000
			}
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprintf(w, "<!doctype html><title>%s</title><p>%s</p>", name, strings.Repeat("x", size))
			return
		}
		site.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	tb := newTab(t)
	tb.origins = append(tb.origins, srv.URL)
	tb.run(t,
		chromedp.Navigate(srv.URL+"/calculators/"),
		evaluate(`navigator.serviceWorker.ready.then(() => true)`, new(bool)),
		eventually(`navigator.serviceWorker.controller !== null`, 20*time.Second),
	)
	// The page itself first, as spelt in the build, with all it loads.
	var before, after []int
	tb.run(t, chromedp.Navigate(srv.URL+"/mining-vs-ai/"), chromedp.Sleep(2*time.Second), evaluate(siteCache, &before))

	// Other spellings of a page the build has: one navigation, and fetches.
	var spellings []string
	for i, c := range "mining-vs-ai" {
		spellings = append(spellings, fmt.Sprintf("/%s%%%02x%s/", "mining-vs-ai"[:i], c, "mining-vs-ai"[i+1:]),
			fmt.Sprintf("/%s%%%02X%s/index.html", "mining-vs-ai"[:i], c, "mining-vs-ai"[i+1:]))
	}
	keys := `caches.keys().then((ks) => caches.open(ks.find((k) => k.startsWith("hashswitch-")))).then((c) => c.keys()).then((ks) => ks.map((k) => new URL(k.url).pathname))`
	var keysBefore, keysAfter []string
	tb.run(t, evaluate(keys, &keysBefore))
	tb.run(t,
		chromedp.Navigate(srv.URL+"/%6dining-vs-ai/"),
		evaluate(fmt.Sprintf(`(async (paths) => { for (const p of paths) await fetch(p); return true })(%s)`, jsonString(spellings)), new(bool)),
		chromedp.Sleep(2*time.Second),
		evaluate(siteCache, &after),
	)
	tb.run(t, evaluate(keys, &keysAfter))
	for _, k := range keysAfter {
		if !slices.Contains(keysBefore, k) {
			t.Logf("a new entry: %s", k)
		}
	}
	if after[0] != before[0] {
		t.Errorf("%d spellings of /mining-vs-ai/ took the cache from %d entries to %d", len(spellings)+1, before[0], after[0])
	}

	// Pages beyond the build: at most MAX_EXTRA entries beyond it (the
	// manifest is one), the build's own never evicted.
	maxExtra, maxBytes := swLimit(t, "MAX_EXTRA"), swLimit(t, "MAX_EXTRA_BYTES")
	src, err := os.ReadFile(filepath.Join(distDir, "sw.js"))
	if err != nil {
		t.Fatal(err)
	}
	precache := regexp.MustCompile(`const PRECACHE = (\[.*?\]);`).FindSubmatch(src)
	if precache == nil {
		t.Fatal("sw.js has no PRECACHE")
	}
	// The build's own entries missing from the cache: none may go.
	missing := fmt.Sprintf(`caches.keys().then((ks) => caches.open(ks.find((k) => k.startsWith("hashswitch-"))))
		.then(async (c) => { const out = []; for (const p of %s) if (!(await c.match(p))) out.push(p); return out; })`, precache[1])
	var gone []string
	tb.run(t,
		evaluate(`(async () => { for (let i = 0; i < 80; i++) await fetch("/extra/" + i + "/"); return true })()`, new(bool)),
		eventually(fmt.Sprintf(`%s.then(([, , n]) => n >= %d)`, siteCache, maxExtra-2), 20*time.Second),
		chromedp.Sleep(2*time.Second),
		evaluate(siteCache, &after),
		evaluate(missing, &gone),
	)
	if after[2] > maxExtra || after[0] > before[0]-before[2]+maxExtra || len(gone) > 0 {
		t.Errorf("after 80 pages beyond the build: %d entries, %d of them those pages (at most %d beyond the build's %d); the build's lost %v",
			after[0], after[2], maxExtra, before[0]-before[2], gone)
	}
	// Heavy ones: at most MAX_EXTRA_BYTES.
	tb.run(t,
		evaluate(`(async () => { for (let i = 0; i < 12; i++) await fetch("/extra/big" + i + "/"); return true })()`, new(bool)),
		chromedp.Sleep(3*time.Second),
		evaluate(siteCache, &after),
		evaluate(missing, &gone),
	)
	if after[1] > maxBytes || after[1] < 1_500_000 || len(gone) > 0 {
		t.Errorf("after 12 pages of 1.5 MB: %d bytes of pages beyond the build (at most %d); the build's lost %v", after[1], maxBytes, gone)
	}
	t.Logf("%d entries at first; at last %d, of which %d pages beyond the build, %d bytes", before[0], after[0], after[2], after[1])
}

// TestKeptFiguresAreTheLiveOnes: the figures kept for offline are the
// unpinned live answer only; /api/v1/network?asof=... (the /api/ page's own
// link), however spelt, replaced them, so offline pages showed figures
// older than their build.
func TestKeptFiguresAreTheLiveOnes(t *testing.T) {
	srv := liveSite(t, liveSnapshot(), 0)
	tb := newTab(t)
	tb.origins = append(tb.origins, srv.URL)
	var steps []string
	kept := `caches.open("network-figures").then((c) => c.match("/api/v1/network")).then((r) => r ? r.json() : {}).then((j) => j.pinned + " " + j.price_usd)`
	var got string
	tb.run(t,
		chromedp.Navigate(srv.URL+"/hashprice/"),
		waitNetwork(),
		eventually(`navigator.serviceWorker.controller !== null`, 20*time.Second),
		chromedp.Reload(), waitNetwork(),
		eventually(kept+` !== "undefined undefined"`, 10*time.Second),
		evaluate(kept, &got),
	)
	if got != "false 91234" {
		t.Fatalf("the live figures kept: %q (pinned, price)", got)
	}
	tb.run(t,
		evaluate(`(async () => {
			const log = [];
			for (const u of ["/api/v1/network?x=1", "/api/v1/network?asof=2025-11-25", "/api/v1/networ%6b?asof=2025-11-25"]) {
				const r = await fetch(u);
				log.push(u + " " + r.status + " " + (await r.text()).slice(0, 80) + " kept " + (await `+kept+`));
			}
			return log;
		})()`, &steps),
		chromedp.Sleep(time.Second),
		evaluate(kept, &got),
	)
	if got != "false 91234" {
		t.Errorf("after pinned answers, the kept figures are %q (pinned, price): %v", got, steps)
	}
}
