//go:build js && wasm

// Command edge serves the API from a JavaScript runtime through
// github.com/syumai/workers: on Cloudflare Workers, and in the browser with
// its browser runtime. That runtime starts a new Go instance for every
// request; the page uses cmd/app, which keeps one (BENCH.md has the cost of
// each).
package main

import (
	"github.com/syumai/workers"

	"github.com/hashswitch/hashswitch/wasm/api"
)

func main() {
	workers.Serve(api.Handler())
}
