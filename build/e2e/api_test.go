package e2e

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/hashswitch/hashswitch/internal/apischema"
	"github.com/hashswitch/hashswitch/internal/vectors"
	"github.com/hashswitch/hashswitch/wasm/calc"
)

// TestInBrowserAPIMatchesServer: for every vector, the page's WebAssembly
// answers with exactly the status and bytes the native server sends.
func TestInBrowserAPIMatchesServer(t *testing.T) {
	tb := newTab(t)
	tb.httpErrorsExpected = true
	// Paths spelt as a server reads them the same (hashpric%65 answered 200
	// natively and 404 in the page).
	urls := append(vectors.APIURLs(), "/api/v1/hashpric%65?price=85000&difficulty=149.3e12&height=925000",
		"/api/v1/%68alving?height=840000", "/api/v1//halving?height=840000", "/api/v1/halving/?height=840000")
	// And a sample of the contract test's requests, drawn from openapi.json,
	// but network's, whose ages move with the clock, and history's, which
	// only the API's hosts answer: the page ships no series (below).
	ops := apischema.Operations(t, calc.Get(calc.OpenAPIPath, "").Body)
	for _, c := range apischema.Cases(ops, rand.New(rand.NewPCG(24, 3)), 6) {
		if !strings.HasPrefix(c.URL, "/api/v1/network") && !strings.HasPrefix(c.URL, "/api/v1/history") {
			urls = append(urls, c.URL)
		}
	}
	var history struct {
		Status int
		Body   string
	}
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
		evaluate(`globalThis.hashswitch.call("/api/v1/history")`, &history),
	)
	for _, m := range mismatches {
		t.Error(m)
	}
	if history.Status != 400 || !strings.Contains(history.Body, "answered by the API's hosts") {
		t.Errorf("the page's /api/v1/history: %d %s", history.Status, history.Body)
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

// TestCrossOriginFetchWithJSONContentType: a page of another origin
// fetches the API with "Content-Type: application/json", which makes
// Chromium send a preflight; the API's answer to it must let the fetch
// through (it did not: the preflight allowed no header).
func TestCrossOriginFetchWithJSONContentType(t *testing.T) {
	tb := newTab(t)
	host := newsPage(t, tb, "en", "<p>An article.</p>")
	var got string
	tb.run(t,
		chromedp.Navigate(host.URL+"/"),
		evaluate(fmt.Sprintf(`fetch(%q, {headers: {"Content-Type": "application/json", "X-Requested-With": "fetch"}})
			.then((r) => r.status + " " + r.headers.get("content-type"), (e) => "failed: " + e)`, site.URL+"/api/v1/halving?height=840000"), &got),
	)
	if got != "200 application/json; charset=utf-8" {
		t.Errorf("cross-origin fetch with a JSON content type: %s", got)
	}
}
