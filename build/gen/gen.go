// Package gen builds the site into dist/: the WebAssembly, content-hashed
// assets, content/*.md rendered with goldmark (a ```calc NAME``` fence
// becomes a live calculator, prerendered here by calling the Go core), the
// site/pages templates, an embed page per calculator with its oEmbed JSON,
// the web app manifest with its icons, and the service worker with the list
// of everything to precache.
//
// Pages refer to assets through the "asset" template function, which names
// the hashed file: a page always loads the WebAssembly it was built with.
package gen

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/hashswitch/hashswitch/wasm/calc"
	"github.com/hashswitch/hashswitch/wasm/locale"
	"github.com/hashswitch/hashswitch/wasm/netdata"
	"github.com/hashswitch/hashswitch/wasm/oembed"
	"github.com/hashswitch/hashswitch/wasm/present"
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
	// Brotli is the quality (1 to 11) of the precompressed NAME.br files
	// written beside the build's files, with NAME.gz; 0 writes none.
	// Netlify's build uses 11, as the CDN would.
	Brotli int
	// Snapshot is the network the calculators start from; zero means the
	// committed one (netdata.Committed).
	Snapshot netdata.Snapshot
	// WriteNetlify rewrites Root/netlify.toml for the pages built.
	WriteNetlify bool
}

// Site is what a build made.
type Site struct {
	Pages  []string // URL paths of the HTML pages, sorted
	Assets Assets
}

// builder holds one build's state.
type builder struct {
	cfg    Config
	assets Assets
	tmpl   *template.Template
	// pageTmpls holds each site/pages/NAME.html over the base templates,
	// cloned before any template runs (html/template forbids it after).
	pageTmpls map[string]*template.Template
	pages     []string                 // URL paths of every HTML page written, for the precache list
	nav       map[locale.Tag][]navItem // the explainers' menu in each language
	execJS    []byte                   // Go's wasm_exec.js, of the toolchain that compiled the WebAssembly
	jsStrings []string                 // the t("…") strings of hashswitch.js
}

type navItem struct {
	Path, Label string
}

// Build writes the whole site into cfg.Out.
func Build(cfg Config) (*Site, error) {
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
	if err := os.RemoveAll(cfg.Out); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(cfg.Out, 0o755); err != nil {
		return nil, err
	}
	b := &builder{cfg: cfg, assets: Assets{}}
	for _, step := range []func() error{b.wasm, b.siteAssets, b.icons, b.templates, b.content, b.templatePages, b.embeds, b.manifest, b.serviceWorker, b.netlify, b.redirects, b.compress} {
		if err := step(); err != nil {
			return nil, err
		}
	}
	return &Site{Pages: b.sortedPages(), Assets: b.assets}, nil
}

// wasm compiles the page's WebAssembly and the miner workers'.
func (b *builder) wasm() error {
	for name, build := range map[string]struct {
		pkg string
		env []string
	}{
		"app.wasm":             {pkg: "./wasm/cmd/app"},
		"hashworker.wasm":      {pkg: "./wasm/cmd/hashworker"},
		"hashworker-simd.wasm": {pkg: "./wasm/cmd/hashworker", env: SIMD},
	} {
		wasm, err := CompileWasm(b.cfg.Root, build.pkg, build.env...)
		if err != nil {
			return err
		}
		if err := b.assets.add(b.cfg.Out, name, wasm); err != nil {
			return err
		}
	}
	root, err := GoRoot()
	if err != nil {
		return err
	}
	b.execJS, err = os.ReadFile(filepath.Join(root, "lib", "wasm", "wasm_exec.js"))
	if err != nil {
		return fmt.Errorf("wasm_exec.js from the Go toolchain: %w", err)
	}
	return b.assets.add(b.cfg.Out, "wasm_exec.js", b.execJS)
}

// siteAssets hashes site/assets/* and copies site/static/* as they are
// (files whose URL must not change, such as /embed.js).
func (b *builder) siteAssets() error {
	files, err := filepath.Glob(filepath.Join(b.cfg.Root, "site", "assets", "*"))
	if err != nil {
		return err
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		if filepath.Base(f) == "hashswitch.js" {
			b.jsStrings = JSStringsOf(data)
		}
		if name := filepath.Base(f); name == "hashworker.js" || name == "calcworker.js" {
			// A worker is one script, Go's loader inside it: no
			// importScripts round trip before it can start.
			data = append(append(slices.Clip(b.execJS), '\n'), data...)
		}
		if err := b.assets.add(b.cfg.Out, filepath.Base(f), data); err != nil {
			return err
		}
	}
	static, err := filepath.Glob(filepath.Join(b.cfg.Root, "site", "static", "*"))
	if err != nil {
		return err
	}
	for _, f := range static {
		data, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(b.cfg.Out, filepath.Base(f)), data, 0o644); err != nil {
			return err
		}
	}
	return nil
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
// SIMD: Go 1.27 has it (simd/archsimd) as an experiment, and the go command
// fetches that toolchain from the module proxy, once per machine (76 MB).
// Its wasm_exec.js is byte for byte the one of this machine's Go 1.26.
var SIMD = []string{"GOTOOLCHAIN=go1.27.3", "GOEXPERIMENT=simd"}

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

// templates loads site/templates/*.html with the site's functions.
func (b *builder) templates() error {
	t, err := template.New("").Funcs(template.FuncMap{
		"asset": b.assets.URL,
		"base":  func() string { return b.cfg.BaseURL },
		// The API docs come from the calculators' definitions.
		"calculators": calc.All,
		"group":       func(v *calcView, g inputGroup) groupView { return groupView{v, g} },
		"fields":      calc.Fields,
		"openapi":     func() string { return calc.OpenAPIPath },
		// network is the build's snapshot as JSON, for the page's Go.
		"network": func() (string, error) {
			data, err := json.Marshal(b.cfg.Snapshot)
			return string(data), err
		},
		// embedCode is the code a newsroom pastes, with {origin}, {src} and
		// {title} for the page to fill in (package oembed writes it).
		"embedCode": func() string { return oembed.Code("{origin}", "{src}", "{title}", oembed.Height) },
		// apiURL joins an endpoint and one of its examples, our own constants.
		"apiURL": func(name, query string) template.URL { return template.URL(calc.Prefix + name + "?" + query) },
	}).ParseGlob(filepath.Join(b.cfg.Root, "site", "templates", "*.html"))
	if err != nil {
		return err
	}
	b.tmpl = t
	files, err := filepath.Glob(filepath.Join(b.cfg.Root, "site", "pages", "*.html"))
	if err != nil {
		return err
	}
	b.pageTmpls = map[string]*template.Template{}
	for _, f := range files {
		pt, err := template.Must(t.Clone()).ParseFiles(f)
		if err != nil {
			return err
		}
		b.pageTmpls[strings.TrimSuffix(filepath.Base(f), ".html")] = pt
	}
	return nil
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
	Embed       *calcView     // on a calculator's embed page, the calculator
	EmbedName   string        // on embed pages, the name: /embed/NAME/
	EmbedHTML   template.HTML // on a table's embed page, the table
	OEmbed      string        // on articles, the first calculator: oEmbed discovery
	Alternates  []alternate   // the page in every language it has, itself included
	jsStrings   []string      // the page script's strings (builder.jsStrings)
}

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

// write renders template name with p into the file for p.Path.
func (b *builder) write(name string, p *page) error {
	return b.writeWith(b.tmpl, name, p)
}

func (b *builder) writeWith(t *template.Template, name string, p *page) error {
	p.Version, p.Nav, p.jsStrings = b.assets.Version(), b.nav[p.HTMLLang()], b.jsStrings
	var html bytes.Buffer
	if err := t.ExecuteTemplate(&html, name, p); err != nil {
		return fmt.Errorf("%s: %w", p.Path, err)
	}
	dir := filepath.Join(b.cfg.Out, filepath.FromSlash(strings.Trim(p.Path, "/")))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	b.pages = append(b.pages, p.Path)
	return os.WriteFile(filepath.Join(dir, "index.html"), html.Bytes(), 0o644)
}

// templatePages renders site/pages/NAME.html (which define "title",
// "description" and "main") into /NAME/.
// translatedPages are the site/pages a reader of every language may land
// on: the offline page (the service worker's fallback). /api/ documents
// an API whose names are English; 404.html, one file for every path, says
// it in both languages.
var translatedPages = map[string]bool{"offline": true}

func (b *builder) templatePages() error {
	names := make([]string, 0, len(b.pageTmpls))
	for name := range b.pageTmpls {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		t := b.pageTmpls[name]
		langs := []locale.Tag{locale.EN}
		if translatedPages[name] {
			langs = locale.Tags
		}
		for _, lang := range langs {
			p := &page{Lang: lang, Path: langPrefix(lang) + "/" + name + "/"}
			var title, desc bytes.Buffer
			if err := t.ExecuteTemplate(&title, "title", p); err != nil {
				return fmt.Errorf("site/pages/%s.html: %w", name, err)
			}
			if err := t.ExecuteTemplate(&desc, "description", p); err != nil {
				return fmt.Errorf("site/pages/%s.html: %w", name, err)
			}
			p.Title, p.Description = title.String(), desc.String()
			if err := b.writeWith(t, "base.html", p); err != nil {
				return err
			}
		}
	}
	// Netlify answers an unknown path with /404.html, status 404.
	if page, err := os.ReadFile(filepath.Join(b.cfg.Out, "404", "index.html")); err == nil {
		return os.WriteFile(filepath.Join(b.cfg.Out, "404.html"), page, 0o644)
	}
	return nil
}

// redirects writes dist/_redirects, which Netlify reads at deploy time:
// the API is proxied (status 200) to the edge worker.
func (b *builder) redirects() error {
	if b.cfg.EdgeOrigin == "" {
		return nil
	}
	origin := strings.TrimRight(b.cfg.EdgeOrigin, "/")
	rules := fmt.Sprintf("# Written by the generator from EdgeOrigin.\n%s*  %s%s:splat  200\n/oembed  %s/oembed  200\n",
		calc.Prefix, origin, calc.Prefix, origin)
	return os.WriteFile(filepath.Join(b.cfg.Out, "_redirects"), []byte(rules), 0o644)
}

// sortedPages lists the URL paths of the built HTML pages, sorted.
func (b *builder) sortedPages() []string {
	p := append([]string(nil), b.pages...)
	sort.Strings(p)
	return p
}
