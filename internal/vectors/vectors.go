// Package vectors loads the shared test vectors (Bitcoin Core, NIST and real
// mainnet headers) that the tests of every package run against.
//
// The JSON files under data/ are byte-for-byte copies of ../shared/data; a test
// fails if they drift apart. The package is for tests only and must never be
// imported by code that ships.
package vectors

import (
	"embed"
	"encoding/json"
	"fmt"
)

//go:embed data/*.json
var files embed.FS

// Files returns the embedded vector files by name, for the drift check.
func Files() (map[string][]byte, error) {
	entries, err := files.ReadDir("data")
	if err != nil {
		return nil, err
	}
	out := make(map[string][]byte, len(entries))
	for _, e := range entries {
		b, err := files.ReadFile("data/" + e.Name())
		if err != nil {
			return nil, err
		}
		out[e.Name()] = b
	}
	return out, nil
}

func load(name string, v any) {
	b, err := files.ReadFile("data/" + name)
	if err != nil {
		panic(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		panic(fmt.Sprintf("vectors: %s: %v", name, err))
	}
}

// Header is a real mainnet block header.
type Header struct {
	Height     int64    `json:"height"`
	HeaderHex  string   `json:"header_hex"`
	Hash       string   `json:"hash"`        // display order (byte-reversed)
	PrevHash   string   `json:"prev_hash"`   // display order
	MerkleRoot string   `json:"merkle_root"` // display order
	Version    int32    `json:"version"`
	Time       uint32   `json:"time"`
	Bits       string   `json:"bits"`
	Nonce      uint32   `json:"nonce"`
	Difficulty *float64 `json:"difficulty"`
}

// Headers returns every header in block_headers.json and the pow limit.
func Headers() (headers []Header, powLimitHex string) {
	var f struct {
		PowLimit string   `json:"pow_limit"`
		Headers  []Header `json:"headers"`
	}
	load("block_headers.json", &f)
	return f.Headers, f.PowLimit
}

// SetCompact is one arith_uint256::SetCompact case from Bitcoin Core.
type SetCompact struct {
	NBits         string `json:"nbits"`
	TargetHex     string `json:"target_hex"` // empty when the bits overflow
	GetCompact    string `json:"get_compact"`
	GetCompactNeg bool   `json:"get_compact_negative_arg"`
	Negative      bool   `json:"negative"`
	Overflow      bool   `json:"overflow"`
	Note          string `json:"note"`
}

// GetCompactOnly is a GetCompact case with no SetCompact counterpart.
type GetCompactOnly struct {
	Value   string `json:"value"`
	Compact string `json:"compact"`
}

// GetDifficulty is one GetDifficulty case from Bitcoin Core's tests.
type GetDifficulty struct {
	NBits     string  `json:"nbits"`
	Expected  float64 `json:"expected"`
	Tolerance float64 `json:"tolerance"`
	Test      string  `json:"test"`
}

// Compact holds the nBits vectors.
type Compact struct {
	SetCompact     []SetCompact     `json:"set_compact"`
	GetCompactOnly []GetCompactOnly `json:"get_compact_only"`
	GetDifficulty  []GetDifficulty  `json:"get_difficulty"`
}

// CompactVectors returns compact_vectors.json.
func CompactVectors() Compact {
	var c Compact
	load("compact_vectors.json", &c)
	return c
}

// SHA256 is a known-answer test: Message repeated Repeat times (once if 0).
type SHA256 struct {
	Name    string `json:"name"`
	Message string `json:"message_ascii"`
	Repeat  int    `json:"repeat"`
	SHA256  string `json:"sha256"`
}

// SHA256Vectors returns sha256_vectors.json.
func SHA256Vectors() []SHA256 {
	var f struct {
		Vectors []SHA256 `json:"vectors"`
	}
	load("sha256_vectors.json", &f)
	return f.Vectors
}

// SubsidyPoint is GetBlockSubsidy at one height.
type SubsidyPoint struct {
	Height     int64 `json:"height"`
	SubsidySat int64 `json:"subsidy_sat"`
}

// Subsidy holds the subsidy vectors.
type Subsidy struct {
	HalvingInterval struct {
		Main    int64 `json:"main"`
		Regtest int64 `json:"regtest"`
	} `json:"nSubsidyHalvingInterval"`
	Coin      int64 `json:"COIN"`
	LimitTest struct {
		ExpectedSumSat int64 `json:"expected_sum_sat"`
	} `json:"subsidy_limit_test"`
	ExactSumSat int64          `json:"exact_sum_all_heights_sat"`
	Points      []SubsidyPoint `json:"points"`
}

// SubsidyVectors returns subsidy_vectors.json.
func SubsidyVectors() Subsidy {
	var s Subsidy
	load("subsidy_vectors.json", &s)
	return s
}
