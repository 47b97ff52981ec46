package gen

import (
	"testing"

	"github.com/yuin/goldmark/ast"
)

// TestVietnameseHeadingIDs: a Vietnamese heading's anchor is its words
// without their diacritics (goldmark alone writes "Độ khó" as -kh), and a
// repeated one is numbered as goldmark numbers it.
func TestVietnameseHeadingIDs(t *testing.T) {
	ids := newFoldedIDs()
	for _, c := range []struct{ heading, id string }{
		{"Độ khó", "do-kho"},
		{"Phần thưởng khối", "phan-thuong-khoi"},
		{"Tỷ lệ chiết khấu", "ty-le-chiet-khau"},
		{"PH/s", "phs"},
		{"Độ khó", "do-kho-1"},
	} {
		if got := string(ids.Generate([]byte(c.heading), ast.KindHeading)); got != c.id {
			t.Errorf("%q: id %q, want %q", c.heading, got, c.id)
		}
	}
}
