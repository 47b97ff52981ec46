package e2e

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/hashswitch/hashswitch/build/gen"
	"github.com/hashswitch/hashswitch/internal/vectors"
	"github.com/hashswitch/hashswitch/wasm/chain"
	"github.com/hashswitch/hashswitch/wasm/gpu"
)

// BenchmarkBrowserMinerBuilds holds the CPU miner's speed to a change
// (issue 26's bar: the median of interleaved rounds within 5% of
// before): the worker's WebAssembly of the working tree and of git
// revision $BEFORE (default main), SIMD and scalar, run in Chromium by
// the real worker script, interleaved, and in pairs at once. It reports
// after/before: the median of the rounds' ratios, for each way.
// HASHBENCH_ROUNDS sets the rounds (default 8).
func BenchmarkBrowserMinerBuilds(b *testing.B) {
	before := os.Getenv("BEFORE")
	if before == "" {
		before = "main"
	}
	rounds := 8
	if r := os.Getenv("HASHBENCH_ROUNDS"); r != "" {
		fmt.Sscan(r, &rounds)
	}
	dir, src := b.TempDir(), b.TempDir()
	archive := exec.Command("sh", "-c", `git archive "$1" | tar -x -C "$2"`, "sh", before, src)
	archive.Dir = repoRoot
	if out, err := archive.CombinedOutput(); err != nil {
		b.Fatalf("git archive %s: %v\n%s", before, err, out)
	}
	for name, build := range map[string]struct {
		root string
		env  []string
	}{
		"before": {src, nil}, "before-simd": {src, gen.SIMD},
		"after": {repoRoot, nil}, "after-simd": {repoRoot, gen.SIMD},
	} {
		wasm, err := gen.CompileWasm(build.root, "./wasm/cmd/hashworker", build.env...)
		if err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name+".wasm"), wasm, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	goroot, err := gen.GoRoot()
	if err != nil {
		b.Fatal(err)
	}
	var worker []byte
	for _, f := range []string{filepath.Join(goroot, "lib", "wasm", "wasm_exec.js"), filepath.Join(repoRoot, "site", "assets", "hashworker.js")} {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		worker = append(append(worker, data...), '\n')
	}
	page, err := os.ReadFile(filepath.Join("testdata", "minerbuilds", "index.html"))
	if err != nil {
		b.Fatal(err)
	}
	for name, data := range map[string][]byte{"worker.js": worker, "index.html": page} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	defer srv.Close()
	tb := newTabFor(b, 30*time.Minute)
	tb.origins = append(tb.origins, srv.URL)
	var r struct {
		Interleaved map[string][]float64
		Paired      struct{ SIMD, Scalar []float64 }
	}
	load := loadAverage()
	tb.run(b,
		chromedp.Navigate(srv.URL+"/index.html"),
		until(`window.harnessReady`, 30*time.Second),
		evaluate(fmt.Sprintf(`rounds(%d, 2500)`, rounds), &r),
	)
	ratios := func(after, before []float64) []float64 {
		var out []float64
		for i := range after {
			out = append(out, after[i]/before[i])
		}
		return out
	}
	in := r.Interleaved
	spread(b, "simd-interleaved-after/before", ratios(in["after-simd"], in["before-simd"]))
	spread(b, "scalar-interleaved-after/before", ratios(in["after"], in["before"]))
	spread(b, "simd-paired-after/before", r.Paired.SIMD)
	spread(b, "scalar-paired-after/before", r.Paired.Scalar)
	b.ReportMetric(median(in["after-simd"]), "after-simd-H/s")
	b.ReportMetric(median(in["before-simd"]), "before-simd-H/s")
	b.ReportMetric(load, "load-before")
	b.ReportMetric(loadAverage(), "load-after")
	b.ReportMetric(0, "ns/op")
}

// BenchmarkBrowserGPUSettings times package gpu's scan kernel in a
// WebGPU Chromium (SwiftShader here: the processor through an emulator,
// so its rates say nothing of a graphics card's) with other workgroup
// sizes, nonces per invocation and dispatch sizes than the miner's, on
// block 840,000's header: the median rate of four dispatches of each, in
// MH/s, and the pipeline's compile time.
func BenchmarkBrowserGPUSettings(b *testing.B) {
	headers, _ := vectors.Headers()
	v := headers[len(headers)-1]
	h, _ := chain.ParseHeaderHex(v.HeaderHex)
	header := h.Serialize()
	bits, _ := chain.ParseBits(v.Bits)
	target, _, _ := chain.CompactToTarget(bits)
	tbytes := target.Bytes()
	p := gpu.NewJob(&header, &tbytes).Params(0, 0)
	words := make([]uint32, len(p)/4)
	for i := range words {
		words[i] = binary.LittleEndian.Uint32(p[4*i:])
	}
	job, _ := json.Marshal(map[string]any{"shader": gpu.Shader, "params": words, "nonce": v.Nonce})
	page, err := os.ReadFile(filepath.Join("testdata", "gpusettings", "index.html"))
	if err != nil {
		b.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/job.json":
			w.Write(job)
		case "/index.html":
			w.Write(page)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	tb := newTabIn(b, webgpuBrowser(b), 20*time.Minute)
	tb.origins = append(tb.origins, srv.URL)
	configs := [][3]int{{gpu.WorkgroupSize, gpu.NoncesPerInvocation, 18}, {64, 1, 18}, {64, 4, 18}, {64, 64, 18}, {32, 16, 18}, {256, 16, 18}, {64, 16, 14}, {64, 16, 16}, {64, 16, 20}}
	var out []struct {
		Config    [3]int
		CompileMs float64
		Rates     []float64
	}
	tb.run(b, chromedp.Navigate(srv.URL+"/index.html"), until(`window.harnessReady`, 30*time.Second))
	cfg, _ := json.Marshal(configs)
	tb.run(b, evaluate(fmt.Sprintf(`sweep(%s, 4)`, cfg), &out))
	for _, r := range out {
		name := fmt.Sprintf("wg%d-per%d-2^%d", r.Config[0], r.Config[1], r.Config[2])
		b.ReportMetric(median(r.Rates)/1e6, name+"-MH/s")
		b.ReportMetric(r.CompileMs, name+"-compile-ms")
	}
	b.ReportMetric(0, "ns/op")
}
