package gen

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
)

// BuildEdge writes the edge worker's bundle into out, as wrangler deploys
// it (wasm/cmd/edge/wrangler.toml's main is build/worker.mjs): the
// JavaScript glue of github.com/syumai/workers for Cloudflare (runtime.mjs,
// wasm_exec.js), cmd/edge's own worker.mjs in place of the glue's (it keeps
// one Go instance per isolate and answers from the Cache API), and
// app.wasm, cmd/edge compiled, with env added to the go command's
// environment (EdgeWithoutPages: the API alone).
func BuildEdge(root, out string, env ...string) error {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	abs, err := filepath.Abs(out)
	if err != nil {
		return err
	}
	glue := exec.Command("go", "run", "github.com/syumai/workers/cmd/workers-assets-gen", "-mode", "go", "-runtime", "cloudflare", "-o", abs)
	glue.Dir = root
	if b, err := glue.CombinedOutput(); err != nil {
		return fmt.Errorf("workers-assets-gen: %v\n%s", err, b)
	}
	worker, err := os.ReadFile(filepath.Join(root, "wasm", "cmd", "edge", "worker.mjs"))
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(abs, "worker.mjs"), worker, 0o644); err != nil {
		return err
	}
	wasm, err := CompileWasm(root, "./wasm/cmd/edge", env...)
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(abs, "app.wasm"), wasm, 0o644)
}

// EdgeWithoutPages builds the edge worker without the pages it renders
// for a URL's scenario (its build tag nopages): about 1.15 MB of gzip
// less, inside Workers Free's 3 MB (BENCH.md). A site built for it sets
// Config.EdgeWithoutPages, so that no page is routed there.
var EdgeWithoutPages = []string{"GOFLAGS=-tags=nopages"}
