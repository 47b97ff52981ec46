package hashswitch_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// pureDirs are the packages that must build and test natively: no
// syscall/js, no build constraints (DESIGN.md, "Rules of the house").
var pureDirs = []string{"wasm/chain", "wasm/sha256d", "wasm/econ", "wasm/calc", "wasm/api",
	"wasm/widget", "wasm/calcview", "wasm/chart", "wasm/human", "wasm/netdata", "wasm/netdata/refresh", "wasm/cmd/internal/mine",
	"wasm/gpu", "wasm/gpu/eras"}

// TestPurePackagesStayPure fails when a pure package imports syscall/js or
// safejs, or when any file there carries a build constraint.
func TestPurePackagesStayPure(t *testing.T) {
	for _, dir := range pureDirs {
		files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		if len(files) == 0 {
			t.Errorf("%s: no Go files; a pure package moved without this list", dir)
		}
		for _, path := range files {
			f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly|parser.ParseComments)
			if err != nil {
				t.Fatal(err)
			}
			if strings.HasPrefix(dir, "wasm/cmd/") && hasJSConstraint(f) {
				continue // an entry point's bridge file beside its pure core
			}
			for _, imp := range f.Imports {
				p, _ := strconv.Unquote(imp.Path.Value)
				if p == "syscall/js" || strings.HasPrefix(p, "github.com/hack-pad/safejs") {
					t.Errorf("%s imports %s: JavaScript belongs in the entry points", path, p)
				}
			}
			for _, cg := range f.Comments {
				if strings.HasPrefix(cg.Text(), "go:build") || strings.Contains(cg.List[0].Text, "//go:build") {
					t.Errorf("%s has a build constraint: pure packages build everywhere", path)
				}
			}
			if base := filepath.Base(path); strings.Contains(base, "_js") || strings.Contains(base, "_wasm") {
				t.Errorf("%s: the name implies a build constraint", path)
			}
		}
	}
}

// TestJavaScriptOnlyInEntryPoints fails when a file imports syscall/js
// (all interop goes through safejs, whose errors are values), or imports
// safejs outside the entry points under wasm/cmd/ or without an explicit
// //go:build js && wasm line. It is the project's jsguard.
func TestJavaScriptOnlyInEntryPoints(t *testing.T) {
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && path != "." && (d.Name() == "node_modules" || d.Name() == "dist" || strings.HasPrefix(d.Name(), ".")) {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly|parser.ParseComments)
		if err != nil {
			return err
		}
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			switch {
			case p == "syscall/js":
				t.Errorf("%s imports syscall/js: use github.com/hack-pad/safejs", path)
			case strings.HasPrefix(p, "github.com/hack-pad/safejs"):
				if !strings.HasPrefix(filepath.ToSlash(path), "wasm/cmd/") {
					t.Errorf("%s imports safejs outside the entry points (wasm/cmd/)", path)
				}
				if !hasJSConstraint(f) {
					t.Errorf("%s imports safejs without //go:build js && wasm", path)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func hasJSConstraint(f *ast.File) bool {
	for _, cg := range f.Comments {
		for _, c := range cg.List {
			if c.Text == "//go:build js && wasm" {
				return true
			}
		}
	}
	return false
}
