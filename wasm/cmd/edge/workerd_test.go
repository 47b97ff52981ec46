//go:build !js

package main

import (
	"bytes"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/hashswitch/hashswitch/internal/vectors"
	"github.com/hashswitch/hashswitch/wasm/calc"
)

// TestWorkerdServesTheAPI runs cmd/edge in workerd, Cloudflare's own
// runtime (npm's @cloudflare/workerd-linux-64), through syumai/workers'
// Cloudflare glue, and checks that the edge answers the shared vectors with
// exactly calc's bytes.
func TestWorkerdServesTheAPI(t *testing.T) {
	root := filepath.Join("..", "..", "..")
	workerd, err := filepath.Abs(filepath.Join(root, "build", "e2e", "node_modules", "@cloudflare", "workerd-linux-64", "bin", "workerd"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(workerd); err != nil {
		t.Fatalf("no workerd: run sh build/deps.sh (make test does): %v", err)
	}
	build, err := edgeBuild()
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Dir(build)
	addr := freeAddr(t)
	config := fmt.Sprintf(`using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [(name = "api", worker = .api)],
  sockets = [(name = "http", address = %q, http = (), service = "api")],
);
const api :Workerd.Worker = (
  modules = [
    (name = "worker.mjs", esModule = embed "build/worker.mjs"),
    (name = "runtime.mjs", esModule = embed "build/runtime.mjs"),
    (name = "wasm_exec.js", esModule = embed "build/wasm_exec.js"),
    (name = "app.wasm", wasm = embed "build/app.wasm"),
  ],
  compatibilityDate = "2025-01-01",
  compatibilityFlags = ["nodejs_compat"],
);
`, addr)
	if err := os.WriteFile(filepath.Join(dir, "config.capnp"), []byte(config), 0o644); err != nil {
		t.Fatal(err)
	}
	var logs bytes.Buffer
	cmd := exec.Command(workerd, "serve", "config.capnp")
	cmd.Dir = dir
	cmd.Stdout, cmd.Stderr = &logs, &logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
		if t.Failed() {
			t.Logf("workerd said:\n%s", logs.String())
		}
	})
	waitListening(t, addr)

	urls := vectors.APIURLs()
	for _, u := range urls {
		res, err := http.Get("http://" + addr + u)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		want := calc.GetURL(u)
		if res.StatusCode != want.Status || !bytes.Equal(body, want.Body) {
			t.Errorf("%s: workerd %d %s, calc %d %s", u, res.StatusCode, body, want.Status, want.Body)
		}
		if res.Header.Get("Access-Control-Allow-Origin") != "*" || res.Header.Get("Content-Type") != "application/json; charset=utf-8" {
			t.Errorf("%s: headers %v", u, res.Header)
		}
	}
}

func freeAddr(t *testing.T) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

func waitListening(t *testing.T, addr string) {
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if c, err := net.Dial("tcp", addr); err == nil {
			c.Close()
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("workerd did not listen on %s", addr)
}
