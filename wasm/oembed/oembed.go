// Package oembed answers oEmbed (https://oembed.com) for Hashswitch's
// embeds: the JSON a CMS asks for when an editor pastes an embed or
// article URL, with the iframe and resize script to insert. The build
// writes one static answer per calculator, and the dev server and the edge
// answer /oembed?url=... with the same code, presets included. Pure Go; it
// must never import syscall/js.
package oembed

import (
	"errors"
	"fmt"
	"html"
	"net/url"
	"strconv"
	"strings"

	"github.com/hashswitch/hashswitch/wasm/locale"
	"github.com/hashswitch/hashswitch/wasm/widget"
)

// The iframe's size before the embed reports its own height.
const (
	Width  = 640
	Height = 720
)

// Response is an oEmbed 1.0 "rich" answer.
type Response struct {
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

// ErrNotOurs is the answer for a URL that is not one of the site's
// embeds: oEmbed's 404.
var ErrNotOurs = errors.New("not a Hashswitch embed URL")

// ErrNoSite is the answer when the host was given no usable origin for the
// site (the edge's SITE_URL unset, or still wrangler.toml's placeholder):
// oEmbed cannot name its embeds, and must not guess from the request.
var ErrNoSite = errors.New("the site's origin is not configured (SITE_URL): oEmbed cannot link its embeds")

// siteOrigin checks base: an http or https origin with a host, nothing
// else (no placeholder, user, query or fragment).
func siteOrigin(base string) (*url.URL, error) {
	b, err := url.Parse(strings.TrimRight(base, "/"))
	if err != nil || b.Scheme != "http" && b.Scheme != "https" || b.Host == "" || b.User != nil ||
		b.RawQuery != "" || b.Fragment != "" || strings.Contains(strings.ToUpper(base), "REPLACE_WITH") {
		return nil, ErrNoSite
	}
	return b, nil
}

// For answers an embed URL of the site at base ("https://example.org"):
// /embed/NAME/ with its presets, in Vietnamese for /vi/embed/NAME/ or
// ?lang=vi. maxWidth and maxHeight (0: none) bound the
// size, as the spec asks.
func For(base, embedURL string, maxWidth, maxHeight int) (Response, error) {
	b, err := siteOrigin(base)
	if err != nil {
		return Response{}, err
	}
	u, err := url.Parse(embedURL)
	if err != nil || u.Host != b.Host {
		return Response{}, ErrNotOurs
	}
	// /embed/NAME/, /vi/embed/NAME/, or /embed/NAME/?lang=vi.
	path := strings.Trim(u.Path, "/")
	lang, _ := locale.Parse(u.Query().Get("lang"))
	for _, t := range locale.Tags[1:] {
		if rest, ok := strings.CutPrefix(path, string(t)+"/"); ok {
			path, lang = rest, t
		}
	}
	name, ok := strings.CutPrefix(path, "embed/")
	query := u.Query()
	if !ok {
		// An article's URL with a calculator's scenario: that calculator's
		// embed with it.
		name, query, ok = article(u)
	}
	w := widget.Lookup(name)
	titles, table := Tables[name]
	if !ok || w == nil && !table {
		return Response{}, ErrNotOurs
	}
	prefix := ""
	if lang != locale.EN {
		prefix = "/" + string(lang)
	}
	width, height := Width, Height
	if maxWidth > 0 && width > maxWidth {
		width = maxWidth
	}
	if maxHeight > 0 && height > maxHeight {
		height = maxHeight
	}
	src := b.Scheme + "://" + b.Host + prefix + "/embed/" + name + "/"
	if q := presets(w, query); q != "" {
		src += "?" + q
	}
	title := titles[lang]
	if w != nil {
		title = lang.T(w.Title)
	}
	return Response{
		Version: "1.0", Type: "rich", Title: title,
		ProviderName: "Hashswitch", ProviderURL: b.Scheme + "://" + b.Host + "/",
		HTML:  Code(b.Scheme+"://"+b.Host, src, title, height),
		Width: width, Height: height, CacheAge: 86400,
	}, nil
}

// article reads an article's URL whose query sets a calculator's
// scenario, as its share links do: "?convert-2.mw=50#convert-2" is
// calculator convert (its id on the page is NAME-N) with mw=50. The
// fragment says which calculator when it names one; else the first
// parameter does. ok is false when no parameter sets a calculator.
func article(u *url.URL) (name string, query url.Values, ok bool) {
	id := u.Fragment
	if calculatorOf(id) == "" {
		id = ""
		for _, kv := range strings.Split(u.RawQuery, "&") {
			k, _ := url.QueryUnescape(strings.SplitN(kv, "=", 2)[0])
			if scope, _, found := strings.Cut(k, "."); found && calculatorOf(scope) != "" {
				id = scope
				break
			}
		}
	}
	if id == "" {
		return "", nil, false
	}
	query = url.Values{}
	for k, v := range u.Query() {
		if key, found := strings.CutPrefix(k, widget.Scope(id)); found {
			query[key] = v
		} else if k == "dark" || k == "asof" || k == "lang" {
			query[k] = v
		}
	}
	return calculatorOf(id), query, len(query) > 0
}

// calculatorOf is the calculator of an id on a page, NAME-N; "" for
// anything else.
func calculatorOf(id string) string {
	i := strings.LastIndexByte(id, '-')
	if i < 0 || widget.Lookup(id[:i]) == nil {
		return ""
	}
	if n, err := strconv.Atoi(id[i+1:]); err != nil || n < 1 {
		return ""
	}
	return id[:i]
}

// Tables are the embeds that are not calculators, by name: tables the
// site generates, with their title in each language.
var Tables = map[string]map[locale.Tag]string{
	"deals":   {locale.EN: "Every deal, per kW", locale.VI: "Các hợp đồng AI của thợ đào, quy ra mỗi kW"},
	"history": {locale.EN: "Hashprice through time", locale.VI: "Hashprice theo thời gian"},
}

// presets keeps the parameters an embed understands: its inputs (a
// table has none), the theme, the pinned date.
func presets(w *widget.Widget, q url.Values) string {
	keep := url.Values{}
	var inputs []widget.Input
	if w != nil {
		inputs = w.Inputs
	}
	for _, in := range inputs {
		if v := q.Get(in.Name); v != "" {
			keep.Set(in.Name, v)
		}
	}
	for _, k := range []string{"dark", "asof"} {
		if v := q.Get(k); v != "" {
			keep.Set(k, v)
		}
	}
	return keep.Encode()
}

// Code is what a newsroom pastes: the iframe, as wide as its column, and
// the resize script.
func Code(origin, src, title string, height int) string {
	return CodeSized(origin, src, title, "100%", height)
}

// CodeSized is Code for an iframe width wide: "100%", or pixels ("600").
func CodeSized(origin, src, title, width string, height int) string {
	return fmt.Sprintf(`<iframe src="%s" title="%s" width="%s" height="%d" loading="lazy" style="border:0;max-width:100%%"></iframe><script src="%s/embed.js" async></script>`,
		html.EscapeString(src), html.EscapeString(title), html.EscapeString(width), height, html.EscapeString(origin))
}

// Size reads a maxwidth or maxheight parameter: 0 when absent or bad.
func Size(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return 0
	}
	return n
}
