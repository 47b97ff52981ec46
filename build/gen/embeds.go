package gen

import (
	"encoding/json"
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
			p := &page{Lang: lang, Path: path, Title: lang.T(w.Title), Description: lang.T(w.Summary), Embed: v}
			if err := b.write("embed.html", p); err != nil {
				return err
			}
			res, err := oembed.For(b.cfg.BaseURL, b.cfg.BaseURL+path, 0, 0)
			if err != nil {
				return err
			}
			o, err := json.MarshalIndent(res, "", "  ")
			if err != nil {
				return err
			}
			file := filepath.Join(b.cfg.Out, filepath.FromSlash(oembedPath(lang, w.Name)))
			if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
				return err
			}
			if err := os.WriteFile(file, o, 0o644); err != nil {
				return err
			}
		}
	}
	return nil
}

// oembedPath is the oEmbed answer for calculator name's embed in lang.
func oembedPath(lang locale.Tag, name string) string {
	return "/oembed" + langPrefix(lang) + "/" + name + ".json"
}
