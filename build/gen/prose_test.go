package gen

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/hashswitch/hashswitch/wasm/calc"
	"github.com/hashswitch/hashswitch/wasm/locale"
	"github.com/hashswitch/hashswitch/wasm/netdata"
	"github.com/hashswitch/hashswitch/wasm/widget"
)

// TestProseIsTheAPIsAnswer: every number computed in the explainers'
// prose, in both languages, is the API's answer for the same URL: the
// calculator's start values with the sentence's presets, as a reader
// following the link would get it.
func TestProseIsTheAPIsAnswer(t *testing.T) {
	token := regexp.MustCompile(`\{\{([^}]*)\}\}`)
	files, _ := filepath.Glob(filepath.Join(root, "content", "*.md"))
	vi, _ := filepath.Glob(filepath.Join(root, "content", "vi", "*.md"))
	snap := netdata.Committed()
	checked := 0
	for _, f := range append(files, vi...) {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range token.FindAllStringSubmatch(string(src), -1) {
			n, err := ParseComputed(m[1])
			if err != nil {
				t.Errorf("%s: %s: %v", filepath.Base(f), m[0], err)
				continue
			}
			_, raw, err := widget.Inline(snap, locale.EN, n.Calc, n.Key, n.Preset, n.Format)
			if err != nil {
				t.Errorf("%s: %s: %v", filepath.Base(f), m[0], err)
				continue
			}
			q, _ := widget.InlineQuery(snap, n.Calc, n.Preset)
			url := calc.Prefix + n.Calc + "?" + q.Encode()
			a := calc.GetURL(url)
			var answer any
			if err := json.Unmarshal(a.Body, &answer); err != nil || a.Status != calc.StatusOK {
				t.Errorf("%s: %s: %d %s", filepath.Base(f), url, a.Status, a.Body)
				continue
			}
			for _, part := range strings.Split(n.Key, ".") {
				switch v := answer.(type) {
				case map[string]any:
					answer = v[part]
				case []any:
					i, _ := strconv.Atoi(part)
					answer = v[i]
				}
			}
			if want, got := RawValue(raw), jsonRaw(answer); want != got {
				t.Errorf("%s: %s says %s, the API's %s answers %s", filepath.Base(f), m[0], want, url, got)
			}
			checked++
		}
	}
	if checked < 50 {
		t.Errorf("only %d numbers in prose checked", checked)
	}
}

// jsonRaw writes a JSON value as RawValue writes the typed one.
func jsonRaw(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case float64:
		if x == float64(int64(x)) && strings.Contains(strconv.FormatFloat(x, 'g', -1, 64), "e") {
			return strconv.FormatFloat(x, 'f', -1, 64)
		}
		return strconv.FormatFloat(x, 'g', -1, 64)
	case bool:
		return strconv.FormatBool(x)
	case string:
		return x
	}
	return ""
}
