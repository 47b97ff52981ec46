package e2e

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/chromedp"
)

// screenshot writes the tab's viewport to $HASHSWITCH_SHOTS/name.png when
// that folder is set, for a person to look at; without it, nothing.
func screenshot(t testing.TB, name string) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, target *chromedp.Target) (chromedp.Void, error) {
		dir := os.Getenv("HASHSWITCH_SHOTS")
		if dir == "" {
			return chromedp.Void{}, nil
		}
		png, err := chromedp.CaptureScreenshot()(ctx, target)
		if err != nil {
			return chromedp.Void{}, err
		}
		return chromedp.Void{}, os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644)
	}
}

// openDialog clicks calculator sel's Embed link and waits for the dialog's
// preview to load the embed its code names.
func openDialog(sel string) chromedp.Action[chromedp.Void] {
	return chromedp.Steps(
		chromedp.Click(chromedp.CSS(sel+" a.embed-link")),
		until(`document.getElementById("embed-dialog").open`, 5*time.Second),
		until(`(() => { const f = document.querySelector("#embed-dialog iframe.embed-preview");
			return f.src && f.contentDocument && f.contentDocument.readyState === "complete" && f.contentDocument.querySelector("section.calc"); })()`, 20*time.Second),
	)
}

// codeSrc is the src of the iframe in the dialog's code, as a URL.
func codeSrc(t *testing.T, code string) *url.URL {
	t.Helper()
	_, rest, ok := strings.Cut(code, `<iframe src="`)
	src, _, _ := strings.Cut(rest, `"`)
	u, err := url.Parse(strings.ReplaceAll(src, "&amp;", "&"))
	if !ok || err != nil {
		t.Fatalf("no iframe src in %s", code)
	}
	return u
}

// TestEmbedDialogCapturesTheEdits: after two edits to a calculator, the
// dialog's code embeds exactly those two parameters (the network's figures
// stay live, nothing empty is written), says so in words, previews that
// very URL, pins the figures' day and sets a width when asked, and fits a
// 320 px screen. In English and Vietnamese.
func TestEmbedDialogCapturesTheEdits(t *testing.T) {
	for _, c := range []struct {
		path, price, summary string
	}{
		{"/calculators/", "0.07", "Site power: 50 MW at the meter; Power price: $0.07 per kWh"},
		{"/vi/calculators/", "0,07", "Công suất cơ sở: 50 MW tại công tơ; Giá điện: 0,07 USD mỗi kWh"},
	} {
		t.Run(c.path, func(t *testing.T) {
			tb := newTab(t)
			var code, summary, preview string
			var width, dialogWidth float64
			tb.run(t,
				chromedp.EmulateViewport(320, 640),
				chromedp.Navigate(site.URL+c.path),
				touch(), waitWasm(), waitNetwork(),
				retype(`#convert-1 [name="mw"]`, "50"),
				retype(`#convert-1 [name="power_price"]`, c.price),
				until(`document.querySelector("#convert-1 a.embed-link").href.includes("power_price=0.07")`, 10*time.Second),
				openDialog("#convert-1"),
				evaluate(`document.getElementById("embed-code").value`, &code),
				evaluate(`document.querySelector("#embed-dialog .embed-captured").textContent`, &summary),
				evaluate(`document.querySelector("#embed-dialog iframe.embed-preview").contentWindow.location.href`, &preview),
				evaluate(`document.documentElement.clientWidth`, &width),
				evaluate(`(() => { const d = document.getElementById("embed-dialog"); const r = d.getBoundingClientRect();
					return Math.max(r.right, d.scrollWidth + r.left) - Math.min(r.left, 0); })()`, &dialogWidth),
				screenshot(t, "dialog-320"+strings.ReplaceAll(strings.Trim(c.path, "/"), "/", "-")),
			)
			src := codeSrc(t, code)
			if got := src.Query(); len(got) != 2 || got.Get("mw") != "50" || got.Get("power_price") != "0.07" {
				t.Errorf("the code embeds %s, want mw=50 and power_price=0.07 alone", src.RawQuery)
			}
			if preview != src.String() {
				t.Errorf("the preview shows %s, the code embeds %s", preview, src)
			}
			if summary != c.summary {
				t.Errorf("the summary says %q, want %q", summary, c.summary)
			}
			if dialogWidth > width {
				t.Errorf("the dialog is %.0f px wide on a %.0f px screen", dialogWidth, width)
			}
			// Pinned figures and a fixed width.
			var pinned, asof string
			tb.run(t,
				chromedp.Click(chromedp.CSS(`#embed-dialog input[name="embed-figures"][value="pinned"]`)),
				chromedp.Click(chromedp.CSS(`#embed-dialog input[name="embed-width"][value="400"]`)),
				evaluate(`document.getElementById("embed-code").value`, &pinned),
				evaluate(`JSON.parse(document.body.dataset.network).as_of`, &asof),
				until(`document.querySelector("#embed-dialog iframe.embed-preview").getAttribute("src").includes("asof=")`, 5*time.Second),
			)
			if q := codeSrc(t, pinned).Query(); len(q) != 3 || q.Get("asof") != asof || asof == "" || !strings.Contains(pinned, `width="400"`) {
				t.Errorf("pinned to %q, 400 px wide: %s", asof, pinned)
			}
		})
	}
}

// TestEmbedDialogScreens: the dialog open at 375 and 1280 px (and 320
// above), for a person to look at; at each its box stays inside the
// screen and nothing in it is wider than the dialog.
func TestEmbedDialogScreens(t *testing.T) {
	for _, w := range []int64{375, 1280} {
		tb := newTab(t)
		var inside bool
		tb.run(t,
			chromedp.EmulateViewport(w, 800),
			chromedp.Navigate(site.URL+"/mining-vs-ai/"),
			touch(), waitWasm(), waitNetwork(),
			openDialog("#convert-2"),
			evaluate(`(() => { const d = document.getElementById("embed-dialog"); const r = d.getBoundingClientRect();
				return r.left >= 0 && r.right <= document.documentElement.clientWidth && d.scrollWidth <= d.clientWidth; })()`, &inside),
			screenshot(t, fmt.Sprintf("dialog-%d", w)),
		)
		if !inside {
			t.Errorf("at %d px the dialog leaves the screen or scrolls sideways", w)
		}
	}
}

// grantClipboard lets the site's pages read and write the clipboard, as
// a reader's click does for writing.
func grantClipboard() chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		b := chromedp.FromContext(ctx).Browser
		for _, name := range []string{"clipboard-read", "clipboard-write"} {
			p := cdpbrowser.SetPermissionParams{Permission: &cdpbrowser.PermissionDescriptor{Name: name, AllowWithoutSanitization: true},
				Setting: cdpbrowser.PermissionSettingGranted, Origin: site.URL}
			if _, err := cdp.Call(ctx, b, cdpbrowser.SetPermission, p); err != nil {
				return err
			}
		}
		return nil
	})
}

// TestShareCopiesTheScenario: Share is a button of 44 px or more; where
// the browser has no share sheet it copies the scenario's address and says
// so in its live region; where it has one, the sheet gets that address.
func TestShareCopiesTheScenario(t *testing.T) {
	tb := newTab(t)
	var box map[string]float64
	var role, status, copied, href string
	tb.run(t,
		grantClipboard(),
		chromedp.EmulateViewport(375, 800),
		chromedp.Navigate(site.URL+"/hashprice/"),
		touch(), waitWasm(), waitNetwork(),
		retype(`#hashprice-2 [name="price"]`, "50000"),
		until(`document.querySelector("#hashprice-2 a.share").href.includes("price=50000")`, 10*time.Second),
		evaluate(`delete Navigator.prototype.share, delete navigator.share, true`, new(bool)),
		evaluate(`(() => { const r = document.querySelector("#hashprice-2 a.share").getBoundingClientRect(); return {w: r.width, h: r.height}; })()`, &box),
		evaluate(`document.querySelector("#hashprice-2 a.share").getAttribute("role")`, &role),
		evaluate(`document.querySelector("#hashprice-2 a.share").href`, &href),
		chromedp.Click(chromedp.CSS(`#hashprice-2 a.share`)),
		until(`document.querySelector("#hashprice-2 .share-status").textContent !== ""`, 5*time.Second),
		evaluate(`document.querySelector("#hashprice-2 .share-status").textContent`, &status),
		evaluate(`navigator.clipboard.readText()`, &copied),
		evaluate(`document.querySelector("#hashprice-2 .share-status").scrollIntoView({block: "center"}), true`, new(bool)),
		screenshot(t, "share-copied-375"),
	)
	if box["w"] < 44 || box["h"] < 44 || role != "button" {
		t.Errorf("Share is %.0fx%.0f px, role %q", box["w"], box["h"], role)
	}
	if status != "Link copied." || copied != href || !strings.Contains(copied, "hashprice-2.price=50000") || strings.Contains(copied, "hashprice-2.height") {
		t.Errorf("after Share: status %q, clipboard %q (the link is %q)", status, copied, href)
	}
	// With a share sheet, the sheet gets the scenario.
	var sheet map[string]string
	tb.run(t,
		evaluate(`navigator.share = async (data) => { window.shared = data; }, true`, new(bool)),
		chromedp.Click(chromedp.CSS(`#hashprice-2 a.share`)),
		until(`window.shared !== undefined`, 5*time.Second),
		evaluate(`window.shared`, &sheet),
	)
	if sheet["url"] != href || sheet["title"] == "" {
		t.Errorf("the share sheet got %v", sheet)
	}
}

// TestSharedLinkSaysSo: a page opened with a calculator's scenario in its
// URL says "Shared scenario" above it, with a link back to the article's
// numbers that keeps the other calculators' parameters; the calculator
// the link does not set says nothing. In English and Vietnamese.
func TestSharedLinkSaysSo(t *testing.T) {
	for _, c := range []struct{ path, notice string }{
		{"/hashprice/", "Shared scenario · Back to the article's numbers"},
		{"/vi/hashprice/", "Kịch bản được chia sẻ · Quay lại số liệu của bài viết"},
	} {
		tb := newTab(t)
		var notice, back string
		var otherHidden bool
		tb.run(t,
			chromedp.Navigate(site.URL+c.path+"?hashprice-2.price=50000&hashprice-1.fees=0.1#hashprice-2"),
			until(`!document.querySelector("#hashprice-2 .calc-shared").hidden`, 10*time.Second),
			evaluate(`document.querySelector("#hashprice-2 .calc-shared").textContent.replace(/\s+/g, " ").trim()`, &notice),
			evaluate(`document.querySelector("#hashprice-2 a.calc-reset").href`, &back),
			chromedp.EmulateViewport(375, 800),
			evaluate(`document.getElementById("hashprice-2").scrollIntoView(), true`, new(bool)),
			screenshot(t, "shared"+strings.ReplaceAll(c.path, "/", "-")+"375"),
		)
		if notice != c.notice || back != site.URL+c.path+"?hashprice-1.fees=0.1#hashprice-2" {
			t.Errorf("%s: notice %q, back to %q", c.path, notice, back)
		}
		var price, start string
		tb.run(t,
			chromedp.Navigate(site.URL+c.path),
			evaluate(`document.querySelector("#hashprice-2 [name=price]").value`, &start),
			chromedp.Navigate(site.URL+c.path+"?hashprice-2.price=50000#hashprice-2"),
			until(`!document.querySelector("#hashprice-2 .calc-shared").hidden`, 10*time.Second),
			evaluate(`document.querySelector("#hashprice-1 .calc-shared").hidden`, &otherHidden),
			chromedp.Click(chromedp.CSS(`#hashprice-2 a.calc-reset`)),
			eventually(`location.search === "" && document.readyState === "complete"`, 10*time.Second),
			evaluate(`document.querySelector("#hashprice-2 [name=price]").value`, &price),
		)
		if !otherHidden || price != start {
			t.Errorf("%s: the other calculator's notice hidden %v; back at the article, price %q (its own %q)", c.path, otherHidden, price, start)
		}
	}
}

// targetsScript measures every link, button, input, select, textarea and
// summary a reader can see, by its box (a radio or checkbox by its
// label's, which takes the tap), and lists those under 24x24 px and the
// primary actions under 44 px. A link inside a sentence is exempt, as
// WCAG 2.5.8 has it: an inline box in a block with text of its own.
const targetsScript = `(() => {
	const small = [];
	const name = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + (el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\s+/).join(".") : "") +
		" «" + (el.textContent || el.value || el.name || "").trim().slice(0, 30) + "»";
	for (const el of document.querySelectorAll("a[href], button, input, select, textarea, summary")) {
		let box = el;
		if (el.matches("input[type=radio], input[type=checkbox]") && el.closest("label")) box = el.closest("label");
		const r = box.getBoundingClientRect();
		const style = getComputedStyle(box);
		if (r.width === 0 || r.height === 0 || style.visibility === "hidden" || r.right < 0 || r.left > innerWidth) continue;
		if (el.closest("dialog:not([open]), .skip")) continue;
		if (style.display === "inline") {
			let block = el.parentElement;
			while (block && getComputedStyle(block).display === "inline") block = block.parentElement;
			if (block && block.textContent.trim().length > el.textContent.trim().length + 1) continue;
		}
		const need = el.matches(".calc-actions .action, .embed-actions button, .try button") ? 44 : 24;
		if (r.width < need - 0.01 || r.height < need - 0.01) small.push(name(el) + " " + r.width.toFixed(1) + "x" + r.height.toFixed(1) + " (" + need + ")");
	}
	return small;
})()`

// TestTargetSizes: at 375 px, in the embed dialog, every target is at
// least 24x24 px and the primary actions (copy, close) at least 44. Every
// page's and embed's own targets are checked as TestAxe loads it
// (axePage).
func TestTargetSizes(t *testing.T) {
	tb := newTab(t)
	var small []string
	tb.run(t,
		chromedp.EmulateViewport(375, 800),
		chromedp.Navigate(site.URL+"/hashprice/"),
		touch(), waitWasm(),
		openDialog("#hashprice-1"),
		evaluate(targetsScript, &small),
	)
	for _, s := range small {
		t.Errorf("the embed dialog: %s", s)
	}
}

// TestAPIPageReflows: at 320 px the /api/ page does not scroll sideways,
// and its answer box, which may, takes the keyboard's focus and has a
// name.
func TestAPIPageReflows(t *testing.T) {
	tb := newTab(t)
	var widths map[string]float64
	var focusable bool
	var label string
	tb.run(t,
		chromedp.EmulateViewport(320, 640),
		chromedp.Navigate(site.URL+"/api/"),
		touch(), waitWasm(),
		until(`document.getElementById("try-result").value.includes("{")`, 20*time.Second),
		evaluate(`document.querySelectorAll("details").forEach((d) => d.open = true), true`, new(bool)),
		evaluate(`({scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth})`, &widths),
		evaluate(`(() => { const pre = document.getElementById("try-result").closest("pre"); pre.focus(); return document.activeElement === pre; })()`, &focusable),
		evaluate(`document.getElementById("try-result").closest("pre").getAttribute("aria-label") || ""`, &label),
	)
	if widths["scroll"] > widths["client"] {
		t.Errorf("at 320 px /api/ is %.0f px wide in a %.0f px window", widths["scroll"], widths["client"])
	}
	if !focusable || label == "" {
		t.Errorf("the answer box: focusable %v, label %q", focusable, label)
	}
}
