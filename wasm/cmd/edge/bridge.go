//go:build js && wasm

package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"os"
	"strconv"

	"github.com/hack-pad/safejs"

	"github.com/hashswitch/hashswitch/wasm/calc"
	"github.com/hashswitch/hashswitch/wasm/cmd/internal/jsexport"
)

// publish sets binding.serve(method, url, headers) on the runtime
// context's binding (the object worker.mjs made for this instance): it
// answers with h in a goroutine and resolves to {status, headers, body},
// headers as [name, value] pairs, which worker.mjs makes a Response of.
//
// syumai/workers' own Serve answers one request and ends the instance (its
// response body's Close closes the done channel), so every request would
// start a Go runtime: 16-20 ms a request in workerd here. This keeps one
// instance per isolate, as the page keeps one (wasm/cmd/app).
func publish(h http.Handler) error {
	ctx, err := safejs.Global().Get("context")
	if err != nil {
		return err
	}
	binding, err := ctx.Get("binding")
	if err != nil {
		return err
	}
	promise, err := safejs.Global().Get("Promise")
	if err != nil {
		return err
	}
	serve, err := safejs.FuncOf(func(_ safejs.Value, args []safejs.Value) any {
		strs, ok := jsexport.Strings(args, 3)
		var executor safejs.Func
		executor, err := safejs.FuncOf(func(_ safejs.Value, settle []safejs.Value) any {
			go func() {
				defer executor.Release()
				rec := fromAnswer(calc.ErrorAnswer(http.StatusBadRequest, "the edge's worker.mjs called serve wrongly"))
				if ok {
					rec = respond(h, strs[0], strs[1], strs[2])
				}
				answer, err := rec.object()
				if err != nil {
					settle[1].Invoke(err.Error())
					return
				}
				settle[0].Invoke(answer)
			}()
			return nil
		})
		if err != nil {
			return nil
		}
		p, err := promise.New(executor.Value())
		if err != nil {
			return nil
		}
		return p
	})
	if err != nil {
		return err
	}
	return binding.Set("serve", serve.Value())
}

// respond runs h on one request. headers is the request's headers as
// JSON [name, value] pairs. As net/http does, a HEAD answer has the GET
// answer's headers and no body.
func respond(h http.Handler, method, url, headers string) (rec *recorder) {
	defer func() {
		if v := recover(); v != nil {
			os.Stderr.WriteString("edge: a request panicked\n")
			rec = fromAnswer(calc.ErrorAnswer(http.StatusInternalServerError, "internal error; please report the URL"))
		}
	}()
	req, err := http.NewRequest(method, url, nil)
	var pairs [][2]string
	if err == nil {
		err = json.Unmarshal([]byte(headers), &pairs)
	}
	if err != nil {
		return fromAnswer(calc.ErrorAnswer(http.StatusBadRequest, "a request the edge cannot read: "+err.Error()))
	}
	for _, p := range pairs {
		req.Header.Add(p[0], p[1])
	}
	rec = &recorder{header: http.Header{}, status: http.StatusOK, head: method == http.MethodHead}
	h.ServeHTTP(rec, req)
	return rec
}

// recorder is an http.ResponseWriter that keeps the answer.
type recorder struct {
	header http.Header
	status int
	wrote  bool
	head   bool // a HEAD answer: no body
	body   bytes.Buffer
}

func fromAnswer(a calc.Answer) *recorder {
	r := &recorder{header: http.Header{}, status: a.Status, wrote: true}
	r.header.Set("Content-Type", "application/json; charset=utf-8")
	r.header.Set("Cache-Control", "no-store")
	r.body.Write(a.Body)
	return r
}

func (r *recorder) Header() http.Header { return r.header }

func (r *recorder) WriteHeader(status int) {
	if !r.wrote {
		r.status, r.wrote = status, true
	}
}

func (r *recorder) Write(b []byte) (int, error) {
	r.WriteHeader(http.StatusOK)
	if r.head {
		return len(b), nil
	}
	return r.body.Write(b)
}

// object is the answer as worker.mjs takes it: {status, headers, body},
// headers as [name, value] pairs.
func (r *recorder) object() (safejs.Value, error) {
	if r.header.Get("Content-Length") == "" && !r.head {
		r.header.Set("Content-Length", strconv.Itoa(r.body.Len()))
	}
	var headers []any
	for name, values := range r.header {
		for _, v := range values {
			headers = append(headers, []any{name, v})
		}
	}
	return jsexport.NewObject(map[string]any{"status": r.status, "headers": headers, "body": r.body.String()})
}
