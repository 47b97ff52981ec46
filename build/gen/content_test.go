package gen

import (
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
