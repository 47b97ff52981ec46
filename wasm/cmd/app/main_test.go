//go:build js && wasm

package main

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/hack-pad/safejs"

	"github.com/hashswitch/hashswitch/internal/vectors"
	"github.com/hashswitch/hashswitch/wasm/calc"
	"github.com/hashswitch/hashswitch/wasm/netdata"
	"github.com/hashswitch/hashswitch/wasm/widget"
)

// These tests run under Node (GOOS=js GOARCH=wasm go test) and call the
// bridge as the page does: through globalThis.hashswitch.

func exported(t *testing.T) (call func(args ...any) (int, string), closed *bool) {
	t.Helper()
	closed = new(bool)
	release, err := export(func() { *closed = true })
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(release)
	obj, err := safejs.Global().Get("hashswitch")
	if err != nil {
		t.Fatal(err)
	}
	return func(args ...any) (int, string) {
		t.Helper()
		r, err := obj.Call("call", args...)
		if err != nil {
			t.Fatal(err)
		}
		statusV, _ := r.Get("status")
		status, err := statusV.Int()
		if err != nil {
			t.Fatal(err)
		}
		bodyV, _ := r.Get("body")
		body, err := bodyV.String()
		if err != nil {
			t.Fatal(err)
		}
		return status, body
	}, closed
}

func TestCallGivesCalcsAnswers(t *testing.T) {
	call, _ := exported(t)
	urls := []string{"/api/v1/hashprice?price=85000&difficulty=149.3e12&height=925000&fees=0.02", "/api/v1/halving?height=-1"}
	headers, _ := vectors.Headers()
	for _, h := range headers {
		urls = append(urls, "/api/v1/header?hex="+h.HeaderHex)
	}
	for _, u := range urls {
		status, body := call(u)
		want := calc.GetURL(u)
		if status != want.Status || body != string(want.Body) {
			t.Errorf("%s: %d %s, want %d %s", u, status, body, want.Status, want.Body)
		}
	}
}

// TestCallSurvivesBadArguments: whatever a page passes, the answer is a JSON
// error, and the instance keeps answering.
func TestCallSurvivesBadArguments(t *testing.T) {
	call, _ := exported(t)
	for _, args := range [][]any{{}, {42}, {nil}, {map[string]any{"a": 1}}, {"/a", "/b"}, {"not a path"}, {"/api/v1/halving?height=%zz"}} {
		status, body := call(args...)
		var v struct{ Error *calc.FieldError }
		if err := json.Unmarshal([]byte(body), &v); err != nil || v.Error == nil || v.Error.Message == "" || status < 400 {
			t.Errorf("call(%v) = %d %s", args, status, body)
		}
	}
	if status, _ := call("/api/v1/halving?height=840000"); status != 200 {
		t.Errorf("after bad calls: %d", status)
	}
}

func TestCloseAndReady(t *testing.T) {
	var readyCalls int
	ready, err := safejs.FuncOf(func(safejs.Value, []safejs.Value) any { readyCalls++; return nil })
	if err != nil {
		t.Fatal(err)
	}
	defer ready.Release()
	global := safejs.Global()
	if err := global.Set("hashswitchReady", ready.Value()); err != nil {
		t.Fatal(err)
	}
	defer global.Delete("hashswitchReady")

	_, closed := exported(t)
	if readyCalls != 1 {
		t.Errorf("hashswitchReady called %d times", readyCalls)
	}
	obj, _ := global.Get("hashswitch")
	if _, err := obj.Call("close"); err != nil {
		t.Fatal(err)
	}
	if !*closed {
		t.Error("close did not reach the program")
	}
}

func TestWidgetThroughJS(t *testing.T) {
	exported(t)
	obj, _ := safejs.Global().Get("hashswitch")
	call := func(args ...any) widget.Result {
		t.Helper()
		v, err := obj.Call("widget", args...)
		if err != nil {
			t.Fatal(err)
		}
		s, err := v.String()
		if err != nil {
			t.Fatal(err)
		}
		var r widget.Result
		if err := json.Unmarshal([]byte(s), &r); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
		return r
	}
	got := call("hashprice", "price=42500")
	want := widget.Lookup("hashprice").Render(netdata.Committed(), "price=42500")
	if got.Status != 200 || got.Values[0].Text != want.Values[0].Text || got.Chart != want.Chart {
		t.Errorf("widget via JS %+v, natively %+v", got.Values, want.Values)
	}
	for _, args := range [][]any{{}, {"nope", ""}, {"hashprice"}, {1, 2}} {
		if r := call(args...); r.Error == nil {
			t.Errorf("widget(%v) = %+v", args, r)
		}
	}
}

// TestWidgetGivesItsLinks: the page writes a calculator's links as Go
// gives them: on its page scoped to its id, on its embed bare, in the
// page's language; dollars, the default (a form's currency=), stay out
// of them.
func TestWidgetGivesItsLinks(t *testing.T) {
	exported(t)
	obj, _ := safejs.Global().Get("hashswitch")
	links := func(args ...any) (share, embed string) {
		t.Helper()
		v, err := obj.Call("widget", args...)
		if err != nil {
			t.Fatal(err)
		}
		s, _ := v.String()
		var r struct{ Share, Embed, Query string }
		if err := json.Unmarshal([]byte(s), &r); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
		return r.Share, r.Embed
	}
	// The links carry what was set where it differs from the start
	// values: the network's figures stay live.
	for _, c := range []struct {
		args         []any
		share, embed string
	}{
		{[]any{"hashprice", "price=50000", "en", "hashprice-2"}, "?hashprice-2.price=50000#hashprice-2", "/embed/hashprice/?price=50000"},
		{[]any{"hashprice", "price=50000", "vi"}, "?price=50000", "/vi/embed/hashprice/?price=50000"},
		{[]any{"hashprice", "price=50000&currency=", "en", "h"}, "?h.price=50000#h", "/embed/hashprice/?price=50000"},
		{[]any{"hashprice", "price=50000&currency=VND", "en", ""}, "?price=50000&currency=VND", "/embed/hashprice/?price=50000&currency=VND"},
		// Given names: the inputs the reader set; fees at its start value
		// and a figure the page filled in are left out.
		{[]any{"hashprice", "price=50000&fees=0.02&hashrate=900", "en", "", "price,fees"}, "?price=50000", "/embed/hashprice/?price=50000"},
		{[]any{"hashprice", "price=50000&fees=0.5", "en", "", "fees"}, "?fees=0.5", "/embed/hashprice/?fees=0.5"},
	} {
		share, embed := links(c.args...)
		if share != c.share || embed != c.embed {
			t.Errorf("widget(%q): share %q embed %q, want %q %q", c.args, share, embed, c.share, c.embed)
		}
	}
	if share, embed := links("hashprice", "price=abc", "en", "h"); share != "" || embed != "" {
		t.Errorf("bad input has links %q %q", share, embed)
	}
	v, _ := obj.Call("widget", "hashprice", "", "en", "h", "", "extra")
	if s, _ := v.String(); !strings.Contains(s, "wants two to five strings") {
		t.Errorf("six arguments: %s", s)
	}
}

// TestNetworkThroughJS: the page hands Go an /api/v1/network answer; the
// calculators then start from it, and bad answers are refused.
func TestNetworkThroughJS(t *testing.T) {
	exported(t)
	t.Cleanup(func() { page = pageNetwork{snap: netdata.Committed(), from: widget.FromBuild} })
	obj, _ := safejs.Global().Get("hashswitch")
	network := func(answer, from string) map[string]any { return callJSON(t, "network", answer, from) }
	live := netdata.Committed()
	live.PriceUSD, live.Time, live.TipTime, live.Height = 42_500, time.Now().Unix(), time.Now().Unix(), 980_000
	answer, _ := json.Marshal(live)
	if f := network(string(answer), "live"); f["warn"] != false || !strings.HasPrefix(f["text"].(string), "Live: block 980,000") {
		t.Errorf("freshness %v", f)
	}
	v, _ := obj.Call("widget", "hashprice", "")
	s, _ := v.String()
	var r widget.Result
	json.Unmarshal([]byte(s), &r)
	want := widget.Lookup("hashprice").Render(live, "")
	if r.Query != want.Query || !strings.HasPrefix(r.Query, "price=42500&") {
		t.Errorf("after a live answer the calculator starts from %s, want %s", r.Query, want.Query)
	}
	// Each calculator's line: the halving calculator's, which starts from
	// the height, says when the height is an estimate.
	live.TipTime -= 3 * 3600
	answer, _ = json.Marshal(live)
	f := network(string(answer), "live")
	lines, _ := f["lines"].(map[string]any)
	if lines["halving"] != f["height_text"] || lines["hashprice"] != f["text"] || f["text"] == f["height_text"] || len(lines) != len(widget.Widgets()) {
		t.Errorf("lines %v for text %q, height_text %q", lines, f["text"], f["height_text"])
	}
	for _, bad := range [][2]string{{"{", "live"}, {"{}", "live"}, {string(answer), "tomorrow"}} {
		if f := network(bad[0], bad[1]); f["error"] == nil {
			t.Errorf("network(%q, %q) = %v", bad[0], bad[1], f)
		}
	}
}

// TestCallRefusesNonStrings: a BigInt, an object or nothing is a 400 that
// names the argument, never a 500 with an internal message.
func TestCallRefusesNonStrings(t *testing.T) {
	exported(t)
	obj, _ := safejs.Global().Get("hashswitch")
	big, err := safejs.Global().Call("BigInt", 10)
	if err != nil {
		t.Fatal(err)
	}
	object, _ := safejs.Global().Get("Object")
	for name, args := range map[string][]any{"BigInt": {big}, "object": {object}, "nothing": {}, "two strings": {"a", "b"}} {
		r, err := obj.Call("call", args...)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		statusV, _ := r.Get("status")
		status, _ := statusV.Int()
		bodyV, _ := r.Get("body")
		body, _ := bodyV.String()
		if status != 400 || !strings.Contains(body, "hashswitch.call wants one string") || strings.Contains(body, "internal") {
			t.Errorf("call(%s): %d %s", name, status, body)
		}
	}
}

// TestPinThroughJS: pin keeps a committed dated snapshot as the page's
// figures; a date without one is the API's message, in the page's
// language, naming asof.
func TestPinThroughJS(t *testing.T) {
	exported(t)
	t.Cleanup(func() { page = pageNetwork{snap: netdata.Committed(), from: widget.FromBuild} })
	pin := func(args ...any) map[string]any { return callJSON(t, "pin", args...) }
	date := netdata.Dates()[0]
	if f := pin(date); !strings.HasSuffix(f["text"].(string), "(pinned)") || f["error"] != nil {
		t.Errorf("pin(%q) = %v", date, f)
	}
	if page.from != widget.FromPinned || page.snap.AsOf != date {
		t.Errorf("after pin the page computes from %s %q", page.snap.AsOf, page.from)
	}
	var api struct{ Error calc.FieldError }
	json.Unmarshal(calc.GetURL("/api/v1/network?asof=1999-01-01").Body, &api)
	if f := pin("1999-01-01"); f["error"] != "asof: "+api.Error.Message {
		t.Errorf("pin(1999-01-01) = %v, want the API's %q", f, api.Error.Message)
	}
	if f := pin("1999-01-01", "vi"); f["error"] == "asof: "+api.Error.Message || !strings.HasPrefix(f["error"].(string), "asof: ") {
		t.Errorf("in Vietnamese: %v", f)
	}
	for _, args := range [][]any{{}, {1}, {date, "fr"}, {date, "en", "x"}} {
		if f := pin(args...); f["error"] == nil {
			t.Errorf("pin(%v) = %v", args, f)
		}
	}
}

// callJSON calls hashswitch[name](args...), which answers JSON text, and
// reads the answer.
func callJSON(t *testing.T, name string, args ...any) map[string]any {
	t.Helper()
	obj, _ := safejs.Global().Get("hashswitch")
	v, err := obj.Call(name, args...)
	if err != nil {
		t.Fatal(err)
	}
	s, _ := v.String()
	var out map[string]any
	if err := json.Unmarshal([]byte(s), &out); err != nil {
		t.Fatalf("%s: %v", s, err)
	}
	return out
}
