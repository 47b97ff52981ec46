package gen

import (
	"bytes"
	"fmt"
	"html"
	"path/filepath"
	"testing"

	"github.com/hashswitch/hashswitch/wasm/calc"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/testutil"
	"github.com/yuin/goldmark/util"
)

// TestCalcFenceSpec runs the cases of testdata/calcfence.txt, goldmark's
// spec-file format: Markdown in, exact HTML out, with a stand-in renderer
// that writes the calculator's name and presets.
func TestCalcFenceSpec(t *testing.T) {
	md := goldmark.New(goldmark.WithExtensions(&CalcFence{Render: func(w util.BufWriter, name string, preset calc.Values) error {
		fmt.Fprintf(w, "<calc name=\"%s\" preset=\"%s\">\n", html.EscapeString(name), html.EscapeString(preset.Encode()))
		return nil
	}}))
	testutil.DoTestCaseFile(md, filepath.Join("testdata", "calcfence.txt"), t)
}

// TestCalcFenceErrors: a fence without a name, a malformed preset or an
// unknown calculator fails the conversion, so it fails the build.
func TestCalcFenceErrors(t *testing.T) {
	for _, info := range []string{"calc", "calc profit power_price", "calc profit =1"} {
		if _, _, ok, err := ParseCalcInfo(info); !ok || err == nil {
			t.Errorf("%q: ok=%v err=%v", info, ok, err)
		}
	}
	md := goldmark.New(goldmark.WithExtensions(&CalcFence{Render: func(util.BufWriter, string, calc.Values) error { return fmt.Errorf("no calculator") }}))
	if err := md.Convert([]byte("```calc nothing\n```\n"), &bytes.Buffer{}); err == nil {
		t.Error("a failing calculator did not fail the conversion")
	}
}
