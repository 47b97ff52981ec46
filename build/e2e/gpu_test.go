package e2e

import (
	"context"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/hashswitch/hashswitch/internal/vectors"
	"github.com/hashswitch/hashswitch/wasm/chain"
	"github.com/hashswitch/hashswitch/wasm/gpu"
	"github.com/hashswitch/hashswitch/wasm/gpu/eras"
	"github.com/hashswitch/hashswitch/wasm/locale"
)

// The GPU miner in a real browser. Chromium runs WebGPU on SwiftShader, a
// GPU emulated on the processor: slow, but exact, so the shader's every
// word is checked here against crypto/sha256. The shared browser of the
// other tests (started with --disable-gpu) offers no GPU adapter: the
// fallback's test runs there.

// webgpuBrowser starts a Chromium of its own whose WebGPU runs on
// SwiftShader, for the test.
func webgpuBrowser(t testing.TB) context.Context {
	t.Helper()
	chromium, err := findChromium()
	if err != nil {
		t.Fatal(err)
	}
	opts := append(chromiumOptions(chromium, t.TempDir()),
		chromedp.Flag("disable-gpu", false),
		chromedp.Flag("enable-unsafe-webgpu", true),
		chromedp.Flag("enable-unsafe-swiftshader", true),
		chromedp.Flag("use-webgpu-adapter", "swiftshader"),
		chromedp.Flag("enable-features", "Vulkan"),
	)
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancelAlloc)
	b, cancel := chromedp.NewContext(alloc)
	t.Cleanup(cancel)
	if err := chromedp.Do(b); err != nil {
		t.Fatal("starting Chromium with WebGPU:", err)
	}
	return b
}

// gpuTab is a tab of a WebGPU Chromium on the bench embed, its
// WebAssembly started.
func gpuTab(t *testing.T, b context.Context, path string) *tab {
	tb := newTabIn(t, b, 3*time.Minute)
	tb.run(t, chromedp.Navigate(site.URL+path), touch(), waitWasm())
	return tb
}

// withGPU is a script that runs then(g) with the page's hashgpu, the
// miner's WebAssembly started on the page as gpu.js starts it.
func withGPU(then string) string {
	return `(async () => {
  const box = document.querySelector("[data-miner]");
  const gpu = await import(box.querySelector(".eras").dataset.gpu);
  const g = await gpu.hashgpu(WebAssembly.compileStreaming(fetch(box.dataset.workerWasm)));
  return (` + then + `)(g);
})()`
}

// gpuSearch is what hashgpu.search answers.
type gpuSearch struct {
	Found    bool    `json:"found"`
	Nonce    float64 `json:"nonce"`
	Best     float64 `json:"best"`
	BestHash string  `json:"bestHash"`
	Hashes   float64 `json:"hashes"`
	Error    string  `json:"error"`
}

// TestGPU runs the shader on SwiftShader.
func TestGPU(t *testing.T) {
	b := webgpuBrowser(t)
	tb := gpuTab(t, b, "/embed/bench/")

	// Every digest of the plain compression and every top word of the
	// kernel's shortcuts, for random headers at random nonces, at 0, at
	// 2^32-1 and across the wrap, is crypto/sha256's.
	t.Run("digests", func(t *testing.T) {
		rng := rand.New(rand.NewPCG(26, 1))
		for i := 0; i < 6; i++ {
			header := make([]byte, 80)
			for j := range header {
				header[j] = byte(rng.Uint32())
			}
			headerHex := hex.EncodeToString(header)
			start := []uint32{0, 0xffffffff - 40, rng.Uint32()}[i%3]
			const count = 100
			var r struct {
				Hashes []string  `json:"hashes"`
				Tops   []float64 `json:"tops"`
				Error  string    `json:"error"`
			}
			tb.run(t, evaluate(withGPU(fmt.Sprintf(`(g) => g.digests(%q, %d, %d)`, headerHex, start, count)), &r))
			if r.Error != "" || len(r.Hashes) != count || len(r.Tops) != count {
				t.Fatalf("digests of %s from %d: %d hashes, %d tops, error %q", headerHex, start, len(r.Hashes), len(r.Tops), r.Error)
			}
			for k := uint32(0); k < count; k++ {
				nonce := start + k
				want := sha256dHex(headerHex, nonce)
				if r.Hashes[k] != want {
					t.Errorf("header %s nonce %d: the shader's compress gives %s, crypto/sha256 %s", headerHex, nonce, r.Hashes[k], want)
				}
				// The last state word is the digest's most significant 32
				// bits, which display order writes first, byte-swapped.
				display, _ := hex.DecodeString(want)
				if want := binary.LittleEndian.Uint32(display); uint32(r.Tops[k]) != want {
					t.Errorf("header %s nonce %d: the kernel's top word %08x, crypto/sha256's %08x", headerHex, nonce, uint32(r.Tops[k]), want)
				}
			}
		}
	})

	// The kernel finds the real nonce of every shared mainnet header in a
	// range around it, counting the hashes as the CPU does.
	t.Run("real nonces", func(t *testing.T) {
		headers, _ := vectors.Headers()
		for _, v := range headers {
			bits, _ := chain.ParseBits(v.Bits)
			target, _, _ := chain.CompactToTarget(bits)
			var r gpuSearch
			tb.run(t, evaluate(withGPU(fmt.Sprintf(`(g) => g.search(%q, %q, %d, 40001)`, v.HeaderHex, chain.TargetHex(target), v.Nonce-20000)), &r))
			if r.Error != "" || !r.Found || uint32(r.Nonce) != v.Nonce || r.BestHash != v.Hash || r.Hashes != 20001 || uint32(r.Best) != v.Nonce {
				t.Errorf("height %d: %+v, want nonce %d hash %s after 20001 hashes", v.Height, r, v.Nonce, v.Hash)
			}
		}
	})

	// Over a range without a block, and one across 2^32-1, the lowest
	// hash the GPU reports is the lowest crypto/sha256 finds there.
	t.Run("lowest hash", func(t *testing.T) {
		headers, _ := vectors.Headers()
		v := headers[len(headers)-1]
		bits, _ := chain.ParseBits(v.Bits)
		target, _, _ := chain.CompactToTarget(bits)
		for _, start := range []uint32{v.Nonce + 1, 0xffffffff - 30000} {
			const count = 60003
			var r gpuSearch
			tb.run(t, evaluate(withGPU(fmt.Sprintf(`(g) => g.search(%q, %q, %d, %d)`, v.HeaderHex, chain.TargetHex(target), start, count)), &r))
			want, wantNonce := lowest(v.HeaderHex, start, count)
			if r.Error != "" || r.Found || r.Hashes != count || r.BestHash != want || uint32(r.Best) != wantNonce {
				t.Errorf("from %d: %+v; crypto/sha256's lowest is %s at %d", start, r, want, wantNonce)
			}
		}
	})

	// The comparison on the page, in each language: the processor, then
	// the GPU, then the words and the chart Go writes for what was
	// measured. SwiftShader is a software adapter, and the page says so.
	t.Run("compare", func(t *testing.T) {
		for _, c := range []struct {
			path string
			lang locale.Tag
		}{{"/embed/bench/", locale.EN}, {"/vi/embed/bench/", locale.VI}} {
			tb := gpuTab(t, b, c.path)
			sent, lines := runCompare(t, tb)
			if len(sent.GPU) < 3 || sent.Reason != "" || !sent.Software {
				t.Errorf("%s: readings %+v", c.path, sent)
			}
			e, err := sent.Compare()
			if err != nil {
				t.Fatal(err)
			}
			if want := e.In(c.lang).Lines; !slices.Equal(lines, want) {
				t.Errorf("%s shows\n%q\nGo writes\n%q", c.path, lines, want)
			}
			var bars int
			tb.run(t, evaluate(`document.querySelectorAll(".eras-chart .chart-wide .chart-bar").length`, &bars))
			if bars != 3 {
				t.Errorf("%s: %d bars", c.path, bars)
			}
			erasChartChecks(t, tb, c.path, e.In(c.lang).Source)
		}
	})

	// Stop, a hidden tab and a lost device each end the GPU's run: Stop
	// and hiding say Stopped and free the device; a lost device is
	// reported, and the comparison falls back to the processor.
	t.Run("stop", func(t *testing.T) {
		for _, how := range []string{
			`document.querySelector(".eras-stop").click()`,
			`Object.defineProperty(document, "visibilityState", {value: "hidden", configurable: true}), document.dispatchEvent(new Event("visibilitychange"))`,
		} {
			tb := gpuTab(t, b, "/embed/bench/")
			tb.run(t, evaluate(keepDevices, new(bool)))
			startCompare(t, tb)
			var state struct {
				Status  string `json:"status"`
				Lost    bool   `json:"lost"`
				Running bool   `json:"running"`
				Result  bool   `json:"result"`
				Start   bool   `json:"start"`
			}
			tb.run(t,
				until(`document.querySelector(".eras-status").textContent === document.querySelector(".eras").dataset.measuringGpu && window.devices.length > 0`, time.Minute),
				evaluate(how+`, true`, new(bool)),
				until(`window.lost === true`, 10*time.Second),
				evaluate(`import(document.querySelector(".eras").dataset.gpu).then((m) => ({
					status: document.querySelector(".eras-status").textContent, lost: window.lost, running: m.running(),
					result: !document.querySelector(".eras-result").hidden, start: !document.querySelector(".eras-start").disabled}))`, &state),
			)
			if state.Status != "Stopped." || !state.Lost || state.Running || state.Result || !state.Start {
				t.Errorf("after %s: %+v", how, state)
			}
		}
		tb := gpuTab(t, b, "/embed/bench/")
		tb.run(t, evaluate(keepDevices, new(bool)))
		startCompare(t, tb)
		tb.run(t,
			until(`document.querySelector(".eras-status").textContent === document.querySelector(".eras").dataset.measuringGpu && window.devices.length > 0`, time.Minute),
			evaluate(`window.devices.forEach((d) => d.destroy()), true`, new(bool)),
		)
		sent, lines := waitCompare(t, tb)
		if sent.Reason != gpu.DeviceLost || len(lines) < 2 || !strings.HasPrefix(lines[1], "Your graphics card was not measured: the GPU stopped answering (WebGPU lost the device)") {
			t.Errorf("a lost device: %+v %q", sent, lines)
		}
	})
}

// keepDevices keeps every GPUDevice the page asks for in window.devices,
// and sets window.lost once one is lost.
const keepDevices = `(() => {
  window.devices = [];
  const request = GPUAdapter.prototype.requestDevice;
  GPUAdapter.prototype.requestDevice = async function (...args) {
    const d = await request.apply(this, args);
    window.devices.push(d);
    d.lost.then(() => { window.lost = true; });
    return d;
  };
  return true;
})()`

// startCompare measures for one second a device instead of five.
func startCompare(t *testing.T, tb *tab) {
	tb.run(t, evaluate(`document.querySelector(".eras").dataset.seconds = "1", document.querySelector(".eras-start").click(), true`, new(bool)))
}

// runCompare clicks Compare and waits for the comparison.
func runCompare(t *testing.T, tb *tab) (eras.Readings, []string) {
	startCompare(t, tb)
	return waitCompare(t, tb)
}

// waitCompare waits for the comparison: what the page measured and the
// lines it shows.
func waitCompare(t *testing.T, tb *tab) (eras.Readings, []string) {
	var sent eras.Readings
	var readings string
	var lines []string
	tb.run(t,
		until(`document.querySelector(".eras-status").textContent === document.querySelector(".eras").dataset.measured`, 2*time.Minute),
		evaluate(`document.querySelector(".eras").dataset.readings`, &readings),
		evaluate(`[...document.querySelectorAll(".eras-lines li")].map((li) => li.textContent)`, &lines),
	)
	if err := json.Unmarshal([]byte(readings), &sent); err != nil {
		t.Fatal(err)
	}
	if len(sent.CPU) < 3 {
		t.Errorf("the processor's readings: %v", sent.CPU)
	}
	return sent, lines
}

// lowest is crypto/sha256's lowest SHA-256d of header over count nonces
// from start (wrapping), in display order, and its nonce.
func lowest(headerHex string, start, count uint32) (string, uint32) {
	best, at := "", uint32(0)
	for i := uint32(0); i < count; i++ {
		if s := sha256dHex(headerHex, start+i); best == "" || s < best {
			best, at = s, start+i
		}
	}
	return best, at
}

// TestGPUFallback: where the browser offers no GPU (the shared Chromium,
// started with --disable-gpu) or has no WebGPU at all, the comparison
// says why and compares the processor alone.
func TestGPUFallback(t *testing.T) {
	for _, c := range []struct {
		before, want string
	}{
		{`true`, "Your graphics card was not measured: the browser offers no GPU to this page. The comparison uses your processor."},
		{`Object.defineProperty(Navigator.prototype, "gpu", {get: () => undefined}), true`, "Your graphics card was not measured: this browser has no WebGPU. The comparison uses your processor."},
	} {
		tb := newTabFor(t, 2*time.Minute)
		tb.run(t, chromedp.Navigate(site.URL+"/embed/bench/"), touch(), waitWasm(), evaluate(c.before, new(bool)))
		sent, lines := runCompare(t, tb)
		var bars int
		tb.run(t, evaluate(`document.querySelectorAll(".eras-chart .chart-wide .chart-bar").length`, &bars))
		e, err := sent.Compare()
		if err != nil {
			t.Fatal(err)
		}
		if len(lines) < 2 || lines[1] != c.want || !slices.Equal(lines, e.In(locale.EN).Lines) || bars != 2 || len(sent.GPU) != 0 {
			t.Errorf("%s: %q, %d bars, readings %+v", c.before, lines, bars, sent)
		}
		erasChartChecks(t, tb, c.before, e.In(locale.EN).Source)
	}
}

// erasChartChecks: the comparison's chart, once drawn, passes chartCheck
// as every other chart does, its source line included, and that line is
// the one Go writes for the measurement (package eras' Source): where the
// reader's bars and the S21's come from.
func erasChartChecks(t *testing.T, tb *tab, name, source string) {
	t.Helper()
	var report chartReport
	var shown string
	tb.run(t, evaluate(chartCheck, &report), evaluate(`(document.querySelector(".eras-figure .chart-source") || {}).textContent || ""`, &shown))
	if report.Drawings == 0 || len(report.Problems) > 0 {
		t.Errorf("%s: the comparison's chart: %d drawings; %s", name, report.Drawings, strings.Join(report.Problems, "; "))
	}
	if shown != source {
		t.Errorf("%s: the comparison's chart says %q under it, Go writes %q", name, shown, source)
	}
}
