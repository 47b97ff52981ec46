package e2e

import (
	"fmt"
	"math"
	"net/http"
	"net/http/httptest"
	"path"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/hashswitch/hashswitch/wasm/api"
	"github.com/hashswitch/hashswitch/wasm/netdata"
)

// liveSite serves the site, built from the committed late-2025 snapshot,
// with an API whose live figures are snap: a host that refreshed them.
// Answers to /api/v1/network wait delay first.
func liveSite(t testing.TB, snap netdata.Snapshot, delay time.Duration) *httptest.Server {
	t.Helper()
	h := siteHandler(t, distDir, api.WithLive(func() (netdata.Snapshot, error) { return snap, nil }))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/api/v1/network" {
			time.Sleep(delay)
		}
		h.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// liveSnapshot is a refresh of a few minutes ago: a fixture.
func liveSnapshot() netdata.Snapshot {
	s := netdata.Committed()
	now := time.Now().Add(-3 * time.Minute).Truncate(time.Second)
	s.AsOf, s.Time, s.TipTime = now.UTC().Format(time.DateOnly), now.Unix(), now.Unix()
	s.Height, s.PriceUSD, s.FeesBTC, s.Fixture = 978_123, 91_234, 0.031, true
	s.Source, s.UsdVnd = netdata.LiveSource, 26_500
	s.Figures = map[string]netdata.Figure{}
	for _, f := range []string{"height", "difficulty", "hashrate", "fees", "price", "usd_vnd"} {
		s.Figures[f] = netdata.Figure{Source: "fixture", Time: now.Unix()}
	}
	return s
}

func inputValue(calc, name string, dst *string) chromedp.Action[chromedp.Void] {
	return evaluate(fmt.Sprintf(`document.querySelector('section[data-calc=%q] [name=%q]').value`, calc, name), dst)
}

func freshness(calc string, text *string, warn *bool) chromedp.Action[chromedp.Void] {
	return chromedp.Steps(
		evaluate(fmt.Sprintf(`document.querySelector('section[data-calc=%q] .freshness').textContent`, calc), text),
		evaluate(fmt.Sprintf(`document.querySelector('section[data-calc=%q] .freshness').classList.contains("warn")`, calc), warn),
	)
}

// TestPageGoesLive: a page built from the year-old snapshot takes the live
// figures, recomputes, and says so; a preset input keeps its value.
func TestPageGoesLive(t *testing.T) {
	srv := liveSite(t, liveSnapshot(), 0)
	tb := newTab(t)
	tb.origins = append(tb.origins, srv.URL)
	var prerendered, price, fees, text string
	var warn bool
	tb.run(t,
		chromedp.Navigate(srv.URL+"/hashprice/?calc=hashprice&fees=0.5"),
		// What the page was built with, as served (by the time a script
		// could read the DOM, the live figures may already be in it).
		evaluate(`fetch(location.href).then((r) => r.text()).then((html) =>
			new DOMParser().parseFromString(html, "text/html").querySelector('section[data-calc="hashprice"] .freshness').textContent)`, &prerendered),
		waitWasm(), waitNetwork(),
		inputValue("hashprice", "price", &price),
		inputValue("hashprice", "fees", &fees),
		freshness("hashprice", &text, &warn),
	)
	if !strings.HasPrefix(prerendered, "Figures from 25 Nov 2025") {
		t.Errorf("prerendered freshness %q", prerendered)
	}
	if price != "91234" || fees != "0.5" {
		t.Errorf("price %q (want the live 91234), fees %q (want the preset 0.5)", price, fees)
	}
	if !strings.HasPrefix(text, "Live: block 978,123") || warn {
		t.Errorf("freshness %q warn %v", text, warn)
	}
	got, want := settled(t, tb, "hashprice")
	sameOutputs(t, "live hashprice", got, want)

	// The line names the live figures' sources, in the page's language,
	// and dong comes at the live rate.
	var source, viSource, rate string
	tb.run(t,
		evaluate(`document.querySelector('section[data-calc="hashprice"] .figures-source').textContent`, &source),
		chromedp.Navigate(srv.URL+"/vi/hashprice/?hashprice-1.currency=VND"),
		waitWasm(), waitNetwork(),
		until(`document.querySelector("#hashprice-1 .rate-line").textContent.includes("26.500")`, 10*time.Second),
		evaluate(`document.querySelector("#hashprice-1 .figures-source").textContent`, &viSource),
		evaluate(`document.querySelector("#hashprice-1 .rate-line").textContent`, &rate),
	)
	if source != netdata.LiveSource || !strings.HasPrefix(viSource, "trực tiếp: mempool.space") {
		t.Errorf("the figures' source: %q; in Vietnamese %q", source, viSource)
	}
	if !strings.Contains(rate, "26.500 đồng mỗi đô la Mỹ (Vietcombank, ") {
		t.Errorf("dong at the live rate: %q", rate)
	}
}

// TestNewerFiguresOffTheMainThread: a page whose figures are older than the
// live ones recomputes every calculator in a worker, in idle time, without
// starting its own Go; a touch then starts it, from the same figures.
func TestNewerFiguresOffTheMainThread(t *testing.T) {
	srv := liveSite(t, liveSnapshot(), 0)
	tb := newTab(t)
	tb.origins = append(tb.origins, srv.URL)
	var price, text, wasm string
	var warn bool
	var workers []string
	tb.run(t,
		chromedp.Navigate(srv.URL+"/"),
		waitNetwork(),
		evaluate(`document.documentElement.dataset.wasm ?? ""`, &wasm),
		evaluate(`performance.getEntriesByType("resource").map((r) => new URL(r.name).pathname).filter((p) => p.includes("worker"))`, &workers),
		inputValue("hashprice", "price", &price),
		freshness("hashprice", &text, &warn),
	)
	if wasm != "" || len(workers) != 1 || !strings.HasPrefix(path.Base(workers[0]), "calcworker.") {
		t.Errorf("the page's Go: %q (want not started); workers fetched: %v (want calcworker.js)", wasm, workers)
	}
	if price != "91234" || !strings.HasPrefix(text, "Live: block 978,123") || warn {
		t.Errorf("price %q (want the live 91234), freshness %q, warn %v", price, text, warn)
	}
	var calcs []string
	tb.run(t, evaluate(`[...document.querySelectorAll("section.calc[data-calc]")].map((s) => s.dataset.calc)`, &calcs))
	for _, name := range calcs {
		got, want := settled(t, tb, name)
		sameOutputs(t, "worker's "+name, got, want)
	}
	// The reader's touch starts the page's Go, which keeps the figures.
	tb.run(t, retype(`section[data-calc="hashprice"] [name="fees"]`, "0.5"), waitWasm(), inputValue("hashprice", "price", &price))
	got, want := settled(t, tb, "hashprice")
	sameOutputs(t, "after the touch", got, want)
	if price != "91234" {
		t.Errorf("after the touch, price %q", price)
	}
}

// TestTypedInputSurvivesTheLiveFigures: the reader types before the live
// figures arrive; they fill the other inputs and leave the typed one.
func TestTypedInputSurvivesTheLiveFigures(t *testing.T) {
	srv := liveSite(t, liveSnapshot(), 1500*time.Millisecond)
	tb := newTab(t)
	tb.origins = append(tb.origins, srv.URL)
	var price, fees string
	tb.run(t,
		chromedp.Navigate(srv.URL+"/hashprice/"),
		retype(`section[data-calc="hashprice"] [name="price"]`, "50000"),
		waitWasm(), waitNetwork(),
		inputValue("hashprice", "price", &price),
		inputValue("hashprice", "fees", &fees),
	)
	if price != "50000" || fees != "0.031" {
		t.Errorf("price %q (typed 50000), fees %q (live 0.031)", price, fees)
	}
}

// TestAsOfPins: ?asof= pins every calculator to the dated snapshot even
// when live figures exist, and says so without a warning.
func TestAsOfPins(t *testing.T) {
	srv := liveSite(t, liveSnapshot(), 0)
	tb := newTab(t)
	tb.origins = append(tb.origins, srv.URL)
	var price, text string
	var warn bool
	tb.run(t,
		chromedp.Navigate(srv.URL+"/hashprice/?asof=2025-11-25"),
		waitWasm(), waitNetwork(),
		inputValue("hashprice", "price", &price),
		freshness("hashprice", &text, &warn),
	)
	if price != "85000" || text != "Figures as of 25 Nov 2025 (pinned)" || warn {
		t.Errorf("pinned: price %q, freshness %q, warn %v", price, text, warn)
	}
	var errText string
	tb.httpErrorsExpected = true
	tb.run(t,
		chromedp.Navigate(srv.URL+"/hashprice/?asof=1999-01-01"),
		waitWasm(), waitNetwork(),
		evaluate(`document.querySelector('.calc-error').textContent`, &errText),
	)
	if !strings.Contains(errText, "asof") || !strings.Contains(errText, "2025-11-25") {
		t.Errorf("a date with no snapshot: %q", errText)
	}
}

// TestOfflineShowsTheLastFigures: after one live visit, offline, the page
// computes from the figures the service worker kept and says "Offline".
func TestOfflineShowsTheLastFigures(t *testing.T) {
	srv := liveSite(t, liveSnapshot(), 0)
	tb := newTab(t)
	tb.origins = append(tb.origins, srv.URL)
	tb.offlineExpected = true
	tb.run(t,
		chromedp.Navigate(srv.URL+"/hashprice/"),
		waitNetwork(),
		eventually(`navigator.serviceWorker.controller !== null`, 20*time.Second),
		// The first load may have run before the worker controlled the page.
		chromedp.Reload(), waitNetwork(),
		eventually(`caches.open("network-figures").then((c) => c.match("/api/v1/network")).then((r) => !!r)`, 10*time.Second),
	)
	srv.CloseClientConnections()
	srv.Close()
	var price, text string
	var warn bool
	tb.run(t,
		chromedp.Navigate(srv.URL+"/hashprice/"),
		waitNetwork(),
		inputValue("hashprice", "price", &price),
		freshness("hashprice", &text, &warn),
	)
	if price != "91234" || !strings.HasPrefix(text, "Offline: figures from") {
		t.Errorf("offline: price %q, freshness %q", price, text)
	}
}

// TestHalvingAgreesWithItsFigures: from the year-old snapshot, the page's
// Go computes as of the snapshot, as the page was prerendered (the prose
// beside it says the same): blocks to go and the time of the halving agree
// from the figures' own time, and the figures say how old they are.
func TestHalvingAgreesWithItsFigures(t *testing.T) {
	tb := newTab(t)
	var blocks, eta float64
	var text string
	var warn bool
	tb.run(t,
		chromedp.Navigate(site.URL+"/halving/"),
		touch(), waitWasm(), waitNetwork(),
		evaluate(`Number(document.querySelector('section[data-calc="halving"] output[data-key="blocks_remaining"]').dataset.value)`, &blocks),
		evaluate(`Number(document.querySelector('section[data-calc="halving"] output[data-key="eta_unix"]').dataset.value)`, &eta),
		freshness("halving", &text, &warn),
	)
	snap := netdata.Committed()
	if left := eta - float64(snap.TipTime); math.Abs(left-blocks*600) > 1200 || blocks != float64(1_050_000-snap.Height) {
		t.Errorf("%v blocks to go but %v s left of the snapshot's tip (%v s apart)", blocks, left, left-blocks*600)
	}
	if !strings.Contains(text, "days old") || strings.Contains(text, "estimated") || !warn {
		t.Errorf("freshness %q warn %v", text, warn)
	}
}
