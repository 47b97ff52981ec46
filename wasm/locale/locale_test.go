package locale

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParse(t *testing.T) {
	for in, want := range map[string]Tag{"vi": VI, "vi-VN": VI, " EN ": EN, "en-GB": EN} {
		if got, ok := Parse(in); !ok || got != want {
			t.Errorf("Parse(%q) = %q %v", in, got, ok)
		}
	}
	for _, in := range []string{"", "fr", "v", "vietnamese"} {
		if _, ok := Parse(in); ok {
			t.Errorf("Parse(%q) accepted", in)
		}
	}
}

// TestCatalogIsClean: every translation is valid UTF-8, not empty, not
// padded, and has its source's placeholders (and % signs).
func TestCatalogIsClean(t *testing.T) {
	if len(VI.Catalog()) == 0 {
		t.Fatal("no Vietnamese catalog")
	}
	for en, vi := range VI.Catalog() {
		if vi == "" || !utf8.ValidString(vi) || vi != strings.TrimSpace(vi) || en != strings.TrimSpace(en) {
			t.Errorf("%q: %q", en, vi)
		}
		if strings.Count(en, "%") != strings.Count(vi, "%") {
			t.Errorf("%q and %q differ in their %%s", en, vi)
		}
	}
	if VI.T("Bitcoin price") != "Giá bitcoin" || EN.T("Bitcoin price") != "Bitcoin price" || VI.T("no such string") != "no such string" {
		t.Error("T does not translate")
	}
}

func TestTypedAndShown(t *testing.T) {
	for vi, api := range map[string]string{"85.000": "85,000", "85.000,5": "85,000.5", "0,02": "0.02", "1,5e12": "1.5e12", "$85k": "$85k", "85 000": "85 000"} {
		if got := VI.Typed(vi); got != api {
			t.Errorf("Typed(%q) = %q, want %q", vi, got, api)
		}
		if got := VI.Shown(api); got != vi {
			t.Errorf("Shown(%q) = %q, want %q", api, got, vi)
		}
	}
	if EN.Typed("85,000.5") != "85,000.5" {
		t.Error("English changed")
	}
}
