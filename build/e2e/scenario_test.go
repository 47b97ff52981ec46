package e2e

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/hashswitch/hashswitch/build/gen"
	"github.com/hashswitch/hashswitch/build/server"
)

// withoutEdge serves the test build as Netlify does with no edge origin
// (or with the edge down): every page as built, whatever scenario its
// URL carries.
func withoutEdge(t testing.TB) *httptest.Server {
	t.Helper()
	rules, err := server.LoadRules(filepath.Join(repoRoot, "netlify.toml"))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(server.Static(distDir, rules, site.URL))
	t.Cleanup(srv.Close)
	return srv
}

// noScript switches the tab's JavaScript off, as a reader's browser can.
func noScript() chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, target *chromedp.Target) error {
		_, err := cdp.Call(ctx, target, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
		return err
	})
}

// framedOutputs reads the outputs of the calculator in frame through the
// DOM (no script of the page's needed): key, text and data-value.
func framedOutputs(t *testing.T, tb *tab, frame *chromedp.Node) []shown {
	t.Helper()
	var outs []*chromedp.Node
	tb.run(t, into(chromedp.Nodes(chromedp.CSSAll("section.calc output[data-key]"), chromedp.FromNode(frame)), &outs))
	var got []shown
	for _, o := range outs {
		var text string
		tb.run(t, into(chromedp.TextContent(chromedp.CSS(fmt.Sprintf(`output[data-key=%q]`, o.AttributeValue("data-key"))), chromedp.FromNode(frame)), &text))
		got = append(got, shown{o.AttributeValue("data-key"), text, o.AttributeValue("data-value")})
	}
	return got
}

// TestScenarioEmbedBeforeInteraction frames an embed with a scenario (the
// editor's 50 MW at $0.07/kWh) in a news page of another origin, with
// JavaScript on and off: before any interaction it shows that scenario's
// numbers, the ones Go renders natively, nothing pending, and it has
// requested no WebAssembly. Its first load, the rendered page and what it
// fetched before a touch, stays within 60 KB of brotli.
func TestScenarioEmbedBeforeInteraction(t *testing.T) {
	const query = "mw=50&power_price=0.07"
	want := wantOutputs(t, "convert", query)
	for _, js := range []bool{true, false} {
		t.Run(fmt.Sprintf("javascript=%v", js), func(t *testing.T) {
			tb := newTab(t)
			host := newsPage(t, tb, "en", `<p>An article.</p>
<iframe id="calc" src="`+site.URL+`/embed/convert/?`+strings.ReplaceAll(query, "&", "&amp;")+`" title="Mining or AI" width="100%" height="3200"></iframe>`)
			if !js {
				tb.run(t, noScript())
			}
			var frames []*chromedp.Node
			tb.run(t,
				chromedp.Navigate(host.URL+"/"),
				into(chromedp.Nodes(chromedp.CSS("#calc")), &frames),
			)
			// Long enough for the page script, when it runs, to have done
			// whatever it does before a touch.
			time.Sleep(1500 * time.Millisecond)
			var sections []*chromedp.Node
			tb.run(t, into(chromedp.Nodes(chromedp.CSS("section.calc"), chromedp.FromNode(frames[0])), &sections))
			if class := sections[0].AttributeValue("class"); strings.Contains(class, "pending") {
				t.Errorf("the section is pending: %q", class)
			}
			sameOutputs(t, "framed, before any interaction", framedOutputs(t, tb, frames[0]), want)
			tb.mu.Lock()
			requests := append([]string(nil), tb.requests...)
			tb.mu.Unlock()
			for _, u := range requests {
				if strings.HasSuffix(u, ".wasm") {
					t.Errorf("the embed fetched %s before any interaction", u)
				}
			}
			if !js {
				return
			}
			// The first load: the rendered page as the edge serves it and
			// every file it fetched before a touch, in brotli at its best.
			res, err := http.Get(site.URL + "/embed/convert/?" + query)
			if err != nil {
				t.Fatal(err)
			}
			page, _ := io.ReadAll(res.Body)
			res.Body.Close()
			total := brotliSize(page)
			for _, u := range requests {
				if !strings.HasPrefix(u, site.URL+"/assets/") {
					continue
				}
				data, err := os.ReadFile(filepath.Join(distDir, filepath.FromSlash(strings.TrimPrefix(u, site.URL))))
				if err != nil {
					t.Fatal(err)
				}
				total += brotliSize(data)
			}
			t.Logf("the preset embed's HTML: %d bytes, %d of brotli; its first load before a touch: %d bytes of brotli", len(page), brotliSize(page), total)
			if total > 60_000 {
				t.Errorf("the preset embed's first load is %d bytes of brotli, over 60 KB", total)
			}
		})
	}
}

// TestScenarioArticle opens an article with a scenario for one of its
// calculators (?convert-1.mw=50): that calculator shows it before any
// interaction, computed over the presets the article's text fixed, as Go
// renders the form's values natively.
func TestScenarioArticle(t *testing.T) {
	tb := newTab(t)
	var q string
	var got []shown
	var scenario, pending bool
	tb.run(t,
		chromedp.Navigate(site.URL+"/mining-vs-ai/?convert-1.mw=50"),
		evaluate(`document.getElementById("convert-1").dataset.scenario !== undefined`, &scenario),
		evaluate(`document.getElementById("convert-1").classList.contains("pending")`, &pending),
		formQuery("convert", &q),
		readOutputs("convert", &got),
	)
	if !scenario || pending || !strings.Contains(q, "mw=50&") {
		t.Errorf("rendered for the scenario %v, pending %v, form %s", scenario, pending, q)
	}
	sameOutputs(t, "convert-1 with mw=50", got, wantOutputs(t, "convert", q))
}

// TestScenarioBadInputShowsTheField: an embed whose URL carries a value
// the calculator refuses shows the field's message beside it before any
// interaction, the field marked invalid, every result a dash, as the page
// script would; a reader who then types a good value gets its numbers.
func TestScenarioBadInputShowsTheField(t *testing.T) {
	tb := newTab(t)
	var message, invalid, lead string
	tb.run(t,
		chromedp.Navigate(site.URL+"/embed/profit/?price=abc"),
		evaluate(`document.getElementById("calc-price-error").textContent`, &message),
		evaluate(`document.getElementById("calc-price").getAttribute("aria-invalid") ?? ""`, &invalid),
		evaluate(`document.querySelector("output[data-key]").value`, &lead),
	)
	if !strings.HasPrefix(message, "Type a number in USD per BTC") || invalid != "true" || lead != "—" {
		t.Errorf("before any interaction: message %q, aria-invalid %q, first result %q", message, invalid, lead)
	}
	tb.run(t, touch(), waitWasm(), retype(`input[name="price"]`, "85000"),
		until(`document.getElementById("calc-price-error").textContent === ""`, 10*time.Second))
	got, want := settled(t, tb, "profit")
	sameOutputs(t, "fixed", got, want)
}

// TestNetlifyRoutesScenariosToTheEdge builds the site for an edge origin
// (a stand-in on loopback: the dev server's handler, which renders what
// the edge does, byte for byte, as wasm/cmd/edge's workerd test holds)
// and serves it with netlify-cli, which reads dist/_redirects as Netlify
// does: a page whose URL sets a calculator's parameter is answered by the
// edge, with the whole query passed on and the page's own policy; a page
// without one, or with parameters of no calculator, is the built file.
func TestNetlifyRoutesScenariosToTheEdge(t *testing.T) {
	var mu sync.Mutex
	var asked []string
	rules, err := server.LoadRules(filepath.Join(repoRoot, "netlify.toml"))
	if err != nil {
		t.Fatal(err)
	}
	dist := t.TempDir()
	renderer := server.Handler(dist, rules, site.URL)
	edge := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		asked = append(asked, r.URL.RequestURI())
		mu.Unlock()
		renderer.ServeHTTP(w, r)
	}))
	defer edge.Close()
	if _, err := gen.Build(gen.Config{Root: repoRoot, Out: dist, BaseURL: site.URL, EdgeOrigin: edge.URL}); err != nil {
		t.Fatal(err)
	}
	base := netlifyDev(t, dist)
	for _, c := range []struct {
		path, csp string
		edge      bool
	}{
		{"/embed/convert/?mw=50&power_price=0.07", gen.EmbedCSP, true},
		{"/vi/embed/profit/?price=85000&currency=VND", gen.EmbedCSP, true},
		{"/embed/profit/?usd_vnd=25000&currency=VND", gen.EmbedCSP, true},
		{"/mining-vs-ai/?convert-1.mw=50", gen.PageCSP, true},
		{"/vi/mining-vs-ai/?convert-2.lease=90&x=1", gen.PageCSP, true},
		{"/embed/convert/", gen.EmbedCSP, false},
		{"/embed/convert/?unrelated=1", gen.EmbedCSP, false},
		{"/mining-vs-ai/?mw=50", gen.PageCSP, false},
	} {
		mu.Lock()
		asked = nil
		mu.Unlock()
		res, err := http.Get(base + c.path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		mu.Lock()
		got := slices.Clone(asked)
		mu.Unlock()
		if c.edge != (len(got) == 1 && got[0] == c.path) {
			t.Errorf("%s: the edge was asked %q", c.path, got)
		}
		if rendered := strings.Contains(string(body), " data-scenario"); res.StatusCode != http.StatusOK || rendered != c.edge {
			t.Errorf("%s: %d, rendered %v", c.path, res.StatusCode, rendered)
		}
		if csp := res.Header.Get("Content-Security-Policy"); csp != c.csp {
			t.Errorf("%s: CSP %q", c.path, csp)
		}
	}
}

// TestScenarioOfflineFallsBack: the service worker never keeps a page
// rendered for a scenario as the page's copy. After a visit to an article
// with a scenario, offline, the article without one shows its own
// numbers, and with one it is the page as built (which computes the
// scenario with its WebAssembly, as before the edge rendered any), never
// the numbers of another scenario.
func TestScenarioOfflineFallsBack(t *testing.T) {
	own := freshSite(t)
	tb := newTab(t)
	tb.origins = append(tb.origins, own.URL)
	var built, rendered string
	lead := `document.querySelector("#convert-1 output[data-key]").dataset.value`
	tb.run(t,
		chromedp.Navigate(own.URL+"/mining-vs-ai/"),
		evaluate(lead, &built),
		touch(), waitWasm(),
		eventually(`navigator.serviceWorker.controller !== null`, 20*time.Second),
		chromedp.Navigate(own.URL+"/mining-vs-ai/?convert-1.hashprice=80"),
		evaluate(lead, &rendered),
		chromedp.Sleep(500*time.Millisecond), // the worker keeps what it keeps
	)
	if rendered == built {
		t.Fatalf("the scenario's first result is the build's, %s", built)
	}
	own.CloseClientConnections()
	own.Close()
	tb.offlineExpected = true
	var offline string
	var scenario bool
	tb.run(t, chromedp.Navigate(own.URL+"/mining-vs-ai/"), evaluate(lead, &offline),
		evaluate(`document.getElementById("convert-1").dataset.scenario !== undefined`, &scenario))
	if offline != built || scenario {
		t.Errorf("offline, the article shows %s (rendered for a scenario: %v), the build %s", offline, scenario, built)
	}
	tb.run(t, chromedp.Navigate(own.URL+"/mining-vs-ai/?convert-1.hashprice=90"), chromedp.Sleep(300*time.Millisecond),
		evaluate(`document.getElementById("convert-1").dataset.scenario !== undefined`, &scenario))
	if scenario {
		t.Errorf("offline, a scenario is served as rendered for another")
	}
}

// TestScenarioReadAsNote: a scenario's number written with a suffix comes
// with the note the page script writes under the field when the reader
// types it, in English and Vietnamese.
func TestScenarioReadAsNote(t *testing.T) {
	for _, c := range []struct{ path, typed string }{
		{"/embed/profit/?price=%2485k", "$85k"},
		{"/vi/embed/profit/?price=85k", "85k"},
	} {
		tb := newTab(t)
		var served, typed string
		tb.run(t,
			chromedp.Navigate(site.URL+c.path),
			evaluate(`document.getElementById("calc-price-understood").textContent`, &served),
			touch(), waitWasm(), retype(`input[name="price"]`, "1"), retype(`input[name="price"]`, c.typed),
		)
		// The page script notes each keystroke's number: wait for the last.
		err := chromedp.Do(tb.ctx, until(fmt.Sprintf(`document.getElementById("calc-price-understood").textContent === %q`, served), 10*time.Second))
		tb.run(t, evaluate(`document.getElementById("calc-price-understood").textContent`, &typed))
		if served == "" || err != nil {
			t.Errorf("%s: the served page notes %q, the page script %q", c.path, served, typed)
		}
	}
}
