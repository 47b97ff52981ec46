package e2e

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/hashswitch/hashswitch/internal/vectors"
	"github.com/hashswitch/hashswitch/wasm/chain"
)

type mined struct {
	Found  bool    `json:"found"`
	Nonce  float64 `json:"nonce"`
	Hash   string  `json:"hash"`
	Lanes  int     `json:"lanes"`
	Hashes float64 `json:"hashes"`
	Best   struct {
		Hash  string  `json:"hash"`
		Nonce float64 `json:"nonce"`
	} `json:"best"`
}

// sha256dHex hashes header with nonce by crypto/sha256 twice, in display order.
func sha256dHex(headerHex string, nonce uint32) string {
	h, _ := hex.DecodeString(headerHex)
	binary.LittleEndian.PutUint32(h[76:], nonce)
	first := sha256.Sum256(h)
	second := sha256.Sum256(first[:])
	return chain.Hash(second).String()
}

// TestMinerFindsTheRealNonce runs the page's workers over ranges of real
// headers: where the range holds the block's nonce they find it and its
// hash; elsewhere the lowest hash they report is crypto/sha256's.
func TestMinerFindsTheRealNonce(t *testing.T) {
	tb := newTab(t)
	tb.run(t, chromedp.Navigate(site.URL+"/embed/bench/"), touch(), waitWasm())
	headers, _ := vectors.Headers()
	for i, v := range headers[len(headers)-2:] {
		bits, _ := chain.ParseBits(v.Bits)
		target, _, _ := chain.CompactToTarget(bits)
		// Chromium has WebAssembly SIMD: the page runs the four-lane build;
		// the second header also runs the build without it.
		for _, simd := range []bool{true, i == 1} {
			var r mined
			tb.run(t, evaluate(fmt.Sprintf(`hashswitchMine({header: %q, target: %q, start: %d, count: 300001, workers: 2, simd: %v})`,
				v.HeaderHex, chain.TargetHex(target), v.Nonce-150000, simd), &r))
			if lanes := map[bool]int{true: 4, false: 1}[simd]; !r.Found || uint32(r.Nonce) != v.Nonce || r.Hash != v.Hash || r.Lanes != lanes {
				t.Errorf("height %d, SIMD %v: %+v, want nonce %d hash %s in %d lanes", v.Height, simd, r, v.Nonce, v.Hash, lanes)
			}
		}
		// A range without the nonce, not a multiple of the lanes: every
		// nonce tried, the lowest hash checked.
		var r mined
		tb.run(t, evaluate(fmt.Sprintf(`hashswitchMine({header: %q, target: %q, start: %d, count: 200003, workers: 2})`,
			v.HeaderHex, chain.TargetHex(target), v.Nonce+1), &r))
		if r.Found || r.Hashes != 200003 {
			t.Errorf("height %d, range after the nonce: %+v", v.Height, r)
		}
		if want := sha256dHex(v.HeaderHex, uint32(r.Best.Nonce)); r.Best.Hash != want {
			t.Errorf("height %d: lowest hash at nonce %v is %s, crypto/sha256 says %s", v.Height, r.Best.Nonce, r.Best.Hash, want)
		}
	}
	// A broken job is reported, not retried for ever.
	var message string
	tb.run(t, evaluate(`hashswitchMine({header: "zz", count: 1000, workers: 1}).then(() => "resolved", (m) => m)`, &message))
	if !strings.Contains(message, "A worker stopped") {
		t.Errorf("a bad header: %q", message)
	}
}

// TestMinerPage starts the miner from the page, sees the hashrate flow into
// the calculator, and stops it.
func TestMinerPage(t *testing.T) {
	tb := newTab(t)
	var rate, input, status string
	var stopDisabled bool
	tb.run(t,
		chromedp.Navigate(site.URL+"/embed/bench/"),
		touch(),
		waitWasm(),
		evaluate(`document.querySelector("input[name=device_hashrate]").value`, &input),
		chromedp.Click(chromedp.CSS(".miner-start")),
		until(`/H\/s$/.test(document.querySelector(".miner-rate").value) && document.querySelector("input[name=device_hashrate]").value !== "1000000"`, 15*time.Second),
		evaluate(`document.querySelector(".miner-rate").value`, &rate),
		evaluate(`document.querySelector("input[name=device_hashrate]").value`, &input),
		chromedp.Click(chromedp.CSS(".miner-stop")),
		evaluate(`document.querySelector(".miner-status").textContent`, &status),
		evaluate(`document.querySelector(".miner-stop").disabled`, &stopDisabled),
	)
	if input == "1000000" || status != "Stopped." || !stopDisabled {
		t.Errorf("rate %q, input %q, status %q, stop disabled %v", rate, input, status, stopDisabled)
	}
	// The calculator recomputed from the measured rate.
	want := wantOutputs(t, "bench", "device_hashrate="+input)
	var got []shown
	tb.run(t,
		until(fmt.Sprintf(`document.querySelector("output[data-key=years_to_block]").value === %q`, want[0].Text), 5*time.Second),
		readOutputs("bench", &got),
	)
	sameOutputs(t, "bench after mining", got, want)
	t.Logf("this browser hashed at %s", rate)
}

// TestMinerInASandbox: an embed sandboxed with allow-scripts alone may not
// start Web Workers; the miner says so in plain words and disables Start.
// The page is sandboxed by its own CSP header, which a proxy adds.
func TestMinerInASandbox(t *testing.T) {
	target, _ := url.Parse(site.URL)
	proxy := httputil.NewSingleHostReverseProxy(target)
	proxy.ModifyResponse = func(res *http.Response) error {
		if res.Request.URL.Path == "/embed/bench/" {
			res.Header.Add("Content-Security-Policy", "sandbox allow-scripts")
		}
		return nil
	}
	srv := httptest.NewServer(proxy)
	defer srv.Close()
	tb := newTab(t)
	tb.origins = append(tb.origins, srv.URL)
	var status string
	var disabled bool
	tb.run(t,
		chromedp.Navigate(srv.URL+"/embed/bench/"),
		touch(), waitWasm(),
		chromedp.Click(chromedp.CSS(".miner-start")),
		until(`document.querySelector(".miner-status").textContent !== ""`, 10*time.Second),
		evaluate(`document.querySelector(".miner-status").textContent`, &status),
		evaluate(`document.querySelector(".miner-start").disabled`, &disabled),
	)
	if !strings.Contains(status, "does not let the miner run inside this frame") || strings.Contains(status, "Failed to construct") || !disabled {
		t.Errorf("status %q, Start disabled %v", status, disabled)
	}
}
