// Package live refreshes the network snapshot natively, for the dev server
// and the build, with the same refresh.Snapshot the edge worker runs. It is
// off unless switched on: tests, CI and the dev server send no traffic off
// this machine by default.
//
//	HASHSWITCH_LIVE=1                  switch live figures on
//	HASHSWITCH_UPSTREAM=http://127.0.0.1:PORT
//	                                   read every upstream from one origin (a fake, in tests)
package live

import (
	"context"
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
	"sync"
	"time"

	"github.com/hashswitch/hashswitch/wasm/netdata"
	"github.com/hashswitch/hashswitch/wasm/netdata/refresh"
)

// Config says whether and where to fetch.
type Config struct {
	On        bool
	Upstreams refresh.Upstreams
	Timeout   time.Duration // for each request
}

// FromEnv reads the switch and the upstreams from the environment.
func FromEnv() Config {
	c := Config{On: os.Getenv("HASHSWITCH_LIVE") == "1", Upstreams: refresh.PublicUpstreams(), Timeout: 5 * time.Second}
	if u := os.Getenv("HASHSWITCH_UPSTREAM"); u != "" {
		c.Upstreams = refresh.AllAt(u)
	}
	return c
}

// Getter fetches with net/http, each request bounded by timeout and its
// body by 1 MiB.
func Getter(timeout time.Duration) refresh.Getter {
	client := &http.Client{Timeout: timeout}
	return func(ctx context.Context, url string) ([]byte, error) {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
		if err != nil {
			return nil, err
		}
		req.Header.Set("Accept", "application/json")
		req.Header.Set("User-Agent", "hashswitch (network figures for its calculators)")
		res, err := client.Do(req)
		if err != nil {
			return nil, err
		}
		defer res.Body.Close()
		if res.StatusCode != http.StatusOK {
			return nil, fmt.Errorf("%s: %s", url, res.Status)
		}
		return io.ReadAll(io.LimitReader(res.Body, 1<<20))
	}
}

// Feed keeps the newest snapshot, starting from the committed one.
type Feed struct {
	cfg  Config
	get  refresh.Getter
	mu   sync.Mutex
	snap netdata.Snapshot
	ok   bool // refreshed at least once
}

// NewFeed starts from the committed snapshot.
func NewFeed(cfg Config) *Feed {
	return &Feed{cfg: cfg, get: Getter(cfg.Timeout), snap: netdata.Committed()}
}

// Refresh reads the upstreams once; it fails only when no figure at all
// could be refreshed.
func (f *Feed) Refresh(ctx context.Context) error {
	f.mu.Lock()
	prev := f.snap
	f.mu.Unlock()
	next, problems := refresh.Snapshot(ctx, f.get, f.cfg.Upstreams, prev, time.Now())
	for _, p := range problems {
		log.Printf("live figures: %v", p)
	}
	if len(problems) > 0 && !next.Refreshed() {
		return fmt.Errorf("no upstream answered: %v", problems[0])
	}
	f.mu.Lock()
	f.snap, f.ok = next, true
	f.mu.Unlock()
	return nil
}

// Snapshot is the newest snapshot, for api.WithLive and the build; an
// error until the first refresh succeeded. Its Reference stays here: it
// is for the next refresh, not for pages.
func (f *Feed) Snapshot() (netdata.Snapshot, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if !f.ok {
		return netdata.Snapshot{}, fmt.Errorf("no live figures yet")
	}
	s := f.snap
	s.Reference = nil
	return s, nil
}

// Run refreshes now and then every period until ctx ends.
func (f *Feed) Run(ctx context.Context, every time.Duration) {
	for {
		if err := f.Refresh(ctx); err != nil {
			log.Printf("live figures: %v", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(every):
		}
	}
}
