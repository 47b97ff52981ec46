package gen

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestParseFrontMatter(t *testing.T) {
	for _, src := range []string{
		"---\ntitle: \"Hashprice: explained\"\ndescription: From difficulty to dollars.\ndate: 2025-11-28\norder: 2\nsources:\n  - One, 2025\n  - \"[Two](https://example.com)\"\n---\n# Body\n",
		"---\r\ntitle: \"Hashprice: explained\"\r\ndescription: From difficulty to dollars.\r\ndate: 2025-11-28\r\norder: 2\r\nsources:\r\n  - One, 2025\r\n  - \"[Two](https://example.com)\"\r\n---\r\n# Body\r\n",
		"+++\ntitle = \"Hashprice: explained\"\ndescription = \"From difficulty to dollars.\"\ndate = \"2025-11-28\"\norder = 2\nsources = [\"One, 2025\", \"[Two](https://example.com)\"]\n+++\n# Body\n",
	} {
		fm, err := ParseFrontMatter([]byte(src))
		if err != nil {
			t.Fatalf("%q: %v", src, err)
		}
		if fm.Title != "Hashprice: explained" || fm.Date != "2025-11-28" || fm.Order != 2 || len(fm.Sources) != 2 || fm.Sources[1] != "[Two](https://example.com)" {
			t.Errorf("%q: %+v", src, fm)
		}
	}
	for _, bad := range []string{"# no front matter", "---\ntitle: x\n", "---\ntitle: x\ndescription: y\nauthor: z\n---\n", "---\ntitle: x\n---\n", "---\ntitle: x\ndescription: y\norder: two\n---\n"} {
		if _, err := ParseFrontMatter([]byte(bad)); err == nil {
			t.Errorf("accepted %q", strings.ReplaceAll(bad, "\n", "⏎"))
		}
	}
}

// TestNoUndatedToday: the explainers quote figures of a known date; a
// "today" about them is wrong a day later. Say the date instead.
func TestNoUndatedToday(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(root, "content", "*.md"))
	word := regexp.MustCompile(`(?i)\b(today|right now|currently|at the moment)\b`)
	for _, f := range files {
		src, _ := os.ReadFile(f)
		for i, line := range strings.Split(string(src), "\n") {
			if m := word.FindString(line); m != "" {
				t.Errorf("%s:%d says %q: write the date the figures are of", filepath.Base(f), i+1, m)
			}
		}
	}
}

// TestFootnotesNameTheirSource: no footnote or listed source is a bare
// "press coverage"; each names a publisher with a date, a specification,
// or says it is this site's assumption (../shared/FACTS.md's rule).
func TestFootnotesNameTheirSource(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(root, "content", "*.md"))
	named := regexp.MustCompile(`\b(19|20)\d\d\b|assumption|Bitcoin Core|Bitmain|FIPS|BIP|undated`)
	for _, f := range files {
		src, _ := os.ReadFile(f)
		fm, err := ParseFrontMatter(src)
		if err != nil {
			t.Fatal(err)
		}
		var notes []string
		for _, line := range strings.Split(string(src), "\n") {
			if strings.HasPrefix(line, "[^") && strings.Contains(line, "]:") {
				notes = append(notes, line)
			}
		}
		for _, n := range append(notes, fm.Sources...) {
			if strings.Contains(strings.ToLower(n), "press coverage") {
				t.Errorf("%s: %q cites press coverage: name the publisher, date and URL", filepath.Base(f), n)
			} else if !named.MatchString(n) {
				t.Errorf("%s: %q names no dated source and says it is no assumption", filepath.Base(f), n)
			}
		}
	}
}
