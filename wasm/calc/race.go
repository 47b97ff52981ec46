package calc

import (
	"math"

	"github.com/hashswitch/hashswitch/wasm/econ"
)

// The race's parameters: the reader's device and one ASIC.
var (
	DeviceHashrate = Param{Name: "device_hashrate", Label: "Your browser's hashrate", Unit: "hashes per second",
		Range: Positive(1e15), Default: "1000000", Group: "Your browser",
		Help: "the miner above measures it; or type one"}
	DeviceWatts = Param{Name: "device_watts", Label: "Your device's power draw", Unit: "W", Range: Positive(1e5),
		Default: "30", Group: "Your browser", Help: "a laptop working hard draws 20–60 W"}
	ASICHashrate = Param{Name: "asic_hashrate", Label: "One ASIC", Unit: "TH/s", Range: Positive(1e6),
		Default: "200", Group: "The machines", Doc: "an Antminer S21 does 200"}
	ASICEfficiency = Param{Name: "asic_efficiency", Label: "ASIC efficiency", Unit: "J per TH",
		Range: Positive(1e5), Default: "17.5", Group: "The machines"}
)

// RaceResult is how far a device is from one ASIC and the network.
type RaceResult struct {
	YearsToBlock       float64 `json:"years_to_block" label:"Expected time for your browser alone to find a block" unit:"years" show:"number,lead"`
	ASICTimesFaster    float64 `json:"asic_times_faster" label:"One ASIC is faster by" unit:"times" show:"ratio,lead"`
	NetworkTimesFaster float64 `json:"network_times_faster" label:"The network is faster by" unit:"times" show:"ratio,lead"`
	JPerHash           float64 `json:"j_per_hash" label:"Your energy per hash" unit:"J" show:"number"`
	EnergyTimesASIC    float64 `json:"energy_times_asic" label:"Energy per hash against the ASIC's" unit:"times" show:"ratio"`
	DeviceHashrate     float64 `json:"device_hashrate" label:"Your browser's hashrate" unit:"H/s"`
	NetworkHashrateEHs float64 `json:"network_hashrate_ehs" label:"Network hashrate" unit:"EH/s"`
	SecondsToBlock     float64 `json:"seconds_to_block" label:"Expected time for your browser alone to find a block" unit:"seconds"`
	ASICJPerHash       float64 `json:"asic_j_per_hash" label:"The ASIC's energy per hash" unit:"J"`
}

// Race answers /api/v1/race: the browser benchmark's numbers.
var Race = register(&Def[RaceResult]{
	Meta: Meta{
		Name: "race", Order: 70, Widget: "bench", Key: []string{"device_hashrate", "device_watts", "hashrate"}, Title: "Your browser against the machines", Miner: DeviceHashrate.Name,
		Summary:  "Mine a real block header in your browser, then see how far it is from one ASIC and from the whole network.",
		Params:   []Param{DeviceHashrate, DeviceWatts, ASICHashrate, ASICEfficiency, Hashrate, Difficulty},
		Examples: []string{"device_hashrate=2000000&hashrate=1068", "device_hashrate=5e6&device_watts=45&asic_hashrate=200&asic_efficiency=17.5&difficulty=149.3e12"},
	},
	Run: func(q *Query) (RaceResult, error) {
		r := econ.Race{
			Chain:        q.Chain,
			HashesPerSec: q.Float(DeviceHashrate),
			Watts:        q.Float(DeviceWatts),
			ASICTHs:      q.Float(ASICHashrate),
			ASICJPerTH:   q.Float(ASICEfficiency),
		}
		r.Difficulty = q.difficulty(Hashrate)
		if q.err != nil {
			return RaceResult{}, q.err
		}
		c := r.Compare()
		return RaceResult{
			YearsToBlock: c.YearsToBlock, ASICTimesFaster: c.ASICTimesFaster, NetworkTimesFaster: c.NetworkTimesFaster,
			JPerHash: c.JPerHash, EnergyTimesASIC: c.EnergyTimesASIC, DeviceHashrate: r.HashesPerSec,
			NetworkHashrateEHs: c.NetworkEHs, SecondsToBlock: c.SecondsToBlock, ASICJPerHash: c.ASICJPerHash,
		}, nil
	},
	Chart: func(s Scenario[RaceResult]) *Plot {
		return &Plot{
			ID: "bench-chart", Title: "Hashes per second, on a log scale",
			X: Axis{Label: "Who hashes"}, Y: Axis{Label: "log10 of hashes per second", Ticks: PowerTicks},
			Bars: []Bar{
				{Label: "Your browser", Value: math.Log10(s.Result.DeviceHashrate)},
				{Label: "One ASIC", Value: math.Log10(s.Result.ASICTimesFaster * s.Result.DeviceHashrate)},
				{Label: "The network", Value: math.Log10(s.Result.NetworkHashrateEHs * 1e18)},
			},
		}
	},
})
