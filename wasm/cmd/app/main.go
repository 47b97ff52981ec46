//go:build js && wasm

// Command app is the page's WebAssembly. It keeps one Go instance alive and
// answers /api/v1 URLs with package calc, the code behind the server's
// handler, synchronously:
//
//	const r = globalThis.hashswitch.call("/api/v1/hashprice?price=85000&...")
//	// r.status, r.body (the JSON text)
//
// All JavaScript goes through safejs, so an interop failure is an error
// value; every callback recovers; hashswitch.close() releases every Func
// and ends the program.
package main

import (
	"fmt"
	"os"

	"github.com/hack-pad/safejs"

	"github.com/hashswitch/hashswitch/wasm/calc"
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

	call, err := fn("call", func(args []safejs.Value) any { return callResult(args) })
	if err != nil {
		return release, err
	}
	closeFn, err := fn("close", func([]safejs.Value) any {
		onClose()
		return nil
	})
	if err != nil {
		return release, err
	}
	global := safejs.Global()
	obj, err := newObject(global, map[string]any{"call": call, "close": closeFn})
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

// errorResult is a 400 answer in the API's error format, for calls that do
// not even reach the handler.
func errorResult(message string) map[string]any {
	return result(calc.ErrorAnswer(calc.StatusBadInput, message))
}
