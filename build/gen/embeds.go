package gen

import (
	"encoding/json"
	"fmt"
	"html"
	"net/url"
	"os"
	"path/filepath"

	"github.com/hashswitch/hashswitch/wasm/widget"
)

// embedHeight is the iframe height an embed code starts with, before the
// embed reports its own.
const embedHeight = 720

// embeds writes /embed/NAME/ for every calculator, and /oembed/NAME.json.
func (b *builder) embeds() error {
	if err := os.MkdirAll(filepath.Join(b.cfg.Out, "oembed"), 0o755); err != nil {
		return err
	}
	for _, w := range widget.Widgets() {
		path := "/embed/" + w.Name + "/"
		v, err := b.newCalcView(path, "calc", w.Name, url.Values{}, 1)
		if err != nil {
			return err
		}
		if err := b.write("embed.html", &page{Path: path, Title: w.Title, Description: w.Summary, Embed: v}); err != nil {
			return err
		}
		o, err := json.MarshalIndent(b.OEmbed(w), "", "  ")
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(b.cfg.Out, "oembed", w.Name+".json"), o, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// OEmbedResponse is an oEmbed 1.0 "rich" answer.
type OEmbedResponse struct {
	Version      string `json:"version"`
	Type         string `json:"type"`
	Title        string `json:"title"`
	ProviderName string `json:"provider_name"`
	ProviderURL  string `json:"provider_url"`
	HTML         string `json:"html"`
	Width        int    `json:"width"`
	Height       int    `json:"height"`
	CacheAge     int    `json:"cache_age"`
}

// OEmbed returns the oEmbed answer for w's embed page.
func (b *builder) OEmbed(w *widget.Widget) OEmbedResponse {
	return OEmbedResponse{
		Version: "1.0", Type: "rich", Title: w.Title,
		ProviderName: "Hashswitch", ProviderURL: b.cfg.BaseURL + "/",
		HTML:  EmbedCode(b.cfg.BaseURL, w),
		Width: 640, Height: embedHeight, CacheAge: 86400,
	}
}

// EmbedCode is what a newsroom pastes: the iframe and the resize script.
func EmbedCode(baseURL string, w *widget.Widget) string {
	return fmt.Sprintf(`<iframe src="%s/embed/%s/" title="%s" width="100%%" height="%d" loading="lazy" style="border:0;max-width:100%%"></iframe><script src="%s/embed.js" async></script>`,
		baseURL, w.Name, html.EscapeString(w.Title), embedHeight, baseURL)
}
