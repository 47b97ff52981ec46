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
	"slices"
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
	// Live marks a point the page moves as a calculator's answer changes:
	// its circle says where it starts (data-c), its value and the units of
	// the drawing per unit of y (data-v, data-k) and the plot's top and
	// bottom, and its label
	// with its leader is one group (chart-live-label) moved with it.
	Live bool
}

// Point is a marked point.
type Point struct {
	X, Y  float64
	Label string
}

// A drawing's plot is plotHeight high (narrowPlotHeight on a phone's
// drawing, whose legend goes below it: the answer, its figures and the
// chart stay within a phone's first screen and a half) below a margin of
// padTop; the axes' words, a legend below the plot and numbered notes add
// to its height.
const (
	plotHeight       = 240
	narrowPlotHeight = 170
	padTop           = 16
	padRight         = 16
)

// frame is one drawing's geometry: its size, the plot's box inside it,
// the axes' labels broken into lines, and what is placed so far.
type frame struct {
	width, height            float64
	left, top, right, bottom float64
	yLabel, xLabel           []string
	scene
	notes []string // labels that found no room by their point, numbered under the plot
}

// w is the drawing's width.
func (c *Chart) w() float64 {
	if c.Width <= 0 {
		return Wide
	}
	return float64(max(c.Width, 200))
}

// frame lays out a drawing whose y axis shows yTicks and whose plot keeps
// rightPad free on its right: the y axis as wide as its widest tick and
// its label (in lines as long as the plot is high), the x label in lines
// as wide as the drawing.
func (c *Chart) frame(yTicks []string, rightPad float64) *frame {
	plot := float64(plotHeight)
	if c.w() <= Narrow {
		plot = narrowPlotHeight
	}
	f := &frame{width: c.w(), top: padTop, bottom: padTop + plot}
	f.yLabel = wrap(c.YLabel, plot, labelSize, false)
	f.xLabel = wrap(c.XLabel, f.width-8, labelSize, false)
	widest := 0.0
	for _, t := range yTicks {
		widest = math.Max(widest, textWidth(t, tickSize, false))
	}
	// The y label's baselines run down from x 14, a line apart; the ticks
	// end 6 px before the axis.
	f.left = math.Ceil(14 + float64(len(f.yLabel)-1)*lineGap*labelSize + descent*labelSize + 4 + widest + 6)
	f.right = f.width - rightPad
	f.bounds = box{0, 0, f.width, f.bottom}
	return f
}

// SVG returns the chart as an <svg> element.
func (c *Chart) SVG() string {
	body := make(markup, 0, 6<<10) // most drawings fit
	var f *frame
	if len(c.Bars) > 0 {
		f = c.bars(&body)
	} else {
		f = c.lines(&body)
	}
	height := 300.0
	if f != nil {
		f.footnotes(&body)
		height = math.Ceil(f.height)
	}
	m := make(markup, 0, len(body)+len(c.Title)+256)
	titleID := html.EscapeString(c.ID + "-title")
	m.put(`<svg class="chart" viewBox="0 0 %g %g" role="img" aria-labelledby="`, c.w(), height)
	m.raw(titleID)
	m.raw(`" xmlns="http://www.w3.org/2000/svg"><title id="`)
	m.raw(titleID)
	m.tag(`">`, c.Title, `</title>`)
	m = append(m, body...)
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

// legendRight is the room direct labels need at the lines' right ends, or
// 0 when the chart has one line (its axis names it) or the names are too
// wide for this drawing: then a legend goes below the plot.
func (c *Chart) legendRight() float64 {
	if len(c.Series) < 2 || c.w() < 400 {
		return 0
	}
	widest := 0.0
	for _, s := range c.Series {
		widest = math.Max(widest, textWidth(s.Name, tickSize, true))
	}
	if widest > 0.3*c.w() {
		return 0
	}
	return widest + 14
}

func (c *Chart) lines(m *markup) *frame {
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
		return nil // nothing drawable: the table still says it
	}
	yt := niceTicks(ymin, ymax, 5)
	ymin, ymax = yt[0], yt[len(yt)-1]
	if ymax == ymin {
		ymax = ymin + 1
	}
	direct := c.legendRight()
	f := c.frame(c.tickTexts(yt), math.Max(padRight, direct))
	px := func(x float64) float64 { return f.left + (x-xmin)/(xmax-xmin)*(f.right-f.left) }
	py := func(y float64) float64 { return f.bottom - (y-ymin)/(ymax-ymin)*(f.bottom-f.top) }

	c.axes(m, f, yt, py)
	fx := c.fx()
	ticks, at, rows := xTicks(xmin, xmax, fx, px, f.left, f.right, f.width)
	for i, x := range ticks {
		f.text(m, "chart-tick", at[i], f.bottom+18+float64(i%rows)*lineGap*tickSize, "middle", tickSize, false, fx(x))
	}
	f.xAxisLabel(m, float64(rows-1)*lineGap*tickSize)
	// A path is most of a drawing's numbers, redrawn on every keystroke:
	// written with strconv, not fmt (BENCH.md, 26 November 2026).
	for i, s := range c.Series {
		m.put(`<path class="chart-line chart-line-%d" d="`, float64(i))
		for j := range s.X {
			x, y := px(s.X[j]), py(s.Y[j])
			switch {
			case j == 0 || c.Gap > 0 && s.X[j]-s.X[j-1] > c.Gap:
				m.put(`M%f %f`, x, y)
				continue
			case c.StepSeries:
				m.put(`L%f %f`, x, py(s.Y[j-1]))
				f.lines = append(f.lines, segment{px(s.X[j-1]), py(s.Y[j-1]), x, py(s.Y[j-1])}, segment{x, py(s.Y[j-1]), x, y})
			default:
				f.lines = append(f.lines, segment{px(s.X[j-1]), py(s.Y[j-1]), x, y})
			}
			m.put(`L%f %f`, x, y)
		}
		m.raw(`" fill="none"/>`)
		if c.Dots {
			for j := range s.X {
				x, y := px(s.X[j]), py(s.Y[j])
				m.put(`<circle class="chart-dot chart-dot-%d" cx="%f" cy="%f" r="4"/>`, float64(i), x, y)
				f.taken = append(f.taken, box{x - 5, y - 5, x + 5, y + 5}) // no label over a point
			}
		}
	}
	c.legend(m, f, direct > 0, py)
	// Points first, so that no label covers one; then their labels.
	if mk := c.Marker; mk != nil {
		x, y := px(mk.X), py(mk.Y)
		m.put(`<circle class="chart-marker" cx="%f" cy="%f" r="5"/>`, x, y)
		f.taken = append(f.taken, box{x - 7, y - 7, x + 7, y + 7})
	}
	for _, n := range c.Notes {
		x, y := px(n.X), py(n.Y)
		if n.Live {
			m.put(`<circle class="chart-note chart-live" cx="%f" cy="%f" r="5" data-c="%f" data-v="%g" data-k="%g" data-top="%g" data-bottom="%g"/>`,
				x, y, y, n.Y, py(1)-py(0), f.top, f.bottom)
		} else {
			m.put(`<circle class="chart-note" cx="%f" cy="%f" r="5"/>`, x, y)
		}
		f.taken = append(f.taken, box{x - 7, y - 7, x + 7, y + 7})
	}
	if mk := c.Marker; mk != nil {
		f.label(m, "chart-marker-label", px(mk.X), py(mk.Y), true, []string{mk.Label})
	}
	c.marksAndNotes(m, f, px, py)
	return f
}

// tickTexts writes the y axis's ticks.
func (c *Chart) tickTexts(yt []float64) []string {
	fy := c.fy()
	out := make([]string, len(yt))
	for i, y := range yt {
		out[i] = fy(y)
	}
	return out
}

// legend names each line of a chart of several: at the line's right end,
// the labels moved apart where ends meet, when direct; else a row below
// the plot for each, its line's colour and dash (a dot, for Dots) drawn
// before its name.
func (c *Chart) legend(m *markup, f *frame, direct bool, py func(float64) float64) {
	if len(c.Series) < 2 {
		return
	}
	if direct {
		type end struct {
			i int
			y float64
		}
		var ends []end
		for i, s := range c.Series {
			if n := len(s.Y); n > 0 {
				ends = append(ends, end{i, py(s.Y[n-1]) + 4})
			}
		}
		for k := 1; k < len(ends); k++ { // by height, top first (a few lines: insertion)
			for j := k; j > 0 && ends[j].y < ends[j-1].y; j-- {
				ends[j], ends[j-1] = ends[j-1], ends[j]
			}
		}
		step := lineGap * tickSize
		for k := range ends { // apart, downwards
			if k > 0 && ends[k].y < ends[k-1].y+step {
				ends[k].y = ends[k-1].y + step
			}
		}
		if n := len(ends); n > 0 && ends[n-1].y > f.bottom { // back up into the plot
			shift := ends[n-1].y - f.bottom
			for k := range ends {
				ends[k].y -= shift
			}
		}
		for k := range ends {
			if lo := f.top + ascent*tickSize + float64(k)*step; ends[k].y < lo {
				ends[k].y = lo
			}
			f.text(m, "chart-legend chart-legend-"+strconv.Itoa(ends[k].i), f.right+6, ends[k].y, "start", tickSize, true, c.Series[ends[k].i].Name)
		}
		return
	}
	for i, s := range c.Series {
		y := f.next(tickSize)
		lines := wrap(s.Name, f.width-40, tickSize, true)
		if c.Dots { // a dot, as the points are drawn
			m.put(`<circle class="chart-dot chart-dot-%d chart-swatch" cx="%f" cy="%f" r="4"/>`, float64(i), 20, y-4)
		} else {
			m.put(`<line class="chart-line chart-line-%d chart-swatch" x1="8" x2="32" y1="%f" y2="%f"/>`, float64(i), y-4, y-4)
		}
		f.text(m, "chart-legend chart-legend-"+strconv.Itoa(i), 38, y, "start", tickSize, true, lines...)
		f.height = y + (float64(len(lines)-1)*lineGap+descent)*tickSize + 2
	}
	f.height += 4
}

// marksAndNotes draws the Marks, each label beside its line near the top
// of the plot where it finds room, and the Notes' labels beside their
// points (above first when Above), a line for each "\n". A label with no
// room by its point is numbered there and written under the plot.
func (c *Chart) marksAndNotes(m *markup, f *frame, px, py func(float64) float64) {
	for _, mk := range c.Marks {
		x := px(mk.X)
		m.put(`<line class="chart-mark" x1="%f" x2="%f" y1="%g" y2="%g"/>`, x, x, f.top, f.bottom)
		f.lines = append(f.lines, segment{x, f.top, x, f.bottom})
	}
	for _, mk := range c.Marks {
		x := px(mk.X)
		var spots []spot
		for k := 0.0; k < 8; k++ {
			y := f.top + 11 + k*14
			spots = append(spots, spot{x + 4, y, "start"}, spot{x - 4, y, "end"})
		}
		if sp, ok := f.place([]string{mk.Label}, markSize, false, spots); ok {
			f.text(m, "chart-mark-label", sp.x, sp.y, sp.anchor, markSize, false, mk.Label)
		} else {
			f.numbered(m, x, f.top+6, mk.Label)
		}
	}
	for _, n := range c.Notes {
		if n.Live {
			m.raw(`<g class="chart-live-label">`)
		}
		f.label(m, "chart-note-label", px(n.X), py(n.Y), n.Above, strings.Split(n.Label, "\n"))
		if n.Live {
			m.raw(`</g>`)
		}
	}
}

// label writes a point's label where it finds room beside the point, or
// numbers the point and writes the label under the plot.
func (f *frame) label(m *markup, class string, x, y float64, above bool, lines []string) {
	// As written, else in narrower lines: after a colon, then at spaces.
	var narrow []string
	for _, l := range lines {
		head, tail, ok := strings.Cut(l, ": ")
		if !ok {
			narrow = append(narrow, wrap(l, 140, tickSize, true)...)
			continue
		}
		narrow = append(narrow, wrap(head+":", 140, tickSize, true)...)
		narrow = append(narrow, wrap(tail, 140, tickSize, true)...)
	}
	for _, ls := range [][]string{lines, narrow} {
		if sp, ok := f.place(ls, tickSize, true, around(x, y, ls, tickSize, above)); ok {
			f.leader(m, x, y, textBox(ls, sp.x, sp.y, tickSize, true, sp.anchor))
			f.text(m, class, sp.x, sp.y, sp.anchor, tickSize, true, ls...)
			return
		}
	}
	f.numbered(m, x, y, strings.Join(lines, " "))
}

// leader joins a point to its label when the label had to move away from
// it, so that a reader sees which point it names.
func (f *frame) leader(m *markup, x, y float64, b box) {
	nx, ny := math.Min(math.Max(x, b.x0), b.x1), math.Min(math.Max(y, b.y0), b.y1)
	dx, dy := nx-x, ny-y
	d := math.Hypot(dx, dy)
	if d < 16 {
		return
	}
	x0, y0 := x+dx/d*7, y+dy/d*7 // from the point's rim
	m.put(`<line class="chart-leader" x1="%f" y1="%f" x2="%f" y2="%f"/>`, x0, y0, nx-dx/d*2, ny-dy/d*2)
	f.lines = append(f.lines, segment{x0, y0, nx, ny})
}

// numbered writes the next note's number by (x, y) and keeps its label
// for the foot of the drawing.
func (f *frame) numbered(m *markup, x, y float64, label string) {
	num := strconv.Itoa(len(f.notes) + 1)
	f.notes = append(f.notes, num+". "+label)
	sp, ok := f.place([]string{num}, tickSize, true, around(x, y, []string{num}, tickSize, true))
	if !ok {
		sp = spot{x + 8, y - 8, "start"}
	}
	f.leader(m, x, y, textBox([]string{num}, sp.x, sp.y, tickSize, true, sp.anchor))
	f.text(m, "chart-note-label chart-note-num", sp.x, sp.y, sp.anchor, tickSize, true, num)
}

// footnotes writes the numbered notes' labels under everything else.
func (f *frame) footnotes(m *markup) {
	for _, n := range f.notes {
		y := f.next(tickSize)
		lines := wrap(n, f.width-16, tickSize, true)
		f.text(m, "chart-note-label chart-footnote", 8, y, "start", tickSize, true, lines...)
		f.height = y + (float64(len(lines)-1)*lineGap+descent)*tickSize + 2
	}
	if len(f.notes) > 0 {
		f.height += 4
	}
}

// text writes lines of text of a class, its first baseline at y, and takes
// its box.
func (f *frame) text(m *markup, class string, x, y float64, anchor string, size float64, bold bool, lines ...string) {
	f.taken = append(f.taken, textBox(lines, x, y, size, bold, anchor))
	m.raw(`<text class="`)
	m.raw(class)
	m.put(`" x="%f" y="%f" text-anchor="`, x, y)
	m.raw(anchor)
	m.raw(`">`)
	if len(lines) == 1 {
		m.tag("", lines[0], `</text>`)
		return
	}
	for j, line := range lines {
		if j == 0 {
			m.put(`<tspan x="%f" dy="0">`, x)
		} else {
			m.put(`<tspan x="%f" dy="1.2em">`, x)
		}
		m.tag("", line, `</tspan>`)
	}
	m.raw(`</text>`)
}

// axes draws the y axis with its grid and label, and the x axis line.
func (c *Chart) axes(m *markup, f *frame, yt []float64, py func(float64) float64) {
	fy := c.fy()
	for _, y := range yt {
		m.put(`<line class="chart-grid" x1="%g" x2="%f" y1="%f" y2="%f"/>`, f.left, f.right, py(y), py(y))
		f.text(m, "chart-tick", f.left-6, py(y)+4, "end", tickSize, false, fy(y))
	}
	m.put(`<line class="chart-axis" x1="%g" x2="%f" y1="%g" y2="%g"/>`, f.left, f.right, f.bottom, f.bottom)
	mid := (f.top + f.bottom) / 2
	m.put(`<text class="chart-label" x="14" y="%g" text-anchor="middle" transform="rotate(-90 14 %g)">`, mid, mid)
	if len(f.yLabel) == 1 {
		m.tag("", f.yLabel[0], `</text>`)
	} else {
		for j, line := range f.yLabel {
			m.put(`<tspan x="14" dy="%g">`, float64(j)*lineGap*labelSize)
			m.tag("", line, `</tspan>`)
		}
		m.raw(`</text>`)
	}
	w := 0.0
	for _, l := range f.yLabel {
		w = math.Max(w, textWidth(l, labelSize, false))
	}
	f.taken = append(f.taken, box{14 - ascent*labelSize, mid - w/2, 14 + float64(len(f.yLabel)-1)*lineGap*labelSize + descent*labelSize, mid + w/2})
}

func (c *Chart) bars(m *markup) *frame {
	ymin, ymax := 0.0, 0.0
	for _, bar := range c.Bars {
		ymin, ymax = math.Min(ymin, bar.Value), math.Max(ymax, bar.Value)
	}
	if math.IsNaN(ymax) || math.IsInf(ymax, 0) || math.IsInf(ymin, 0) || ymax == ymin {
		return nil
	}
	lo := ymin
	if lo < 0 {
		lo *= 1.1 // room below the lowest bar for its value
	}
	yt := niceTicks(lo, ymax*1.1, 5) // and above the tallest
	ymin, ymax = yt[0], yt[len(yt)-1]
	f := c.frame(c.tickTexts(yt), padRight)
	py := func(y float64) float64 { return f.bottom - (y-ymin)/(ymax-ymin)*(f.bottom-f.top) }
	c.axes(m, f, yt, py)
	fy := c.fy()
	slot := (f.right - f.left) / float64(len(c.Bars))
	most := 1
	for i, bar := range c.Bars {
		x := f.left + slot*float64(i) + slot*0.2
		top, bottom := py(math.Max(bar.Value, 0)), py(math.Min(bar.Value, 0))
		m.put(`<rect class="chart-bar chart-bar-%d" x="%f" y="%f" width="%f" height="%f"/>`, float64(i), x, top, slot*0.6, math.Max(bottom-top, 0.5))
		f.taken = append(f.taken, box{x, top, x + slot*0.6, bottom})
		// A label wider than its slot wraps at its spaces.
		lines := wrap(bar.Label, slot-4, tickSize, false)
		most = max(most, len(lines))
		f.text(m, "chart-tick", x+slot*0.3, f.bottom+18, "middle", tickSize, false, lines...)
	}
	for i, bar := range c.Bars {
		x := f.left + slot*float64(i) + slot*0.5
		top, bottom := py(math.Max(bar.Value, 0)), py(math.Min(bar.Value, 0))
		spots := []spot{{x, top - 6, "middle"}, {x, bottom + 16, "middle"}, {x, top + 16, "middle"}}
		if bar.Value < 0 {
			spots[0], spots[1] = spots[1], spots[0]
		}
		sp, ok := f.place([]string{fy(bar.Value)}, tickSize, true, spots)
		if !ok {
			sp = spots[0]
		}
		f.text(m, "chart-value", sp.x, sp.y, "middle", tickSize, true, fy(bar.Value))
	}
	// The axis's label under the bars' labels.
	f.xAxisLabel(m, float64(most-1)*lineGap*tickSize)
	return f
}

// xAxisLabel writes the x axis's label under the plot and its ticks (extra
// lower where they take more than a row), centred on the plot as far as it
// fits the drawing, and ends the drawing below it.
func (f *frame) xAxisLabel(m *markup, extra float64) {
	w := 0.0
	for _, l := range f.xLabel {
		w = math.Max(w, textWidth(l, labelSize, false))
	}
	x := math.Min(math.Max((f.left+f.right)/2, w/2+2), f.width-w/2-2)
	y := f.bottom + 38 + extra
	f.text(m, "chart-label", x, y, "middle", labelSize, false, f.xLabel...)
	f.height = y + (float64(len(f.xLabel)-1)*lineGap+descent)*labelSize + 4
}

// next is the baseline of a line of text at size px below all that the
// drawing holds so far.
func (f *frame) next(size float64) float64 { return f.height + ascent*size + 2 }

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
		xs, shared := c.tableXs()
		for i, x := range xs {
			m.tag(`<tr><th scope="row">`, fx(x), `</th>`)
			for _, s := range c.Series {
				cell := ""
				if shared {
					if i < len(s.Y) {
						cell = fy(s.Y[i])
					}
				} else if j := slices.Index(s.X, x); j >= 0 && j < len(s.Y) {
					cell = fy(s.Y[j])
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

// tableXs are the table's rows: the first series' x when every series
// shares it (shared), else every series' x once each, in order, a series
// leaving blank the rows of x it has no point at.
func (c *Chart) tableXs() (xs []float64, shared bool) {
	first := c.Series[0].X
	shared = true
	for _, s := range c.Series[1:] {
		shared = shared && slices.Equal(s.X, first)
	}
	if shared {
		return first, true
	}
	for _, s := range c.Series {
		xs = append(xs, s.X...)
	}
	slices.Sort(xs)
	return slices.Compact(xs), false
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
