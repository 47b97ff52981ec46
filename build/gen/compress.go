package gen

import (
	"bytes"
	"compress/gzip"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/andybalholm/brotli"
)

// compressible are the files a CDN compresses: text and WebAssembly.
var compressible = map[string]bool{
	".html": true, ".css": true, ".js": true, ".mjs": true, ".json": true, ".svg": true,
	".wasm": true, ".webmanifest": true, ".txt": true, ".xml": true,
}

// compress writes NAME.br and NAME.gz beside every compressible file of the
// build, so the dev server serves what a CDN serves (brotli at cfg.Brotli,
// gzip at its best) and local measurements are the production ones.
// Brotli 0 writes none: unit tests' builds skip the cost.
func (b *builder) compress() error {
	if b.cfg.Brotli <= 0 {
		return nil
	}
	var files []string
	err := filepath.WalkDir(b.cfg.Out, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && compressible[strings.ToLower(filepath.Ext(path))] {
			files = append(files, path)
		}
		return err
	})
	if err != nil {
		return err
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
			errs <- compressFile(f, b.cfg.Brotli)
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
func compressFile(path string, level int) error {
	data, err := os.ReadFile(path)
	if err != nil || len(data) < 1024 {
		return err
	}
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
	for ext, c := range map[string][]byte{".br": br.Bytes(), ".gz": gz.Bytes()} {
		if len(c) < len(data) {
			if err := os.WriteFile(path+ext, c, 0o644); err != nil {
				return err
			}
		}
	}
	return nil
}
