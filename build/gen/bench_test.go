package gen

import (
	"path/filepath"
	"testing"
	"time"
)

// BenchmarkBuild builds the whole site as go run ./build -brotli 0 does
// (the WebAssembly from the go command's cache after the first round):
// the generator's own time, without compression.
func BenchmarkBuild(b *testing.B) {
	out := b.TempDir()
	now := time.Date(2025, 11, 25, 12, 0, 0, 0, time.UTC)
	for b.Loop() {
		if _, err := Build(Config{Root: root, Out: filepath.Join(out, "dist"), Now: now}); err != nil {
			b.Fatal(err)
		}
	}
}
