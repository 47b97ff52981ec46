package gen

import (
	"strings"
	"testing"
)

func TestParseFrontMatter(t *testing.T) {
	fm, body, err := ParseFrontMatter([]byte("---\ntitle: Hashprice: explained\ndescription: From difficulty to dollars.\ndate: 2025-11-28\norder: 2\nsources:\n  - One, 2025\n  - [Two](https://example.com)\n---\n# Body\n"))
	if err != nil {
		t.Fatal(err)
	}
	if fm.Title != "Hashprice: explained" || fm.Order != 2 || len(fm.Sources) != 2 || fm.Sources[1] != "[Two](https://example.com)" || string(body) != "# Body\n" {
		t.Errorf("%+v %q", fm, body)
	}
	for _, bad := range []string{"# no front matter", "---\ntitle: x\n", "---\ntitle: x\ndescription: y\nauthor: z\n---\n", "---\ntitle: x\n---\n", "---\ntitle: x\ndescription: y\norder: two\n---\n"} {
		if _, _, err := ParseFrontMatter([]byte(bad)); err == nil {
			t.Errorf("accepted %q", strings.ReplaceAll(bad, "\n", "⏎"))
		}
	}
}
