//go:build js && wasm

package main

import (
	"github.com/hack-pad/safejs"

	"github.com/hashswitch/hashswitch/wasm/cmd/internal/jsexport"
	"github.com/hashswitch/hashswitch/wasm/gpu/eras"
	"github.com/hashswitch/hashswitch/wasm/internal/tinyjson"
)

// erasResult answers eras(readingsJSON[, lang]): what the page measured
// of the reader's processor and graphics card (package eras' Readings, as
// JSON), compared with an Antminer S21 in lang: package eras' Shown as
// JSON, or {"error": ...}. The miner's GPU driver runs in the miner's
// WebAssembly; the words and the chart are written here, where the
// catalog and the charts already are.
func erasResult(args []safejs.Value) any {
	lang, known := langArg(args, 1)
	strs, ok := jsexport.Strings(args[:min(len(args), 1)], 1)
	if !ok || !known {
		return errorJSON("hashswitch.eras wants the readings as JSON and a language (en, vi)")
	}
	var r eras.Readings
	if err := tinyjson.Unmarshal([]byte(strs[0]), &r); err != nil {
		return errorJSON("hashswitch.eras: " + err.Error())
	}
	e, err := r.Compare()
	if err != nil {
		return errorJSON("hashswitch.eras: " + err.Error())
	}
	b, err := tinyjson.Marshal(e.In(lang))
	if err != nil {
		return errorJSON("hashswitch.eras: " + err.Error())
	}
	return string(b)
}

// errorJSON is {"error": message}.
func errorJSON(message string) string {
	return `{"error":` + string(tinyjson.AppendString(nil, message)) + `}`
}
