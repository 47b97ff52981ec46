package chartcheck

import (
	"strings"
	"testing"
)

// TestCheckFindsWhatIsWrong: a label cut at the drawing's edge, two on
// each other, a label over a dot, two x ticks and an unnamed second line
// are each reported;
// a drawing with none of them passes.
func TestCheckFindsWhatIsWrong(t *testing.T) {
	const ok = `<svg viewBox="0 0 240 300"><path class="chart-line chart-line-0" d=""/>` +
		`<text class="chart-tick" x="60" y="274" text-anchor="middle">0</text>` +
		`<text class="chart-tick" x="120" y="274" text-anchor="middle">5</text>` +
		`<text class="chart-tick" x="180" y="274" text-anchor="middle">10</text></svg>`
	if p := Check(ok); len(p) > 0 {
		t.Errorf("a good drawing: %q", p)
	}
	for want, svg := range map[string]string{
		"outside":          strings.Replace(ok, `x="60"`, `x="1"`, 1),
		"overlaps":         strings.Replace(ok, `</svg>`, `<text class="chart-marker-label" x="118" y="270" text-anchor="start">now $35</text></svg>`, 1),
		"2 x ticks":        strings.Replace(ok, `<text class="chart-tick" x="180" y="274" text-anchor="middle">10</text>`, "", 1),
		"no name":          strings.Replace(ok, `</svg>`, `<path class="chart-line chart-line-1" d=""/></svg>`, 1),
		"covers the point": strings.Replace(ok, `</svg>`, `<circle class="chart-dot chart-dot-0" cx="60" cy="270" r="4"/></svg>`, 1),
		"outside the drawing (2,-": `<svg viewBox="0 0 240 300"><text class="chart-label" x="14" y="136" text-anchor="middle" transform="rotate(-90 14 136)">` +
			strings.Repeat("USD per PH/s per day ", 3) + `</text></svg>`,
	} {
		if p := strings.Join(Check(svg), "; "); !strings.Contains(p, want) {
			t.Errorf("%s not found in %q", want, p)
		}
	}
}
