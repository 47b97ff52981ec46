// Package eras is the comparison the proof-of-work page shows once it has
// measured the reader's devices: their processor, their graphics card and
// one Antminer S21, mining's three eras (CPUs from 2009, GPUs from 2010,
// ASICs from 2013), at one difficulty, in words and in a chart, in either
// of the site's languages. The page's WebAssembly (wasm/cmd/app) runs it;
// the miner's stays without its catalog and charts. Pure Go; it must
// never import syscall/js.
package eras

import (
	"errors"
	"math"
	"slices"
	"time"

	"github.com/hashswitch/hashswitch/wasm/chain"
	"github.com/hashswitch/hashswitch/wasm/chart"
	"github.com/hashswitch/hashswitch/wasm/econ"
	"github.com/hashswitch/hashswitch/wasm/gpu"
	"github.com/hashswitch/hashswitch/wasm/locale"
)

// S21 is an Antminer S21's rate: 200 TH/s, Bitmain's specification (the
// proof-of-work page cites it).
const S21 = 200e12

// Eras is the comparison in numbers. Without a GPU rate it compares the
// processor, and Failure says why.
type Eras struct {
	CPU         float64      `json:"cpu"` // hashes per second: the median of the readings
	GPU         float64      `json:"gpu"` // 0 when not measured
	CPUReadings int          `json:"cpu_readings"`
	GPUReadings int          `json:"gpu_readings"`
	Failure     *gpu.Failure `json:"-"`        // why the GPU was not measured
	Software    bool         `json:"software"` // the GPU's adapter runs on the processor
	Difficulty  float64      `json:"difficulty"`
	AsOf        string       `json:"as_of"`     // the day of the difficulty, YYYY-MM-DD
	PerS21      float64      `json:"per_s21"`   // how many of the reader's GPUs (else processors) hash as fast as one S21
	CPUYears    float64      `json:"cpu_years"` // the expected years to find a block alone, at Difficulty
	GPUYears    float64      `json:"gpu_years"`
	S21Years    float64      `json:"s21_years"`
	GPUTimesCPU float64      `json:"gpu_times_cpu"`
}

// Readings are what the page measured, as it sends them: hashes per
// second over short spans of each device, and the difficulty (with its
// day) of the page's figures. Without GPU readings, Reason (one of
// gpu.Reasons) and Detail say why.
type Readings struct {
	CPU        []float64 `json:"cpu"`
	GPU        []float64 `json:"gpu"`
	Reason     string    `json:"reason"`
	Detail     string    `json:"detail"`
	Software   bool      `json:"software"`
	Difficulty float64   `json:"difficulty"`
	AsOf       string    `json:"as_of"`
}

// Compare makes the comparison. The readings' medians count, so that a
// span the browser spent on something else does not.
func (r Readings) Compare() (Eras, error) {
	e := Eras{CPU: Median(r.CPU), CPUReadings: len(r.CPU), Software: r.Software, Difficulty: r.Difficulty, AsOf: r.AsOf}
	if !(e.CPU > 0) || math.IsInf(e.CPU, 0) {
		return e, errors.New("cpu: the readings must be positive numbers of hashes per second")
	}
	if !(r.Difficulty >= 1) || math.IsInf(r.Difficulty, 0) {
		return e, errors.New("difficulty: must be a number from 1 up")
	}
	if _, err := time.Parse(time.DateOnly, r.AsOf); err != nil {
		return e, errors.New("as_of: must be a day, YYYY-MM-DD")
	}
	if r.Reason != "" {
		if !slices.Contains(gpu.Reasons, r.Reason) {
			return e, errors.New("reason: must be one of package gpu's Reasons")
		}
		e.Failure = &gpu.Failure{Reason: r.Reason, Detail: r.Detail}
	} else {
		e.GPU, e.GPUReadings = Median(r.GPU), len(r.GPU)
		if !(e.GPU > 0) || math.IsInf(e.GPU, 0) {
			return e, errors.New("gpu: the readings must be positive numbers of hashes per second, or a reason say why there are none")
		}
	}
	years := func(rate float64) float64 {
		return econ.Race{Chain: chain.MainNet, HashesPerSec: rate, Difficulty: r.Difficulty, ASICTHs: S21 / 1e12}.Compare().YearsToBlock
	}
	e.CPUYears, e.S21Years = years(e.CPU), years(S21)
	fastest := e.CPU
	if e.GPU > 0 {
		e.GPUYears, e.GPUTimesCPU = years(e.GPU), e.GPU/e.CPU
		fastest = e.GPU
	}
	e.PerS21 = S21 / fastest
	return e, nil
}

// Median is the middle reading (the mean of the middle two of an even
// count); NaN for none.
func Median(xs []float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	m := len(s) / 2
	if len(s)%2 == 0 {
		return (s[m-1] + s[m]) / 2
	}
	return s[m]
}

// Shown is the comparison in a language: sentences, and a chart drawn
// twice (for screens and for phones) with its table and the source line
// under it; and its numbers.
type Shown struct {
	Lines       []string `json:"lines"`
	Chart       string   `json:"chart"`
	ChartNarrow string   `json:"chart_narrow"`
	Table       string   `json:"table"`
	Source      string   `json:"source"`
	Eras        Eras     `json:"eras"`
}

// The sentences and the chart's words, in English; package locale
// translates them.
const (
	sayCPU      = "Your processor: %s, the median of its readings."
	sayGPU      = "Your graphics card: %s, the median of its readings: %s times your processor's speed."
	saySoftware = "This browser's WebGPU runs on the processor (a software adapter): that is not a graphics card's speed."
	sayNoGPU    = "Your graphics card was not measured: %s. The comparison uses your processor."
	sayS21GPU   = "One Antminer S21 hashes %s: as fast as %s of your graphics cards."
	sayS21CPU   = "One Antminer S21 hashes %s: as fast as %s of your processors."
	sayYearsGPU = "Alone, your graphics card would take %s years on average to find a block at the difficulty of %s (figures of %s); your processor, %s years; one S21, %s years."
	sayYearsCPU = "Alone, your processor would take %s years on average to find a block at the difficulty of %s (figures of %s); one S21, %s years."
	chartTitle  = "Three eras of mining: hashes per second, on a log scale"
	chartX      = "Who hashes"
	chartY      = "log10 of hashes per second"
	barCPU      = "Your CPU (2009–10)"
	barGPU      = "Your GPU (2010–13)"
	barS21      = "S21 ASIC (2013–)"
	// The chart's source line: the reader's bars are their own
	// measurement; the S21's is its rated speed, as the proof-of-work
	// page cites it.
	sourceLine = "Source: your device, measured in this browser · Antminer S21: %s, Bitmain's specification (TheMinerMag, 11 October 2023)"
)

// ReaderStrings lists every string the comparison shows, for the
// Vietnamese catalog's test.
func ReaderStrings() []string {
	return append([]string{sayCPU, sayGPU, saySoftware, sayNoGPU, sayS21GPU, sayS21CPU, sayYearsGPU, sayYearsCPU,
		chartTitle, chartX, chartY, barCPU, barGPU, barS21, sourceLine}, gpu.Reasons...)
}

// dayLayouts write a day as the site does (package widget's Day).
var dayLayouts = map[locale.Tag]string{locale.EN: "2 Jan 2006", locale.VI: "2 tháng 1 năm 2006"}

// In writes the comparison in lang.
func (e Eras) In(lang locale.Tag) Shown {
	st := lang.Style()
	day, _ := time.Parse(time.DateOnly, e.AsOf)
	s := Shown{Eras: e}
	s.Lines = append(s.Lines, lang.Sprintf(sayCPU, st.Rate(e.CPU)))
	switch {
	case e.Failure != nil:
		why := lang.T(e.Failure.Reason)
		if e.Failure.Detail != "" {
			why += " (" + e.Failure.Detail + ")"
		}
		s.Lines = append(s.Lines, lang.Sprintf(sayNoGPU, why))
	default:
		s.Lines = append(s.Lines, lang.Sprintf(sayGPU, st.Rate(e.GPU), st.Decimals(e.GPUTimesCPU, 2)))
		if e.Software {
			s.Lines = append(s.Lines, lang.T(saySoftware))
		}
	}
	difficulty, when := st.Big(e.Difficulty), day.Format(dayLayouts[lang])
	if e.GPU > 0 {
		s.Lines = append(s.Lines, lang.Sprintf(sayS21GPU, st.Rate(S21), st.Big(e.PerS21)),
			lang.Sprintf(sayYearsGPU, st.Big(e.GPUYears), difficulty, when, st.Big(e.CPUYears), st.Big(e.S21Years)))
	} else {
		s.Lines = append(s.Lines, lang.Sprintf(sayS21CPU, st.Rate(S21), st.Big(e.PerS21)),
			lang.Sprintf(sayYearsCPU, st.Big(e.CPUYears), difficulty, when, st.Big(e.S21Years)))
	}
	c := &chart.Chart{
		ID: "eras-chart", Title: lang.T(chartTitle), XLabel: lang.T(chartX), YLabel: lang.T(chartY),
		FormatY: func(v float64) string { return "10^" + st.Decimals(math.Round(v*10)/10, 3) },
	}
	c.Bars = append(c.Bars, chart.Bar{Label: lang.T(barCPU), Value: math.Log10(e.CPU)})
	if e.GPU > 0 {
		c.Bars = append(c.Bars, chart.Bar{Label: lang.T(barGPU), Value: math.Log10(e.GPU)})
	}
	c.Bars = append(c.Bars, chart.Bar{Label: lang.T(barS21), Value: math.Log10(S21)})
	s.Chart, s.Table = c.SVG(), c.Table()
	s.Source = lang.Sprintf(sourceLine, st.Rate(S21))
	c.ID, c.Width = "eras-chart-narrow", chart.Narrow
	s.ChartNarrow = c.SVG()
	return s
}
