package calcview

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"html/template"
	"maps"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/hashswitch/hashswitch/site/templates"
	"github.com/hashswitch/hashswitch/wasm/calc"
	"github.com/hashswitch/hashswitch/wasm/locale"
	"github.com/hashswitch/hashswitch/wasm/netdata"
	"github.com/hashswitch/hashswitch/wasm/widget"
)

// A Renderer draws the calculators of a built page for the scenario in a
// request's URL, with the build's Go and template (package
// site/templates): the page's prerendered calculator is its defaults',
// and a reader who follows a link with a scenario sees that scenario's
// numbers, chart and table before any script runs.
//
// Everything it needs it reads from the built page itself: the language
// (<html lang>), the figures the page computes from (<body
// data-network>), whether it is an embed (<body data-embed>), each
// calculator's id, name and the presets its article fixed (its inputs
// marked data-preset, as its form holds them), and the hashed
// names of the assets the template links (the miner's workers), so that
// a host needs no copy of the build but the page it serves.
type Renderer struct {
	// Now is the time a countdown counts from; nil is time.Now.
	Now func() time.Time

	master *template.Template // calc.html, parsed and never executed: cloned per set of assets
	mu     sync.Mutex
	last   struct {
		key  string
		tmpl *template.Template
	}
}

// NewRenderer parses the calculator's template.
func NewRenderer() (*Renderer, error) {
	t, err := template.New("").Funcs(Funcs()).Funcs(template.FuncMap{"asset": noAsset}).ParseFS(templates.FS, templates.Calc)
	if err != nil {
		return nil, err
	}
	return &Renderer{master: t}, nil
}

func noAsset(name string) (string, error) { return "", fmt.Errorf("no asset %q in the page", name) }

// Splice returns page, the built page served at path, with each
// calculator whose parameters query holds rendered for them: on an embed
// (path /embed/NAME/) the API's names and the display parameters
// (widget.DisplayParams), on an article each calculator's own, "ID.name"
// (widget.Scope), as the page script reads them. rendered is false, and
// page returned as it is, when query sets no calculator. A value the
// calculator refuses is no error: the page shows the field's message.
func (r *Renderer) Splice(page []byte, path string, query url.Values) (out []byte, rendered bool, err error) {
	sections := calcSections.FindAllIndex(page, -1)
	if len(sections) == 0 || len(query) == 0 {
		return page, false, nil
	}
	info, err := readPage(page, path)
	if err != nil {
		return page, false, err
	}
	var b bytes.Buffer
	done := 0
	for _, loc := range sections {
		end := bytes.Index(page[loc[1]:], []byte("</section>"))
		if end < 0 {
			return page, false, errors.New("a calculator's section does not end")
		}
		end += loc[1] + len("</section>")
		v, err := r.view(info, page[loc[0]:end], query)
		if err != nil {
			return page, false, err
		}
		if v == nil {
			continue
		}
		t, err := r.template(info.assets)
		if err != nil {
			return page, false, err
		}
		b.Write(page[done:loc[0]])
		var section bytes.Buffer
		if err := t.ExecuteTemplate(&section, "calc", v); err != nil {
			return page, false, err
		}
		// The template's define starts and ends with a newline, which the
		// page's section (from its <section> to its </section>) has not.
		b.Write(bytes.TrimSpace(section.Bytes()))
		done, rendered = end, true
	}
	if !rendered {
		return page, false, nil
	}
	b.Write(page[done:])
	return b.Bytes(), true, nil
}

// A builtPage is what Splice reads from a built page.
type builtPage struct {
	path   string
	lang   locale.Tag
	embed  bool
	snap   netdata.Snapshot
	assets map[string]string // logical name: hashed URL
}

var (
	calcSections = regexp.MustCompile(`<section\b[^>]*\bdata-calc="[^"]*"[^>]*>`)
	htmlLang     = regexp.MustCompile(`<html\b[^>]*\blang="([^"]*)"`)
	bodyTag      = regexp.MustCompile(`<body\b[^>]*>`)
	attribute    = regexp.MustCompile(`([a-zA-Z-]+)(?:="([^"]*)")?`)
	formField    = regexp.MustCompile(`<(?:input|select|textarea)\b[^>]*>`)
	shareLink    = regexp.MustCompile(`<a\b[^>]*\bclass="share\b[^"]*"[^>]*>`)
	calcTitle    = regexp.MustCompile(`<h2 class="calc-title"[^>]*>([^<]*)</h2>`)
	// The option a select starts at.
	selectedOption = regexp.MustCompile(`<option\b[^>]*\bvalue="([^"]*)"[^>]*\bselected\b`)
)

// attributes reads a start tag's attributes, unescaped; one without a
// value is "".
func attributes(tag []byte) map[string]string {
	out := map[string]string{}
	for i, m := range attribute.FindAllSubmatch(tag, -1) {
		if i > 0 { // the first is the element's name
			out[string(m[1])] = html.UnescapeString(string(m[2]))
		}
	}
	return out
}

func readPage(page []byte, path string) (builtPage, error) {
	p := builtPage{path: path, lang: locale.EN, assets: map[string]string{}}
	if m := htmlLang.FindSubmatch(page); m != nil {
		p.lang, _ = locale.Parse(string(m[1]))
	}
	body := attributes(bodyTag.Find(page))
	_, p.embed = body["data-embed"]
	if err := json.Unmarshal([]byte(body["data-network"]), &p.snap); err != nil {
		return p, fmt.Errorf("the page's figures (data-network): %w", err)
	}
	for _, m := range hashedAsset.FindAllSubmatch(page, -1) {
		p.assets[string(m[1])+string(m[2])] = string(m[0])
	}
	return p, nil
}

// view is the view of the calculator in section for query's scenario;
// nil when query sets none of its parameters.
func (r *Renderer) view(p builtPage, section []byte, query url.Values) (*View, error) {
	attrs := attributes(calcSections.Find(section))
	id, name, scope := attrs["id"], attrs["data-calc"], attrs["data-scope"]
	w := widget.Lookup(name)
	if w == nil {
		return nil, fmt.Errorf("no calculator %q", name)
	}
	// The page's own scenario: what its text fixed, as its form holds it,
	// and the display parameters its link carries.
	base := formPresets(w, p.lang, section)
	if link, ok := attributes(shareLink.Find(section))["href"]; ok {
		if u, err := url.Parse(link); err == nil {
			for _, k := range widget.DisplayParams() {
				if own := u.Query(); own.Has(scope+k) && !base.Has(k) {
					base.Set(k, own.Get(scope+k))
				}
			}
		}
	}
	names := []string{}
	for _, in := range w.Inputs {
		names = append(names, in.Name)
	}
	if w.Dollars() {
		names = append(names, "currency")
	}
	if p.embed {
		names = append(names, widget.DisplayParams()...)
	}
	scenario := calc.Values{}
	for k, v := range base {
		scenario[k] = slices.Clone(v)
	}
	set := false
	for _, n := range slices.Compact(names) {
		if v, ok := query[scope+n]; ok && len(v) > 0 {
			scenario.Set(n, strings.TrimSpace(v[0]))
			set = true
		}
	}
	if !set {
		return nil, nil
	}
	heading := 2
	if p.embed {
		heading = 1
	}
	now := time.Now
	if r.Now != nil {
		now = r.Now
	}
	v, err := Scenario(Page{Path: p.path, Snapshot: p.snap}, p.lang, id, name, base, scenario, heading, now())
	// An article's calculator keeps the title its page gave it (the calc
	// fence's), when it has one of its own.
	if t := calcTitle.FindSubmatch(section); v != nil && t != nil {
		if title := html.UnescapeString(string(t[1])); title != v.T(w.Title) {
			v.Title = title
		}
	}
	return v, err
}

// formPresets reads what the page's text fixed from the form in section:
// the inputs marked data-preset, their values in the API's form (as the
// page's reader types numbers, Vietnamese swaps the separators back), and
// the currency the form starts in when it is not dollars.
func formPresets(w *widget.Widget, lang locale.Tag, section []byte) calc.Values {
	base := calc.Values{}
	for _, loc := range formField.FindAllIndex(section, -1) {
		tag, rest := section[loc[0]:loc[1]], section[loc[1]:]
		a := attributes(tag)
		name := a["name"]
		_, preset := a["data-preset"]
		value := a["value"]
		switch {
		case bytes.HasPrefix(tag, []byte("<textarea")):
			end := bytes.Index(rest, []byte("</textarea>"))
			value = html.UnescapeString(string(rest[:max(end, 0)]))
		case bytes.HasPrefix(tag, []byte("<select")):
			end := bytes.Index(rest, []byte("</select>"))
			value = ""
			if m := selectedOption.FindSubmatch(rest[:max(end, 0)]); m != nil {
				value = html.UnescapeString(string(m[1]))
			}
		}
		switch {
		case name == "currency" && value != "":
			base.Set(name, value)
		case preset:
			if i := slices.IndexFunc(w.Inputs, func(in widget.Input) bool { return in.Name == name }); i >= 0 && w.Inputs[i].Numeric() {
				value = lang.Typed(value)
			}
			base.Set(name, value)
		}
	}
	return base
}

// template is the calculator's template with "asset" naming assets.
func (r *Renderer) template(assets map[string]string) (*template.Template, error) {
	var key strings.Builder
	for _, k := range slices.Sorted(maps.Keys(assets)) {
		key.WriteString(assets[k] + "\n")
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.last.tmpl != nil && r.last.key == key.String() {
		return r.last.tmpl, nil
	}
	t, err := r.master.Clone()
	if err != nil {
		return nil, err
	}
	t.Funcs(template.FuncMap{"asset": func(name string) (string, error) {
		if u, ok := assets[name]; ok {
			return u, nil
		}
		return noAsset(name)
	}})
	r.last.key, r.last.tmpl = key.String(), t
	return t, nil
}
