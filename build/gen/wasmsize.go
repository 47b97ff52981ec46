package gen

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// WasmSizes is a WebAssembly module's accounting, what twiggy does for
// Rust: the bytes of each function's body, summed by Go package (from the
// "name" section, which -ldflags=-s strips: account a build without it),
// and the sizes of the sections that are not code.
type WasmSizes struct {
	Code     int            // the code section's function bodies
	Data     int            // the data section: strings, type data, pclntab, embedded files
	Packages map[string]int // body bytes by Go package ("runtime", "encoding/json", ...)
}

// Top returns the n largest packages, largest first.
func (s WasmSizes) Top(n int) []string {
	names := make([]string, 0, len(s.Packages))
	for p := range s.Packages {
		names = append(names, p)
	}
	sort.Slice(names, func(i, j int) bool {
		a, b := s.Packages[names[i]], s.Packages[names[j]]
		return a > b || a == b && names[i] < names[j]
	})
	return names[:min(n, len(names))]
}

// AccountWasm reads a module's sections: imports (imported functions come
// first in the function index space), code and data, and the function
// names of the custom "name" section.
func AccountWasm(wasm []byte) (WasmSizes, error) {
	if len(wasm) < 8 || string(wasm[:4]) != "\x00asm" {
		return WasmSizes{}, errors.New("not a WebAssembly module")
	}
	r := &wasmReader{b: wasm, at: 8}
	var imported int
	var bodies []int
	names := map[int]string{}
	out := WasmSizes{Packages: map[string]int{}}
	for r.at < len(r.b) && r.err == nil {
		id := r.byte()
		size := int(r.uleb())
		if r.err != nil || size > len(r.b)-r.at {
			return WasmSizes{}, fmt.Errorf("section %d at byte %d overruns the module", id, r.at)
		}
		sec := &wasmReader{b: r.b[r.at : r.at+size]}
		r.at += size
		switch id {
		case 0: // custom
			if sec.name() == "name" {
				readFunctionNames(sec, names)
			}
		case 2: // imports: module, name, kind and its description
			for range sec.uleb() {
				sec.name()
				sec.name()
				switch sec.byte() {
				case 0: // a function: its type index
					sec.uleb()
					imported++
				case 1: // a table: element type and limits
					sec.byte()
					sec.limits()
				case 2: // a memory: limits
					sec.limits()
				case 3: // a global: value type and mutability
					sec.byte()
					sec.byte()
				}
			}
		case 10: // code
			for range sec.uleb() {
				n := int(sec.uleb())
				bodies = append(bodies, n)
				out.Code += n
				sec.at += n
			}
		case 11: // data
			out.Data += size
		}
		if sec.err != nil {
			return WasmSizes{}, fmt.Errorf("section %d: %w", id, sec.err)
		}
	}
	if r.err != nil {
		return WasmSizes{}, r.err
	}
	for i, n := range bodies {
		out.Packages[goPackage(names[imported+i])] += n
	}
	return out, nil
}

// readFunctionNames reads the function names subsection (1) of a "name"
// section into names, by function index.
func readFunctionNames(sec *wasmReader, names map[int]string) {
	for sec.at < len(sec.b) && sec.err == nil {
		kind := sec.byte()
		size := int(sec.uleb())
		end := sec.at + size
		if kind == 1 {
			for range sec.uleb() {
				i := int(sec.uleb())
				names[i] = sec.name()
			}
		}
		sec.at = end
	}
}

// goPackage is the package of a function as Go's wasm linker names it:
// it writes a path's slashes and a symbol's brackets as underscores and
// keeps dots, so "encoding_json.__encodeState_.marshal" is encoding/json's
// and "github.com_hashswitch_hashswitch_wasm_calc.Run" is wasm/calc's (a
// domain's dot is no package's end). "" for an unnamed function.
func goPackage(sym string) string {
	end := strings.IndexByte(sym, '.')
	if end < 0 {
		return sym
	}
	if rest := sym[end+1:]; domains[rest[:max(0, strings.IndexByte(rest, '_'))]] {
		next := strings.IndexByte(rest, '.')
		if next < 0 {
			return sym
		}
		end += 1 + next
	}
	pkg := sym[:end]
	if strings.HasSuffix(pkg, "_") { // type:.eq... is written type_.eq...
		return pkg
	}
	return strings.ReplaceAll(pkg, "_", "/")
}

// domains are the top-level domains of the module paths a build links.
var domains = map[string]bool{"com": true, "org": true, "net": true, "io": true, "dev": true}

// wasmReader reads a module's LEB128 integers and names, keeping the first
// error.
type wasmReader struct {
	b   []byte
	at  int
	err error
}

func (r *wasmReader) byte() byte {
	if r.at >= len(r.b) {
		r.err = errors.New("unexpected end")
		return 0
	}
	r.at++
	return r.b[r.at-1]
}

func (r *wasmReader) uleb() uint64 {
	var x uint64
	for shift := uint(0); shift < 64; shift += 7 {
		c := r.byte()
		x |= uint64(c&0x7f) << shift
		if c < 0x80 || r.err != nil {
			return x
		}
	}
	r.err = errors.New("an integer longer than 64 bits")
	return x
}

func (r *wasmReader) name() string {
	n := int(r.uleb())
	if r.err != nil || n > len(r.b)-r.at {
		r.err = errors.New("a name overruns its section")
		return ""
	}
	r.at += n
	return string(r.b[r.at-n : r.at])
}

func (r *wasmReader) limits() {
	if r.byte()&1 == 1 {
		r.uleb()
	}
	r.uleb()
}
