//go:build js && wasm

package webgpu

import (
	"os"
	"time"

	"github.com/hack-pad/safejs"

	"github.com/hashswitch/hashswitch/wasm/chain"
	"github.com/hashswitch/hashswitch/wasm/cmd/internal/jsexport"
	"github.com/hashswitch/hashswitch/wasm/cmd/internal/mine"
	"github.com/hashswitch/hashswitch/wasm/gpu"
)

// Funcs are the methods of globalThis.hashgpu, for jsexport.Export. Each
// WebGPU call answers a promise, which never rejects: a failure resolves
// to {error, reason, detail} (package gpu's Failure).
//
//	hashgpu.open()
//	// {vendor, architecture, description, fallback}: the adapter
//	hashgpu.search(headerHex, targetHex, start, count)
//	// {found, nonce, best, bestHash, hashes}, as hashworker.search
//	hashgpu.digests(headerHex, start, count)
//	// {hashes, tops}: each nonce's SHA-256d (display order) by the
//	// shader's plain compression, and its kernel's top word
//	hashgpu.close()
//	// destroys the device: what Stop and leaving the page do
func Funcs() map[string]jsexport.Func {
	return map[string]jsexport.Func{
		"open":    func([]safejs.Value) any { return promised(openJS) },
		"search":  searchJS,
		"digests": digestsJS,
		"close": func([]safejs.Value) any {
			state.close()
			return nil
		},
	}
}

// state is the page's one device: opened by the first call that needs it,
// again after a loss.
var state session

type session struct {
	device *Device
	size   gpu.Sizer
}

func (s *session) close() {
	if state.device != nil {
		state.device.Close()
		state.device = nil
	}
}

// open returns the device, opening it if there is none or it broke.
func open() (*Device, error) {
	if state.device != nil && state.device.Broken() != nil {
		state.device = nil
	}
	if state.device == nil {
		d, err := Open()
		if err != nil {
			return nil, err
		}
		state.device, state.size = d, gpu.Sizer{Target: 50 * time.Millisecond}
	}
	return state.device, nil
}

func openJS() any {
	d, err := open()
	if err != nil {
		return failure(err)
	}
	a := d.Adapter
	return map[string]any{"vendor": a.Vendor, "architecture": a.Architecture, "description": a.Description, "fallback": a.Fallback}
}

// searchJS is search(headerHex, targetHex, start, count).
func searchJS(args []safejs.Value) any {
	job, start, count, err := mine.JobArgs(args)
	if err != nil {
		return mine.ErrorResult(err.Error())
	}
	return promised(func() any {
		d, err := open()
		if err != nil {
			return failure(err)
		}
		r, err := gpu.NewJob(&job.Header, &job.Target).Search(d, start, count, &state.size)
		if err != nil {
			return failure(err)
		}
		return map[string]any{"found": r.Found, "nonce": r.Nonce, "best": r.Best, "bestHash": chain.Hash(r.BestHash).String(), "hashes": r.Hashes}
	})
}

// maxDigests bounds a digests call's buffers (36 bytes a nonce).
const maxDigests = 1 << 20

// digestsJS is digests(headerHex, start, count).
func digestsJS(args []safejs.Value) any {
	bad := "digests wants (headerHex, start, count), count from 1 to 1048576"
	if len(args) != 3 {
		return mine.ErrorResult(bad)
	}
	strs, ok := jsexport.Strings(args[:1], 1)
	start, ok1 := jsexport.Uint32(args[1])
	count, ok2 := jsexport.Uint32(args[2])
	if !ok || !ok1 || !ok2 || count == 0 || count > maxDigests {
		return mine.ErrorResult(bad)
	}
	h, err := chain.ParseHeaderHex(strs[0])
	if err != nil {
		return mine.ErrorResult("header: " + err.Error())
	}
	header := h.Serialize()
	return promised(func() any {
		d, err := open()
		if err != nil {
			return failure(err)
		}
		words, err := d.Digests(gpu.NewJob(&header, &[32]byte{}).Params(start, count))
		if err != nil {
			return failure(err)
		}
		hashes, tops := make([]any, count), make([]any, count)
		for i := range hashes {
			hash, top := gpu.Digest(words[i*gpu.DigestWords:])
			hashes[i], tops[i] = chain.Hash(hash).String(), top
		}
		return map[string]any{"hashes": hashes, "tops": tops}
	})
}

// failure is an error as the page reads it: {error, reason, detail}.
func failure(err error) any {
	f, ok := err.(*gpu.Failure) // every error here is one; errors.As would bring reflection
	if !ok {
		f = &gpu.Failure{Reason: gpu.Failed, Detail: err.Error()}
	}
	return map[string]any{"error": f.Error(), "reason": f.Reason, "detail": f.Detail}
}

// promised runs work in a goroutine (WebGPU's promises need the event
// loop free) and returns a promise of its result, which a panic turns
// into {error}.
func promised(work func() any) any {
	var resolve safejs.Value
	executor, err := safejs.FuncOf(func(_ safejs.Value, args []safejs.Value) any {
		resolve = args[0]
		return nil
	})
	if err != nil {
		return mine.ErrorResult(err.Error())
	}
	defer executor.Release()
	ctor, err := safejs.Global().Get("Promise")
	if err != nil {
		return mine.ErrorResult(err.Error())
	}
	p, err := ctor.New(executor) // runs the executor at once
	if err != nil {
		return mine.ErrorResult(err.Error())
	}
	go func() {
		var result any
		func() {
			defer func() {
				if v := recover(); v != nil {
					os.Stderr.WriteString("hashgpu: a panic\n")
					result = failure(&gpu.Failure{Reason: gpu.Failed, Detail: "the GPU driver broke; please report what you did"})
				}
			}()
			result = work()
		}()
		resolve.Invoke(result)
	}()
	return p
}
