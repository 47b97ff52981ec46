package gen

import (
	"encoding/json"
	"fmt"
	"html"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hashswitch/hashswitch/internal/fakeupstream"
	"github.com/hashswitch/hashswitch/wasm/calc"
	"github.com/hashswitch/hashswitch/wasm/chart"
	"github.com/hashswitch/hashswitch/wasm/chart/chartcheck"
	"github.com/hashswitch/hashswitch/wasm/history"
	"github.com/hashswitch/hashswitch/wasm/locale"
	"github.com/hashswitch/hashswitch/wasm/netdata"
)

// TestHistoryChartOnThePages: the hashprice article and the home page, in
// both languages, and /embed/history/ draw hashprice through time from
// Luxor's months (each with its post linked), the record low annotated in
// the reader's language, the 2024 halving on its day; the oEmbed answer
// exists.
func TestHistoryChartOnThePages(t *testing.T) {
	out := t.TempDir()
	if _, err := Build(Config{Root: root, Out: out, BaseURL: "https://hashswitch.example"}); err != nil {
		t.Fatal(err)
	}
	fb, err := history.LoadFallback()
	if err != nil {
		t.Fatal(err)
	}
	low := map[locale.Tag]string{locale.EN: "Record low: $35.06</tspan><tspan x=", locale.VI: "Mức thấp kỷ lục: 35,06 USD</tspan><tspan x="}
	halving := map[locale.Tag]string{locale.EN: "Halving 20 Apr 2024", locale.VI: "Halving 20/4/2024"}
	for _, page := range []string{"hashprice", "", "embed/history", "vi/hashprice", "vi", "vi/embed/history"} {
		lang := locale.EN
		if strings.HasPrefix(page, "vi") {
			lang = locale.VI
		}
		data, err := os.ReadFile(filepath.Join(out, page, "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		doc := string(data)
		if n := strings.Count(doc, `class="chart-figure history-chart"`); n != 1 {
			t.Errorf("/%s: %d history charts", page, n)
			continue
		}
		for _, want := range []string{low[lang], halving[lang], `class="chart-narrow"><svg`, html.EscapeString(lang.T(historyLuxor)), html.EscapeString(lang.T(historyRoundup))} {
			if !strings.Contains(doc, want) {
				t.Errorf("/%s lacks %q", page, want)
			}
		}
		for _, m := range fb.Months {
			if !strings.Contains(doc, `href="`+m.URL+`"`) {
				t.Errorf("/%s does not link %s's post", page, m.Month)
			}
		}
		for _, r := range fb.Roundups.Readings {
			if !strings.Contains(doc, `href="`+r.URL+`"`) {
				t.Errorf("/%s does not link the Roundup of %s", page, r.Date)
			}
		}
		if strings.Contains(doc, html.EscapeString(lang.T(historyDaily))) {
			t.Errorf("/%s labels Luxor's months as this site's series", page)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "oembed", "history.json")); err != nil {
		t.Error(err)
	}
	if _, err := os.Stat(filepath.Join(out, "oembed", "vi", "history.json")); err != nil {
		t.Error(err)
	}
}

// TestHistoryMarksSitOnTheirDays: the halving's line and the record low's
// point are drawn where their days fall on the x axis (read back from the
// SVG against the first and last month's points), at both widths.
func TestHistoryMarksSitOnTheirDays(t *testing.T) {
	fb, err := history.LoadFallback()
	if err != nil {
		t.Fatal(err)
	}
	for _, width := range []int{chart.Wide, chart.Narrow} {
		c, _, _, err := historyChart(locale.EN, fb, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		c.Width = width
		svg := c.SVG()
		num := func(re string) float64 {
			m := regexp.MustCompile(re).FindStringSubmatch(svg)
			if m == nil {
				t.Fatalf("no %s in %s", re, svg)
			}
			x, _ := strconv.ParseFloat(m[1], 64)
			return x
		}
		dots := regexp.MustCompile(`class="chart-dot chart-dot-0" cx="([0-9.]+)"`).FindAllStringSubmatch(svg, -1)
		if len(dots) != len(fb.Months) {
			t.Fatalf("%d dots for %d months", len(dots), len(fb.Months))
		}
		x0, _ := strconv.ParseFloat(dots[0][1], 64)
		x1, _ := strconv.ParseFloat(dots[len(dots)-1][1], 64)
		// Pixels per year, from the first and last months (the 15th of each).
		first, _ := time.Parse("2006-01-02", fb.Months[0].Month+"-15")
		last, _ := time.Parse("2006-01-02", fb.Months[len(fb.Months)-1].Month+"-15")
		perYear := (x1 - x0) / (yearOf(last) - yearOf(first))
		at := func(day string) float64 {
			d, _ := time.Parse(time.DateOnly, day)
			return x0 + (yearOf(d)-yearOf(first))*perYear
		}
		if got, want := num(`class="chart-mark" x1="([0-9.]+)"`), at("2024-04-20"); got < want-0.6 || got > want+0.6 {
			t.Errorf("width %d: the halving at x %v, its day at %v", width, got, want)
		}
		if got, want := num(`class="chart-note" cx="([0-9.]+)"`), at("2025-11-22"); got < want-0.6 || got > want+0.6 {
			t.Errorf("width %d: the record low at x %v, its day at %v", width, got, want)
		}
	}
}

// TestHistoryChartDrawsTheDailySeriesAlone: given a kept daily series the
// chart draws its monthly means, labelled as this site's, and none of
// Luxor's months.
func TestHistoryChartDrawsTheDailySeriesAlone(t *testing.T) {
	fb, err := history.LoadFallback()
	if err != nil {
		t.Fatal(err)
	}
	s, err := fakeupstream.FlatSeries(history.DateFromTime(time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)), 365)
	if err != nil {
		t.Fatal(err)
	}
	c, about, _, err := historyChart(locale.EN, fb, &history.Kept{Series: s, Has: true}, nil)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := s.Days[0].Value(history.HashpriceUSD)
	if len(c.Series) != 1 || len(c.Series[0].Y) != 12 || c.Series[0].Name != historyDaily || about != historyAboutDaily || c.Dots {
		t.Fatalf("%d series, %+v, %q", len(c.Series), c.Series, about)
	}
	for _, y := range c.Series[0].Y {
		if y != want {
			t.Errorf("a month's mean %v, each day's %v", y, want)
		}
		for _, m := range fb.Months {
			if y == m.HashpriceUSD {
				t.Errorf("Luxor's %s in the daily series", m.Month)
			}
		}
	}
}

// TestHistoryChartOnAPage: on a page the chart marks the hashprice its
// calculators start from, the hashprice calculator's own answer for the
// page's figures (a second computation); a page pinned before the record
// low shows neither it nor the months not complete by its day.
func TestHistoryChartOnAPage(t *testing.T) {
	fb, err := history.LoadFallback()
	if err != nil {
		t.Fatal(err)
	}
	snap := netdata.Committed()
	c, _, _, err := historyChart(locale.EN, fb, nil, &PageInfo{Snapshot: snap})
	if err != nil {
		t.Fatal(err)
	}
	var r struct {
		USD float64 `json:"hashprice_usd_per_ph_day"`
	}
	q := fmt.Sprintf("price=%f&difficulty=%f&subsidy=%f&fees=%f", snap.PriceUSD, snap.Difficulty, snap.SubsidyBTC, snap.FeesBTC)
	if a := calc.Get("/api/v1/hashprice", q); a.Status != 200 || json.Unmarshal(a.Body, &r) != nil {
		t.Fatalf("%d %s", a.Status, a.Body)
	}
	start := c.Notes[len(c.Notes)-1]
	if len(c.Notes) != 2 || math.Abs(start.Y-r.USD) > 1e-9*r.USD || start.Label != historyStart+"\n"+locale.EN.Style().USD(r.USD) || !start.Above {
		t.Errorf("the calculator starts at %v; the chart marks %+v", r.USD, c.Notes)
	}

	pinned := snap
	pinned.AsOf = "2025-11-20"
	c, _, _, err = historyChart(locale.EN, fb, nil, &PageInfo{Snapshot: pinned, Pinned: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Notes) != 1 || len(c.Series[0].X) != 2 {
		t.Errorf("pinned to 20 November 2025: notes %+v, %d months", c.Notes, len(c.Series[0].X))
	}
}

// TestHistoryViews: with a daily series of six years the figure offers
// hashprice, difficulty and the price over all of it, four years and one,
// a drawing each (wide and narrow, every one passing chartcheck), the
// whole hashprice first and the only one shown without :has(); a range
// draws only its months and the halvings within it. With Luxor's few
// months, the one drawing and no control.
func TestHistoryViews(t *testing.T) {
	fb, err := history.LoadFallback()
	if err != nil {
		t.Fatal(err)
	}
	s, err := fakeupstream.FlatSeries(history.DateFromTime(time.Date(2019, 12, 1, 0, 0, 0, 0, time.UTC)), 6*365)
	if err != nil {
		t.Fatal(err)
	}
	kept := &history.Kept{Series: s, Has: true}
	for _, lang := range []locale.Tag{locale.EN, locale.VI} {
		var b strings.Builder
		if err := historyFigure(&b, lang, fb, kept, &PageInfo{Snapshot: netdata.Committed()}); err != nil {
			t.Fatal(err)
		}
		doc := b.String()
		views := regexp.MustCompile(`<div class="(history-view[^"]*)" data-metric="([a-z_]+)" data-range="([a-z0-9]+)">`).FindAllStringSubmatch(doc, -1)
		var got []string
		for i, v := range views {
			got = append(got, v[2]+" "+v[3])
			if alt := strings.Contains(v[1], "history-alt"); alt != (i > 0) {
				t.Errorf("%s: view %d (%s %s) has class %q", lang, i, v[2], v[3], v[1])
			}
		}
		want := []string{"hashprice_usd all", "hashprice_usd 4y", "hashprice_usd 1y", "difficulty all", "difficulty 4y", "difficulty 1y", "price_usd all", "price_usd 4y", "price_usd 1y"}
		if !slices.Equal(got, want) {
			t.Errorf("%s: views %q, want %q", lang, got, want)
		}
		for _, name := range []string{`name="history-metric" value="hashprice_usd" checked`, `name="history-metric" value="difficulty"`, `name="history-range" value="all" checked`, `name="history-range" value="1y"`,
			html.EscapeString(lang.T("4 years")), html.EscapeString(lang.T(historyShow)), html.EscapeString(lang.T(historyTitleDiff))} {
			if !strings.Contains(doc, name) {
				t.Errorf("%s: no %s", lang, name)
			}
		}
		for _, svg := range regexp.MustCompile(`(?s)<svg class="chart".*?</svg>`).FindAllString(doc, -1) {
			if p := chartcheck.Check(svg); len(p) > 0 {
				t.Errorf("%s: %q", lang, p)
			}
		}
	}
	// One year back from the series' last day: 13 months at most, and of
	// the halvings, none (the last was in April 2024, before the range).
	c, _, _, err := historyView(locale.EN, fb, kept, nil, historyMetrics[0], historyRanges[2])
	if err != nil {
		t.Fatal(err)
	}
	if n := len(c.Series[0].X); n < 12 || n > 13 || len(c.Marks) != 0 {
		t.Errorf("one year: %d months, marks %+v", n, c.Marks)
	}
	c, _, _, err = historyView(locale.EN, fb, kept, nil, historyMetrics[0], historyRanges[1])
	if err != nil {
		t.Fatal(err)
	}
	if first := c.Series[0].X[0]; first < yearOf(s.Last().Time().AddDate(-4, 0, 0))-1.0/12 || len(c.Marks) != 1 {
		t.Errorf("four years: from %v, marks %+v", first, c.Marks)
	}
	var b strings.Builder
	if err := historyFigure(&b, locale.EN, fb, nil, nil); err != nil {
		t.Fatal(err)
	}
	// Luxor's months and Roundups, 2024 and 2025: all of it and the last
	// year (four years would show all again), chosen by range alone.
	doc := b.String()
	if n := strings.Count(doc, `class="history-view`); n != 2 || !strings.Contains(doc, `name="history-range" value="1y"`) || strings.Contains(doc, `name="history-metric"`) {
		t.Errorf("Luxor's months and Roundups: %d views, controls %v", n, strings.Contains(doc, "history-controls"))
	}
}

// TestHistoryFallbackSeriesApart: without a daily series the chart draws
// Luxor's monthly averages and Luxor's weekly Roundups as two series, each
// under its own name in the legend and the table, each point the figure
// its own post states on its own date; together they span 2024 and 2025;
// the Roundups have their own table with each post linked, and the
// sources name both kinds of post. Every drawing passes chartcheck.
func TestHistoryFallbackSeriesApart(t *testing.T) {
	fb, err := history.LoadFallback()
	if err != nil {
		t.Fatal(err)
	}
	readings := fb.Roundups.Readings
	for _, lang := range []locale.Tag{locale.EN, locale.VI} {
		c, about, sources, err := historyChart(lang, fb, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		if len(c.Series) != 2 || c.Series[0].Name != lang.T(historyLuxor) || c.Series[1].Name != lang.T(historyRoundup) || c.Series[0].Name == c.Series[1].Name {
			t.Fatalf("%s: series %+v", lang, c.Series)
		}
		months, days := c.Series[0], c.Series[1]
		if len(months.Y) != len(fb.Months) || len(days.Y) != len(readings) {
			t.Fatalf("%s: %d months for %d, %d days for %d Roundups", lang, len(months.Y), len(fb.Months), len(days.Y), len(readings))
		}
		for i, m := range fb.Months {
			mt, _ := time.Parse("2006-01", m.Month)
			if months.Y[i] != m.HashpriceUSD || months.X[i] != yearOf(mt.AddDate(0, 0, 14)) {
				t.Errorf("%s: month %s drawn as (%v, %v)", lang, m.Month, months.X[i], months.Y[i])
			}
		}
		for i, r := range readings {
			d, _ := time.Parse(time.DateOnly, r.Date)
			if days.Y[i] != r.HashpriceUSD || days.X[i] != yearOf(d) {
				t.Errorf("%s: Roundup %s drawn as (%v, %v)", lang, r.Date, days.X[i], days.Y[i])
			}
		}
		if lo, hi := min(months.X[0], days.X[0]), max(months.X[len(months.X)-1], days.X[len(days.X)-1]); lo >= 2024+1.0/12 || hi < 2025+10.0/12 {
			t.Errorf("%s: the fallback spans %v..%v, not 2024 and 2025", lang, lo, hi)
		}
		if about != lang.T(historyAboutBoth) {
			t.Errorf("%s: about %q", lang, about)
		}
		var urls []string
		for _, s := range sources {
			urls = append(urls, s[1])
		}
		for _, u := range []string{fb.Months[0].URL, readings[0].URL, readings[len(readings)-1].URL, fb.RecordLow.URL} {
			if !slices.Contains(urls, u) {
				t.Errorf("%s: sources lack %s", lang, u)
			}
		}
		tbl := c.Table()
		for _, want := range []string{html.EscapeString(lang.T(historyLuxor)), html.EscapeString(lang.T(historyRoundup)), "<td>" + html.EscapeString(c.FormatY(readings[0].HashpriceUSD)) + "</td>"} {
			if !strings.Contains(tbl, want) {
				t.Errorf("%s: the chart's table lacks %q", lang, want)
			}
		}

		var b strings.Builder
		if err := historyFigure(&b, lang, fb, nil, nil); err != nil {
			t.Fatal(err)
		}
		doc := b.String()
		for _, r := range readings {
			d, _ := time.Parse(time.DateOnly, r.Date)
			row := `<tr><th scope="row">` + dayLabel(lang, d) + `</th><td>` + html.EscapeString(figureUSD(lang.Style(), r.HashpriceUSD)) + `</td><td><a href="` + r.URL + `">`
			if !strings.Contains(doc, row) {
				t.Errorf("%s: no table row %s", lang, row)
			}
		}
		if n := strings.Count(doc, `class="chart-dot chart-dot-1"`); n < 2*len(readings) {
			t.Errorf("%s: %d open dots, want %d a drawing", lang, n, len(readings))
		}
		joined := regexp.MustCompile(`class="chart-line chart-line-[0-9]" d="[^"]*L`)
		for _, svg := range regexp.MustCompile(`(?s)<svg class="chart".*?</svg>`).FindAllString(doc, -1) {
			if p := chartcheck.Check(svg); len(p) > 0 {
				t.Errorf("%s: %q", lang, p)
			}
			// Dots alone, none joined to another (no figure between them
			// was read), and the legend shows each series' dot.
			if joined.MatchString(svg) || strings.Count(svg, `chart-dot-0 chart-swatch`) != 1 || strings.Count(svg, `chart-dot-1 chart-swatch`) != 1 {
				t.Errorf("%s: points joined or the legend without dots: %s", lang, svg)
			}
		}
	}
}

// TestMonthLabelNamesTheMonth: every day of 2024 and 2025 (a point on the
// history chart) is labelled with its own month, and every twelfth of a
// year (a tick) with the month it begins, in both languages.
func TestMonthLabelNamesTheMonth(t *testing.T) {
	en, vi := monthLabel(locale.EN), monthLabel(locale.VI)
	for d := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC); d.Year() < 2026; d = d.AddDate(0, 0, 1) {
		x := yearOf(d)
		if got, want := en(x), d.Format("2006-01"); got != want {
			t.Errorf("%s: %q, want %q", d.Format(time.DateOnly), got, want)
		}
		if got, want := vi(x), fmt.Sprintf("%d/%d", int(d.Month()), d.Year()); got != want {
			t.Errorf("%s: %q, want %q", d.Format(time.DateOnly), got, want)
		}
	}
	for y := 2023; y <= 2026; y++ {
		for k := range 12 {
			if got, want := en(float64(y)+float64(k)/12), fmt.Sprintf("%d-%02d", y, k+1); got != want {
				t.Errorf("tick %d + %d/12: %q, want %q", y, k, got, want)
			}
		}
	}
}
