package gen

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestPageWasmImportsNoHeavyPackages keeps what the diet of 26 November
// 2026 took out of the page's WebAssembly out of it: net/url's parser
// and math/big (with the fmt they bring), and encoding/json and
// encoding/xml from every package the page's Go reaches (the upstreams'
// parsers, which need them, are netdata/refresh's, for the edge).
func TestPageWasmImportsNoHeavyPackages(t *testing.T) {
	cmd := exec.Command("go", "list", "-deps", "-f", "{{.ImportPath}} {{join .Imports \" \"}}", "./wasm/cmd/app")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		pkg, imports, _ := strings.Cut(line, " ")
		for _, imp := range strings.Fields(imports) {
			heavy := imp == "net/url" || imp == "math/big" || imp == "encoding/json" || imp == "encoding/xml"
			if heavy && !strings.HasPrefix(pkg, imp) && strings.HasPrefix(pkg, "github.com/hashswitch/") {
				t.Errorf("%s imports %s into the page's WebAssembly", pkg, imp)
			}
		}
	}
}

// TestAccountWasm reads a module written by hand: one imported function
// (index 0, so the bodies are functions 1 and 2), two bodies of 2 and 4
// bytes named in the "name" section, and one byte of data.
func TestAccountWasm(t *testing.T) {
	name := func(s string) []byte { return append([]byte{byte(len(s))}, s...) }
	section := func(id byte, content ...[]byte) []byte {
		c := bytes.Join(content, nil)
		return append([]byte{id, byte(len(c))}, c...)
	}
	names := bytes.Join([][]byte{{3}, {0}, name("go.debug"), {1}, name("encoding_json.__encodeState_.marshal"),
		{2}, name("slices.Sort_go.shape.string_")}, nil)
	module := bytes.Join([][]byte{
		[]byte("\x00asm\x01\x00\x00\x00"),
		section(1, []byte{1, 0x60, 0, 0}),
		section(2, []byte{1}, name("go"), name("debug"), []byte{0, 0}),
		section(3, []byte{2, 0, 0}),
		section(10, []byte{2}, []byte{2, 0, 0x0b}, []byte{4, 0, 1, 1, 0x0b}),
		section(11, []byte{0}),
		section(0, name("name"), []byte{1, byte(len(names))}, names),
	}, nil)
	got, err := AccountWasm(module)
	want := WasmSizes{Code: 6, Data: 1, Packages: map[string]int{"encoding/json": 2, "slices": 4}}
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, %v; want %+v", got, err, want)
	}
	if top := got.Top(5); !reflect.DeepEqual(top, []string{"slices", "encoding/json"}) {
		t.Errorf("top %v", top)
	}
	for _, bad := range [][]byte{nil, []byte("\x00asm\x01\x00\x00\x00\x0a\x09\x02"), module[:len(module)-3]} {
		if _, err := AccountWasm(bad); err == nil {
			t.Errorf("accepted %x", bad)
		}
	}
	// Names as the linker writes them (dumped from the page's build).
	for sym, pkg := range map[string]string{
		"runtime.mallocgc": "runtime", "runtime.__mheap_.alloc": "runtime", "internal_strconv.fmtF": "internal/strconv",
		"github.com_hashswitch_hashswitch_wasm_calc.__Def_github.com_hashswitch_hashswitch_wasm_calc.NetworkResult__.Compute": "github.com/hashswitch/hashswitch/wasm/calc",
		"github.com_hack-pad_safejs.Value.Get": "github.com/hack-pad/safejs", "type_.eq.foo": "type_", "": "",
	} {
		if got := goPackage(sym); got != pkg {
			t.Errorf("goPackage(%q) = %q, want %q", sym, got, pkg)
		}
	}
}

// BenchmarkWasmAccount builds the page's WebAssembly with its function
// names and reports where its bytes go: the code by Go package (the 25
// largest in the log; metrics for this project's packages together and
// for the libraries a diet would remove) and the data. The code is what
// the browser compiles before the page's Go can start.
func BenchmarkWasmAccount(b *testing.B) {
	out := filepath.Join(b.TempDir(), "app.wasm")
	cmd := exec.Command("go", "build", "-trimpath", "-o", out, "./wasm/cmd/app")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if log, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("%v\n%s", err, log)
	}
	wasm, err := os.ReadFile(out)
	if err != nil {
		b.Fatal(err)
	}
	s, err := AccountWasm(wasm)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
	}
	ours := 0
	for p, n := range s.Packages {
		if strings.HasPrefix(p, "github.com/hashswitch/") {
			ours += n
		}
	}
	for _, p := range s.Top(25) {
		b.Logf("%9d  %s", s.Packages[p], p)
	}
	b.ReportMetric(float64(s.Code), "code-bytes")
	b.ReportMetric(float64(s.Data), "data-bytes")
	b.ReportMetric(float64(ours), "code-bytes-hashswitch")
	for _, p := range []string{"runtime", "encoding/json", "math/big", "reflect", "fmt", "time", "strconv", "internal/strconv"} {
		b.ReportMetric(float64(s.Packages[p]), "code-bytes-"+p)
	}
	b.ReportMetric(0, "ns/op")
}
