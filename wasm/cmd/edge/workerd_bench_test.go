//go:build !js

package main

import (
	"fmt"
	"io"
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/hashswitch/hashswitch/internal/fakeupstream"
)

// BenchmarkWorkerd times requests to the worker in workerd alone (no Cache
// API there: every answer is Go's), one at a time over a kept-alive
// connection, the same URL again and again and a new URL each time.
func BenchmarkWorkerd(b *testing.B) {
	timeRequests(b, "http://"+startWorkerd(b, "SITE_URL", "https://hashswitch.example"))
}

// BenchmarkMiniflare does the same in Miniflare (workerd with its Cache API,
// behind Miniflare's own entry worker, which adds a hop): the same URL is
// then answered from the cache.
func BenchmarkMiniflare(b *testing.B) {
	run, _ := startEdge(b, fakeupstream.Typical(), true)
	timeRequests(b, run.url)
}

// fresh makes each new-url request's URL one never asked before, in any
// round (a cache may outlive its Miniflare).
var fresh = int(time.Now().Unix() % 1e6 * 1000)

// timeRequests reports min, median and max over the requests of each kind.
func timeRequests(b *testing.B, origin string) {
	client := &http.Client{}
	get := func(u string) time.Duration {
		start := time.Now()
		res, err := client.Get(origin + u)
		if err != nil {
			b.Fatal(err)
		}
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
		if res.StatusCode != 200 {
			b.Fatalf("%s: %d", u, res.StatusCode)
		}
		return time.Since(start)
	}
	for _, c := range []struct {
		name string
		url  func(i int) string
	}{
		{"same-url", func(int) string { return "/api/v1/halving?height=840000" }},
		{"new-url", func(int) string { fresh++; return fmt.Sprintf("/api/v1/halving?height=%d", fresh) }},
	} {
		b.Run(c.name, func(b *testing.B) {
			get(c.url(-1)) // the first request starts Go (and fills the cache)
			var times []time.Duration
			for i := 0; b.Loop(); i++ {
				times = append(times, get(c.url(i)))
			}
			slices.Sort(times)
			ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
			b.ReportMetric(ms(times[0]), "min-ms")
			b.ReportMetric(ms(times[len(times)/2]), "p50-ms")
			b.ReportMetric(ms(times[len(times)-1]), "max-ms")
		})
	}
}
