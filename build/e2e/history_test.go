package e2e

import (
	"strings"
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

// TestHistoryChartOffline: the chart is prerendered into the pages, so
// after one visit, with the server gone, the service worker's copies of
// the article and of /vi/embed/history/ (never opened) still draw it,
// record low and all: the series needs no request of its own.
func TestHistoryChartOffline(t *testing.T) {
	own := freshSite(t)
	tb := newTab(t)
	tb.origins = append(tb.origins, own.URL)
	tb.offlineExpected = true
	tb.run(t,
		chromedp.Navigate(own.URL+"/hashprice/"),
		evaluate(`navigator.serviceWorker.ready.then(() => true)`, new(bool)),
		eventually(`navigator.serviceWorker.controller !== null`, 20*time.Second),
	)
	own.CloseClientConnections()
	own.Close()
	for path, low := range map[string]string{"/hashprice/": "Record low: $35.06", "/vi/embed/history/": "Mức thấp kỷ lục: 35,06 USD"} {
		var text string
		tb.run(t,
			chromedp.Navigate(own.URL+path),
			evaluate(`(document.querySelector("figure.history-chart svg.chart") || {textContent: ""}).textContent`, &text),
		)
		if !strings.Contains(text, low) {
			t.Errorf("offline %s: the chart says %q", path, text)
		}
	}
}
