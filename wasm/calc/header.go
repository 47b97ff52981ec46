package calc

import (
	"math/bits"
	"strconv"
	"time"

	"github.com/hashswitch/hashswitch/wasm/chain"
)

// Header840000 is the header of block 840,000, the April 2024 halving: the
// header inspector's first example and what the in-browser miner hashes.
const Header840000 = "00e05f2aab948491071265ad552351d0ad625745668da54b0172010000000000000000004f89a5d73bd4d4887f25981fe81892ccafda10c27f52d6f3dd28183a7c411b03b7072366194203177d9863ea"

// HeaderHex is an 80-byte block header.
var HeaderHex = Param{Name: "hex", Label: "Block header", Unit: "160 hex digits", Type: Text, Long: true,
	Pattern: `^[0-9a-fA-F]{160}$`,
	Example: Header840000,
	Doc:     "the 80-byte header as serialized (little-endian fields), as getblockheader returns it with verbose=false",
	Help:    "the header of block 840,000, the April 2024 halving; paste any other"}

// HeaderResult is a block header's fields and its proof of work.
type HeaderResult struct {
	ValidPoW bool   `json:"valid_pow" label:"Proof of work" doc:"the hash is at or below the target, and the target within the network's limit" show:"valid,lead"`
	Hash     string `json:"hash" label:"Block hash" unit:"64 hex digits, as explorers show it" show:"text,lead"`
	// Target and Difficulty are empty and null when the bits encode no
	// valid target; PoWError then says why.
	Target     string   `json:"target" label:"Target" unit:"64 hex digits; empty when the bits encode none" show:"text"`
	Difficulty *float64 `json:"difficulty" label:"Difficulty" doc:"null when the bits encode no valid target" show:"big"`
	Time       uint32   `json:"time" label:"Time" unit:"unix seconds" show:"date"`
	TimeISO    string   `json:"time_iso" label:"Time" unit:"RFC 3339, UTC"`
	Bits       string   `json:"bits" label:"Bits" unit:"8 hex digits, compact target" show:"text"`
	Nonce      uint32   `json:"nonce" label:"Nonce" doc:"the header's last 4 bytes, little-endian" show:"integer"`
	Version    int32    `json:"version" label:"Version" doc:"the header's first 4 bytes, little-endian, signed"`
	VersionHex string   `json:"version_hex" label:"Version" unit:"8 hex digits" show:"text"`
	PrevBlock  string   `json:"prev_block" label:"Previous block" unit:"64 hex digits, as explorers show it" show:"text"`
	MerkleRoot string   `json:"merkle_root" label:"Merkle root" unit:"64 hex digits, as explorers show it" show:"text"`
	PoWError   string   `json:"pow_error,omitempty" label:"Why the proof of work fails" doc:"when valid_pow is false"`
}

// Header answers /api/v1/header.
var Header = register(&Def[HeaderResult]{
	Meta: Meta{
		Name: "header", Order: 60, Widget: "header", Title: "Block header inspector",
		Summary:  "Paste an 80-byte block header: its hash, its fields, and whether its proof of work is valid.",
		Params:   []Param{HeaderHex},
		Examples: []string{"hex=" + Header840000},
	},
	Run: func(q *Query) (HeaderResult, error) {
		if !q.Has(HeaderHex) {
			return HeaderResult{}, HeaderHex.required(rule("must be 160 hex digits (an 80-byte header as serialized)"))
		}
		h, err := chain.ParseHeaderHex(q.Str(HeaderHex))
		if err != nil {
			return HeaderResult{}, Errorf(HeaderHex, "%s", err)
		}
		hash := h.BlockHash()
		r := HeaderResult{
			Hash:       hash.String(),
			Version:    h.Version,
			VersionHex: chain.FormatBits(uint32(h.Version)),
			PrevBlock:  h.PrevBlock.String(),
			MerkleRoot: h.MerkleRoot.String(),
			Time:       h.Time,
			TimeISO:    time.Unix(int64(h.Time), 0).UTC().Format(time.RFC3339),
			Bits:       chain.FormatBits(h.Bits),
			Nonce:      h.Nonce,
		}
		if t, err := q.Chain.TargetFromBits(h.Bits); err == nil {
			d := chain.Difficulty(h.Bits)
			r.Target, r.Difficulty = chain.TargetHex(t), &d
		}
		if err := q.Chain.CheckProofOfWork(hash, h.Bits); err != nil {
			r.PoWError = err.Error()
		} else {
			r.ValidPoW = true
		}
		return r, nil
	},
	Chart: func(s Scenario[HeaderResult]) *Plot {
		return &Plot{
			ID: "header-chart", Title: "Leading zero bits: the hash against its target",
			X: Axis{Label: "Number"}, Y: Axis{Label: "Leading zero bits", Ticks: WholeTicks},
			Bars: []Bar{{Label: "Block hash", Value: zeroBits(s.Result.Hash)}, {Label: "Target", Value: zeroBits(s.Result.Target)}},
		}
	},
})

// zeroBits counts the leading zero bits of a 64-digit big-endian hex number.
func zeroBits(h string) float64 {
	if len(h) != 64 {
		return 0
	}
	n := 0
	for i := 0; i < len(h); i += 8 {
		w, err := strconv.ParseUint(h[i:i+8], 16, 32)
		if err != nil {
			return 0
		}
		n += bits.LeadingZeros32(uint32(w))
		if w != 0 {
			break
		}
	}
	return float64(n)
}
