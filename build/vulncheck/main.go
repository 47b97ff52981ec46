// Command vulncheck runs govulncheck over the whole project: natively (the
// generator and the dev server) and for js/wasm (the page, the edge worker
// and the miner's SIMD workers, each with its own build settings). It fails
// on any vulnerability the code reaches.
//
// The database is the Go vulnerability database as the module proxy serves
// it, the module golang.org/x/vulndb at a pinned version, indexed here once
// into .cache/vulndb (see index): the public database's site is not
// reachable from every machine this runs on, the module proxy is.
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
	"sort"
	"strings"
	"time"
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
	log.Printf("indexing the Go vulnerability database %s into %s (once)", mod.Version, dir)
	tmp := dir + ".tmp"
	os.RemoveAll(tmp)
	if err := index(filepath.Join(mod.Dir, "data", "osv"), tmp); err != nil {
		return "", err
	}
	return dir, os.Rename(tmp, dir)
}

// index writes the database govulncheck reads from a folder (its v1
// schema: index/db.json, index/modules.json, ID/<id>.json) from the
// vulndb module's OSV files, as vulndb's cmd/indexdb does, without
// building that command (its dependencies take a minute to compile). Each
// module lists every entry that names it, without the "fixed" shortcut:
// govulncheck then reads each entry and applies its version ranges, so
// leaving the shortcut out can only make it read more, never miss one.
func index(osvDir, out string) error {
	files, err := filepath.Glob(filepath.Join(osvDir, "*.json"))
	if err != nil || len(files) == 0 {
		return fmt.Errorf("no OSV files in %s: %v", osvDir, err)
	}
	type vuln struct {
		ID       string    `json:"id"`
		Modified time.Time `json:"modified"`
	}
	type module struct {
		Path  string `json:"path"`
		Vulns []vuln `json:"vulns"`
	}
	modules := map[string]*module{}
	var latest time.Time
	for _, dir := range []string{"index", "ID"} {
		if err := os.MkdirAll(filepath.Join(out, dir), 0o755); err != nil {
			return err
		}
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		var entry struct {
			vuln
			Affected []struct {
				Module struct {
					Path string `json:"name"`
				} `json:"package"`
			} `json:"affected"`
		}
		if err := json.Unmarshal(data, &entry); err != nil || entry.ID == "" {
			return fmt.Errorf("%s: not an OSV entry: %v", f, err)
		}
		if entry.Modified.After(latest) {
			latest = entry.Modified
		}
		seen := map[string]bool{}
		for _, a := range entry.Affected {
			if seen[a.Module.Path] {
				continue
			}
			seen[a.Module.Path] = true
			m := modules[a.Module.Path]
			if m == nil {
				m = &module{Path: a.Module.Path}
				modules[a.Module.Path] = m
			}
			m.Vulns = append(m.Vulns, entry.vuln)
		}
		if err := os.WriteFile(filepath.Join(out, "ID", entry.ID+".json"), data, 0o644); err != nil {
			return err
		}
	}
	list := make([]*module, 0, len(modules))
	for _, m := range modules {
		list = append(list, m)
	}
	sort.Slice(list, func(i, j int) bool { return list[i].Path < list[j].Path })
	for name, v := range map[string]any{"db": map[string]time.Time{"modified": latest}, "modules": list} {
		data, err := json.Marshal(v)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(out, "index", name+".json"), data, 0o644); err != nil {
			return err
		}
	}
	return nil
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
