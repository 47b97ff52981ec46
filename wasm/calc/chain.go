package calc

import (
	"math"
	"strconv"
	"time"

	"github.com/hashswitch/hashswitch/wasm/chain"
)

// maxHeight is the largest block height Bitcoin Core can represent (int).
const maxHeight = math.MaxInt32

type halvingResult struct {
	Height            int64   `json:"height"`
	Epoch             int64   `json:"epoch"`
	SubsidySat        int64   `json:"subsidy_sat"`
	SubsidyBTC        float64 `json:"subsidy_btc"`
	NextHalvingHeight int64   `json:"next_halving_height"`
	BlocksRemaining   int64   `json:"blocks_remaining"`
	NextSubsidySat    int64   `json:"next_subsidy_sat"`
	SupplySat         int64   `json:"supply_sat"`
	MaxSupplySat      int64   `json:"max_supply_sat"`
	SupplyPct         float64 `json:"supply_pct"`
	BlockTimeSec      float64 `json:"block_time"`
	Time              *int64  `json:"time,omitempty"`
	ETAUnix           *int64  `json:"eta_unix,omitempty"`
	ETA               string  `json:"eta,omitempty"` // RFC 3339, UTC
}

func halving(p *params) (any, error) {
	height := p.int("height", 0, maxHeight)
	blockTime := p.floatOr("block_time", 600, positive(86_400))
	var t int64
	if p.has("time") {
		t = p.unixTime("time")
	}
	if p.err != nil {
		return nil, p.err
	}
	m := chain.MainNet
	r := halvingResult{
		Height:            height,
		Epoch:             m.Epoch(height),
		SubsidySat:        m.SubsidySat(height),
		SubsidyBTC:        float64(m.SubsidySat(height)) / chain.Coin,
		NextHalvingHeight: m.NextHalvingHeight(height),
		BlocksRemaining:   m.BlocksUntilHalving(height),
		NextSubsidySat:    m.SubsidySat(m.NextHalvingHeight(height)),
		SupplySat:         m.SupplySat(height),
		MaxSupplySat:      m.MaxSupplySat(),
		BlockTimeSec:      blockTime,
	}
	r.SupplyPct = 100 * float64(r.SupplySat) / float64(r.MaxSupplySat)
	if p.has("time") {
		eta := m.HalvingETA(height, t, blockTime)
		r.Time, r.ETAUnix = &t, &eta
		r.ETA = time.Unix(eta, 0).UTC().Format(time.RFC3339)
	}
	return r, nil
}

// unixTime reads a block time as unix seconds or as an RFC 3339 date
// ("2025-11-25T00:00:00Z", or just "2025-11-25"), within what a block
// header's 32-bit time can hold.
func (p *params) unixTime(name string) int64 {
	raw := p.str(name)
	for _, layout := range []string{time.RFC3339, "2006-01-02"} {
		if d, err := time.Parse(layout, raw); err == nil {
			if u := d.Unix(); u >= 0 && u <= math.MaxUint32 {
				return u
			}
		}
	}
	if _, err := strconv.ParseInt(raw, 10, 64); err != nil && p.err == nil {
		p.err = fieldErr(name, "must be unix seconds or a date such as 2025-11-25T00:00:00Z, got %s", quote(raw))
		return 0
	}
	return p.int(name, 0, math.MaxUint32)
}

type targetResult struct {
	Bits           string  `json:"bits"`
	Target         string  `json:"target"`
	Difficulty     float64 `json:"difficulty"`
	HashesPerBlock float64 `json:"hashes_per_block"`
	// Work is the exact expected hashes, 2^256/(target+1), in decimal.
	Work               string  `json:"work"`
	NetworkHashrateEHs float64 `json:"network_hashrate_ehs"`
}

func target(p *params) (any, error) {
	if !p.has("bits") {
		return nil, fieldErr("bits", "is required (8 hex digits such as 1d00ffff)")
	}
	bits, err := chain.ParseBits(p.str("bits"))
	if err != nil {
		return nil, fieldErr("bits", "%s", err)
	}
	t, err := chain.MainNet.TargetFromBits(bits)
	if err != nil {
		return nil, fieldErr("bits", "%s", err)
	}
	d := chain.Difficulty(bits)
	return targetResult{
		Bits:               chain.FormatBits(bits),
		Target:             chain.TargetHex(t),
		Difficulty:         d,
		HashesPerBlock:     chain.HashesPerBlock(d),
		Work:               chain.Work(t).String(),
		NetworkHashrateEHs: chain.MainNet.HashrateFromDifficulty(d) / 1e18,
	}, nil
}

type headerResult struct {
	Hash       string `json:"hash"`
	Version    int32  `json:"version"`
	VersionHex string `json:"version_hex"`
	PrevBlock  string `json:"prev_block"`
	MerkleRoot string `json:"merkle_root"`
	Time       uint32 `json:"time"`
	TimeISO    string `json:"time_iso"`
	Bits       string `json:"bits"`
	Nonce      uint32 `json:"nonce"`
	// Target and Difficulty are empty and null when the bits encode no
	// valid target; PowError then says why.
	Target     string   `json:"target"`
	Difficulty *float64 `json:"difficulty"`
	ValidPoW   bool     `json:"valid_pow"`
	PoWError   string   `json:"pow_error,omitempty"`
}

func header(p *params) (any, error) {
	if !p.has("hex") {
		return nil, fieldErr("hex", "is required (%s)", chain.ErrHeaderHex)
	}
	h, err := chain.ParseHeaderHex(p.str("hex"))
	if err != nil {
		return nil, fieldErr("hex", "%s", err)
	}
	hash := h.BlockHash()
	r := headerResult{
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
	if t, err := chain.MainNet.TargetFromBits(h.Bits); err == nil {
		d := chain.Difficulty(h.Bits)
		r.Target, r.Difficulty = chain.TargetHex(t), &d
	}
	if err := chain.MainNet.CheckProofOfWork(hash, h.Bits); err != nil {
		r.PoWError = err.Error()
	} else {
		r.ValidPoW = true
	}
	return r, nil
}
