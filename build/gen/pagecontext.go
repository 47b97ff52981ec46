package gen

import (
	"github.com/yuin/goldmark/parser"

	"github.com/hashswitch/hashswitch/wasm/netdata"
)

// PageInfo is what a document's extensions need to know of the page it
// becomes. One converter renders every page of a language; what differs
// from page to page travels with each conversion in goldmark's parser
// context (NewPageContext), and the extensions copy it onto the nodes
// they make, which is all a node renderer sees (goldmark's footnotes
// carry their list the same way).
type PageInfo struct {
	Path string // the page's URL path, which its calculators' links name
	// Snapshot is the figures the page's prose numbers and its calculators
	// compute from, the same for both.
	Snapshot netdata.Snapshot
	// Pinned: the page dates its figures (asof in its front matter), so
	// what it shows of the past ends on that day.
	Pinned bool
}

var (
	pageInfoKey = parser.NewContextKey()
	calcsKey    = parser.NewContextKey()
)

// NewPageContext returns the parser context for converting one document
// of page p:
//
//	md.Convert(src, w, parser.WithContext(NewPageContext(p)))
func NewPageContext(p PageInfo) parser.Context {
	pc := parser.NewContext(parser.WithIDs(newFoldedIDs()))
	pc.Set(pageInfoKey, &p)
	return pc
}

// pageInfoOf is the page a conversion's context carries; nil when it
// carries none.
func pageInfoOf(pc parser.Context) *PageInfo {
	p, _ := pc.Get(pageInfoKey).(*PageInfo)
	return p
}

// CalcsIn lists the calculators of the document parsed with pc, in the
// order they appear.
func CalcsIn(pc parser.Context) []*Calc {
	calcs, _ := pc.Get(calcsKey).([]*Calc)
	return calcs
}
