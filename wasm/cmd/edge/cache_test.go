//go:build !js

package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/hashswitch/hashswitch/internal/fakeupstream"
)

// TestEdgeAnswersFromTheCache runs the worker in Miniflare with the Cache
// API: an answer Go marked public is answered again from the cache, byte
// for byte (CF-Cache-Status: HIT, worker.mjs does not call Go for it); an
// error, never cached, is computed each time.
func TestEdgeAnswersFromTheCache(t *testing.T) {
	run, _ := startEdge(t, fakeupstream.Typical(), true)
	type answer struct {
		Status       int
		CacheControl string
		CacheStatus  string
		Body         json.RawMessage
	}
	for _, c := range []struct {
		url    string
		cached bool
	}{
		{"/api/v1/halving?height=840000", true},
		{"/api/v1/convert?mw=50&power_price=0.07", true},
		{"/api/v1/network", true}, // for its 60 s
		{"/api/v1/halving?height=abc", false},
		{"/api/v2/halving", false},
	} {
		var first, again answer
		run.ask(c.url, &first)
		run.ask(c.url, &again)
		if first.CacheStatus == "HIT" {
			t.Errorf("%s: the first answer came from the cache", c.url)
		}
		if hit := again.CacheStatus == "HIT"; hit != c.cached {
			t.Errorf("%s (%d, %q): answered again from the cache %v, want %v", c.url, first.Status, first.CacheControl, hit, c.cached)
		}
		if first.Status != again.Status || !bytes.Equal(first.Body, again.Body) {
			t.Errorf("%s: %d %s, then %d %s", c.url, first.Status, first.Body, again.Status, again.Body)
		}
	}
}

// TestEdgeKeepsRenderedScenarios: in Miniflare with the Cache API, a page
// rendered for a scenario (public, s-maxage) is answered again from the
// cache by full URL, byte for byte; another scenario of the same page is
// rendered anew.
func TestEdgeKeepsRenderedScenarios(t *testing.T) {
	edgeSite = siteOrigin(t).URL
	defer func() { edgeSite = "" }()
	run, _ := startEdge(t, fakeupstream.Typical(), true)
	type answer struct {
		Status       int
		CacheControl string
		CacheStatus  string
		Body         string
	}
	var first, again, other answer
	run.ask("/embed/convert/?mw=50&power_price=0.07", &first)
	run.ask("/embed/convert/?mw=50&power_price=0.07", &again)
	run.ask("/embed/convert/?mw=51&power_price=0.07", &other)
	if first.Status != 200 || first.CacheStatus == "HIT" || !strings.Contains(first.Body, " data-scenario") {
		t.Fatalf("first: %d %q, rendered %v", first.Status, first.CacheStatus, strings.Contains(first.Body, " data-scenario"))
	}
	if again.CacheStatus != "HIT" || again.Body != first.Body || again.CacheControl != first.CacheControl {
		t.Errorf("again: %q (%q), same body %v", again.CacheStatus, again.CacheControl, again.Body == first.Body)
	}
	if other.CacheStatus == "HIT" || other.Body == first.Body {
		t.Errorf("another scenario: %q, same body %v", other.CacheStatus, other.Body == first.Body)
	}
}
