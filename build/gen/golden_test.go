package gen

import (
	"bufio"
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/hashswitch/hashswitch/wasm/calc"
	"github.com/hashswitch/hashswitch/wasm/locale"
	"github.com/hashswitch/hashswitch/wasm/netdata"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// TestCalcGolden renders calculators as a page gets them and compares the
// HTML with testdata/golden/NAME.html; go test -run CalcGolden -update
// refreshes the files after a deliberate change.
func TestCalcGolden(t *testing.T) {
	assets := Assets{"app.wasm": "/assets/wasm/app.0.wasm", "hashworker.wasm": "/assets/wasm/hashworker.0.wasm", "hashworker-simd.wasm": "/assets/wasm/hashworker-simd.0.wasm", "hashworker.js": "/assets/hashworker.0.js", "gpu.js": "/assets/gpu.0.js", "wasm_exec.js": "/assets/wasm_exec.0.js"}
	tmpl, err := loadTemplates(root, "https://hashswitch.example", assets)
	if err != nil {
		t.Fatal(err)
	}
	calcs := calculators{tmpl: tmpl.base, now: time.Date(2025, 11, 25, 12, 0, 0, 0, time.UTC)}
	on := PageInfo{Path: "/page/", Snapshot: netdata.Committed()}
	for _, c := range []struct {
		name   string
		preset calc.Values
	}{
		{"hashprice", calc.Values{"fees": {"0.5"}}},
		{"halving", nil},
		{"bench", nil},
	} {
		var out bytes.Buffer
		w := bufio.NewWriter(&out)
		if err := calcs.render(w, on, locale.EN, c.name+"-1", c.name, c.preset, ""); err != nil {
			t.Fatal(err)
		}
		w.Flush()
		file := filepath.Join("testdata", "golden", c.name+".html")
		if *update {
			os.MkdirAll(filepath.Dir(file), 0o755)
			if err := os.WriteFile(file, out.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(file)
		if err != nil {
			t.Fatalf("%v (run go test ./build/gen -run CalcGolden -update)", err)
		}
		if !bytes.Equal(out.Bytes(), want) {
			t.Errorf("%s differs from %s (after a deliberate change: -update)\n%s", c.name, file, out.String())
		}
	}
}
