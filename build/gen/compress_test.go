package gen

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
)

// TestCompressKeepsResultsByContent: a file compressed once is compressed
// from the cache the next time, to the same bytes, which decompress to the
// file; a changed file is compressed anew.
func TestCompressKeepsResultsByContent(t *testing.T) {
	dir, cache := t.TempDir(), t.TempDir()
	path := filepath.Join(dir, "page.html")
	data := []byte(strings.Repeat("<p>hashprice</p>\n", 500))
	os.WriteFile(path, data, 0o644)
	if err := compressFile(path, 5, cache); err != nil {
		t.Fatal(err)
	}
	first, _ := os.ReadFile(path + ".br")
	kept, _ := filepath.Glob(filepath.Join(cache, "*.br"))
	if len(kept) != 1 {
		t.Fatalf("cache holds %v", kept)
	}
	os.Remove(path + ".br")
	if err := compressFile(path, 5, cache); err != nil {
		t.Fatal(err)
	}
	again, _ := os.ReadFile(path + ".br")
	out, err := io.ReadAll(brotli.NewReader(bytes.NewReader(again)))
	if !bytes.Equal(first, again) || err != nil || !bytes.Equal(out, data) {
		t.Errorf("from the cache: %d bytes, %d the first time, decompressing to the file: %v", len(again), len(first), bytes.Equal(out, data))
	}
	os.WriteFile(path, append(data, "<p>changed</p>"...), 0o644)
	if err := compressFile(path, 5, cache); err != nil {
		t.Fatal(err)
	}
	if kept, _ := filepath.Glob(filepath.Join(cache, "*.br")); len(kept) != 2 {
		t.Errorf("a changed file: cache holds %v", kept)
	}
}
