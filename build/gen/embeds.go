package gen

import (
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"

	"github.com/hashswitch/hashswitch/wasm/locale"
	"github.com/hashswitch/hashswitch/wasm/oembed"
	"github.com/hashswitch/hashswitch/wasm/widget"
)

// embeds writes /embed/NAME/ for every calculator, and /oembed/NAME.json.
func (b *builder) embeds() error {
	if err := os.MkdirAll(filepath.Join(b.cfg.Out, "oembed"), 0o755); err != nil {
		return err
	}
	for _, w := range widget.Widgets() {
		for _, lang := range locale.Tags {
			path := embedPath(lang, w.Name)
			v, err := b.newCalcView(lang, path, "calc", w.Name, url.Values{}, 1)
			if err != nil {
				return err
			}
			if err := b.write("embed.html", &page{Lang: lang, Path: path, Title: lang.T(w.Title), Description: lang.T(w.Summary), Embed: v}); err != nil {
				return err
			}
		}
		path := embedPath(locale.EN, w.Name)
		res, err := oembed.For(b.cfg.BaseURL, b.cfg.BaseURL+path, 0, 0)
		if err != nil {
			return err
		}
		o, err := json.MarshalIndent(res, "", "  ")
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(b.cfg.Out, "oembed", w.Name+".json"), o, 0o644); err != nil {
			return err
		}
	}
	return nil
}
