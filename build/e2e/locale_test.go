package e2e

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/hashswitch/hashswitch/wasm/human"
	"github.com/hashswitch/hashswitch/wasm/netdata"
	"github.com/hashswitch/hashswitch/wasm/widget"
)

// TestVietnameseEmbed opens /vi/embed/hashprice/ as a newsroom's iframe
// does: its labels and figures' date are Vietnamese, its numbers are
// written the Vietnamese way, a preset from the URL (the API's form, 0.02)
// shows as 0,02, and a price typed as 85.000 computes exactly what 85000
// computes natively.
func TestVietnameseEmbed(t *testing.T) {
	frame := newTab(t)
	want := widget.Lookup("hashprice").Render(netdata.Committed(), "price=85000&fees=0.02").Values[0]
	if want.Key != "hashprice_usd_per_ph_day" {
		t.Fatalf("the first output is %s", want.Key)
	}
	wantRaw := strconv.FormatFloat(want.Raw.(float64), 'g', -1, 64)
	var lang, label, fees, lead, fresh string
	frame.run(t,
		chromedp.Navigate(site.URL+"/vi/embed/hashprice/?fees=0.02"),
		evaluate(`document.documentElement.lang`, &lang),
		evaluate(`document.querySelector('label[for="calc-price"]').textContent`, &label),
		evaluate(`document.querySelector(".freshness").textContent`, &fresh),
		touch(), waitWasm(),
		until(`!document.querySelector("section.calc").classList.contains("pending")`, 10*time.Second),
		evaluate(`document.querySelector('input[name="fees"]').value`, &fees),
		retype(`input[name="price"]`, "85.000"),
		// 85.000 computes exactly what 85000 computes natively. (The price
		// was 85,000 already, so the result alone does not say the typing
		// was read: the note under the field does.)
		until(fmt.Sprintf(`document.getElementById("calc-price-understood").textContent === "Được hiểu là 85000" &&
			Number(document.querySelector('output[data-key="hashprice_usd_per_ph_day"]').dataset.value) === Number(%q)`, wantRaw), 10*time.Second),
		evaluate(`document.querySelector('output[data-key="hashprice_usd_per_ph_day"]').textContent`, &lead),
	)
	if lang != "vi" || !strings.Contains(label, "Giá bitcoin") || !strings.Contains(label, "USD mỗi BTC") {
		t.Errorf("lang %q, price label %q", lang, label)
	}
	if !strings.HasPrefix(fresh, "Số liệu ngày ") {
		t.Errorf("freshness %q", fresh)
	}
	if fees != "0,02" {
		t.Errorf("the preset fees=0.02 shows as %q", fees)
	}
	var understood string
	frame.run(t, evaluate(`document.getElementById("calc-price-understood").textContent`, &understood))
	if understood != "Được hiểu là 85000" {
		t.Errorf("under the price the page says %q", understood)
	}
	if !strings.HasSuffix(lead, " USD") || !strings.Contains(lead, ",") {
		t.Errorf("hashprice written %q, not the Vietnamese way (36,01 USD)", lead)
	}
	// ?lang=vi on the English embed is the Vietnamese embed, presets kept.
	var at string
	frame.run(t,
		chromedp.Navigate(site.URL+"/embed/hashprice/?lang=vi&price=50000"),
		until(`location.pathname === "/vi/embed/hashprice/"`, 10*time.Second),
		evaluate(`location.pathname + location.search`, &at),
	)
	if at != "/vi/embed/hashprice/?price=50000" {
		t.Errorf("?lang=vi went to %s", at)
	}
	// The miner speaks Vietnamese too (the script's strings come in a JSON
	// data block, which the CSP lets be), and writes its rate so.
	var status, rate string
	frame.run(t,
		chromedp.Navigate(site.URL+"/vi/embed/bench/"),
		touch(), waitWasm(),
		chromedp.Click(chromedp.CSS(".miner-start")),
		until(`document.querySelector(".miner-rate").value.includes("H/s")`, 20*time.Second),
		evaluate(`document.querySelector(".miner-status").textContent`, &status),
		evaluate(`document.querySelector(".miner-rate").value`, &rate),
		chromedp.Click(chromedp.CSS(".miner-stop")),
	)
	if !strings.HasPrefix(status, "Đang đào với ") || !strings.HasSuffix(rate, "H/s") || strings.Contains(rate, ".") {
		t.Errorf("the Vietnamese miner says %q, rate %q", status, rate)
	}
	// Dong, at a rate the newsroom gives with its date and source.
	var dongLead, dongUnit, rateLine string
	frame.run(t,
		chromedp.Navigate(site.URL+"/vi/embed/hashprice/?currency=VND&usd_vnd=26345&usd_vnd_date=2025-11-25&usd_vnd_source=Vietcombank"),
		touch(), waitWasm(), waitNetwork(),
		until(`document.querySelector(".rate-line").textContent !== ""`, 10*time.Second),
		evaluate(`document.querySelector('output[data-key="hashprice_usd_per_ph_day"]').value`, &dongLead),
		evaluate(`document.querySelector('output[data-key="hashprice_usd_per_ph_day"]').nextElementSibling.textContent`, &dongUnit),
		evaluate(`document.querySelector(".rate-line").textContent`, &rateLine),
	)
	if !strings.HasSuffix(dongLead, " đồng") || dongUnit != "mỗi PH/s mỗi ngày" ||
		!strings.Contains(rateLine, "26.345 đồng mỗi đô la Mỹ (Vietcombank, 25 tháng 11 năm 2025)") {
		t.Errorf("in dong: %q %q; %q", dongLead, dongUnit, rateLine)
	}
	// Or at the figures' own rate: the committed snapshot carries
	// Vietcombank's selling rate on its day. A Vietnamese page's form
	// offers dong, and its links keep the choice; dollars again clear it.
	var own, ownLine, back, backLine, ownLink, backLink string
	const currency = "#hashprice-1 select[name=currency]"
	const leadOut = `document.querySelector('#hashprice-1 output[data-key="hashprice_usd_per_ph_day"]').value`
	frame.run(t,
		chromedp.Navigate(site.URL+"/vi/hashprice/"),
		touch(), waitWasm(), waitNetwork(),
		// By keyboard, as a reader without a mouse picks.
		chromedp.Focus(chromedp.CSS(currency)), chromedp.KeyEvent(kb.ArrowDown),
		until(leadOut+`.endsWith(" đồng")`, 10*time.Second),
		evaluate(leadOut, &own),
		evaluate(`document.querySelector("#hashprice-1 .rate-line").textContent`, &ownLine),
		evaluate(`document.querySelector("#hashprice-1 a.share").getAttribute("href")`, &ownLink),
		chromedp.Focus(chromedp.CSS(currency)), chromedp.KeyEvent(kb.ArrowUp),
		until(leadOut+`.endsWith(" USD")`, 10*time.Second),
		evaluate(leadOut, &back),
		evaluate(`document.querySelector("#hashprice-1 .rate-line").textContent`, &backLine),
		evaluate(`document.querySelector("#hashprice-1 a.share").getAttribute("href")`, &backLink),
	)
	if !strings.Contains(ownLine, "26.403 đồng mỗi đô la Mỹ (Vietcombank, 25 tháng 11 năm 2025)") || !strings.Contains(ownLink, "hashprice-1.currency=VND") {
		t.Errorf("at the figures' rate: %q; %q; link %q", own, ownLine, ownLink)
	}
	if backLine != "" || strings.Contains(backLink, "currency") {
		t.Errorf("back in dollars: %q; %q; link %q", back, backLine, backLink)
	}
	// A link with the choice opens in dong.
	frame.run(t,
		chromedp.Navigate(site.URL+ownLink),
		touch(), waitWasm(),
		until(leadOut+`.endsWith(" đồng")`, 10*time.Second),
	)
	// A payback that never comes reads "Không bao giờ hoàn vốn", without
	// "năm" after it.
	var never string
	frame.run(t,
		chromedp.Navigate(site.URL+"/vi/embed/convert/"),
		evaluate(`(() => { const o = document.querySelector('output[data-key="mining.payback_years"]');
			return o.textContent + "|" + getComputedStyle(o.nextElementSibling).display; })()`, &never),
	)
	if never != "Không bao giờ hoàn vốn|none" {
		t.Errorf("mining's payback: %q", never)
	}
}

// TestVietnameseEmbedOnAnotherOrigin frames /vi/embed/hashprice/ in dong
// in a newsroom's page of another origin: the browser lets it be framed,
// embed.js resizes it, and it goes live when a keyboard reader tabs into
// it, with its Vietnamese strings' data block allowed by the CSP (a refusal
// would be a console error, which fails the test). Read through the frame:
// Vietnamese labels and dates, the amount in dong at the figures' rate with
// its day, and 85.000 typed computing what 85000 computes natively.
func TestVietnameseEmbedOnAnotherOrigin(t *testing.T) {
	tb := newTab(t)
	host := newsPage(t, tb, "vi", `<p>Một bài báo.</p>
<iframe id="calc" src="`+site.URL+`/vi/embed/hashprice/?price=60000&amp;currency=VND" title="Hashprice" width="100%" height="100"></iframe>
`+readyLog())
	tb.run(t,
		chromedp.Navigate(host.URL+"/"),
		until(`document.getElementById("calc").getBoundingClientRect().height > 400`, 10*time.Second),
	)
	var live []string
	for i := 0; i < 40 && len(live) == 0; i++ {
		tb.run(t, chromedp.KeyEvent("\t"), evaluate(`window.live`, &live))
	}
	tb.run(t, until(`window.live.length === 1`, 30*time.Second), evaluate(`window.live`, &live))
	if len(live) != 1 || live[0] != "hashprice "+site.URL {
		t.Errorf("ready messages %v", live)
	}

	// The newsroom's page and the embed are two origins of one site
	// (127.0.0.1, two ports), so Chrome keeps the frame in the page's
	// process, where queries from its node reach in.
	var frames []*chromedp.Node
	tb.run(t, into(chromedp.Nodes(chromedp.CSS("#calc")), &frames))
	in := chromedp.FromNode(frames[0])
	text := func(sel string, dst *string) chromedp.Action[chromedp.Void] {
		return into(chromedp.TextContent(chromedp.CSS(sel), in), dst)
	}
	const lead = `output[data-key="hashprice_usd_per_ph_day"]`
	s := netdata.Committed()
	want := func(price float64) string {
		r := widget.Lookup("hashprice").Render(s, fmt.Sprintf("price=%g", price))
		return human.Vietnamese.Dong(r.Values[0].Raw.(float64) * s.UsdVnd)
	}
	var label, fresh, rate, at60k string
	tb.run(t,
		chromedp.Poll[chromedp.Void](fmt.Sprintf(`document.querySelector(%q).value === %q`, lead, want(60000)),
			chromedp.WithPollingInFrame(frames[0]), chromedp.WithPollingTimeout(10*time.Second)),
		text(`label[for="calc-price"]`, &label),
		text(".freshness", &fresh),
		text(".rate-line", &rate),
		text(lead, &at60k),
		// The reader clears the price and types the Vietnamese way.
		chromedp.SendKeys(chromedp.CSS(`input[name="price"]`), kb.End+strings.Repeat(kb.Backspace, 12)+"85.000", in),
		chromedp.Poll[chromedp.Void](fmt.Sprintf(`document.querySelector(%q).value === %q`, lead, want(85000)),
			chromedp.WithPollingInFrame(frames[0]), chromedp.WithPollingTimeout(10*time.Second)),
	)
	if !strings.Contains(label, "Giá bitcoin") || !strings.Contains(fresh, "tháng 11 năm 2025") {
		t.Errorf("in the frame: label %q, freshness %q", label, fresh)
	}
	if !strings.HasSuffix(at60k, " đồng") || !strings.Contains(rate, "26.403 đồng mỗi đô la Mỹ (Vietcombank, 25 tháng 11 năm 2025)") {
		t.Errorf("in the frame at $60,000: %q; %q", at60k, rate)
	}
}
