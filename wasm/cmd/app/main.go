//go:build js && wasm

// Command app is the page's WebAssembly. It keeps one Go instance alive and
// answers synchronously with the code the server runs:
//
//	hashswitch.call("/api/v1/hashprice?price=85000&...")
//	// {status, body}: the API's answer (package calc)
//	hashswitch.widget("hashprice", "price=85000&...", "en")
//	// the calculator rendered (package widget), as JSON text
//	hashswitch.network(answerJSON, from)
//	// the page's network figures: an /api/v1/network answer, and where it
//	// came from ("" the build, "live", "pinned", "offline"); returns the
//	// freshness line as JSON {text, warn, iso}
//	hashswitch.countdown(etaUnix, nowUnix, "en")
//	// "862 days 04:12:09"
//	hashswitch.eras(readingsJSON, "en")
//	// the processor, graphics card and ASIC comparison (eras.go)
//
// All JavaScript goes through safejs, so an interop failure is an error
// value; every callback recovers; hashswitch.close() releases every Func
// and ends the program.
package main

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"time"

	"github.com/hack-pad/safejs"

	"github.com/hashswitch/hashswitch/wasm/calc"
	"github.com/hashswitch/hashswitch/wasm/cmd/internal/jsexport"
	"github.com/hashswitch/hashswitch/wasm/internal/tinyjson"
	"github.com/hashswitch/hashswitch/wasm/locale"
	"github.com/hashswitch/hashswitch/wasm/netdata"
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
		"call":      callResult,
		"widget":    widgetResult,
		"countdown": countdownResult,
		"network":   networkResult,
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

// widgetResult answers widget(name, query[, lang]): the calculator's
// Result as JSON. query is the form's, its numbers as a reader of lang
// ("en", the default, or "vi") types them.
func widgetResult(args []safejs.Value) any {
	lang, known := langArg(args, 2)
	strs, ok := jsexport.Strings(args[:min(len(args), 2)], 2)
	if !ok || !known {
		return errorBody("hashswitch.widget wants two or three strings: a calculator name, its URL parameters and a language (en, vi)")
	}
	name, query := strs[0], strs[1]
	w := widget.Lookup(name)
	if w == nil {
		return errorBody("hashswitch.widget: no calculator " + strconv.Quote(name))
	}
	b, err := tinyjson.Append(out[:0], w.RenderIn(page.current(time.Now()), w.Typed(query, lang), lang))
	if err != nil {
		return errorBody("hashswitch.widget: " + err.Error())
	}
	out = b
	return string(b)
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
	page = pageNetwork{snap: s, from: strs[1]}
	now := time.Now()
	b, _ := tinyjson.Marshal(widget.FreshnessIn(page.current(now), now, page.from, lang))
	return string(b)
}

// countdownResult answers countdown(eta, now[, lang]), both unix seconds.
func countdownResult(args []safejs.Value) any {
	lang, ok := langArg(args, 2)
	if !ok || len(args) < 2 || !isNumber(args[0]) || !isNumber(args[1]) {
		return ""
	}
	eta, err1 := args[0].Float()
	now, err2 := args[1].Float()
	if err1 != nil || err2 != nil || math.IsNaN(eta) || math.IsNaN(now) || math.Abs(eta) > 1e15 || math.Abs(now) > 1e15 {
		return ""
	}
	return lang.Style().Countdown(int64(eta), int64(now))
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
	b, _ := tinyjson.Marshal(widget.Result{Status: calc.StatusBadInput, Error: &calc.FieldError{Message: message}})
	return string(b)
}

// errorResult is a 400 answer in the API's error format, for calls that do
// not even reach the handler.
func errorResult(message string) map[string]any {
	return result(calc.ErrorAnswer(calc.StatusBadInput, message))
}
