package chart

import (
	"encoding/xml"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

func TestSVGIsWellFormedAndUnstyled(t *testing.T) {
	charts := []*Chart{
		{ID: "a", Title: "Hashprice <by> price", XLabel: "Price", YLabel: "USD",
			Series: []Series{{Name: "hashprice", X: []float64{1, 2, 3}, Y: []float64{10, 20, 30}}}, Marker: &Point{2, 20, "you"}},
		{ID: "b", Title: "Bars", XLabel: "Use", YLabel: "USD/kWh", Bars: []Bar{{"Mining", 0.08}, {"Lease", 0.17}, {"GPU & cloud", -1}}},
		{ID: "c", Title: "Steps", StepSeries: true, Series: []Series{{X: []float64{0, 1, 2}, Y: []float64{50, 25, 12.5}}, {Name: "two", X: []float64{0, 1, 2}, Y: []float64{1, 2, 3}}}},
		{ID: "d", Title: "Empty"},
		{ID: "e", Title: "not a number", Series: []Series{{X: []float64{0, 1}, Y: []float64{math.NaN(), 1}}}},
	}
	for _, c := range charts {
		svg := c.SVG()
		if err := xml.Unmarshal([]byte(svg), new(struct{})); err != nil {
			t.Errorf("%s: not well-formed: %v\n%s", c.ID, err, svg)
		}
		if strings.Contains(svg, "style=") || strings.Contains(svg, "<script") || strings.Contains(svg, "NaN") {
			t.Errorf("%s: style, script or NaN in %s", c.ID, svg)
		}
		if err := xml.Unmarshal([]byte(c.Table()), new(struct{})); err != nil {
			t.Errorf("%s: table not well-formed: %v", c.ID, err)
		}
	}
	if !strings.Contains(charts[0].SVG(), "Hashprice &lt;by&gt; price") {
		t.Error("title not escaped")
	}
}

func TestTableHoldsEveryPoint(t *testing.T) {
	c := &Chart{Title: "t", XLabel: "x", YLabel: "y", Series: []Series{{Name: "s", X: []float64{1, 2, 3}, Y: []float64{4, 5, 6}}}}
	tbl := c.Table()
	if strings.Count(tbl, "<tr>") != 4 || !strings.Contains(tbl, "<td>6</td>") {
		t.Errorf("%s", tbl)
	}
}

// TestTableOfSeriesApart: series with points at different x share one
// table, a row for each x of either, each figure in its own series' column
// on its own x's row, never shifted onto another's.
func TestTableOfSeriesApart(t *testing.T) {
	c := &Chart{Title: "t", XLabel: "x", YLabel: "y", Series: []Series{
		{Name: "a", X: []float64{1, 3}, Y: []float64{10, 30}},
		{Name: "b", X: []float64{2, 3, 4}, Y: []float64{21, 31, 41}},
	}}
	tbl := c.Table()
	for _, row := range []string{
		`<th scope="row">1</th><td>10</td><td></td>`,
		`<th scope="row">2</th><td></td><td>21</td>`,
		`<th scope="row">3</th><td>30</td><td>31</td>`,
		`<th scope="row">4</th><td></td><td>41</td>`,
	} {
		if !strings.Contains(tbl, row) {
			t.Errorf("no row %s in %s", row, tbl)
		}
	}
	if strings.Count(tbl, "<tr>") != 5 {
		t.Errorf("%d rows: %s", strings.Count(tbl, "<tr>"), tbl)
	}
}

func TestNiceTicks(t *testing.T) {
	tests := []struct {
		lo, hi float64
		want   []float64
	}{
		{0, 36, []float64{0, 10, 20, 30, 40}},
		{0, 1, []float64{0, 0.2, 0.4, 0.6, 0.8, 1}},
		{-3, 7, []float64{-4, -2, 0, 2, 4, 6, 8}},
		{0, 16.7e9, []float64{0, 5e9, 10e9, 15e9, 20e9}}, // the attack chart's top was cut off at 15B
		{5, 5, []float64{2, 3, 4, 5, 6, 7, 8}},
	}
	for _, tt := range tests {
		got := niceTicks(tt.lo, tt.hi, 5)
		if len(got) != len(tt.want) {
			t.Errorf("niceTicks(%v, %v) = %v, want %v", tt.lo, tt.hi, got, tt.want)
			continue
		}
		for i := range got {
			if math.Abs(got[i]-tt.want[i]) > 1e-9 {
				t.Errorf("niceTicks(%v, %v) = %v, want %v", tt.lo, tt.hi, got, tt.want)
				break
			}
		}
	}
}

// TestTicksCoverTheData: for many ranges the first tick is at or below the
// low end and the last at or above the high end.
func TestTicksCoverTheData(t *testing.T) {
	for _, hi := range []float64{0.9, 1, 1.01, 3.3, 7, 9.99, 10, 16.7e9, 123456, 0.0857} {
		for _, lo := range []float64{0, -hi / 3, hi / 2} {
			ticks := niceTicks(lo, hi, 5)
			if ticks[0] > lo || ticks[len(ticks)-1] < hi || len(ticks) < 2 || len(ticks) > 12 {
				t.Errorf("niceTicks(%v, %v) = %v", lo, hi, ticks)
			}
		}
	}
}

// TestMarksAndNotes: a vertical mark and a note outside the series widen
// the axes to show them, at the right x; the table lists both.
func TestMarksAndNotes(t *testing.T) {
	c := &Chart{ID: "h", Title: "t", Series: []Series{{X: []float64{10, 20}, Y: []float64{50, 60}}}, Dots: true,
		Marks: []Mark{{X: 0, Label: "halving"}}, Notes: []Note{{X: 30, Y: 35, Label: "record\nlow"}}}
	svg := c.SVG()
	// x 0 is the left edge of the plot, x 30 the right: where the grid's
	// lines start and end.
	grid := regexp.MustCompile(`<line class="chart-grid" x1="([\d.]+)" x2="([\d.]+)"`).FindStringSubmatch(svg)
	if grid == nil {
		t.Fatalf("no grid in %s", svg)
	}
	left, _ := strconv.ParseFloat(grid[1], 64)
	right, _ := strconv.ParseFloat(grid[2], 64)
	for _, want := range []string{fmt.Sprintf(`<line class="chart-mark" x1="%.1f"`, left), fmt.Sprintf(`<circle class="chart-note" cx="%.1f"`, right),
		`>halving</text>`, `>record</tspan><tspan`, `>low</tspan>`, `class="chart-dot chart-dot-0"`} {
		if !strings.Contains(svg, want) {
			t.Errorf("no %s in %s", want, svg)
		}
	}
	table := c.Table()
	if !strings.Contains(table, `<th scope="row">0</th><td>halving</td>`) || !strings.Contains(table, `<th scope="row">30</th><td>record low</td>`) {
		t.Errorf("table %s", table)
	}
}

// TestGapLeavesPointsUnjoined: points further apart than Gap start a new
// piece of the line.
func TestGapLeavesPointsUnjoined(t *testing.T) {
	c := &Chart{Series: []Series{{X: []float64{0, 1, 5, 6}, Y: []float64{1, 2, 3, 4}}}, Gap: 2}
	if d := regexp.MustCompile(`<path[^>]* d="([^"]*)"`).FindStringSubmatch(c.SVG()); d == nil || strings.Count(d[1], "M") != 2 || strings.Count(d[1], "L") != 2 {
		t.Errorf("path %v", d)
	}
}
