//go:build js && wasm

// Command app is the page's WebAssembly. It keeps one Go instance alive and
// answers synchronously with the code the server runs:
//
//	hashswitch.call("/api/v1/hashprice?price=85000&...")
//	// {status, body}: the API's answer (package calc)
//	hashswitch.widget("hashprice", "price=85000&...", "en", "hashprice-2", "price")
//	// the calculator rendered (package widget) with its links, which carry
//	// the inputs the reader set (the last argument), as JSON text
//	hashswitch.network(answerJSON, from, "en")
//	// the page's network figures: an /api/v1/network answer, and where it
//	// came from ("" the build, "live", "pinned", "offline"); returns the
//	// freshness line as JSON {text, warn, iso, source, lines}
//	hashswitch.pin("2025-11-25", "en")
//	// the same for a committed dated snapshot, or {error} in the language
//	hashswitch.eras(readingsJSON, "en")
//	// the processor, graphics card and ASIC comparison (eras.go)
//
// The page script writes what these return as it is: links, lines and
// messages are Go's, so no rule of the page lives in JavaScript too.
//
// All JavaScript goes through safejs, so an interop failure is an error
// value; every callback recovers; hashswitch.close() releases every Func
// and ends the program.
package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/hack-pad/safejs"

	"github.com/hashswitch/hashswitch/wasm/calc"
	"github.com/hashswitch/hashswitch/wasm/chain"
	"github.com/hashswitch/hashswitch/wasm/cmd/internal/jsexport"
	"github.com/hashswitch/hashswitch/wasm/internal/tinyjson"
	"github.com/hashswitch/hashswitch/wasm/locale"
	"github.com/hashswitch/hashswitch/wasm/netdata"
	"github.com/hashswitch/hashswitch/wasm/present"
	"github.com/hashswitch/hashswitch/wasm/widget"
)

func main() {
	// A keystroke must not wait on the collector: let the heap grow 4x
	// between collections, and collect when the page is idle (idle()).
	debug.SetGCPercent(400)
	done := make(chan struct{})
	release, err := export(func() { close(done) })
	if err != nil {
		os.Stderr.WriteString("hashswitch: " + err.Error() + "\n")
		os.Exit(1)
	}
	<-done
	release()
}

// export publishes globalThis.hashswitch and calls hashswitchReady() if
// the page set it. It returns the function that releases every Func.
func export(onClose func()) (release func(), err error) {
	return jsexport.Export("hashswitch", map[string]jsexport.Func{
		"call":    callResult,
		"widget":  widgetResult,
		"network": networkResult,
		"pin":     pinResult,
		"idle": func([]safejs.Value) any {
			runtime.GC()
			return nil
		},
		"rate": rateResult,
		"eras": erasResult,
		"close": func([]safejs.Value) any {
			onClose()
			return nil
		},
	}, func(message string) any { return result(calc.ErrorAnswer(calc.StatusInternal, message)) })
}

// callResult answers call(url): a plain object with the answer's status and
// body text.
func callResult(args []safejs.Value) any {
	strs, ok := jsexport.Strings(args, 1)
	if !ok {
		return errorResult("hashswitch.call wants one string, a URL such as /api/v1/hashprice?price=85000")
	}
	return result(calc.GetURL(strs[0]))
}

func result(a calc.Answer) map[string]any {
	return map[string]any{"status": a.Status, "body": string(a.Body)}
}

// widgetResult answers widget(name, query[, lang[, id[, given]]]): the
// calculator's Result as JSON, with its links (pageResult). query is the
// form's, its numbers as a reader of lang ("en", the default, or "vi")
// types them; id is the calculator's on its page, "" (the default) on its
// embed; given names the inputs the reader, a URL or the page's text set,
// comma-separated (by default, those query has), which the links carry
// where they differ from the start values (widget.Captured).
func widgetResult(args []safejs.Value) any {
	strs, ok := jsexport.Strings(args, len(args))
	if !ok || len(strs) < 2 || len(strs) > 5 {
		return errorBody(widgetUsage)
	}
	given := strs[min(len(strs), 4):]
	strs = append(strs[:min(len(strs), 4)], []string{"", "", "en", ""}[min(len(strs), 4):]...) // the defaults: English, an embed
	name, query, id := strs[0], strs[1], strs[3]
	lang, known := locale.Parse(strs[2])
	if !known {
		return errorBody(widgetUsage)
	}
	w := widget.Lookup(name)
	if w == nil {
		return errorBody("hashswitch.widget: no calculator " + strconv.Quote(name))
	}
	snap := page.current(time.Now())
	typed := w.Typed(query, lang)
	r := w.RenderIn(snap, typed, lang)
	b, err := tinyjson.Append(out[:0], r)
	if err != nil {
		return errorBody("hashswitch.widget: " + err.Error())
	}
	// The scenario's links, which the page writes as they are: "share",
	// relative to the page ("?hashprice-2.price=50000#hashprice-2"), and
	// "embed", and "summary", what they carry in words.
	if r.Error == nil {
		captured := w.Captured(snap, r.Query, givenNames(w, typed, given))
		b = addField(b, "share", tinyjson.AppendString(nil, widget.Share(id, captured)))
		b = addField(b, "embed", tinyjson.AppendString(nil, widget.Embed(lang, name, captured)))
		b = addField(b, "summary", tinyjson.AppendString(nil, w.Describe(lang, captured)))
	}
	out = b
	return string(b)
}

const widgetUsage = "hashswitch.widget wants two to five strings: a calculator name, its URL parameters, a language (en, vi), the calculator's id on its page and the inputs set, comma-separated"

// givenNames is widget's given argument as a list: the names in it, or
// without it the inputs query has.
func givenNames(w *widget.Widget, query string, given []string) []string {
	if len(given) > 0 {
		return strings.Split(given[0], ",")
	}
	q, _ := calc.ParseQuery(query)
	var names []string
	for _, in := range w.Inputs {
		if q.Has(in.Name) {
			names = append(names, in.Name)
		}
	}
	return names
}

// addField adds "name": value (JSON) to the JSON object obj: tinyjson
// writes no embedded struct, and a copy of the widget's Result would cost
// a keystroke its charts' bytes again.
func addField(obj []byte, name string, value []byte) []byte {
	obj = obj[:len(obj)-1]
	if len(obj) > 1 {
		obj = append(obj, ',')
	}
	obj = append(tinyjson.AppendString(obj, name), ':')
	return append(append(obj, value...), '}')
}

// out holds the widget results' JSON, reused from one keystroke to the
// next; tinyjson does not escape the charts' < and > as \u003c (a JSON
// string needs none; it doubled encoding/json's time on every keystroke).
var out []byte

// page holds the network figures the page's calculators start from: the
// committed snapshot (read when first needed, not at the start) until the
// page says otherwise.
var page pageNetwork

type pageNetwork struct {
	snap netdata.Snapshot // none yet while AsOf is empty
	from string
}

// current is the snapshot to compute from at now: the build's or a pinned
// one as it is, so the page computes what it prerendered; live figures
// (or the last kept offline) with their height moved on by the clock when
// they are old.
func (p *pageNetwork) current(now time.Time) netdata.Snapshot {
	if p.snap.AsOf == "" {
		*p = pageNetwork{snap: netdata.Committed(), from: widget.FromBuild}
	}
	if p.from == widget.FromPinned || p.from == widget.FromBuild {
		return p.snap
	}
	return p.snap.EstimatedAt(now)
}

// networkResult answers network(answerJSON, from[, lang]): it keeps the
// snapshot and returns the freshness line in lang as JSON, or {"error":...}.
func networkResult(args []safejs.Value) any {
	lang, known := langArg(args, 2)
	strs, ok := jsexport.Strings(args[:min(len(args), 2)], 2)
	if !ok || !known {
		return `{"error":"hashswitch.network wants two or three strings: an /api/v1/network answer, where it came from and a language (en, vi)"}`
	}
	var s netdata.Snapshot
	if err := tinyjson.Unmarshal([]byte(strs[0]), &s); err != nil || s.AsOf == "" || s.Difficulty <= 0 || s.PriceUSD <= 0 {
		return `{"error":"hashswitch.network: not an /api/v1/network answer"}`
	}
	switch strs[1] {
	case widget.FromBuild, widget.FromLive, widget.FromPinned, widget.FromOffline:
	default:
		return `{"error":"hashswitch.network: from must be \"\", live, pinned or offline"}`
	}
	return keep(s, strs[1], lang)
}

// pinResult answers pin(asof[, lang]): network's answer for the committed
// snapshot of day asof (YYYY-MM-DD), or {"error":...}, the problem as the
// API states it ("asof: has no snapshot for …"), in lang.
func pinResult(args []safejs.Value) any {
	lang, known := langArg(args, 1)
	strs, ok := jsexport.Strings(args[:min(len(args), 1)], 1)
	if !ok || !known {
		return `{"error":"hashswitch.pin wants one or two strings: a date (YYYY-MM-DD) and a language (en, vi)"}`
	}
	result, bad := calc.Run(calc.Network, calc.QueryOf(calc.Network, chain.MainNet, calc.Values{calc.AsOf.Name: {strs[0]}}))
	if bad != nil {
		e := present.New(lang, nil).Error(bad.FieldError)
		b, _ := tinyjson.Marshal(map[string]string{"error": e.Field + ": " + e.Message})
		return string(b)
	}
	s, _ := netdata.Dated(result.(*calc.NetworkResult).AsOf)
	return keep(s, widget.FromPinned, lang)
}

// keep makes snapshot s, from where it came from, the page's figures and
// returns their freshness line in lang as JSON.
func keep(s netdata.Snapshot, from string, lang locale.Tag) string {
	page = pageNetwork{snap: s, from: from}
	now := time.Now()
	f := widget.FreshnessIn(page.current(now), now, page.from, lang)
	lines := map[string]string{}
	for _, w := range widget.Widgets() {
		lines[w.Name] = f.For(w)
	}
	b, _ := tinyjson.Marshal(f)
	// "lines": the line each calculator shows (widget.Freshness.For), by
	// name.
	l, _ := tinyjson.Marshal(lines)
	return string(addField(b, "lines", l))
}

// rateResult answers rate(hashesPerSecond[, lang]): "1.23 MH/s".
func rateResult(args []safejs.Value) any {
	lang, ok := langArg(args, 1)
	if !ok || len(args) < 1 || !isNumber(args[0]) {
		return ""
	}
	h, err := args[0].Float()
	if err != nil {
		return ""
	}
	return lang.Style().Rate(h)
}

// langArg reads an optional last argument at index i, a language ("en",
// "vi"); ok is false when args has more than i+1 values or that one is
// not a language of the site.
func langArg(args []safejs.Value, i int) (locale.Tag, bool) {
	if len(args) <= i {
		return locale.EN, true
	}
	strs, ok := jsexport.Strings(args[i:], 1)
	if !ok {
		return locale.EN, false
	}
	return locale.Parse(strs[0])
}

// isNumber reports whether v is a JavaScript number (not a BigInt).
func isNumber(v safejs.Value) bool {
	t, ok := jsexport.TypeOf(v)
	return ok && t == safejs.TypeNumber
}

// errorBody is a widget Result with an error, as JSON text.
func errorBody(message string) string {
	b, _ := tinyjson.Marshal(widget.Failed(calc.StatusBadInput, &calc.FieldError{Message: message}))
	return string(b)
}

// errorResult is a 400 answer in the API's error format, for calls that do
// not even reach the handler.
func errorResult(message string) map[string]any {
	return result(calc.ErrorAnswer(calc.StatusBadInput, message))
}
