# Hashswitch. `make help` lists the targets.
GO       ?= go
FUZZTIME ?= 15s

.PHONY: help test bench fuzz

help: #? list the targets
	@grep -E '^[a-z-]+:.*#\?' $(MAKEFILE_LIST) | sed -E 's/:.*#\?/\t/'

test: #? run every test: vet, unit, vectors, examples and fuzz seeds
	$(GO) vet ./...
	$(GO) test ./...

bench: #? run the benchmarks (numbers go in BENCH.md)
	$(GO) test -run '^$$' -bench . -benchmem ./wasm/...

fuzz: #? fuzz every parser for FUZZTIME each
	$(GO) test ./wasm/chain -run '^$$' -fuzz '^FuzzParseHeaderHex$$' -fuzztime $(FUZZTIME)
	$(GO) test ./wasm/chain -run '^$$' -fuzz '^FuzzParseBits$$' -fuzztime $(FUZZTIME)
	$(GO) test ./wasm/chain -run '^$$' -fuzz '^FuzzCompact$$' -fuzztime $(FUZZTIME)
	$(GO) test ./wasm/calc -run '^$$' -fuzz '^FuzzGet$$' -fuzztime $(FUZZTIME)
	$(GO) test ./wasm/api -run '^$$' -fuzz '^FuzzHandler$$' -fuzztime $(FUZZTIME)
