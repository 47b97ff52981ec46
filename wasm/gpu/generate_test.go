package gpu

import (
	"flag"
	"fmt"
	"math/bits"
	"os"
	"strings"
	"testing"

	"github.com/hashswitch/hashswitch/wasm/sha256d"
)

var update = flag.Bool("update", false, "rewrite sha256d.wgsl from its generator")

// TestShaderIsGenerated: sha256d.wgsl is what wgsl() writes. After a
// change to the generator, `go test ./wasm/gpu -run Generated -update`
// rewrites it; read the diff.
func TestShaderIsGenerated(t *testing.T) {
	want := wgsl()
	if *update {
		if err := os.WriteFile("sha256d.wgsl", []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if Shader != want {
		t.Error("sha256d.wgsl is not what its generator writes: go test ./wasm/gpu -run Generated -update")
	}
}

// The generator. The kernel's function top is written out round by round
// as single-assignment lets, with every constant folded here: a GPU keeps
// such code in registers, where a loop over a local array may spill to
// memory, and WGSL has no macros. It does what package sha256d's top does
// (see wasm/sha256d/kernel.go for why each shortcut holds); the plain
// compress beside it, written with loops, is the reference the digests
// entry point checks it against.

var consts = sha256d.Constants

func wgsl() string {
	var b strings.Builder
	b.WriteString(prologue)
	fmt.Fprintf(&b, "\nconst K = array<u32, 64>(%s);\n", hexList(consts.K[:]))
	fmt.Fprintf(&b, "const IV = array<u32, 8>(%s);\n", hexList(consts.IV[:]))
	b.WriteString(reference)
	writeTop(&b)
	b.WriteString(entryPoints)
	return b.String()
}

func hexList(ws []uint32) string {
	var parts []string
	for _, w := range ws {
		parts = append(parts, lit(w))
	}
	return strings.Join(parts, ", ")
}

func lit(w uint32) string { return fmt.Sprintf("0x%08xu", w) }

// term is one addend of a schedule word or a round: a WGSL expression, or
// a constant (expr empty) that the generator folds into the others.
type term struct {
	expr  string
	value uint32
}

func constant(v uint32) term { return term{value: v} }
func variable(e string) term { return term{expr: e} }

// wgsl writes the term as an expression.
func (t term) wgsl() string {
	if t.expr == "" {
		return lit(t.value)
	}
	return t.expr
}

// sum writes terms added up, their constants folded into one literal.
func sum(terms ...term) string {
	var k uint32
	var parts []string
	for _, t := range terms {
		if t.expr == "" {
			k += t.value
		} else {
			parts = append(parts, t.expr)
		}
	}
	if k != 0 || len(parts) == 0 {
		parts = append(parts, lit(k))
	}
	return strings.Join(parts, " + ")
}

// sigma applies σ0 or σ1 to a term: folded when it is constant.
func sigma(name string, f func(uint32) uint32, t term) term {
	if t.expr == "" {
		return constant(f(t.value))
	}
	return variable(name + "(" + t.expr + ")")
}

func sigma0(x uint32) uint32 { return bits.RotateLeft32(x, -7) ^ bits.RotateLeft32(x, -18) ^ x>>3 }
func sigma1(x uint32) uint32 { return bits.RotateLeft32(x, -17) ^ bits.RotateLeft32(x, -19) ^ x>>10 }

// schedule writes message schedule words from..to-1 of w, whose earlier
// words are set (constants where known), as lets named prefix+index.
func schedule(b *strings.Builder, w []term, prefix string, from, to int) {
	for t := from; t < to; t++ {
		v := sum(sigma("s1", sigma1, w[t-2]), w[t-7], sigma("s0", sigma0, w[t-15]), w[t-16])
		name := fmt.Sprintf("%s%d", prefix, t)
		fmt.Fprintf(b, "  let %s = %s;\n", name, v)
		w[t] = variable(name)
	}
}

// rounds runs SHA-256 rounds as lets. It keeps only a and e: after a
// round, b, c, d are the last three a's and f, g, h the last three e's.
type rounds struct {
	b      *strings.Builder
	prefix string
	a, e   []term // oldest first; the state's a and e are the last
}

// round writes round t with message word w; with onlyE it computes the
// new e alone.
func (r *rounds) round(t int, w term, onlyE bool) {
	n := len(r.a)
	a, b, c, d := r.a[n-1], r.a[n-2], r.a[n-3], r.a[n-4]
	e, f, g, h := r.e[n-1], r.e[n-2], r.e[n-3], r.e[n-4]
	t1 := fmt.Sprintf("%st%d", r.prefix, t)
	fmt.Fprintf(r.b, "  let %s = %s;\n", t1, sum(h, variable("S1("+e.wgsl()+")"), variable(fmt.Sprintf("ch(%s, %s, %s)", e.wgsl(), f.wgsl(), g.wgsl())), constant(consts.K[t]), w))
	en := fmt.Sprintf("%se%d", r.prefix, t+1)
	fmt.Fprintf(r.b, "  let %s = %s;\n", en, sum(d, variable(t1)))
	r.e = append(r.e, variable(en))
	if onlyE {
		return
	}
	an := fmt.Sprintf("%sa%d", r.prefix, t+1)
	fmt.Fprintf(r.b, "  let %s = %s + S0(%s) + maj(%s, %s, %s);\n", an, t1, a.wgsl(), a.wgsl(), b.wgsl(), c.wgsl())
	r.a = append(r.a, variable(an))
}

// writeTop writes fn top(n), n the nonce as the block's word 3 reads it
// (byte-swapped): the last state word of SHA-256d.
func writeTop(b *strings.Builder) {
	b.WriteString(`
// top is the last state word of SHA-256d at the nonce whose header word is
// n (the nonce byte-swapped): byte-swapped, the hash's most significant 32
// bits as Bitcoin reads it. Generated; see generate_test.go.
fn top(n: u32) -> u32 {
  // First hash, second block: its words 0..2 are the header's last bytes
  // but the nonce, 4..15 padding; rounds 0..3 and the schedule's
  // nonce-free terms come from the CPU (package sha256d's Prepared).
`)
	w := make([]term, 64)
	w[4], w[15] = constant(consts.Pad), constant(consts.HeaderLen)
	for i := 5; i < 15; i++ {
		w[i] = constant(0)
	}
	// Words 16..19, 31 and 32 start from the CPU's sums; the rest as
	// package sha256d's top writes them.
	b.WriteString("  let w16 = params.w16.x;\n  let w17 = params.w16.y;\n")
	b.WriteString("  let w18 = params.w16.z + s0(n);\n  let w19 = params.w16.w + n;\n")
	w[16], w[17], w[18], w[19] = variable("w16"), variable("w17"), variable("w18"), variable("w19")
	// w[t-15] and w[t-16] of words 20..30 are 5..15: constants; of 31 and
	// 32 they are 16, 17 and the constant 15, 16, summed on the CPU.
	schedule(b, w, "w", 20, 31)
	fmt.Fprintf(b, "  let w31 = s1(w29) + w24 + params.w31.x;\n  let w32 = s1(w30) + w25 + params.w31.y;\n")
	w[31], w[32] = variable("w31"), variable("w32")
	schedule(b, w, "w", 33, 64)

	b.WriteString("  // Round 3's T1 took a zero nonce: the nonce adds to a and e alike.\n")
	b.WriteString("  let a4 = params.round4[0].x + n;\n  let e4 = params.round4[1].x + n;\n")
	r := &rounds{b: b, prefix: "",
		a: []term{variable("params.round4[0].w"), variable("params.round4[0].z"), variable("params.round4[0].y"), variable("a4")},
		e: []term{variable("params.round4[1].w"), variable("params.round4[1].z"), variable("params.round4[1].y"), variable("e4")},
	}
	for t := 4; t < 64; t++ {
		r.round(t, w[t], false)
	}
	// The first hash's state: the midstate plus the rounds' a..h.
	n := len(r.a)
	state := []term{r.a[n-1], r.a[n-2], r.a[n-3], r.a[n-4], r.e[n-1], r.e[n-2], r.e[n-3], r.e[n-4]}
	b.WriteString("  // The second hash's message: the first hash's state, padded.\n")
	v := make([]term, 64)
	for i, s := range state {
		name := fmt.Sprintf("v%d", i)
		fmt.Fprintf(b, "  let %s = params.mid[%d].%c + %s;\n", name, i/4, "xyzw"[i%4], s.expr)
		v[i] = variable(name)
	}
	v[8], v[15] = constant(consts.Pad), constant(consts.DigestLen)
	for i := 9; i < 15; i++ {
		v[i] = constant(0)
	}
	schedule(b, v, "v", 16, 61)
	b.WriteString("  // Round 0 from the IV is Zero0 with word 0 added to a and e.\n")
	z := consts.Zero0
	b.WriteString("  let xa1 = " + sum(constant(z[0]), v[0]) + ";\n  let xe1 = " + sum(constant(z[4]), v[0]) + ";\n")
	r = &rounds{b: b, prefix: "x",
		a: []term{constant(z[3]), constant(z[2]), constant(z[1]), variable("xa1")},
		e: []term{constant(z[7]), constant(z[6]), constant(z[5]), variable("xe1")},
	}
	for t := 1; t < 61; t++ {
		r.round(t, v[t], t == 60)
	}
	b.WriteString("  // Round 60's new e reaches h after rounds 61..63, unchanged.\n")
	fmt.Fprintf(b, "  return %s;\n}\n", sum(constant(consts.IV[7]), r.e[len(r.e)-1]))
}

// The shader's parts that are not generated.

const prologue = `// SHA-256d of an 80-byte Bitcoin block header at many nonces: the
// in-browser miner's GPU kernel, which package gpu drives through WebGPU.
//
// GENERATED by wasm/gpu/generate_test.go; edit that, then run
//   go test ./wasm/gpu -run Generated -update
//
// The CPU compresses the header's first 64 bytes once (the midstate) and
// does the nonce-free work of the second block (package sha256d's
// Prepared). Each invocation of scan hashes nonces_per_invocation nonces
// with the shortcuts of wasm/sha256d/kernel.go, which stop at the one
// state word the target is compared on first; it keeps the lowest such
// word in results.best and lists every nonce that reaches it or meets the
// target's top word, for the CPU to confirm with the whole digest.

struct Params {
  mid: array<vec4<u32>, 2>,    // the state after the header's first 64 bytes, a..h
  round4: array<vec4<u32>, 2>, // a..h after the second block's round 3, with a zero nonce
  w16: vec4<u32>,              // schedule words 16, 17; the nonce-free parts of 18, 19
  w31: vec4<u32>,              // the nonce-free parts of words 31 and 32; 0, 0
  tail: vec4<u32>,             // the second block's words 0..2 (header bytes 64..75); 0
  scan: vec4<u32>,             // first nonce, how many, the target's top word; 0
}

struct Results {
  best: atomic<u32>,           // the lowest top word so far, byte-swapped (the host sets it first)
  count: atomic<u32>,          // nonces listed, which may pass the list's length
  nonces: array<u32, 1024>,
}

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> results: Results;
@group(0) @binding(2) var<storage, read_write> digest_words: array<u32>;

// Set by the pipeline (package gpu says why these values).
override workgroup_size: u32 = 64u;
override nonces_per_invocation: u32 = 16u;

const PAD = 0x80000000u; // the 1 bit that ends a message

fn rotr(x: u32, n: u32) -> u32 { return (x >> n) | (x << (32u - n)); }
fn S0(x: u32) -> u32 { return rotr(x, 2u) ^ rotr(x, 13u) ^ rotr(x, 22u); }
fn S1(x: u32) -> u32 { return rotr(x, 6u) ^ rotr(x, 11u) ^ rotr(x, 25u); }
fn s0(x: u32) -> u32 { return rotr(x, 7u) ^ rotr(x, 18u) ^ (x >> 3u); }
fn s1(x: u32) -> u32 { return rotr(x, 17u) ^ rotr(x, 19u) ^ (x >> 10u); }
fn ch(e: u32, f: u32, g: u32) -> u32 { return g ^ (e & (f ^ g)); }
fn maj(a: u32, b: u32, c: u32) -> u32 { return (a & b) | (c & (a | b)); }

// swap reverses a word's bytes: the header stores the nonce little-endian,
// SHA-256 reads words big-endian, and Bitcoin reads the digest as a
// little-endian number.
fn swap(x: u32) -> u32 {
  return (x << 24u) | ((x << 8u) & 0x00ff0000u) | ((x >> 8u) & 0x0000ff00u) | (x >> 24u);
}
`

const reference = `
// compress is FIPS 180-4's compression of one block into state, written
// plainly: the reference that the digests entry point holds top to.
fn compress(state: array<u32, 8>, block: array<u32, 16>) -> array<u32, 8> {
  var w: array<u32, 64>;
  for (var t = 0u; t < 16u; t++) {
    w[t] = block[t];
  }
  for (var t = 16u; t < 64u; t++) {
    w[t] = s1(w[t - 2u]) + w[t - 7u] + s0(w[t - 15u]) + w[t - 16u];
  }
  var s = state;
  for (var t = 0u; t < 64u; t++) {
    let t1 = s[7] + S1(s[4]) + ch(s[4], s[5], s[6]) + K[t] + w[t];
    let t2 = S0(s[0]) + maj(s[0], s[1], s[2]);
    s = array<u32, 8>(t1 + t2, s[0], s[1], s[2], s[3] + t1, s[4], s[5], s[6]);
  }
  for (var i = 0u; i < 8u; i++) {
    s[i] += state[i];
  }
  return s;
}
`

const entryPoints = `
// scan hashes params.scan.y nonces from params.scan.x (wrapping past
// 2^32-1), nonces_per_invocation each, over a grid of workgroups in x
// and y (a dimension holds at most 65,535).
@compute @workgroup_size(workgroup_size)
fn scan(@builtin(global_invocation_id) id: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {
  let first = (id.y * groups.x * workgroup_size + id.x) * nonces_per_invocation;
  var seen = atomicLoad(&results.best);
  for (var i = 0u; i < nonces_per_invocation; i++) {
    let offset = first + i;
    if (offset >= params.scan.y) {
      return;
    }
    let nonce = params.scan.x + offset;
    let t = swap(top(swap(nonce)));
    // Only a new lowest word, or one at most the target's, costs an atomic.
    if (t <= seen || t <= params.scan.z) {
      let old = atomicMin(&results.best, t);
      seen = min(old, t);
      if (t <= old || t <= params.scan.z) {
        let k = atomicAdd(&results.count, 1u);
        if (k < 1024u) {
          results.nonces[k] = nonce;
        }
      }
    }
  }
}

// digests writes nine words for each of params.scan.y nonces from
// params.scan.x: the SHA-256d state by the plain compress, then top's
// word; the tests hold both to crypto/sha256.
@compute @workgroup_size(64)
fn digests(@builtin(global_invocation_id) id: vec3<u32>) {
  if (id.x >= params.scan.y) {
    return;
  }
  let nonce = params.scan.x + id.x;
  let mid = array<u32, 8>(params.mid[0].x, params.mid[0].y, params.mid[0].z, params.mid[0].w,
                          params.mid[1].x, params.mid[1].y, params.mid[1].z, params.mid[1].w);
  let h = compress(mid, array<u32, 16>(params.tail.x, params.tail.y, params.tail.z, swap(nonce),
                                        PAD, 0u, 0u, 0u, 0u, 0u, 0u, 0u, 0u, 0u, 0u, 640u));
  let d = compress(IV, array<u32, 16>(h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7],
                                       PAD, 0u, 0u, 0u, 0u, 0u, 0u, 256u));
  for (var i = 0u; i < 8u; i++) {
    digest_words[id.x * 9u + i] = d[i];
  }
  digest_words[id.x * 9u + 8u] = top(swap(nonce));
}
`
