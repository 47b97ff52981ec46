//go:build js && wasm

package main

import (
	"strings"
	"testing"

	"github.com/hack-pad/safejs"

	"github.com/hashswitch/hashswitch/wasm/gpu/eras"
	"github.com/hashswitch/hashswitch/wasm/internal/tinyjson"
	"github.com/hashswitch/hashswitch/wasm/locale"
)

// TestErasThroughJS: hashswitch.eras answers, in each language, what
// package eras writes natively for the same readings, and a clear error
// for readings it cannot use.
func TestErasThroughJS(t *testing.T) {
	exported(t)
	obj, _ := safejs.Global().Get("hashswitch")
	const readings = `{"cpu":[4e6,4.2e6,3.9e6],"gpu":[5e8],"software":true,"difficulty":149.3e12,"as_of":"2025-11-25"}`
	var r eras.Readings
	if err := tinyjson.Unmarshal([]byte(readings), &r); err != nil {
		t.Fatal(err)
	}
	e, err := r.Compare()
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range locale.Tags {
		v, err := obj.Call("eras", readings, string(lang))
		if err != nil {
			t.Fatal(err)
		}
		got, _ := v.String()
		want, _ := tinyjson.Marshal(e.In(lang))
		if got != string(want) {
			t.Errorf("%s: %s\nwant %s", lang, got, want)
		}
	}
	for _, args := range [][]any{{}, {readings, "fr"}, {"{"}, {`{"cpu":[1],"difficulty":1e14,"as_of":"2025-11-25"}`}, {42}} {
		v, err := obj.Call("eras", args...)
		if err != nil {
			t.Fatal(err)
		}
		if s, _ := v.String(); !strings.HasPrefix(s, `{"error":"hashswitch.eras`) {
			t.Errorf("eras(%v) = %s", args, s)
		}
	}
}
