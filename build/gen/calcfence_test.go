package gen

import (
	"bytes"
	"fmt"
	"html"
	"path/filepath"
	"slices"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/testutil"
	"github.com/yuin/goldmark/util"
)

// TestCalcFenceSpec runs the cases of testdata/calcfence.txt, goldmark's
// spec-file format: Markdown in, exact HTML out, with a stand-in renderer
// that writes the calculator's name and presets.
func TestCalcFenceSpec(t *testing.T) {
	md := goldmark.New(goldmark.WithExtensions(&CalcFence{Render: func(w util.BufWriter, c *Calc) error {
		fmt.Fprintf(w, "<calc name=\"%s\" preset=\"%s\">\n", html.EscapeString(c.Name), html.EscapeString(c.Preset.Encode()))
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
	md := goldmark.New(goldmark.WithExtensions(&CalcFence{Render: func(util.BufWriter, *Calc) error { return fmt.Errorf("no calculator") }}))
	if err := md.Convert([]byte("```calc nothing\n```\n"), &bytes.Buffer{}); err == nil {
		t.Error("a failing calculator did not fail the conversion")
	}
}

// TestCalcFenceCarriesThePage: one converter serves every page. Each
// conversion's calculators are numbered by name in the document's order
// (the ids of their elements) and carry the page its parser context
// brought; CalcsIn lists them afterwards.
func TestCalcFenceCarriesThePage(t *testing.T) {
	var drawn []string
	md := goldmark.New(goldmark.WithExtensions(&CalcFence{Render: func(w util.BufWriter, c *Calc) error {
		drawn = append(drawn, c.Page.Path+"#"+c.ID)
		return nil
	}}))
	src := []byte("```calc hashprice\n```\n\n- item\n\n  ```calc halving\n  ```\n\n```calc hashprice fees=1\n```\n")
	var listed []string
	for _, path := range []string{"/a/", "/b/"} {
		pc := NewPageContext(PageInfo{Path: path})
		if err := md.Convert(src, &bytes.Buffer{}, parser.WithContext(pc)); err != nil {
			t.Fatal(err)
		}
		for _, c := range CalcsIn(pc) {
			listed = append(listed, path+"#"+c.ID)
		}
	}
	want := []string{"/a/#hashprice-1", "/a/#halving-1", "/a/#hashprice-2", "/b/#hashprice-1", "/b/#halving-1", "/b/#hashprice-2"}
	if !slices.Equal(drawn, want) || !slices.Equal(listed, want) {
		t.Errorf("drawn %v, listed %v, want %v", drawn, listed, want)
	}
}

// TestCalcFenceTitle: title="…" (quoted, with spaces) is the calculator's
// title on its page, not a preset; the other presets stay as they are; an
// unclosed quote fails.
func TestCalcFenceTitle(t *testing.T) {
	var got []*Calc
	md := goldmark.New(goldmark.WithExtensions(&CalcFence{Render: func(w util.BufWriter, c *Calc) error {
		got = append(got, c)
		return nil
	}}))
	src := []byte("```calc convert lease=160 title=\"Colocation at $160 a kW\" pue=1.2\n```\n\n```calc convert title=Plain\n```\n\n```calc convert\n```\n")
	if err := md.Convert(src, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || got[0].Title != "Colocation at $160 a kW" || got[0].Preset.Encode() != "lease=160&pue=1.2" ||
		got[1].Title != "Plain" || len(got[1].Preset) != 0 || got[2].Title != "" {
		for _, c := range got {
			t.Logf("%s %q %s", c.ID, c.Title, c.Preset.Encode())
		}
		t.Error("titles")
	}
	if _, _, ok, err := ParseCalcInfo(`calc convert title="open`); !ok || err == nil {
		t.Errorf("an open quote: ok=%v err=%v", ok, err)
	}
}
