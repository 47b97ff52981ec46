package e2e

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/chromedp/chromedp"

	"github.com/hashswitch/hashswitch/build/gen"
	"github.com/hashswitch/hashswitch/internal/vectors"
	"github.com/hashswitch/hashswitch/wasm/sha256d"
)

// The browser benchmarks measure inside the page with performance.now() and
// report milliseconds as custom metrics. Run them once each:
//
//	go test ./build/e2e -run '^$' -bench Browser -benchtime 1x

// interactiveURL is what a calculator asks on each keystroke.
const interactiveURL = "/api/v1/convert?mw=100&power_price=0.05&price=85000&difficulty=149.3e12&height=925000&fees=0.02" +
	"&efficiency=17.5&mining_capex=500000&lease=130&lease_capex=9500000&gpu_hour=2&gpu_watts=1400&gpu_capex=30000000"

// BenchmarkBrowserPersistentInstance times calc in the page's one Go
// instance, as the calculators call it.
func BenchmarkBrowserPersistentInstance(b *testing.B) {
	tb := newTab(b)
	var startup float64
	var times []float64
	tb.run(b,
		chromedp.Navigate(site.URL+"/api/"),
		waitWasm(),
		evaluate(`performance.getEntriesByName("hashswitch-ready")[0].startTime`, &startup),
		evaluate(fmt.Sprintf(`(() => {
			const t = [];
			for (let i = 0; i < 500; i++) {
				const s = performance.now();
				const r = globalThis.hashswitch.call(%q);
				JSON.parse(r.body);
				t.push(performance.now() - s);
			}
			return t;
		})()`, interactiveURL), &times),
	)
	b.ReportMetric(startup, "ms-to-ready")
	reportTimes(b, times)
}

// BenchmarkBrowserInstancePerRequest times the same URL through
// syumai/workers' browser runtime, which starts a Go instance per request.
func BenchmarkBrowserInstancePerRequest(b *testing.B) {
	dir := filepath.Join(distDir, "bench", "edge")
	if err := buildEdgeBench(dir); err != nil {
		b.Fatal(err)
	}
	tb := newTab(b)
	var times []float64
	tb.run(b,
		chromedp.Navigate(site.URL+"/bench/edge/"),
		until(`document.documentElement.dataset.edge === "ready"`, 30*time.Second),
		evaluate(fmt.Sprintf(`(async () => {
			const t = [];
			for (let i = 0; i < 100; i++) {
				const s = performance.now();
				const r = await globalThis.edgeFetch(%q);
				JSON.parse(await r.text());
				t.push(performance.now() - s);
			}
			return t;
		})()`, interactiveURL), &times),
	)
	reportTimes(b, times)
}

// reportTimes reports the first call and the percentiles of the rest.
func reportTimes(b *testing.B, ms []float64) {
	b.ReportMetric(ms[0], "ms-first")
	rest := append([]float64(nil), ms[1:]...)
	sort.Float64s(rest)
	b.ReportMetric(rest[len(rest)/2], "ms-p50")
	b.ReportMetric(rest[len(rest)*95/100], "ms-p95")
	b.ReportMetric(0, "ns/op") // the metrics above are the measurement
}

// buildEdgeBench writes a page that loads cmd/edge through the browser
// runtime of syumai/workers (its workers-assets-gen makes the glue).
func buildEdgeBench(dir string) error {
	build := filepath.Join(dir, "build")
	gen := exec.Command("go", "run", "github.com/syumai/workers/cmd/workers-assets-gen", "-mode", "go", "-runtime", "browser", "-o", build)
	gen.Dir = repoRoot
	if out, err := gen.CombinedOutput(); err != nil {
		return fmt.Errorf("workers-assets-gen: %v\n%s", err, out)
	}
	wasm, err := genCompile("./wasm/cmd/edge")
	if err != nil {
		return err
	}
	files := map[string]string{
		"build/app.wasm": string(wasm),
		"index.html": `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Instance per request</title><link rel="icon" href="data:,">
<script type="module" src="bench.mjs"></script></head><body></body></html>`,
		"bench.mjs": `import handlers from "./build/worker.mjs";
globalThis.edgeFetch = (url) => handlers.fetch(new Request(new URL(url, location.href)));
document.documentElement.dataset.edge = "ready";
`,
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			return err
		}
	}
	return nil
}

var genCompile = func(pkg string, env ...string) ([]byte, error) { return gen.CompileWasm(repoRoot, pkg, env...) }

// BenchmarkBrowserEmbedFirstResult loads /embed/hashprice/ cold, in a
// fresh browser context (no cache, no service worker), as a guest in a
// news page: what it weighs until the reader touches it (bytes as served
// here, precompressed as a CDN serves them, and brotli at its best), when
// its first result is in the page (prerendered: DOM interactive), then,
// after a touch, when its WebAssembly is live and when it has recomputed
// from the network figures. It fails when the guest weight passes 60 KB of
// brotli or any wasm loads before the touch.
func BenchmarkBrowserEmbedFirstResult(b *testing.B) {
	tb := newTab(b, chromedp.WithNewBrowserContext())
	type weight struct {
		Resources []string
		Bytes     float64 // decoded
		Transfer  float64 // as sent, headers aside
	}
	measure := `(() => {
		const res = performance.getEntriesByType("resource");
		const nav = performance.getEntriesByType("navigation")[0];
		return {
			Resources: [location.pathname, ...res.map((r) => new URL(r.name).pathname)],
			Bytes: nav.decodedBodySize + res.reduce((n, r) => n + r.decodedBodySize, 0),
			Transfer: nav.encodedBodySize + res.reduce((n, r) => n + r.encodedBodySize, 0),
		};
	})()`
	var guest weight
	var interactive float64
	tb.run(b,
		chromedp.Navigate(site.URL+"/embed/hashprice/"),
		chromedp.Sleep(time.Second),
		evaluate(measure, &guest),
		evaluate(`performance.getEntriesByType("navigation")[0].domInteractive`, &interactive),
	)
	var brotliBytes int
	for _, path := range guest.Resources {
		if strings.HasSuffix(path, ".wasm") {
			b.Fatalf("%s loaded before the reader touched the embed", path)
		}
		data, err := os.ReadFile(filepath.Join(distDir, filepath.FromSlash(path), indexIfDir(path)))
		if err != nil {
			b.Fatal(err)
		}
		brotliBytes += brotliSize(data)
	}
	if brotliBytes > 60_000 {
		b.Errorf("the embed costs a news page %d bytes of brotli before a touch, over 60 KB", brotliBytes)
	}
	// A preset is rendered by the edge (here the test server) before any
	// touch; without the edge (offline, a deploy without one) it waits for
	// the touch: the WebAssembly's own path, timed here.
	static := withoutEdge(b)
	tb.origins = append(tb.origins, static.URL)
	var touched struct{ Touch, Ready, Refreshed, First float64 }
	tb.run(b,
		chromedp.Navigate(static.URL+"/embed/hashprice/?price=50000"), // presets: pending until the touch
		chromedp.Sleep(500*time.Millisecond),
		evaluate(`window.__touch = performance.now(), true`, new(bool)),
		touch(), waitWasm(), waitNetwork(),
		evaluate(`({Touch: window.__touch, Ready: performance.getEntriesByName("hashswitch-ready")[0].startTime,
			First: performance.getEntriesByName("hashswitch-first-number")[0].startTime,
			Refreshed: performance.getEntriesByName("hashswitch-network")[0].startTime})`, &touched),
	)
	// Again, from a warm HTTP cache: the reader's second article.
	var warm struct{ Touch, Start, Instantiated, Ready float64 }
	tb.run(b,
		chromedp.Navigate(static.URL+"/embed/hashprice/"),
		chromedp.Sleep(200*time.Millisecond),
		evaluate(`window.__touch = performance.now(), true`, new(bool)),
		touch(), waitWasm(),
		evaluate(`({Touch: window.__touch, Ready: performance.getEntriesByName("hashswitch-ready")[0].startTime,
			Start: performance.getEntriesByName("hashswitch-start")[0].startTime,
			Instantiated: performance.getEntriesByName("hashswitch-instantiated")[0].startTime})`, &warm),
	)
	b.ReportMetric(warm.Ready-warm.Touch, "ms-live-after-touch-warm")
	// Its parts: the fetch from the HTTP cache and the compilation, then
	// Go's start (runtime, package initialisers, exports).
	b.ReportMetric(warm.Instantiated-warm.Start, "ms-warm-fetch-compile")
	b.ReportMetric(warm.Ready-warm.Instantiated, "ms-warm-go-start")
	b.ReportMetric(interactive, "ms-first-result")
	b.ReportMetric(guest.Bytes, "guest-bytes")
	b.ReportMetric(guest.Transfer, "guest-transfer-bytes")
	b.ReportMetric(float64(brotliBytes), "guest-brotli-bytes")
	b.ReportMetric(float64(len(guest.Resources)), "guest-requests")
	b.ReportMetric(touched.Ready-touched.Touch, "ms-live-after-touch")
	b.ReportMetric(touched.First-touched.Ready, "ms-first-number-after-live")
	b.ReportMetric(touched.Refreshed-touched.Ready, "ms-network-figures-after-live")
	b.ReportMetric(0, "ns/op")
}

func indexIfDir(path string) string {
	if strings.HasSuffix(path, "/") {
		return "index.html"
	}
	return ""
}

func brotliSize(data []byte) int {
	var buf bytes.Buffer
	w := brotli.NewWriterLevel(&buf, brotli.BestCompression)
	w.Write(data)
	w.Close()
	return buf.Len()
}

// BenchmarkBrowserSHA256d runs testdata/hashbench in Chromium, round by
// round: in each, one Web Worker of each implementation hashes the same
// header for two seconds (our Go wasm midstate scanner built with SIMD, four
// nonces at a time, and without, one at a time; Go wasm crypto/sha256
// twice; hash-wasm's SHA-256 twice; @noble/hashes twice; WebCrypto twice),
// then the same scanner natively in this process on one goroutine, then
// the SIMD build in one worker per core. Ratios are taken within a round
// and reported as min, median and max over the rounds (x-: the scalar
// build's, simd-x-: the SIMD build's). Then it times the site's own miner
// worker until ready (the module compiled once, posted to each worker)
// against a worker loading hash-wasm, and reports the load average. The
// peers come from npm (package-lock.json), for this harness only.
func BenchmarkBrowserSHA256d(b *testing.B) {
	rounds, ms := 5, 2000
	dir := filepath.Join(distDir, "bench", "hash")
	if err := buildHashBench(dir); err != nil {
		b.Fatal(err)
	}
	headers, _ := vectors.Headers()
	h := headers[len(headers)-1].HeaderHex
	zero := h[:152] + "00000000"
	load := loadAverage()
	tb := newTabFor(b, 10*time.Minute)
	tb.run(b,
		chromedp.Navigate(fmt.Sprintf("%s/bench/hash/?header=%s&expect=%s", site.URL, zero, sha256dHex(zero, 0))),
		until(`window.harnessReady`, 30*time.Second),
	)
	var cores int
	tb.run(b, evaluate(`navigator.hardwareConcurrency || 2`, &cores))
	impls := []string{"go-simd", "go-midstate", "go-naive", "hash-wasm", "noble", "webcrypto"}
	one := map[string][]float64{}
	var native, all, overHashWasm, overNative, simdOverHashWasm, simdOverNative, scaling []float64
	if r := os.Getenv("HASHBENCH_ROUNDS"); r != "" {
		fmt.Sscan(r, &rounds)
	}
	for range rounds {
		for _, impl := range impls {
			var rate float64
			settle()
			tb.run(b, evaluate(fmt.Sprintf(`throughput(%q, 1, %d)`, impl, ms), &rate))
			one[impl] = append(one[impl], rate)
		}
		var many float64
		settle()
		native = append(native, nativeSearchRate(b, zero, time.Duration(ms)*time.Millisecond))
		settle()
		tb.run(b, evaluate(fmt.Sprintf(`throughput("go-simd", %d, %d)`, cores, ms), &many))
		all = append(all, many)
		r := len(all) - 1
		scalar, simd, peer := one["go-midstate"][r], one["go-simd"][r], one["hash-wasm"][r]
		overHashWasm = append(overHashWasm, scalar/peer)
		overNative = append(overNative, scalar/native[r])
		simdOverHashWasm = append(simdOverHashWasm, simd/peer)
		simdOverNative = append(simdOverNative, simd/native[r])
		scaling = append(scaling, many/simd)
	}
	var ready struct {
		CompileMs    float64
		Go, HashWasm []float64
	}
	worker, wasm := distAsset(b, "hashworker.*.js"), distAsset(b, "wasm/hashworker-simd.*.wasm")
	tb.run(b, evaluate(fmt.Sprintf(`readiness(%q, %q, 10)`, worker, wasm), &ready))

	if len(all) > 0 { // HASHBENCH_ROUNDS=0 times only the workers' start
		for _, impl := range impls {
			b.ReportMetric(median(one[impl]), impl+"-1w-H/s")
		}
		b.ReportMetric(median(native), "native-H/s")
		b.ReportMetric(median(all), fmt.Sprintf("go-simd-%dw-H/s", cores))
		spread(b, "x-hash-wasm", overHashWasm)
		spread(b, "x-native", overNative)
		spread(b, "simd-x-hash-wasm", simdOverHashWasm)
		spread(b, "simd-x-native", simdOverNative)
		spread(b, fmt.Sprintf("x-scaling-%dw", cores), scaling)
	}
	spread(b, "ms-worker-ready", ready.Go)
	spread(b, "ms-hash-wasm-ready", ready.HashWasm)
	b.ReportMetric(ready.CompileMs, "ms-compile-once")
	b.ReportMetric(load, "load-before")
	b.ReportMetric(loadAverage(), "load-after")
	b.ReportMetric(0, "ns/op")
}

// settle waits before a measurement: for a second or two after workers end
// Chromium keeps working in the background (native Go measured at once runs
// 20-25% slower than after a pause), so every measurement, in the browser
// or native, starts from the same quiet.
func settle() { time.Sleep(1500 * time.Millisecond) }

// nativeSearchRate runs the miner's scanner in this process, on one
// goroutine, for d: hashes per second.
func nativeSearchRate(b *testing.B, headerHex string, d time.Duration) float64 {
	var header [sha256d.HeaderSize]byte
	if _, err := hex.Decode(header[:], []byte(headerHex)); err != nil {
		b.Fatal(err)
	}
	s := sha256d.NewScanner(&header, &[32]byte{})
	var n uint32
	start := time.Now()
	for time.Since(start) < d {
		n += s.Search(n, 20000).Hashes
	}
	return float64(n) / time.Since(start).Seconds()
}

// spread reports the min, median and max of xs.
func spread(b *testing.B, unit string, xs []float64) {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	b.ReportMetric(s[0], unit+"-min")
	b.ReportMetric(median(s), unit+"-median")
	b.ReportMetric(s[len(s)-1], unit+"-max")
}

func median(xs []float64) float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// loadAverage is this machine's one-minute load average (Linux), or -1.
func loadAverage() float64 {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return -1
	}
	var v float64
	if _, err := fmt.Sscan(string(data), &v); err != nil {
		return -1
	}
	return v
}

// distAsset is the site path of the one built asset matching pattern
// under dist/assets.
func distAsset(b *testing.B, pattern string) string {
	matches, _ := filepath.Glob(filepath.Join(distDir, "assets", filepath.FromSlash(pattern)))
	if len(matches) != 1 {
		b.Fatalf("assets/%s: %d files", pattern, len(matches))
	}
	rel, _ := filepath.Rel(distDir, matches[0])
	return "/" + filepath.ToSlash(rel)
}

// buildHashBench lays out the harness: its pages, Go's wasm_exec.js, the
// hashbench WebAssembly and the npm peers.
func buildHashBench(dir string) error {
	goroot, err := gen.GoRoot()
	if err != nil {
		return err
	}
	copies := map[string]string{
		"index.html":                "build/e2e/testdata/hashbench/index.html",
		"ready-hashwasm.mjs":        "build/e2e/testdata/hashbench/ready-hashwasm.mjs",
		"harness.mjs":               "build/e2e/testdata/hashbench/harness.mjs",
		"worker.mjs":                "build/e2e/testdata/hashbench/worker.mjs",
		"wasm_exec.js":              filepath.Join(goroot, "lib", "wasm", "wasm_exec.js"),
		"nm/hash-wasm/index.esm.js": "build/e2e/node_modules/hash-wasm/dist/index.esm.js",
	}
	noble, err := filepath.Glob(filepath.Join(repoRoot, "build", "e2e", "node_modules", "@noble", "hashes", "*.js"))
	if err != nil || len(noble) == 0 {
		return fmt.Errorf("no @noble/hashes: run npm ci (%v)", err)
	}
	for _, f := range noble {
		rel, _ := filepath.Rel(repoRoot, f)
		copies["nm/noble-hashes/"+filepath.Base(f)] = rel
	}
	for to, from := range copies {
		if !filepath.IsAbs(from) {
			from = filepath.Join(repoRoot, from)
		}
		data, err := os.ReadFile(from)
		if err != nil {
			return fmt.Errorf("%v (npm ci installs the peers)", err)
		}
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, to)), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, to), data, 0o644); err != nil {
			return err
		}
	}
	for name, env := range map[string][]string{"hashbench.wasm": nil, "hashbench-simd.wasm": gen.SIMD} {
		wasm, err := genCompile("./wasm/cmd/hashbench", env...)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, name), wasm, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// BenchmarkBrowserKeystroke times what one keystroke costs each calculator
// of /calculators/ in the page's Go: hashswitch.widget with the form's
// values, 200 times alternating two values of its first input, from the
// very first call, with the page's idle time between keystrokes (where it
// runs Go's collector, as the page does). It reports the first call and
// p50/p99 of each, the first call included (nearest rank: the 198th of
// 200), and the worst p99 (the goal is 4 ms).
func BenchmarkBrowserKeystroke(b *testing.B) {
	tb := newTabFor(b, 5*time.Minute)
	var per map[string][]float64
	tb.run(b,
		chromedp.Navigate(site.URL+"/calculators/"),
		// The reader reads first: the page has warmed its calculators in
		// idle time (a few hundred milliseconds after the figures came).
		touch(), waitWasm(), waitNetwork(), until(`document.documentElement.dataset.warm === "done"`, 30*time.Second),
		evaluate(`(async () => {
			const idle = () => new Promise((r) => setTimeout(r, 20)); // a typist's pause, shortened
			const out = {};
			for (const s of document.querySelectorAll("section.calc[data-calc]")) {
				const form = s.querySelector("form");
				const base = new URLSearchParams([...form.elements].filter((e) => e.name).map((e) => [e.name, e.value]));
				const first = [...form.elements].find((e) => e.name && e.inputMode === "decimal");
				const t = [];
				for (let i = 0; i < 200; i++) {
					const q = new URLSearchParams(base);
					if (first) q.set(first.name, String(Number(first.value) * (i % 2 ? 1.01 : 0.99)));
					const start = performance.now();
					JSON.parse(globalThis.hashswitch.widget(s.dataset.calc, q.toString()));
					t.push(performance.now() - start);
					await idle();
					globalThis.hashswitch.idle();
					await idle();
				}
				out[s.dataset.calc] = t;
			}
			return out;
		})()`, &per),
	)
	// The same first keystroke cold, side by side: an embed's hashprice
	// computed the moment its WebAssembly is live, before the page has
	// warmed it.
	var cold float64
	tb.run(b,
		chromedp.Navigate(site.URL+"/embed/hashprice/"),
		touch(),
		until(`globalThis.hashswitch !== undefined`, 30*time.Second),
		evaluate(`(() => { const start = performance.now();
			JSON.parse(globalThis.hashswitch.widget("hashprice", "price=85000"));
			return performance.now() - start; })()`, &cold),
	)
	b.ReportMetric(cold, "ms-cold-first-hashprice")
	worst := 0.0
	names := make([]string, 0, len(per))
	for name := range per {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		t := per[name]
		all := append([]float64(nil), t...)
		sort.Float64s(all)
		p99 := all[(len(all)*99+99)/100-1]
		worst = math.Max(worst, p99)
		b.ReportMetric(t[0], "ms-first-"+name)
		b.ReportMetric(all[len(all)/2], "ms-p50-"+name)
		b.ReportMetric(p99, "ms-p99-"+name)
	}
	b.ReportMetric(worst, "ms-p99-worst")
	b.ReportMetric(0, "ns/op")
}

// BenchmarkBrowserLighthouse runs Lighthouse (npm, pinned in
// build/e2e/package-lock.json; mobile emulation, simulated throttling) in
// Debian's Chromium, in interleaved rounds (LIGHTHOUSE_ROUNDS, 3 by
// default): on an embed, on the home page with the figures it was built
// with (it waits for a touch), and on the home page of a host with newer
// figures (a worker recomputes them in idle time, off the main thread). It
// reports min, median and max of the performance score, Total Blocking
// Time and Largest Contentful Paint of each.
func BenchmarkBrowserLighthouse(b *testing.B) {
	chromium, err := findChromium()
	if err != nil {
		b.Fatal(err)
	}
	bin := filepath.Join(repoRoot, "build", "e2e", "node_modules", ".bin", "lighthouse")
	if _, err := os.Stat(bin); err != nil {
		b.Fatalf("no lighthouse: run sh build/deps.sh: %v", err)
	}
	rounds := 3
	if r := os.Getenv("LIGHTHOUSE_ROUNDS"); r != "" {
		fmt.Sscan(r, &rounds)
	}
	live := liveSite(b, liveSnapshot(), 0)
	cases := []struct{ name, url string }{
		{"embed", site.URL + "/embed/hashprice/"}, {"home", site.URL + "/"}, {"home-live", live.URL + "/"},
	}
	metrics := map[string][]float64{}
	for range rounds {
		for _, c := range cases {
			out := filepath.Join(b.TempDir(), c.name+".json")
			cmd := exec.Command(bin, c.url, "--only-categories=performance", "--output=json", "--output-path="+out, "--quiet",
				"--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync")
			cmd.Env = append(os.Environ(), "CHROME_PATH="+chromium)
			if log, err := cmd.CombinedOutput(); err != nil {
				b.Fatalf("lighthouse %s: %v\n%s", c.url, err, log)
			}
			data, err := os.ReadFile(out)
			if err != nil {
				b.Fatal(err)
			}
			var r struct {
				Categories struct{ Performance struct{ Score float64 } }
				Audits     map[string]struct{ NumericValue float64 }
			}
			if err := json.Unmarshal(data, &r); err != nil {
				b.Fatal(err)
			}
			metrics["score-"+c.name] = append(metrics["score-"+c.name], 100*r.Categories.Performance.Score)
			metrics["ms-tbt-"+c.name] = append(metrics["ms-tbt-"+c.name], r.Audits["total-blocking-time"].NumericValue)
			metrics["ms-lcp-"+c.name] = append(metrics["ms-lcp-"+c.name], r.Audits["largest-contentful-paint"].NumericValue)
		}
	}
	for name, xs := range metrics {
		spread(b, name, xs)
	}
	b.ReportMetric(0, "ns/op")
}
