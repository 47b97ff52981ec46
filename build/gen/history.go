package gen

import (
	"fmt"
	"html"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/hashswitch/hashswitch/wasm/chain"
	"github.com/hashswitch/hashswitch/wasm/chart"
	"github.com/hashswitch/hashswitch/wasm/econ"
	"github.com/hashswitch/hashswitch/wasm/history"
	"github.com/hashswitch/hashswitch/wasm/human"
	"github.com/hashswitch/hashswitch/wasm/locale"
)

// The history chart's words, each in vi.json (TestVietnameseCatalogIsComplete).
const (
	historyTitle      = "Hashprice through time, in USD per PH/s per day"
	historyMonth      = "Month"
	historyLuxor      = "Luxor's monthly average"
	historyDaily      = "This site's daily series, monthly mean"
	historyHalving    = "Halving"
	historyLow        = "Record low"
	historyUnit       = "USD per PH/s per day"
	historyAboutLuxor = "Monthly averages from Luxor's Hashrate Lookback posts, only the months whose post was read, not this site's computation; the record low is Luxor's daily figure. Dashed lines: the halvings."
	historyAboutDaily = "Computed by this site with the calculators' formula from mempool.space's daily figures, averaged by month; the record low is Luxor's daily figure. Dashed lines: the halvings."
	historySources    = "Sources"
	historyStart      = "The calculator above"
	historyData       = "The chart's data"
	historyShow       = "Show"
	historyRangeWord  = "Range"
	historyTitleDiff  = "Difficulty through time"
	historyTitlePrice = "The bitcoin price through time, in USD"
	historyRoundup    = "Luxor's weekly Roundup: hashprice on the day"
	historyAboutBoth  = "Filled dots: monthly averages from Luxor's Hashrate Lookback posts; open dots: hashprice on the day of Luxor's weekly Hashrate Index Roundup posts. Only the posts that were read, not this site's computation; the record low is Luxor's daily figure. Dashed lines: the halvings."
	historyDay        = "Day"
	historyPost       = "Post"
)

// historyStrings are the words above, for the catalog's test.
var historyStrings = []string{historyTitle, historyMonth, historyLuxor, historyDaily, historyHalving, historyLow,
	historyUnit, historyAboutLuxor, historyAboutDaily, historySources, historyData, historyStart,
	historyShow, historyRangeWord, historyTitleDiff, historyTitlePrice, historyRoundup, historyAboutBoth, historyDay, historyPost, "Hashprice", "Difficulty", "Bitcoin price", "All", "4 years", "1 year"}

// historyMetric is a quantity the history chart can show: hashprice from
// either source, difficulty and the price from the daily series alone.
type historyMetric struct {
	field        history.Field
	name, title  string // each in vi.json
	yLabel, unit string
}

var historyMetrics = []historyMetric{
	{history.HashpriceUSD, "Hashprice", historyTitle, historyUnit, ""},
	{history.Difficulty, "Difficulty", historyTitleDiff, "Difficulty", ""},
	{history.PriceUSD, "Bitcoin price", historyTitlePrice, "Bitcoin price", "USD"},
}

// historyRange is a span of the chart, back from its last day; years 0 is
// all of it.
type historyRange struct {
	years      int
	value, say string // the control's value; its words, in vi.json
}

// historyRanges are the spans readers choose from, the whole first.
var historyRanges = []historyRange{{0, "all", "All"}, {4, "4y", "4 years"}, {1, "1y", "1 year"}}

// yearOf is a day as a fractional year, the history chart's x.
func yearOf(t time.Time) float64 {
	start := time.Date(t.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
	days := start.AddDate(1, 0, 0).Sub(start).Hours() / 24
	return float64(t.Year()) + t.Sub(start).Hours()/24/days
}

// monthLabel writes a fractional year as its month: 2025-02 in English,
// 2/2025 in Vietnamese. A point sits at its day's start (yearOf), a tick
// at a twelfth of a year, which falls up to 0.6 of a day before its
// month's first day: three quarters of a day later is in the right month
// for both (1 April 2024 is April, not March as twelfths have it).
func monthLabel(lang locale.Tag) func(float64) string {
	return func(x float64) string {
		y := math.Floor(x)
		start := time.Date(int(y), 1, 1, 0, 0, 0, 0, time.UTC)
		days := start.AddDate(1, 0, 0).Sub(start).Hours() / 24
		t := start.AddDate(0, 0, int((x-y)*days+0.75))
		if lang == locale.VI {
			return strconv.Itoa(int(t.Month())) + "/" + strconv.Itoa(t.Year())
		}
		return fmt.Sprintf("%d-%02d", t.Year(), int(t.Month()))
	}
}

// figureUSD writes a figure as a post states it, to the cent: $108.60.
func figureUSD(st *human.Style, x float64) string {
	return st.Dollars(st.Plain(strconv.FormatFloat(x, 'f', 2, 64)))
}

// dayLabel writes a day as a reader of lang reads it.
func dayLabel(lang locale.Tag, t time.Time) string {
	if lang == locale.VI {
		return t.Format("2/1/2006")
	}
	return t.Format("2 Jan 2006")
}

// historyChart is hashprice in dollars through time for readers of lang:
// the kept daily series by month when there is one, else Luxor's monthly
// averages (never both), the halvings that fall within it or in the two
// years before, the record low, and on a page the hashprice its
// calculators start from, on its figures' day. A pinned page shows the
// past up to its figures' day: the months complete by then, the record
// low if it had happened.
func historyChart(lang locale.Tag, fb history.Fallback, kept *history.Kept, page *PageInfo) (c *chart.Chart, about string, sources [][2]string, err error) {
	return historyView(lang, fb, kept, page, historyMetrics[0], historyRanges[0])
}

// daily says a kept daily series is there to draw.
func daily(kept *history.Kept) bool { return kept != nil && kept.Has && len(kept.Series.Days) > 0 }

// historyView is historyChart for a metric over a range: a range shows
// the halvings within it only, and the record low and the page's
// hashprice when they fall within it; difficulty and price have neither.
// A metric the source lacks has no chart (nil, no error).
func historyView(lang locale.Tag, fb history.Fallback, kept *history.Kept, page *PageInfo, metric historyMetric, span historyRange) (c *chart.Chart, about string, sources [][2]string, err error) {
	end, err := pageEnd(page)
	if err != nil {
		return nil, "", nil, err
	}
	if metric.field != history.HashpriceUSD && !daily(kept) {
		return nil, "", nil, nil
	}
	st := lang.Style()
	yLabel := lang.T(metric.yLabel)
	if metric.unit != "" {
		yLabel += " (" + metric.unit + ")"
	}
	c = &chart.Chart{ID: "history", Title: lang.T(metric.title), XLabel: lang.T(historyMonth), YLabel: yLabel,
		FormatX: monthLabel(lang), Gap: 1.5 / 12, FormatY: st.Compact}
	if metric.field == history.HashpriceUSD {
		// Whole numbers on the axis (its label says USD), dollars and
		// cents in the table.
		c.FormatY = func(y float64) string {
			if y == math.Trunc(y) {
				return st.Plain(strconv.FormatFloat(y, 'f', 0, 64))
			}
			return st.USD(y)
		}
	}
	// from is the range's first day: years back from the last day drawn.
	from := history.Date(math.MinInt32)
	back := func(last history.Date) {
		if span.years > 0 {
			from = history.DateFromTime(last.Time().AddDate(-span.years, 0, 0))
		}
	}
	var s, r chart.Series
	if daily(kept) {
		last := min(kept.Series.Last(), end)
		back(last)
		q := history.Query{From: max(kept.Series.First(), from), To: last, Step: history.StepMonth, Fields: history.AllFields}
		for _, d := range history.Select(&kept.Series, q) {
			if v, ok := d.Value(metric.field); ok {
				s.X, s.Y = append(s.X, yearOf(d.Date.Time().AddDate(0, 0, 14))), append(s.Y, v)
			}
		}
		s.Name, about = lang.T(historyDaily), lang.T(historyAboutDaily)
		sources = append(sources, [2]string{"mempool.space", "https://mempool.space/docs/api/rest"})
	} else {
		var months []time.Time
		for _, m := range fb.Months {
			t, err := time.Parse("2006-01", m.Month)
			if err != nil {
				return nil, "", nil, fmt.Errorf("history: month %q: %w", m.Month, err)
			}
			if history.DateFromTime(t.AddDate(0, 1, 0)) <= end { // complete by the page's day
				months = append(months, t)
			}
		}
		roundups, days, err := roundupsBy(fb, end)
		if err != nil {
			return nil, "", nil, err
		}
		last := history.Date(math.MinInt32)
		if len(months) > 0 {
			last = history.DateFromTime(months[len(months)-1].AddDate(0, 1, -1))
		}
		if len(days) > 0 {
			last = max(last, history.DateFromTime(days[len(days)-1]))
		}
		back(last)
		for i, t := range months {
			if history.DateFromTime(t) < from {
				continue
			}
			m := fb.Months[i]
			s.X, s.Y = append(s.X, yearOf(t.AddDate(0, 0, 14))), append(s.Y, m.HashpriceUSD)
			sources = append(sources, [2]string{m.Title, m.URL})
		}
		// Luxor's weekly Roundups: the hashprice of a day, a series of
		// their own with its own name, never joined to the months.
		for i, t := range days {
			if history.DateFromTime(t) < from {
				continue
			}
			r.X, r.Y = append(r.X, yearOf(t)), append(r.Y, roundups[i].HashpriceUSD)
			sources = append(sources, [2]string{roundups[i].Title, roundups[i].URL})
		}
		// Dots alone: each a month's or a day's figure, none joined to
		// the next (no figure between them was read).
		// The posts' figures to the cent in the table (whole numbers, the
		// axis's ticks, plain).
		c.FormatY = func(y float64) string {
			if y == math.Trunc(y) {
				return st.Plain(strconv.FormatFloat(y, 'f', 0, 64))
			}
			return figureUSD(st, y)
		}
		s.Name, r.Name, about, c.Dots, c.Gap = lang.T(historyLuxor), lang.T(historyRoundup), lang.T(historyAboutLuxor), true, 1.0/366
		if len(r.X) > 0 {
			about = lang.T(historyAboutBoth)
		}
	}
	for _, ser := range []chart.Series{s, r} {
		if len(ser.X) > 0 {
			c.Series = append(c.Series, ser)
		}
	}
	if len(c.Series) == 0 {
		return nil, "", nil, fmt.Errorf("history: no month to draw")
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, ser := range c.Series {
		lo, hi = min(lo, ser.X[0]), max(hi, ser.X[len(ser.X)-1])
	}
	if metric.field != history.HashpriceUSD {
		c.Marks, err = halvings(lang, fb, lo, hi)
		return c, about, sources, err
	}
	low, err := time.Parse(time.DateOnly, fb.RecordLow.Date)
	if err != nil {
		return nil, "", nil, fmt.Errorf("history: record low: %w", err)
	}
	if d := history.DateFromTime(low); d <= end && d >= from {
		c.Notes = []chart.Note{{X: yearOf(low), Y: fb.RecordLow.HashpriceUSD,
			Label: lang.T(historyLow) + ": " + st.USD(fb.RecordLow.HashpriceUSD) + "\n" + dayLabel(lang, low)}}
		if !slices.ContainsFunc(sources, func(s [2]string) bool { return s[1] == fb.RecordLow.URL }) {
			sources = append(sources, [2]string{fb.RecordLow.Title, fb.RecordLow.URL})
		}
	}
	if page != nil {
		snap := page.Snapshot
		day, err := time.Parse(time.DateOnly, snap.AsOf)
		if err != nil {
			return nil, "", nil, fmt.Errorf("history: the page's figures: %w", err)
		}
		n := econ.Network{Chain: chain.MainNet, PriceUSD: snap.PriceUSD, Difficulty: snap.Difficulty, SubsidyBTC: snap.SubsidyBTC, FeesBTC: snap.FeesBTC}
		hp := n.HashpriceUSDPerPHDay()
		if history.DateFromTime(day) >= from {
			c.Notes = append(c.Notes, chart.Note{X: yearOf(day), Y: hp, Above: true, Live: true,
				Label: lang.T(historyStart) + "\n" + st.USD(hp)})
		}
	}
	// The whole history shows the halving before it too (up to two years
	// back, widening the axis); a range, those within it.
	if span.years == 0 {
		lo -= 2
	}
	c.Marks, err = halvings(lang, fb, lo, hi)
	return c, about, sources, err
}

// pageEnd is the last day a page's history shows: its figures' day when
// pinned, else no end.
func pageEnd(page *PageInfo) (history.Date, error) {
	if page == nil || !page.Pinned {
		return history.Date(math.MaxInt32), nil
	}
	end, err := history.ParseDate(page.Snapshot.AsOf)
	if err != nil {
		return 0, fmt.Errorf("history: the page's date: %w", err)
	}
	return end, nil
}

// roundupsBy are Luxor's weekly Roundup readings up to end and their days.
func roundupsBy(fb history.Fallback, end history.Date) ([]history.Roundup, []time.Time, error) {
	var rs []history.Roundup
	var days []time.Time
	for _, r := range fb.Roundups.Readings {
		t, err := time.Parse(time.DateOnly, r.Date)
		if err != nil {
			return nil, nil, fmt.Errorf("history: Roundup %q: %w", r.Date, err)
		}
		if history.DateFromTime(t) <= end {
			rs, days = append(rs, r), append(days, t)
		}
	}
	return rs, days, nil
}

// roundupTable is the Roundup readings a page shows, each with its day,
// its figure and its post linked: the source of every open dot.
func roundupTable(lang locale.Tag, fb history.Fallback, page *PageInfo) (string, error) {
	end, err := pageEnd(page)
	if err != nil {
		return "", err
	}
	rs, days, err := roundupsBy(fb, end)
	if err != nil || len(rs) == 0 {
		return "", err
	}
	st := lang.Style()
	var b strings.Builder
	fmt.Fprintf(&b, `<table class="chart-data"><caption>%s</caption><thead><tr><th scope="col">%s</th><th scope="col">%s</th><th scope="col">%s</th></tr></thead><tbody>`,
		html.EscapeString(lang.T(historyRoundup)), html.EscapeString(lang.T(historyDay)), html.EscapeString(lang.T(historyUnit)), html.EscapeString(lang.T(historyPost)))
	for i, r := range rs {
		fmt.Fprintf(&b, `<tr><th scope="row">%s</th><td>%s</td><td><a href="%s">%s</a></td></tr>`,
			html.EscapeString(dayLabel(lang, days[i])), html.EscapeString(figureUSD(st, r.HashpriceUSD)), html.EscapeString(r.URL), html.EscapeString(r.Title))
	}
	b.WriteString(`</tbody></table>`)
	return b.String(), nil
}

// halvings are the halvings between two fractional years, as marks.
func halvings(lang locale.Tag, fb history.Fallback, from, to float64) ([]chart.Mark, error) {
	var marks []chart.Mark
	for _, h := range fb.Halvings {
		t, err := time.Parse(time.DateOnly, h.Date)
		if err != nil {
			return nil, fmt.Errorf("history: halving %d: %w", h.Height, err)
		}
		if x := yearOf(t); x >= from && x <= to {
			marks = append(marks, chart.Mark{X: x, Label: lang.T(historyHalving) + " " + dayLabel(lang, t)})
		}
	}
	return marks, nil
}

// historyWriter writes the history chart for readers of lang on page (nil
// for an embed: the whole series, no scenario).
type historyWriter func(w io.Writer, lang locale.Tag, page *PageInfo) error

// historyFigure writes the history chart for readers of lang: a drawing,
// wide and narrow, for each metric the source has and each range that
// shows less than the one before, the whole hashprice first; radio
// buttons choose among them where there are several (the stylesheet
// shows the chosen one, with no script; without :has() the first alone);
// what it shows, its sources and each metric's data table.
func historyFigure(w io.Writer, lang locale.Tag, fb history.Fallback, kept *history.Kept, page *PageInfo) error {
	var metrics []historyMetric
	var ranges []historyRange
	var views, tables strings.Builder
	var about string
	var sources [][2]string
	for _, metric := range historyMetrics {
		points := -1 // the last range's, to skip a range that shows them all again
		for _, span := range historyRanges {
			c, a, src, err := historyView(lang, fb, kept, page, metric, span)
			if err != nil {
				return err
			}
			if c == nil {
				break
			}
			if metric.field == history.HashpriceUSD {
				n := 0
				for _, s := range c.Series {
					n += len(s.X)
				}
				if n == points {
					continue
				}
				points = n
				ranges = append(ranges, span)
				if span.years == 0 {
					about, sources = a, src
				}
			} else if !slices.Contains(ranges, span) {
				continue
			}
			if span.years == 0 {
				metrics = append(metrics, metric)
				tables.WriteString(c.Table())
				if metric.field == history.HashpriceUSD && !daily(kept) {
					t, err := roundupTable(lang, fb, page)
					if err != nil {
						return err
					}
					tables.WriteString(t)
				}
			}
			class := "history-view"
			if len(metrics) > 1 || span.years > 0 {
				class += " history-alt"
			}
			wide := c.SVG()
			c.Width, c.ID = chart.Narrow, c.ID+"-narrow"
			fmt.Fprintf(&views, "<div class=\"%s\" data-metric=\"%s\" data-range=\"%s\"><div class=\"chart-box\"><div class=\"chart-wide\">%s</div><div class=\"chart-narrow\">%s</div></div></div>\n",
				class, metric.field, span.value, wide, c.SVG())
		}
	}
	var links []string
	for _, s := range sources {
		links = append(links, `<a href="`+html.EscapeString(s[1])+`">`+html.EscapeString(s[0])+`</a>`)
	}
	_, err := fmt.Fprintf(w, "<figure class=\"chart-figure history-chart\" id=\"history\">\n%s%s"+
		"<figcaption><p class=\"history-about chart-source\">%s %s: %s.</p><details><summary>%s</summary><div class=\"chart-table\">%s</div></details></figcaption>\n</figure>\n",
		historyControls(lang, metrics, ranges), views.String(), html.EscapeString(about), html.EscapeString(lang.T(historySources)), strings.Join(links, "; "),
		html.EscapeString(lang.T(historyData)), tables.String())
	return err
}

// historyControls are the radio buttons that choose the history chart's
// metric and range, each group only where it offers a choice.
func historyControls(lang locale.Tag, metrics []historyMetric, ranges []historyRange) string {
	var b strings.Builder
	group := func(name, legend string, values, says []string) {
		if len(values) < 2 {
			return
		}
		fmt.Fprintf(&b, "<fieldset><legend>%s</legend>", html.EscapeString(lang.T(legend)))
		for i, v := range values {
			checked := ""
			if i == 0 {
				checked = " checked"
			}
			fmt.Fprintf(&b, "<label><input type=\"radio\" name=\"history-%s\" value=\"%s\"%s> %s</label>", name, v, checked, html.EscapeString(lang.T(says[i])))
		}
		b.WriteString("</fieldset>")
	}
	var values, says []string
	for _, m := range metrics {
		values, says = append(values, m.field.String()), append(says, m.name)
	}
	group("metric", historyShow, values, says)
	values, says = nil, nil
	for _, r := range ranges {
		values, says = append(values, r.value), append(says, r.say)
	}
	group("range", historyRangeWord, values, says)
	if b.Len() == 0 {
		return ""
	}
	return "<div class=\"history-controls\">" + b.String() + "</div>\n"
}
