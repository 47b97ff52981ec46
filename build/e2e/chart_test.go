package e2e

import (
	"context"
	"math"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/hashswitch/hashswitch/build/gen"
	"github.com/hashswitch/hashswitch/internal/fakeupstream"
	"github.com/hashswitch/hashswitch/wasm/history"
)

// chartReport is what chartCheck finds wrong in a page's drawings.
type chartReport struct {
	Drawings int
	Problems []string
}

// chartCheck reads every drawing the page shows (svg.chart with a box),
// as laid out now: each line has a stroke that is drawn (not none, not
// transparent, opaque, wider than 0) and stands out from what is behind
// it (3:1, WCAG's contrast for graphics), lines differ from each other in
// colour or dash, each of several lines has its name in the drawing (a
// legend with its swatch, or a label at its end), every text lies inside
// the drawing, off every other text, at 11 px or more, a line chart has
// three x ticks or more, and the figure has a source line.
const chartCheck = `(() => {
	for (const f of document.querySelectorAll(".chart-figure")) f.style.contentVisibility = "visible";
	const rgb = (c) => { const m = c.match(/[\d.]+/g) || []; return m.map(Number); };
	const lum = ([r, g, b]) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }; return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
	const contrast = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
	const behind = (el) => {
		for (let e = el; e; e = e.parentElement) {
			const c = rgb(getComputedStyle(e).backgroundColor);
			if (c.length >= 3 && (c.length < 4 || c[3] > 0)) return c;
		}
		return [255, 255, 255];
	};
	const out = {drawings: 0, problems: []};
	const svgs = [...document.querySelectorAll("svg.chart")].filter((s) => s.getBoundingClientRect().width > 0);
	for (const svg of svgs) {
		out.drawings++;
		const name = (svg.querySelector("title") || {}).textContent + " (" + Math.round(svg.getBoundingClientRect().width) + " px)";
		const problem = (s) => out.problems.push(name + ": " + s);
		const bg = behind(svg);
		const box = svg.getBoundingClientRect();
		const scale = box.width / svg.viewBox.baseVal.width;
		const looks = new Set();
		const lines = [...svg.querySelectorAll("path.chart-line")];
		lines.forEach((p, i) => {
			const st = getComputedStyle(p);
			const c = rgb(st.stroke);
			if (st.stroke === "none" || c.length < 3 || (c.length > 3 && c[3] === 0)) problem("line " + i + " has no stroke (" + st.stroke + ")");
			else if (contrast(c, bg) < 3) problem("line " + i + " contrast " + contrast(c, bg).toFixed(2) + ":1 (" + st.stroke + " on rgb(" + bg + "))");
			if (parseFloat(st.strokeOpacity) === 0 || parseFloat(st.opacity) === 0 || parseFloat(st.strokeWidth) === 0 || st.visibility === "hidden") problem("line " + i + " is not drawn");
			looks.add(st.stroke + "|" + st.strokeDasharray);
			if (lines.length > 1) {
				const legend = svg.querySelector(".chart-legend-" + i);
				if (!legend || !legend.textContent.trim() || legend.getBoundingClientRect().width === 0) problem("line " + i + " has no name");
			}
		});
		if (looks.size < lines.length) problem(lines.length + " lines in " + looks.size + " looks");
		const xTicks = [...svg.querySelectorAll("text.chart-tick[text-anchor=middle]")].filter((t) => t.getBBox().y > svg.viewBox.baseVal.height / 2 && !t.querySelector("tspan"));
		if (lines.length > 0 && xTicks.length < 3) problem(xTicks.length + " x ticks");
		const texts = [...svg.querySelectorAll("text")].filter((t) => t.textContent.trim());
		const boxes = texts.map((t) => t.getBoundingClientRect());
		texts.forEach((t, i) => {
			const r = boxes[i];
			if (parseFloat(getComputedStyle(t).fontSize) * scale < 10.9) problem(JSON.stringify(t.textContent) + " smaller than 11 px");
			if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1) problem(JSON.stringify(t.textContent) + " outside the drawing");
			for (let j = 0; j < i; j++) {
				const q = boxes[j];
				if (r.left < q.right - 1 && q.left < r.right - 1 && r.top < q.bottom - 1 && q.top < r.bottom - 1) problem(JSON.stringify(t.textContent) + " over " + JSON.stringify(texts[j].textContent));
			}
		});
		const fig = svg.closest("figure");
		if (fig && (fig.classList.contains("chart-figure") || fig.classList.contains("eras-figure"))) {
			const src = fig.querySelector(".chart-source");
			if (!src || !src.textContent.trim() || src.getBoundingClientRect().height === 0) problem("no source line");
		}
	}
	return out;
})()`

// pagesWithCharts lists the built pages that draw a chart, embeds
// included, in both languages.
func pagesWithCharts(t *testing.T) []string {
	var paths []string
	err := filepath.Walk(distDir, func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() || filepath.Ext(p) != ".html" {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if strings.Contains(string(b), `<svg class="chart"`) {
			rel, _ := filepath.Rel(distDir, p)
			paths = append(paths, "/"+strings.TrimSuffix(filepath.ToSlash(rel), "index.html"))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(paths)
	return paths
}

// media emulates a media type and colour scheme.
func media(kind, scheme string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, target *chromedp.Target) error {
		_, err := cdp.Call(ctx, target, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Media: kind, Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}})
		return err
	})
}

// TestEveryChartInBrowser: on every page and embed that draws a chart, in
// English and Vietnamese, at 320, 375 and 1280 CSS px, on a light and a
// dark screen and printed, every drawing passes chartCheck; and a page
// shows at least one drawing.
func TestEveryChartInBrowser(t *testing.T) {
	paths := pagesWithCharts(t)
	var vi, embeds int
	for _, p := range paths {
		if strings.HasPrefix(p, "/vi/") {
			vi++
		}
		if strings.Contains(p, "/embed/") {
			embeds++
		}
	}
	if vi == 0 || embeds == 0 || len(paths) < 10 {
		t.Fatalf("pages with charts: %q", paths)
	}
	drawings := 0
	defer func() { t.Logf("%d pages with charts, %d drawings checked", len(paths), drawings) }()
	// Each page is loaded once and resized: the layout is the style
	// sheet's alone (media and container queries; no script measures the
	// window), so a page resized is the page loaded at that width.
	tb := newTabFor(t, 10*time.Minute)
	for _, path := range paths {
		tb.run(t, chromedp.EmulateViewport(1280, 900), media("", "light"), chromedp.Navigate(site.URL+path))
		for _, width := range []int64{1280, 375, 320} {
			tb.run(t, chromedp.EmulateViewport(width, 900))
			for _, m := range [][2]string{{"screen", "light"}, {"screen", "dark"}, {"print", "light"}, {"print", "dark"}} {
				var got chartReport
				tb.run(t, media(m[0], m[1]), evaluate(chartCheck, &got))
				drawings += got.Drawings
				if got.Drawings == 0 || len(got.Problems) > 0 {
					t.Errorf("%s at %d px, %s %s: %d drawings; %s", path, width, m[0], m[1], got.Drawings, strings.Join(got.Problems, "; "))
				}
			}
		}
	}
	tb.check(t)
}

// TestGPUCloudLineInTheUpTo25xScenario: on /mining-vs-ai/, the convert
// calculator with the explainer's "up to 25x" GPU rental drawn wide and
// narrow: the GPU cloud line (the chart's third) is drawn, named, and
// spans a good part of the plot, not flattened by an axis it does not
// set; the y axis's ticks cover every line.
func TestGPUCloudLineInTheUpTo25xScenario(t *testing.T) {
	for _, width := range []int64{375, 1280} {
		tb := newTab(t)
		var got struct {
			Found                  bool
			Stroke, Legend         string
			LineHeight, PlotHeight float64
			Covered                bool
		}
		tb.run(t,
			chromedp.EmulateViewport(width, 900),
			chromedp.Navigate(site.URL+"/mining-vs-ai/"),
			evaluate(`(() => {
				for (const f of document.querySelectorAll(".chart-figure")) f.style.contentVisibility = "visible";
				const calc = [...document.querySelectorAll("section.calc[data-calc=convert]")].find((s) => s.querySelector("input[name=gpu_hour]").value === "3");
				if (!calc) return {found: false};
				const svg = [...calc.querySelectorAll("svg.chart")].find((s) => s.getBoundingClientRect().width > 0);
				const gpu = svg.querySelector("path.chart-line-2");
				const grid = [...svg.querySelectorAll(".chart-grid")].map((l) => l.getBoundingClientRect());
				const top = Math.min(...grid.map((r) => r.top)), bottom = Math.max(...grid.map((r) => r.bottom));
				const lines = [...svg.querySelectorAll("path.chart-line")].map((p) => p.getBoundingClientRect());
				return {found: true, stroke: getComputedStyle(gpu).stroke, legend: svg.querySelector(".chart-legend-2").textContent,
					lineHeight: gpu.getBoundingClientRect().height, plotHeight: bottom - top,
					covered: lines.every((r) => r.top >= top - 2 && r.bottom <= bottom + 2)};
			})()`, &got),
		)
		if !got.Found {
			t.Fatalf("at %d px: no convert calculator at $3 per GPU-hour on /mining-vs-ai/", width)
		}
		if got.Stroke == "none" || got.Legend != "GPU cloud" || got.LineHeight < 0.3*got.PlotHeight || !got.Covered {
			t.Errorf("at %d px: the GPU line's stroke %s, its name %q, %.0f px high in a plot of %.0f px, lines inside the axis %v",
				width, got.Stroke, got.Legend, got.LineHeight, got.PlotHeight, got.Covered)
		}
	}
}

// TestHistoryControlsInBrowser: built with a daily series of six years,
// the hashprice article's history chart shows one drawing at a time, the
// whole hashprice first; choosing a metric and a range (keyboard or
// click, no WebAssembly) shows that drawing alone, which passes
// chartCheck, in English and Vietnamese, at 320 and 1280 px; printed, the
// chosen drawing without the controls.
func TestHistoryControlsInBrowser(t *testing.T) {
	s, err := fakeupstream.FlatSeries(history.DateFromTime(time.Date(2019, 12, 1, 0, 0, 0, 0, time.UTC)), 6*365)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	srv := httptest.NewUnstartedServer(nil)
	if _, err := gen.Build(gen.Config{Root: repoRoot, Out: dir, BaseURL: "http://" + srv.Listener.Addr().String(), History: &history.Kept{Series: s, Has: true}}); err != nil {
		t.Fatal(err)
	}
	srv.Config.Handler = siteHandler(t, dir)
	srv.Start()
	t.Cleanup(srv.Close)
	const shown = `(() => {
		for (const f of document.querySelectorAll(".chart-figure")) f.style.contentVisibility = "visible";
		const fig = document.querySelector("figure.history-chart");
		const views = [...fig.querySelectorAll(".history-view")].filter((v) => v.getBoundingClientRect().height > 0);
		return views.map((v) => v.dataset.metric + " " + v.dataset.range + " " + v.querySelector("svg title").textContent).join("|");
	})()`
	for _, c := range []struct{ path, difficulty string }{{"/hashprice/", "Difficulty through time"}, {"/vi/hashprice/", "Độ khó theo thời gian"}} {
		for _, width := range []int64{320, 1280} {
			tb := newTab(t)
			tb.origins = append(tb.origins, srv.URL)
			var first, chosen, printed, controls string
			var report chartReport
			tb.run(t,
				chromedp.EmulateViewport(width, 900),
				chromedp.Navigate(srv.URL+c.path),
				evaluate(shown, &first),
				evaluate(`(() => { document.querySelector("[name=history-metric][value=difficulty]").click(); document.querySelector("[name=history-range][value='1y']").click(); return true; })()`, new(bool)),
				evaluate(shown, &chosen),
				evaluate(chartCheck, &report),
				media("print", "light"),
				evaluate(shown, &printed),
				evaluate(`getComputedStyle(document.querySelector(".history-controls")).display`, &controls),
			)
			if !strings.HasPrefix(first, "hashprice_usd all ") || strings.Contains(first, "|") {
				t.Errorf("%s at %d px: first shown %q", c.path, width, first)
			}
			if chosen != "difficulty 1y "+c.difficulty || printed != chosen || controls != "none" {
				t.Errorf("%s at %d px: chosen %q, printed %q, controls printed %q", c.path, width, chosen, printed, controls)
			}
			if len(report.Problems) > 0 {
				t.Errorf("%s at %d px: %q", c.path, width, report.Problems)
			}
			tb.check(t)
		}
	}
}

// TestHistoryPointFollowsTheCalculator: on the hashprice article, in
// English and Vietnamese, halving the bitcoin price in the calculator
// above the history chart moves its "The calculator above" point down by
// what the chart's scale says for the new hashprice (read from the
// result's data-value, a second reading of the scale against the axis's
// ticks), and its label to the calculator's words for it; the
// calculator below the chart moves nothing.
func TestHistoryPointFollowsTheCalculator(t *testing.T) {
	for _, path := range []string{"/hashprice/", "/vi/hashprice/"} {
		tb := newTab(t)
		var before, after, later struct {
			Cy, Want float64
			Label    string
			Output   string
		}
		const read = `(() => {
			const fig = document.querySelector("figure.history-chart");
			fig.style.contentVisibility = "visible";
			const svg = [...fig.querySelectorAll("svg.chart")].find((s) => s.getBoundingClientRect().width > 0);
			const point = svg.querySelector("circle.chart-live");
			// The axis: two grid lines and their ticks give the drawing's y for a value.
			const ticks = [...svg.querySelectorAll("text.chart-tick[text-anchor=end]")];
			const [a, b] = [ticks[0], ticks[ticks.length - 1]];
			const va = parseFloat(a.textContent.replace(/[^0-9,.]/g, "").replace(",", ".")), vb = parseFloat(b.textContent.replace(/[^0-9,.]/g, "").replace(",", "."));
			const ya = parseFloat(a.getAttribute("y")) - 4, yb = parseFloat(b.getAttribute("y")) - 4;
			const out = [...document.querySelectorAll('section[data-calc="hashprice"]')][0].querySelector("output[data-key=hashprice_usd_per_ph_day]");
			const v = parseFloat(out.dataset.value);
			const spans = svg.querySelectorAll(".chart-live-label tspan");
			return {cy: parseFloat(point.getAttribute("cy")),
				want: ya + (v - va) * (yb - ya) / (vb - va), label: spans[spans.length - 1].textContent, output: out.value};
		})()`
		price := `[...document.querySelectorAll('section[data-calc="hashprice"]')][0].querySelector("[name=price]")`
		tb.run(t,
			chromedp.EmulateViewport(1280, 900),
			chromedp.Navigate(site.URL+path),
			evaluate(read, &before),
			evaluate(price+`.focus(), true`, new(bool)),
			waitWasm(),
			evaluate(price+`.select(), true`, new(bool)),
			chromedp.KeyEvent("42500"),
			// Computed for the whole number typed: the share link, set last, has it.
			until(`[...document.querySelectorAll('section[data-calc="hashprice"]')][0].querySelector("a.share").href.includes("price=42500")`, 10*time.Second),
			evaluate(read, &after),
			evaluate(`(() => { const p = [...document.querySelectorAll('section[data-calc="hashprice"]')][1].querySelector("[name=price]"); p.focus(); p.select(); return true; })()`, new(bool)),
			chromedp.KeyEvent("170000"),
			until(`[...document.querySelectorAll('section[data-calc="hashprice"]')][1].querySelector("a.share").href.includes("price=170000")`, 10*time.Second),
			evaluate(read, &later),
		)
		if math.Abs(before.Cy-before.Want) > 1.5 || math.Abs(after.Cy-after.Want) > 1.5 || after.Cy <= before.Cy+20 || after.Label != after.Output || later.Cy != after.Cy {
			t.Errorf("%s: before %+v, after %+v, after the calculator below %+v", path, before, after, later)
		}
		tb.check(t)
	}
}
