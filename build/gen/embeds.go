package gen

import (
	"bytes"
	"encoding/json"
	"html/template"
	"strings"

	"github.com/hashswitch/hashswitch/wasm/calc"
	"github.com/hashswitch/hashswitch/wasm/locale"
	"github.com/hashswitch/hashswitch/wasm/netdata"
	"github.com/hashswitch/hashswitch/wasm/oembed"
	"github.com/hashswitch/hashswitch/wasm/widget"
)

// renderEmbeds renders /embed/NAME/ and /vi/embed/NAME/ for every
// calculator, from the build's figures, and for every table, with their
// oEmbed answers, /oembed/NAME.json and /oembed/vi/NAME.json.
func renderEmbeds(l layout, calcs calculators, snap netdata.Snapshot, deals []Deal, baseURL string) ([]htmlPage, []file, error) {
	var pages []htmlPage
	var answers []file
	embed := func(p *page) error {
		p.snapshot = snap
		rendered, err := l.render(l.base, "embed.html", p)
		if err != nil {
			return err
		}
		answer, err := oembedAnswer(baseURL, p)
		pages, answers = append(pages, rendered), append(answers, answer)
		return err
	}
	for _, w := range widget.Widgets() {
		for _, lang := range locale.Tags {
			path := embedPath(lang, w.Name)
			v, err := calcs.view(PageInfo{Path: path, Snapshot: snap}, lang, "calc", w.Name, calc.Values{}, 1)
			if err != nil {
				return nil, nil, err
			}
			if err := embed(&page{Lang: lang, Path: path, Title: lang.T(w.Title), Description: lang.T(w.Summary), Embed: v, EmbedName: w.Name}); err != nil {
				return nil, nil, err
			}
		}
	}
	// The tables: the deals, /embed/deals/.
	for name, titles := range oembed.Tables {
		for _, lang := range locale.Tags {
			var table bytes.Buffer
			if err := dealsTable(&table, deals, lang); err != nil {
				return nil, nil, err
			}
			p := &page{Lang: lang, Path: embedPath(lang, name), Title: titles[lang], Description: titles[lang],
				EmbedName: name, EmbedHTML: template.HTML(table.String())}
			if err := embed(p); err != nil {
				return nil, nil, err
			}
		}
	}
	return pages, answers, nil
}

// oembedAnswer is embed page p's oEmbed answer.
func oembedAnswer(baseURL string, p *page) (file, error) {
	res, err := oembed.For(baseURL, baseURL+p.Path, 0, 0)
	if err != nil {
		return file{}, err
	}
	o, err := json.MarshalIndent(res, "", "  ")
	return file{strings.TrimPrefix(oembedPath(p.HTMLLang(), p.EmbedName), "/"), o}, err
}

// oembedPath is the oEmbed answer for calculator name's embed in lang.
func oembedPath(lang locale.Tag, name string) string {
	return "/oembed" + langPrefix(lang) + "/" + name + ".json"
}
