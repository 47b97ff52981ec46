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

// TestCapturedKeepsOnlyWhatWasSet: of a rendered scenario (every input
// written), a link carries the inputs the reader set whose values differ
// from the start values; a network figure left alone, an input set back
// to its start value and an empty one are left out.
func TestCapturedKeepsOnlyWhatWasSet(t *testing.T) {
	s := netdata.Committed()
	w := Lookup("convert")
	r := w.Render(s, "mw=50&power_price=0.07&pue=1.3&lease_years=")
	if r.Error != nil {
		t.Fatal(r.Error)
	}
	given := []string{"mw", "power_price", "pue", "lease_years"}
	got, _ := url.ParseQuery(w.Captured(s, r.Query, given))
	want := url.Values{"mw": {"50"}, "power_price": {"0.07"}}
	if got.Encode() != want.Encode() {
		t.Errorf("captured %v, want %v (from %s)", got, want, r.Query)
	}
	// The start values differ from these edits, and a network figure is
	// among the inputs: each one is what it claims.
	for _, in := range w.Inputs {
		switch in.Name {
		case "mw", "power_price":
			if in.StartValue(s) == got.Get(in.Name) {
				t.Errorf("%s starts at %s: the edit is no edit", in.Name, got.Get(in.Name))
			}
		case "pue":
			if in.StartValue(s) != "1.3" {
				t.Errorf("pue starts at %s, not 1.3", in.StartValue(s))
			}
		}
	}
	// Nothing given: nothing carried, whatever the query says.
	if c := w.Captured(s, r.Query, nil); c != "" {
		t.Errorf("nothing given, captured %q", c)
	}
	// A network figure typed by the reader is carried; left alone it is not.
	h := Lookup("hashprice")
	hr := h.Render(s, "price=50000")
	if c := h.Captured(s, hr.Query, []string{"price"}); c != "price=50000" {
		t.Errorf("hashprice captured %q", c)
	}
	if !strings.Contains(hr.Query, "hashrate=") {
		t.Errorf("the rendered query has no network figure to leave out: %s", hr.Query)
	}
	// The currency's parameters go along.
	vr := h.Render(s, "price=50000&currency=VND")
	if c := h.Captured(s, vr.Query, []string{"price"}); c != "price=50000&currency=VND" {
		t.Errorf("with dong, captured %q", c)
	}
}

// TestDescribeSaysWhatIsCaptured: a summary names each captured input with
// its value and unit, in the reader's language and number style.
func TestDescribeSaysWhatIsCaptured(t *testing.T) {
	w := Lookup("convert")
	for _, c := range []struct {
		lang locale.Tag
		want string
	}{
		{locale.EN, "Site power: 50 MW at the meter; Power price: $0.07 per kWh"},
		{locale.VI, "Công suất cơ sở: 50 MW tại công tơ; Giá điện: 0,07 USD mỗi kWh"},
	} {
		if got := w.Describe(c.lang, "mw=50&power_price=0.07"); got != c.want {
			t.Errorf("%s: %q, want %q", c.lang, got, c.want)
		}
		if got := w.Describe(c.lang, ""); got != c.lang.T(startValues) || got == "" {
			t.Errorf("%s, nothing captured: %q", c.lang, got)
		}
	}
	if got := Lookup("profit").Describe(locale.EN, "pool_fee=1.5&power_price=0.035"); got != "Power price: $0.035 per kWh; Pool fee: 1.5%" {
		t.Errorf("profit: %q", got)
	}
}
