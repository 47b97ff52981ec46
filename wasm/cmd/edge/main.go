//go:build js && wasm

// Command edge serves the API on Cloudflare Workers, through
// github.com/syumai/workers' glue (the runtime context, KV, fetch, the Cron
// Trigger) and worker.mjs beside this file, which keeps one Go instance per
// isolate (syumai/workers' own worker starts one for every request; BENCH.md
// has the cost of each) and answers from the Workers Cache API what Go said
// may be cached, without calling Go.
//
// On Cloudflare it also does the live work: a Cron Trigger (wrangler.toml,
// every 10 minutes) refreshes the network snapshot from the public
// upstreams into Workers KV (the binding NETWORK), and /api/v1/network
// answers the newest one with each figure's age. UPSTREAM, a variable,
// points every upstream at one origin instead (a fake, in tests). It also
// answers oEmbed's /oembed?url= for the site at SITE_URL, a variable.
package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/hack-pad/safejs"
	"github.com/syumai/workers"
	"github.com/syumai/workers/cloudflare"
	"github.com/syumai/workers/cloudflare/cron"
	"github.com/syumai/workers/cloudflare/fetch"
	"github.com/syumai/workers/cloudflare/kv"

	"github.com/hashswitch/hashswitch/wasm/api"
	"github.com/hashswitch/hashswitch/wasm/netdata"
	"github.com/hashswitch/hashswitch/wasm/netdata/refresh"
)

// The KV binding and key of the snapshot, and each upstream request's limit.
const (
	kvBinding = "NETWORK"
	kvKey     = "snapshot"
	timeout   = 5 * time.Second
)

func main() {
	cron.ScheduleTaskNonBlock(scheduled)
	if err := publish(api.Edge(func(*http.Request) string { return cloudflare.Getenv("SITE_URL") }, api.WithLive(stored))); err != nil {
		panic(err)
	}
	workers.Ready()
	select {} // the instance lives as long as the isolate: worker.mjs keeps it
}

// kvStore keeps the snapshot in KV under kvKey.
type kvStore struct{}

func (kvStore) Get() ([]byte, error) {
	ns, err := kv.NewNamespace(kvBinding)
	if err != nil {
		return nil, err
	}
	raw, err := ns.GetString(kvKey, nil)
	// KV answers null for a key never put, which syumai/workers' GetString
	// turns into "<null>" (js.Value.String's way): nothing kept yet.
	if err != nil || raw == "" || raw == "<null>" {
		return nil, err
	}
	return []byte(raw), nil
}

func (kvStore) Put(data []byte) error {
	ns, err := kv.NewNamespace(kvBinding)
	if err != nil {
		return err
	}
	return ns.PutString(kvKey, string(data), nil)
}

// stored reads the newest snapshot from KV.
func stored() (netdata.Snapshot, error) { return refresh.Kept(kvStore{}) }

// scheduled is the Cron Trigger's task. It never returns an error (the
// scheduler would panic): problems are logged, the last good figures kept.
func scheduled(ctx context.Context) error {
	up := refresh.PublicUpstreams()
	if u := cloudflare.Getenv("UPSTREAM"); u != "" {
		up = refresh.AllAt(u)
	}
	for _, p := range refresh.Scheduled(ctx, get, up, kvStore{}, time.Now()) {
		fmt.Println("refresh:", p)
	}
	return nil
}

// client is a Workers fetch client bound to the real globalThis. The
// default binds js.Global(), which syumai/workers' glue makes a Proxy of
// globalThis; workerd refuses fetch called on it ("Illegal invocation").
func client() *fetch.Client {
	global, err := safejs.Global().Get("globalThis")
	if err != nil {
		return fetch.NewClient()
	}
	return fetch.NewClient(fetch.WithBinding(safejs.Unsafe(global)))
}

// get fetches url with the Workers fetch, within timeout.
func get(ctx context.Context, url string) ([]byte, error) {
	type result struct {
		body []byte
		err  error
	}
	done := make(chan result, 1)
	go func() {
		req, err := fetch.NewRequest(ctx, http.MethodGet, url, nil)
		if err != nil {
			done <- result{nil, err}
			return
		}
		req.Header.Set("Accept", "application/json")
		res, err := client().Do(req, nil)
		if err != nil {
			done <- result{nil, err}
			return
		}
		defer res.Body.Close()
		if res.StatusCode != http.StatusOK {
			done <- result{nil, fmt.Errorf("%s: %s", url, res.Status)}
			return
		}
		body, err := io.ReadAll(io.LimitReader(res.Body, 1<<20))
		done <- result{body, err}
	}()
	select {
	case r := <-done:
		return r.body, r.err
	case <-time.After(timeout):
		return nil, fmt.Errorf("%s: no answer within %v", url, timeout)
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}
