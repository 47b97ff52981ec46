package e2e

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/hashswitch/hashswitch/internal/vectors"
)

// vectorURLs are API URLs for every shared vector, plus every endpoint with
// good and bad inputs.
func vectorURLs() []string {
	var urls []string
	headers, _ := vectors.Headers()
	for _, h := range headers {
		urls = append(urls, "/api/v1/header?hex="+h.HeaderHex)
	}
	c := vectors.CompactVectors()
	for _, v := range c.SetCompact {
		urls = append(urls, "/api/v1/target?bits="+v.NBits)
	}
	for _, v := range c.GetDifficulty {
		urls = append(urls, "/api/v1/target?bits=0x"+v.NBits)
	}
	for _, p := range vectors.SubsidyVectors().Points {
		urls = append(urls, fmt.Sprintf("/api/v1/halving?height=%d&time=1763900000", p.Height))
	}
	return append(urls,
		"/api/v1/hashprice?price=85000&difficulty=149.3e12&height=925000&fees=0.02",
		"/api/v1/hashprice?price=85000&hashrate=1068&subsidy=3.125",
		"/api/v1/profit?price=85000&difficulty=149.3e12&height=925000&fees=0.02&efficiency=17.5&power_price=0.05&pool_fee=2&uptime=97",
		"/api/v1/convert?mw=100&power_price=0.05&hashprice=36&efficiency=17.5&mining_capex=500000&lease=130&lease_capex=9500000&gpu_hour=2&gpu_watts=1400&gpu_utilization=80&gpu_capex=30000000",
		"/api/v1/attack?hashrate=1000&hardware_price=15&efficiency=17.5&power_price=0.05&hashprice=36",
		"/api/v1/project?price=85000&difficulty=149.3e12&height=1049000&fees=0.02&efficiency=17.5&power_price=0.05&hardware_price=15&difficulty_growth=2&days=60",
		"/api/v1/hashprice?price=abc&difficulty=1&height=1",
		"/api/v1/hashprice?price=NaN&difficulty=1&height=1",
		"/api/v1/header?hex=zz",
		"/api/v1/nothing",
	)
}

// TestInBrowserAPIMatchesServer: for every vector, the page's WebAssembly
// answers with exactly the status and bytes the native server sends.
func TestInBrowserAPIMatchesServer(t *testing.T) {
	tb := newTab(t)
	tb.httpErrorsExpected = true
	urls := vectorURLs()
	var mismatches []string
	tb.run(t,
		chromedp.Navigate(site.URL+"/api/"),
		waitWasm(),
		evaluate(fmt.Sprintf(`(async (urls) => {
			const bad = [];
			for (const u of urls) {
				const mine = globalThis.hashswitch.call(u);
				const res = await fetch(u);
				const body = await res.text();
				if (mine.status !== res.status || mine.body !== body) {
					bad.push(u + ": wasm " + mine.status + " " + mine.body + " server " + res.status + " " + body);
				}
			}
			return bad;
		})(%s)`, jsonString(urls)), &mismatches),
	)
	for _, m := range mismatches {
		t.Error(m)
	}
	t.Logf("%d URLs compared", len(urls))
}

// TestAPIPageComputesTypedURL types a URL into the API page and reads the
// answer the WebAssembly computed.
func TestAPIPageComputesTypedURL(t *testing.T) {
	tb := newTab(t)
	var result string
	tb.run(t,
		chromedp.Navigate(site.URL+"/api/"),
		waitWasm(),
		chromedp.Clear(chromedp.ID("try-url")),
		chromedp.SendKeys(chromedp.ID("try-url"), "/api/v1/halving?height=840000"),
		chromedp.Click(chromedp.CSS("#try button")),
		until(`document.getElementById("try-status").value === "200" &&
			document.getElementById("try-result").value.includes("312500000")`, 10*time.Second),
		into(chromedp.Text(chromedp.ID("try-result")), &result),
	)
	if !strings.Contains(result, `"next_halving_height": 1050000`) {
		t.Errorf("result %s", result)
	}
	// A bad URL shows the error, names the field, and the page keeps working.
	tb.run(t,
		chromedp.SetValue(chromedp.ID("try-url"), "/api/v1/halving?height=-5"),
		chromedp.Click(chromedp.CSS("#try button")),
		until(`document.getElementById("try-status").value === "400"`, 10*time.Second),
		into(chromedp.Text(chromedp.ID("try-result")), &result),
	)
	if !strings.Contains(result, `"field": "height"`) {
		t.Errorf("error result %s", result)
	}
}
