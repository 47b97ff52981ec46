package calcview

import (
	"bytes"
	"encoding/json"
	"html"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashswitch/hashswitch/wasm/calc"
	"github.com/hashswitch/hashswitch/wasm/locale"
	"github.com/hashswitch/hashswitch/wasm/netdata"
)

// builtEmbed is an embed page as the build writes it, reduced to what
// Splice reads: <html lang>, <body data-network data-embed> and the
// calculator's section, rendered with the template.
func builtEmbed(t testing.TB, r *Renderer, lang locale.Tag, name string) []byte {
	t.Helper()
	snap := netdata.Committed()
	v, err := New(Page{Path: "/embed/" + name + "/", Snapshot: snap}, lang, "calc", name, calc.Values{}, 1, time.Unix(snap.Time, 0))
	if err != nil {
		t.Fatal(err)
	}
	tmpl, err := r.template(map[string]string{})
	if err != nil {
		t.Fatal(err)
	}
	var section bytes.Buffer
	if err := tmpl.ExecuteTemplate(&section, "calc", v); err != nil {
		t.Fatal(err)
	}
	network, _ := json.Marshal(snap)
	return []byte(`<!doctype html><html lang="` + string(lang) + `"><body data-network="` + html.EscapeString(string(network)) +
		`" data-embed="` + name + `"><main>` + strings.TrimSpace(section.String()) + "</main></body></html>")
}

// FuzzSplice: whatever a URL's query holds, Splice renders the page (the
// field's message for a value the calculator refuses), never an error or
// a panic, and only the calculator's section changes.
func FuzzSplice(f *testing.F) {
	r, err := NewRenderer()
	if err != nil {
		f.Fatal(err)
	}
	pages := map[locale.Tag][]byte{}
	for _, lang := range locale.Tags {
		pages[lang] = builtEmbed(f, r, lang, "profit")
	}
	for _, seed := range []string{"price=abc", "price=85000", "price=%2485k", "price=-1&currency=VND", "currency=XYZ",
		"currency=VND&usd_vnd=-5&usd_vnd_date=x", "hashrate=&difficulty=", "price=1e999", "price=%00%ff", "power_price=0,05",
		"price=" + strings.Repeat("9", 400), "uptime=NaN&pool_fee=Inf"} {
		f.Add(seed, true)
		f.Add(seed, false)
	}
	f.Fuzz(func(t *testing.T, query string, vi bool) {
		lang := locale.EN
		if vi {
			lang = locale.VI
		}
		q, _ := url.ParseQuery(query)
		page := pages[lang]
		out, _, err := r.Splice(page, "/embed/profit/", q)
		if err != nil {
			t.Fatalf("%q: %v", query, err)
		}
		before, _, _ := bytes.Cut(page, []byte("<main>"))
		if !bytes.HasPrefix(out, before) || !bytes.HasSuffix(out, []byte("</main></body></html>")) {
			t.Fatalf("%q: the page around the calculator changed", query)
		}
	})
}

// TestSpliceUnreadablePage: a page Splice cannot read (no figures, an
// open section, an unknown calculator) is an error, and the page comes back as it was, never a
// panic.
func TestSpliceUnreadablePage(t *testing.T) {
	r, err := NewRenderer()
	if err != nil {
		t.Fatal(err)
	}
	good := builtEmbed(t, r, locale.EN, "profit")
	q := url.Values{"price": {"85000"}}
	for name, page := range map[string][]byte{
		"no body":        bytes.Replace(good, []byte("<body"), []byte("<div"), 1),
		"no section end": bytes.Replace(good, []byte("</section>"), nil, 1),
		"no such widget": bytes.Replace(good, []byte(`data-calc="profit"`), []byte(`data-calc="nope"`), 1),
		"only the start": []byte(`<section data-calc="profit">`),
	} {
		out, rendered, err := r.Splice(page, "/embed/profit/", q)
		if err == nil || rendered || !bytes.Equal(out, page) {
			t.Errorf("%s: rendered %v, error %v", name, rendered, err)
		}
	}
}

// TestSplicePresetsFromTheForm: what an article's text fixed is read from
// its form, whatever its scenario link carries (a link may leave out a
// preset equal to the start value): a scenario keeps the text's fees.
func TestSplicePresetsFromTheForm(t *testing.T) {
	r, err := NewRenderer()
	if err != nil {
		t.Fatal(err)
	}
	snap := netdata.Committed()
	preset := calc.Values{"fees": {"0.5"}}
	for _, lang := range locale.Tags {
		v, err := New(Page{Path: "/x/", Snapshot: snap}, lang, "hashprice-1", "hashprice", preset, 2, time.Unix(snap.Time, 0))
		if err != nil {
			t.Fatal(err)
		}
		tmpl, _ := r.template(map[string]string{})
		var section bytes.Buffer
		if err := tmpl.ExecuteTemplate(&section, "calc", v); err != nil {
			t.Fatal(err)
		}
		network, _ := json.Marshal(snap)
		page := regexp.MustCompile(`(class="share"[^>]*href=")[^"]*`).ReplaceAllString(`<html lang="`+string(lang)+`"><body data-network="`+
			html.EscapeString(string(network))+`">`+section.String()+`</body></html>`, "${1}/x/")
		out, rendered, err := r.Splice([]byte(page), "/x/", url.Values{"hashprice-1.price": {"85000"}})
		if err != nil || !rendered {
			t.Fatalf("%s: rendered %v, %v", lang, rendered, err)
		}
		want := v.W.RenderIn(snap, "fees=0.5&price=85000", lang).Values[0]
		if !strings.Contains(string(out), `data-key="`+want.Key+`" data-value="`+RawValue(want.Raw)+`"`) {
			t.Errorf("%s: the scenario lost the text's fees: no %s=%v in\n%s", lang, want.Key, want.Raw, out)
		}
	}
}
