package gen

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/hashswitch/hashswitch/wasm/locale"
	"github.com/hashswitch/hashswitch/wasm/present"
	"github.com/hashswitch/hashswitch/wasm/widget"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
)

// notRead drops from an explainer what is not its running prose: the
// front matter, fences (calculators, tables of deals), headings (a
// headline may use a term bare: the body spells it out), footnotes
// (citations), computed numbers and code spans.
var notRead = regexp.MustCompile("(?s:\\A---\n.*?\n---\n)|(?ms:^```.*?^```[^\n]*$)|(?m:^#.*$)|(?m:^\\[\\^[^\\]]*\\]:.*$)|\\{\\{[^}]*\\}\\}|`[^`\n]*`")

// otherLink is a link that is not to the glossary: its address is not read.
var otherLink = regexp.MustCompile(`\]\((?:[^)#\s]|#)[^)\s]*\)`)

// readProse is an explainer's running prose with its links' addresses
// dropped, but the glossary's kept, as ](/glossary/#anchor).
func readProse(src string) string {
	text := notRead.ReplaceAllString(src, " ")
	return otherLink.ReplaceAllStringFunc(text, func(m string) string {
		if strings.Contains(m, "/glossary/#") {
			return m
		}
		return "]"
	})
}

// wordRe matches word as a word of its own ("sat", not "satoshi" or
// "sats"), in any case.
func wordRe(word string) *regexp.Regexp {
	return regexp.MustCompile(`(?i)(?:^|[^\p{L}\p{N}/])(` + regexp.QuoteMeta(word) + `)(?:$|[^\p{L}\p{N}/])`)
}

// glossWindow is how far from its glossary link a term's spelled-out
// words may be: "[PUE](/glossary/#pue), or power usage effectiveness,".
const glossWindow = 160

// spelledOut reports whether text spells out spelled: each of its words
// of three letters or more is there, but for an ending ("petahash per
// second" for "petahashes per second", "a satoshi" for "satoshis"), in
// any order ("what one PH/s of mining earns in a day, in dollars").
func spelledOut(text, spelled string) bool {
	text = strings.ToLower(text)
	for _, w := range strings.FieldsFunc(strings.ToLower(spelled), func(r rune) bool { return r == ' ' || r == ',' }) {
		r := []rune(w)
		if len(r) < 3 {
			continue
		}
		if !strings.Contains(text, string(r[:max(min(4, len(r)), len(r)-2)])) {
			return false
		}
	}
	return true
}

// firstUseErrors says where prose, in lang, uses one of present.Terms
// before, or without, its first use spelled out and linked to the
// glossary: a link to /glossary/#anchor (/vi/glossary/ in Vietnamese)
// with the term's spelled-out words (as the catalog translates them)
// within glossWindow characters of it, and no use of the term before
// the link.
func firstUseErrors(lang locale.Tag, prose string) []string {
	var errs []string
	seen := map[string]bool{}
	for _, tm := range present.Terms {
		if seen[tm.Anchor] {
			continue
		}
		seen[tm.Anchor] = true
		var group []present.Term // the terms of one entry: "J/TH" and "J per TH"
		for _, o := range present.Terms {
			if o.Anchor == tm.Anchor {
				group = append(group, o)
			}
		}
		first, firstWord := -1, ""
		for _, o := range group {
			if m := wordRe(o.Word).FindStringSubmatchIndex(prose); m != nil && (first < 0 || m[2] < first) {
				first, firstWord = m[2], o.Word
			}
		}
		if first < 0 {
			continue
		}
		href := widget.LangPrefix(lang) + "/glossary/#" + tm.Anchor + ")"
		link := regexp.MustCompile(`\[[^\]]*\]\(` + regexp.QuoteMeta(href)).FindStringIndex(prose)
		if link == nil {
			errs = append(errs, "uses "+quote(firstWord)+" without a link to "+strings.TrimSuffix(href, ")")+": "+quote(excerpt(prose, first)))
			continue
		}
		near := around(prose, link[0], link[1], glossWindow)
		ok := false
		for _, o := range group {
			ok = ok || spelledOut(near, lang.T(o.Spelled))
		}
		switch {
		case first < link[0]:
			errs = append(errs, "uses "+quote(firstWord)+" before its spelled-out, linked first use: "+quote(excerpt(prose, first)))
		case !ok:
			errs = append(errs, "links "+quote(tm.Word)+" to the glossary without spelling it out ("+quote(lang.T(tm.Spelled))+") next to the link: "+quote(near))
		}
	}
	return errs
}

// around is s[from:to] and n characters (runes) either side.
func around(s string, from, to, n int) string {
	for ; n > 0 && from > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(s[:from])
		from -= size
		if to < len(s) {
			_, size = utf8.DecodeRuneInString(s[to:])
			to += size
		}
	}
	for ; n > 0 && to < len(s); n-- {
		_, size := utf8.DecodeRuneInString(s[to:])
		to += size
	}
	return s[from:to]
}

func quote(s string) string { return "“" + s + "”" }

func excerpt(s string, i int) string {
	return strings.ToValidUTF8(strings.Join(strings.Fields(s[max(0, i-40):min(len(s), i+40)]), " "), "")
}

func TestFirstUseRule(t *testing.T) {
	ok := "A hall at 1.3 [PUE](/glossary/#pue) (power usage effectiveness) spends 30% more; PUE 1.0 is none."
	for _, c := range []struct {
		prose string
		lang  locale.Tag
		errs  int
	}{
		{ok, locale.EN, 0},
		{"Its PUE is 1.3. " + ok, locale.EN, 1},                                            // bare before
		{"A hall at 1.3 PUE spends 30% more.", locale.EN, 1},                               // never linked
		{"A hall at 1.3 [PUE](/glossary/#pue) spends 30% more.", locale.EN, 1},             // not spelled out
		{"A hall at 1.3 [PUE](/glossary/#pue) (power usage effectiveness).", locale.VI, 1}, // English link and words
		{"Hiệu suất 1,3 [PUE](/vi/glossary/#pue) (hiệu quả sử dụng điện năng).", locale.VI, 0},
		{"the [net present value](/glossary/#npv) (NPV), and NPV again", locale.EN, 0},
		{"one [petahash per second](/glossary/#phs) (PH/s)", locale.EN, 0},
		{"[Hashprice](/glossary/#hashprice) is what one [PH/s](/glossary/#phs) (petahash per second) of mining earns in a day.", locale.EN, 1}, // not "in dollars"
		{"0.5 sats and satoshi and sat/vB", locale.EN, 0},                                                                                      // not the word "sat"
		{"a 0.5 sat fee", locale.EN, 1},
		{"a 17.5 J/TH machine, 17.5 [J/TH](/glossary/#jth) (joules per terahash)", locale.EN, 1},
	} {
		if got := firstUseErrors(c.lang, readProse(c.prose)); len(got) != c.errs {
			t.Errorf("%q: %d errors, want %d: %q", c.prose, len(got), c.errs, got)
		}
	}
	if got := readProse("---\ntitle: PUE\n---\n## PUE\n```calc convert pue=1\n```\n[^x]: PUE\n`PUE` {{convert.pue fmt=x}} [a](/mining-vs-ai/#pue)"); strings.Contains(got, "PUE") || strings.Contains(got, "pue") {
		t.Errorf("%q", got)
	}
}

// TestTermsSpelledOutAtFirstUse: every explainer, in English and in
// Vietnamese, spells out each glossary term (present.Terms, the list
// the calculators' labels link from) at its first use in the page's
// prose and links it to the glossary entry, which exists.
func TestTermsSpelledOutAtFirstUse(t *testing.T) {
	for _, lang := range []locale.Tag{locale.EN, locale.VI} {
		dir := contentDir(root, lang)
		glossary, err := os.ReadFile(filepath.Join(dir, "glossary.md"))
		if err != nil {
			t.Fatal(err)
		}
		var html bytes.Buffer
		body := regexp.MustCompile("(?s)\\A---\n.*?\n---\n").ReplaceAll(glossary, nil)
		if err := goldmark.New(goldmark.WithParserOptions(parser.WithAutoHeadingID())).Convert(body, &html); err != nil {
			t.Fatal(err)
		}
		for _, tm := range present.Terms {
			if !strings.Contains(html.String(), ` id="`+tm.Anchor+`"`) {
				t.Errorf("%s/glossary.md has no entry #%s for %q", dir, tm.Anchor, tm.Word)
			}
		}
		pages, _ := filepath.Glob(filepath.Join(dir, "*.md"))
		checked := 0
		for _, p := range pages {
			if filepath.Base(p) == "glossary.md" {
				continue
			}
			src, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range firstUseErrors(lang, readProse(string(src))) {
				t.Errorf("%s: %s", strings.TrimPrefix(p, root+"/"), e)
			}
			checked++
		}
		if checked < 10 {
			t.Errorf("%s: only %d explainers", lang, checked)
		}
	}
}
