// Package gen builds the site into dist/: the WebAssembly, content-hashed
// assets, content/*.md rendered with goldmark (a ```calc NAME``` fence
// becomes a live calculator, prerendered here by calling the Go core), the
// site/pages templates, an embed page per calculator with its oEmbed JSON,
// the web app manifest with its icons, and the service worker with the list
// of everything to precache. Build is a pipeline of values; its doc
// comment lists the stages.
//
// Pages refer to assets through the "asset" template function, which names
// the hashed file: a page always loads the WebAssembly it was built with.
package gen

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"maps"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	sitetemplates "github.com/hashswitch/hashswitch/site/templates"
	"github.com/hashswitch/hashswitch/wasm/calc"
	"github.com/hashswitch/hashswitch/wasm/calcview"
	"github.com/hashswitch/hashswitch/wasm/history"
	"github.com/hashswitch/hashswitch/wasm/locale"
	"github.com/hashswitch/hashswitch/wasm/netdata"
	"github.com/hashswitch/hashswitch/wasm/oembed"
	"github.com/hashswitch/hashswitch/wasm/present"
	"github.com/hashswitch/hashswitch/wasm/widget"
)

// Config says where the sources are and where the site goes.
type Config struct {
	Root string // the repository root: site/, content/, wasm/
	Out  string // the output folder, emptied first
	// BaseURL is the site's public origin, for oEmbed and embed codes
	// ("https://hashswitch.example"); Netlify passes it in $URL.
	BaseURL string
	// Now is the build time (tests fix it); zero means time.Now().
	Now time.Time
	// EdgeOrigin is the edge worker's origin ("https://api.example.net"):
	// dist/_redirects then proxies /api/v1/* to it, so every JSON link
	// works in production from the page's own origin. Empty: no proxy.
	EdgeOrigin string
	// EdgeWithoutPages says the edge worker renders no page (built with
	// EdgeWithoutPages, for Workers Free): then _redirects proxies the
	// API alone, and pages with a scenario are served as built.
	EdgeWithoutPages bool
	// Brotli is the quality (1 to 11) of the precompressed NAME.br files
	// written beside the build's files, with NAME.gz; 0 writes none.
	// Netlify's build uses 11, as the CDN would.
	Brotli int
	// Snapshot is the network the calculators start from; zero means the
	// committed one (netdata.Committed).
	Snapshot netdata.Snapshot
	// WriteNetlify rewrites Root/netlify.toml for the pages built.
	WriteNetlify bool
	// History is the daily hashprice series the history chart draws (a
	// live build fetches it); nil draws Luxor's committed monthly averages.
	History *history.Kept
}

// Site is what a build made.
type Site struct {
	Pages  []string // URL paths of the HTML pages, sorted
	Assets Assets
}

// Build writes the whole site into cfg.Out.
//
// It is a pipeline of values: each stage is a function of what earlier
// stages returned, so the order below is the data flow, and a stage that
// needs another's output cannot run before it.
//
//	WebAssembly, site assets, icons      → Assets (hashed, written)
//	Assets, templates, explainers, deals → pages and their files
//	pages, Assets                        → manifest, service worker, netlify.toml
//	every file written                   → .br and .gz beside it
func Build(cfg Config) (*Site, error) {
	cfg = cfg.withDefaults()
	if err := os.RemoveAll(cfg.Out); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(cfg.Out, 0o755); err != nil {
		return nil, err
	}
	built, err := buildAssets(cfg.Root, cfg.Out)
	if err != nil {
		return nil, err
	}
	assets := built.Assets
	tmpl, err := loadTemplates(cfg.Root, cfg.BaseURL, assets)
	if err != nil {
		return nil, err
	}
	explainers, err := readExplainers(cfg.Root)
	if err != nil {
		return nil, err
	}
	deals, err := LoadDeals(cfg.Root)
	if err != nil {
		return nil, err
	}
	fallback, err := history.LoadFallback()
	if err != nil {
		return nil, err
	}
	hist := func(w io.Writer, lang locale.Tag, page *PageInfo) error {
		return historyFigure(w, lang, fallback, cfg.History, page)
	}
	l := layout{templates: tmpl, version: assets.Version(), nav: menus(explainers), jsStrings: built.JSStrings}
	calcs := calculators{tmpl: tmpl.base, now: cfg.Now}
	articles, err := renderExplainers(l, calcs, explainers, cfg.Snapshot, deals, hist)
	if err != nil {
		return nil, err
	}
	others, err := renderTemplatePages(l, cfg.Snapshot)
	if err != nil {
		return nil, err
	}
	embeds, oembeds, err := renderEmbeds(l, calcs, cfg.Snapshot, deals, hist, cfg.BaseURL)
	if err != nil {
		return nil, err
	}
	pages := slices.Concat(articles, others, embeds)
	paths := pagePaths(pages)
	manifests, err := manifests(assets)
	if err != nil {
		return nil, err
	}
	sw, err := serviceWorker(cfg.Root, assets, paths)
	if err != nil {
		return nil, err
	}
	files := slices.Concat(built.Static, pageFiles(pages), notFound(pages), oembeds, manifests, []file{sw}, redirects(cfg.EdgeOrigin, pages, !cfg.EdgeWithoutPages))
	if cfg.WriteNetlify {
		if err := os.WriteFile(filepath.Join(cfg.Root, "netlify.toml"), []byte(NetlifyTOML(paths)), 0o644); err != nil {
			return nil, err
		}
	}
	written, err := writeFiles(cfg.Out, files)
	if err != nil {
		return nil, err
	}
	if err := compress(append(assetFiles(cfg.Out, assets), written...), cfg.Brotli, filepath.Join(cfg.Root, ".cache", "compress")); err != nil {
		return nil, err
	}
	return &Site{Pages: paths, Assets: assets}, nil
}

// withDefaults fills in what cfg leaves out.
func (cfg Config) withDefaults() Config {
	if cfg.BaseURL == "" {
		cfg.BaseURL = "http://localhost:8080"
	}
	cfg.BaseURL = strings.TrimRight(cfg.BaseURL, "/")
	if cfg.Snapshot.AsOf == "" {
		cfg.Snapshot = netdata.Committed()
	}
	if cfg.Now.IsZero() {
		cfg.Now = time.Now()
	}
	return cfg
}

// A file is one the build writes: its path in the output folder, with
// slashes, and its bytes.
type file struct {
	Name string
	Data []byte
}

// writeFiles writes files into out and returns their paths there.
func writeFiles(out string, files []file) ([]string, error) {
	var paths []string
	for _, f := range files {
		path := filepath.Join(out, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return nil, err
		}
		if err := os.WriteFile(path, f.Data, 0o644); err != nil {
			return nil, err
		}
		paths = append(paths, path)
	}
	return paths, nil
}

// assetSet is what an assets stage made.
type assetSet struct {
	Assets    Assets   // logical name: hashed URL, each file written
	JSStrings []string // the t("…") strings of the page script's modules, which pages translate
	Static    []file   // site/static/*, to write as they are
}

// buildAssets writes every hashed asset into out: the WebAssembly with
// Go's loader, the site's own assets and the icons. The WebAssembly
// compiles while the rest are made.
func buildAssets(root, out string) (assetSet, error) {
	execJS, err := wasmExecJS()
	if err != nil {
		return assetSet{}, err
	}
	var wasm Assets
	var wasmErr error
	var compiling sync.WaitGroup
	compiling.Go(func() { wasm, wasmErr = compileWasm(root, out, execJS) })
	site, err := siteAssets(root, out, execJS)
	icons, iconsErr := icons(out)
	compiling.Wait()
	if err := cmp.Or(wasmErr, err, iconsErr); err != nil {
		return assetSet{}, err
	}
	all := Assets{}
	for _, part := range []Assets{wasm, site.Assets, icons} {
		maps.Copy(all, part)
	}
	site.Assets = all
	return site, nil
}

// assetFiles are the paths in out of the files assets name.
func assetFiles(out string, assets Assets) []string {
	var paths []string
	for _, u := range assets.Sorted() {
		paths = append(paths, filepath.Join(out, filepath.FromSlash(strings.TrimPrefix(u, "/"))))
	}
	return paths
}

// wasmExecJS is Go's wasm_exec.js, of the toolchain that compiles the
// WebAssembly: the loader must match the modules.
func wasmExecJS() ([]byte, error) {
	root, err := GoRoot()
	if err != nil {
		return nil, err
	}
	js, err := os.ReadFile(filepath.Join(root, "lib", "wasm", "wasm_exec.js"))
	if err != nil {
		return nil, fmt.Errorf("wasm_exec.js from the Go toolchain: %w", err)
	}
	return js, nil
}

// compileWasm compiles the page's WebAssembly and the miner workers' into
// out, with Go's loader beside them. The three builds run at once: from
// the go command's cache, each is mostly its check that nothing changed.
func compileWasm(root, out string, execJS []byte) (Assets, error) {
	builds := []struct {
		name, pkg string
		env       []string
		wasm      []byte
		err       error
	}{
		{name: "app.wasm", pkg: "./wasm/cmd/app"},
		{name: "hashworker.wasm", pkg: "./wasm/cmd/hashworker"},
		{name: "hashworker-simd.wasm", pkg: "./wasm/cmd/hashworker", env: SIMD},
	}
	var wg sync.WaitGroup
	for i := range builds {
		wg.Go(func() {
			b := &builds[i]
			b.wasm, b.err = CompileWasm(root, b.pkg, b.env...)
		})
	}
	wg.Wait()
	assets := Assets{}
	for _, b := range builds {
		if b.err != nil {
			return nil, b.err
		}
		if err := assets.add(out, b.name, b.wasm); err != nil {
			return nil, err
		}
	}
	return assets, assets.add(out, "wasm_exec.js", execJS)
}

// siteAssets hashes site/assets/* into out, the page script bundled from
// its modules in site/assets/hashswitch/ (script.go), and reads
// site/static/*, files whose URL must not change, such as /embed.js. The
// workers get Go's loader, execJS, in front.
func siteAssets(root, out string, execJS []byte) (assetSet, error) {
	site := assetSet{Assets: Assets{}}
	files, err := filepath.Glob(filepath.Join(root, "site", "assets", "*"))
	if err != nil {
		return site, err
	}
	for _, f := range files {
		name := filepath.Base(f)
		var data []byte
		if name == ScriptDir {
			script, err := BundleScript(root)
			if err != nil {
				return site, err
			}
			data, name, site.JSStrings = script.Code, ScriptDir+".js", script.Strings
		} else if data, err = os.ReadFile(f); err != nil {
			return site, err
		}
		if name == "hashworker.js" || name == "calcworker.js" {
			// A worker is one script, Go's loader inside it: no
			// importScripts round trip before it can start.
			data = append(append(slices.Clip(execJS), '\n'), data...)
		}
		if err := site.Assets.add(out, name, data); err != nil {
			return site, err
		}
	}
	static, err := filepath.Glob(filepath.Join(root, "site", "static", "*"))
	if err != nil {
		return site, err
	}
	for _, f := range static {
		data, err := os.ReadFile(f)
		if err != nil {
			return site, err
		}
		site.Static = append(site.Static, file{filepath.Base(f), data})
	}
	return site, nil
}

// GoRoot returns the GOROOT of the go command on PATH: the toolchain that
// compiles the WebAssembly, whose wasm_exec.js must go with it.
func GoRoot() (string, error) {
	out, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		return "", fmt.Errorf("go env GOROOT: %w", err)
	}
	return strings.TrimSpace(string(out)), nil
}

// SIMD is the environment that builds the miner's workers with WebAssembly
// SIMD: Go 1.27 has it (simd/archsimd) as an experiment. The toolchain is
// the project's own (go.mod's Go 1.27.3, which the Makefile asks for).
var SIMD = []string{"GOEXPERIMENT=simd"}

// CompileWasm builds a js/wasm main package of the module at root with the
// go command on PATH, stripped, with env added to the environment.
func CompileWasm(root, pkg string, env ...string) ([]byte, error) {
	tmp, err := os.MkdirTemp("", "hashswitch-wasm")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	out := filepath.Join(tmp, "out.wasm")
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", out, pkg)
	cmd.Dir = root
	cmd.Env = append(append(os.Environ(), "GOOS=js", "GOARCH=wasm"), env...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("go build %s for js/wasm: %v\n%s", pkg, err, stderr.String())
	}
	return os.ReadFile(out)
}

// templates are the site's: site/templates/*.html (compiled in: package
// site/templates), and each
// site/pages/NAME.html over them.
type templates struct {
	base *template.Template
	// pages holds each site/pages/NAME.html over the base templates,
	// cloned before any template runs (html/template forbids it after).
	pages map[string]*template.Template
}

// loadTemplates loads the templates with the site's functions, which name
// assets by their hashed URLs.
func loadTemplates(root, baseURL string, assets Assets) (templates, error) {
	var tm templates
	t, err := template.New("").Funcs(calcview.Funcs()).Funcs(template.FuncMap{
		"asset": assets.URL,
		"base":  func() string { return baseURL },
		// The API docs come from the calculators' definitions.
		"calculators": calc.All,
		"fields":      calc.Fields,
		"openapi":     func() string { return calc.OpenAPIPath },
		// embedCode is the code a newsroom pastes, with {origin}, {src},
		// {title} and {width} for the page to fill in (package oembed
		// writes it).
		"embedCode": func() string { return oembed.CodeSized("{origin}", "{src}", "{title}", "{width}", oembed.Height) },
		// apiURL joins an endpoint and one of its examples, our own constants.
		"apiURL": func(name, query string) template.URL { return template.URL(calc.Prefix + name + "?" + query) },
	}).ParseFS(sitetemplates.FS, "*.html")
	if err != nil {
		return tm, err
	}
	tm.base = t
	files, err := filepath.Glob(filepath.Join(root, "site", "pages", "*.html"))
	if err != nil {
		return tm, err
	}
	tm.pages = map[string]*template.Template{}
	for _, f := range files {
		pt, err := template.Must(t.Clone()).ParseFiles(f)
		if err != nil {
			return tm, err
		}
		tm.pages[strings.TrimSuffix(filepath.Base(f), ".html")] = pt
	}
	return tm, nil
}

// page is what the page templates see.
type page struct {
	Lang        locale.Tag // "" is English
	Path        string     // URL path: "/", "/hashprice/"
	Title       string
	Description string
	Date        string
	Sources     []template.HTML
	Content     template.HTML
	Version     string // a hash of every asset: changes when any does
	Nav         []navItem
	Embed       *calcview.View // on a calculator's embed page, the calculator
	EmbedName   string         // on embed pages, the name: /embed/NAME/
	EmbedHTML   template.HTML  // on a table's embed page, the table
	OEmbed      string         // on articles, the first calculator: oEmbed discovery
	Alternates  []alternate    // the page in every language it has, itself included
	jsStrings   []string       // the page script's strings (layout.jsStrings)
	// snapshot is the figures the page's numbers were computed from.
	snapshot netdata.Snapshot
}

// Network is the page's figures as JSON, for the page's Go: the ones its
// numbers were computed from.
func (p *page) Network() (string, error) {
	data, err := json.Marshal(p.snapshot)
	return string(data), err
}

// Pin is the embed dialog's choice of the page's figures' day, in the
// page's language: "Pinned to 25 Nov 2025"; "" when the figures have no
// day.
func (p *page) Pin() string {
	day, err := time.Parse(time.DateOnly, p.snapshot.AsOf)
	if err != nil {
		return ""
	}
	return p.HTMLLang().Sprintf(pinWords, present.Day(p.HTMLLang(), day))
}

// pinWords is Pin's English, which the catalogs translate.
const pinWords = "Pinned to %s"

// HTMLLang is the page's <html lang>.
func (p *page) HTMLLang() locale.Tag {
	if p.Lang == "" {
		return locale.EN
	}
	return p.Lang
}

// T translates an English string into the page's language.
func (p *page) T(s string) string { return p.HTMLLang().T(s) }

// DateText is the page's date as its language writes a day: 2025-11-28
// in English, 28 tháng 11 năm 2025 in Vietnamese.
func (p *page) DateText() string {
	d, err := time.Parse("2006-01-02", p.Date)
	if err != nil || p.HTMLLang() == locale.EN {
		return p.Date
	}
	return present.Day(p.HTMLLang(), d)
}

// Switch is what the language switch offers: this page in the other
// languages it has, or, where it has none, their home pages.
func (p *page) Switch() []alternate {
	var out []alternate
	for _, lang := range locale.Tags {
		if lang == p.HTMLLang() {
			continue
		}
		a := alternate{lang, langPrefix(lang) + "/"}
		for _, alt := range p.Alternates {
			if alt.Lang == lang {
				a = alt
			}
		}
		out = append(out, a)
	}
	return out
}

// Home is the home page in the page's language.
func (p *page) Home() string { return langPrefix(p.HTMLLang()) + "/" }

// Manifest is the web app manifest in the page's language.
func (p *page) Manifest() string { return langPrefix(p.HTMLLang()) + "/manifest.webmanifest" }

// JSStrings is what the page's script shows (its t("…") strings) in the
// page's language, as JSON for a data block; empty for English.
func (p *page) JSStrings() template.JS {
	lang := p.HTMLLang()
	if lang == locale.EN {
		return ""
	}
	out := map[string]string{}
	for _, s := range p.jsStrings {
		out[s] = lang.T(s)
	}
	data, _ := json.Marshal(out) // escapes <, > and &: nothing can close the element
	return template.JS(data)
}

// JSStringsOf reads the t("…") strings of a script.
func JSStringsOf(script []byte) []string {
	var out []string
	for _, m := range jsString.FindAllSubmatch(script, -1) {
		var s string
		if err := json.Unmarshal(m[1], &s); err == nil {
			out = append(out, s)
		}
	}
	return out
}

var jsString = regexp.MustCompile(`\bt\(("(?:[^"\\]|\\.)*")`)

// layout renders pages: the templates, with what every page shows
// besides its own content.
type layout struct {
	templates
	version   string                   // Assets.Version
	nav       map[locale.Tag][]navItem // the explainers' menu in each language
	jsStrings []string                 // the t("…") strings of the page script's modules
}

type navItem struct {
	Path, Label string
}

// An htmlPage is a page the build rendered: its URL path and its HTML.
type htmlPage struct {
	Path string
	HTML []byte
}

// render executes template name of t for p.
func (l layout) render(t *template.Template, name string, p *page) (htmlPage, error) {
	p.Version, p.Nav, p.jsStrings = l.version, l.nav[p.HTMLLang()], l.jsStrings
	var html bytes.Buffer
	if err := t.ExecuteTemplate(&html, name, p); err != nil {
		return htmlPage{}, fmt.Errorf("%s: %w", p.Path, err)
	}
	return htmlPage{p.Path, html.Bytes()}, nil
}

// pageFiles are the pages' files: /x/ is x/index.html.
func pageFiles(pages []htmlPage) []file {
	files := make([]file, len(pages))
	for i, p := range pages {
		files[i] = file{path.Join(strings.Trim(p.Path, "/"), "index.html"), p.HTML}
	}
	return files
}

// pagePaths lists the pages' URL paths, sorted.
func pagePaths(pages []htmlPage) []string {
	paths := make([]string, len(pages))
	for i, p := range pages {
		paths[i] = p.Path
	}
	sort.Strings(paths)
	return paths
}

// translatedPages are the site/pages a reader of every language may land
// on: the offline page (the service worker's fallback). /api/ documents
// an API whose names are English; 404.html, one file for every path, says
// it in both languages.
var translatedPages = map[string]bool{"offline": true}

// renderTemplatePages renders site/pages/NAME.html (which define "title",
// "description" and "main") into /NAME/, with the build's figures.
func renderTemplatePages(l layout, snap netdata.Snapshot) ([]htmlPage, error) {
	var pages []htmlPage
	for _, name := range slices.Sorted(maps.Keys(l.pages)) {
		t := l.pages[name]
		langs := []locale.Tag{locale.EN}
		if translatedPages[name] {
			langs = locale.Tags
		}
		for _, lang := range langs {
			p := &page{Lang: lang, Path: langPrefix(lang) + "/" + name + "/", snapshot: snap}
			var title, desc bytes.Buffer
			if err := t.ExecuteTemplate(&title, "title", p); err != nil {
				return nil, fmt.Errorf("site/pages/%s.html: %w", name, err)
			}
			if err := t.ExecuteTemplate(&desc, "description", p); err != nil {
				return nil, fmt.Errorf("site/pages/%s.html: %w", name, err)
			}
			p.Title, p.Description = title.String(), desc.String()
			rendered, err := l.render(t, "base.html", p)
			if err != nil {
				return nil, err
			}
			pages = append(pages, rendered)
		}
	}
	return pages, nil
}

// notFound is /404.html, which Netlify answers an unknown path with
// (status 404): the page /404/, when there is one.
func notFound(pages []htmlPage) []file {
	for _, p := range pages {
		if p.Path == "/404/" {
			return []file{{"404.html", p.HTML}}
		}
	}
	return nil
}

// redirects is dist/_redirects, which Netlify reads at deploy time: the
// API is proxied (status 200) to the edge worker at origin, and so is a
// page whose URL carries a scenario (scenarioRules), which the edge
// renders unless it was built without pages; none without an origin.
func redirects(origin string, pages []htmlPage, scenarios bool) []file {
	if origin == "" {
		return nil
	}
	origin = strings.TrimRight(origin, "/")
	rules := fmt.Sprintf("# Written by the generator from EdgeOrigin.\n%s*  %s%s:splat  200\n/oembed  %s/oembed  200\n",
		calc.Prefix, origin, calc.Prefix, origin)
	if scenarios {
		rules += scenarioRules(origin, pages)
	}
	return []file{{"_redirects", []byte(rules)}}
}

// scenarioRules proxy each page with calculators to the edge at origin
// when its URL sets one of their parameters (calcview.Renderer reads the
// same names): one rule per parameter, since Netlify matches a rule's
// query parameters all together, and forced (200!), since the page's
// own file would otherwise shadow the rule. Netlify passes the whole
// query on to the edge. The edge fetches the page without a query, which
// no rule matches.
func scenarioRules(origin string, pages []htmlPage) string {
	var b strings.Builder
	b.WriteString("# Pages with a scenario in their URL: rendered by the edge.\n")
	for _, p := range pages {
		embed := strings.Contains(p.Path, "/embed/")
		var names []string
		for _, m := range calcSection.FindAllSubmatch(p.HTML, -1) {
			w, scope := widget.Lookup(string(m[1])), string(m[2])
			for _, in := range w.Inputs {
				names = append(names, scope+in.Name)
			}
			if w.Dollars() {
				names = append(names, scope+"currency")
			}
			if embed {
				names = append(names, widget.DisplayParams()...)
			}
		}
		slices.Sort(names)
		for _, n := range slices.Compact(names) {
			fmt.Fprintf(&b, "%s  %s=:v  %s%s  200!\n", p.Path, n, origin, p.Path)
		}
	}
	return b.String()
}

// calcSection is a calculator's section in a rendered page: its name and
// the scope of its parameters.
var calcSection = regexp.MustCompile(`<section class="calc[^"]*" id="[^"]*" data-calc="([^"]*)" data-scope="([^"]*)"`)
