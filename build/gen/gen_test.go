package gen

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
)

var root = filepath.Join("..", "..")

// TestBuildLinksOnlyHashedAssetsThatExist builds the real site and checks
// that every asset a page names exists, under the hash of its content.
func TestBuildLinksOnlyHashedAssetsThatExist(t *testing.T) {
	out := t.TempDir()
	site, err := Build(Config{Root: root, Out: out})
	if err != nil {
		t.Fatal(err)
	}
	// netlify.toml must be what this build would write (make dist does).
	committed, err := os.ReadFile(filepath.Join(root, "netlify.toml"))
	if err != nil || string(committed) != NetlifyTOML(site.Pages) {
		t.Errorf("netlify.toml is not current for pages %v: run make dist and commit it (%v)", site.Pages, err)
	}
	pages, _ := filepath.Glob(filepath.Join(out, "*", "index.html"))
	pages = append(pages, filepath.Join(out, "index.html"))
	ref := regexp.MustCompile(`/assets/[^"'\s)]+`)
	seen := 0
	for _, p := range pages {
		html, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, u := range ref.FindAllString(string(html), -1) {
			data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(u)))
			if err != nil {
				t.Errorf("%s links %s: %v", p, u, err)
				continue
			}
			sum := sha256.Sum256(data)
			if !strings.Contains(u, "."+hex.EncodeToString(sum[:])[:10]+".") {
				t.Errorf("%s is not named by its content hash", u)
			}
			seen++
		}
	}
	if seen == 0 {
		t.Error("no page links an asset")
	}
}

func TestVersionChangesWithAnyAsset(t *testing.T) {
	a := Assets{"app.wasm": "/assets/app.1.wasm", "style.css": "/assets/style.1.css"}
	b := Assets{"app.wasm": "/assets/app.2.wasm", "style.css": "/assets/style.1.css"}
	if a.Version() == b.Version() {
		t.Error("same version for different assets")
	}
	if _, err := a.URL("missing.js"); err == nil {
		t.Error("unknown asset has a URL")
	}
}

// BenchmarkWasmSize reports the page's WebAssembly as it is served: raw,
// gzip -9 and brotli -11 bytes.
func BenchmarkWasmSize(b *testing.B) {
	wasm, err := CompileWasm(root, "./wasm/cmd/app")
	if err != nil {
		b.Fatal(err)
	}
	var gz, br bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	zw.Write(wasm)
	zw.Close()
	bw := brotli.NewWriterLevel(&br, brotli.BestCompression)
	bw.Write(wasm)
	bw.Close()
	for b.Loop() {
	}
	b.ReportMetric(float64(len(wasm)), "raw-bytes")
	b.ReportMetric(float64(gz.Len()), "gzip-bytes")
	b.ReportMetric(float64(br.Len()), "brotli-bytes")
	b.ReportMetric(0, "ns/op")
}
