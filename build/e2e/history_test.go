package e2e

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestHistoryChartInBrowser: on the hashprice article, in English and
// Vietnamese, at 320 and 1280 CSS px, the history chart shows one drawing
// (the narrow one on a phone) whose every label lies inside it, in text
// of 11 px or more, with the record low annotated and the 2024 halving
// marked.
func TestHistoryChartInBrowser(t *testing.T) {
	for _, c := range []struct {
		path, low, halving string
	}{
		{"/hashprice/", "Record low: $35.06", "Halving 20 Apr 2024"},
		{"/vi/hashprice/", "Mức thấp kỷ lục: 35,06 USD", "Halving 20/4/2024"},
	} {
		for _, width := range []int64{320, 1280} {
			tb := newTab(t)
			var got struct {
				Shown    int
				Smallest float64
				Outside  []string
				Texts    string
			}
			tb.run(t,
				chromedp.EmulateViewport(width, 900),
				chromedp.Navigate(site.URL+c.path),
				evaluate(`document.querySelector("figure.history-chart").scrollIntoView(), true`, new(bool)),
				evaluate(`(() => {
					const svgs = [...document.querySelectorAll("figure.history-chart svg.chart")].filter((s) => s.getBoundingClientRect().width > 0);
					const out = {shown: svgs.length, smallest: 99, outside: [], texts: ""};
					for (const svg of svgs) {
						const box = svg.getBoundingClientRect();
						const scale = box.width / svg.viewBox.baseVal.width;
						for (const t of svg.querySelectorAll("text")) {
							out.smallest = Math.min(out.smallest, parseFloat(getComputedStyle(t).fontSize) * scale);
							const r = t.getBoundingClientRect();
							if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1) out.outside.push(t.textContent);
							// A label set in several lines reads as one.
							const spans = [...t.querySelectorAll("tspan")];
							out.texts += (spans.length ? spans.map((s) => s.textContent).join(" ") : t.textContent) + "\n";
						}
					}
					return out;
				})()`, &got),
			)
			if got.Shown != 1 || got.Smallest < 11 || len(got.Outside) > 0 {
				t.Errorf("%s at %d px: %d drawings shown, smallest text %.1f px, outside the drawing: %q", c.path, width, got.Shown, got.Smallest, got.Outside)
			}
			if !strings.Contains(got.Texts, c.low) || !strings.Contains(got.Texts, c.halving) {
				t.Errorf("%s at %d px: the drawing says\n%s", c.path, width, got.Texts)
			}
		}
	}
}

// TestHistoryChartOffline: no page fetches the history at run time (its
// chart is in the page's HTML), so offline a reader sees the series of
// the last copy of the page they fetched. A deploy after the service
// worker installed serves a newer /hashprice/ (a marked chart); once read
// online, it is the one shown offline, not the precached one; an embed
// never opened shows the precached chart, in Vietnamese too.
func TestHistoryChartOffline(t *testing.T) {
	var newer atomic.Bool
	site := siteHandler(t, distDir)
	own := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !newer.Load() || r.URL.Path != "/hashprice/" {
			site.ServeHTTP(w, r)
			return
		}
		// The newer deploy's page, whole and uncompressed, never a 304
		// to the older one.
		for _, h := range []string{"Accept-Encoding", "If-None-Match", "If-Modified-Since"} {
			r.Header.Del(h)
		}
		rec := httptest.NewRecorder()
		site.ServeHTTP(rec, r)
		page := strings.Replace(rec.Body.String(), `<figure class="chart-figure history-chart"`, `<figure data-deploy="newer" class="chart-figure history-chart"`, 1)
		for k, v := range rec.Header() {
			w.Header()[k] = v
		}
		for _, h := range []string{"Content-Length", "ETag", "Last-Modified"} {
			w.Header().Del(h)
		}
		w.WriteHeader(rec.Code)
		io.WriteString(w, page)
	}))
	t.Cleanup(own.Close)
	tb := newTab(t)
	tb.origins = append(tb.origins, own.URL)
	tb.offlineExpected = true
	var online bool
	tb.run(t,
		chromedp.Navigate(own.URL+"/hashprice/"),
		evaluate(`navigator.serviceWorker.ready.then(() => true)`, new(bool)),
		eventually(`navigator.serviceWorker.controller !== null`, 20*time.Second),
	)
	newer.Store(true)
	tb.run(t,
		chromedp.Navigate(own.URL+"/hashprice/"),
		evaluate(`document.querySelector('figure.history-chart[data-deploy="newer"]') !== null`, &online),
		eventually(`caches.match("/hashprice/").then((r) => r ? r.text() : "").then((page) => page.includes('data-deploy="newer"'))`, 20*time.Second),
	)
	if !online {
		t.Fatal("online, the newer page's chart is not shown")
	}
	own.CloseClientConnections()
	own.Close()
	for path, want := range map[string]struct {
		low   string
		newer bool
	}{
		"/hashprice/":        {"Record low: $35.06", true},
		"/vi/embed/history/": {"Mức thấp kỷ lục: 35,06 USD", false},
	} {
		var got struct {
			Text  string
			Newer bool
		}
		tb.run(t,
			chromedp.Navigate(own.URL+path),
			evaluate(`(() => { const f = document.querySelector("figure.history-chart"); return {text: f ? f.querySelector("svg.chart")?.textContent ?? "" : "", newer: f?.dataset.deploy === "newer"}; })()`, &got),
		)
		if !strings.Contains(got.Text, want.low) || got.Newer != want.newer {
			t.Errorf("offline %s: the chart says %q, from the newer page %v (want %v)", path, got.Text, got.Newer, want.newer)
		}
	}
}
