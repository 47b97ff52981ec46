//go:build js && wasm

package webgpu

import (
	"testing"

	"github.com/hack-pad/safejs"

	"github.com/hashswitch/hashswitch/internal/vectors"
	"github.com/hashswitch/hashswitch/wasm/cmd/internal/jsexport"
	"github.com/hashswitch/hashswitch/wasm/cmd/internal/mine"
	"github.com/hashswitch/hashswitch/wasm/gpu"
)

// These run under Node, which has no WebGPU: every call must say so, as a
// value the page can show. The browser tests (build/e2e/gpu_test.go) run
// the GPU itself, on Chromium's SwiftShader.

func TestOpenWithoutWebGPU(t *testing.T) {
	d, err := Open()
	if f, ok := err.(*gpu.Failure); d != nil || !ok || f.Reason != gpu.NoWebGPU {
		t.Errorf("Open() = %v, %v", d, err)
	}
}

// TestExportsWithoutWebGPU calls hashgpu as the page does: each promise
// resolves to the reason; bad arguments are refused at once.
func TestExportsWithoutWebGPU(t *testing.T) {
	release, err := jsexport.Export("hashgpu", Funcs(), mine.ErrorResult)
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	obj, _ := safejs.Global().Get("hashgpu")
	headers, _ := vectors.Headers()
	h := headers[len(headers)-1].HeaderHex
	target := "0000000000000000000342190000000000000000000000000000000000000000"
	for _, c := range []struct {
		method string
		args   []any
	}{{"open", nil}, {"search", []any{h, target, 0, 1000}}, {"digests", []any{h, 0, 10}}} {
		p, err := obj.Call(c.method, c.args...)
		if err != nil {
			t.Fatal(err)
		}
		v, err := await(p)
		if err != nil {
			t.Fatalf("%s rejected: %v", c.method, err)
		}
		if reason := str(v, "reason"); reason != gpu.NoWebGPU || str(v, "error") != gpu.NoWebGPU {
			t.Errorf("%s: reason %q, error %q", c.method, reason, str(v, "error"))
		}
	}
	for _, c := range []struct {
		method string
		args   []any
	}{{"search", []any{h, target, -1, 10}}, {"digests", []any{h, 0, 0}}, {"digests", []any{"zz", 0, 1}}, {"digests", []any{h, 0, 1 << 21}}} {
		v, err := obj.Call(c.method, c.args...)
		if err != nil {
			t.Fatal(err)
		}
		if str(v, "error") == "" {
			t.Errorf("%s%v gave no error", c.method, c.args)
		}
	}
	if _, err := obj.Call("close"); err != nil {
		t.Error(err)
	}
}
