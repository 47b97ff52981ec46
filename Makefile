# Hashswitch. `make help` lists the targets; each is one line of Go.
GO       ?= go
# The whole project builds with Go 1.27.3 (go.mod says so): the go command
# fetches it from the module proxy once per machine (76 MB)
export GOTOOLCHAIN := go1.27.3
# FUZZTIME: a duration (15s) or a count of runs (60000x, what CI uses)
FUZZTIME ?= 15s
WASMEXEC := $(shell GOTOOLCHAIN=$(GOTOOLCHAIN) $(GO) env GOROOT)/lib/wasm
# SIMD builds the miner's four-lane kernel: Go 1.27's simd/archsimd, an
# experiment (build/gen.SIMD says the same)
SIMD     := GOEXPERIMENT=simd

.PHONY: help serve dist edge test test-wasm vulncheck bench fuzz deps

help: #? list the targets
	@grep -E '^[a-z-]+:.*#\?' $(MAKEFILE_LIST) | sed -E 's/:.*#\?/\t/'

serve: #? build the site and serve it on http://localhost:8080 (PORT overrides), /api/v1 included
	$(GO) run ./build serve

dist: #? build the site into dist/ (what Netlify publishes)
	$(GO) run ./build dist

edge: #? build the edge worker's bundle into wasm/cmd/edge/build, for wrangler deploy
	$(GO) run ./build edge

test: deps #? run every test: Go, fuzz seeds, js/wasm under Node, the browser tests, and govulncheck
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./wasm/...
	$(SIMD) GOOS=js GOARCH=wasm $(GO) vet ./wasm/cmd/hashworker ./wasm/cmd/internal/...
	$(GO) test ./...
	$(MAKE) test-wasm
	$(MAKE) vulncheck

test-wasm: #? run the wasm packages' tests under Node with Go's wasm exec wrapper, the miner's also built with SIMD
	PATH="$(WASMEXEC):$$PATH" GOOS=js GOARCH=wasm $(GO) test ./wasm/...
	PATH="$(WASMEXEC):$$PATH" $(SIMD) GOOS=js GOARCH=wasm $(GO) test ./wasm/cmd/hashworker ./wasm/cmd/internal/...

vulncheck: #? govulncheck, natively and for js/wasm, against the Go vulnerability database from the module proxy: fails on a reachable vulnerability
	$(GO) run ./build/vulncheck

bench: deps #? run the benchmarks: hashing, wasm size, in-browser API latency (numbers go in BENCH.md)
	$(GO) test -run '^$$' -bench . -benchmem ./wasm/...
	PATH="$(WASMEXEC):$$PATH" GOOS=js GOARCH=wasm $(GO) test -run '^$$' -bench . -benchmem ./wasm/sha256d
	PATH="$(WASMEXEC):$$PATH" $(SIMD) GOOS=js GOARCH=wasm $(GO) test -run '^$$' -bench . -benchmem ./wasm/cmd/internal/lanes
	$(GO) test -run '^$$' -bench . ./build/gen
	$(GO) test -run '^$$' -bench Browser -benchtime 1x ./build/e2e

fuzz: #? fuzz every parser for FUZZTIME each
	$(GO) test ./wasm/chain -run '^$$' -fuzz '^FuzzParseHeaderHex$$' -fuzztime $(FUZZTIME)
	$(GO) test ./wasm/chain -run '^$$' -fuzz '^FuzzParseBits$$' -fuzztime $(FUZZTIME)
	$(GO) test ./wasm/chain -run '^$$' -fuzz '^FuzzCompact$$' -fuzztime $(FUZZTIME)
	$(GO) test ./wasm/calc -run '^$$' -fuzz '^FuzzGet$$' -fuzztime $(FUZZTIME)
	$(GO) test ./wasm/calc -run '^$$' -fuzz '^FuzzValues$$' -fuzztime $(FUZZTIME)
	$(GO) test ./wasm/api -run '^$$' -fuzz '^FuzzHandler$$' -fuzztime $(FUZZTIME)
	$(GO) test ./wasm/widget -run '^$$' -fuzz '^FuzzRender$$' -fuzztime $(FUZZTIME)
	$(GO) test ./wasm/calcview -run '^$$' -fuzz '^FuzzSplice$$' -fuzztime $(FUZZTIME)
	$(GO) test ./wasm/netdata/refresh -run '^$$' -fuzz '^FuzzParsers$$' -fuzztime $(FUZZTIME)
	$(GO) test ./wasm/history -run '^$$' -fuzz '^FuzzParsers$$' -fuzztime $(FUZZTIME)
	$(GO) test ./wasm/history -run '^$$' -fuzz '^FuzzDecode$$' -fuzztime $(FUZZTIME)
	$(GO) test ./wasm/history -run '^$$' -fuzz '^FuzzParseQuery$$' -fuzztime $(FUZZTIME)
	$(GO) test ./wasm/internal/tinyjson -run '^$$' -fuzz '^FuzzUnmarshal$$' -fuzztime $(FUZZTIME)
	$(GO) test ./wasm/internal/tinyjson -run '^$$' -fuzz '^FuzzUnmarshalAllocs$$' -fuzztime $(FUZZTIME)

deps: #? install what the tests need and this machine lacks (Chromium, Node)
	@sh build/deps.sh
