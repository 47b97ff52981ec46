package gen

import (
	"unicode"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// foldedIDs are goldmark's heading ids, from the heading's words with
// their diacritics taken off first: "Độ khó" is #do-kho, not #-kh
// (goldmark keeps ASCII letters only), so Vietnamese headings get anchors
// a link can name.
type foldedIDs struct{ parser.IDs }

func newFoldedIDs() foldedIDs { return foldedIDs{parser.NewContext().IDs()} }

func (ids foldedIDs) Generate(value []byte, kind ast.NodeKind) []byte {
	return ids.IDs.Generate(foldDiacritics(value), kind)
}

// foldDiacritics writes s without its combining marks, and đ as d.
func foldDiacritics(s []byte) []byte {
	fold := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), runes.Map(func(r rune) rune {
		switch r {
		case 'đ':
			return 'd'
		case 'Đ':
			return 'D'
		}
		return r
	}), norm.NFC)
	out, _, err := transform.Bytes(fold, s)
	if err != nil {
		return s
	}
	return out
}
