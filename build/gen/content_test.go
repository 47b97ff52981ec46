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
