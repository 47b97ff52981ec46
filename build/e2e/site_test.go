package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/hashswitch/hashswitch/build/gen"
	"github.com/hashswitch/hashswitch/internal/vectors"
	"github.com/hashswitch/hashswitch/wasm/netdata"
	"github.com/hashswitch/hashswitch/wasm/widget"
)

// shown is an output as the page shows it.
type shown struct {
	Key   string `json:"key"`
	Text  string `json:"text"`
	Value string `json:"value"`
}

// readOutputs returns the outputs of the first calculator called name.
func readOutputs(name string, dst *[]shown) chromedp.Action[chromedp.Void] {
	return evaluate(fmt.Sprintf(`[...document.querySelector('section[data-calc=%q]').querySelectorAll("output[data-key]")]
		.map((o) => ({key: o.dataset.key, text: o.value, value: o.dataset.value}))`, name), dst)
}

// wantOutputs is what package widget renders natively for a scenario.
func wantOutputs(t testing.TB, name, query string) []shown {
	t.Helper()
	r := widget.Lookup(name).Render(netdata.Committed(), query)
	if r.Error != nil {
		t.Fatalf("%s?%s: %+v", name, query, r.Error)
	}
	var out []shown
	for _, v := range r.Values {
		out = append(out, shown{v.Key, v.Text, gen.RawValue(v.Raw)})
	}
	return out
}

// formQuery reads the first calculator called name's form as URL
// parameters: every input, as the page computes from them.
func formQuery(name string, dst *string) chromedp.Action[chromedp.Void] {
	return evaluate(fmt.Sprintf(`new URLSearchParams([...document.querySelector('section[data-calc=%q] form').elements]
		.filter((e) => e.name).map((e) => [e.name, e.value.trim()])).toString()`, name), dst)
}

// settled waits until calculator name shows what Go renders natively for
// the values its form holds now, and returns both.
func settled(t *testing.T, tb *tab, name string) (got, want []shown) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		var q string
		tb.run(t, formQuery(name, &q), readOutputs(name, &got))
		want = wantOutputs(t, name, q)
		if len(got) == len(want) && got[0].Text == want[0].Text || time.Now().After(deadline) {
			return got, want
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func sameOutputs(t *testing.T, what string, got, want []shown) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: %d outputs, want %d", what, len(got), len(want))
		return
	}
	for i := range got {
		// data-value holds JavaScript's String(number); compare numbers as numbers.
		if got[i].Key != want[i].Key || got[i].Text != want[i].Text || !sameNumber(got[i].Value, want[i].Value) {
			t.Errorf("%s: %s shows %q (%s), Go renders %q (%s)", what, got[i].Key, got[i].Text, got[i].Value, want[i].Text, want[i].Value)
		}
	}
}

func sameNumber(a, b string) bool {
	if a == b {
		return true
	}
	var x, y float64
	_, e1 := fmt.Sscan(a, &x)
	_, e2 := fmt.Sscan(b, &y)
	return e1 == nil && e2 == nil && x == y
}

// retype selects what an input holds and types value over it, as a
// person does with the keyboard, firing an input event per key.
func retype(sel, value string) chromedp.Action[chromedp.Void] {
	return chromedp.Steps(
		// An input in a folded group: the reader opens it first.
		evaluate(fmt.Sprintf(`document.querySelector(%q).closest("details")?.setAttribute("open", ""), true`, sel), new(any)),
		chromedp.Focus(chromedp.CSS(sel)),
		evaluate(fmt.Sprintf(`document.querySelector(%q).select()`, sel), new(any)),
		chromedp.KeyEvent(value),
	)
}

// edits are one typed change per calculator, with the scenario it makes.
var edits = []struct{ calc, input, value string }{
	{"hashprice", "price", "42500"},
	{"profit", "power_price", "0.08"},
	{"halving", "height", "1049999"},
	{"convert", "lease", "160"},
	{"attack", "hashrate", "500"},
	{"header", "hex", ""}, // filled with the genesis header below
}

func genesisHex() string {
	headers, _ := vectors.Headers()
	return headers[0].HeaderHex
}

// TestEveryCalculatorComputesTypedInput types into each calculator on the
// calculators page and compares every output with Go's native rendering.
func TestEveryCalculatorComputesTypedInput(t *testing.T) {
	tb := newTab(t)
	tb.run(t, chromedp.Navigate(site.URL+"/calculators/"), touch(), waitWasm(), waitNetwork())
	for _, e := range edits {
		value := e.value
		if e.calc == "header" {
			value = genesisHex()
		}
		sel := fmt.Sprintf(`section[data-calc=%q] [name=%q]`, e.calc, e.input)
		tb.run(t, retype(sel, value), until(fmt.Sprintf(`location.search.includes(%q)`, url.Values{e.input: {value}}.Encode()), 10*time.Second))
		got, want := settled(t, tb, e.calc)
		sameOutputs(t, e.calc+" typed", got, want)
	}
	// The address bar now holds the last scenario, a link to share.
	var href string
	tb.run(t, evaluate(`location.search`, &href))
	if !strings.Contains(href, "header-1.hex="+genesisHex()) || !strings.Contains(href, "hashprice-1.price=42500") {
		t.Errorf("URL after editing: %s", href)
	}
}

// TestURLPresets opens each embed with a preset in its URL, and an article
// with a calc= link, and compares the outputs with Go's rendering.
func TestURLPresets(t *testing.T) {
	tb := newTab(t)
	for _, e := range edits {
		value := e.value
		if e.calc == "header" {
			value = genesisHex()
		}
		q := url.Values{e.input: {value}}.Encode()
		var formQ string
		tb.run(t, chromedp.Navigate(site.URL+"/embed/"+e.calc+"/?"+q), touch(), waitWasm(), waitNetwork(), formQuery(e.calc, &formQ))
		if !strings.Contains(formQ, q) {
			t.Errorf("%s: the preset %s is not in the form: %s", e.calc, q, formQ)
		}
		got, want := settled(t, tb, e.calc)
		sameOutputs(t, e.calc+" preset", got, want)
	}
	q := "power_price=0.03&pool_fee=0"
	want := wantOutputs(t, "profit", q)
	var got []shown
	tb.run(t,
		chromedp.Navigate(site.URL+"/calculators/?calc=profit&"+q),
		waitWasm(),
		until(fmt.Sprintf(`document.querySelector('section[data-calc="profit"] output[data-key=%q]').value === %q`, want[0].Key, want[0].Text), 10*time.Second),
		readOutputs("profit", &got),
	)
	sameOutputs(t, "article preset", got, want)
}

// TestDarkParameter: dark=true and dark=false override the system theme.
func TestDarkParameter(t *testing.T) {
	tb := newTab(t)
	var dark, light string
	tb.run(t,
		chromedp.Navigate(site.URL+"/embed/hashprice/?dark=true"),
		evaluate(`getComputedStyle(document.body).backgroundColor`, &dark),
		chromedp.Navigate(site.URL+"/embed/hashprice/?dark=false"),
		evaluate(`getComputedStyle(document.body).backgroundColor`, &light),
	)
	if dark != "rgb(21, 21, 19)" || light != "rgb(253, 252, 249)" {
		t.Errorf("dark=true gives %s, dark=false %s", dark, light)
	}
}

// TestPageWaitsForATouch: the home page, whose figures are the ones it was
// built with, shows its prerendered numbers and fetches no WebAssembly, nor
// Go's wasm_exec.js, until the reader touches a calculator; a keystroke
// then computes in Go.
// (With newer figures a worker computes them and the page's Go still
// waits: TestNewerFiguresOffTheMainThread.)
func TestPageWaitsForATouch(t *testing.T) {
	tb := newTab(t)
	var loaded []string
	var state string
	want := wantOutputs(t, "hashprice", "price=42500")
	tb.run(t,
		chromedp.Navigate(site.URL+"/"),
		until(`performance.getEntriesByName(location.origin + "/api/v1/network").length > 0`, 10*time.Second),
		chromedp.Sleep(1500*time.Millisecond),
		evaluate(`performance.getEntriesByType("resource").map((r) => new URL(r.name).pathname).filter((p) => p.endsWith(".wasm") || p.includes("wasm_exec"))`, &loaded),
		evaluate(`String(document.documentElement.dataset.wasm)`, &state),
	)
	if len(loaded) != 0 || state != "undefined" {
		t.Errorf("before a touch the page loaded %v, its wasm %s", loaded, state)
	}
	tb.run(t,
		retype(`section[data-calc="hashprice"] [name="price"]`, "42500"),
		waitWasm(),
		until(fmt.Sprintf(`document.querySelector('section[data-calc="hashprice"] output[data-key=hashprice_usd_per_ph_day]').value === %q`, want[0].Text), 10*time.Second),
	)
}

// TestBadInputShowsErrorAndRecovers types garbage, expects the field named
// in an inline error, then fixes it and expects results again.
func TestBadInputShowsErrorAndRecovers(t *testing.T) {
	tb := newTab(t)
	sel := `section[data-calc="hashprice"] [name="price"]`
	var summary, fieldErr, invalid, lead string
	tb.run(t,
		chromedp.Navigate(site.URL+"/embed/hashprice/"),
		touch(),
		waitWasm(),
		retype(sel, "85,00"),
		until(`document.getElementById("calc-price-error").textContent.includes('"85,00"')`, 10*time.Second),
		evaluate(`document.querySelector(".calc-error").textContent`, &summary),
		evaluate(`document.getElementById("calc-price-error").textContent`, &fieldErr),
		evaluate(`document.getElementById("calc-price").getAttribute("aria-invalid")`, &invalid),
		evaluate(`document.querySelector("output[data-key=hashprice_usd_per_ph_day]").value`, &lead),
	)
	if summary != "" || !strings.HasPrefix(fieldErr, "Type a number in USD per BTC, like 85,000") || !strings.Contains(fieldErr, `"85,00"`) || invalid != "true" || lead != "—" {
		t.Errorf("error shown as %q / %q, aria-invalid %q, lead %q", summary, fieldErr, invalid, lead)
	}
	want := wantOutputs(t, "hashprice", "price=85000")
	var got []shown
	tb.run(t,
		retype(sel, "$85k"), // as people write it: computes like 85000
		until(fmt.Sprintf(`document.querySelector("output[data-key=hashprice_usd_per_ph_day]").value === %q`, want[0].Text), 10*time.Second),
		readOutputs("hashprice", &got),
		evaluate(`String(document.getElementById("calc-price").getAttribute("aria-invalid"))`, &invalid),
	)
	sameOutputs(t, "after fixing", got, want)
	if invalid != "null" {
		t.Errorf("aria-invalid stays %q", invalid)
	}
}

// TestKeyboardOnly reaches an input with Tab and changes it with keys.
// The answer comes first (its glossary links and folds), then the form,
// whose first input is the first field Tab reaches.
func TestKeyboardOnly(t *testing.T) {
	tb := newTab(t)
	var focused string
	tb.run(t, chromedp.Navigate(site.URL+"/embed/hashprice/"))
	for range 8 {
		tb.run(t, chromedp.KeyEvent("\t"), evaluate(`document.activeElement.name || ""`, &focused))
		if focused != "" {
			break
		}
	}
	tb.run(t, waitWasm())
	if focused != "price" {
		t.Fatalf("the first field Tab reaches is %q, want the price input", focused)
	}
	want := wantOutputs(t, "hashprice", "price=850001")
	var value string
	tb.run(t,
		chromedp.KeyEvent(kb.End),
		chromedp.KeyEvent("1"),
		evaluate(`document.activeElement.value`, &value),
	)
	if value != "850001" {
		t.Fatalf("typed into the price: %q", value)
	}
	tb.run(t, until(fmt.Sprintf(`document.querySelector("output[data-key=hashprice_usd_per_ph_day]").value === %q`, want[0].Text), 10*time.Second))
}

// TestOfflineAfterOneVisit visits the site once, stops its server, and
// reloads: the service worker's cache serves the page, the WebAssembly
// starts, and the calculators still compute.
func TestOfflineAfterOneVisit(t *testing.T) {
	own := freshSite(t)
	tb := newTab(t)
	tb.origins = append(tb.origins, own.URL)
	tb.offlineExpected = true
	tb.run(t,
		chromedp.Navigate(own.URL+"/calculators/"),
		touch(), waitWasm(),
		evaluate(`navigator.serviceWorker.ready.then(() => true)`, new(bool)),
		eventually(`navigator.serviceWorker.controller !== null`, 20*time.Second), // clients.claim()
	)
	own.CloseClientConnections()
	own.Close()
	want := wantOutputs(t, "hashprice", "price=42500")
	var title string
	tb.run(t,
		chromedp.Navigate(own.URL+"/calculators/"),
		touch(), waitWasm(),
		evaluate(`document.title`, &title),
		retype(`section[data-calc="hashprice"] [name="price"]`, "42500"),
		until(fmt.Sprintf(`document.querySelector('section[data-calc="hashprice"] output[data-key="hashprice_usd_per_ph_day"]').value === %q`, want[0].Text), 10*time.Second),
	)
	if !strings.HasPrefix(title, "All the calculators") {
		t.Errorf("offline title %q", title)
	}
	// Another page, never opened, comes from the precache too.
	tb.run(t, chromedp.Navigate(own.URL+"/embed/attack/"), touch(), waitWasm(), evaluate(`document.title`, &title))
	if !strings.HasPrefix(title, "The cost of a 51% attack") {
		t.Errorf("precached page title %q", title)
	}
	// A Vietnamese page, never opened, computes offline in Vietnamese: 42.500
	// is 42500, and the result reads as the English one does, the Vietnamese way.
	viWant := strings.Replace(want[0].Text, ".", ",", 1)[1:] + " USD" // $18.01 -> 18,01 USD
	tb.run(t,
		chromedp.Navigate(own.URL+"/vi/hashprice/"),
		touch(), waitWasm(),
		evaluate(`document.title`, &title),
		retype(`#hashprice-1 [name="price"]`, "42.500"),
		until(fmt.Sprintf(`document.querySelector('#hashprice-1 output[data-key="hashprice_usd_per_ph_day"]').value === %q`, viWant), 10*time.Second),
	)
	if !strings.HasPrefix(title, "Hashprice là gì") {
		t.Errorf("offline Vietnamese page %q", title)
	}
}

// TestEmbedOnAnotherOrigin puts two embeds in a page of another origin, one
// in an iframe sandboxed with allow-scripts alone (no storage, opaque
// origin): embed.js resizes both, neither starts its WebAssembly on its
// own, and each does when the reader clicks it.
func TestEmbedOnAnotherOrigin(t *testing.T) {
	tb := newTab(t)
	host := newsPage(t, tb, "en", fmt.Sprintf(`<p>An article.</p>
<iframe id="plain" src="%[1]s/embed/hashprice/?price=60000" title="Hashprice" width="100%%" height="100"></iframe>
<iframe id="sandboxed" src="%[1]s/embed/profit/" title="Profit" width="100%%" height="100" sandbox="allow-scripts"></iframe>
`, site.URL)+readyLog())
	var live []string
	var plain, sandboxed float64
	tb.run(t,
		chromedp.Navigate(host.URL+"/"),
		until(`document.getElementById("plain").getBoundingClientRect().height > 400 &&
			document.getElementById("sandboxed").getBoundingClientRect().height > 400`, 10*time.Second),
		chromedp.Sleep(time.Second),
		evaluate(`window.live`, &live),
	)
	if len(live) != 0 {
		t.Errorf("embeds went live before the reader touched them: %v", live)
	}
	// A keyboard reader tabs through the article: each embed goes live as
	// focus enters it.
	for i := 0; i < 80; i++ {
		tb.run(t, chromedp.KeyEvent("\t"), evaluate(`window.live`, &live))
		if len(live) == 2 {
			break
		}
	}
	if err := chromedp.Do(tb.ctx, until(`window.live && window.live.length === 2`, 30*time.Second)); err != nil {
		var state []string
		var active string
		chromedp.Do(tb.ctx, evaluate(`window.live`, &state))
		chromedp.Do(tb.ctx, evaluate(`document.activeElement.id + " " + JSON.stringify([...document.querySelectorAll("iframe")].map(f => f.getBoundingClientRect().toJSON()))`, &active))
		t.Fatalf("after the clicks, live: %v, active %s (%v); problems %v", state, active, err, tb.problems)
	}
	tb.run(t,
		evaluate(`window.live`, &live),
		evaluate(`document.getElementById("plain").getBoundingClientRect().height`, &plain),
		evaluate(`document.getElementById("sandboxed").getBoundingClientRect().height`, &sandboxed),
	)
	joined := strings.Join(live, ",")
	if !strings.Contains(joined, "hashprice "+site.URL) || !strings.Contains(joined, "profit null") {
		t.Errorf("ready messages %v", live)
	}
	t.Logf("iframes resized to %.0f and %.0f px", plain, sandboxed)
}

// TestPagesCannotBeFramedButEmbedsCan loads a page and an embed in iframes
// of another origin: the browser refuses the page (CSP frame-ancestors
// 'none') and shows the embed.
func TestPagesCannotBeFramedButEmbedsCan(t *testing.T) {
	tb := newTab(t)
	host := newsPage(t, tb, "en", fmt.Sprintf(`<iframe id="page" src="%[1]s/calculators/"></iframe><iframe id="embed" src="%[1]s/embed/halving/"></iframe>
<iframe id="missing" src="%[1]s/no-such-page/"></iframe><iframe id="vi-embed" src="%[1]s/vi/embed/profit/"></iframe>`, site.URL))
	tb.framingRefusalExpected = true
	tb.httpErrorsExpected = true
	tb.run(t, chromedp.Navigate(host.URL+"/"), chromedp.Sleep(2*time.Second))
	tree, err := chromedp.Run(tb.ctx, func(ctx context.Context, target *chromedp.Target) (page.GetFrameTreeResult, error) {
		return cdp.Call(ctx, target, page.GetFrameTree, cdp.Empty{})
	})
	if err != nil {
		t.Fatal(err)
	}
	frames := map[string]string{} // requested URL -> what loaded
	for _, child := range tree.FrameTree.ChildFrames {
		f := child.Frame
		if f.UnreachableURL != "" {
			frames[f.UnreachableURL] = "refused"
		} else {
			frames[f.URL] = "loaded"
		}
	}
	// The 404 page, which answers every unknown path, is refused too (it
	// could be framed).
	if frames[site.URL+"/calculators/"] != "refused" || frames[site.URL+"/embed/halving/"] != "loaded" ||
		frames[site.URL+"/no-such-page/"] != "refused" || frames[site.URL+"/vi/embed/profit/"] != "loaded" {
		t.Errorf("frames: %v", frames)
	}
}

// TestUpdatePrompt deploys a new version under an open page: the page
// offers to reload, the reload brings the new service worker, and the old
// cache is gone.
func TestUpdatePrompt(t *testing.T) {
	dir := t.TempDir()
	if _, err := gen.Build(gen.Config{Root: repoRoot, Out: dir}); err != nil {
		t.Fatal(err)
	}
	own := httptest.NewServer(siteHandler(t, dir))
	defer own.Close()
	tb := newTab(t, chromedp.WithNewBrowserContext())
	tb.origins = append(tb.origins, own.URL)
	var before []string
	tb.run(t,
		chromedp.Navigate(own.URL+"/vi/calculators/"), // a Vietnamese page: the prompt speaks it
		touch(), waitWasm(),
		evaluate(`navigator.serviceWorker.ready.then(() => true)`, new(bool)),
		eventually(`navigator.serviceWorker.controller !== null`, 20*time.Second), // clients.claim()
		waitWasm(),
		evaluate(`caches.keys().then((k) => k.filter((x) => x.startsWith("hashswitch-")))`, &before),
	)
	// The new deploy: a service worker with another version.
	sw, err := os.ReadFile(filepath.Join(dir, "sw.js"))
	if err != nil {
		t.Fatal(err)
	}
	next := regexp.MustCompile(`const VERSION = "[^"]*"`).ReplaceAll(sw, []byte(`const VERSION = "next"`))
	if err := os.WriteFile(filepath.Join(dir, "sw.js"), next, 0o644); err != nil {
		t.Fatal(err)
	}
	// The file server's Last-Modified has one-second steps; a deploy is later.
	later := time.Now().Add(time.Minute)
	if err := os.Chtimes(filepath.Join(dir, "sw.js"), later, later); err != nil {
		t.Fatal(err)
	}
	var origin1, origin2 float64
	var after []string
	tb.run(t, chromedp.Reload())
	tb.run(t, touch(), waitWasm())
	tb.run(t, evaluate(`performance.timeOrigin`, &origin1))
	if err := chromedp.Do(tb.ctx, eventually(`!document.getElementById("update").hidden`, 10*time.Second)); err != nil {
		var state string
		chromedp.Do(tb.ctx, evaluate(`navigator.serviceWorker.getRegistration().then((r) => JSON.stringify({waiting: !!r.waiting, installing: r.installing && r.installing.state, active: r.active && r.active.state, controlled: !!navigator.serviceWorker.controller}))`, &state))
		t.Fatalf("no update prompt: %v; registration %s", err, state)
	}
	var prompt string
	tb.run(t, evaluate(`document.getElementById("update").textContent`, &prompt))
	if !strings.Contains(prompt, "Đã có phiên bản mới của Hashswitch.") || !strings.Contains(prompt, "Tải lại để cập nhật") {
		t.Errorf("the Vietnamese page's prompt: %q", prompt)
	}
	// A click through the protocol would wait on a page that reloads under it.
	tb.run(t, evaluate(`document.getElementById("update-reload").click(), true`, new(bool)))
	tb.run(t, eventually(fmt.Sprintf(`performance.timeOrigin !== %v && document.readyState === "complete"`, origin1), 20*time.Second))
	tb.run(t, touch(), waitWasm())
	tb.run(t, evaluate(`performance.timeOrigin`, &origin2))
	tb.run(t, eventually(`caches.keys().then((k) => (k = k.filter((x) => x.startsWith("hashswitch-")), k.length === 1 && k[0] === "hashswitch-next"))`, 10*time.Second))
	tb.run(t, evaluate(`caches.keys()`, &after))
	if len(before) != 1 || before[0] == "hashswitch-next" {
		t.Errorf("caches before %v, after %v", before, after)
	}
}

// TestPagesWithoutCalculatorsLoadNoWebAssembly: an article with nothing
// to compute does not download the 4 MB of WebAssembly.
func TestPagesWithoutCalculatorsLoadNoWebAssembly(t *testing.T) {
	tb := newTab(t, chromedp.WithNewBrowserContext())
	var wasm []string
	tb.run(t,
		chromedp.Navigate(site.URL+"/embed-this/"),
		chromedp.Sleep(500*time.Millisecond),
		evaluate(`performance.getEntriesByType("resource").map((r) => r.name).filter((n) => n.endsWith(".wasm"))`, &wasm),
	)
	if len(wasm) != 0 {
		t.Errorf("fetched %v", wasm)
	}
}

// TestEveryControlIsLabelled walks every page that has calculators: each
// input has a label (with its unit), each result an accessible name, and
// each chart a title.
func TestEveryControlIsLabelled(t *testing.T) {
	tb := newTab(t)
	for _, path := range []string{"/", "/calculators/", "/api/"} {
		var problems []string
		tb.run(t,
			chromedp.Navigate(site.URL+path),
			touch(), waitWasm(),
			evaluate(`(() => {
				const bad = [];
				for (const el of document.querySelectorAll("input, textarea")) {
					if (el.labels.length === 0) bad.push("input without label: " + (el.name || el.id));
				}
				for (const el of document.querySelectorAll(".calc input[name], .calc textarea")) {
					if (!el.labels[0].querySelector(".unit")?.textContent.trim()) bad.push("label without unit: " + el.id);
				}
				for (const out of document.querySelectorAll("output")) {
					const by = out.getAttribute("aria-labelledby");
					if (!(by && document.getElementById(by)?.textContent.trim()) && !out.getAttribute("aria-label") && !out.labels?.length) bad.push("output without a name: " + (out.dataset.key || out.className));
				}
				for (const svg of document.querySelectorAll("svg.chart")) {
					if (!svg.querySelector("title")?.textContent.trim()) bad.push("chart without title");
				}
				return bad;
			})()`, &problems),
		)
		for _, p := range problems {
			t.Errorf("%s: %s", path, p)
		}
	}
}

// TestEmbedIsAGuest: an embed in a news page downloads no WebAssembly and
// installs no service worker until the reader touches it; with presets
// and no edge to render them (the page as built) it says its numbers are
// pending instead of showing the defaults'; touched, it computes the
// preset scenario, and still caches nothing in the reader's storage.
func TestEmbedIsAGuest(t *testing.T) {
	own := withoutEdge(t)
	tb := newTab(t)
	tb.origins = append(tb.origins, own.URL)
	var pending bool
	var lead string
	var registered bool
	var caches float64
	tb.run(t,
		chromedp.Navigate(own.URL+"/embed/hashprice/?price=50000"),
		chromedp.Sleep(1500*time.Millisecond),
		evaluate(`document.querySelector("section.calc").classList.contains("pending")`, &pending),
		evaluate(`document.querySelector("output[data-key=hashprice_usd_per_ph_day]").value`, &lead),
		evaluate(`navigator.serviceWorker.getRegistration().then((r) => !!r)`, &registered),
		evaluate(`caches.keys().then((k) => k.length)`, &caches),
	)
	tb.mu.Lock()
	before := append([]string(nil), tb.requests...)
	tb.mu.Unlock()
	for _, u := range before {
		if strings.HasSuffix(u, ".wasm") {
			t.Errorf("the embed fetched %s before the reader touched it", u)
		}
	}
	if !pending || lead != "…" || registered || caches != 0 {
		t.Errorf("before the touch: pending %v, lead %q, service worker %v, %v caches", pending, lead, registered, caches)
	}
	tb.run(t, touch(), waitWasm(), waitNetwork(),
		evaluate(`document.querySelector("section.calc").classList.contains("pending")`, &pending),
		evaluate(`navigator.serviceWorker.getRegistration().then((r) => !!r)`, &registered),
		evaluate(`caches.keys().then((k) => k.length)`, &caches),
	)
	got, want := settled(t, tb, "hashprice")
	sameOutputs(t, "touched", got, want)
	if pending || registered || caches != 0 {
		t.Errorf("after the touch: pending %v, service worker %v, %v caches", pending, registered, caches)
	}
}

// TestOfflineNeverBreaks: after one visit, offline, every name of a page
// opens it (/x, /x/, /x/index.html, with any query), the API page works,
// an unknown page gets the offline page, the miner mines, and twenty
// visits with different presets add nothing to the cache.
func TestOfflineNeverBreaks(t *testing.T) {
	own := freshSite(t)
	tb := newTab(t)
	tb.origins = append(tb.origins, own.URL)
	tb.httpErrorsExpected = true
	entries := `caches.keys().then((keys) => Promise.all(keys.filter((k) => k.startsWith("hashswitch-")).map((k) => caches.open(k).then((c) => c.keys())))).then((l) => l.flat().length)`
	var before, after float64
	tb.run(t,
		chromedp.Navigate(own.URL+"/hashprice/"),
		touch(), waitWasm(),
		eventually(`navigator.serviceWorker.controller !== null`, 20*time.Second),
	)
	for i := 0; i <= 20; i++ {
		tb.run(t, chromedp.Navigate(fmt.Sprintf("%s/hashprice/?calc=hashprice&price=%d", own.URL, 50000+i)), waitWasm())
		if i == 0 { // now the page and what it fetches once (the manifest) are kept
			tb.run(t, evaluate(entries, &before))
		}
	}
	tb.run(t, evaluate(entries, &after))
	if after != before {
		var keys []string
		tb.run(t, evaluate(`caches.keys().then((keys) => Promise.all(keys.filter((k) => k.startsWith("hashswitch-")).map((k) => caches.open(k).then((c) => c.keys())))).then((l) => l.flat().map((r) => new URL(r.url).pathname + new URL(r.url).search))`, &keys))
		t.Errorf("the cache held %v entries, and %v after 20 presets: %v", before, after, keys)
	}
	own.CloseClientConnections()
	own.Close()
	tb.offlineExpected = true
	for _, c := range []struct{ path, title string }{
		{"/hashprice", "Hashprice, explained"},
		{"/hashprice/index.html", "Hashprice, explained"},
		{"/hashprice/?calc=hashprice&price=1", "Hashprice, explained"},
		{"/api/", "The calculator API"},
		{"/never-built/", "Offline"},
		{"/vi/halving", "Halving"},
		{"/vi/never-built/", "Ngoại tuyến"}, // the offline page in the reader's language
	} {
		var title string
		tb.run(t, chromedp.Navigate(own.URL+c.path), evaluate(`document.title`, &title))
		if !strings.HasPrefix(title, c.title) {
			t.Errorf("offline %s: title %q, want %q", c.path, title, c.title)
		}
	}
	var rate string
	tb.run(t,
		chromedp.Navigate(own.URL+"/proof-of-work/"),
		touch(), waitWasm(),
		chromedp.Click(chromedp.CSS(".miner-start")),
	)
	if err := chromedp.Do(tb.ctx, until(`/H\/s$/.test(document.querySelector(".miner-rate").value)`, 20*time.Second)); err != nil {
		var status string
		chromedp.Do(tb.ctx, evaluate(`document.querySelector(".miner-status").textContent + " | " + document.querySelector(".miner-rate").value`, &status))
		t.Fatalf("offline, the miner: %s (%v); problems %v", status, err, tb.problems)
	}
	tb.run(t, evaluate(`document.querySelector(".miner-rate").value`, &rate))
	t.Logf("offline, the miner runs at %s", rate)
}

// TestPrintAndNotFound: printed, a page hides its navigation and the
// calculators' inputs and keeps results, charts and sources; an unknown
// path is the site's 404 page with status 404.
func TestPrintAndNotFound(t *testing.T) {
	tb := newTab(t)
	var shown map[string]bool
	tb.run(t,
		chromedp.Navigate(site.URL+"/hashprice/"),
		chromedp.Func(func(ctx context.Context, target *chromedp.Target) error {
			_, err := cdp.Call(ctx, target, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
			return err
		}),
		evaluate(`Object.fromEntries(["header.site", "nav", "form.calc-form", ".results", ".chart-box", ".sources", "footer.site"].map((s) =>
			[s, getComputedStyle(document.querySelector(s)).display !== "none"]))`, &shown),
	)
	for sel, want := range map[string]bool{"header.site": false, "nav": false, "form.calc-form": false, ".results": true, ".chart-box": true, ".sources": true, "footer.site": false} {
		if shown[sel] != want {
			t.Errorf("printed, %s shown %v", sel, shown[sel])
		}
	}
	// The results folded behind "All results (n)" are on paper too.
	var folded []bool
	tb.run(t, evaluate(`[...document.querySelectorAll(".all-results output")].map((o) => o.checkVisibility())`, &folded))
	if len(folded) == 0 || slices.Contains(folded, false) {
		t.Errorf("printed, whether each folded result shows: %v", folded)
	}
	res, err := http.Get(site.URL + "/no-such-page/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 404 || !strings.Contains(string(body), "<h1>Page not found</h1>") || !strings.Contains(string(body), "/assets/style.") {
		t.Errorf("404: %d %.200s", res.StatusCode, body)
	}
}

// TestShareOneCalculator: the share link of the second hashprice calculator
// on /hashprice/ sets only that calculator and scrolls to it; the first
// keeps its numbers, and so does the prose.
func TestShareOneCalculator(t *testing.T) {
	tb := newTab(t)
	var link, firstBefore, prose string
	tb.run(t,
		chromedp.Navigate(site.URL+"/hashprice/"),
		touch(), waitWasm(), waitNetwork(),
		evaluate(`document.querySelector("#hashprice-1 output[data-key=hashprice_usd_per_ph_day]").value`, &firstBefore),
		evaluate(`document.querySelector("article data.computed").textContent`, &prose),
		retype(`#hashprice-2 [name="price"]`, "50000"),
		until(`document.querySelector("#hashprice-2 a.share").href.includes("hashprice-2.price=50000")`, 10*time.Second),
		evaluate(`document.querySelector("#hashprice-2 a.share").href`, &link),
	)
	if strings.Contains(link, "hashprice-1.") || !strings.HasSuffix(link, "#hashprice-2") {
		t.Errorf("share link %s", link)
	}
	var first, second, proseAfter, fees string
	var top float64
	tb.run(t,
		chromedp.Navigate(link),
		waitWasm(), waitNetwork(),
		evaluate(`document.querySelector("#hashprice-1 output[data-key=hashprice_usd_per_ph_day]").value`, &first),
		evaluate(`document.querySelector("#hashprice-2 [name=price]").value`, &second),
		evaluate(`document.querySelector("#hashprice-2 [name=fees]").value`, &fees),
		evaluate(`document.querySelector("article data.computed").textContent`, &proseAfter),
		evaluate(`document.getElementById("hashprice-2").getBoundingClientRect().top`, &top),
	)
	if first != firstBefore || second != "50000" || fees != "0.5" || proseAfter != prose {
		t.Errorf("after the link: first %q (was %q), second price %q fees %q, prose %q (was %q)", first, firstBefore, second, fees, proseAfter, prose)
	}
	if top < -5 || top > 200 {
		t.Errorf("the link did not scroll to the calculator: its top is at %v px", top)
	}
	got, want := settled(t, tb, "hashprice")
	sameOutputs(t, "first, untouched", got, want)
}

// TestOEmbedDiscovery does what a CMS does with an article URL pasted by an
// editor: it finds the oEmbed discovery link in the page, asks for the
// JSON, and inserts its HTML into a page of another origin, where the
// iframe shows the calculator and resizes.
func TestOEmbedDiscovery(t *testing.T) {
	get := func(u string) string {
		t.Helper()
		res, err := http.Get(u)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		if res.StatusCode != 200 {
			t.Fatalf("%s: %d", u, res.StatusCode)
		}
		return string(b)
	}
	page := get(site.URL + "/mining-vs-ai/")
	m := regexp.MustCompile(`<link rel="alternate" type="application/json\+oembed" href="([^"]+)"`).FindStringSubmatch(page)
	if m == nil {
		t.Fatal("no oEmbed discovery link in the article")
	}
	var o struct{ Type, HTML string }
	if err := json.Unmarshal([]byte(get(html.UnescapeString(m[1]))), &o); err != nil || o.Type != "rich" || !strings.Contains(o.HTML, site.URL+"/embed/convert/") {
		t.Fatalf("oEmbed %s: %+v %v", m[1], o, err)
	}
	tb := newTab(t)
	host := newsPage(t, tb, "en", "<p>A post.</p>"+o.HTML)
	var height float64
	tb.run(t,
		chromedp.Navigate(host.URL+"/"),
		until(`document.querySelector("iframe").getBoundingClientRect().height > 720`, 20*time.Second),
		evaluate(`document.querySelector("iframe").getBoundingClientRect().height`, &height),
	)
	t.Logf("the inserted embed resized to %.0f px", height)
}

// TestEmbedDialog: the second calculator's Embed opens a dialog whose code
// carries its scenario and the chosen theme; Escape closes it and gives
// focus back; the code, pasted in a page of another origin, shows that
// scenario.
func TestEmbedDialog(t *testing.T) {
	tb := newTab(t)
	var open bool
	var code, focused string
	tb.run(t,
		chromedp.Navigate(site.URL+"/hashprice/"),
		touch(), waitWasm(), waitNetwork(),
		retype(`#hashprice-2 [name="price"]`, "50000"),
		until(`document.querySelector("#hashprice-2 a.embed-link").href.includes("price=50000")`, 10*time.Second),
		chromedp.Click(chromedp.CSS(`#hashprice-2 a.embed-link`)),
		evaluate(`document.getElementById("embed-dialog").open`, &open),
		chromedp.Click(chromedp.CSS(`#embed-dialog input[value="true"]`)),
		evaluate(`document.getElementById("embed-code").value`, &code),
		chromedp.KeyEvent(kb.Escape),
		evaluate(`document.activeElement.closest("section") && document.activeElement.closest("section").id + " " + document.activeElement.className`, &focused),
	)
	if !open || !strings.Contains(code, `src="`+site.URL+`/embed/hashprice/?`) || !strings.Contains(code, "price=50000") ||
		!strings.Contains(code, "fees=0.5") || !strings.Contains(code, "dark=true") || !strings.Contains(code, site.URL+"/embed.js") {
		t.Fatalf("dialog open %v, code %s", open, code)
	}
	if !strings.HasPrefix(focused, "hashprice-2 embed-link") {
		t.Errorf("after Escape the focus is on %q", focused)
	}
	host := newsPage(t, tb, "en", "<p>A story.</p>"+code)
	var src string
	tb.run(t,
		chromedp.Navigate(host.URL+"/"),
		until(`document.querySelector("iframe").getBoundingClientRect().height > 720`, 20*time.Second),
		evaluate(`document.querySelector("iframe").src`, &src),
	)
	tb.run(t, chromedp.Navigate(src), touch(), waitWasm(), waitNetwork())
	var price, theme string
	tb.run(t,
		evaluate(`document.querySelector("[name=price]").value`, &price),
		evaluate(`document.documentElement.dataset.theme`, &theme),
	)
	got, want := settled(t, tb, "hashprice")
	sameOutputs(t, "the pasted embed", got, want)
	if price != "50000" || theme != "dark" {
		t.Errorf("the pasted embed shows price %q, theme %q", price, theme)
	}
	// The same scenario in Vietnamese: the code names the Vietnamese
	// embed and title.
	var vi string
	tb.run(t,
		chromedp.Navigate(site.URL+"/hashprice/"),
		chromedp.Click(chromedp.CSS(`#hashprice-2 a.embed-link`)),
		chromedp.Click(chromedp.CSS(`#embed-dialog input[name="embed-lang"][value="vi"]`)),
		evaluate(`document.getElementById("embed-code").value`, &vi),
	)
	if !strings.Contains(vi, `src="`+site.URL+`/vi/embed/hashprice/?`) || !strings.Contains(vi, `title="Hashprice"`) {
		t.Errorf("the Vietnamese code: %s", vi)
	}
}

// TestPhone: at 320 CSS px every chart shows its narrow drawing with text
// of 11 px or more, a calculator's results come before its inputs, and a
// long form folds its later groups.
func TestPhone(t *testing.T) {
	tb := newTab(t)
	var smallest float64
	var charts int
	var resultsFirst, folded bool
	tb.run(t,
		chromedp.EmulateViewport(320, 640),
		chromedp.Navigate(site.URL+"/calculators/"),
		touch(), waitWasm(), waitNetwork(),
		evaluate(`[...document.querySelectorAll("svg.chart")].filter((s) => s.getBoundingClientRect().width > 0).length`, &charts),
		evaluate(`Math.min(...[...document.querySelectorAll("svg.chart")].filter((s) => s.getBoundingClientRect().width > 0).flatMap((svg) => {
			const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
			return [...svg.querySelectorAll("text")].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
		}))`, &smallest),
		evaluate(`(() => { const s = document.querySelector('section[data-calc="convert"]');
			return s.querySelector(".results").getBoundingClientRect().top < s.querySelector("form").getBoundingClientRect().top; })()`, &resultsFirst),
		evaluate(`!document.querySelector('section[data-calc="convert"] details.more-inputs').open`, &folded),
	)
	if charts < 6 || smallest < 11 {
		t.Errorf("%d charts shown at 320 px; the smallest text is %.1f px", charts, smallest)
	}
	if !resultsFirst || !folded {
		t.Errorf("results first %v, later inputs folded %v", resultsFirst, folded)
	}
}
