package gen

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/hashswitch/hashswitch/wasm/netdata"
	"github.com/hashswitch/hashswitch/wasm/widget"
)

// TestEveryChartLineIsDrawn: each line any calculator's chart draws, in
// the scenarios the explainers show, has a stroke in the stylesheet, so no
// series is an invisible line that only sets the axis.
func TestEveryChartLineIsDrawn(t *testing.T) {
	css, err := os.ReadFile(filepath.Join(root, "site", "assets", "style.css"))
	if err != nil {
		t.Fatal(err)
	}
	line := regexp.MustCompile(`chart-line chart-line-(\d+)`)
	for _, w := range widget.Widgets() {
		for _, q := range []string{"", "gpu_hour=3&lease=160"} {
			r := w.Render(netdata.Committed(), q)
			for _, m := range line.FindAllStringSubmatch(r.Chart, -1) {
				rule := regexp.MustCompile(`\.chart-line-` + m[1] + ` \{[^}]*stroke: var\(--line-` + m[1] + `\)`)
				if !rule.Match(css) {
					t.Errorf("%s draws .chart-line-%s, which style.css gives no stroke", w.Name, m[1])
				}
			}
		}
	}
}
