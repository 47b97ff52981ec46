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
// points every upstream at one origin instead (a fake, in tests). The same
// trigger refreshes hashprice's daily history into KV once a day (the key
// history, with its status beside it), which /api/v1/history answers;
// HISTORY_EVERY, a variable in seconds, shortens the day for tests. It also
// answers oEmbed's /oembed?url= for the site at SITE_URL, a variable, and
// the site's pages whose URL carries a scenario, an embed's or an
// article's: the page from SITE_URL, its calculators rendered for the
// scenario with the build's Go and template (package calcview), cached
// by worker.mjs as any public answer.
package main

import (
	"context"
	"encoding/base64"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/hack-pad/safejs"
	"github.com/syumai/workers"
	"github.com/syumai/workers/cloudflare"
	"github.com/syumai/workers/cloudflare/cron"
	"github.com/syumai/workers/cloudflare/fetch"
	"github.com/syumai/workers/cloudflare/kv"

	"github.com/hashswitch/hashswitch/wasm/api"
	"github.com/hashswitch/hashswitch/wasm/history"
	"github.com/hashswitch/hashswitch/wasm/netdata"
	"github.com/hashswitch/hashswitch/wasm/netdata/refresh"
)

// The KV binding and key of the snapshot, and each upstream request's
// time and size limits; the history's keys and limits.
const (
	kvBinding = "NETWORK"
	kvKey     = "snapshot"
	timeout   = 5 * time.Second
	maxBody   = 1 << 20

	kvHistory        = "history"        // the encoded series, in base64 (KV's strings)
	kvHistoryStatus  = "history-status" // JSON: the last refresh's time and problems
	historyTimeout   = 30 * time.Second
	historyMaxBody   = 32 << 20 // mempool.space's all-time lists are megabytes
	mempoolSpace     = "https://mempool.space"
	historyKeptFresh = 5 * time.Minute // how long an instance reuses the series it read
)

func main() {
	cron.ScheduleTaskNonBlock(scheduled)
	edge := api.Edge(site, api.WithLive(stored), api.WithHistory(keptHistory))
	if err := publish(withScenarios(edge)); err != nil {
		panic(err)
	}
	workers.Ready()
	select {} // the instance lives as long as the isolate: worker.mjs keeps it
}

// site is the site's origin, SITE_URL.
func site(*http.Request) string { return strings.TrimRight(cloudflare.Getenv("SITE_URL"), "/") }

// kvStore keeps one value in KV under its key, as a string: base64 when
// the value is binary (the history's encoding).
type kvStore struct {
	key    string
	binary bool
}

func (s kvStore) Get() ([]byte, error) {
	ns, err := kv.NewNamespace(kvBinding)
	if err != nil {
		return nil, err
	}
	raw, err := ns.GetString(s.key, nil)
	// KV answers null for a key never put, which syumai/workers' GetString
	// turns into "<null>" (js.Value.String's way): nothing kept yet.
	if err != nil || raw == "" || raw == "<null>" {
		return nil, err
	}
	if s.binary {
		return base64.StdEncoding.DecodeString(raw)
	}
	return []byte(raw), nil
}

func (s kvStore) Put(data []byte) error {
	ns, err := kv.NewNamespace(kvBinding)
	if err != nil {
		return err
	}
	v := string(data)
	if s.binary {
		v = base64.StdEncoding.EncodeToString(data)
	}
	return ns.PutString(s.key, v, nil)
}

var (
	snapshotStore      = kvStore{key: kvKey}
	historyStore       = kvStore{key: kvHistory, binary: true}
	historyStatusStore = kvStore{key: kvHistoryStatus}
)

// The series this instance read last, and when: decoding it costs more
// than the answers it serves, and it changes once a day.
var historyCache struct {
	sync.Mutex
	kept history.Kept
	at   time.Time
}

// keptHistory reads the series and its status from KV, or the copy read
// within historyKeptFresh.
func keptHistory() (history.Kept, error) {
	c := &historyCache
	c.Lock()
	defer c.Unlock()
	if !c.at.IsZero() && time.Since(c.at) < historyKeptFresh {
		return c.kept, nil
	}
	k, err := history.ReadKept(historyStore, historyStatusStore)
	if err != nil {
		return history.Kept{}, err
	}
	c.kept, c.at = k, time.Now()
	return k, nil
}

// stored reads the newest snapshot from KV.
func stored() (netdata.Snapshot, error) { return refresh.Kept(snapshotStore) }

// scheduled is the Cron Trigger's task. It never returns an error (the
// scheduler would panic): problems are logged, the last good figures kept.
func scheduled(ctx context.Context) error {
	up, base := refresh.PublicUpstreams(), mempoolSpace
	if u := cloudflare.Getenv("UPSTREAM"); u != "" { // one fake for every upstream, in tests
		up, base = refresh.AllAt(u), u
	}
	for _, p := range refresh.Scheduled(ctx, get, up, snapshotStore, time.Now()) {
		fmt.Println("refresh:", p)
	}
	every := history.RefreshAge
	if s, err := strconv.Atoi(cloudflare.Getenv("HISTORY_EVERY")); err == nil && s >= 0 {
		every = time.Duration(s) * time.Second
	}
	fetched, problems := history.Refresh(ctx, getHistory, base, historyStore, historyStatusStore, time.Now(), every)
	for _, p := range problems {
		fmt.Println("history:", p)
	}
	if fetched {
		historyCache.Lock()
		historyCache.at = time.Time{} // read the new series (or status) again
		historyCache.Unlock()
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

// get fetches url with the Workers fetch, within timeout and maxBody.
func get(ctx context.Context, url string) ([]byte, error) {
	return getWithin(ctx, url, timeout, maxBody)
}

// getHistory fetches one of mempool.space's all-time lists.
func getHistory(ctx context.Context, url string) ([]byte, error) {
	return getWithin(ctx, url, historyTimeout, historyMaxBody)
}

// getWithin fetches JSON at url with the Workers fetch, within limit and
// max bytes (a longer body is an error, not a cut one).
func getWithin(ctx context.Context, url string, limit time.Duration, max int64) ([]byte, error) {
	body, _, err := fetchWithin(ctx, url, "application/json", limit, max)
	return body, err
}

// fetchWithin fetches url, accepting accept, with the Workers fetch,
// within limit and max bytes, and returns its body and headers.
func fetchWithin(ctx context.Context, url, accept string, limit time.Duration, max int64) ([]byte, http.Header, error) {
	type result struct {
		body   []byte
		header http.Header
		err    error
	}
	done := make(chan result, 1)
	go func() {
		req, err := fetch.NewRequest(ctx, http.MethodGet, url, nil)
		if err != nil {
			done <- result{err: err}
			return
		}
		req.Header.Set("Accept", accept)
		res, err := client().Do(req, nil)
		if err != nil {
			done <- result{err: err}
			return
		}
		defer res.Body.Close()
		if res.StatusCode != http.StatusOK {
			done <- result{err: fmt.Errorf("%s: %s", url, res.Status)}
			return
		}
		body, err := io.ReadAll(io.LimitReader(res.Body, max+1))
		if err == nil && int64(len(body)) > max {
			err = fmt.Errorf("%s: more than %d bytes", url, max)
		}
		done <- result{body, res.Header, err}
	}()
	select {
	case r := <-done:
		return r.body, r.header, r.err
	case <-time.After(limit):
		return nil, nil, fmt.Errorf("%s: no answer within %v", url, limit)
	case <-ctx.Done():
		return nil, nil, ctx.Err()
	}
}
