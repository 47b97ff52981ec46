package widget

import (
	"slices"
	"strconv"
	"strings"

	"github.com/hashswitch/hashswitch/wasm/calc"
	"github.com/hashswitch/hashswitch/wasm/locale"
	"github.com/hashswitch/hashswitch/wasm/netdata"
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
	switch {
	case query == "" && id == "":
		return ""
	case query == "":
		return "#" + id // the page's own numbers
	case id == "":
		return "?" + query
	}
	scope := calc.QueryEscape(Scope(id)) // escaping is per byte: the scope's and the key's join
	return "?" + scope + strings.ReplaceAll(query, "&", "&"+scope) + "#" + id
}

// Embed links to scenario query of calculator name's embed in lang.
func Embed(lang locale.Tag, name, query string) string {
	if query == "" {
		return EmbedPath(lang, name)
	}
	return EmbedPath(lang, name) + "?" + query
}

// DisplayParams are the parameters that change how amounts are shown, not
// what is computed: dollars or dong, at the figures' rate or one given with
// its date and source. An embed passes its URL's to every computation.
func DisplayParams() []string { return slices.Clone(present.CurrencyParams) }

// Captured is what of a scenario an embed or a share link carries: of
// query (a Result's Query, every input in the API's form) the inputs named
// in given (what the reader typed, a URL or the page's text set) whose
// value differs from the form's start value for snapshot s, in the
// inputs' order, then the currency's parameters. Empty values are never
// written. A network figure the reader left alone (height, price,
// hashprice) is not given, so it is left out and the link stays live: it
// computes from the figures of the day it is opened.
func (w *Widget) Captured(s netdata.Snapshot, query string, given []string) string {
	q, err := calc.ParseQuery(query)
	if err != nil {
		return ""
	}
	var b strings.Builder
	for _, in := range w.Inputs {
		v := strings.TrimSpace(q.Get(in.Name))
		if v == "" || !slices.Contains(given, in.Name) || sameValue(v, in.StartValue(s)) {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('&')
		}
		b.WriteString(calc.QueryEscape(in.Name) + "=" + calc.QueryEscape(v))
	}
	return strings.TrimPrefix(present.KeepCurrency(b.String(), q), "&")
}

// sameValue reports whether two values of an input are the same: equal
// numbers (0.050 is 0.05), or equal text.
func sameValue(a, b string) bool {
	x, errA := strconv.ParseFloat(a, 64)
	y, errB := strconv.ParseFloat(b, 64)
	if errA == nil && errB == nil {
		return x == y
	}
	return a == b
}

// Describe says in lang what a captured scenario (Captured's query) sets,
// each input with its label, value and unit: "Site power: 50 MW at the
// meter; Power price: $0.07 per kWh". With nothing captured it says the
// link shows the calculator's own start values.
func (w *Widget) Describe(lang locale.Tag, captured string) string {
	q, _ := calc.ParseQuery(captured)
	p := present.New(lang, nil)
	var parts []string
	for _, in := range w.Inputs {
		if v := q.Get(in.Name); v != "" {
			parts = append(parts, p.Setting(in, v))
		}
	}
	if len(parts) == 0 {
		return lang.T(startValues)
	}
	return strings.Join(parts, "; ")
}

// startValues is Describe's words for a scenario that sets nothing.
const startValues = "The calculator's own starting values, with the network's figures of the day it is read."
