package hashswitch_test

import (
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// pureDirs are the packages that must build and test natively: no
// syscall/js, no build constraints (DESIGN.md, "Rules of the house").
var pureDirs = []string{"wasm/chain", "wasm/sha256d", "wasm/econ", "wasm/calc", "wasm/api"}

// TestPurePackagesStayPure fails when a pure package imports syscall/js or
// safejs, or when any file there carries a build constraint.
func TestPurePackagesStayPure(t *testing.T) {
	for _, dir := range pureDirs {
		if _, err := os.Stat(dir); err != nil {
			continue // not built yet
		}
		files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		for _, path := range files {
			f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly|parser.ParseComments)
			if err != nil {
				t.Fatal(err)
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

// TestSyscallJSOnlyBehindConstraints fails when a file anywhere imports
// syscall/js without an explicit //go:build js && wasm line.
func TestSyscallJSOnlyBehindConstraints(t *testing.T) {
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "node_modules" || d.Name() == "dist" || strings.HasPrefix(d.Name(), ".")) && path != "." {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if !strings.Contains(string(src), `"syscall/js"`) {
			return nil
		}
		if !strings.Contains(string(src), "//go:build js && wasm") {
			t.Errorf("%s imports syscall/js without //go:build js && wasm", path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
