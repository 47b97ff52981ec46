//go:build js && wasm

// Command app is the page's WebAssembly. It keeps one Go instance alive and
// answers synchronously with the code the server runs:
//
//	hashswitch.call("/api/v1/hashprice?price=85000&...")
//	// {status, body}: the API's answer (package calc)
//	hashswitch.widget("hashprice", "price=85000&...")
//	// the calculator rendered (package widget), as JSON text
//	hashswitch.countdown(etaUnix, nowUnix)
//	// "862 days 04:12:09"
//
// All JavaScript goes through safejs, so an interop failure is an error
// value; every callback recovers; hashswitch.close() releases every Func
// and ends the program.
package main

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"strconv"

	"github.com/hack-pad/safejs"

	"github.com/hashswitch/hashswitch/wasm/calc"
	"github.com/hashswitch/hashswitch/wasm/widget"
)

func main() {
	done := make(chan struct{})
	release, err := export(func() { close(done) })
	if err != nil {
		fmt.Fprintln(os.Stderr, "hashswitch:", err)
		os.Exit(1)
	}
	<-done
	release()
}

// export publishes globalThis.hashswitch with call(url) and close(), then
// calls globalThis.hashswitchReady() if the page set it. It returns the
// function that releases every Func it made.
func export(onClose func()) (release func(), err error) {
	var funcs []safejs.Func
	release = func() {
		for _, f := range funcs {
			f.Release()
		}
		funcs = nil
	}
	defer func() {
		if err != nil {
			release()
		}
	}()
	fn := func(name string, body func(args []safejs.Value) any) (safejs.Value, error) {
		f, err := safejs.FuncOf(func(_ safejs.Value, args []safejs.Value) (result any) {
			defer func() {
				if v := recover(); v != nil {
					result = errorResult(fmt.Sprintf("hashswitch.%s: internal error: %v", name, v))
				}
			}()
			return body(args)
		})
		if err != nil {
			return safejs.Value{}, fmt.Errorf("%s: %w", name, err)
		}
		funcs = append(funcs, f)
		return f.Value(), nil
	}

	props := map[string]any{}
	for name, body := range map[string]func([]safejs.Value) any{
		"call":      callResult,
		"widget":    widgetResult,
		"countdown": countdownResult,
		"close": func([]safejs.Value) any {
			onClose()
			return nil
		},
	} {
		if props[name], err = fn(name, body); err != nil {
			return release, err
		}
	}
	global := safejs.Global()
	obj, err := newObject(global, props)
	if err != nil {
		return release, err
	}
	if err := global.Set("hashswitch", obj); err != nil {
		return release, err
	}
	if ready, err := global.Get("hashswitchReady"); err == nil && ready.Type() == safejs.TypeFunction {
		if _, err := ready.Invoke(); err != nil {
			return release, fmt.Errorf("hashswitchReady: %w", err)
		}
	}
	return release, nil
}

// newObject makes a JavaScript object with the given properties, which may
// be safejs values (ValueOf takes only plain Go values).
func newObject(global safejs.Value, props map[string]any) (safejs.Value, error) {
	ctor, err := global.Get("Object")
	if err != nil {
		return safejs.Value{}, err
	}
	obj, err := ctor.New()
	if err != nil {
		return safejs.Value{}, err
	}
	for k, v := range props {
		if err := obj.Set(k, v); err != nil {
			return safejs.Value{}, fmt.Errorf("%s: %w", k, err)
		}
	}
	return obj, nil
}

// callResult answers call(url): a plain object with the answer's status and
// body text.
func callResult(args []safejs.Value) any {
	if len(args) != 1 || args[0].Type() != safejs.TypeString {
		return errorResult("hashswitch.call wants one string, a URL such as /api/v1/hashprice?price=85000")
	}
	url, err := args[0].String()
	if err != nil {
		return errorResult("hashswitch.call: " + err.Error())
	}
	return result(calc.GetURL(url))
}

func result(a calc.Answer) map[string]any {
	return map[string]any{"status": a.Status, "body": string(a.Body)}
}

// widgetResult answers widget(name, query): the calculator's Result as JSON.
func widgetResult(args []safejs.Value) any {
	name, query, ok := twoStrings(args)
	if !ok {
		return errorBody("hashswitch.widget wants two strings: a calculator name and its URL parameters")
	}
	w := widget.Lookup(name)
	if w == nil {
		return errorBody("hashswitch.widget: no calculator " + strconv.Quote(name))
	}
	b, err := json.Marshal(w.Render(query))
	if err != nil {
		return errorBody("hashswitch.widget: " + err.Error())
	}
	return string(b)
}

// countdownResult answers countdown(eta, now), both unix seconds.
func countdownResult(args []safejs.Value) any {
	if len(args) != 2 || args[0].Type() != safejs.TypeNumber || args[1].Type() != safejs.TypeNumber {
		return ""
	}
	eta, err1 := args[0].Float()
	now, err2 := args[1].Float()
	if err1 != nil || err2 != nil || math.IsNaN(eta) || math.IsNaN(now) || math.Abs(eta) > 1e15 || math.Abs(now) > 1e15 {
		return ""
	}
	return widget.Countdown(int64(eta), int64(now))
}

func twoStrings(args []safejs.Value) (a, b string, ok bool) {
	if len(args) != 2 || args[0].Type() != safejs.TypeString || args[1].Type() != safejs.TypeString {
		return "", "", false
	}
	a, err1 := args[0].String()
	b, err2 := args[1].String()
	return a, b, err1 == nil && err2 == nil
}

// errorBody is a widget Result with an error, as JSON text.
func errorBody(message string) string {
	b, _ := json.Marshal(widget.Result{Status: calc.StatusBadInput, Error: &calc.FieldError{Message: message}})
	return string(b)
}

// errorResult is a 400 answer in the API's error format, for calls that do
// not even reach the handler.
func errorResult(message string) map[string]any {
	return result(calc.ErrorAnswer(calc.StatusBadInput, message))
}
