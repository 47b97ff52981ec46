//go:build js && wasm

// Package jsexport publishes Go functions to JavaScript for the entry
// points, through safejs: each call recovers from panics, and every Func is
// released by the function Export returns.
package jsexport

import (
	"os"

	"github.com/hack-pad/safejs"
)

// Func is a Go function JavaScript may call. Its result goes through
// js.ValueOf: nil, bool, numbers, strings, []any and map[string]any.
type Func func(args []safejs.Value) any

// Export sets globalThis[name] to an object with funcs as methods, then
// calls globalThis[name+"Ready"]() if the page set it. onPanic makes the
// value a call returns when it panics.
func Export(name string, funcs map[string]Func, onPanic func(message string) any) (release func(), err error) {
	var made []safejs.Func
	release = func() {
		for _, f := range made {
			f.Release()
		}
		made = nil
	}
	defer func() {
		if err != nil {
			release()
		}
	}()
	props := map[string]any{}
	for method, body := range funcs {
		f, err := safejs.FuncOf(func(_ safejs.Value, args []safejs.Value) (result any) {
			defer func() {
				if v := recover(); v != nil {
					// The detail goes to the console, for whoever reports it;
					// the answer says nothing about the code.
					os.Stderr.WriteString(name + "." + method + ": " + describe(v) + "\n")
					result = onPanic(name + "." + method + " failed on these arguments; please report what you did")
				}
			}()
			return body(args)
		})
		if err != nil {
			return release, prefixed{name + "." + method, err}
		}
		made = append(made, f)
		props[method] = f.Value()
	}
	global := safejs.Global()
	obj, err := NewObject(props)
	if err != nil {
		return release, err
	}
	if err := global.Set(name, obj); err != nil {
		return release, err
	}
	if ready, err := global.Get(name + "Ready"); err == nil && ready.Type() == safejs.TypeFunction {
		if _, err := ready.Invoke(); err != nil {
			return release, prefixed{name + "Ready", err}
		}
	}
	return release, nil
}

// prefixed is err after what failed, as fmt.Errorf("%s: %w") writes it
// (the page's WebAssembly links no fmt).
type prefixed struct {
	what string
	err  error
}

func (p prefixed) Error() string { return p.what + ": " + p.err.Error() }
func (p prefixed) Unwrap() error { return p.err }

// describe is a recovered panic's value in words.
func describe(v any) string {
	switch v := v.(type) {
	case error:
		return v.Error()
	case string:
		return v
	}
	return "a panic with a value of another type"
}

// NewObject makes a JavaScript object with the given properties, which may
// be safejs values (ValueOf takes only plain Go values).
func NewObject(props map[string]any) (safejs.Value, error) {
	ctor, err := safejs.Global().Get("Object")
	if err != nil {
		return safejs.Value{}, err
	}
	obj, err := ctor.New()
	if err != nil {
		return safejs.Value{}, err
	}
	for k, v := range props {
		if err := obj.Set(k, v); err != nil {
			return safejs.Value{}, prefixed{k, err}
		}
	}
	return obj, nil
}

// TypeOf is v's type, and false for the types syscall/js cannot name
// (BigInt, Symbol), on which Type panics.
func TypeOf(v safejs.Value) (t safejs.Type, ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	return v.Type(), true
}

// Strings reads n string arguments; ok is false for any other arguments.
func Strings(args []safejs.Value, n int) (out []string, ok bool) {
	if len(args) != n {
		return nil, false
	}
	for _, a := range args {
		if t, known := TypeOf(a); !known || t != safejs.TypeString {
			return nil, false
		}
		s, err := a.String()
		if err != nil {
			return nil, false
		}
		out = append(out, s)
	}
	return out, true
}

// Uint32 reads a whole number from 0 to 2^32-1.
func Uint32(v safejs.Value) (uint32, bool) {
	if v.Type() != safejs.TypeNumber {
		return 0, false
	}
	f, err := v.Float()
	if err != nil || f < 0 || f > 1<<32-1 || f != float64(uint32(f)) {
		return 0, false
	}
	return uint32(f), true
}
