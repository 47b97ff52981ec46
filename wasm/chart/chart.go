// Package chart draws small SVG charts, each with the data table that says
// the same thing in words, for the calculators: line charts (a quantity
// against another) and bar charts (a few options side by side). It is used
// at build time to prerender pages and in the browser by the WebAssembly, so
// both draw the same picture. Pure Go; it must never import syscall/js.
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
	FormatX    func(float64) string // tick and table labels; default Compact
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

// Point is a marked point.
type Point struct {
	X, Y  float64
	Label string
}

// Note is a labelled point, its label below it or Above; a "\n" in the
// label breaks its line.
type Note struct {
	X, Y  float64
	Label string
	Above bool
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
	var b strings.Builder
	titleID := c.ID + "-title"
	b.WriteString(`<svg class="chart" viewBox="0 0 ` + shortest(c.w()) + ` ` + itoa(height) + `" role="img" aria-labelledby="` + html.EscapeString(titleID) + `" xmlns="http://www.w3.org/2000/svg">`)
	b.WriteString(`<title id="` + html.EscapeString(titleID) + `">` + html.EscapeString(c.Title) + `</title>`)
	if len(c.Bars) > 0 {
		c.bars(&b)
	} else {
		c.lines(&b)
	}
	b.WriteString(`</svg>`)
	return b.String()
}

func (c *Chart) fx() func(float64) string {
	if c.FormatX != nil {
		return c.FormatX
	}
	return Compact
}

func (c *Chart) fy() func(float64) string {
	if c.FormatY != nil {
		return c.FormatY
	}
	return Compact
}

func (c *Chart) lines(b *strings.Builder) {
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
	for _, m := range c.Marks {
		xmin, xmax = math.Min(xmin, m.X), math.Max(xmax, m.X)
	}
	if !(xmax > xmin) || math.IsInf(ymax, 0) || math.IsNaN(ymax) || math.IsNaN(ymin) {
		return // nothing drawable: the table still says it
	}
	yt := niceTicks(ymin, ymax, 5)
	ymin, ymax = yt[0], yt[len(yt)-1]
	if ymax == ymin {
		ymax = ymin + 1
	}
	width := c.w()
	px := func(x float64) float64 { return c.padLeft() + (x-xmin)/(xmax-xmin)*(width-c.padLeft()-padRight) }
	py := func(y float64) float64 { return height - padBot - (y-ymin)/(ymax-ymin)*(height-padTop-padBot) }

	c.axes(b, yt, py)
	// One x tick per 110 px or so: fewer on a phone.
	for _, x := range niceTicks(xmin, xmax, max(2, int((width-c.padLeft()-padRight)/110))) {
		if x < xmin-1e-9*math.Abs(xmax-xmin) || x > xmax+1e-9*math.Abs(xmax-xmin) {
			continue
		}
		b.WriteString(`<text class="chart-tick" x="` + f1(px(x)) + `" y="` + itoa(height-padBot+18) + `" text-anchor="middle">` + html.EscapeString(c.fx()(x)) + `</text>`)
	}
	b.WriteString(`<text class="chart-label" x="` + f1((width+c.padLeft())/2) + `" y="` + itoa(height-6) + `" text-anchor="middle">` + html.EscapeString(c.XLabel) + `</text>`)
	// A path is most of a drawing's numbers, redrawn on every keystroke:
	// written with strconv, not fmt (BENCH.md, 26 November 2026).
	var d []byte
	point := func(cmd byte, x, y float64) {
		d = append(d, cmd)
		d = strconv.AppendFloat(d, x, 'f', 1, 64)
		d = append(d, ' ')
		d = strconv.AppendFloat(d, y, 'f', 1, 64)
	}
	for i, s := range c.Series {
		d = d[:0]
		for j := range s.X {
			cmd := byte('L')
			if j == 0 || c.Gap > 0 && s.X[j]-s.X[j-1] > c.Gap {
				cmd = 'M'
			} else if c.StepSeries {
				point('L', px(s.X[j]), py(s.Y[j-1]))
			}
			point(cmd, px(s.X[j]), py(s.Y[j]))
		}
		b.WriteString(`<path class="chart-line chart-line-`)
		b.WriteString(strconv.Itoa(i))
		b.WriteString(`" d="`)
		b.Write(d)
		b.WriteString(`" fill="none"/>`)
		if c.Dots {
			for j := range s.X {
				b.WriteString(`<circle class="chart-dot chart-dot-` + itoa(i) + `" cx="` + f1(px(s.X[j])) + `" cy="` + f1(py(s.Y[j])) + `" r="4"/>`)
			}
		}
	}
	for i, m := range c.Marks {
		x := f1(px(m.X))
		b.WriteString(`<line class="chart-mark" x1="` + x + `" x2="` + x + `" y1="` + itoa(padTop) + `" y2="` + itoa(height-padBot) + `"/>`)
		// Labels alternate between two rows so neighbours do not collide.
		b.WriteString(`<text class="chart-mark-label" x="` + f1(px(m.X)+4) + `" y="` + itoa(padTop+12+14*(i%2)) + `">` + html.EscapeString(m.Label) + `</text>`)
	}
	for _, n := range c.Notes {
		b.WriteString(`<circle class="chart-note" cx="` + f1(px(n.X)) + `" cy="` + f1(py(n.Y)) + `" r="5"/>`)
		// Below the point, a line for each line of the label, towards the
		// middle of the plot.
		anchor, dx := "start", 0.0
		if px(n.X) > width*0.6 {
			anchor = "end"
		}
		x := f1(px(n.X) + dx)
		y := py(n.Y) + 22
		if n.Above {
			y = py(n.Y) - 12 - 14.4*float64(strings.Count(n.Label, "\n"))
		}
		b.WriteString(`<text class="chart-note-label" x="` + x + `" y="` + f1(y) + `" text-anchor="` + anchor + `">`)
		for j, line := range strings.Split(n.Label, "\n") {
			dy := "0"
			if j > 0 {
				dy = "1.2em"
			}
			b.WriteString(`<tspan x="` + x + `" dy="` + dy + `">` + html.EscapeString(line) + `</tspan>`)
		}
		b.WriteString(`</text>`)
	}
	if m := c.Marker; m != nil {
		b.WriteString(`<circle class="chart-marker" cx="` + f1(px(m.X)) + `" cy="` + f1(py(m.Y)) + `" r="5"/>`)
		anchor := "start"
		dx := 8.0
		if px(m.X) > width*0.7 {
			anchor, dx = "end", -8
		}
		b.WriteString(`<text class="chart-marker-label" x="` + f1(px(m.X)+dx) + `" y="` + f1(py(m.Y)-8) + `" text-anchor="` + anchor + `">` + html.EscapeString(m.Label) + `</text>`)
	}
	if len(c.Series) > 1 {
		for i, s := range c.Series {
			b.WriteString(`<text class="chart-legend chart-legend-` + itoa(i) + `" x="` + shortest(c.padLeft()+8) + `" y="` + itoa(padTop+14+16*i) + `">` + html.EscapeString(s.Name) + `</text>`)
		}
	}
}

// axes draws the y axis with its grid and label, and the x axis line.
func (c *Chart) axes(b *strings.Builder, yt []float64, py func(float64) float64) {
	for _, y := range yt {
		b.WriteString(`<line class="chart-grid" x1="` + shortest(c.padLeft()) + `" x2="` + f1(c.w()-padRight) + `" y1="` + f1(py(y)) + `" y2="` + f1(py(y)) + `"/>`)
		b.WriteString(`<text class="chart-tick" x="` + shortest(c.padLeft()-6) + `" y="` + f1(py(y)+4) + `" text-anchor="end">` + html.EscapeString(c.fy()(y)) + `</text>`)
	}
	b.WriteString(`<line class="chart-axis" x1="` + shortest(c.padLeft()) + `" x2="` + f1(c.w()-padRight) + `" y1="` + itoa(height-padBot) + `" y2="` + itoa(height-padBot) + `"/>`)
	b.WriteString(`<text class="chart-label" x="14" y="` + itoa((height-padBot+padTop)/2) + `" text-anchor="middle" transform="rotate(-90 14 ` + itoa((height-padBot+padTop)/2) + `)">` + html.EscapeString(c.YLabel) + `</text>`)
}

func (c *Chart) bars(b *strings.Builder) {
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
	c.axes(b, yt, py)
	slot := (c.w() - c.padLeft() - padRight) / float64(len(c.Bars))
	for i, bar := range c.Bars {
		x := c.padLeft() + slot*float64(i) + slot*0.2
		top, bottom := py(math.Max(bar.Value, 0)), py(math.Min(bar.Value, 0))
		b.WriteString(`<rect class="chart-bar chart-bar-` + itoa(i) + `" x="` + f1(x) + `" y="` + f1(top) + `" width="` + f1(slot*0.6) + `" height="` + f1(math.Max(bottom-top, 0.5)) + `"/>`)
		b.WriteString(`<text class="chart-value" x="` + f1(x+slot*0.3) + `" y="` + f1(top-6) + `" text-anchor="middle">` + html.EscapeString(c.fy()(bar.Value)) + `</text>`)
		// A label wider than its slot (about 7 px a character) wraps at
		// its spaces, a line each.
		lines := []string{bar.Label}
		if float64(len(bar.Label))*7 > slot {
			lines = strings.Fields(bar.Label)
		}
		b.WriteString(`<text class="chart-tick" x="` + f1(x+slot*0.3) + `" y="` + itoa(height-padBot+18) + `" text-anchor="middle">`)
		for j, line := range lines {
			dy := "0"
			if j > 0 {
				dy = "1.1em"
			}
			b.WriteString(`<tspan x="` + f1(x+slot*0.3) + `" dy="` + dy + `">` + html.EscapeString(line) + `</tspan>`)
		}
		b.WriteString(`</text>`)
	}
}

// Table returns the chart's data as an HTML table.
func (c *Chart) Table() string {
	var b strings.Builder
	b.WriteString(`<table class="chart-data"><caption>` + html.EscapeString(c.Title) + `</caption><thead><tr>`)
	if len(c.Bars) > 0 {
		b.WriteString(`<th scope="col">` + html.EscapeString(c.XLabel) + `</th><th scope="col">` + html.EscapeString(c.YLabel) + `</th></tr></thead><tbody>`)
		for _, bar := range c.Bars {
			b.WriteString(`<tr><th scope="row">` + html.EscapeString(bar.Label) + `</th><td>` + html.EscapeString(c.fy()(bar.Value)) + `</td></tr>`)
		}
		b.WriteString(`</tbody></table>`)
		return b.String()
	}
	b.WriteString(`<th scope="col">` + html.EscapeString(c.XLabel) + `</th>`)
	for _, s := range c.Series {
		name := s.Name
		if name == "" {
			name = c.YLabel
		}
		b.WriteString(`<th scope="col">` + html.EscapeString(name) + `</th>`)
	}
	b.WriteString(`</tr></thead><tbody>`)
	if len(c.Series) > 0 {
		fx, fy := c.fx(), c.fy()
		for i, x := range c.Series[0].X {
			b.WriteString(`<tr><th scope="row">`)
			b.WriteString(html.EscapeString(fx(x)))
			b.WriteString(`</th>`)
			for _, s := range c.Series {
				b.WriteString(`<td>`)
				if i < len(s.Y) {
					b.WriteString(html.EscapeString(fy(s.Y[i])))
				}
				b.WriteString(`</td>`)
			}
			b.WriteString(`</tr>`)
		}
	}
	for _, n := range c.Notes {
		b.WriteString(`<tr class="chart-note-row"><th scope="row">` + html.EscapeString(c.fx()(n.X)) + `</th><td>` + html.EscapeString(strings.ReplaceAll(n.Label, "\n", " ")) + `</td></tr>`)
	}
	for _, m := range c.Marks {
		b.WriteString(`<tr class="chart-mark-row"><th scope="row">` + html.EscapeString(c.fx()(m.X)) + `</th><td>` + html.EscapeString(m.Label) + `</td></tr>`)
	}
	b.WriteString(`</tbody></table>`)
	return b.String()
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

// Compact formats a number briefly: 1.2k, 3.4M, 5.6B, 7.8T.
func Compact(v float64) string {
	a := math.Abs(v)
	switch {
	case a >= 1e12:
		return trim(v/1e12) + "T"
	case a >= 1e9:
		return trim(v/1e9) + "B"
	case a >= 1e6:
		return trim(v/1e6) + "M"
	case a >= 1e4:
		return trim(v/1e3) + "k"
	case a >= 100 || a == 0:
		return strconv.FormatFloat(v, 'f', 0, 64)
	case a >= 1:
		return trim(v)
	}
	return strconv.FormatFloat(v, 'g', 3, 64)
}

// f1, shortest and itoa write a drawing's numbers as fmt's %.1f, %g and
// %d do, without fmt's cost on every keystroke.
func f1(v float64) string       { return strconv.FormatFloat(v, 'f', 1, 64) }
func shortest(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }
func itoa(i int) string         { return strconv.Itoa(i) }

func trim(v float64) string {
	s := strconv.FormatFloat(v, 'f', 2, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	return s
}
