//go:build !js

package main

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"testing"

	"github.com/hashswitch/hashswitch/build/gen"
)

// workersFree is Workers Free's limit on a Worker's size, after
// compression (developers.cloudflare.com/workers/platform/limits, "Worker
// size": 3 MB; Workers Paid, 10 MB).
const workersFree = 3_000_000

// TestEdgeWithoutPagesFitsWorkersFree: built without the page renderer
// (gen.EdgeWithoutPages, HASHSWITCH_EDGE_PAGES=0), the edge's wasm fits
// Workers Free; the whole worker is logged beside it (BENCH.md).
func TestEdgeWithoutPagesFitsWorkersFree(t *testing.T) {
	root := filepath.Join("..", "..", "..")
	gz := func(b []byte) int {
		var buf bytes.Buffer
		w, _ := gzip.NewWriterLevel(&buf, gzip.DefaultCompression)
		w.Write(b)
		w.Close()
		return buf.Len()
	}
	api, err := gen.CompileWasm(root, "./wasm/cmd/edge", gen.EdgeWithoutPages...)
	if err != nil {
		t.Fatal(err)
	}
	build, err := edgeBuild()
	if err != nil {
		t.Fatal(err)
	}
	whole, err := os.ReadFile(filepath.Join(build, "app.wasm"))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("edge wasm: %d B raw, %d B gzip; without pages %d B raw, %d B gzip (Workers Free allows %d)",
		len(whole), gz(whole), len(api), gz(api), workersFree)
	if gz(api) >= workersFree {
		t.Errorf("without pages the edge is %d B of gzip, over Workers Free's %d", gz(api), workersFree)
	}
	if len(api) >= len(whole) {
		t.Errorf("without pages the edge is no smaller: %d B, %d B with", len(api), len(whole))
	}
}
