// Package e2e tests the built site in headless Chromium (Debian's chromium
// package), driven by chromedp: the pages, their WebAssembly, and the
// browser's view of the headers.
package e2e

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/hashswitch/hashswitch/build/gen"
	"github.com/hashswitch/hashswitch/build/server"
	"github.com/hashswitch/hashswitch/wasm/api"
)

var (
	site     *httptest.Server // the built site and the native API
	distDir  string           // what site serves
	browser  context.Context  // one Chromium for the whole run
	repoRoot = filepath.Join("..", "..")
)

func TestMain(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	chromium, err := findChromium()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	distDir, err = os.MkdirTemp("", "hashswitch-dist")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(distDir)
	// The site is built for the address it is served on, as the dev server
	// does: embed codes and oEmbed answers point here.
	site = httptest.NewUnstartedServer(nil)
	defer site.Close()
	if _, err := gen.Build(gen.Config{Root: repoRoot, Out: distDir, Brotli: 11, BaseURL: "http://" + site.Listener.Addr().String()}); err != nil {
		fmt.Fprintln(os.Stderr, "building the site:", err)
		return 1
	}
	rules, err := server.LoadRules(filepath.Join(repoRoot, "netlify.toml"))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	site.Config.Handler = server.Handler(distDir, rules, "http://"+site.Listener.Addr().String())
	site.Start()

	profile, err := os.MkdirTemp("", "hashswitch-chromium")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(profile)
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), chromiumOptions(chromium, profile)...)
	defer cancelAlloc()
	var cancel context.CancelFunc
	browser, cancel = chromedp.NewContext(alloc)
	defer cancel()
	if err := chromedp.Do(browser); err != nil {
		fmt.Fprintln(os.Stderr, "starting Chromium:", err)
		return 1
	}
	return m.Run()
}

// chromiumOptions are how the tests start Chromium, headless, with the
// profile in dir.
func chromiumOptions(chromium, dir string) []chromedp.ExecAllocatorOption {
	return []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromium),
		chromedp.UserDataDir(dir),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
	}
}

// findChromium returns Debian's Chromium, or says how to install it.
func findChromium() (string, error) {
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", fmt.Errorf("the browser tests need Chromium: run `apt-get update && apt-get install -y chromium` (make test does this as root)")
}

// tab is one browser tab with what it saw: console errors, exceptions, log
// errors (CSP violations among them) and every request it made.
type tab struct {
	ctx context.Context
	// httpErrorsExpected stops 4xx answers the test asked for from counting
	// as problems (Chromium logs each one).
	httpErrorsExpected bool
	// offlineExpected stops failed connections from counting, once a test
	// has stopped its server on purpose.
	offlineExpected bool
	// framingRefusalExpected stops the CSP's refusal to be framed from
	// counting, in the test that checks it.
	framingRefusalExpected bool
	// origins a test's pages may request, besides the site's.
	origins  []string
	mu       sync.Mutex
	problems []string
	requests []string
}

func newTab(t testing.TB, opts ...chromedp.ContextOption) *tab {
	t.Helper()
	return newTabFor(t, 60*time.Second, opts...)
}

// newTabFor is newTab for work that takes longer than a minute, such as a
// benchmark's rounds.
func newTabFor(t testing.TB, limit time.Duration, opts ...chromedp.ContextOption) *tab {
	t.Helper()
	return newTabIn(t, browser, limit, opts...)
}

// newTabIn is newTabFor in another Chromium than the shared one.
func newTabIn(t testing.TB, browser context.Context, limit time.Duration, opts ...chromedp.ContextOption) *tab {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browser, opts...)
	ctx, cancelTimeout := context.WithTimeout(ctx, limit)
	tb := &tab{ctx: ctx}
	err := chromedp.Listen(ctx, func(ev any) {
		tb.mu.Lock()
		defer tb.mu.Unlock()
		switch ev := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeWarning {
				var parts []string
				for _, a := range ev.Args {
					parts = append(parts, fmt.Sprint(a.Value)+a.Description)
				}
				tb.problems = append(tb.problems, "console: "+strings.Join(parts, " "))
			}
		case *runtime.EventExceptionThrown:
			d := ev.ExceptionDetails
			desc := d.Text
			if d.Exception != nil {
				desc += " " + d.Exception.Description
			}
			tb.problems = append(tb.problems, fmt.Sprintf("exception: %s at %s:%d", desc, d.URL, d.LineNumber))
		case *cdplog.EventEntryAdded:
			if ev.Entry.Level == cdplog.EntryLevelError {
				tb.problems = append(tb.problems, "log: "+ev.Entry.Text+" "+ev.Entry.URL)
			}
		case *network.EventRequestWillBeSent:
			tb.requests = append(tb.requests, ev.Request.URL)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	enable := chromedp.Func(func(ctx context.Context, target *chromedp.Target) error {
		if _, err := cdp.Call(ctx, target, cdplog.Enable, cdp.Empty{}); err != nil {
			return err
		}
		_, err := cdp.Call(ctx, target, network.Enable, network.EnableParams{})
		return err
	})
	if err := chromedp.Do(ctx, enable); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		tb.check(t)
		cancelTimeout()
		cancel()
	})
	return tb
}

// check fails the test on any console error or request to another origin.
func (tb *tab) check(t testing.TB) {
	t.Helper()
	tb.mu.Lock()
	defer tb.mu.Unlock()
	for _, p := range tb.problems {
		if tb.httpErrorsExpected && strings.HasPrefix(p, "log: Failed to load resource: the server responded with a status of 4") ||
			tb.offlineExpected && strings.Contains(p, "net::ERR_") ||
			tb.framingRefusalExpected && (strings.Contains(p, "frame-ancestors") || strings.Contains(p, "X-Frame-Options")) {
			continue
		}
		t.Errorf("browser reported %s", p)
	}
	for _, u := range tb.requests {
		if !tb.allowed(u) {
			t.Errorf("request left the origin: %s", u)
		}
	}
}

// allowed reports whether a request stays on the site or a test's origins.
func (tb *tab) allowed(u string) bool {
	if strings.HasPrefix(u, "data:") || strings.HasPrefix(u, "blob:") {
		return true
	}
	for _, o := range append([]string{site.URL}, tb.origins...) {
		if strings.HasPrefix(u, o+"/") {
			return true
		}
	}
	return false
}

func (tb *tab) run(t testing.TB, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(tb.ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

// into runs a and stores its value in dst, as a step.
func into[T any](a chromedp.Action[T], dst *T) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		v, err := a(ctx, t)
		*dst = v
		return chromedp.Void{}, err
	}
}

// evaluate runs a script, awaiting the promise it may return, into dst.
func evaluate[T any](script string, dst *T) chromedp.Action[chromedp.Void] {
	return into(chromedp.Evaluate[T](script, chromedp.EvalAwaitPromise), dst)
}

// until waits for a script to be truthy.
func until(script string, timeout time.Duration) chromedp.Action[chromedp.Void] {
	return chromedp.Poll[chromedp.Void](script, chromedp.WithPollingTimeout(timeout))
}

// eventually waits for a script to be truthy across navigations, which
// end a Poll: it asks again until the timeout.
func eventually(script string, timeout time.Duration) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		deadline := time.Now().Add(timeout)
		for {
			ok, err := chromedp.Evaluate[bool](script, chromedp.EvalAwaitPromise)(ctx, t)
			if err == nil && ok {
				return chromedp.Void{}, nil
			}
			if time.Now().After(deadline) {
				return chromedp.Void{}, fmt.Errorf("%s: not true after %v (last error %v)", script, timeout, err)
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
}

// waitWasm waits until the page's WebAssembly has started.
func waitWasm() chromedp.Action[chromedp.Void] {
	return until(`document.documentElement.dataset.wasm === "ready"`, 30*time.Second)
}

// siteHandler serves the build in dir with netlify.toml's rules, as the
// dev server does, and the API with opts.
func siteHandler(t testing.TB, dir string, opts ...api.Option) http.Handler {
	t.Helper()
	rules, err := server.LoadRules(filepath.Join(repoRoot, "netlify.toml"))
	if err != nil {
		t.Fatal(err)
	}
	return server.Handler(dir, rules, site.URL, opts...)
}

// newsPage serves a news article of another origin (a second loopback
// port) whose body is body, in language lang, until the test ends, and
// lets tb load it.
func newsPage(t testing.TB, tb *tab, lang, body string) *httptest.Server {
	host := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!doctype html><html lang="%s"><head><title>News</title><link rel="icon" href="data:,"></head><body>%s</body></html>`, lang, body)
	}))
	t.Cleanup(host.Close)
	tb.origins = append(tb.origins, host.URL)
	return host
}

// readyLog is a news page's scripts: one that keeps each embed's
// hashswitch:ready message ("NAME ORIGIN") in window.live, and embed.js.
func readyLog() string {
	return `<script>
window.live = [];
addEventListener("message", (e) => { if (e.data && e.data.type === "hashswitch:ready") live.push(e.data.name + " " + e.origin); });
</script>
<script src="` + site.URL + `/embed.js" async></script>`
}

// freshSite serves the test build on an origin no other test has visited,
// so its service worker and caches start empty, until the test ends.
func freshSite(t testing.TB, opts ...api.Option) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(siteHandler(t, distDir, opts...))
	t.Cleanup(srv.Close)
	return srv
}

// touch is the reader's first touch of a calculator: focus on its first
// input, which starts the page's WebAssembly (without presets, nothing
// else does: newer figures are computed by a worker).
func touch() chromedp.Action[chromedp.Void] {
	return evaluate(`document.querySelector("section.calc input, section.calc textarea, #try input").focus(), true`, new(bool))
}

// waitNetwork waits until the page has its network figures and has
// recomputed its calculators from them.
func waitNetwork() chromedp.Action[chromedp.Void] {
	return until(`document.documentElement.dataset.network !== undefined`, 30*time.Second)
}
