package gen

import (
	"encoding/json"
	"fmt"
	"html"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hashswitch/hashswitch/internal/fakeupstream"
	"github.com/hashswitch/hashswitch/wasm/calc"
	"github.com/hashswitch/hashswitch/wasm/chart"
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
		for _, want := range []string{low[lang], halving[lang], `class="chart-narrow"><svg`, html.EscapeString(lang.T(historyLuxor))} {
			if !strings.Contains(doc, want) {
				t.Errorf("/%s lacks %q", page, want)
			}
		}
		for _, m := range fb.Months {
			if !strings.Contains(doc, `href="`+m.URL+`"`) {
				t.Errorf("/%s does not link %s's post", page, m.Month)
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
