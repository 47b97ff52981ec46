// Command build makes and serves the Hashswitch site.
//
//	go run ./build dist          # build the site into dist/, refresh netlify.toml
//	go run ./build serve         # build, then serve it on 127.0.0.1:8080 (PORT, -host override) with /api/v1
//	go run ./build edge          # build the edge worker's bundle into wasm/cmd/edge/build
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/hashswitch/hashswitch/build/gen"
	"github.com/hashswitch/hashswitch/build/live"
	"github.com/hashswitch/hashswitch/build/server"
	"github.com/hashswitch/hashswitch/wasm/api"
	"github.com/hashswitch/hashswitch/wasm/history"
	"github.com/hashswitch/hashswitch/wasm/netdata"
)

// host is where serve listens: loopback, so the dev server is not on the
// network unless asked (-host 0.0.0.0).
var host = flag.String("host", "127.0.0.1", "the address serve listens on: loopback unless you ask (0.0.0.0 for every interface)")

func main() {
	out := flag.String("out", "dist", "output folder")
	writeNetlify := flag.Bool("netlify", true, "rewrite netlify.toml for the pages built")
	quality := flag.Int("brotli", 11, "quality of the precompressed .br files (1-11; 0: none)")
	flag.String("base", "", "the site's public origin, for embed codes and oEmbed (default $SITE_URL, else http://localhost:$PORT)")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: go run ./build [-out dist] [-base URL] dist|serve|edge")
		flag.PrintDefaults()
	}
	flag.Parse()
	cmd := flag.Arg(0)
	// HASHSWITCH_EDGE_PAGES=0: the edge worker serves the API alone, for
	// Workers Free's 3 MB (the page renderer takes it past), and the site
	// routes no page with a scenario to it: set it for both builds.
	edgePages := os.Getenv("HASHSWITCH_EDGE_PAGES") != "0"
	if cmd == "edge" {
		var env []string
		if !edgePages {
			env = gen.EdgeWithoutPages
		}
		if err := gen.BuildEdge(".", filepath.Join("wasm", "cmd", "edge", "build"), env...); err != nil {
			log.Fatal(err)
		}
		log.Print("built wasm/cmd/edge/build: deploy it with wrangler from wasm/cmd/edge")
		return
	}
	if cmd != "dist" && cmd != "serve" {
		flag.Usage()
		os.Exit(2)
	}
	start := time.Now()
	// The site's public origin: -base, else SITE_URL, else, for the dev
	// server, the address it serves on (PORT included), so no embed code or
	// oEmbed answer points at a port it is not on.
	base := flag.Lookup("base").Value.String()
	if base == "" {
		base = os.Getenv("SITE_URL")
	}
	port := os.Getenv("PORT")
	if port == "" {
		port = "8080"
	}
	if base == "" && cmd == "serve" {
		base = "http://localhost:" + port
	}
	// HASHSWITCH_EDGE_ORIGIN is the deployed edge worker's origin: set it in
	// Netlify's environment so dist/_redirects proxies /api/v1 to it.
	edge := os.Getenv("HASHSWITCH_EDGE_ORIGIN")
	if edge == "" && cmd == "dist" {
		log.Print("HASHSWITCH_EDGE_ORIGIN is not set: dist has no /api/v1 proxy, so its JSON links work only on the dev server")
	}
	// Live figures are off unless HASHSWITCH_LIVE=1 (netlify.toml switches
	// them on for production builds): then the build prerenders from a
	// fresh snapshot, and the dev server refreshes it every 10 minutes.
	cfg := live.FromEnv()
	feed := live.NewFeed(cfg)
	snap := netdata.Committed()
	var hist *history.Kept
	if cfg.On {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		var err error
		if hist, err = cfg.History(ctx, time.Now()); err != nil {
			log.Printf("live history: %v; the chart draws Luxor's committed monthly averages", err)
		} else {
			log.Printf("the history chart draws the live daily series, %s to %s", hist.Series.First(), hist.Series.Last())
		}
		cancel()
	}
	if cfg.On {
		ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
		if err := feed.Refresh(ctx); err != nil {
			log.Printf("live figures: %v; building from the committed snapshot of %s", err, snap.AsOf)
		} else {
			snap, _ = feed.Snapshot()
			log.Printf("building from live figures of %s (block %d)", snap.AsOf, snap.Height)
		}
		cancel()
	} else {
		log.Printf("live figures are off (HASHSWITCH_LIVE=1 switches them on): building from the committed snapshot of %s", snap.AsOf)
	}
	if _, err := gen.Build(gen.Config{Root: ".", Out: *out, BaseURL: base, EdgeOrigin: edge, EdgeWithoutPages: !edgePages, Snapshot: snap, WriteNetlify: *writeNetlify, Brotli: *quality, History: hist}); err != nil {
		log.Fatal(err)
	}
	log.Printf("built %s in %v", *out, time.Since(start).Round(time.Millisecond))
	if cmd == "serve" {
		l, err := net.Listen("tcp", net.JoinHostPort(*host, port))
		if err != nil {
			log.Fatal(err)
		}
		log.Printf("serving %s on %s (the API at /api/v1/)", base, l.Addr())
		rules, err := server.LoadRules("netlify.toml")
		if err != nil {
			log.Fatal(err)
		}
		var opts []api.Option
		if cfg.On {
			go feed.Run(context.Background(), 10*time.Minute)
			opts = append(opts, api.WithLive(feed.Snapshot))
		}
		if hist != nil {
			opts = append(opts, api.WithHistory(func() (history.Kept, error) { return *hist, nil }))
		}
		log.Fatal(http.Serve(l, server.Handler(*out, rules, base, opts...)))
	}
}
