package widget

import (
	"slices"
	"strings"

	"github.com/hashswitch/hashswitch/wasm/calc"
	"github.com/hashswitch/hashswitch/wasm/locale"
	"github.com/hashswitch/hashswitch/wasm/present"
)

// Where a calculator's scenario is linked from. The generator writes these
// links into the prerendered page and the page's WebAssembly writes them
// after each edit, with the same functions, so the page script keeps no
// URL rule of its own.

// EmbedPath is where calculator (or table) name's embed is for readers of
// lang: /embed/NAME/, /vi/embed/NAME/.
func EmbedPath(lang locale.Tag, name string) string {
	return LangPrefix(lang) + "/embed/" + name + "/"
}

// LangPrefix is where lang's pages are: "" for English, "/vi" for
// Vietnamese.
func LangPrefix(lang locale.Tag) string {
	if lang == locale.EN {
		return ""
	}
	return "/" + string(lang)
}

// Scope is what calculator id's parameters start with in its page's URL,
// so that a link sets that calculator alone: "hashprice-2." (a link sets
// hashprice-2.price=50000). An embed holds one calculator, id "": its
// parameters are bare.
func Scope(id string) string {
	if id == "" {
		return ""
	}
	return id + "."
}

// Share links to scenario query (the API's parameters, escaped as
// Result.Query has them) of calculator id, relative to its page:
// "?hashprice-2.price=50000#hashprice-2", the fragment scrolling to it; on
// an embed (id "") "?price=50000".
func Share(id, query string) string {
	if id == "" || query == "" {
		return "?" + query
	}
	scope := calc.QueryEscape(Scope(id)) // escaping is per byte: the scope's and the key's join
	return "?" + scope + strings.ReplaceAll(query, "&", "&"+scope) + "#" + id
}

// Embed links to scenario query of calculator name's embed in lang.
func Embed(lang locale.Tag, name, query string) string {
	return EmbedPath(lang, name) + "?" + query
}

// DisplayParams are the parameters that change how amounts are shown, not
// what is computed: dollars or dong, at the figures' rate or one given with
// its date and source. An embed passes its URL's to every computation.
func DisplayParams() []string { return slices.Clone(present.CurrencyParams) }
