package gen

import (
	"bytes"
	"fmt"
	"html/template"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/util"
	"go.abhg.dev/goldmark/frontmatter"

	"github.com/hashswitch/hashswitch/wasm/calc"
	"github.com/hashswitch/hashswitch/wasm/locale"
	"github.com/hashswitch/hashswitch/wasm/netdata"
	"github.com/hashswitch/hashswitch/wasm/present"
	"github.com/hashswitch/hashswitch/wasm/widget"
)

// markdown returns the converter for content: GFM, footnotes for sources,
// typographic quotes and dashes, heading ids, no raw HTML (goldmark's
// default drops it and unsafe link schemes), the calc fence drawing
// calculators with render, and numbers in prose computed from snapshot s.
func markdown(s netdata.Snapshot, lang locale.Tag, render func(w util.BufWriter, name string, preset calc.Values) error) goldmark.Markdown {
	value := func(name, key string, preset calc.Values, kind string) (string, string, error) {
		text, raw, err := widget.Inline(s, lang, name, key, preset, kind)
		return text, RawValue(raw), err
	}
	return goldmark.New(
		goldmark.WithExtensions(&frontmatter.Extender{}, extension.GFM, extension.Footnote, extension.Typographer,
			&CalcFence{Render: render}, &Computed{Value: value}),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	)
}

type source struct {
	lang locale.Tag
	name string // the file's name: the same explainer in every language
	path string // URL path
	file string
	fm   FrontMatter
	body []byte // the whole file: the converter drops the front matter
}

// contentDir is where lang's explainers are: content/ for English,
// content/vi/ for Vietnamese.
func contentDir(root string, lang locale.Tag) string {
	if lang == locale.EN {
		return filepath.Join(root, "content")
	}
	return filepath.Join(root, "content", string(lang))
}

// langPrefix is "" for English, "/vi" for Vietnamese: where lang's pages are.
func langPrefix(lang locale.Tag) string {
	if lang == locale.EN {
		return ""
	}
	return "/" + string(lang)
}

// content renders the explainers: content/index.md is /, content/x.md is
// /x/; content/vi/x.md is /vi/x/, the same explainer in Vietnamese.
func (b *builder) content() error {
	var sources []source
	for _, lang := range locale.Tags {
		files, err := filepath.Glob(filepath.Join(contentDir(b.cfg.Root, lang), "*.md"))
		if err != nil {
			return err
		}
		for _, f := range files {
			src, err := os.ReadFile(f)
			if err != nil {
				return err
			}
			fm, err := ParseFrontMatter(src)
			if err != nil {
				return fmt.Errorf("%s: %w", f, err)
			}
			name := strings.TrimSuffix(filepath.Base(f), ".md")
			path := langPrefix(lang) + "/" + name + "/"
			if name == "index" {
				path = langPrefix(lang) + "/"
			}
			sources = append(sources, source{lang, name, path, f, fm, src})
		}
	}
	sort.SliceStable(sources, func(i, j int) bool { return sources[i].fm.Order < sources[j].fm.Order })
	b.nav = map[locale.Tag][]navItem{}
	versions := map[string][]alternate{} // an explainer's name: its languages
	for _, s := range sources {
		if s.fm.Order > 0 {
			label := s.fm.Nav
			if label == "" {
				label = s.fm.Title
			}
			b.nav[s.lang] = append(b.nav[s.lang], navItem{s.path, label})
		}
		versions[s.name] = append(versions[s.name], alternate{s.lang, s.path})
	}
	for _, s := range sources {
		p := &page{Lang: s.lang, Path: s.path, Title: s.fm.Title, Description: s.fm.Description, Date: s.fm.Date}
		if len(versions[s.name]) > 1 {
			p.Alternates = versions[s.name]
		}
		seen := map[string]int{} // calculators of each name so far: ids are NAME-1, NAME-2, …
		figures := netdata.Committed()
		if s.fm.AsOf != "" {
			var ok bool
			if figures, ok = netdata.Dated(s.fm.AsOf); !ok {
				return fmt.Errorf("%s: asof %s: no such snapshot (there are %s)", s.file, s.fm.AsOf, strings.Join(netdata.Dates(), ", "))
			}
		}
		md := markdown(figures, s.lang, func(w util.BufWriter, name string, preset calc.Values) error {
			seen[name]++
			if p.OEmbed == "" {
				p.OEmbed = name
			}
			return b.calc(w, s.lang, p.Path, fmt.Sprintf("%s-%d", name, seen[name]), name, preset)
		})
		lang := s.lang
		(&DealsFence{Render: func(w util.BufWriter) error { return b.deals(w, lang) }}).Extend(md)
		var html bytes.Buffer
		if err := md.Convert(s.body, &html); err != nil {
			return fmt.Errorf("%s: %w", s.file, err)
		}
		p.Content = template.HTML(html.String())
		for _, src := range s.fm.Sources {
			var h bytes.Buffer
			if err := md.Convert([]byte(src), &h); err != nil {
				return fmt.Errorf("%s: source %q: %w", s.file, src, err)
			}
			inner := strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(h.String()), "<p>"), "</p>")
			p.Sources = append(p.Sources, template.HTML(inner))
		}
		if err := b.write("base.html", p); err != nil {
			return fmt.Errorf("%s: %w", s.file, err)
		}
	}
	return nil
}

// alternate is a page's version in another language: hreflang links and
// the language switch.
type alternate struct {
	Lang locale.Tag
	Path string
}

// Name is the language's name in itself, as a switch offers it.
func (a alternate) Name() string { return languageNames[a.Lang] }

var languageNames = map[locale.Tag]string{locale.EN: "English", locale.VI: "Tiếng Việt"}

// calcView is what the "calc" template sees.
type calcView struct {
	Lang     locale.Tag
	ID       string
	W        *widget.Widget
	R        widget.Result
	Params   calc.Values
	Preset   calc.Values // the fence's presets: inputs the page's text fixed
	Groups   []inputGroup
	More     []inputGroup     // groups past the first two of a long form, collapsed
	Heading  int              // 2 in articles, 1 on embed pages
	Share    string           // this page with the scenario in its URL
	Embed    string           // the embed page with the scenario
	Fresh    widget.Freshness // how old the figures are, at build time
	Source   string
	Clock    string // the countdown when the page was built
	InputIDs string // every input's id, for <output for=...>
	// MinerHeader and MinerTarget are what the in-browser miner hashes.
	MinerHeader, MinerTarget string
}

type inputGroup struct {
	Legend string
	Inputs []widget.Input
}

// TitleIn is the calculator's title in language tag, for the embed
// dialog's code.
func (v *calcView) TitleIn(tag string) string {
	lang, _ := locale.Parse(tag)
	return lang.T(v.W.Title)
}

// Currency says the form offers amounts in dong: in Vietnamese, for a
// calculator with amounts in dollars, and in any language where the
// page's fence shows them in dong.
func (v *calcView) Currency() bool { return v.Lang == locale.VI && v.W.Dollars() || v.VND() }

// VND says the page's fence shows the amounts in dong (currency=VND), so
// the form's choice starts there and the page computes what was rendered.
func (v *calcView) VND() bool {
	return v.W.Dollars() && strings.EqualFold(strings.TrimSpace(v.Preset.Get("currency")), "VND")
}

// T translates an English string into the calculator's language.
func (v *calcView) T(s string) string { return v.Lang.T(s) }

// Unit writes a unit in the calculator's language, an amount's in
// dollars, as the form computes (package present).
func (v *calcView) Unit(u calc.Unit) string { return present.Units(v.Lang, u) }

// Value is input in's value in the form, written as its reader types it.
func (v *calcView) Value(in widget.Input) string {
	if in.Numeric() {
		return v.Lang.Shown(v.Params.Get(in.Name))
	}
	return v.Params.Get(in.Name)
}

// newCalcView renders calculator name with preset for a page at path, in
// language lang.
func (b *builder) newCalcView(lang locale.Tag, path, id, name string, preset calc.Values, heading int) (*calcView, error) {
	w := widget.Lookup(name)
	if w == nil {
		return nil, fmt.Errorf("no calculator %q (there are %s)", name, widgetNames())
	}
	// As of the snapshot's own time, whatever day the build runs: the
	// prose and the calculators of a page compute from the same figures.
	snap := b.cfg.Snapshot
	r := w.RenderIn(snap, preset.Encode(), lang)
	if r.Error != nil {
		return nil, fmt.Errorf("calc %s: preset %s: %s: %s", name, preset.Encode(), r.Error.Field, r.Error.Message)
	}
	v := &calcView{
		Lang: lang, ID: id, W: w, R: r, Params: w.Params(snap, preset), Preset: preset, Heading: heading,
		Share:  path + "?" + scoped(id, r.Query) + "#" + id,
		Embed:  embedPath(lang, name) + "?" + r.Query,
		Fresh:  widget.FreshnessIn(snap, time.Unix(snap.Time, 0), widget.FromBuild, lang),
		Source: snap.Source,
	}
	if heading == 1 {
		v.Share = embedPath(lang, name) + "?" + r.Query
	}
	var ids []string
	for _, in := range w.Inputs {
		ids = append(ids, id+"-"+in.Name)
		if n := len(v.Groups); n == 0 || v.Groups[n-1].Legend != in.Group {
			v.Groups = append(v.Groups, inputGroup{Legend: in.Group})
		}
		g := &v.Groups[len(v.Groups)-1]
		g.Inputs = append(g.Inputs, in)
	}
	v.InputIDs = strings.Join(ids, " ")
	// A long form shows its first two groups and folds the rest, so on a
	// phone the results are not a screen of inputs away.
	if len(w.Inputs) > 8 && len(v.Groups) > 2 {
		v.Groups, v.More = v.Groups[:2], v.Groups[2:]
	}
	if w.Miner != "" {
		v.MinerHeader, v.MinerTarget = widget.MinerHeader, widget.MinerTarget()
	}
	if w.Countdown != "" {
		for _, val := range r.Values {
			if eta, ok := val.Raw.(int64); ok && val.Key == w.Countdown {
				v.Clock = lang.Style().Countdown(eta, b.cfg.Now.Unix())
			}
		}
	}
	return v, nil
}

// embedPath is where calculator name's embed is for readers of lang:
// /embed/NAME/, /vi/embed/NAME/.
func embedPath(lang locale.Tag, name string) string {
	return langPrefix(lang) + "/embed/" + name + "/"
}

// calc writes a calculator into a page in lang.
func (b *builder) calc(w util.BufWriter, lang locale.Tag, path, id, name string, preset calc.Values) error {
	v, err := b.newCalcView(lang, path, id, name, preset, 2)
	if err != nil {
		return err
	}
	return b.tmpl.ExecuteTemplate(w, "calc", v)
}

// scoped prefixes each parameter of a query with a calculator's id, so a
// link sets that calculator alone: hashprice-2.price=50000.
func scoped(id, query string) string {
	q, _ := url.ParseQuery(query)
	var parts []string
	for _, kv := range strings.Split(query, "&") {
		k, _, _ := strings.Cut(kv, "=")
		if k, err := url.QueryUnescape(k); err == nil && q.Has(k) {
			parts = append(parts, url.QueryEscape(id+"."+k)+"="+url.QueryEscape(q.Get(k)))
		}
	}
	return strings.Join(parts, "&")
}

func widgetNames() string {
	var names []string
	for _, w := range widget.Widgets() {
		names = append(names, w.Name)
	}
	return strings.Join(names, ", ")
}

// RawValue writes an output's raw value for its data-value attribute.
func RawValue(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64)
	case int64:
		return strconv.FormatInt(x, 10)
	case int32:
		return strconv.FormatInt(int64(x), 10)
	case uint32:
		return strconv.FormatUint(uint64(x), 10)
	case bool:
		return strconv.FormatBool(x)
	case string:
		return x
	}
	return fmt.Sprint(v)
}

// MoreCount is how many inputs the folded groups hold.
func (v *calcView) MoreCount() int {
	n := 0
	for _, g := range v.More {
		n += len(g.Inputs)
	}
	return n
}

// groupView is what the "calc-group" template sees.
type groupView struct {
	V *calcView
	G inputGroup
}

// result is one output with its value, for the template.
type result struct {
	widget.Output
	ID    string
	Text  string
	Value string
	Shown string // the unit as rendered where it is not the output's own: in dong
}

// Results pairs the calculator's outputs with their rendered values.
func (v *calcView) Results() []result {
	out := make([]result, len(v.W.Outputs))
	for i, o := range v.W.Outputs {
		out[i] = result{Output: o, ID: fmt.Sprintf("%s-out-%d", v.ID, i)}
		if i < len(v.R.Values) {
			out[i].Text, out[i].Value, out[i].Shown = v.R.Values[i].Text, RawValue(v.R.Values[i].Raw), v.R.Values[i].Unit
		}
	}
	return out
}

// Mono reports whether the value is a hash or other code, set in monospace.
func (r result) Mono() bool { return r.Kind == calc.AsText }

// Chart and Table return the prerendered chart markup, made by package chart.
func (v *calcView) Chart() template.HTML { return template.HTML(v.R.Chart) }

// ChartNarrow is the chart drawn for phones.
func (v *calcView) ChartNarrow() template.HTML { return template.HTML(v.R.ChartNarrow) }
func (v *calcView) Table() template.HTML       { return template.HTML(v.R.Table) }
