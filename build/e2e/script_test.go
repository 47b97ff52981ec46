package e2e

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/hashswitch/hashswitch/wasm/locale"
	"github.com/hashswitch/hashswitch/wasm/netdata"
	"github.com/hashswitch/hashswitch/wasm/widget"
)

// failFirst makes the network drop the tab's first request whose URL
// matches pattern (the Fetch domain's: * is anything) and lets every later
// one through; it counts the requests it saw.
func failFirst(t *testing.T, tb *tab, pattern string) *atomic.Int32 {
	t.Helper()
	seen := new(atomic.Int32)
	tb.run(t, chromedp.Func(func(_ context.Context, target *chromedp.Target) error {
		paused := cdp.Events(tb.ctx, target, fetch.RequestPaused)
		if _, err := cdp.Call(tb.ctx, target, fetch.Enable, fetch.EnableParams{Patterns: []*fetch.RequestPattern{{URLPattern: pattern}}}); err != nil {
			return err
		}
		go func() {
			for ev, err := range paused {
				if err != nil {
					return
				}
				if seen.Add(1) == 1 {
					cdp.Call(tb.ctx, target, fetch.FailRequest, fetch.FailRequestParams{RequestID: ev.RequestID, ErrorReason: network.ErrorReasonFailed})
				} else {
					cdp.Call(tb.ctx, target, fetch.ContinueRequest, fetch.ContinueRequestParams{RequestID: ev.RequestID})
				}
			}
		}()
		return nil
	}))
	return seen
}

// expectProblems takes what the tab reported so far out of its check:
// each must be one that expected accepts, else the test fails.
func (tb *tab) expectProblems(t *testing.T, expected func(string) bool) {
	t.Helper()
	tb.mu.Lock()
	defer tb.mu.Unlock()
	for _, p := range tb.problems {
		if !expected(p) {
			t.Errorf("browser reported %s", p)
		}
	}
	tb.problems = nil
}

// TestWebAssemblyStartsAgainAfterAFailure: the network drops the page's
// WebAssembly on the reader's first touch. The page says so once, raises
// no unhandled rejection while its countdown ticks on, and the reader's
// next touch starts the WebAssembly, which then computes.
func TestWebAssemblyStartsAgainAfterAFailure(t *testing.T) {
	// A browser context of its own: no service worker or HTTP cache
	// answers the download before the network can drop it.
	tb := newTab(t, chromedp.WithNewBrowserContext())
	wasm := failFirst(t, tb, "*/assets/wasm/app.*.wasm")
	var state, clockBefore, clockAfter string
	tb.run(t,
		chromedp.Navigate(site.URL+"/halving/"),
		touch(),
		until(`document.documentElement.dataset.wasm === "failed"`, 20*time.Second),
		evaluate(`document.querySelector("output.countdown").value`, &clockBefore),
		// Long enough for a countdown that called Go every second to fail
		// three times.
		chromedp.Sleep(3500*time.Millisecond),
		evaluate(`document.querySelector("output.countdown").value`, &clockAfter),
		evaluate(`document.documentElement.dataset.wasm`, &state),
	)
	if wasm.Load() != 1 || state != "failed" {
		t.Fatalf("%d requests for the WebAssembly, its state %q: the first did not fail as set up", wasm.Load(), state)
	}
	if clockBefore == clockAfter || !strings.Contains(clockAfter, ":") {
		t.Errorf("the countdown stopped with the WebAssembly: %q, then %q", clockBefore, clockAfter)
	}
	failure := func(p string) bool {
		return strings.Contains(p, "the WebAssembly did not start") || strings.HasPrefix(p, "log: Failed to load resource: net::ERR_FAILED")
	}
	tb.expectProblems(t, failure) // an exception (an unhandled rejection among them) is not one
	// The next touch starts it again, and the calculator computes.
	tb.run(t,
		evaluate(`document.activeElement.blur(), true`, new(bool)),
		retype(`section[data-calc="halving"] [name="height"]`, "1049999"),
		waitWasm(),
	)
	got, want := settled(t, tb, "halving")
	sameOutputs(t, "after the second touch", got, want)
	// (The second download may come from the service worker's cache,
	// which the first visit filled, so count the starts.)
	var starts int
	tb.run(t, evaluate(`performance.getEntriesByName("hashswitch-start").length`, &starts))
	if starts != 2 {
		t.Errorf("the WebAssembly started %d times, want the failed start and one more", starts)
	}
	tb.expectProblems(t, func(string) bool { return false })
}

// TestHalvingEmbedTicksWithoutWebAssembly: the halving embed, a guest in
// an article, counts down to the halving every second without loading any
// WebAssembly or Go's runtime, in the words Go writes a countdown with
// (human.Style), in either language; touched, it goes live.
func TestHalvingEmbedTicksWithoutWebAssembly(t *testing.T) {
	for _, lang := range locale.Tags {
		t.Run(string(lang), func(t *testing.T) {
			tb := newTab(t, chromedp.WithNewBrowserContext())
			var first, later string
			var eta, before, after float64
			tb.run(t,
				chromedp.Navigate(site.URL+widget.EmbedPath(lang, "halving")),
				evaluate(`document.querySelector("output.countdown").value`, &first),
				chromedp.Sleep(2500*time.Millisecond),
				evaluate(`Math.floor(Date.now() / 1000)`, &before),
				evaluate(`document.querySelector("output.countdown").value`, &later),
				evaluate(`Math.floor(Date.now() / 1000)`, &after),
				evaluate(`Number(document.querySelector('output[data-key="eta_unix"]').dataset.value)`, &eta),
			)
			tb.mu.Lock()
			requests := append([]string(nil), tb.requests...)
			tb.mu.Unlock()
			for _, u := range requests {
				if strings.HasSuffix(u, ".wasm") || strings.Contains(u, "wasm_exec") {
					t.Errorf("the embed fetched %s before the reader touched it", u)
				}
			}
			if first == later {
				t.Errorf("the countdown did not tick: %q", first)
			}
			st := lang.Style()
			if eta <= float64(netdata.Committed().TipTime) {
				t.Fatalf("no moment to count to: %v", eta)
			}
			// Go's words for the same moment: the clock's last tick, a
			// second at most before the read, or between the two reads.
			var words []string
			for now := int64(before) - 1; now <= int64(after); now++ {
				words = append(words, st.Countdown(int64(eta), now))
			}
			if !slices.Contains(words, later) {
				t.Errorf("the countdown says %q, Go writes %q", later, words)
			}
			tb.run(t, touch(), waitWasm(), waitNetwork(),
				chromedp.Sleep(1500*time.Millisecond),
				evaluate(`document.querySelector("output.countdown").value`, &first),
				chromedp.Sleep(1100*time.Millisecond),
				evaluate(`document.querySelector("output.countdown").value`, &later),
			)
			if first == later || !strings.Contains(later, " "+st.Days+" ") {
				t.Errorf("live, the countdown says %q, then %q", first, later)
			}
		})
	}
}

// TestEmbedDialogSpeaksTheChosenLanguage: on a Vietnamese page the dialog
// gives the English embed with its English title, and the Vietnamese one
// with its Vietnamese title (the calculator's data-title-LANG and
// data-embed-LANG, which Go writes); the page's own scenario, nothing
// changed, embeds no parameter.
func TestEmbedDialogSpeaksTheChosenLanguage(t *testing.T) {
	tb := newTab(t)
	var en, vi string
	// (TestEmbedDialog clicks as a reader does; here the code is what counts.)
	click := func(sel string) chromedp.Action[chromedp.Void] {
		return evaluate(fmt.Sprintf(`document.querySelector(%q).click(), true`, sel), new(bool))
	}
	tb.run(t,
		chromedp.Navigate(site.URL+"/vi/halving/"),
		until(`document.documentElement.classList.contains("js")`, 10*time.Second),
		click(`section[data-calc="halving"] a.embed-link`),
		until(`document.getElementById("embed-dialog").open`, 10*time.Second),
		click(`#embed-dialog input[name="embed-lang"][value="en"]`),
		evaluate(`document.getElementById("embed-code").value`, &en),
		click(`#embed-dialog input[name="embed-lang"][value="vi"]`),
		evaluate(`document.getElementById("embed-code").value`, &vi),
	)
	w := widget.Lookup("halving")
	if !strings.Contains(en, `src="`+site.URL+`/embed/halving/"`) || !strings.Contains(en, fmt.Sprintf("title=%q", w.Title)) {
		t.Errorf("the English code: %s", en)
	}
	if !strings.Contains(vi, `src="`+site.URL+`/vi/embed/halving/"`) || !strings.Contains(vi, fmt.Sprintf("title=%q", locale.VI.T(w.Title))) {
		t.Errorf("the Vietnamese code: %s", vi)
	}
}
