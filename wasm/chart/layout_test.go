package chart_test

import (
	"strings"
	"testing"

	"github.com/hashswitch/hashswitch/wasm/chart"
	"github.com/hashswitch/hashswitch/wasm/chart/chartcheck"
	"github.com/hashswitch/hashswitch/wasm/human"
)

// TestLabelsFitAndNeverCollide: charts like the site's, wide and narrow,
// crowded at their edges, in long words, have at least three x ticks and
// every label inside the drawing, apart from the others (by Check's
// estimate of text widths), and each of several lines named.
func TestLabelsFitAndNeverCollide(t *testing.T) {
	money := func(v float64) string {
		if v < 0 {
			return "−" + human.Vietnamese.Compact(-v)
		}
		return human.Vietnamese.Compact(v)
	}
	years := []float64{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
	charts := []*chart.Chart{
		// hashprice: a wide x range with the marker at its right end.
		{Title: "t", XLabel: "Giá bitcoin (USD)", YLabel: "USD mỗi PH/s mỗi ngày", FormatX: money, FormatY: money,
			Series: []chart.Series{{X: []float64{40000, 130000}, Y: []float64{14, 56}}}, Marker: &chart.Point{130000, 56, "hiện tại 932.412 đồng"}},
		// convert in dong: long negative ticks, three lines ending together.
		{Title: "t", XLabel: "Số năm kể từ hôm nay", YLabel: "VND", FormatY: money, Series: []chart.Series{
			{Name: "Đào bitcoin", X: years, Y: []float64{-3e12, -3e12, -3e12, -3e12, -3e12, -3e12, -3e12, -3e12, -3e12, -3e12, -2e12}},
			{Name: "Cho thuê chỗ đặt máy", X: years, Y: []float64{-2e13, -1.6e13, -1.2e13, -8e12, -4e12, 0, 4e12, 8e12, 1.2e13, 1.6e13, 2e13}},
			{Name: "Cho thuê GPU (đám mây)", X: years, Y: []float64{-7e13, -5e13, -3e13, -1e13, 0, -4e13, -2e13, 0, 5e12, 1e13, 1.5e13}},
		}},
		// attack: the marker at the top right, two lines apart at the end.
		{Title: "t", XLabel: "Hashrate của mạng lưới trung thực (EH/s)", YLabel: "USD", Series: []chart.Series{
			{Name: "Mua", X: []float64{100, 1100}, Y: []float64{2e9, 27e9}},
			{Name: "Để thuê, nếu có đủ hashrate để thuê", X: []float64{100, 1100}, Y: []float64{1e8, 1.1e8}},
		}, Marker: &chart.Point{1100, 27e9, "hiện tại 27 tỷ USD"}},
		// history: marks and notes crowded at the right end.
		{Title: "t", XLabel: "Tháng", YLabel: "USD mỗi PH/s mỗi ngày", Dots: true,
			Series: []chart.Series{{X: []float64{2024.04, 2024.5, 2024.9, 2025.3, 2025.7, 2025.87}, Y: []float64{120, 50, 60, 55, 48, 38}}},
			Marks:  []chart.Mark{{2024.3, "Halving 20/4/2024"}, {2022.3, "Halving 11/5/2020"}},
			Notes:  []chart.Note{{X: 2025.89, Y: 35.06, Label: "Mức thấp kỷ lục: 35,06 USD\n22/11/2025"}, {X: 2025.9, Y: 35.3, Label: "Công cụ tính ở trên\n35,32 USD", Above: true, Live: true}}},
		// bars with long labels and a negative value.
		{Title: "t", XLabel: "Cách dùng", YLabel: "USD mỗi kWh", FormatY: money,
			Bars: []chart.Bar{{"Đào bitcoin", 0.08}, {"Cho thuê chỗ đặt máy", 0.17}, {"Cho thuê GPU (đám mây)", -1}}},
	}
	for i, c := range charts {
		for _, w := range []int{chart.Wide, chart.Narrow, 200} {
			c.Width = w
			if problems := chartcheck.Check(c.SVG()); len(problems) > 0 {
				t.Errorf("chart %d at %d: %q\n%s", i, w, problems, c.SVG())
			}
		}
	}
}

// TestXTicksAtLeastThree: whatever the range and the drawing's width, the
// x axis has three ticks or more, each inside the range.
func TestXTicksAtLeastThree(t *testing.T) {
	for _, r := range [][2]float64{{40000, 130000}, {0, 10}, {2023.1, 2025.9}, {0, 1_000_000}, {0.01, 0.1}, {100, 1100}, {1, 1.001}, {-5, 5e9}} {
		for _, w := range []int{chart.Wide, chart.Narrow} {
			c := &chart.Chart{Width: w, Series: []chart.Series{{X: []float64{r[0], r[1]}, Y: []float64{1, 2}}}}
			svg := c.SVG()
			n := strings.Count(svg, `class="chart-tick" x=`) - strings.Count(svg, `text-anchor="end"`)
			if n < 3 || len(chartcheck.Check(svg)) > 0 {
				t.Errorf("%v at %d: %d x ticks, %q", r, w, n, chartcheck.Check(svg))
			}
		}
	}
}
