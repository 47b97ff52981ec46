package gen

import (
	"bytes"
	"fmt"
	"html/template"
	"io"

	"os"
	"path/filepath"

	"sort"
	"strings"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/util"
	"go.abhg.dev/goldmark/frontmatter"

	"github.com/hashswitch/hashswitch/wasm/calc"
	"github.com/hashswitch/hashswitch/wasm/calcview"
	"github.com/hashswitch/hashswitch/wasm/locale"
	"github.com/hashswitch/hashswitch/wasm/netdata"
	"github.com/hashswitch/hashswitch/wasm/widget"
)

// markdown returns the converter for content in lang: GFM, footnotes for
// sources, typographic quotes and dashes, heading ids, no raw HTML
// (goldmark's default drops it and unsafe link schemes), the calc fence
// drawing calculators with calcs, numbers in prose computed from the
// page's figures, the deals fence writing the table with deals, and the
// history fence drawing hashprice through time with hist. One
// converter serves every page of the language: each conversion's page
// comes in its parser context (NewPageContext).
func markdown(lang locale.Tag, calcs func(w util.BufWriter, c *Calc) error, deals, hist func(w util.BufWriter, page *PageInfo) error) goldmark.Markdown {
	value := func(s netdata.Snapshot, name, key string, preset calc.Values, kind string) (string, string, error) {
		text, raw, err := widget.Inline(s, lang, name, key, preset, kind)
		return text, RawValue(raw), err
	}
	return goldmark.New(
		goldmark.WithExtensions(&frontmatter.Extender{}, extension.GFM, extension.Footnote, extension.Typographer,
			&CalcFence{Render: calcs}, &Computed{Value: value}, &BlockFence{Info: "deals", Render: deals}, &BlockFence{Info: "history", Render: hist}),
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
func langPrefix(lang locale.Tag) string { return widget.LangPrefix(lang) }

// readExplainers reads the explainers, in menu order: content/index.md
// is /, content/x.md is /x/; content/vi/x.md is /vi/x/, the same
// explainer in Vietnamese.
func readExplainers(root string) ([]source, error) {
	var sources []source
	for _, lang := range locale.Tags {
		files, err := filepath.Glob(filepath.Join(contentDir(root, lang), "*.md"))
		if err != nil {
			return nil, err
		}
		for _, f := range files {
			src, err := os.ReadFile(f)
			if err != nil {
				return nil, err
			}
			fm, err := ParseFrontMatter(src)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", f, err)
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
	return sources, nil
}

// menus is the explainers' menu in each language.
func menus(sources []source) map[locale.Tag][]navItem {
	nav := map[locale.Tag][]navItem{}
	for _, s := range sources {
		if s.fm.Order > 0 {
			label := s.fm.Nav
			if label == "" {
				label = s.fm.Title
			}
			nav[s.lang] = append(nav[s.lang], navItem{s.path, label})
		}
	}
	return nav
}

// figures is the snapshot an explainer's prose and calculators compute
// from: the committed one of its front matter's date, else the build's.
func (s source) figures(build netdata.Snapshot) (netdata.Snapshot, error) {
	if s.fm.AsOf == "" {
		return build, nil
	}
	figures, ok := netdata.Dated(s.fm.AsOf)
	if !ok {
		return figures, fmt.Errorf("%s: asof %s: no such snapshot (there are %s)", s.file, s.fm.AsOf, strings.Join(netdata.Dates(), ", "))
	}
	return figures, nil
}

// renderExplainers renders the explainers, with one converter per
// language, from the build's figures (snap) where an explainer dates none.
func renderExplainers(l layout, calcs calculators, sources []source, snap netdata.Snapshot, deals []Deal, hist historyWriter) ([]htmlPage, error) {
	converters := map[locale.Tag]goldmark.Markdown{}
	for _, lang := range locale.Tags {
		converters[lang] = markdown(lang, calcs.fence(lang), func(w util.BufWriter, _ *PageInfo) error { return dealsTable(w, deals, lang) },
			func(w util.BufWriter, page *PageInfo) error { return hist(w, lang, page) })
	}
	versions := map[string][]alternate{} // an explainer's name: its languages
	for _, s := range sources {
		versions[s.name] = append(versions[s.name], alternate{s.lang, s.path})
	}
	var pages []htmlPage
	for _, s := range sources {
		figures, err := s.figures(snap)
		if err != nil {
			return nil, err
		}
		p := &page{Lang: s.lang, Path: s.path, Title: s.fm.Title, Description: s.fm.Description, Date: s.fm.Date, snapshot: figures}
		if len(versions[s.name]) > 1 {
			p.Alternates = versions[s.name]
		}
		md, info := converters[s.lang], PageInfo{Path: s.path, Snapshot: figures, Pinned: s.fm.AsOf != ""}
		pc := NewPageContext(info)
		var html bytes.Buffer
		if err := md.Convert(s.body, &html, parser.WithContext(pc)); err != nil {
			return nil, fmt.Errorf("%s: %w", s.file, err)
		}
		p.Content = template.HTML(html.String())
		if c := CalcsIn(pc); len(c) > 0 {
			p.OEmbed = c[0].Name
		}
		for _, src := range s.fm.Sources {
			var h bytes.Buffer
			if err := md.Convert([]byte(src), &h, parser.WithContext(NewPageContext(info))); err != nil {
				return nil, fmt.Errorf("%s: source %q: %w", s.file, src, err)
			}
			inner := strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(h.String()), "<p>"), "</p>")
			p.Sources = append(p.Sources, template.HTML(inner))
		}
		rendered, err := l.render(l.base, "base.html", p)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", s.file, err)
		}
		pages = append(pages, rendered)
	}
	return pages, nil
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

// calculators draws calculators with the "calc" template of tmpl, their
// countdowns as of now, the build's time.
type calculators struct {
	tmpl *template.Template
	now  time.Time
}

// view renders calculator name with preset for page p, in language lang,
// from the page's figures.
func (c calculators) view(p PageInfo, lang locale.Tag, id, name string, preset calc.Values, heading int) (*calcview.View, error) {
	return calcview.New(calcview.Page{Path: p.Path, Snapshot: p.Snapshot}, lang, id, name, preset, heading, c.now)
}

// embedPath is where calculator name's embed is for readers of lang.
func embedPath(lang locale.Tag, name string) string { return widget.EmbedPath(lang, name) }

// render writes a calculator into page p in lang, under title when the
// page gives it one.
func (c calculators) render(w io.Writer, p PageInfo, lang locale.Tag, id, name string, preset calc.Values, title string) error {
	v, err := c.view(p, lang, id, name, preset, 2)
	if err != nil {
		return err
	}
	v.Title = title
	return c.tmpl.ExecuteTemplate(w, "calc", v)
}

// fence is the calc fence's renderer for pages in lang: each calculator
// from its page's figures, which the parser context brought.
func (c calculators) fence(lang locale.Tag) func(w util.BufWriter, n *Calc) error {
	return func(w util.BufWriter, n *Calc) error {
		if n.Page == nil {
			return fmt.Errorf("calc %s: no page to draw it for: convert with parser.WithContext(NewPageContext(page))", n.Name)
		}
		return c.render(w, *n.Page, lang, n.ID, n.Name, n.Preset, n.Title)
	}
}

// RawValue writes an output's raw value for its data-value attribute.
func RawValue(v any) string { return calcview.RawValue(v) }
