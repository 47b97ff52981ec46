package oembed

import (
	"errors"
	"strings"
	"testing"

	"github.com/hashswitch/hashswitch/wasm/widget"
)

func TestFor(t *testing.T) {
	const base = "https://hashswitch.example"
	r, err := For(base, base+"/embed/hashprice/?price=50000&dark=true&calc=x&evil=%22", 400, 0)
	if err != nil {
		t.Fatal(err)
	}
	if r.Type != "rich" || r.Version != "1.0" || r.Width != 400 || r.Height != Height || r.Title != "Hashprice" || r.ProviderURL != base+"/" {
		t.Errorf("%+v", r)
	}
	if !strings.Contains(r.HTML, `src="https://hashswitch.example/embed/hashprice/?dark=true&amp;price=50000"`) ||
		!strings.Contains(r.HTML, `<script src="https://hashswitch.example/embed.js" async></script>`) || strings.Contains(r.HTML, "evil") {
		t.Errorf("html %s", r.HTML)
	}
	if r, _ := For(base, base+"/embed/halving/", 0, 300); r.Height != 300 || r.Width != Width {
		t.Errorf("maxheight: %+v", r)
	}
	for _, bad := range []string{"https://elsewhere.example/embed/hashprice/", base + "/embed/nothing/", base + "/hashprice/", "::", ""} {
		if _, err := For(base, bad, 0, 0); !errors.Is(err, ErrNotOurs) {
			t.Errorf("%q: %v", bad, err)
		}
	}
	// Every calculator has an answer.
	for _, w := range widget.Widgets() {
		if _, err := For(base, base+"/embed/"+w.Name+"/", 0, 0); err != nil {
			t.Errorf("%s: %v", w.Name, err)
		}
	}
}

// TestForVietnamese: a Vietnamese embed's URL, or an English one with
// ?lang=vi, is answered with the Vietnamese embed and its title.
func TestForVietnamese(t *testing.T) {
	const base = "https://hashswitch.example"
	for _, u := range []string{base + "/vi/embed/hashprice/?price=50000", base + "/embed/hashprice/?lang=vi&price=50000"} {
		r, err := For(base, u, 0, 0)
		if err != nil {
			t.Fatal(err)
		}
		if r.Title != "Hashprice" || !strings.Contains(r.HTML, `src="https://hashswitch.example/vi/embed/hashprice/?price=50000"`) {
			t.Errorf("%s: %+v", u, r)
		}
	}
	r, _ := For(base, base+"/vi/embed/attack/", 0, 0)
	if r.Title != "Chi phí một cuộc tấn công 51%" || !strings.Contains(r.HTML, `title="Chi phí một cuộc tấn công 51%"`) {
		t.Errorf("%+v", r)
	}
	for _, bad := range []string{base + "/vi/embed/nothing/", base + "/fr/embed/hashprice/", base + "/vi/hashprice/"} {
		if _, err := For(base, bad, 0, 0); !errors.Is(err, ErrNotOurs) {
			t.Errorf("%q: %v", bad, err)
		}
	}
}

func TestCodeEscapes(t *testing.T) {
	c := Code("https://a.example", `https://a.example/embed/x/?q="><script>`, `A "title" <b>`, 720)
	if strings.Contains(c, `"><script>`) || strings.Contains(c, "<b>") {
		t.Errorf("unescaped: %s", c)
	}
}

// TestForArticleScenario: an article's URL whose query sets one of its
// calculators (a share link) is answered with that calculator's embed and
// that scenario, its parameters without the page's scope; the fragment
// picks the calculator among several; an article without one is not ours.
func TestForArticleScenario(t *testing.T) {
	const base = "https://hashswitch.example"
	for _, c := range []struct{ url, src string }{
		{base + "/mining-vs-ai/?convert-1.mw=50", base + "/embed/convert/?mw=50"},
		{base + "/mining-vs-ai/?convert-2.mw=50&convert-2.power_price=0.07&dark=true#convert-2", base + "/embed/convert/?dark=true&amp;mw=50&amp;power_price=0.07"},
		{base + "/mining-vs-ai/?convert-1.mw=50&convert-3.mw=70#convert-3", base + "/embed/convert/?mw=70"},
		{base + "/vi/hashprice/?hashprice-2.price=50000#hashprice-2", base + "/vi/embed/hashprice/?price=50000"},
		{base + "/hashprice/?hashprice-2.price=50000&hashprice-2.evil=%22#hashprice-2", base + "/embed/hashprice/?price=50000"},
	} {
		r, err := For(base, c.url, 0, 0)
		if err != nil {
			t.Errorf("%s: %v", c.url, err)
			continue
		}
		if !strings.Contains(r.HTML, `src="`+c.src+`"`) {
			t.Errorf("%s: html %s, want src %s", c.url, r.HTML, c.src)
		}
	}
	for _, bad := range []string{base + "/mining-vs-ai/", base + "/mining-vs-ai/?dark=true", base + "/mining-vs-ai/?nothing-1.mw=50", base + "/mining-vs-ai/?convert-x.mw=50"} {
		if _, err := For(base, bad, 0, 0); !errors.Is(err, ErrNotOurs) {
			t.Errorf("%q: %v", bad, err)
		}
	}
}
