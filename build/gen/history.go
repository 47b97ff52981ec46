package gen

import (
	"fmt"
	"html"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/hashswitch/hashswitch/wasm/chain"
	"github.com/hashswitch/hashswitch/wasm/chart"
	"github.com/hashswitch/hashswitch/wasm/econ"
	"github.com/hashswitch/hashswitch/wasm/history"
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
)

// historyStrings are the words above, for the catalog's test.
var historyStrings = []string{historyTitle, historyMonth, historyLuxor, historyDaily, historyHalving, historyLow,
	historyUnit, historyAboutLuxor, historyAboutDaily, historySources, historyData, historyStart}

// yearOf is a day as a fractional year, the history chart's x.
func yearOf(t time.Time) float64 {
	start := time.Date(t.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
	days := start.AddDate(1, 0, 0).Sub(start).Hours() / 24
	return float64(t.Year()) + t.Sub(start).Hours()/24/days
}

// monthLabel writes a fractional year as its month: 2025-02 in English,
// 2/2025 in Vietnamese.
func monthLabel(lang locale.Tag) func(float64) string {
	return func(x float64) string {
		y := math.Floor(x)
		m := min(int((x-y)*12+1e-9)+1, 12)
		if lang == locale.VI {
			return strconv.Itoa(m) + "/" + strconv.Itoa(int(y))
		}
		return fmt.Sprintf("%d-%02d", int(y), m)
	}
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
	end := history.Date(math.MaxInt32)
	if page != nil && page.Pinned {
		if end, err = history.ParseDate(page.Snapshot.AsOf); err != nil {
			return nil, "", nil, fmt.Errorf("history: the page's date: %w", err)
		}
	}
	st := lang.Style()
	c = &chart.Chart{ID: "history", Title: lang.T(historyTitle), XLabel: lang.T(historyMonth), YLabel: lang.T(historyUnit),
		FormatX: monthLabel(lang), Gap: 1.5 / 12,
		// Whole numbers on the axis (its label says USD), dollars and
		// cents in the table.
		FormatY: func(y float64) string {
			if y == math.Trunc(y) {
				return st.Plain(strconv.FormatFloat(y, 'f', 0, 64))
			}
			return st.USD(y)
		}}
	var s chart.Series
	if kept != nil && kept.Has && len(kept.Series.Days) > 0 {
		q := history.Query{From: kept.Series.First(), To: min(kept.Series.Last(), end), Step: history.StepMonth, Fields: history.AllFields}
		for _, d := range history.Select(&kept.Series, q) {
			if v, ok := d.Value(history.HashpriceUSD); ok {
				s.X, s.Y = append(s.X, yearOf(d.Date.Time().AddDate(0, 0, 14))), append(s.Y, v)
			}
		}
		s.Name, about = lang.T(historyDaily), lang.T(historyAboutDaily)
		sources = append(sources, [2]string{"mempool.space", "https://mempool.space/docs/api/rest"})
	} else {
		for _, m := range fb.Months {
			t, err := time.Parse("2006-01", m.Month)
			if err != nil {
				return nil, "", nil, fmt.Errorf("history: month %q: %w", m.Month, err)
			}
			if history.DateFromTime(t.AddDate(0, 1, 0)) > end {
				continue // not complete by the page's day
			}
			s.X, s.Y = append(s.X, yearOf(t.AddDate(0, 0, 14))), append(s.Y, m.HashpriceUSD)
			sources = append(sources, [2]string{m.Title, m.URL})
		}
		s.Name, about, c.Dots = lang.T(historyLuxor), lang.T(historyAboutLuxor), true
	}
	if len(s.X) == 0 {
		return nil, "", nil, fmt.Errorf("history: no month to draw")
	}
	c.Series = []chart.Series{s}
	low, err := time.Parse(time.DateOnly, fb.RecordLow.Date)
	if err != nil {
		return nil, "", nil, fmt.Errorf("history: record low: %w", err)
	}
	if history.DateFromTime(low) <= end {
		c.Notes = []chart.Note{{X: yearOf(low), Y: fb.RecordLow.HashpriceUSD,
			Label: lang.T(historyLow) + ": " + st.USD(fb.RecordLow.HashpriceUSD) + "\n" + dayLabel(lang, low)}}
		if sources[len(sources)-1][1] != fb.RecordLow.URL {
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
		c.Notes = append(c.Notes, chart.Note{X: yearOf(day), Y: hp, Above: true,
			Label: lang.T(historyStart) + "\n" + st.USD(hp)})
	}
	for _, h := range fb.Halvings {
		t, err := time.Parse(time.DateOnly, h.Date)
		if err != nil {
			return nil, "", nil, fmt.Errorf("history: halving %d: %w", h.Height, err)
		}
		if x := yearOf(t); x >= s.X[0]-2 && x <= s.X[len(s.X)-1] {
			c.Marks = append(c.Marks, chart.Mark{X: x, Label: lang.T(historyHalving) + " " + dayLabel(lang, t)})
		}
	}
	return c, about, sources, nil
}

// historyWriter writes the history chart for readers of lang on page (nil
// for an embed: the whole series, no scenario).
type historyWriter func(w io.Writer, lang locale.Tag, page *PageInfo) error

// historyFigure writes the history chart for readers of lang, wide and
// narrow, with what it shows, its sources and its data table.
func historyFigure(w io.Writer, lang locale.Tag, fb history.Fallback, kept *history.Kept, page *PageInfo) error {
	c, about, sources, err := historyChart(lang, fb, kept, page)
	if err != nil {
		return err
	}
	wide := c.SVG()
	table := c.Table()
	c.Width, c.ID = chart.Narrow, c.ID+"-narrow"
	narrow := c.SVG()
	var links []string
	for _, s := range sources {
		links = append(links, `<a href="`+html.EscapeString(s[1])+`">`+html.EscapeString(s[0])+`</a>`)
	}
	_, err = fmt.Fprintf(w, "<figure class=\"chart-figure history-chart\" id=\"history\">\n<div class=\"chart-box\"><div class=\"chart-wide\">%s</div><div class=\"chart-narrow\">%s</div></div>\n"+
		"<figcaption><p class=\"history-about chart-source\">%s %s: %s.</p><details><summary>%s</summary><div class=\"chart-table\">%s</div></details></figcaption>\n</figure>\n",
		wide, narrow, html.EscapeString(about), html.EscapeString(lang.T(historySources)), strings.Join(links, "; "), html.EscapeString(lang.T(historyData)), table)
	return err
}
