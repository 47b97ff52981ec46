// Package chartcheck reads a drawing of package chart as a browser would
// set it, with chart's estimate of text widths, for tests: labels outside
// the drawing or on each other, too few ticks, unnamed lines. It is kept
// out of package chart so that its XML parser never reaches the page's
// WebAssembly.
package chartcheck

import (
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"

	"github.com/hashswitch/hashswitch/wasm/chart"
)

// box is a rectangle of the drawing.
type box struct{ x0, y0, x1, y1 float64 }

func (a box) overlaps(b box) bool {
	return a.x0 < b.x1-0.5 && b.x0 < a.x1-0.5 && a.y0 < b.y1-0.5 && b.y0 < a.y1-0.5
}

func (a box) inside(b box) bool {
	return a.x0 >= b.x0 && a.x1 <= b.x1 && a.y0 >= b.y0 && a.y1 <= b.y1
}

// Check returns what is wrong with it: a label outside
// the drawing, two labels overlapping, a label over a chart of dots' point, a line chart with fewer than three
// x ticks, a line of several without its name beside it or below. Tests
// hold every chart the site draws to it; nothing calls it on a keystroke.
func Check(svg string) []string {
	var doc struct {
		ViewBox string `xml:"viewBox,attr"`
		Texts   []struct {
			Class     string `xml:"class,attr"`
			X         string `xml:"x,attr"`
			Y         string `xml:"y,attr"`
			Anchor    string `xml:"text-anchor,attr"`
			Transform string `xml:"transform,attr"`
			Text      string `xml:",chardata"`
			Spans     []struct {
				Text string `xml:",chardata"`
			} `xml:"tspan"`
		} `xml:"text"`
		Paths []struct {
			Class string `xml:"class,attr"`
		} `xml:"path"`
		Circles []struct {
			Class string  `xml:"class,attr"`
			X     float64 `xml:"cx,attr"`
			Y     float64 `xml:"cy,attr"`
			R     float64 `xml:"r,attr"`
		} `xml:"circle"`
	}
	if err := xml.Unmarshal([]byte(svg), &doc); err != nil {
		return []string{"not well-formed: " + err.Error()}
	}
	var vb [4]float64
	if _, err := fmt.Sscan(doc.ViewBox, &vb[0], &vb[1], &vb[2], &vb[3]); err != nil {
		return []string{"no viewBox"}
	}
	drawing := box{0, 0, vb[2], vb[3]}
	var problems []string
	type label struct {
		text string
		b    box
	}
	var labels []label
	// A chart of dots' points: no label may cover one.
	var dots []box
	for _, c := range doc.Circles {
		if strings.Contains(c.Class, "chart-dot ") && !strings.Contains(c.Class, "chart-swatch") {
			dots = append(dots, box{c.X - c.R, c.Y - c.R, c.X + c.R, c.Y + c.R})
		}
	}
	xTicks := 0
	for _, t := range doc.Texts {
		x, _ := strconv.ParseFloat(t.X, 64)
		y, _ := strconv.ParseFloat(t.Y, 64)
		lines := []string{t.Text}
		if len(t.Spans) > 0 {
			lines = lines[:0]
			for _, s := range t.Spans {
				lines = append(lines, s.Text)
			}
		}
		anchor := t.Anchor
		if anchor == "" {
			anchor = "start"
		}
		size, bold := chart.TextStyle(t.Class)
		var b box
		b.x0, b.y0, b.x1, b.y1 = chart.TextBox(lines, x, y, size, bold, anchor)
		if t.Transform != "" { // the y axis's label, turned a quarter left about (x, y)
			w, h := b.x1-b.x0, b.y1-b.y0
			b = box{x - chart.Ascent*size, y - w/2, x - chart.Ascent*size + h, y + w/2}
		}
		if t.Class == "chart-tick" && anchor == "middle" && y > vb[3]/2 && len(lines) == 1 {
			xTicks++
		}
		all := strings.Join(lines, " ")
		if strings.TrimSpace(all) == "" {
			continue
		}
		if !b.inside(drawing) {
			problems = append(problems, fmt.Sprintf("%q outside the drawing (%.0f,%.0f)-(%.0f,%.0f) of %.0fx%.0f", all, b.x0, b.y0, b.x1, b.y1, vb[2], vb[3]))
		}
		for _, l := range labels {
			if b.overlaps(l.b) {
				problems = append(problems, fmt.Sprintf("%q overlaps %q", all, l.text))
			}
		}
		for _, d := range dots {
			if b.overlaps(d) {
				problems = append(problems, fmt.Sprintf("%q covers the point at (%.0f,%.0f)", all, (d.x0+d.x1)/2, (d.y0+d.y1)/2))
				break
			}
		}
		labels = append(labels, label{all, b})
	}
	lines := 0
	for _, p := range doc.Paths {
		if strings.Contains(p.Class, "chart-line ") {
			lines++
		}
	}
	if lines > 0 && xTicks < 3 {
		problems = append(problems, fmt.Sprintf("%d x ticks", xTicks))
	}
	if lines > 1 {
		for i := range lines {
			if !strings.Contains(svg, `class="chart-legend chart-legend-`+strconv.Itoa(i)+`"`) {
				problems = append(problems, fmt.Sprintf("line %d has no name", i))
			}
		}
	}
	return problems
}
