// Command build makes and serves the Hashswitch site.
//
//	go run ./build dist          # build the site into dist/, refresh netlify.toml
//	go run ./build serve         # build, then serve it on :8080 (PORT overrides) with /api/v1
package main

import (
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/hashswitch/hashswitch/build/gen"
	"github.com/hashswitch/hashswitch/build/server"
)

func main() {
	out := flag.String("out", "dist", "output folder")
	flag.String("base", "", "the site's public origin, for embed codes and oEmbed (default http://localhost:8080)")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: go run ./build [-out dist] [-base URL] dist|serve")
		flag.PrintDefaults()
	}
	flag.Parse()
	cmd := flag.Arg(0)
	if cmd != "dist" && cmd != "serve" {
		flag.Usage()
		os.Exit(2)
	}
	start := time.Now()
	base := flag.Lookup("base").Value.String()
	// HASHSWITCH_EDGE_ORIGIN is the deployed edge worker's origin: set it in
	// Netlify's environment so dist/_redirects proxies /api/v1 to it.
	edge := os.Getenv("HASHSWITCH_EDGE_ORIGIN")
	if edge == "" && cmd == "dist" {
		log.Print("HASHSWITCH_EDGE_ORIGIN is not set: dist has no /api/v1 proxy, so its JSON links work only on the dev server")
	}
	if _, err := gen.Build(gen.Config{Root: ".", Out: *out, BaseURL: base, EdgeOrigin: edge, WriteNetlify: true}); err != nil {
		log.Fatal(err)
	}
	log.Printf("built %s in %v", *out, time.Since(start).Round(time.Millisecond))
	if cmd == "serve" {
		port := os.Getenv("PORT")
		if port == "" {
			port = "8080"
		}
		l, err := net.Listen("tcp", ":"+port)
		if err != nil {
			log.Fatal(err)
		}
		log.Printf("serving http://localhost:%s (the API at /api/v1/)", port)
		rules, err := server.LoadRules("netlify.toml")
		if err != nil {
			log.Fatal(err)
		}
		log.Fatal(http.Serve(l, server.Handler(*out, rules)))
	}
}
