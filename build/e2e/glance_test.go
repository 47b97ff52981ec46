package e2e

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/chromedp"

	"github.com/hashswitch/hashswitch/wasm/locale"
	"github.com/hashswitch/hashswitch/wasm/netdata"
	"github.com/hashswitch/hashswitch/wasm/widget"
)

// headlineOf is the sentence package widget writes natively for the
// scenario a calculator's form holds (q, as formQuery reads it), in lang.
func headlineOf(t testing.TB, name, q string, lang locale.Tag) string {
	t.Helper()
	w := widget.Lookup(name)
	r := w.RenderIn(netdata.Committed(), w.Typed(q, lang), lang)
	if r.Error != nil {
		t.Fatalf("%s?%s: %+v", name, q, r.Error)
	}
	return r.Answer
}

// TestHeadlineFollowsTyping: a calculator's sentence is in the page before
// any script runs and, as the reader types, says what Go computes for the
// form's scenario, in English and in Vietnamese.
func TestHeadlineFollowsTyping(t *testing.T) {
	for _, c := range []struct {
		lang         locale.Tag
		path, starts string
	}{
		{locale.EN, "/embed/convert/", "Mining earns the most"},
		{locale.VI, "/vi/embed/convert/", "Đào bitcoin hiện có doanh thu trên mỗi kWh cao nhất"},
	} {
		tb := newTab(t)
		var before, after, q string
		tb.run(t,
			chromedp.Navigate(site.URL+c.path),
			evaluate(`document.querySelector(".calc-headline").textContent`, &before),
		)
		if want := headlineOf(t, "convert", "", c.lang); before != want {
			t.Errorf("%s before any touch: %q, want %q", c.path, before, want)
		}
		// A hashprice of 500 makes mining the best use per kWh.
		tb.run(t,
			touch(), waitWasm(),
			retype(`[name="hashprice"]`, "500"),
			until(fmt.Sprintf(`document.querySelector(".calc-headline").textContent.startsWith(%q)`, c.starts), 10*time.Second),
			formQuery("convert", &q),
			evaluate(`document.querySelector(".calc-headline").textContent`, &after),
		)
		if want := headlineOf(t, "convert", q, c.lang); after != want {
			t.Errorf("%s after typing: %q, want %q", c.path, after, want)
		}
	}
}

// TestHeadlineIsTheOneLiveRegion: in every calculator's answer, the
// sentence is a polite live region and no result is one, neither in the
// DOM (an <output> is role=status, live unless aria-live="off") nor in
// Chromium's accessibility tree: one change is said once, not fifteen
// times.
func TestHeadlineIsTheOneLiveRegion(t *testing.T) {
	tb := newTab(t)
	var live []string
	var headlines int
	tb.run(t,
		chromedp.Navigate(site.URL+"/calculators/"),
		evaluate(`document.querySelectorAll(".calc-answer .calc-headline[aria-live=polite]").length`, &headlines),
		evaluate(`[...document.querySelectorAll(".calc-answer output, .calc-answer [aria-live], .calc-answer [role=status]")]
			.filter((e) => e.getAttribute("aria-live") !== "off" && !e.matches(".calc-headline, .calc-error"))
			.map((e) => e.outerHTML.slice(0, 120))`, &live),
	)
	if n := len(widget.Widgets()); headlines != n {
		t.Errorf("%d calculators have a live sentence, want %d", headlines, n)
	}
	if len(live) > 0 {
		t.Errorf("live regions among the results: %q", live)
	}
	tree, err := chromedp.Run(tb.ctx, func(ctx context.Context, target *chromedp.Target) (accessibility.GetFullAXTreeResult, error) {
		return cdp.Call(ctx, target, accessibility.GetFullAXTree, accessibility.GetFullAXTreeParams{})
	})
	if err != nil {
		t.Fatal(err)
	}
	outputs := 0
	for _, n := range tree.Nodes {
		liveness := ""
		for _, p := range n.Properties {
			if p.Name == accessibility.PropertyNameLive {
				liveness = strings.Trim(string(p.Value.Value), `"`)
			}
		}
		role := ""
		if n.Role != nil {
			role = strings.Trim(string(n.Role.Value), `"`)
		}
		name := ""
		if n.Name != nil {
			name = strings.Trim(string(n.Name.Value), `"`)
		}
		// An output is a status named by its result's label; the
		// freshness line, a status of its own, has no name.
		if role != "status" || name == "" {
			continue
		}
		outputs++
		if liveness != "off" && liveness != "" { // "" : no live property, as aria-live=off gives
			t.Errorf("Chromium makes the output %q live: %q", name, liveness)
		}
	}
	if outputs < len(widget.Widgets()) {
		t.Errorf("Chromium's tree has %d outputs: the test no longer finds them", outputs)
	}
}

// TestReadAsTheOtherStyle: "95.000" typed on an English page and "85,000"
// on a Vietnamese one get the note "$95k" gets: how the number was read.
func TestReadAsTheOtherStyle(t *testing.T) {
	for _, c := range []struct{ path, typed, note string }{
		{"/embed/hashprice/", "95.000", "Read as 95"},
		{"/embed/hashprice/", "$95k", "Read as 95000"},
		{"/vi/embed/hashprice/", "85,000", "Được hiểu là 85"},
	} {
		tb := newTab(t)
		var note string
		tb.run(t,
			chromedp.Navigate(site.URL+c.path),
			touch(), waitWasm(),
			retype(`#calc-price`, c.typed),
			// The note as it settles: "$95" is read as 95 on the way to "$95k".
			evaluate(fmt.Sprintf(`new Promise((done) => {
				const note = document.getElementById("calc-price-understood"), end = Date.now() + 10000;
				const look = () => note.textContent === %q || Date.now() > end ? done(note.textContent) : setTimeout(look, 50);
				look();
			})`, c.note), &note),
		)
		if note != c.note {
			t.Errorf("%s %q: the note says %q, want %q", c.path, c.typed, note, c.note)
		}
	}
}

// box is an element's place on the page, from its calculator's top.
type box struct{ Top, Bottom, Left, Right float64 }

// boxesOf measures a calculator's answer, sentence, figures, chart and
// form, with the chart laid out (content-visibility skips it off screen).
func boxesOf(name string, dst *map[string]box) chromedp.Action[chromedp.Void] {
	return evaluate(fmt.Sprintf(`(() => {
		for (const f of document.querySelectorAll(".chart-figure")) f.style.contentVisibility = "visible";
		const s = document.querySelector('section[data-calc=%q]');
		const top = s.getBoundingClientRect().top;
		const out = {section: s};
		for (const [k, sel] of [["answer", ".calc-answer"], ["headline", ".calc-headline"], ["figures", ".lead-results"], ["chart", ".chart-box"], ["form", ".calc-form"]]) out[k] = s.querySelector(sel);
		return Object.fromEntries(Object.entries(out).map(([k, e]) => {
			const b = e.getBoundingClientRect();
			return [k, {Top: b.top - top, Bottom: b.bottom - top, Left: b.left, Right: b.right}];
		}));
	})()`, name), dst)
}

// TestAnswerAtAGlance: on a 375 px phone the convert calculator's
// sentence, headline figures and chart end within 1.5 screens (1,000 px)
// of its top, on its article and as an embed, in English and Vietnamese
// (it was 2,998 px tall, the chart at its end); on a 1280 px laptop they
// sit beside the inputs, or above them.
func TestAnswerAtAGlance(t *testing.T) {
	for _, path := range []string{"/mining-vs-ai/", "/embed/convert/", "/vi/mining-vs-ai/", "/vi/embed/convert/"} {
		tb := newTab(t)
		var phone, laptop map[string]box
		tb.run(t,
			chromedp.EmulateViewport(375, 667),
			chromedp.Navigate(site.URL+path),
			boxesOf("convert", &phone),
			chromedp.EmulateViewport(1280, 800),
			boxesOf("convert", &laptop),
		)
		for _, k := range []string{"headline", "figures", "chart"} {
			if b := phone[k]; b.Bottom > 1000 || b.Bottom <= b.Top {
				t.Errorf("%s at 375 px: the %s ends %.0f px below the calculator's top (%+v)", path, k, b.Bottom, phone)
			}
		}
		if phone["chart"].Bottom > phone["form"].Top {
			t.Errorf("%s at 375 px: the chart ends below the inputs' top (%+v)", path, phone)
		}
		a, f := laptop["answer"], laptop["form"]
		beside := a.Left >= f.Right && a.Top < f.Bottom && f.Top < a.Bottom
		if above := a.Bottom <= f.Top; !beside && !above {
			t.Errorf("%s at 1280 px: the answer %+v is neither beside nor above the inputs %+v", path, a, f)
		}
		if laptop["chart"].Bottom > 800 {
			t.Errorf("%s at 1280 px: the chart ends %.0f px below the calculator's top, past a laptop's screen", path, laptop["chart"].Bottom)
		}
	}
}
