package eras

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/hashswitch/hashswitch/wasm/gpu"
	"github.com/hashswitch/hashswitch/wasm/locale"
)

func ExampleReadings_Compare() {
	e, _ := Readings{
		CPU:        []float64{4.1e6, 3.9e6, 4e6},
		GPU:        []float64{5.2e8, 4.8e8},
		Difficulty: 149.3e12,
		AsOf:       "2025-11-25",
	}.Compare()
	for _, line := range e.In(locale.EN).Lines {
		fmt.Println(line)
	}
	// Output:
	// Your processor: 4 MH/s, the median of its readings.
	// Your graphics card: 500 MH/s, the median of its readings: 125 times your processor's speed.
	// One Antminer S21 hashes 200 TH/s: as fast as 400,000 of your graphics cards.
	// Alone, your graphics card would take 40.67 million years on average to find a block at the difficulty of 149.3 T (figures of 25 Nov 2025); your processor, 5.083 billion years; one S21, 101.7 years.
}

func TestMedian(t *testing.T) {
	for _, c := range []struct {
		xs   []float64
		want float64
	}{
		{[]float64{3}, 3},
		{[]float64{5, 1, 3}, 3},
		{[]float64{4, 1, 3, 2}, 2.5},
		{[]float64{1, 1e9, 2}, 2}, // a span spent elsewhere does not count
	} {
		if got := Median(c.xs); got != c.want {
			t.Errorf("Median(%v) = %v, want %v", c.xs, got, c.want)
		}
	}
	if !math.IsNaN(Median(nil)) {
		t.Error("the median of nothing is a number")
	}
}

// TestCompare: the years are a block's expected hashes (difficulty x
// 2^32) over the rate, in 365-day years, and an S21 is as many GPUs as
// its rate over theirs; without a GPU the processor stands in, and the
// page is told why.
func TestCompare(t *testing.T) {
	const d = 152.27e12
	years := func(rate float64) float64 { return d * math.Exp2(32) / rate / (365 * 86400) }
	near := func(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Abs(b) }
	e, err := Readings{CPU: []float64{2e6, 3e6, 2.5e6}, GPU: []float64{1e9}, Difficulty: d, AsOf: "2025-11-25"}.Compare()
	if err != nil || !near(e.CPUYears, years(2.5e6)) || !near(e.GPUYears, years(1e9)) || !near(e.S21Years, years(200e12)) ||
		!near(e.PerS21, 200e3) || !near(e.GPUTimesCPU, 400) {
		t.Errorf("%+v %v", e, err)
	}
	e, err = Readings{CPU: []float64{2e6}, Reason: gpu.NoWebGPU, Difficulty: d, AsOf: "2025-11-25"}.Compare()
	if err != nil || e.GPU != 0 || !near(e.PerS21, 1e8) {
		t.Fatalf("%+v %v", e, err)
	}
	en, vi := e.In(locale.EN), e.In(locale.VI)
	if !strings.Contains(en.Lines[1], "Your graphics card was not measured: this browser has no WebGPU.") ||
		!strings.Contains(en.Lines[2], "as fast as 100 million of your processors") || strings.Count(en.Chart, "chart-bar ") != 2 {
		t.Errorf("without a GPU: %q\n%s", en.Lines, en.Chart)
	}
	for i := range vi.Lines {
		if vi.Lines[i] == en.Lines[i] {
			t.Errorf("line %d is English in Vietnamese: %q", i, vi.Lines[i])
		}
	}
	if !strings.Contains(vi.Lines[0], "2 MH/s") || !strings.Contains(vi.Lines[3], "25 tháng 11 năm 2025") || !strings.Contains(vi.Lines[3], "152,3 T") {
		t.Errorf("the Vietnamese numbers: %q", vi.Lines)
	}
	for _, bad := range []Readings{
		{Difficulty: d, AsOf: "2025-11-25", Reason: gpu.NoWebGPU},
		{CPU: []float64{-1}, Difficulty: d, AsOf: "2025-11-25", Reason: gpu.NoWebGPU},
		{CPU: []float64{1}, Difficulty: 0, AsOf: "2025-11-25", Reason: gpu.NoWebGPU},
		{CPU: []float64{1}, Difficulty: d, AsOf: "25/11/2025", Reason: gpu.NoWebGPU},
		{CPU: []float64{1}, Difficulty: d, AsOf: "2025-11-25"},
		{CPU: []float64{1}, Difficulty: d, AsOf: "2025-11-25", Reason: "<script>"},
	} {
		if _, err := bad.Compare(); err == nil {
			t.Errorf("%+v: no error", bad)
		}
	}
}

// TestSoftwareAdapterSaysSo: a rate from a GPU that is really the
// processor is labelled as such, and the chart places three eras.
func TestSoftwareAdapterSaysSo(t *testing.T) {
	e, err := Readings{CPU: []float64{4e6}, GPU: []float64{2e5}, Software: true, Difficulty: 1e14, AsOf: "2025-11-25"}.Compare()
	if err != nil {
		t.Fatal(err)
	}
	s := e.In(locale.EN)
	if len(s.Lines) != 5 || s.Lines[2] != saySoftware || !strings.Contains(s.Lines[1], "0.05 times your processor's speed") {
		t.Errorf("%q", s.Lines)
	}
	for _, want := range []string{"Your CPU (2009–10)", "Your GPU (2010–13)", "S21 ASIC (2013–)", "10^14.3"} {
		if !strings.Contains(s.Table, want) || !strings.Contains(s.Chart, strings.Fields(want)[0]) {
			t.Errorf("the chart or its table lacks %q", want)
		}
	}
}

// TestSourceLine: the chart says where its bars come from, in each
// language: the reader's own measurement, and the S21's rated 200 TH/s
// with the specification the proof-of-work page cites.
func TestSourceLine(t *testing.T) {
	e, err := Readings{CPU: []float64{2e6}, GPU: []float64{1e9}, Difficulty: 152.27e12, AsOf: "2025-11-25"}.Compare()
	if err != nil {
		t.Fatal(err)
	}
	for lang, want := range map[locale.Tag][]string{
		locale.EN: {"Source: ", "measured in this browser", "200 TH/s", "Bitmain's specification", "TheMinerMag, 11 October 2023"},
		locale.VI: {"Nguồn: ", "trong trình duyệt này", "200 TH/s", "thông số của Bitmain", "TheMinerMag, 11/10/2023"},
	} {
		s := e.In(lang).Source
		for _, w := range want {
			if !strings.Contains(s, w) {
				t.Errorf("%s: the source line %q does not say %q", lang, s, w)
			}
		}
	}
}
