package chart

import (
	"math"
	"strings"
)

// A drawing sets its text with the page's sans-serif font at these sizes
// (style.css says the same, class by class); bold text is the legend's,
// the markers', the notes' and the bars' values.
const (
	tickSize  = 12
	labelSize = 13
	markSize  = 11
	lineGap   = 1.2 // a line of text is 1.2 em high
)

// Where text sits relative to its baseline: a browser's box for a line of
// text reaches the font's ascent above it and its descent below.
const (
	ascent  = 0.95
	descent = 0.25
	// Ascent is ascent, for package chartcheck.
	Ascent = ascent
)

// TextStyle is the size and weight style.css sets a drawing's text of
// class in, for package chartcheck.
func TextStyle(class string) (size float64, bold bool) {
	switch {
	case strings.Contains(class, "chart-label"):
		return labelSize, false
	case strings.Contains(class, "chart-mark-label"):
		return markSize, false
	case strings.Contains(class, "chart-legend"), strings.Contains(class, "chart-marker-label"),
		strings.Contains(class, "chart-note-label"), strings.Contains(class, "chart-value"):
		return tickSize, true
	}
	return tickSize, false
}

// TextBox is the box textBox estimates, for package chartcheck.
func TextBox(lines []string, x, y, size float64, bold bool, anchor string) (x0, y0, x1, y1 float64) {
	b := textBox(lines, x, y, size, bold, anchor)
	return b.x0, b.y0, b.x1, b.y1
}

// textWidth estimates the width of s set at size px, generously: each
// character's advance in DejaVu Sans (the widest of the sans-serifs pages
// fall back to), a tenth more in bold. Labels are placed by this estimate,
// so it must never be short of what a browser draws.
func textWidth(s string, size float64, bold bool) float64 {
	w := 0.0
	for _, r := range s {
		w += advance(r)
	}
	if bold {
		w *= 1.1
	}
	return w * size * 1.03
}

// advance is a character's width in em.
func advance(r rune) float64 {
	switch {
	case r == ' ' || r == '.' || r == ',' || r == ':' || r == ';' || r == '\'' || r == '|' || r == '!':
		return 0.32
	case r == 'i' || r == 'l' || r == 'j' || r == 'I' || r == 'J' || r == '\u2009':
		return 0.3
	case r == 'f' || r == 't' || r == 'r' || r == '(' || r == ')' || r == '[' || r == ']' || r == '-' || r == '/':
		return 0.42
	case r == 'm' || r == 'w' || r == 'M' || r == 'W' || r == '%' || r == '@':
		return 1.0
	case r == '−' || r == '^' || r == '×' || r == '+' || r == '=' || r == '<' || r == '>':
		return 0.84
	case r >= '0' && r <= '9' || r == '$' || r == '#':
		return 0.64
	case upper(r):
		return 0.79
	case r == '\u00a0' || r == '\u202f':
		return 0.32
	}
	return 0.65 // lowercase, Vietnamese letters with their marks, the rest
}

// upper says whether r is a capital of English or Vietnamese: A to Z,
// Latin-1's, Đ, Ơ, Ư, and the capitals with tone marks (U+1EA0 to U+1EF8,
// the even ones). Package unicode's tables would cost the page's
// WebAssembly more than this needs.
func upper(r rune) bool {
	return r >= 'A' && r <= 'Z' || r >= 0xC0 && r <= 0xDE || r == 'Đ' || r == 'Ơ' || r == 'Ư' || r >= 0x1EA0 && r <= 0x1EF8 && r%2 == 0
}

// box is a rectangle of the drawing: a piece of text, a point.
type box struct{ x0, y0, x1, y1 float64 }

// overlaps says whether two boxes share more than a hairline.
func (a box) overlaps(b box) bool {
	return a.x0 < b.x1-0.5 && b.x0 < a.x1-0.5 && a.y0 < b.y1-0.5 && b.y0 < a.y1-0.5
}

// inside says whether a lies within b.
func (a box) inside(b box) bool {
	return a.x0 >= b.x0 && a.x1 <= b.x1 && a.y0 >= b.y0 && a.y1 <= b.y1
}

// textBox is the box of lines of text at size px whose first baseline is
// at y, anchored at x ("start", "middle" or "end").
func textBox(lines []string, x, y, size float64, bold bool, anchor string) box {
	w := 0.0
	for _, l := range lines {
		w = math.Max(w, textWidth(l, size, bold))
	}
	x0 := x
	switch anchor {
	case "middle":
		x0 = x - w/2
	case "end":
		x0 = x - w
	}
	n := float64(max(len(lines), 1))
	return box{x0, y - ascent*size, x0 + w, y + descent*size + (n-1)*lineGap*size}
}

// wrap breaks s at its spaces into lines no wider than width at size px;
// a word wider than width has a line of its own.
func wrap(s string, width, size float64, bold bool) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		switch {
		case line == "":
			line = word
		case textWidth(line+" "+word, size, bold) <= width:
			line += " " + word
		default:
			lines = append(lines, line)
			line = word
		}
	}
	if line != "" || len(lines) == 0 {
		lines = append(lines, line)
	}
	return lines
}

// segment is a piece of a drawn line, which a label had better not cross.
type segment struct{ x0, y0, x1, y1 float64 }

// crosses says whether the segment passes through b (clipped to it,
// Liang–Barsky).
func (s segment) crosses(b box) bool {
	t0, t1 := 0.0, 1.0
	dx, dy := s.x1-s.x0, s.y1-s.y0
	for _, e := range [4][2]float64{{-dx, s.x0 - b.x0}, {dx, b.x1 - s.x0}, {-dy, s.y0 - b.y0}, {dy, b.y1 - s.y0}} {
		p, q := e[0], e[1]
		if p == 0 {
			if q < 0 {
				return false
			}
			continue
		}
		r := q / p
		if p < 0 {
			t0 = math.Max(t0, r)
		} else {
			t1 = math.Min(t1, r)
		}
		if t0 > t1 {
			return false
		}
	}
	return true
}

// scene is what a drawing has placed so far: text no later label may
// overlap, and the lines it should rather not cross.
type scene struct {
	bounds box // the drawing
	taken  []box
	lines  []segment
}

// free says whether b fits the drawing without overlapping what is placed.
func (s *scene) free(b box) bool {
	if !b.inside(s.bounds) {
		return false
	}
	for _, t := range s.taken {
		if b.overlaps(t) {
			return false
		}
	}
	return true
}

// crossings counts the drawn line pieces passing through b.
func (s *scene) crossings(b box) int {
	n := 0
	for _, l := range s.lines {
		if l.crosses(b) {
			n++
		}
	}
	return n
}

// spot is a place a label may go: its anchor point and text-anchor.
type spot struct {
	x, y   float64
	anchor string
}

// place picks, of the spots in order of preference, the first whose box
// is free and crosses the fewest lines, takes its box and says which; ok
// is false when none is free.
func (s *scene) place(lines []string, size float64, bold bool, spots []spot) (spot, bool) {
	best, bestHits := -1, math.MaxInt
	for i, sp := range spots {
		b := textBox(lines, sp.x, sp.y, size, bold, sp.anchor)
		if !s.free(b) {
			continue
		}
		if hits := s.crossings(b); hits < bestHits {
			best, bestHits = i, hits
			if hits == 0 {
				break
			}
		}
	}
	if best < 0 {
		return spot{}, false
	}
	sp := spots[best]
	s.taken = append(s.taken, textBox(lines, sp.x, sp.y, size, bold, sp.anchor))
	return sp, true
}

// around lists spots for a label of lines at size px beside the point
// (x, y): beside it, above or below first as above says, then stepping
// further away, so a crowded point still finds room.
func around(x, y float64, lines []string, size float64, above bool) []spot {
	h := (float64(len(lines)-1)*lineGap + ascent + descent) * size
	up := y - 9 - h + ascent*size      // the first baseline of a label ending above the point
	down := y + 9 + ascent*size        // of one starting below it
	rows := []float64{up, down, y + 4} // above, below, level with the point
	if !above {
		rows[0], rows[1] = down, up
	}
	spots := make([]spot, 0, 3*len(rows)+6*4*2)
	for _, r := range rows {
		spots = append(spots, spot{x + 9, r, "start"}, spot{x - 9, r, "end"}, spot{x, r, "middle"})
	}
	for step := 1.0; step <= 6; step++ {
		d := step * 16
		for _, r := range []float64{rows[0] - d, rows[1] + d, rows[0] + d, rows[1] - d} {
			spots = append(spots, spot{x + 9, r, "start"}, spot{x - 9, r, "end"})
		}
	}
	return spots
}

// xTicks chooses the x axis's ticks and where each label's middle goes:
// as many round values as fit with their labels apart and inside the
// drawing (a label at an end moved in to fit), at least three, in one row
// or, where three do not fit in one, two rows taken in turn.
func xTicks(lo, hi float64, format func(float64) string, px func(float64) float64, left, right, width float64) (ts, at []float64, rows int) {
	eps := 1e-9 * math.Abs(hi-lo)
	inRange := func(n int) []float64 {
		var ts []float64
		for _, t := range niceTicks(lo, hi, n) {
			if t >= lo-eps && t <= hi+eps {
				ts = append(ts, t)
			}
		}
		return ts
	}
	// mid is where a tick's label goes, moved in to fit the drawing, and
	// its width.
	mid := func(t float64) (x, w float64) {
		w = textWidth(format(t), tickSize, false)
		return math.Min(math.Max(px(t), w/2+2), width-w/2-2), w
	}
	fits := func(ts []float64, rows int) ([]float64, bool) {
		at := make([]float64, len(ts))
		prev := [2]float64{math.Inf(-1), math.Inf(-1)}
		for i, t := range ts {
			var w float64
			at[i], w = mid(t)
			if at[i]-w/2 < prev[i%rows]+8 {
				return at, false
			}
			prev[i%rows] = at[i] + w/2
		}
		return at, true
	}
	// About one tick per 110 px, fewer where labels are wide, more where
	// round values are sparse in the range.
	target := max(3, int((right-left)/110))
	for rows := 1; rows <= 2; rows++ {
		for _, n := range tickCounts(target) {
			ts := inRange(n)
			// Or every other one, a step twice as long, where those fit.
			var half []float64
			for i := 0; i < len(ts); i += 2 {
				half = append(half, ts[i])
			}
			for _, ts := range [][]float64{ts, half} {
				if len(ts) < 3 {
					continue
				}
				if at, ok := fits(ts, rows); ok {
					return ts, at, rows
				}
			}
		}
	}
	// Nothing round fits: the ends and the middle, in two rows.
	ts = []float64{lo, (lo + hi) / 2, hi}
	at = make([]float64, 3)
	for i, t := range ts {
		at[i], _ = mid(t)
	}
	return ts, at, 2
}

// tickCounts is the order in which xTicks tries counts of ticks: target
// and fewer, then more.
func tickCounts(target int) []int {
	var ns []int
	for n := target; n >= 2; n-- {
		ns = append(ns, n)
	}
	for n := target + 1; n <= 12; n++ {
		ns = append(ns, n)
	}
	return ns
}
