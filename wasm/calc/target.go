package calc

import "github.com/hashswitch/hashswitch/wasm/chain"

// Bits is the compact target of a block header.
var Bits = Param{Name: "bits", Label: "Bits", Unit: "8 hex digits", Type: Text, Example: "1d00ffff", Pattern: `^(0[xX])?[0-9a-fA-F]{8}$`,
	Doc: "the compact target as Bitcoin Core writes it, with or without 0x: 17053894 is block 925,000's"}

// TargetResult is what a compact target means.
type TargetResult struct {
	Bits           string  `json:"bits" label:"Bits" unit:"8 hex digits"`
	Target         string  `json:"target" label:"Target" unit:"64 hex digits, big-endian"`
	Difficulty     float64 `json:"difficulty" label:"Difficulty" doc:"the target of nBits 1d00ffff over this target"`
	HashesPerBlock float64 `json:"hashes_per_block" label:"Expected hashes per block" unit:"difficulty x 2^32"`
	// Work is the exact expected hashes, 2^256/(target+1), in decimal.
	Work               string  `json:"work" label:"Chain work of one block" unit:"hashes, exact decimal" doc:"2^256 / (target + 1)"`
	NetworkHashrateEHs float64 `json:"network_hashrate_ehs" label:"Network hashrate" unit:"EH/s" doc:"at one block every target spacing"`
}

// Target answers /api/v1/target.
var Target = register(&Def[TargetResult]{
	Meta: Meta{
		Name: "target", Order: 80, Title: "Target and difficulty",
		Summary:  "A header's compact bits as the 256-bit target, the difficulty, and the work a block takes.",
		Params:   []Param{Bits},
		Examples: []string{"bits=1d00ffff", "bits=17053894"},
	},
	Run: func(q *Query) (TargetResult, error) {
		if !q.Has(Bits) {
			return TargetResult{}, Errorf(Bits, "is required (8 hex digits such as 1d00ffff)")
		}
		bits, err := chain.ParseBits(q.Str(Bits))
		if err != nil {
			return TargetResult{}, Errorf(Bits, "%s", err)
		}
		t, err := q.Chain.TargetFromBits(bits)
		if err != nil {
			return TargetResult{}, Errorf(Bits, "%s", err)
		}
		d := chain.Difficulty(bits)
		return TargetResult{
			Bits:               chain.FormatBits(bits),
			Target:             chain.TargetHex(t),
			Difficulty:         d,
			HashesPerBlock:     chain.HashesPerBlock(d),
			Work:               chain.Work(t).String(),
			NetworkHashrateEHs: q.Chain.HashrateFromDifficulty(d) / 1e18,
		}, nil
	},
})
