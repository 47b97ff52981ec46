package gen

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/hashswitch/hashswitch/wasm/gpu/eras"
	"github.com/hashswitch/hashswitch/wasm/locale"
	"github.com/hashswitch/hashswitch/wasm/oembed"
	"github.com/hashswitch/hashswitch/wasm/widget"
)

var root = filepath.Join("..", "..")

// TestBuildLinksOnlyHashedAssetsThatExist builds the real site and checks
// that every asset a page names exists, under the hash of its content.
func TestBuildLinksOnlyHashedAssetsThatExist(t *testing.T) {
	out := t.TempDir()
	site, err := Build(Config{Root: root, Out: out})
	if err != nil {
		t.Fatal(err)
	}
	// netlify.toml must be what this build would write (make dist does).
	committed, err := os.ReadFile(filepath.Join(root, "netlify.toml"))
	if err != nil || string(committed) != NetlifyTOML(site.Pages) {
		t.Errorf("netlify.toml is not current for pages %v: run make dist and commit it (%v)", site.Pages, err)
	}
	pages, _ := filepath.Glob(filepath.Join(out, "*", "index.html"))
	pages = append(pages, filepath.Join(out, "index.html"))
	ref := regexp.MustCompile(`/assets/[^"'\s)]+`)
	seen := 0
	for _, p := range pages {
		html, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, u := range ref.FindAllString(string(html), -1) {
			data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(u)))
			if err != nil {
				t.Errorf("%s links %s: %v", p, u, err)
				continue
			}
			sum := sha256.Sum256(data)
			if !strings.Contains(u, "."+hex.EncodeToString(sum[:])[:10]+".") {
				t.Errorf("%s is not named by its content hash", u)
			}
			seen++
		}
	}
	if seen == 0 {
		t.Error("no page links an asset")
	}
}

func TestVersionChangesWithAnyAsset(t *testing.T) {
	a := Assets{"app.wasm": "/assets/app.1.wasm", "style.css": "/assets/style.1.css"}
	b := Assets{"app.wasm": "/assets/app.2.wasm", "style.css": "/assets/style.1.css"}
	if a.Version() == b.Version() {
		t.Error("same version for different assets")
	}
	if _, err := a.URL("missing.js"); err == nil {
		t.Error("unknown asset has a URL")
	}
}

// BenchmarkWasmSize reports the page's WebAssembly as it is served: raw,
// gzip -9 and brotli -11 bytes.
func BenchmarkWasmSize(b *testing.B) {
	wasm, err := CompileWasm(root, "./wasm/cmd/app")
	if err != nil {
		b.Fatal(err)
	}
	var gz bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	zw.Write(wasm)
	zw.Close()
	for b.Loop() {
	}
	b.ReportMetric(float64(len(wasm)), "raw-bytes")
	b.ReportMetric(float64(gz.Len()), "gzip-bytes")
	b.ReportMetric(float64(brotliBytes(wasm)), "brotli-bytes")
	b.ReportMetric(0, "ns/op")
}

// TestMarkdown: GFM tables, footnotes, typographic quotes, heading ids, and
// no raw HTML or script links.
func TestMarkdown(t *testing.T) {
	md := markdown(locale.EN, nil, nil, nil)
	src := "# Hashprice, \"explained\"\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nA claim.[^1]\n\n[^1]: A source, 2025.\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1)) <b onclick=\"x\">bold</b>\n"
	var out bytes.Buffer
	if err := md.Convert([]byte(src), &out); err != nil {
		t.Fatal(err)
	}
	html := out.String()
	for _, want := range []string{`<h1 id="hashprice-explained">`, "&ldquo;explained&rdquo;", "<table>", `class="footnote-ref"`, "A source, 2025."} {
		if !strings.Contains(html, want) {
			t.Errorf("missing %s in\n%s", want, html)
		}
	}
	for _, bad := range []string{"<script", "javascript:", "onclick", "<b "} {
		if strings.Contains(html, bad) {
			t.Errorf("%s survived in\n%s", bad, html)
		}
	}
}

// TestSiteParts builds the site and checks the parts a browser finds by
// name: the oEmbed discovery links and JSON, the manifest's icons, and the
// service worker's precache list.
func TestSiteParts(t *testing.T) {
	out := t.TempDir()
	site, err := Build(Config{Root: root, Out: out, BaseURL: "https://hashswitch.example/"})
	if err != nil {
		t.Fatal(err)
	}
	for _, wd := range widget.Widgets() {
		w := wd.Name
		html, err := os.ReadFile(filepath.Join(out, "embed", w, "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		link := `<link rel="alternate" type="application/json+oembed" href="https://hashswitch.example/oembed/` + w + `.json"`
		if !strings.Contains(string(html), link) {
			t.Errorf("%s: no oEmbed discovery link", w)
		}
		var o oembed.Response
		data, _ := os.ReadFile(filepath.Join(out, "oembed", w+".json"))
		if err := json.Unmarshal(data, &o); err != nil || o.Type != "rich" || o.Version != "1.0" ||
			!strings.Contains(o.HTML, `src="https://hashswitch.example/embed/`+w+`/"`) || !strings.Contains(o.HTML, "/embed.js") {
			t.Errorf("%s: oEmbed %+v %v", w, o, err)
		}
	}
	var m struct {
		Icons []struct{ Src, Sizes, Purpose string }
	}
	data, _ := os.ReadFile(filepath.Join(out, "manifest.webmanifest"))
	if err := json.Unmarshal(data, &m); err != nil || len(m.Icons) != 3 {
		t.Fatalf("manifest %s %v", data, err)
	}
	for _, ic := range m.Icons {
		f, err := os.Open(filepath.Join(out, filepath.FromSlash(ic.Src)))
		if err != nil {
			t.Fatal(err)
		}
		cfg, err := png.DecodeConfig(f)
		f.Close()
		if err != nil || fmt.Sprintf("%dx%d", cfg.Width, cfg.Height) != ic.Sizes {
			t.Errorf("icon %s: %v %v", ic.Src, cfg, err)
		}
	}
	sw, _ := os.ReadFile(filepath.Join(out, "sw.js"))
	if strings.Contains(string(sw), "/*{{") {
		t.Error("sw.js has unfilled placeholders")
	}
	for _, p := range append(site.Pages, site.Assets.Sorted()...) {
		if !strings.Contains(string(sw), `"`+p+`"`) {
			t.Errorf("sw.js does not precache %s", p)
		}
	}
	if !strings.Contains(string(sw), `const VERSION = "`+site.Assets.Version()+`"`) {
		t.Error("sw.js has the wrong version")
	}
}

// TestNetlifyTOMLRoundTrips decodes what NetlifyTOML writes with a TOML
// parser: every page has its CSP under both of its names, and a path that
// Go's %q would escape as \x (not TOML) reads back as written.
func TestNetlifyTOMLRoundTrips(t *testing.T) {
	odd := "/caf\u00e9\x7f/"
	var c netlifyConfig
	if _, err := toml.Decode(NetlifyTOML([]string{"/", "/hashprice/", odd}), &c); err != nil {
		t.Fatal(err)
	}
	csp := map[string]string{}
	for _, h := range c.Headers {
		if v, ok := h.Values["Content-Security-Policy"]; ok {
			csp[h.For] = v
		}
	}
	for _, p := range []string{"/", "/index.html", "/hashprice/", "/hashprice/index.html", odd, odd + "index.html"} {
		if csp[p] != PageCSP {
			t.Errorf("%q: CSP %q", p, csp[p])
		}
	}
	if c.Build.Publish != "dist" || !strings.Contains(c.Build.Command, `-base "$URL"`) {
		t.Errorf("build %+v", c.Build)
	}
}

// TestMakefileBuildsSIMDAsTheSiteDoes: the Makefile's tests and benchmarks
// of the four-lane kernel must use the toolchain and experiment the build
// ships.
func TestMakefileBuildsSIMDAsTheSiteDoes(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(root, "Makefile"))
	if err != nil {
		t.Fatal(err)
	}
	want := "SIMD     := " + strings.Join(SIMD, " ")
	if !strings.Contains(string(data), want+"\n") {
		t.Errorf("the Makefile has no line %q", want)
	}
}

// TestVietnameseCatalogIsComplete: every string the templates translate
// ({{.T "…"}}), every string a calculator shows and every error message's
// format is in vi.json, and vi.json holds nothing else.
func TestVietnameseCatalogIsComplete(t *testing.T) {
	shown := map[string]bool{}
	for _, s := range append(widget.ReaderStrings(), eras.ReaderStrings()...) {
		shown[s] = true
	}
	files, _ := filepath.Glob(filepath.Join(root, "site", "templates", "*.html"))
	pages, _ := filepath.Glob(filepath.Join(root, "site", "pages", "*.html"))
	files = append(files, pages...)
	literal := regexp.MustCompile(`\.T "((?:[^"\\]|\\.)*)"`)
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range literal.FindAllStringSubmatch(string(data), -1) {
			shown[m[1]] = true
		}
	}
	// Error messages: every Errorf format and rule (a phrase of one) in
	// package calc ("%s" alone passes another package's English message
	// through).
	sources, _ := filepath.Glob(filepath.Join(root, "wasm", "calc", "*.go"))
	format := regexp.MustCompile(`(?:Errorf\(\w+, |rule\()("(?:[^"\\]|\\.)*")`)
	for _, f := range sources {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range format.FindAllStringSubmatch(string(data), -1) {
			if s, err := strconv.Unquote(m[1]); err == nil && s != "%s" {
				shown[s] = true
			}
		}
	}
	shown[appName], shown[appDescription], shown[pinWords] = true, true, true
	for _, s := range historyStrings {
		shown[s] = true
	}
	// What the page's script shows.
	script, err := BundleScript(root)
	if err != nil {
		t.Fatal(err)
	}
	if len(script.Strings) < 10 {
		t.Fatalf("only %d t(\"…\") strings in the page script's modules %v", len(script.Strings), script.Modules)
	}
	for _, s := range script.Strings {
		shown[s] = true
	}
	if len(shown) < 200 {
		t.Fatalf("only %d strings found: the test no longer sees the templates", len(shown))
	}
	for s := range shown {
		if _, ok := locale.VI.Catalog()[s]; !ok {
			t.Errorf("wasm/locale/vi.json lacks %q", s)
		}
	}
	for en := range locale.VI.Catalog() {
		if !shown[en] {
			t.Errorf("wasm/locale/vi.json translates %q, which nothing shows", en)
		}
	}
}

// TestTranslationsAreLinked: an explainer and its Vietnamese version name
// each other (hreflang, with x-default on the English one) and offer a
// switch; a page without a translation has no hreflang and switches to the
// other language's home; each has its language's <html lang>, menu and
// manifest.
func TestTranslationsAreLinked(t *testing.T) {
	out := t.TempDir()
	if _, err := Build(Config{Root: root, Out: out, BaseURL: "https://hashswitch.example"}); err != nil {
		t.Fatal(err)
	}
	read := func(path string) string {
		data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(path), "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	en, vi, alone := read("/hashprice/"), read("/vi/hashprice/"), read("/api/")
	for _, page := range []string{en, vi} {
		for _, want := range []string{
			`<link rel="alternate" hreflang="en" href="https://hashswitch.example/hashprice/">`,
			`<link rel="alternate" hreflang="x-default" href="https://hashswitch.example/hashprice/">`,
			`<link rel="alternate" hreflang="vi" href="https://hashswitch.example/vi/hashprice/">`,
		} {
			if !strings.Contains(page, want) {
				t.Errorf("no %s", want)
			}
		}
	}
	for _, c := range []struct{ page, want string }{
		{en, `<html lang="en">`}, {en, `<a href="/vi/hashprice/" hreflang="vi" lang="vi">Tiếng Việt</a>`}, {en, `href="/manifest.webmanifest"`},
		{vi, `<html lang="vi">`}, {vi, `<a href="/hashprice/" hreflang="en" lang="en">English</a>`}, {vi, `href="/vi/manifest.webmanifest"`},
		{vi, `<a href="/vi/halving/">Halving</a>`}, {vi, `Hashprice là gì`}, {vi, `<a href="/api/" hreflang="en">API (tiếng Anh)</a>`},
	} {
		if !strings.Contains(c.page, c.want) {
			t.Errorf("no %s", c.want)
		}
	}
	if strings.Contains(alone, `rel="alternate" hreflang`) || !strings.Contains(alone, `<a href="/vi/" hreflang="vi" lang="vi">Tiếng Việt</a>`) {
		t.Error("/api/, which has no translation, names one, or offers no way to the Vietnamese pages")
	}
	var m map[string]any
	data, _ := os.ReadFile(filepath.Join(out, "vi", "manifest.webmanifest"))
	if err := json.Unmarshal(data, &m); err != nil || m["lang"] != "vi" || m["start_url"] != "/vi/" || m["name"] != locale.VI.T(appName) {
		t.Errorf("the Vietnamese manifest: %v %v", err, m)
	}
}

// TestTranslationsKeepTheNumbers: every explainer has a Vietnamese
// version and every Vietnamese explainer an English original, with the
// same calculators with the same presets and the same
// computed numbers, in the same order: a translation rewrites the words,
// never the scenario.
func TestTranslationsKeepTheNumbers(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(root, "content", "vi", "*.md"))
	if len(files) < 3 {
		t.Fatalf("%d Vietnamese explainers", len(files))
	}
	scenario := regexp.MustCompile("(?m){{[^}]*}}|^```calc.*$")
	originals, _ := filepath.Glob(filepath.Join(root, "content", "*.md"))
	for _, en := range originals {
		if _, err := os.Stat(filepath.Join(root, "content", "vi", filepath.Base(en))); err != nil {
			t.Errorf("%s has no Vietnamese version in content/vi/", en)
		}
	}
	for _, vi := range files {
		en := filepath.Join(root, "content", filepath.Base(vi))
		a, err := os.ReadFile(en)
		if err != nil {
			t.Errorf("%s has no English original: %v", vi, err)
			continue
		}
		b, _ := os.ReadFile(vi)
		// A calculator's title is words, translated.
		title := regexp.MustCompile(` title="[^"]*"`)
		if got, want := scenario.FindAllString(title.ReplaceAllString(string(b), ""), -1), scenario.FindAllString(title.ReplaceAllString(string(a), ""), -1); !slices.Equal(got, want) {
			t.Errorf("%s: calculators and numbers\n%q\ndiffer from %s's\n%q", vi, got, en, want)
		}
	}
}

// TestRedirectsRouteScenarios: with an edge origin, _redirects proxies a
// page with calculators there, forced, for each of its parameters (an
// embed's bare, with the display parameters; an article's scoped); an
// edge built without pages gets the API alone.
func TestRedirectsRouteScenarios(t *testing.T) {
	pages := []htmlPage{
		{"/embed/convert/", []byte(`<section class="calc" id="calc" data-calc="convert" data-scope="" aria-labelledby="calc-title">`)},
		{"/mining-vs-ai/", []byte(`<section class="calc" id="convert-2" data-calc="convert" data-scope="convert-2." data-title-en="">`)},
		{"/deals/", []byte(`<p>no calculator</p>`)},
	}
	rules := string(redirects("https://edge.example/", pages, true)[0].Data)
	for _, want := range []string{
		"/api/v1/*  https://edge.example/api/v1/:splat  200\n",
		"/embed/convert/  mw=:v  https://edge.example/embed/convert/  200!\n",
		"/embed/convert/  usd_vnd=:v  https://edge.example/embed/convert/  200!\n",
		"/mining-vs-ai/  convert-2.mw=:v  https://edge.example/mining-vs-ai/  200!\n",
		"/mining-vs-ai/  convert-2.currency=:v  https://edge.example/mining-vs-ai/  200!\n",
	} {
		if !strings.Contains(rules, want) {
			t.Errorf("no rule %q in\n%s", want, rules)
		}
	}
	if strings.Contains(rules, "/deals/") || strings.Contains(rules, "/mining-vs-ai/  usd_vnd") {
		t.Errorf("a rule for what no calculator reads:\n%s", rules)
	}
	if api := string(redirects("https://edge.example", pages, false)[0].Data); strings.Contains(api, "200!") || !strings.Contains(api, "/api/v1/*") {
		t.Errorf("an edge without pages:\n%s", api)
	}
}
