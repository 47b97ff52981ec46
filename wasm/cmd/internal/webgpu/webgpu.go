//go:build js && wasm

// Package webgpu runs package gpu's kernel through the browser's WebGPU,
// by safejs: the adapter, the device, the pipelines, the buffers, each
// dispatch and the reading back of its results. Every failure is a value,
// a *gpu.Failure that says why in words a reader is shown; once the device
// is lost, every call says so until Open is called again. WebGPU answers
// with promises, so the calls here block their goroutine: never call them
// from a JavaScript callback (js.go's exports run them in goroutines).
package webgpu

import (
	"encoding/binary"
	"sync"
	"time"

	"github.com/hack-pad/safejs"

	"github.com/hashswitch/hashswitch/wasm/gpu"
)

// Device is an open WebGPU device with the scan kernel compiled.
type Device struct {
	Adapter Adapter
	device  safejs.Value
	queue   safejs.Value
	scan    safejs.Value // the scan entry point's pipeline
	bind    safejs.Value // its bind group: params, results
	// params and results are the shader's buffers; readback is where
	// results are copied to be mapped.
	params, results, readback safejs.Value
	staging                   map[int]safejs.Value // Uint8Arrays for writeBuffer, by size
	digests                   safejs.Value         // the digests pipeline, made on first use

	mu     sync.Mutex
	broken *gpu.Failure // the device lost, or an error WebGPU raised outside a call
}

// Adapter is what the browser says of its GPU.
type Adapter struct {
	Vendor, Architecture, Description string
	// Fallback: the adapter runs on the CPU (SwiftShader, WARP), so its
	// rate is not a graphics card's.
	Fallback bool
}

// Open asks for an adapter and a device and compiles the scan kernel.
func Open() (*Device, error) {
	nav, err := safejs.Global().Get("navigator")
	if err != nil || nav.IsUndefined() {
		return nil, &gpu.Failure{Reason: gpu.NoWebGPU}
	}
	webgpu, err := nav.Get("gpu")
	if err != nil || webgpu.IsUndefined() || webgpu.IsNull() {
		return nil, &gpu.Failure{Reason: gpu.NoWebGPU}
	}
	options, _ := safejs.ValueOf(map[string]any{"powerPreference": "high-performance"})
	adapter, err := awaitCall(webgpu, "requestAdapter", options)
	if err != nil {
		return nil, &gpu.Failure{Reason: gpu.NoAdapter, Detail: err.Error()}
	}
	if adapter.IsNull() || adapter.IsUndefined() {
		return nil, &gpu.Failure{Reason: gpu.NoAdapter}
	}
	device, err := awaitCall(adapter, "requestDevice")
	if err != nil {
		return nil, &gpu.Failure{Reason: gpu.NoAdapter, Detail: err.Error()}
	}
	d := &Device{Adapter: adapterInfo(adapter), device: device, staging: map[int]safejs.Value{}}
	d.watch()
	if err := d.setUp(); err != nil {
		d.Close()
		return nil, err
	}
	return d, nil
}

// adapterInfo reads GPUAdapterInfo, where the browser has it.
func adapterInfo(adapter safejs.Value) Adapter {
	var a Adapter
	info, err := adapter.Get("info")
	if err != nil || info.IsUndefined() {
		return a
	}
	a.Vendor, a.Architecture, a.Description = str(info, "vendor"), str(info, "architecture"), str(info, "description")
	if f, err := info.Get("isFallbackAdapter"); err == nil {
		a.Fallback, _ = f.Bool()
	}
	if old, err := adapter.Get("isFallbackAdapter"); err == nil && old.Type() == safejs.TypeBoolean {
		a.Fallback, _ = old.Bool()
	}
	return a
}

func str(v safejs.Value, key string) string {
	s, err := v.Get(key)
	if err != nil || s.Type() != safejs.TypeString {
		return ""
	}
	out, _ := s.String()
	return out
}

// watch records the device's loss and any error WebGPU raises outside a
// call (uncapturederror), which would otherwise only reach the console.
func (d *Device) watch() {
	lost, err := d.device.Get("lost")
	if err == nil {
		onLost, err := safejs.FuncOf(func(_ safejs.Value, args []safejs.Value) any {
			detail := ""
			if len(args) > 0 {
				detail = str(args[0], "message")
				if detail == "" {
					detail = str(args[0], "reason")
				}
			}
			d.fail(&gpu.Failure{Reason: gpu.DeviceLost, Detail: detail})
			return nil
		})
		if err == nil {
			lost.Call("then", onLost) // it resolves once: onLost lives as long as the page
		}
	}
	onError, err := safejs.FuncOf(func(_ safejs.Value, args []safejs.Value) any {
		if len(args) > 0 {
			args[0].Call("preventDefault")
			gpuErr, _ := args[0].Get("error")
			d.fail(&gpu.Failure{Reason: gpu.Failed, Detail: str(gpuErr, "message")})
		}
		return nil
	})
	if err == nil {
		d.device.Set("onuncapturederror", onError)
	}
}

func (d *Device) fail(f *gpu.Failure) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.broken == nil {
		d.broken = f
	}
}

// Broken is the failure that ended the device, or nil.
func (d *Device) Broken() error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.broken == nil {
		return nil
	}
	return d.broken
}

// setUp compiles the shader, makes the scan pipeline with package gpu's
// sizes, and the buffers.
func (d *Device) setUp() error {
	var err error
	if d.queue, err = d.device.Get("queue"); err != nil {
		return refused(err)
	}
	d.scan, err = d.pipeline("scan", map[string]any{"workgroup_size": gpu.WorkgroupSize, "nonces_per_invocation": gpu.NoncesPerInvocation})
	if err != nil {
		return err
	}
	if d.params, err = d.buffer(gpu.ParamsSize, "UNIFORM", "COPY_DST"); err != nil {
		return err
	}
	if d.results, err = d.buffer(gpu.ResultsSize, "STORAGE", "COPY_SRC", "COPY_DST"); err != nil {
		return err
	}
	if d.readback, err = d.buffer(gpu.ResultsSize, "MAP_READ", "COPY_DST"); err != nil {
		return err
	}
	d.bind, err = d.bindGroup(d.scan, map[int]safejs.Value{0: d.params, 1: d.results})
	return err
}

// pipeline compiles an entry point of the shader with its overrides.
func (d *Device) pipeline(entry string, constants map[string]any) (safejs.Value, error) {
	module, err := d.device.Call("createShaderModule", map[string]any{"code": gpu.Shader})
	if err != nil {
		return safejs.Value{}, refused(err)
	}
	compute := map[string]any{"module": module, "entryPoint": entry}
	if constants != nil {
		compute["constants"] = constants
	}
	p, err := awaitCall(d.device, "createComputePipelineAsync", map[string]any{"layout": "auto", "compute": compute})
	if err != nil {
		return safejs.Value{}, d.or(refused(err))
	}
	return p, nil
}

// buffer makes a GPUBuffer of size bytes with the usages named.
func (d *Device) buffer(size int, usages ...string) (safejs.Value, error) {
	flags, err := safejs.Global().Get("GPUBufferUsage")
	if err != nil {
		return safejs.Value{}, refused(err)
	}
	usage := 0
	for _, u := range usages {
		v, err := flags.Get(u)
		if err != nil {
			return safejs.Value{}, refused(err)
		}
		bit, _ := v.Int()
		usage |= bit
	}
	b, err := d.device.Call("createBuffer", map[string]any{"size": size, "usage": usage})
	if err != nil {
		return safejs.Value{}, d.or(refused(err))
	}
	return b, nil
}

// bindGroup binds buffers at their binding numbers in group 0 of pipeline.
func (d *Device) bindGroup(pipeline safejs.Value, buffers map[int]safejs.Value) (safejs.Value, error) {
	layout, err := pipeline.Call("getBindGroupLayout", 0)
	if err != nil {
		return safejs.Value{}, d.or(refused(err))
	}
	var entries []any
	for binding, b := range buffers {
		entries = append(entries, map[string]any{"binding": binding, "resource": map[string]any{"buffer": b}})
	}
	g, err := d.device.Call("createBindGroup", map[string]any{"layout": layout, "entries": entries})
	if err != nil {
		return safejs.Value{}, d.or(refused(err))
	}
	return g, nil
}

// Scan runs the scan kernel once: package gpu's Kernel.
func (d *Device) Scan(params []byte, best uint32) (gpu.Results, error) {
	if err := d.Broken(); err != nil {
		return gpu.Results{}, err
	}
	_, count := gpu.Range(params)
	init := make([]byte, 8)
	binary.LittleEndian.PutUint32(init, best)
	if err := d.write(d.params, params); err != nil {
		return gpu.Results{}, err
	}
	if err := d.write(d.results, init); err != nil {
		return gpu.Results{}, err
	}
	x, y := gpu.Grid(count)
	if err := d.dispatch(d.scan, d.bind, x, y, d.results, d.readback, gpu.ResultsSize); err != nil {
		return gpu.Results{}, err
	}
	out, err := d.read(d.readback, gpu.ResultsSize)
	if err != nil {
		return gpu.Results{}, err
	}
	return gpu.DecodeResults(out), nil
}

// Digests runs the digests entry point over count nonces from params'
// start: gpu.DigestWords words a nonce.
func (d *Device) Digests(params []byte) ([]uint32, error) {
	if err := d.Broken(); err != nil {
		return nil, err
	}
	if d.digests.IsUndefined() {
		p, err := d.pipeline("digests", nil)
		if err != nil {
			return nil, err
		}
		d.digests = p
	}
	_, count := gpu.Range(params)
	size := max(int(count)*gpu.DigestWords*4, 4)
	out, err := d.buffer(size, "STORAGE", "COPY_SRC")
	if err != nil {
		return nil, err
	}
	defer out.Call("destroy")
	readback, err := d.buffer(size, "MAP_READ", "COPY_DST")
	if err != nil {
		return nil, err
	}
	defer readback.Call("destroy")
	bind, err := d.bindGroup(d.digests, map[int]safejs.Value{0: d.params, 2: out})
	if err != nil {
		return nil, err
	}
	if err := d.write(d.params, params); err != nil {
		return nil, err
	}
	if err := d.dispatch(d.digests, bind, (count+63)/64, 1, out, readback, size); err != nil {
		return nil, err
	}
	b, err := d.read(readback, size)
	if err != nil {
		return nil, err
	}
	words := make([]uint32, int(count)*gpu.DigestWords)
	for i := range words {
		words[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	return words, nil
}

// write copies data into a GPU buffer through the queue.
func (d *Device) write(buffer safejs.Value, data []byte) error {
	u8, ok := d.staging[len(data)]
	if !ok {
		ctor, err := safejs.Global().Get("Uint8Array")
		if err != nil {
			return refused(err)
		}
		if u8, err = ctor.New(len(data)); err != nil {
			return refused(err)
		}
		d.staging[len(data)] = u8
	}
	if _, err := safejs.CopyBytesToJS(u8, data); err != nil {
		return refused(err)
	}
	if _, err := d.queue.Call("writeBuffer", buffer, 0, u8); err != nil {
		return d.or(refused(err))
	}
	return nil
}

// dispatch runs pipeline over an x by y grid of workgroups, then copies
// size bytes of from into readback, in one submission.
func (d *Device) dispatch(pipeline, bind safejs.Value, x, y uint32, from, readback safejs.Value, size int) error {
	enc, err := d.device.Call("createCommandEncoder")
	if err != nil {
		return d.or(refused(err))
	}
	pass, err := enc.Call("beginComputePass")
	if err != nil {
		return d.or(refused(err))
	}
	for _, step := range []struct {
		method string
		args   []any
	}{
		{"setPipeline", []any{pipeline}},
		{"setBindGroup", []any{0, bind}},
		{"dispatchWorkgroups", []any{x, y}},
		{"end", nil},
	} {
		if _, err := pass.Call(step.method, step.args...); err != nil {
			return d.or(refused(err))
		}
	}
	if _, err := enc.Call("copyBufferToBuffer", from, 0, readback, 0, size); err != nil {
		return d.or(refused(err))
	}
	commands, err := enc.Call("finish")
	if err != nil {
		return d.or(refused(err))
	}
	if _, err := d.queue.Call("submit", []any{commands}); err != nil {
		return d.or(refused(err))
	}
	return nil
}

// read maps readback once the GPU is done with it and copies size bytes
// out.
func (d *Device) read(readback safejs.Value, size int) ([]byte, error) {
	mode, err := safejs.Global().Get("GPUMapMode")
	if err != nil {
		return nil, refused(err)
	}
	readMode, _ := mode.Get("READ")
	if _, err := awaitCall(readback, "mapAsync", readMode); err != nil {
		// A lost device fails the mapping first; its lost promise
		// settles a moment later, with the reason.
		time.Sleep(50 * time.Millisecond)
		return nil, d.or(&gpu.Failure{Reason: gpu.Failed, Detail: err.Error()})
	}
	defer readback.Call("unmap")
	if err := d.Broken(); err != nil {
		return nil, err // an error WebGPU raised about the dispatch
	}
	mapped, err := readback.Call("getMappedRange", 0, size)
	if err != nil {
		return nil, d.or(refused(err))
	}
	ctor, _ := safejs.Global().Get("Uint8Array")
	view, err := ctor.New(mapped)
	if err != nil {
		return nil, refused(err)
	}
	out := make([]byte, size)
	if _, err := safejs.CopyBytesToGo(out, view); err != nil {
		return nil, refused(err)
	}
	return out, nil
}

// or is the device's own failure when it has one (a lost device makes
// every call fail, each with a message of its own), else err.
func (d *Device) or(err error) error {
	if broken := d.Broken(); broken != nil {
		return broken
	}
	return err
}

func refused(err error) error {
	return &gpu.Failure{Reason: gpu.Refused, Detail: err.Error()}
}

// Close destroys the device, which frees its memory at once and ends any
// dispatch in flight.
func (d *Device) Close() {
	d.fail(&gpu.Failure{Reason: gpu.DeviceLost, Detail: "closed"})
	d.device.Call("destroy")
}

// awaitCall calls a method that returns a promise and waits for it:
// its value, or its rejection as an error.
func awaitCall(v safejs.Value, method string, args ...any) (safejs.Value, error) {
	p, err := v.Call(method, args...)
	if err != nil {
		return safejs.Value{}, err
	}
	return await(p)
}

// await waits for a promise.
func await(p safejs.Value) (safejs.Value, error) {
	type settled struct {
		v   safejs.Value
		err error
	}
	done := make(chan settled, 1)
	arg := func(args []safejs.Value) safejs.Value {
		if len(args) == 0 {
			return safejs.Undefined()
		}
		return args[0]
	}
	onValue, err := safejs.FuncOf(func(_ safejs.Value, args []safejs.Value) any {
		done <- settled{v: arg(args)}
		return nil
	})
	if err != nil {
		return safejs.Value{}, err
	}
	defer onValue.Release()
	onError, err := safejs.FuncOf(func(_ safejs.Value, args []safejs.Value) any {
		done <- settled{err: jsError(arg(args))}
		return nil
	})
	if err != nil {
		return safejs.Value{}, err
	}
	defer onError.Release()
	if _, err := p.Call("then", onValue, onError); err != nil {
		return safejs.Value{}, err
	}
	s := <-done
	return s.v, s.err
}

// jsError is a rejection's reason as an error: its message where it has
// one.
type jsError safejs.Value

func (e jsError) Error() string {
	v := safejs.Value(e)
	if m := str(v, "message"); m != "" {
		return m
	}
	if s, err := v.String(); err == nil {
		return s
	}
	return "an unknown error"
}
