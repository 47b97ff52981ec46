package econ

import "github.com/hashswitch/hashswitch/wasm/chain"

// Race compares a device (the reader's browser) with one ASIC and with the
// whole network, at the same work per block.
type Race struct {
	Chain        *chain.Params
	HashesPerSec float64 // the device's measured rate
	Watts        float64 // what the device draws while it hashes
	ASICTHs      float64 // one ASIC's rate, TH/s
	ASICJPerTH   float64
	Difficulty   float64
}

// RaceResult is how the device compares.
type RaceResult struct {
	ASICTimesFaster    float64 // one ASIC over the device
	NetworkTimesFaster float64 // the network over the device
	NetworkEHs         float64
	SecondsToBlock     float64 // expected time for the device alone to find a block
	YearsToBlock       float64
	JPerHash           float64 // the device's energy per hash
	ASICJPerHash       float64
	EnergyTimesASIC    float64 // the device's energy per hash over the ASIC's
}

// Compare runs the comparison. A block takes difficulty x 2^32 hashes on
// average, whoever hashes.
func (r Race) Compare() RaceResult {
	n := Network{Chain: r.Chain, Difficulty: r.Difficulty}
	var out RaceResult
	out.NetworkEHs = n.HashrateEHs()
	out.ASICTimesFaster = r.ASICTHs * perTH / r.HashesPerSec
	out.NetworkTimesFaster = out.NetworkEHs * perEH / r.HashesPerSec
	out.SecondsToBlock = r.Difficulty * two32 / r.HashesPerSec
	out.YearsToBlock = out.SecondsToBlock / (hoursPerYear * secondsPerHour)
	out.JPerHash = r.Watts / r.HashesPerSec
	out.ASICJPerHash = r.ASICJPerTH / perTH
	out.EnergyTimesASIC = out.JPerHash / out.ASICJPerHash
	return out
}
