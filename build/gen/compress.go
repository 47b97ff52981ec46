package gen

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/andybalholm/brotli"
)

// compressible are the files a CDN compresses: text and WebAssembly.
var compressible = map[string]bool{
	".html": true, ".css": true, ".js": true, ".mjs": true, ".json": true, ".svg": true,
	".wasm": true, ".webmanifest": true, ".txt": true, ".xml": true,
}

// compress writes NAME.br and NAME.gz beside every compressible file of
// written, the build's, so the dev server serves what a CDN serves (brotli
// at quality level, gzip at its best) and local measurements are the
// production ones. Level 0 writes none: unit tests' builds skip the cost.
// Results are kept in cache (compressFile).
func compress(written []string, level int, cache string) error {
	if level <= 0 {
		return nil
	}
	var files []string
	for _, path := range written {
		if compressible[strings.ToLower(filepath.Ext(path))] {
			files = append(files, path)
		}
	}
	var wg sync.WaitGroup
	errs := make(chan error, len(files))
	sem := make(chan struct{}, 4)
	for _, f := range files {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			errs <- compressFile(f, level, cache)
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// compressFile writes path.br and path.gz when they are smaller than path.
// Compression at brotli's quality 11 takes seconds for the WebAssembly, so
// each result is kept in cache, named by the content's hash and the level:
// a build whose files did not change compresses nothing.
func compressFile(path string, level int, cache string) error {
	data, err := os.ReadFile(path)
	if err != nil || len(data) < 1024 {
		return err
	}
	sum := sha256.Sum256(data)
	key := filepath.Join(cache, hex.EncodeToString(sum[:])+"-"+strconv.Itoa(level))
	for _, ext := range []string{".br", ".gz"} {
		c, err := os.ReadFile(key + ext)
		if err != nil {
			return compressNew(path, data, level, key)
		}
		if len(c) > 0 { // empty: not smaller than the file, none written
			if err := os.WriteFile(path+ext, c, 0o644); err != nil {
				return err
			}
		}
	}
	return nil
}

// compressNew compresses data for path, and keeps the results at key.
func compressNew(path string, data []byte, level int, key string) error {
	var br, gz bytes.Buffer
	bw := brotli.NewWriterLevel(&br, level)
	bw.Write(data)
	if err := bw.Close(); err != nil {
		return err
	}
	gw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	gw.Write(data)
	if err := gw.Close(); err != nil {
		return err
	}
	os.MkdirAll(filepath.Dir(key), 0o755) // a cache that cannot be written only costs time
	for ext, c := range map[string][]byte{".br": br.Bytes(), ".gz": gz.Bytes()} {
		if len(c) >= len(data) {
			c = nil
		} else if err := os.WriteFile(path+ext, c, 0o644); err != nil {
			return err
		}
		// Written whole, then renamed: a build beside this one never reads half a file.
		if tmp, err := os.CreateTemp(filepath.Dir(key), "tmp-*"); err == nil {
			tmp.Write(c)
			tmp.Close()
			os.Rename(tmp.Name(), key+ext)
		}
	}
	return nil
}
