package gen

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/util"
)

func TestCalcFenceReplacesOnlyCalcBlocks(t *testing.T) {
	md := goldmark.New(goldmark.WithExtensions(&CalcFence{Render: func(w util.BufWriter, name string, preset url.Values) error {
		fmt.Fprintf(w, "<calc name=%q preset=%q>\n", name, preset.Encode())
		return nil
	}}))
	src := "Intro.\n\n```calc profit power_price=0.035 pool_fee=0\nignored\n```\n\n```go\nx := 1\n```\n\n- item\n\n  ```calc hashprice\n  ```\n"
	var out bytes.Buffer
	if err := md.Convert([]byte(src), &out); err != nil {
		t.Fatal(err)
	}
	html := out.String()
	for _, want := range []string{
		`<calc name="profit" preset="pool_fee=0&power_price=0.035">`,
		`<calc name="hashprice" preset="">`,
		`<code class="language-go">x := 1`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("missing %s in\n%s", want, html)
		}
	}
	if strings.Contains(html, "ignored") {
		t.Error("the calc block's body was rendered")
	}
}

func TestCalcFenceErrors(t *testing.T) {
	for _, info := range []string{"calc", "calc profit power_price", "calc profit =1"} {
		if _, _, ok, err := ParseCalcInfo(info); !ok || err == nil {
			t.Errorf("%q: ok=%v err=%v", info, ok, err)
		}
	}
	md := goldmark.New(goldmark.WithExtensions(&CalcFence{Render: func(util.BufWriter, string, url.Values) error { return fmt.Errorf("no calculator") }}))
	if err := md.Convert([]byte("```calc nothing\n```\n"), &bytes.Buffer{}); err == nil {
		t.Error("a failing calculator did not fail the conversion")
	}
}
