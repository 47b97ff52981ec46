package widget

import (
	"net/url"
	"strings"
	"testing"

	"github.com/hashswitch/hashswitch/wasm/locale"
	"github.com/hashswitch/hashswitch/wasm/netdata"
)

func TestEmbedPath(t *testing.T) {
	for _, c := range []struct {
		lang       locale.Tag
		name, want string
	}{
		{locale.EN, "hashprice", "/embed/hashprice/"},
		{locale.VI, "hashprice", "/vi/embed/hashprice/"},
		{locale.VI, "deals", "/vi/embed/deals/"},
	} {
		if got := EmbedPath(c.lang, c.name); got != c.want {
			t.Errorf("EmbedPath(%s, %s) = %s, want %s", c.lang, c.name, got, c.want)
		}
	}
}

// TestShareScopesEveryParameter: a page's link names each parameter with
// the calculator's scope, in order, and the values read back through
// net/url as the calculator's own; an embed's link is the query itself.
func TestShareScopesEveryParameter(t *testing.T) {
	for _, w := range Widgets() {
		query := w.Render(netdata.Committed(), "").Query + "&currency=VND&usd_vnd_source=" + url.QueryEscape("Bank & Co ✓")
		share := Share("calc-2", query)
		rest, fragment, _ := strings.Cut(strings.TrimPrefix(share, "?"), "#")
		if !strings.HasPrefix(share, "?") || fragment != "calc-2" {
			t.Errorf("%s: %s", w.Name, share)
		}
		want, _ := url.ParseQuery(query)
		got, err := url.ParseQuery(rest)
		if err != nil || len(got) != len(want) {
			t.Errorf("%s: %s reads as %v (%v), want the keys of %v", w.Name, share, got, err, want)
		}
		for k := range want {
			if got.Get(Scope("calc-2")+k) != want.Get(k) {
				t.Errorf("%s: %s has %s=%q, want %q", w.Name, share, Scope("calc-2")+k, got.Get(Scope("calc-2")+k), want.Get(k))
			}
		}
		var order []string
		for _, kv := range strings.Split(rest, "&") {
			k, _, _ := strings.Cut(kv, "=")
			order = append(order, strings.TrimPrefix(k, "calc-2."))
		}
		if strings.Join(order, "&") != strings.Join(keysOf(query), "&") {
			t.Errorf("%s: %s is not in the order of %s", w.Name, share, query)
		}
		if got := Share("", query); got != "?"+query {
			t.Errorf("an embed's link %s", got)
		}
	}
}

func keysOf(query string) []string {
	var keys []string
	for _, kv := range strings.Split(query, "&") {
		k, _, _ := strings.Cut(kv, "=")
		keys = append(keys, k)
	}
	return keys
}

// TestDisplayParamsReachTheLinks: each display parameter a query gives
// stays in its links.
func TestDisplayParamsReachTheLinks(t *testing.T) {
	query := Lookup("hashprice").RenderIn(netdata.Committed(), "currency=VND&usd_vnd=26000&usd_vnd_date=2025-11-25&usd_vnd_source=X", locale.EN).Query
	for _, k := range DisplayParams() {
		if !strings.Contains(query, k+"=") {
			t.Errorf("display parameter %s does not reach the links: %s", k, query)
		}
	}
}
