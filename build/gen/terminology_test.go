package gen

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hashswitch/hashswitch/wasm/locale"
)

// term is one rule of wasm/locale/terminology.vi.json.
type term struct {
	EN       string   `json:"en"`
	VI       string   `json:"vi"`
	Avoid    []string `json:"avoid"`
	Allow    []string `json:"allow"`
	FirstUse bool     `json:"first_use"`
	Scope    string   `json:"scope"` // "", "content" or "catalog"
	Why      string   `json:"why"`
}

func terminology(t *testing.T) []term {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(root, "wasm", "locale", "terminology.vi.json"))
	if err != nil {
		t.Fatal(err)
	}
	var list struct{ Terms []term }
	if err := json.Unmarshal(data, &list); err != nil {
		t.Fatal(err)
	}
	if len(list.Terms) < 10 {
		t.Fatalf("only %d terms", len(list.Terms))
	}
	return list.Terms
}

// proseOf keeps what a reader reads as Vietnamese: it drops code spans,
// links' addresses, computed numbers ({{…}}) and calculator fences.
var notProse = regexp.MustCompile("(?m)`[^`\n]*`|<https?://[^>\\s]*>|\\]\\([^)\\s]*\\)|\\{\\{[^}]*\\}\\}|^```calc.*$")

func proseOf(src string) string { return notProse.ReplaceAllString(src, " ") }

// allowed takes the term's allowed phrases out of text.
func (tm term) allowed(text string) string {
	for _, a := range tm.Allow {
		text = regexp.MustCompile(`(?i)`+regexp.QuoteMeta(a)).ReplaceAllString(text, " ")
	}
	return text
}

// violations returns what text says that term forbids.
func (tm term) violations(text string) []string {
	text = tm.allowed(text)
	var out []string
	for _, a := range tm.Avoid {
		out = append(out, regexp.MustCompile(`(?i)`+a).FindAllString(text, -1)...)
	}
	return out
}

func TestTermViolations(t *testing.T) {
	calc := term{Avoid: []string{"máy tính"}, Allow: []string{"máy tính xách tay"}}
	if v := calc.violations("một máy tính xách tay chạy Máy tính này"); len(v) != 1 {
		t.Errorf("%q", v)
	}
	farm := term{Avoid: []string{"trại đào"}, Allow: []string{"trang trại đào"}}
	if v := farm.violations("một trang trại đào, không phải trại đào"); len(v) != 1 {
		t.Errorf("%q", v)
	}
	if got := proseOf("gấp {{convert.x fmt=ratio}} `hashrate` [a](/vi/x/) <https://x.y/máy-tính>"); strings.Contains(got, "ratio") || strings.Contains(got, "hashrate") || strings.Contains(got, "máy") {
		t.Errorf("%q", got)
	}
}

// TestVietnameseTerminology applies the terminology list to every
// Vietnamese explainer and to every translation in vi.json.
func TestVietnameseTerminology(t *testing.T) {
	terms := terminology(t)
	pages, _ := filepath.Glob(filepath.Join(root, "content", "vi", "*.md"))
	if len(pages) < 3 {
		t.Fatalf("%d Vietnamese explainers", len(pages))
	}
	for _, tm := range terms {
		if tm.EN == "" || tm.VI == "" || tm.Why == "" || (len(tm.Avoid) == 0 && !tm.FirstUse) {
			t.Errorf("%+v: a term needs en, vi, why, and words to avoid or a first-use rule", tm)
		}
		if tm.Scope != "catalog" {
			for _, p := range pages {
				src, err := os.ReadFile(p)
				if err != nil {
					t.Fatal(err)
				}
				prose := proseOf(string(src))
				for _, v := range tm.violations(prose) {
					t.Errorf("content/vi/%s says %q: write %q for %q (%s)", filepath.Base(p), v, tm.VI, tm.EN, tm.Why)
				}
				if tm.FirstUse {
					word := strings.ToLower(tm.EN)
					lower := strings.ToLower(tm.allowed(prose))
					if i := strings.Index(lower, word); i >= 0 && !strings.HasSuffix(lower[:i+len(word)], strings.ToLower(tm.VI)[:strings.Index(strings.ToLower(tm.VI), word)+len(word)]) {
						t.Errorf("content/vi/%s first says %q without explaining it: write %q the first time", filepath.Base(p), tm.EN, tm.VI)
					}
				}
			}
		}
		if tm.Scope != "content" {
			for en, vi := range locale.VI.Catalog() {
				for _, v := range tm.violations(vi) {
					t.Errorf("vi.json translates %q as %q, which says %q: write %q for %q (%s)", en, vi, v, tm.VI, tm.EN, tm.Why)
				}
			}
		}
	}
}
