package gen

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
	"github.com/evanw/esbuild/pkg/api"

	"github.com/hashswitch/hashswitch/wasm/human"
	"github.com/hashswitch/hashswitch/wasm/locale"
	"github.com/hashswitch/hashswitch/wasm/widget"
)

func brotliBytes(data []byte) int {
	var buf bytes.Buffer
	w := brotli.NewWriterLevel(&buf, brotli.BestCompression)
	w.Write(data)
	w.Close()
	return buf.Len()
}

// scriptBudget is what the page script may weigh in brotli (quality 11):
// every page and every embed loads it before a touch. The one file it was
// split from weighed 5,774 bytes minified (10,159 as it was served,
// unminified); its modules, split by concern and bundled, 6,226; with the
// share button and the embed dialog's preview, choices and summary,
// 6,764 (6 December 2026); with the charts' source line kept current and
// the history chart's point following the calculator above it, 6,924.
const scriptBudget = 6_950

// TestScriptSizeBudget: the bundled page script stays within its budget,
// and is minified.
func TestScriptSizeBudget(t *testing.T) {
	s, err := BundleScript(root)
	if err != nil {
		t.Fatal(err)
	}
	n := brotliBytes(s.Code)
	t.Logf("the page script: %d bytes, %d of brotli, from %d modules", len(s.Code), n, len(s.Modules))
	if n > scriptBudget {
		t.Errorf("the page script weighs %d bytes of brotli, over its budget of %d", n, scriptBudget)
	}
	if bytes.Count(s.Code, []byte("\n")) > 2 || bytes.Contains(s.Code, []byte("//")) && bytes.Contains(s.Code, []byte("// ")) {
		t.Errorf("the page script is not minified:\n%.300s", s.Code)
	}
	if len(s.Modules) < 8 {
		t.Errorf("only %v bundled", s.Modules)
	}
}

// scriptSources are the site's JavaScript as the browser runs it, without
// comments (esbuild strips them): the page script's modules, the workers
// and the service worker, whose template markers stand for values.
func scriptSources(t *testing.T) map[string]string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(root, "site", "assets", "*.js"))
	modules, _ := filepath.Glob(filepath.Join(root, "site", "assets", ScriptDir, "*.js"))
	files = append(append(files, modules...), filepath.Join(root, "site", "sw.js"))
	if len(modules) < 8 {
		t.Fatalf("only %d modules in site/assets/%s", len(modules), ScriptDir)
	}
	marker := regexp.MustCompile(`/\*\{\{.*?\}\}\*/`)
	out := map[string]string{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		r := api.Transform(marker.ReplaceAllString(string(data), "null"), api.TransformOptions{
			MinifyWhitespace: true, Format: api.FormatESModule, Charset: api.CharsetUTF8, LegalComments: api.LegalCommentsNone})
		if len(r.Errors) > 0 {
			t.Fatalf("%s: %s", f, r.Errors[0].Text)
		}
		out[f] = string(r.Code)
	}
	return out
}

// TestNoRuleInBothLanguages: what Go decides, the page's JavaScript takes
// from Go (go:rules, the templates, hashswitch.widget's answers) and never
// writes again. Each literal here is Go's, read from Go's own values; none
// may appear in the site's scripts.
func TestNoRuleInBothLanguages(t *testing.T) {
	var probe []string
	for _, b := range SIMDProbe {
		probe = append(probe, strconv.Itoa(int(b)))
	}
	quoted := func(s string) []string { return []string{strconv.Quote(s), "'" + s + "'"} }
	rules := map[string][]string{
		"the SIMD probe's bytes": {strings.Join(probe, ","), strings.Join(probe[:8], ",")},
		// What a query's embed path is, and a language's prefix.
		"the embed path": {strings.TrimSuffix(widget.EmbedPath(locale.EN, "x"), "x/"), strings.TrimSuffix(widget.EmbedPath(locale.VI, "x"), "x/")},
		// How a page's link names a calculator's parameters.
		"the share query": {"`${section.id}.", "#${section.id}"},
		// Which calculators' freshness line speaks of the height.
		"the height freshness rule": {"height_text", "[name=height]"},
		// How a number is written for a Vietnamese reader.
		"the reader's number style": {`/[.,]/`, `"."?",":"."`},
		// The message a pinned date without a snapshot gets.
		"the asof message": {"asof: "},
	}
	for _, k := range widget.DisplayParams() {
		rules["the display parameters"] = append(rules["the display parameters"], quoted(k)...)
	}
	for _, st := range []*human.Style{human.English, human.Vietnamese} {
		rules["the countdown's words"] = append(rules["the countdown's words"], append(quoted(st.Days), quoted(st.Passed)...)...)
	}
	rules["the dollars by default"] = quoted("USD")
	sources := scriptSources(t)
	for rule, literals := range rules {
		for _, lit := range literals {
			for f, code := range sources {
				if strings.Contains(code, lit) {
					t.Errorf("%s holds %q, Go's (%s): take it from Go", f, lit, rule)
				}
			}
		}
	}
	// The test sees what it looks for: the scripts' own literals.
	all := strings.Join(slicesOf(sources), "\n")
	for _, own := range []string{`"hashswitch:height"`, "go:rules", "simdProbe", "data-embed-"} {
		if !strings.Contains(all, own) {
			t.Errorf("the scripts, stripped of comments, lack %q: the test reads them wrongly", own)
		}
	}
}

func slicesOf(m map[string]string) []string {
	var out []string
	for _, v := range m {
		out = append(out, v)
	}
	return out
}

// TestRulesModuleWritesGoValues: go:rules carries Go's values: the
// characters a Vietnamese reader's numbers change, applied one by one,
// write a number as locale does; the probe is SIMDProbe.
func TestRulesModuleWritesGoValues(t *testing.T) {
	js, err := RulesModule()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`export const display = ["currency","usd_vnd","usd_vnd_date","usd_vnd_source"];`,
		`"vi":{"shown":{",":".",".":","},"days":"ngày","passed":"đã qua"}`,
		`"en":{"shown":{},"days":"days","passed":"passed"}`,
		`export const simdProbe = [0,97,115,109,`,
	} {
		if !strings.Contains(js, want) {
			t.Errorf("go:rules lacks %s:\n%s", want, js)
		}
	}
	// The Vietnamese table, applied as the page applies it.
	swap := map[rune]rune{',': '.', '.': ','}
	for _, n := range []string{"85,000.5", "0.02", "1,234,567", "-3.5e6"} {
		got := strings.Map(func(r rune) rune {
			if s, ok := swap[r]; ok {
				return s
			}
			return r
		}, n)
		if got != locale.VI.Shown(n) {
			t.Errorf("%s: the table writes %s, locale %s", n, got, locale.VI.Shown(n))
		}
	}
}

// TestTheDOMContractHolds: every name the page script looks for (dom.js)
// is in the templates, every class it sets is styled, and every data
// attribute it reads is listed there and written by a template.
func TestTheDOMContractHolds(t *testing.T) {
	read := func(pattern string) string {
		files, _ := filepath.Glob(filepath.Join(root, pattern))
		var all []byte
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			all = append(all, data...)
		}
		if len(all) == 0 {
			t.Fatalf("nothing in %s", pattern)
		}
		return string(all)
	}
	html := read("site/templates/*.html") + read("site/pages/*.html")
	css := read("site/assets/style.css")
	dom := read("site/assets/" + ScriptDir + "/dom.js")
	// The templates' classes, ids, elements and attributes.
	classes, ids, elements, attrs := map[string]bool{}, map[string]bool{}, map[string]bool{}, map[string]bool{}
	action := regexp.MustCompile(`\{\{.*?\}\}`)
	for _, m := range regexp.MustCompile(`class="([^"]*)"`).FindAllStringSubmatch(html, -1) {
		for _, c := range strings.Fields(action.ReplaceAllString(m[1], " ")) {
			classes[c] = true
		}
	}
	for _, m := range regexp.MustCompile(`id="([^"{]*)"`).FindAllStringSubmatch(html, -1) {
		ids[m[1]] = true
	}
	for _, m := range regexp.MustCompile(`<([a-z]+)[\s>]`).FindAllStringSubmatch(html, -1) {
		elements[m[1]] = true
	}
	for _, m := range regexp.MustCompile(`\s([a-z][a-z-]*)(="([^"{]*))?`).FindAllStringSubmatch(html, -1) {
		attrs[m[1]] = true
		attrs[m[1]+"="+m[3]] = true
	}
	selectors := regexp.MustCompile(`(?m)^export const (\w+) = "([^"]*)";`).FindAllStringSubmatch(dom, -1)
	if len(selectors) < 40 {
		t.Fatalf("only %d selectors in dom.js", len(selectors))
	}
	token := regexp.MustCompile(`([.#]?)([a-z][a-z0-9-]*)|\[([a-z-]+)(=([a-z-]+))?\]`)
	for _, s := range selectors {
		for _, m := range token.FindAllStringSubmatch(s[2], -1) {
			var ok bool
			switch {
			case m[3] != "" && m[5] != "":
				ok = attrs[m[3]+"="+m[5]]
			case m[3] != "":
				ok = attrs[m[3]]
			case m[1] == ".":
				ok = classes[m[2]]
			case m[1] == "#":
				ok = ids[m[2]]
			default:
				ok = elements[m[2]]
			}
			if !ok {
				t.Errorf("dom.js %s (%q): no template writes %s", s[1], s[2], m[0])
			}
		}
	}
	// The classes the script sets: style.css styles each.
	cls := regexp.MustCompile(`(?s)export const cls = \{(.*?)\};`).FindStringSubmatch(dom)
	if cls == nil {
		t.Fatal("dom.js has no cls")
	}
	for _, m := range regexp.MustCompile(`"([a-z-]+)"`).FindAllStringSubmatch(cls[1], -1) {
		if !regexp.MustCompile(`\.` + m[1] + `\b[^-]`).MatchString(css) {
			t.Errorf("dom.js sets class %s, which style.css does not style", m[1])
		}
	}
	for _, m := range regexp.MustCompile(`"(data-[a-z]+-)"`).FindAllStringSubmatch(dom, -1) {
		for _, lang := range locale.Tags {
			if !attrs[m[1]+string(lang)] {
				t.Errorf("dom.js reads %s%s, which no template writes", m[1], lang)
			}
		}
	}
	// The data attributes the script reads: listed in dom.js, written by a
	// template.
	list := regexp.MustCompile(`(?s)export const data = \[(.*?)\];`).FindStringSubmatch(dom)
	if list == nil {
		t.Fatal("dom.js has no data list")
	}
	listed := map[string]bool{}
	for _, m := range regexp.MustCompile(`"(\w+)"`).FindAllStringSubmatch(list[1], -1) {
		listed[m[1]] = true
		if !attrs["data-"+kebab(m[1])] {
			t.Errorf("dom.js lists data-%s, which no template writes", kebab(m[1]))
		}
	}
	own := regexp.MustCompile(`export const own = \[(.*?)\];`).FindStringSubmatch(dom)
	if own == nil {
		t.Fatal("dom.js has no own list")
	}
	for _, m := range regexp.MustCompile(`"(\w+)"`).FindAllStringSubmatch(own[1], -1) {
		listed[m[1]] = true
	}
	seen := 0
	for f, code := range scriptSources(t) {
		if !strings.Contains(f, ScriptDir+string(filepath.Separator)) {
			continue // the workers and the service worker have no DOM
		}
		for _, m := range regexp.MustCompile(`\.dataset\.(\w+)`).FindAllStringSubmatch(code, -1) {
			seen++
			if !listed[m[1]] {
				t.Errorf("%s reads data-%s, which dom.js does not list", filepath.Base(f), kebab(m[1]))
			}
		}
	}
	if seen < 20 {
		t.Errorf("only %d dataset reads found: the test reads the modules wrongly", seen)
	}
}

// kebab writes a dataset name as its attribute: workerWasm, worker-wasm.
func kebab(s string) string {
	return strings.ToLower(regexp.MustCompile(`([A-Z])`).ReplaceAllString(s, "-$1"))
}
