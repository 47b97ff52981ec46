// Command vulncheck runs govulncheck over the whole project: natively (the
// generator and the dev server) and for js/wasm (the page, the edge worker
// and the miner's SIMD workers, each with its own build settings). It fails
// on any vulnerability the code reaches.
//
// The database is the Go vulnerability database as the module proxy serves
// it, the module golang.org/x/vulndb at a pinned version, indexed here once
// by its own cmd/indexdb into .cache/vulndb: the public database's site is
// not reachable from every machine this runs on, the module proxy is.
//
//	go run ./build/vulncheck             # the pinned database
//	VULNDB=latest go run ./build/vulncheck  # the newest the proxy has
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

const (
	// vulndb is the database's version: a newer one may report more, so
	// it moves by a deliberate change (VULNDB=latest tries the newest).
	vulndb      = "v0.0.0-20261105234957-e22db6528018"
	govulncheck = "golang.org/x/vuln/cmd/govulncheck@v1.9.0"
)

// scans are what runs where: the packages and the build environment each
// is compiled with.
var scans = []struct {
	what string
	env  []string
	pkgs []string
}{
	{"the generator, the dev server and the tests' code", nil, []string{"./..."}},
	{"the page's and the edge's WebAssembly", []string{"GOOS=js", "GOARCH=wasm"}, []string{"./wasm/cmd/app", "./wasm/cmd/edge"}},
	{"the miner's SIMD workers", []string{"GOOS=js", "GOARCH=wasm", "GOEXPERIMENT=simd"}, []string{"./wasm/cmd/hashworker"}},
}

func main() {
	log.SetFlags(0)
	version := vulndb
	if v := os.Getenv("VULNDB"); v != "" {
		version = v
	}
	db, err := database(version)
	if err != nil {
		log.Fatalf("vulncheck: %v", err)
	}
	bin, err := install()
	if err != nil {
		log.Fatalf("vulncheck: %v", err)
	}
	failed := false
	for _, s := range scans {
		cmd := exec.Command(bin, append([]string{"-db", "file://" + db}, s.pkgs...)...)
		cmd.Env = append(os.Environ(), s.env...)
		cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
		log.Printf("govulncheck: %s (%s)", s.what, strings.Join(append(s.env, s.pkgs...), " "))
		if err := cmd.Run(); err != nil {
			failed = true
		}
	}
	if failed {
		log.Fatal("vulncheck: the code reaches a known vulnerability (above): move to the Go release or module version that fixes it")
	}
}

// database returns the folder of the indexed database for a vulndb
// version, indexing the module's OSV files the first time.
func database(version string) (string, error) {
	var mod struct{ Version, Dir, Error string }
	out, err := goCmd(nil, "mod", "download", "-json", "golang.org/x/vulndb@"+version)
	if jerr := json.Unmarshal(out, &mod); jerr != nil || mod.Error != "" || err != nil {
		return "", fmt.Errorf("go mod download golang.org/x/vulndb@%s: %v %s", version, err, mod.Error)
	}
	dir, err := filepath.Abs(filepath.Join(".cache", "vulndb", mod.Version))
	if err != nil {
		return "", err
	}
	if _, err := os.Stat(filepath.Join(dir, "index", "db.json")); err == nil {
		return dir, nil
	}
	tmp := dir + ".tmp"
	os.RemoveAll(tmp)
	log.Printf("indexing the Go vulnerability database %s into %s (once)", mod.Version, dir)
	if _, err := goCmd(nil, "run", "golang.org/x/vulndb/cmd/indexdb@"+mod.Version,
		"-vulns", filepath.Join(mod.Dir, "data", "osv"), "-out", tmp); err != nil {
		return "", err
	}
	return dir, os.Rename(tmp, dir)
}

// install builds govulncheck for this machine into .cache/bin.
func install() (string, error) {
	bin, err := filepath.Abs(filepath.Join(".cache", "bin"))
	if err != nil {
		return "", err
	}
	if _, err := goCmd([]string{"GOBIN=" + bin}, "install", govulncheck); err != nil {
		return "", err
	}
	return filepath.Join(bin, "govulncheck"), nil
}

// goCmd runs the go command for this machine with env added, outside this
// module, so that the tools' own dependencies stay out of go.mod.
func goCmd(env []string, args ...string) ([]byte, error) {
	cmd := exec.Command("go", args...)
	cmd.Dir = os.TempDir()
	cmd.Env = append(append(os.Environ(), "GOOS=", "GOARCH=", "GOEXPERIMENT="), env...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return out, fmt.Errorf("go %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return out, nil
}
