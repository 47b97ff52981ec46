// Package chart draws small SVG charts, each with the data table that says
// the same thing in words, for the calculators: line charts (a quantity
// against another) and bar charts (a few options side by side). It is used
// at build time to prerender pages and in the browser by the WebAssembly, so
// both draw the same picture. Its words and numbers come written: package
// present writes them for a reader. Pure Go; it must never import
// syscall/js.
//
// The SVG carries no style attributes (the pages' CSP forbids inline
// styles): classes name every part, and the site's CSS colours them for
// light and dark mode.
package chart

import (
	"html"
	"math"
	"strconv"
	"strings"

	"github.com/hashswitch/hashswitch/wasm/human"
)

// Series is one line: Y against X.
type Series struct {
	Name string
	X, Y []float64
}

// Bar is one bar of a bar chart.
type Bar struct {
	Label string
	Value float64
}

// Chart is a line chart (Series) or a bar chart (Bars).
type Chart struct {
	ID     string // unique in the page, for aria references
	Title  string
	XLabel string
	YLabel string
	Series []Series
	Bars   []Bar
	// Marker highlights the reader's scenario on a line chart.
	Marker *Point
	// Marks are vertical lines at an x, each labelled (the halvings on a
	// chart through time); Notes are labelled points (a record). Both
	// widen the axes to show them, and the table lists them.
	Marks []Mark
	Notes []Note
	// Dots draws each point of a line (a series of few, spaced points);
	// Gap, when above 0, leaves points further apart in x than Gap
	// unjoined (months with no figure between them).
	Dots       bool
	Gap        float64
	FormatX    func(float64) string // tick and table labels; default human.English.Compact
	FormatY    func(float64) string
	StepSeries bool // draw lines as steps (a value that holds until the next x)
	// Width is the drawing's width in CSS pixels (0: Wide). A page shows a
	// Narrow drawing on phones, so text stays at 12 px instead of shrinking
	// with the picture.
	Width int
}

// The two widths pages draw: for screens, and for phones (a 240-unit
// drawing in the 230 px column of a 320 px screen still sets its text
// above 11 px).
const (
	Wide   = 640
	Narrow = 240
)

// Mark is a labelled vertical line.
type Mark struct {
	X     float64
	Label string
}

// Note is a labelled point, its label below it or Above; a "\n" in the
// label breaks its line.
type Note struct {
	X, Y  float64
	Label string
	Above bool
}

// Point is a marked point.
type Point struct {
	X, Y  float64
	Label string
}

const (
	height                   = 300
	padRight, padTop, padBot = 16, 16, 44
)

// c.padLeft() is the room for the y axis's ticks and label.
func (c *Chart) padLeft() float64 {
	if c.w() < 400 {
		return 58
	}
	return 72
}

// w is the drawing's width.
func (c *Chart) w() float64 {
	if c.Width <= 0 {
		return Wide
	}
	return float64(max(c.Width, 200))
}

// SVG returns the chart as an <svg> element.
func (c *Chart) SVG() string {
	var m markup
	titleID := html.EscapeString(c.ID + "-title")
	m.put(`<svg class="chart" viewBox="0 0 %g %d" role="img" aria-labelledby="`, c.w(), height)
	m.raw(titleID)
	m.raw(`" xmlns="http://www.w3.org/2000/svg"><title id="`)
	m.raw(titleID)
	m.tag(`">`, c.Title, `</title>`)
	if len(c.Bars) > 0 {
		c.bars(&m)
	} else {
		c.lines(&m)
	}
	m.raw(`</svg>`)
	return string(m)
}

func (c *Chart) fx() func(float64) string {
	if c.FormatX != nil {
		return c.FormatX
	}
	return human.English.Compact
}

func (c *Chart) fy() func(float64) string {
	if c.FormatY != nil {
		return c.FormatY
	}
	return human.English.Compact
}

func (c *Chart) lines(m *markup) {
	xmin, xmax, ymin, ymax := math.Inf(1), math.Inf(-1), 0.0, math.Inf(-1)
	for _, s := range c.Series {
		for i := range s.X {
			xmin, xmax = math.Min(xmin, s.X[i]), math.Max(xmax, s.X[i])
			ymin, ymax = math.Min(ymin, s.Y[i]), math.Max(ymax, s.Y[i])
		}
	}
	if c.Marker != nil {
		ymin, ymax = math.Min(ymin, c.Marker.Y), math.Max(ymax, c.Marker.Y)
	}
	for _, n := range c.Notes {
		xmin, xmax = math.Min(xmin, n.X), math.Max(xmax, n.X)
		ymin, ymax = math.Min(ymin, n.Y), math.Max(ymax, n.Y)
	}
	for _, mk := range c.Marks {
		xmin, xmax = math.Min(xmin, mk.X), math.Max(xmax, mk.X)
	}
	if !(xmax > xmin) || math.IsInf(ymax, 0) || math.IsNaN(ymax) || math.IsNaN(ymin) {
		return // nothing drawable: the table still says it
	}
	yt := niceTicks(ymin, ymax, 5)
	ymin, ymax = yt[0], yt[len(yt)-1]
	if ymax == ymin {
		ymax = ymin + 1
	}
	width, left := c.w(), c.padLeft()
	px := func(x float64) float64 { return left + (x-xmin)/(xmax-xmin)*(width-left-padRight) }
	py := func(y float64) float64 { return height - padBot - (y-ymin)/(ymax-ymin)*(height-padTop-padBot) }

	c.axes(m, yt, py)
	// One x tick per 110 px or so: fewer on a phone.
	fx := c.fx()
	for _, x := range niceTicks(xmin, xmax, max(2, int((width-left-padRight)/110))) {
		if x < xmin-1e-9*math.Abs(xmax-xmin) || x > xmax+1e-9*math.Abs(xmax-xmin) {
			continue
		}
		m.put(`<text class="chart-tick" x="%f" y="%d" text-anchor="middle">`, px(x), height-padBot+18)
		m.tag("", fx(x), `</text>`)
	}
	m.put(`<text class="chart-label" x="%f" y="%d" text-anchor="middle">`, (width+left)/2, height-6)
	m.tag("", c.XLabel, `</text>`)
	// A path is most of a drawing's numbers, redrawn on every keystroke:
	// written with strconv, not fmt (BENCH.md, 26 November 2026).
	for i, s := range c.Series {
		m.put(`<path class="chart-line chart-line-%d" d="`, float64(i))
		for j := range s.X {
			switch {
			case j == 0 || c.Gap > 0 && s.X[j]-s.X[j-1] > c.Gap:
				m.put(`M%f %f`, px(s.X[j]), py(s.Y[j]))
				continue
			case c.StepSeries:
				m.put(`L%f %f`, px(s.X[j]), py(s.Y[j-1]))
			}
			m.put(`L%f %f`, px(s.X[j]), py(s.Y[j]))
		}
		m.raw(`" fill="none"/>`)
		if c.Dots {
			for j := range s.X {
				m.put(`<circle class="chart-dot chart-dot-%d" cx="%f" cy="%f" r="4"/>`, float64(i), px(s.X[j]), py(s.Y[j]))
			}
		}
	}
	c.marksAndNotes(m, px, py)
	if mk := c.Marker; mk != nil {
		x, y := px(mk.X), py(mk.Y)
		m.put(`<circle class="chart-marker" cx="%f" cy="%f" r="5"/>`, x, y)
		if x > width*0.7 {
			m.put(`<text class="chart-marker-label" x="%f" y="%f" text-anchor="end">`, x-8, y-8)
		} else {
			m.put(`<text class="chart-marker-label" x="%f" y="%f" text-anchor="start">`, x+8, y-8)
		}
		m.tag("", mk.Label, `</text>`)
	}
	if len(c.Series) > 1 {
		for i, s := range c.Series {
			m.put(`<text class="chart-legend chart-legend-%d" x="%g" y="%d">`, float64(i), left+8, float64(padTop+14+16*i))
			m.tag("", s.Name, `</text>`)
		}
	}
}

// marksAndNotes draws the Marks, each label in one of two rows so that
// neighbours do not collide, and the Notes, each label below its point
// (or above), towards the middle of the plot, a line for each "\n".
func (c *Chart) marksAndNotes(m *markup, px, py func(float64) float64) {
	for i, mk := range c.Marks {
		x := px(mk.X)
		m.put(`<line class="chart-mark" x1="%f" x2="%f" y1="%d" y2="%d"/>`, x, x, padTop, height-padBot)
		m.put(`<text class="chart-mark-label" x="%f" y="%d">`, x+4, float64(padTop+12+14*(i%2)))
		m.tag("", mk.Label, `</text>`)
	}
	for _, n := range c.Notes {
		x, y := px(n.X), py(n.Y)
		m.put(`<circle class="chart-note" cx="%f" cy="%f" r="5"/>`, x, y)
		ly := y + 22
		if n.Above {
			ly = y - 12 - 14.4*float64(strings.Count(n.Label, "\n"))
		}
		if x > c.w()*0.6 {
			m.put(`<text class="chart-note-label" x="%f" y="%f" text-anchor="end">`, x, ly)
		} else {
			m.put(`<text class="chart-note-label" x="%f" y="%f" text-anchor="start">`, x, ly)
		}
		for j, line := range strings.Split(n.Label, "\n") {
			if j == 0 {
				m.put(`<tspan x="%f" dy="0">`, x)
			} else {
				m.put(`<tspan x="%f" dy="1.2em">`, x)
			}
			m.tag("", line, `</tspan>`)
		}
		m.raw(`</text>`)
	}
}

// axes draws the y axis with its grid and label, and the x axis line.
func (c *Chart) axes(m *markup, yt []float64, py func(float64) float64) {
	left, right, fy := c.padLeft(), c.w()-padRight, c.fy()
	for _, y := range yt {
		m.put(`<line class="chart-grid" x1="%g" x2="%f" y1="%f" y2="%f"/>`, left, right, py(y), py(y))
		m.put(`<text class="chart-tick" x="%g" y="%f" text-anchor="end">`, left-6, py(y)+4)
		m.tag("", fy(y), `</text>`)
	}
	m.put(`<line class="chart-axis" x1="%g" x2="%f" y1="%d" y2="%d"/>`, left, right, height-padBot, height-padBot)
	m.put(`<text class="chart-label" x="14" y="%d" text-anchor="middle" transform="rotate(-90 14 %d)">`, (height-padBot+padTop)/2, (height-padBot+padTop)/2)
	m.tag("", c.YLabel, `</text>`)
}

func (c *Chart) bars(m *markup) {
	ymin, ymax := 0.0, 0.0
	for _, bar := range c.Bars {
		ymin, ymax = math.Min(ymin, bar.Value), math.Max(ymax, bar.Value)
	}
	if math.IsNaN(ymax) || math.IsInf(ymax, 0) || math.IsInf(ymin, 0) || ymax == ymin {
		return
	}
	yt := niceTicks(ymin, ymax*1.08, 5) // room above the tallest bar for its value
	ymin, ymax = yt[0], yt[len(yt)-1]
	py := func(y float64) float64 { return height - padBot - (y-ymin)/(ymax-ymin)*(height-padTop-padBot) }
	c.axes(m, yt, py)
	fy := c.fy()
	slot := (c.w() - c.padLeft() - padRight) / float64(len(c.Bars))
	for i, bar := range c.Bars {
		x := c.padLeft() + slot*float64(i) + slot*0.2
		top, bottom := py(math.Max(bar.Value, 0)), py(math.Min(bar.Value, 0))
		m.put(`<rect class="chart-bar chart-bar-%d" x="%f" y="%f" width="%f" height="%f"/>`, float64(i), x, top, slot*0.6, math.Max(bottom-top, 0.5))
		m.put(`<text class="chart-value" x="%f" y="%f" text-anchor="middle">`, x+slot*0.3, top-6)
		m.tag("", fy(bar.Value), `</text>`)
		// A label wider than its slot (about 7 px a character) wraps at
		// its spaces, a line each.
		lines := []string{bar.Label}
		if float64(len(bar.Label))*7 > slot {
			lines = strings.Fields(bar.Label)
		}
		m.put(`<text class="chart-tick" x="%f" y="%d" text-anchor="middle">`, x+slot*0.3, height-padBot+18)
		for j, line := range lines {
			if j == 0 {
				m.put(`<tspan x="%f" dy="0">`, x+slot*0.3)
			} else {
				m.put(`<tspan x="%f" dy="1.1em">`, x+slot*0.3)
			}
			m.tag("", line, `</tspan>`)
		}
		m.raw(`</text>`)
	}
}

// Table returns the chart's data as an HTML table.
func (c *Chart) Table() string {
	var m markup
	m.tag(`<table class="chart-data"><caption>`, c.Title, `</caption><thead><tr>`)
	fy := c.fy()
	if len(c.Bars) > 0 {
		m.tag(`<th scope="col">`, c.XLabel, `</th>`)
		m.tag(`<th scope="col">`, c.YLabel, `</th></tr></thead><tbody>`)
		for _, bar := range c.Bars {
			m.tag(`<tr><th scope="row">`, bar.Label, `</th>`)
			m.tag(`<td>`, fy(bar.Value), `</td></tr>`)
		}
		m.raw(`</tbody></table>`)
		return string(m)
	}
	m.tag(`<th scope="col">`, c.XLabel, `</th>`)
	for _, s := range c.Series {
		name := s.Name
		if name == "" {
			name = c.YLabel
		}
		m.tag(`<th scope="col">`, name, `</th>`)
	}
	m.raw(`</tr></thead><tbody>`)
	if len(c.Series) > 0 {
		fx := c.fx()
		for i, x := range c.Series[0].X {
			m.tag(`<tr><th scope="row">`, fx(x), `</th>`)
			for _, s := range c.Series {
				cell := ""
				if i < len(s.Y) {
					cell = fy(s.Y[i])
				}
				m.tag(`<td>`, cell, `</td>`)
			}
			m.raw(`</tr>`)
		}
	}
	for _, n := range c.Notes {
		m.tag(`<tr class="chart-note-row"><th scope="row">`, c.fx()(n.X), `</th>`)
		m.tag(`<td>`, strings.ReplaceAll(n.Label, "\n", " "), `</td></tr>`)
	}
	for _, mk := range c.Marks {
		m.tag(`<tr class="chart-mark-row"><th scope="row">`, c.fx()(mk.X), `</th>`)
		m.tag(`<td>`, mk.Label, `</td></tr>`)
	}
	m.raw(`</tbody></table>`)
	return string(m)
}

// markup is a drawing or a table being written. Its numbers are written
// with strconv, not fmt, whose cost every keystroke would pay (BENCH.md,
// 26 November 2026); its elements one call each, which keeps the
// WebAssembly small.
type markup []byte

// put writes a piece of markup, each verb filled with the next number: %f
// with one decimal (as fmt's %.1f), %g as short as it reads back, %d
// whole.
func (m *markup) put(piece string, nums ...float64) {
	b := *m
	for {
		i := strings.IndexByte(piece, '%')
		if i < 0 || i == len(piece)-1 || len(nums) == 0 {
			*m = append(b, piece...)
			return
		}
		b = append(b, piece[:i]...)
		switch piece[i+1] {
		case 'f':
			b = strconv.AppendFloat(b, nums[0], 'f', 1, 64)
		case 'g':
			b = strconv.AppendFloat(b, nums[0], 'g', -1, 64)
		default:
			b = strconv.AppendInt(b, int64(nums[0]), 10)
		}
		piece, nums = piece[i+2:], nums[1:]
	}
}

// raw writes markup as it is.
//
//go:noinline
func (m *markup) raw(s string) { *m = append(*m, s...) }

// tag writes before, text escaped as HTML text, and after.
//
//go:noinline
func (m *markup) tag(before, text, after string) {
	*m = append(append(append(*m, before...), html.EscapeString(text)...), after...)
}

// niceTicks returns about n round tick values covering [lo, hi].
func niceTicks(lo, hi float64, n int) []float64 {
	if hi < lo {
		lo, hi = hi, lo
	}
	if hi == lo {
		if hi == 0 {
			return []float64{0, 1}
		}
		lo, hi = lo-math.Abs(lo)/2, hi+math.Abs(hi)/2
	}
	raw := (hi - lo) / float64(n)
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := mag
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*mag >= raw {
			step = m * mag
			break
		}
	}
	// From the last step at or below lo to the first at or above hi, so
	// every value lies inside the axis.
	first := math.Floor(lo/step) * step
	var ticks []float64
	for i := 0; i < 50; i++ {
		v := math.Round((first+float64(i)*step)/step) * step
		ticks = append(ticks, v)
		if v >= hi-step*1e-9 && i > 0 {
			break
		}
	}
	return ticks
}
