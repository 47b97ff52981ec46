//go:build !js

package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hashswitch/hashswitch/build/gen"
	"github.com/hashswitch/hashswitch/internal/fakeupstream"
	"github.com/hashswitch/hashswitch/wasm/chain"
	"github.com/hashswitch/hashswitch/wasm/netdata"
	"github.com/hashswitch/hashswitch/wasm/netdata/refresh"
)

// edgeRun drives the worker in Miniflare (build/e2e/testdata/miniflare-edge.mjs).
type edgeRun struct {
	t   testing.TB
	in  *os.File
	out *bufio.Scanner
	url string // where Miniflare serves the worker over HTTP
	pid int    // Miniflare's node process, workerd's parent
}

func (r *edgeRun) ask(line string, dst any) {
	r.t.Helper()
	if _, err := r.in.WriteString(line + "\n"); err != nil {
		r.t.Fatal(err)
	}
	msg := r.next()
	var probe struct{ Error string }
	json.Unmarshal(msg, &probe)
	if probe.Error != "" {
		r.t.Fatalf("%s: %s", line, probe.Error)
	}
	if err := json.Unmarshal(msg, dst); err != nil {
		r.t.Fatalf("%s: %v: %s", line, err, msg)
	}
}

// next returns the next protocol line, logging the worker's own lines.
func (r *edgeRun) next() []byte {
	r.t.Helper()
	for r.out.Scan() {
		if msg, ok := bytes.CutPrefix(r.out.Bytes(), []byte("@@ ")); ok {
			return msg
		}
		r.t.Logf("worker: %s", r.out.Bytes())
	}
	r.t.Fatalf("Miniflare said nothing more: %v", r.out.Err())
	return nil
}

type networkAnswer struct {
	Status       int
	CacheControl string
	Body         struct {
		Live     bool
		Height   int64
		PriceUSD float64 `json:"price_usd"`
		UsdVnd   float64 `json:"usd_vnd"`
		Stale    bool
		Figures  map[string]struct {
			Stale  bool
			AgeSec int64 `json:"age_s"`
		}
	}
}

// edgeBuild builds the worker's bundle once for the tests here, into a
// folder build/ of a temporary folder that TestMain removes.
var edgeBuild = sync.OnceValues(func() (string, error) {
	var err error
	if edgeDir, err = os.MkdirTemp("", "hashswitch-edge-"); err != nil {
		return "", err
	}
	build := filepath.Join(edgeDir, "build")
	return build, gen.BuildEdge(filepath.Join("..", "..", ".."), build)
})

var edgeDir string

// edgeSite, when set, is the SITE_URL startEdge gives the worker.
var edgeSite string

func TestMain(m *testing.M) {
	code := m.Run()
	if edgeDir != "" {
		os.RemoveAll(edgeDir)
	}
	os.Exit(code)
}

// startEdge runs the worker in Miniflare with a KV namespace and a fake
// upstream on loopback that says st, with the Cache API when withCache
// (else Miniflare's, which keeps nothing), and the history refreshed when
// it is historyEvery seconds old ("": a day).
func startEdge(t testing.TB, st fakeupstream.State, withCache bool, historyEvery ...string) (*edgeRun, *fakeupstream.Server) {
	t.Helper()
	e2e := filepath.Join("..", "..", "..", "build", "e2e")
	if _, err := os.Stat(filepath.Join(e2e, "node_modules", "miniflare")); err != nil {
		t.Fatalf("no Miniflare: run sh build/deps.sh (make test does): %v", err)
	}
	dir, err := edgeBuild()
	if err != nil {
		t.Fatal(err)
	}
	fake := fakeupstream.Start(st)
	t.Cleanup(fake.Close)

	cache := "no-cache"
	if withCache {
		cache = "cache"
	}
	cmd := exec.Command("node", append([]string{"testdata/miniflare-edge.mjs", dir, fake.URL, cache}, historyEvery...)...)
	cmd.Dir = e2e
	if edgeSite != "" {
		cmd.Env = append(os.Environ(), "SITE_URL="+edgeSite)
	}
	cmd.Stderr = os.Stderr
	inR, inW, _ := os.Pipe()
	cmd.Stdin = inR
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	inR.Close()
	t.Cleanup(func() {
		inW.Close()
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case <-done:
		case <-time.After(30 * time.Second):
			cmd.Process.Kill()
		}
	})
	out := bufio.NewScanner(stdout)
	out.Buffer(make([]byte, 1<<20), 1<<20)
	run := &edgeRun{t: t, in: inW, out: out, pid: cmd.Process.Pid}
	var ready struct{ URL string }
	json.Unmarshal(run.next(), &ready) // {"ready":true,"url":…}
	run.url = strings.TrimSuffix(ready.URL, "/")
	return run, fake
}

// TestCronRefreshesKV runs the worker in Miniflare with a KV namespace and
// a fake upstream on loopback: before the Cron Trigger fires, the network
// answer is the committed snapshot; the trigger stores a fresh one in KV,
// which /api/v1/network then answers; with the exchanges down, the next
// run keeps the last price, marked stale, and refreshes the rest. The
// dollar in dong comes and stays the same way.
func TestCronRefreshesKV(t *testing.T) {
	st := fakeupstream.Typical()
	run, fake := startEdge(t, st, false)

	var before, after, broken networkAnswer
	run.ask("/api/v1/network", &before)
	if before.Status != 200 || before.Body.Live || before.Body.Height != netdata.Committed().Height {
		t.Errorf("before the cron: %+v", before)
	}
	var stored struct{ KV netdata.Snapshot }
	run.ask("cron", &stored)
	if stored.KV.Height != st.Height || stored.KV.Bits != chain.FormatBits(st.Bits) || stored.KV.PriceUSD != 91000.50 || stored.KV.Stale ||
		stored.KV.UsdVnd != 26_412 || stored.KV.Figures[netdata.FigUsdVnd].Time != st.VNDAt.Unix() {
		t.Errorf("KV after the cron: %+v", stored.KV)
	}
	run.ask("/api/v1/network", &after)
	if !after.Body.Live || after.Body.Height != st.Height || after.Body.Stale || after.Body.UsdVnd != 26_412 || after.CacheControl != "public, max-age=60" {
		t.Errorf("after the cron: %+v", after)
	}
	if age := after.Body.Figures["price"].AgeSec; age < 0 || age > 60 {
		t.Errorf("price age %d s", age)
	}
	if fake.Hits(refresh.PathBlocks) != 1 || fake.Hits(refresh.PathKraken) != 1 {
		t.Errorf("upstream hits: blocks %d, kraken %d", fake.Hits(refresh.PathBlocks), fake.Hits(refresh.PathKraken))
	}

	// oEmbed, as Netlify proxies /oembed to the worker.
	var o struct {
		Status int
		Body   struct{ HTML string }
	}
	run.ask("/oembed?url=https%3A%2F%2Fhashswitch.example%2Fembed%2Fhashprice%2F%3Fprice%3D50000", &o)
	if o.Status != 200 || !strings.Contains(o.Body.HTML, `src="https://hashswitch.example/embed/hashprice/?price=50000"`) {
		t.Errorf("oEmbed at the edge: %+v", o)
	}

	st.Height++
	st.Fail = map[string]int{refresh.PathCoinbase: 500, refresh.PathKraken: 503, refresh.PathBitstamp: 502, refresh.PathVietcombank: 503}
	fake.Set(st)
	run.ask("cron", &stored)
	run.ask("/api/v1/network", &broken)
	if broken.Body.Height != st.Height || broken.Body.PriceUSD != 91000.50 || !broken.Body.Stale ||
		!broken.Body.Figures["price"].Stale || broken.Body.Figures["height"].Stale ||
		broken.Body.UsdVnd != 26_412 || !broken.Body.Figures["usd_vnd"].Stale {
		t.Errorf("with the exchanges down: %+v", broken)
	}
}

// TestCronKeepsPoisonOutOfKV: the findings of issue 24 through the Cron
// Trigger and KV. A first run with every upstream down writes nothing (the
// committed snapshot is no live figure). An upstream that answers a tip at
// height 2147483647, 49.99 BTC of fees a block, and a price of 9,999,999
// from one exchange with the other two down leaves KV's figures as they
// were, marked stale; the next true tip is taken, so nothing is poisoned
// for good.
func TestCronKeepsPoisonOutOfKV(t *testing.T) {
	st := fakeupstream.Typical()
	down := st
	down.Fail = map[string]int{}
	for _, p := range []string{refresh.PathBlocks, refresh.PathRewardStats, refresh.PathHashrate, refresh.PathCoinbase, refresh.PathKraken, refresh.PathBitstamp, refresh.PathVietcombank} {
		down.Fail[p] = 503
	}
	run, fake := startEdge(t, down, false)
	var nothing struct{ KV *netdata.Snapshot }
	if run.ask("cron", &nothing); nothing.KV != nil {
		t.Errorf("a first run with every upstream down kept %+v", *nothing.KV)
	}
	fake.Set(st)
	var kept struct{ KV netdata.Snapshot }
	run.ask("cron", &kept)
	good := kept.KV
	if good.Height != st.Height || good.Stale {
		t.Fatalf("KV after a good run: %+v", good)
	}

	poison := st
	poison.Height = 2147483647
	poison.FeesSat = 144 * 4_999_000_000
	poison.Coinbase = "9999999"
	poison.Fail = map[string]int{refresh.PathKraken: 503, refresh.PathBitstamp: 502}
	fake.Set(poison)
	run.ask("cron", &kept)
	s := kept.KV
	if s.Height != good.Height || s.SubsidyBTC != 3.125 || s.FeesBTC != good.FeesBTC || s.PriceUSD != good.PriceUSD || !s.Stale {
		t.Errorf("KV after a poisoned run: height %d, subsidy %v, fees %v, price %v, stale %v", s.Height, s.SubsidyBTC, s.FeesBTC, s.PriceUSD, s.Stale)
	}
	for _, fig := range []string{netdata.FigHeight, netdata.FigDifficulty, netdata.FigFees, netdata.FigPrice} {
		if f := s.Figures[fig]; !f.Stale || f.Time != good.Figures[fig].Time {
			t.Errorf("%s after a poisoned run: %+v", fig, f)
		}
	}

	st.Height++
	fake.Set(st)
	run.ask("cron", &kept)
	var answer networkAnswer
	run.ask("/api/v1/network", &answer)
	if kept.KV.Height != st.Height || kept.KV.Stale || !answer.Body.Live || answer.Body.Height != st.Height || answer.Body.Stale {
		t.Errorf("the true tip after the poison: KV %d, answer %+v", kept.KV.Height, answer)
	}
}
