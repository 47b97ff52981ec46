package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// axeSource is axe-core's browser build, from the npm dev tools
// (build/e2e/package.json).
var axeSource = sync.OnceValues(func() (string, error) {
	b, err := os.ReadFile(filepath.Join(repoRoot, "build", "e2e", "node_modules", "axe-core", "axe.min.js"))
	return string(b), err
})

// axeRules are the rule sets every page is held to: WCAG 2.0, 2.1 and 2.2
// at A and AA, and axe's best practices (axe's runOnly).
const axeRules = `{type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]}`

// axeColours are the rules a change of colours alone can break: in dark
// mode the page's structure is the same, only its colours differ.
const axeColours = `{type: "rule", values: ["color-contrast", "link-in-text-block"]}`

// violation is one axe rule a page breaks, with the nodes that break it.
type violation struct {
	ID     string   `json:"id"`
	Impact string   `json:"impact"`
	Help   string   `json:"help"`
	Nodes  []string `json:"nodes"` // each: its selector, its HTML, what to fix
}

// axeCheck injects axe-core into the page, unless it is there (through
// the DevTools protocol, which the page's CSP does not govern: a test
// asserts it runs), and runs rules (axeRules, axeColours) over the
// document, frames left out (an embed's preview is checked as an embed),
// into dst.
func axeCheck(rules string, dst *[]violation) chromedp.Action[chromedp.Void] {
	return axeCheckIn("", rules, dst)
}

// axeCheckIn is axeCheck over the elements scope selects alone (all of the
// document when scope is ""): a state that changes one part of a page (a
// dialog open, a field's error) is checked there, the rest of the page
// having been checked as it loaded. axe leaves its page-level rules (one
// main landmark, a heading) to a run over the whole document.
func axeCheckIn(scope, rules string, dst *[]violation) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		src, err := axeSource()
		if err != nil {
			return chromedp.Void{}, fmt.Errorf("axe-core is not installed (%v): run sh build/deps.sh", err)
		}
		loaded, err := chromedp.Evaluate[bool](`typeof axe === "object" && typeof axe.run === "function"`)(ctx, t)
		if err != nil {
			return chromedp.Void{}, err
		}
		if !loaded {
			if _, err := chromedp.Evaluate[any](src+"\n;true")(ctx, t); err != nil {
				return chromedp.Void{}, fmt.Errorf("injecting axe-core: %w", err)
			}
		}
		context := "document"
		if scope != "" {
			b, _ := json.Marshal(scope)
			context = "{include: [" + string(b) + "]}"
		}
		v, err := chromedp.Evaluate[[]violation](`axe.run(`+context+`, {runOnly: `+rules+`, iframes: false, resultTypes: ["violations"]})
			.then((r) => r.violations.map((v) => ({id: v.id, impact: v.impact || "", help: v.help,
				nodes: v.nodes.map((n) => n.target.join(" ") + "  " + n.html.replace(/\s+/g, " ").slice(0, 160) +
					(n.failureSummary ? "  → " + n.failureSummary.split("\n").slice(1).join("; ").trim() : ""))})))`, chromedp.EvalAwaitPromise)(ctx, t)
		*dst = v
		return chromedp.Void{}, err
	}
}

// emulateDark makes the page see prefers-color-scheme: dark (or, with
// false, the system's default again).
func emulateDark(dark bool) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, target *chromedp.Target) error {
		p := emulation.SetEmulatedMediaParams{}
		if dark {
			p.Features = []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}}
		}
		_, err := cdp.Call(ctx, target, emulation.SetEmulatedMedia, p)
		return err
	})
}

// transitionsDone waits for the page's transitions (a result's colour, when the
// theme changes) to end, so that axe sees the colours a reader reads.
func transitionsDone() chromedp.Action[chromedp.Void] {
	return until(`document.getAnimations().every((a) => a.playState !== "running")`, 5*time.Second)
}

// builtPages lists the path of every page the build wrote, the 404 page
// as an unknown path.
func builtPages(t *testing.T) []string {
	t.Helper()
	var paths []string
	err := filepath.WalkDir(distDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() != "index.html" {
			return err
		}
		rel, _ := filepath.Rel(distDir, filepath.Dir(p))
		switch rel = filepath.ToSlash(rel); rel {
		case ".":
			paths = append(paths, "/")
		case "404":
			paths = append(paths, "/no-such-page/")
		default:
			paths = append(paths, "/"+rel+"/")
		}
		return nil
	})
	if err != nil || len(paths) < 20 {
		t.Fatalf("the build's pages: %v, %v", paths, err)
	}
	slices.Sort(paths)
	return paths
}

// TestAxeRunsUnderTheCSP: axe-core, injected, runs in a page under the
// site's strict CSP and finds a violation planted in it, so a clean run
// elsewhere means something.
func TestAxeRunsUnderTheCSP(t *testing.T) {
	tb := newTab(t)
	var found, inMain, inFooter []violation
	tb.run(t,
		chromedp.Navigate(site.URL+"/hashprice/"),
		evaluate(`document.querySelector("main").insertAdjacentHTML("beforeend", '<img src="data:," class="planted">'), true`, new(bool)),
		axeCheck(axeRules, &found),
		axeCheckIn("main", axeRules, &inMain),
		axeCheckIn("footer", axeRules, &inFooter),
	)
	planted := func(vs []violation) bool {
		for _, v := range vs {
			if v.ID == "image-alt" && strings.Contains(strings.Join(v.Nodes, " "), "planted") {
				return true
			}
		}
		return false
	}
	if !planted(found) || !planted(inMain) {
		t.Errorf("axe did not find the image without alt text: over the document %+v, in main %+v", found, inMain)
	}
	if planted(inFooter) {
		t.Errorf("axe over the footer alone reported the image in main: %+v", inFooter)
	}
}

// TestAxe runs axe-core over every page and embed of the build, English
// and Vietnamese, at 1280 and 375 px, in each state a reader can put it in:
// as it loads; in dark mode; with the embed dialog open; with a bad value
// typed into its first calculator (the error state, at 375 px). Each page
// is loaded once and resized, so that axe is injected once per page (its
// start is most of a run's cost on these two cores); the dialog and the
// error are checked where they are. Every violation is reported with its
// nodes. The same load checks, at 375 px, that every target is at least
// 24x24 px and the primary actions (share, embed, compute) 44, folded
// groups opened, and that the page does not scroll sideways. The pages run
// in parallel tabs (go test's -parallel, GOMAXPROCS by default).
func TestAxe(t *testing.T) {
	paths := builtPages(t)
	var count atomic.Int64
	t.Cleanup(func() { t.Logf("%d pages and states checked", count.Load()) })
	for _, path := range paths {
		t.Run(path, func(t *testing.T) {
			t.Parallel()
			count.Add(int64(axePage(t, path)))
		})
	}
}

// axePage checks one page at each width in each of its states and returns
// how many states it checked.
func axePage(t *testing.T, path string) int {
	tb := newTabFor(t, 3*time.Minute)
	tb.httpErrorsExpected = path == "/no-such-page/"
	states := 0
	report := func(state string, width int64, vs []violation) {
		states++
		for _, v := range vs {
			t.Errorf("%s at %d px, %s: %s (%s): %s\n\t%s", path, width, state, v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "\n\t"))
		}
	}
	var calcs, embed bool
	tb.run(t,
		chromedp.EmulateViewport(1280, 900),
		chromedp.Navigate(site.URL+path),
		evaluate(`document.querySelector("section.calc input[inputmode=decimal]") !== null`, &calcs),
		evaluate(`document.body.dataset.embed !== undefined`, &embed),
	)
	for _, width := range []int64{1280, 375} {
		var light, dark []violation
		tb.run(t,
			chromedp.EmulateViewport(width, 900),
			axeCheck(axeRules, &light),
			emulateDark(true),
			transitionsDone(),
			axeCheck(axeColours, &dark),
			emulateDark(false),
			transitionsDone(),
		)
		report("default", width, light)
		report("dark", width, dark)
		if calcs && !embed {
			var open []violation
			tb.run(t,
				// A click by script: a chart laid out as it nears the screen
				// (content-visibility) can move the link under a pointer.
				evaluate(`document.querySelector("section.calc a.embed-link").click(), true`, new(bool)),
				until(`document.getElementById("embed-dialog").open`, 5*time.Second),
				axeCheckIn("#embed-dialog", axeRules, &open),
				evaluate(`document.querySelector("#embed-dialog .embed-close").click(), true`, new(bool)),
			)
			report("the embed dialog open", width, open)
		}
	}
	var small []string
	var sideways bool
	tb.run(t,
		evaluate(`document.querySelectorAll("details").forEach((d) => d.open = true), true`, new(bool)),
		evaluate(targetsScript, &small),
		evaluate(`document.documentElement.scrollWidth > document.documentElement.clientWidth`, &sideways),
	)
	for _, s := range small {
		t.Errorf("%s at 375 px: %s", path, s)
	}
	if sideways {
		t.Errorf("%s scrolls sideways at 375 px", path)
	}
	if calcs {
		var bad []violation
		sel := `section.calc input[inputmode=decimal]`
		tb.run(t,
			touch(), waitWasm(),
			retype(sel, "abc"),
			until(`document.querySelector("`+sel+`").closest("section.calc").classList.contains("has-error")`, 20*time.Second),
			axeCheckIn("section.calc.has-error", axeRules, &bad),
		)
		report("a bad value typed", 375, bad)
	}
	return states
}
