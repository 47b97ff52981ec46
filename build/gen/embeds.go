package gen

import (
	"bufio"
	"bytes"
	"encoding/json"
	"html/template"
	"os"
	"path/filepath"

	"github.com/hashswitch/hashswitch/wasm/calc"
	"github.com/hashswitch/hashswitch/wasm/locale"
	"github.com/hashswitch/hashswitch/wasm/oembed"
	"github.com/hashswitch/hashswitch/wasm/widget"
)

// embeds writes /embed/NAME/ and /vi/embed/NAME/ for every calculator,
// and their oEmbed answers, /oembed/NAME.json and /oembed/vi/NAME.json.
func (b *builder) embeds() error {
	for _, w := range widget.Widgets() {
		for _, lang := range locale.Tags {
			path := embedPath(lang, w.Name)
			v, err := b.newCalcView(lang, path, "calc", w.Name, calc.Values{}, 1)
			if err != nil {
				return err
			}
			p := &page{Lang: lang, Path: path, Title: lang.T(w.Title), Description: lang.T(w.Summary), Embed: v, EmbedName: w.Name}
			if err := b.embed(p); err != nil {
				return err
			}
		}
	}
	// The tables: the deals, /embed/deals/.
	for name, titles := range oembed.Tables {
		for _, lang := range locale.Tags {
			var table bytes.Buffer
			w := bufio.NewWriter(&table)
			if err := b.deals(w, lang); err != nil {
				return err
			}
			w.Flush()
			p := &page{Lang: lang, Path: embedPath(lang, name), Title: titles[lang], Description: titles[lang],
				EmbedName: name, EmbedHTML: template.HTML(table.String())}
			if err := b.embed(p); err != nil {
				return err
			}
		}
	}
	return nil
}

// embed writes embed page p and its oEmbed answer.
func (b *builder) embed(p *page) error {
	if err := b.write("embed.html", p); err != nil {
		return err
	}
	res, err := oembed.For(b.cfg.BaseURL, b.cfg.BaseURL+p.Path, 0, 0)
	if err != nil {
		return err
	}
	o, err := json.MarshalIndent(res, "", "  ")
	if err != nil {
		return err
	}
	file := filepath.Join(b.cfg.Out, filepath.FromSlash(oembedPath(p.HTMLLang(), p.EmbedName)))
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return err
	}
	return os.WriteFile(file, o, 0o644)
}

// oembedPath is the oEmbed answer for calculator name's embed in lang.
func oembedPath(lang locale.Tag, name string) string {
	return "/oembed" + langPrefix(lang) + "/" + name + ".json"
}
