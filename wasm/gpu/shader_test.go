package gpu

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"math/bits"
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// The shader's straight-line function top is run here, natively, by a
// small interpreter of the WGSL it is written in (lets, sums, calls of
// the σ/Σ/ch/maj helpers, hex literals, params fields), and held to
// crypto/sha256: the generated rounds are checked without a GPU. The
// browser tests (build/e2e/gpu_test.go) run the whole shader on one.

// program is a parsed fn top: its statements in order.
type program struct {
	lets []let
	ret  expr
}

type let struct {
	name string
	e    expr
}

// expr is a sum of terms; a term is a literal, a name, or a call.
type expr []term2

type term2 struct {
	lit   uint32
	name  string // a let, n, or a params field such as params.round4[0].x
	call  string // s0, s1, S0, S1, ch, maj
	args  []expr
	isLit bool
}

func parseTop(t *testing.T, shader string) program {
	t.Helper()
	body := regexp.MustCompile(`(?s)\nfn top\(n: u32\) -> u32 \{\n(.*?)\n\}\n`).FindStringSubmatch(shader)
	if body == nil {
		t.Fatal("no fn top(n: u32) -> u32 in the shader")
	}
	var p program
	for _, line := range strings.Split(body[1], "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "" || strings.HasPrefix(line, "//"):
		case strings.HasPrefix(line, "let "):
			name, src, ok := strings.Cut(strings.TrimSuffix(strings.TrimPrefix(line, "let "), ";"), " = ")
			if !ok {
				t.Fatalf("cannot read %q", line)
			}
			p.lets = append(p.lets, let{name, parseExpr(t, src)})
		case strings.HasPrefix(line, "return "):
			p.ret = parseExpr(t, strings.TrimSuffix(strings.TrimPrefix(line, "return "), ";"))
		default:
			t.Fatalf("top has a statement the interpreter does not know: %q", line)
		}
	}
	return p
}

// parseExpr reads "a + f(b, c) + 0x0000002au".
func parseExpr(t *testing.T, src string) expr {
	var e expr
	for _, part := range splitTop(src, " + ") {
		part = strings.TrimSpace(part)
		switch {
		case strings.HasPrefix(part, "0x"):
			v, err := strconv.ParseUint(strings.TrimSuffix(part[2:], "u"), 16, 32)
			if err != nil {
				t.Fatalf("literal %q: %v", part, err)
			}
			e = append(e, term2{lit: uint32(v), isLit: true})
		case strings.HasSuffix(part, ")"):
			name, args, _ := strings.Cut(strings.TrimSuffix(part, ")"), "(")
			tm := term2{call: name}
			for _, a := range splitTop(args, ", ") {
				tm.args = append(tm.args, parseExpr(t, a))
			}
			e = append(e, tm)
		default:
			e = append(e, term2{name: part})
		}
	}
	return e
}

// splitTop splits s at sep outside parentheses.
func splitTop(s, sep string) []string {
	var out []string
	depth, last := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			depth--
		}
		if depth == 0 && strings.HasPrefix(s[i:], sep) {
			out = append(out, s[last:i])
			last = i + len(sep)
			i += len(sep) - 1
		}
	}
	return append(out, s[last:])
}

// run evaluates top with the uniform's words and the nonce word n.
func (p program) run(t *testing.T, params []byte, n uint32) uint32 {
	env := map[string]uint32{"n": n}
	// params.<field>[i].c and params.<field>.c, from the struct's layout.
	word := func(i int) uint32 { return binary.LittleEndian.Uint32(params[4*i:]) }
	for f, base := range map[string]int{"mid": 0, "round4": 8, "w16": 16, "w31": 20, "tail": 24, "scan": 28} {
		for i, c := range "xyzw" {
			env[fmt.Sprintf("params.%s.%c", f, c)] = word(base + i)
			env[fmt.Sprintf("params.%s[0].%c", f, c)] = word(base + i)
			if base < 16 { // mid and round4 are two vec4s
				env[fmt.Sprintf("params.%s[1].%c", f, c)] = word(base + 4 + i)
			}
		}
	}
	for _, l := range p.lets {
		env[l.name] = eval(t, env, l.e)
	}
	return eval(t, env, p.ret)
}

func eval(t *testing.T, env map[string]uint32, e expr) uint32 {
	var sum uint32
	for _, tm := range e {
		switch {
		case tm.isLit:
			sum += tm.lit
		case tm.call != "":
			var a []uint32
			for _, x := range tm.args {
				a = append(a, eval(t, env, x))
			}
			sum += call(t, tm.call, a)
		default:
			v, ok := env[tm.name]
			if !ok {
				t.Fatalf("top reads %q before setting it", tm.name)
			}
			sum += v
		}
	}
	return sum
}

func call(t *testing.T, f string, a []uint32) uint32 {
	r := bits.RotateLeft32
	switch f {
	case "s0":
		return r(a[0], -7) ^ r(a[0], -18) ^ a[0]>>3
	case "s1":
		return r(a[0], -17) ^ r(a[0], -19) ^ a[0]>>10
	case "S0":
		return r(a[0], -2) ^ r(a[0], -13) ^ r(a[0], -22)
	case "S1":
		return r(a[0], -6) ^ r(a[0], -11) ^ r(a[0], -25)
	case "ch":
		return a[0]&a[1] ^ ^a[0]&a[2]
	case "maj":
		return a[0]&a[1] ^ a[0]&a[2] ^ a[1]&a[2]
	}
	t.Fatalf("top calls %s, which the interpreter does not know", f)
	return 0
}

// sha256dOf hashes header with nonce by crypto/sha256 twice.
func sha256dOf(header [80]byte, nonce uint32) [32]byte {
	binary.LittleEndian.PutUint32(header[76:], nonce)
	first := sha256.Sum256(header[:])
	return sha256.Sum256(first[:])
}

// TestTopIsSHA256d runs the shader's top over random headers at random
// nonces, 0 and 2^32-1 among them: its word is the last of crypto/sha256's
// digest, every time.
func TestTopIsSHA256d(t *testing.T) {
	p := parseTop(t, Shader)
	if len(p.lets) < 300 {
		t.Fatalf("top has %d lets: the interpreter read too little of it", len(p.lets))
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 100; i++ {
		header := randomHeader(rng)
		var target [32]byte
		j := NewJob(&header, &target)
		params := j.Params(0, 1)
		for _, nonce := range []uint32{rng.Uint32(), 0, 0xffffffff} {
			want := sha256dOf(header, nonce)
			if got := p.run(t, params, bits.ReverseBytes32(nonce)); got != binary.BigEndian.Uint32(want[28:]) {
				t.Fatalf("header %x nonce %d: top %08x, crypto/sha256's last word %x", header, nonce, got, want[28:])
			}
		}
	}
}

// TestShaderMatchesGo: the layout the host writes is the one the shader
// declares, and the constants Go sizes buffers and pipelines with are the
// shader's.
func TestShaderMatchesGo(t *testing.T) {
	params := regexp.MustCompile(`(?s)struct Params \{(.*?)\n\}`).FindStringSubmatch(Shader)
	if params == nil {
		t.Fatal("no struct Params")
	}
	fields := regexp.MustCompile(`(?m)^\s+(\w+): (array<vec4<u32>, (\d)>|vec4<u32>),`).FindAllStringSubmatch(params[1], -1)
	var names []string
	size := 0
	for _, f := range fields {
		names = append(names, f[1])
		if f[3] != "" {
			size += 16 * int(f[3][0]-'0')
		} else {
			size += 16
		}
	}
	if got := strings.Join(names, " "); got != "mid round4 w16 w31 tail scan" || size != ParamsSize {
		t.Errorf("struct Params is %q, %d bytes; Job.Params writes mid round4 w16 w31 tail scan, %d bytes", got, size, ParamsSize)
	}
	for _, want := range []string{
		fmt.Sprintf("nonces: array<u32, %d>", ListLength),
		fmt.Sprintf("if (k < %du)", ListLength),
		fmt.Sprintf("override workgroup_size: u32 = %du;", WorkgroupSize),
		fmt.Sprintf("override nonces_per_invocation: u32 = %du;", NoncesPerInvocation),
		"@group(0) @binding(0) var<uniform> params: Params;",
		"@group(0) @binding(1) var<storage, read_write> results: Results;",
		"fn scan(", "fn digests(",
		fmt.Sprintf("digest_words[id.x * %du + 8u]", DigestWords),
	} {
		if !strings.Contains(Shader, want) {
			t.Errorf("the shader has no %q", want)
		}
	}
	// Balanced braces and parentheses: a cheap check that an edit left
	// the WGSL whole (Chromium compiles it in the browser tests).
	for _, pair := range []string{"{}", "()", "[]"} {
		if o, c := strings.Count(Shader, pair[:1]), strings.Count(Shader, pair[1:]); o != c {
			t.Errorf("%d %c against %d %c", o, pair[0], c, pair[1])
		}
	}
}
