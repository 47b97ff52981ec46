// Package gen builds the site: the WebAssembly, the site/ templates and
// assets, and (from the content issue on) content/*.md, into dist/.
//
// Every asset is written under a content-hashed name and pages refer to it
// through the "asset" template function, so a page always loads the
// WebAssembly it was built with.
package gen

import (
	"bytes"
	"fmt"
	"html/template"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
)

// Config says where the sources are and where the site goes.
type Config struct {
	Root string // the repository root: site/, content/, wasm/
	Out  string // the output folder, emptied first
}

// Build writes the whole site into cfg.Out.
func Build(cfg Config) error {
	if err := os.RemoveAll(cfg.Out); err != nil {
		return err
	}
	if err := os.MkdirAll(cfg.Out, 0o755); err != nil {
		return err
	}
	assets := Assets{}
	wasm, err := CompileWasm(cfg.Root, "./wasm/cmd/app")
	if err != nil {
		return err
	}
	if err := assets.add(cfg.Out, "app.wasm", wasm); err != nil {
		return err
	}
	execJS, err := os.ReadFile(filepath.Join(runtime.GOROOT(), "lib", "wasm", "wasm_exec.js"))
	if err != nil {
		return fmt.Errorf("wasm_exec.js from the Go toolchain: %w", err)
	}
	if err := assets.add(cfg.Out, "wasm_exec.js", execJS); err != nil {
		return err
	}
	files, err := filepath.Glob(filepath.Join(cfg.Root, "site", "assets", "*"))
	if err != nil {
		return err
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		if err := assets.add(cfg.Out, filepath.Base(f), data); err != nil {
			return err
		}
	}
	return renderPages(cfg, assets)
}

// CompileWasm builds a js/wasm main package of the module at root with the
// same Go toolchain that runs the generator, stripped.
func CompileWasm(root, pkg string) ([]byte, error) {
	tmp, err := os.MkdirTemp("", "hashswitch-wasm")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	out := filepath.Join(tmp, "out.wasm")
	cmd := exec.Command(filepath.Join(runtime.GOROOT(), "bin", "go"), "build", "-trimpath", "-ldflags=-s -w", "-o", out, pkg)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("go build %s for js/wasm: %v\n%s", pkg, err, stderr.String())
	}
	return os.ReadFile(out)
}

// page is what every template sees.
type page struct {
	Path        string // URL path, "/" or "/api/"
	Title       string
	Description string
	Version     string // a hash of every asset: changes when any does
}

// renderPages renders each site/pages/NAME.html into NAME/index.html
// (index.html for "index") inside the base layout.
func renderPages(cfg Config, assets Assets) error {
	base, err := template.New("base.html").Funcs(template.FuncMap{"asset": assets.URL}).
		ParseFiles(filepath.Join(cfg.Root, "site", "templates", "base.html"))
	if err != nil {
		return err
	}
	files, err := filepath.Glob(filepath.Join(cfg.Root, "site", "pages", "*.html"))
	if err != nil {
		return err
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".html")
		t, err := template.Must(base.Clone()).ParseFiles(f)
		if err != nil {
			return err
		}
		p := page{Path: "/" + name + "/", Version: assets.Version()}
		dir := filepath.Join(cfg.Out, name)
		if name == "index" {
			p.Path, dir = "/", cfg.Out
		}
		var title, desc bytes.Buffer
		if err := t.ExecuteTemplate(&title, "title", p); err != nil {
			return fmt.Errorf("%s: %w", f, err)
		}
		if err := t.ExecuteTemplate(&desc, "description", p); err != nil {
			return fmt.Errorf("%s: %w", f, err)
		}
		p.Title, p.Description = title.String(), desc.String()
		var html bytes.Buffer
		if err := t.ExecuteTemplate(&html, "base.html", p); err != nil {
			return fmt.Errorf("%s: %w", f, err)
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, "index.html"), html.Bytes(), 0o644); err != nil {
			return err
		}
	}
	return nil
}
