//go:build goexperiment.simd && wasm

package lanes

import (
	"math/bits"
	"simd/archsimd"

	"github.com/hashswitch/hashswitch/wasm/sha256d"
)

func init() { Kernel = new(kernel) }

// kernel is sha256d's kernel (wasm/sha256d/kernel.go) four nonces at a
// time, one per lane of WebAssembly's 128-bit SIMD: the same steps, line
// for line, on vectors. Its schedules are reused from call to call.
type kernel struct {
	first, second [64]vec
}

func (*kernel) Width() int { return 4 }

type vec = archsimd.Uint32x4

func bc(x uint32) vec { return archsimd.BroadcastUint32x4(x) }

// The package's constants on every lane.
var (
	consts = &sha256d.Constants
	kv     = func() (v [64]vec) {
		for i := range v {
			v[i] = bc(consts.K[i])
		}
		return v
	}()
	vPad             = bc(consts.Pad)
	vHeaderLen       = bc(consts.HeaderLen)
	vDigestLen       = bc(consts.DigestLen)
	vSigma0HeaderLen = bc(consts.Sigma0HeaderLen)
	vSigma1DigestLen = bc(consts.Sigma1DigestLen)
	vSigma0DigestLen = bc(consts.Sigma0DigestLen)
	vSigma0Pad       = bc(consts.Sigma0Pad)
)

// The functions of FIPS 180-4, 4.1.2, on lanes.
func sig0(x vec) vec { return x.RotateAllRight(7).Xor(x.RotateAllRight(18)).Xor(x.ShiftAllRight(3)) }
func sig1(x vec) vec { return x.RotateAllRight(17).Xor(x.RotateAllRight(19)).Xor(x.ShiftAllRight(10)) }
func bigSig0(x vec) vec {
	return x.RotateAllRight(2).Xor(x.RotateAllRight(13)).Xor(x.RotateAllRight(22))
}
func bigSig1(x vec) vec {
	return x.RotateAllRight(6).Xor(x.RotateAllRight(11)).Xor(x.RotateAllRight(25))
}

// round4 is sha256d's round on four lanes. x.BitSelect(y, m) takes x's
// bits where m has a 1 and y's elsewhere: Ch is f where e, else g; Maj is
// a where a and b agree, else c.
func round4(a, b, c, d, e, f, g, h, kw vec) (vec, vec) {
	t1 := h.Add(bigSig1(e)).Add(f.BitSelect(g, e)).Add(kw)
	t2 := bigSig0(a).Add(c.BitSelect(a, a.Xor(b)))
	return d.Add(t1), t1.Add(t2)
}

// Tops sets out to the last state word of SHA-256d at nonce..nonce+3.
func (kn *kernel) Tops(p *sha256d.Prepared, nonce uint32, out *[4]uint32) {
	nv := archsimd.LoadUint32x4Array(&[4]uint32{
		bits.ReverseBytes32(nonce), bits.ReverseBytes32(nonce + 1),
		bits.ReverseBytes32(nonce + 2), bits.ReverseBytes32(nonce + 3),
	})
	v18, v19 := bc(p.W18), bc(p.W19)
	v31, v32 := bc(p.W31), bc(p.W32)
	w := &kn.first
	w[15], w[16], w[17] = vHeaderLen, bc(p.W16), bc(p.W17) // 8..14 stay zero
	w[18] = v18.Add(sig0(nv))
	w[19] = v19.Add(nv)
	w[20] = sig1(w[18]).Add(vPad)
	w[21] = sig1(w[19])
	w[22] = sig1(w[20]).Add(vHeaderLen)
	w[23] = sig1(w[21]).Add(w[16])
	w[24] = sig1(w[22]).Add(w[17])
	w[25] = sig1(w[23]).Add(w[18])
	w[26] = sig1(w[24]).Add(w[19])
	w[27] = sig1(w[25]).Add(w[20])
	w[28] = sig1(w[26]).Add(w[21])
	w[29] = sig1(w[27]).Add(w[22])
	w[30] = sig1(w[28]).Add(w[23]).Add(vSigma0HeaderLen)
	w[31] = sig1(w[29]).Add(w[24]).Add(v31)
	w[32] = sig1(w[30]).Add(w[25]).Add(v32)
	w[33] = sig1(w[31]).Add(w[26]).Add(sig0(w[18])).Add(w[17])
	w[34] = sig1(w[32]).Add(w[27]).Add(sig0(w[19])).Add(w[18])
	w[35] = sig1(w[33]).Add(w[28]).Add(sig0(w[20])).Add(w[19])
	w[36] = sig1(w[34]).Add(w[29]).Add(sig0(w[21])).Add(w[20])
	w[37] = sig1(w[35]).Add(w[30]).Add(sig0(w[22])).Add(w[21])
	w[38] = sig1(w[36]).Add(w[31]).Add(sig0(w[23])).Add(w[22])
	w[39] = sig1(w[37]).Add(w[32]).Add(sig0(w[24])).Add(w[23])
	w[40] = sig1(w[38]).Add(w[33]).Add(sig0(w[25])).Add(w[24])
	w[41] = sig1(w[39]).Add(w[34]).Add(sig0(w[26])).Add(w[25])
	w[42] = sig1(w[40]).Add(w[35]).Add(sig0(w[27])).Add(w[26])
	w[43] = sig1(w[41]).Add(w[36]).Add(sig0(w[28])).Add(w[27])
	w[44] = sig1(w[42]).Add(w[37]).Add(sig0(w[29])).Add(w[28])
	w[45] = sig1(w[43]).Add(w[38]).Add(sig0(w[30])).Add(w[29])
	w[46] = sig1(w[44]).Add(w[39]).Add(sig0(w[31])).Add(w[30])
	w[47] = sig1(w[45]).Add(w[40]).Add(sig0(w[32])).Add(w[31])
	w[48] = sig1(w[46]).Add(w[41]).Add(sig0(w[33])).Add(w[32])
	w[49] = sig1(w[47]).Add(w[42]).Add(sig0(w[34])).Add(w[33])
	w[50] = sig1(w[48]).Add(w[43]).Add(sig0(w[35])).Add(w[34])
	w[51] = sig1(w[49]).Add(w[44]).Add(sig0(w[36])).Add(w[35])
	w[52] = sig1(w[50]).Add(w[45]).Add(sig0(w[37])).Add(w[36])
	w[53] = sig1(w[51]).Add(w[46]).Add(sig0(w[38])).Add(w[37])
	w[54] = sig1(w[52]).Add(w[47]).Add(sig0(w[39])).Add(w[38])
	w[55] = sig1(w[53]).Add(w[48]).Add(sig0(w[40])).Add(w[39])
	w[56] = sig1(w[54]).Add(w[49]).Add(sig0(w[41])).Add(w[40])
	w[57] = sig1(w[55]).Add(w[50]).Add(sig0(w[42])).Add(w[41])
	w[58] = sig1(w[56]).Add(w[51]).Add(sig0(w[43])).Add(w[42])
	w[59] = sig1(w[57]).Add(w[52]).Add(sig0(w[44])).Add(w[43])
	w[60] = sig1(w[58]).Add(w[53]).Add(sig0(w[45])).Add(w[44])
	w[61] = sig1(w[59]).Add(w[54]).Add(sig0(w[46])).Add(w[45])
	w[62] = sig1(w[60]).Add(w[55]).Add(sig0(w[47])).Add(w[46])
	w[63] = sig1(w[61]).Add(w[56]).Add(sig0(w[48])).Add(w[47])

	// Enter compress's eight-round pattern at its fifth round, with the
	// state after round 3 renamed to match and the nonce added to a and e.
	r := &p.Round4
	e, f, g, hh := bc(r[0]).Add(nv), bc(r[1]), bc(r[2]), bc(r[3])
	a, b, c, d := bc(r[4]).Add(nv), bc(r[5]), bc(r[6]), bc(r[7])
	hh, d = round4(e, f, g, hh, a, b, c, d, kv[4].Add(vPad))
	g, c = round4(d, e, f, g, hh, a, b, c, kv[5])
	f, b = round4(c, d, e, f, g, hh, a, b, kv[6])
	e, a = round4(b, c, d, e, f, g, hh, a, kv[7])
	for i := 8; i < 64; i += 8 {
		d, hh = round4(a, b, c, d, e, f, g, hh, kv[i].Add(w[i]))
		c, g = round4(hh, a, b, c, d, e, f, g, kv[i+1].Add(w[i+1]))
		b, f = round4(g, hh, a, b, c, d, e, f, kv[i+2].Add(w[i+2]))
		a, e = round4(f, g, hh, a, b, c, d, e, kv[i+3].Add(w[i+3]))
		hh, d = round4(e, f, g, hh, a, b, c, d, kv[i+4].Add(w[i+4]))
		g, c = round4(d, e, f, g, hh, a, b, c, kv[i+5].Add(w[i+5]))
		f, b = round4(c, d, e, f, g, hh, a, b, kv[i+6].Add(w[i+6]))
		e, a = round4(b, c, d, e, f, g, hh, a, kv[i+7].Add(w[i+7]))
	}

	// Second hash: its message is the first hash's state.
	m := &p.Mid
	w = &kn.second
	w[0], w[1], w[2], w[3] = bc(m[0]).Add(a), bc(m[1]).Add(b), bc(m[2]).Add(c), bc(m[3]).Add(d)
	w[4], w[5], w[6], w[7] = bc(m[4]).Add(e), bc(m[5]).Add(f), bc(m[6]).Add(g), bc(m[7]).Add(hh)
	w[16] = sig0(w[1]).Add(w[0])
	w[17] = vSigma1DigestLen.Add(sig0(w[2])).Add(w[1])
	w[18] = sig1(w[16]).Add(sig0(w[3])).Add(w[2])
	w[19] = sig1(w[17]).Add(sig0(w[4])).Add(w[3])
	w[20] = sig1(w[18]).Add(sig0(w[5])).Add(w[4])
	w[21] = sig1(w[19]).Add(sig0(w[6])).Add(w[5])
	w[22] = sig1(w[20]).Add(vDigestLen).Add(sig0(w[7])).Add(w[6])
	w[23] = sig1(w[21]).Add(w[16]).Add(vSigma0Pad).Add(w[7])
	w[24] = sig1(w[22]).Add(w[17]).Add(vPad)
	w[25] = sig1(w[23]).Add(w[18])
	w[26] = sig1(w[24]).Add(w[19])
	w[27] = sig1(w[25]).Add(w[20])
	w[28] = sig1(w[26]).Add(w[21])
	w[29] = sig1(w[27]).Add(w[22])
	w[30] = sig1(w[28]).Add(w[23]).Add(vSigma0DigestLen)
	w[31] = sig1(w[29]).Add(w[24]).Add(sig0(w[16])).Add(vDigestLen)
	w[32] = sig1(w[30]).Add(w[25]).Add(sig0(w[17])).Add(w[16])
	w[33] = sig1(w[31]).Add(w[26]).Add(sig0(w[18])).Add(w[17])
	w[34] = sig1(w[32]).Add(w[27]).Add(sig0(w[19])).Add(w[18])
	w[35] = sig1(w[33]).Add(w[28]).Add(sig0(w[20])).Add(w[19])
	w[36] = sig1(w[34]).Add(w[29]).Add(sig0(w[21])).Add(w[20])
	w[37] = sig1(w[35]).Add(w[30]).Add(sig0(w[22])).Add(w[21])
	w[38] = sig1(w[36]).Add(w[31]).Add(sig0(w[23])).Add(w[22])
	w[39] = sig1(w[37]).Add(w[32]).Add(sig0(w[24])).Add(w[23])
	w[40] = sig1(w[38]).Add(w[33]).Add(sig0(w[25])).Add(w[24])
	w[41] = sig1(w[39]).Add(w[34]).Add(sig0(w[26])).Add(w[25])
	w[42] = sig1(w[40]).Add(w[35]).Add(sig0(w[27])).Add(w[26])
	w[43] = sig1(w[41]).Add(w[36]).Add(sig0(w[28])).Add(w[27])
	w[44] = sig1(w[42]).Add(w[37]).Add(sig0(w[29])).Add(w[28])
	w[45] = sig1(w[43]).Add(w[38]).Add(sig0(w[30])).Add(w[29])
	w[46] = sig1(w[44]).Add(w[39]).Add(sig0(w[31])).Add(w[30])
	w[47] = sig1(w[45]).Add(w[40]).Add(sig0(w[32])).Add(w[31])
	w[48] = sig1(w[46]).Add(w[41]).Add(sig0(w[33])).Add(w[32])
	w[49] = sig1(w[47]).Add(w[42]).Add(sig0(w[34])).Add(w[33])
	w[50] = sig1(w[48]).Add(w[43]).Add(sig0(w[35])).Add(w[34])
	w[51] = sig1(w[49]).Add(w[44]).Add(sig0(w[36])).Add(w[35])
	w[52] = sig1(w[50]).Add(w[45]).Add(sig0(w[37])).Add(w[36])
	w[53] = sig1(w[51]).Add(w[46]).Add(sig0(w[38])).Add(w[37])
	w[54] = sig1(w[52]).Add(w[47]).Add(sig0(w[39])).Add(w[38])
	w[55] = sig1(w[53]).Add(w[48]).Add(sig0(w[40])).Add(w[39])
	w[56] = sig1(w[54]).Add(w[49]).Add(sig0(w[41])).Add(w[40])
	w[57] = sig1(w[55]).Add(w[50]).Add(sig0(w[42])).Add(w[41])
	w[58] = sig1(w[56]).Add(w[51]).Add(sig0(w[43])).Add(w[42])
	w[59] = sig1(w[57]).Add(w[52]).Add(sig0(w[44])).Add(w[43])
	w[60] = sig1(w[58]).Add(w[53]).Add(sig0(w[45])).Add(w[44])

	// Round 0 from the IV is Zero0 plus word 0 in a and e; enter the
	// pattern at its second round.
	z := &consts.Zero0
	hh, a, b, c = bc(z[0]).Add(w[0]), bc(z[1]), bc(z[2]), bc(z[3])
	d, e, f, g = bc(z[4]).Add(w[0]), bc(z[5]), bc(z[6]), bc(z[7])
	c, g = round4(hh, a, b, c, d, e, f, g, kv[1].Add(w[1]))
	b, f = round4(g, hh, a, b, c, d, e, f, kv[2].Add(w[2]))
	a, e = round4(f, g, hh, a, b, c, d, e, kv[3].Add(w[3]))
	hh, d = round4(e, f, g, hh, a, b, c, d, kv[4].Add(w[4]))
	g, c = round4(d, e, f, g, hh, a, b, c, kv[5].Add(w[5]))
	f, b = round4(c, d, e, f, g, hh, a, b, kv[6].Add(w[6]))
	e, a = round4(b, c, d, e, f, g, hh, a, kv[7].Add(w[7]))
	d, hh = round4(a, b, c, d, e, f, g, hh, kv[8].Add(vPad))
	c, g = round4(hh, a, b, c, d, e, f, g, kv[9])
	b, f = round4(g, hh, a, b, c, d, e, f, kv[10])
	a, e = round4(f, g, hh, a, b, c, d, e, kv[11])
	hh, d = round4(e, f, g, hh, a, b, c, d, kv[12])
	g, c = round4(d, e, f, g, hh, a, b, c, kv[13])
	f, b = round4(c, d, e, f, g, hh, a, b, kv[14])
	e, a = round4(b, c, d, e, f, g, hh, a, kv[15].Add(vDigestLen))
	for i := 16; i < 56; i += 8 {
		d, hh = round4(a, b, c, d, e, f, g, hh, kv[i].Add(w[i]))
		c, g = round4(hh, a, b, c, d, e, f, g, kv[i+1].Add(w[i+1]))
		b, f = round4(g, hh, a, b, c, d, e, f, kv[i+2].Add(w[i+2]))
		a, e = round4(f, g, hh, a, b, c, d, e, kv[i+3].Add(w[i+3]))
		hh, d = round4(e, f, g, hh, a, b, c, d, kv[i+4].Add(w[i+4]))
		g, c = round4(d, e, f, g, hh, a, b, c, kv[i+5].Add(w[i+5]))
		f, b = round4(c, d, e, f, g, hh, a, b, kv[i+6].Add(w[i+6]))
		e, a = round4(b, c, d, e, f, g, hh, a, kv[i+7].Add(w[i+7]))
	}
	d, hh = round4(a, b, c, d, e, f, g, hh, kv[56].Add(w[56]))
	c, g = round4(hh, a, b, c, d, e, f, g, kv[57].Add(w[57]))
	b, f = round4(g, hh, a, b, c, d, e, f, kv[58].Add(w[58]))
	a, e = round4(f, g, hh, a, b, c, d, e, kv[59].Add(w[59]))
	// Round 60's new e is h7 before the final addition (rounds 61..63
	// only move it down to h); e here is a, f b, g c, h d.
	top := bc(consts.IV[7]).Add(hh).Add(d).Add(bigSig1(a)).Add(b.BitSelect(c, a)).Add(kv[60]).Add(w[60])
	top.StoreArray(out)
}
