package chain

// maxHalvings is the epoch from which the subsidy is zero. Bitcoin Core
// guards the shift because shifting a 64-bit value by 64 or more is undefined
// in C++; Go defines it, but the guard keeps the rule visible.
const maxHalvings = 64

// Epoch returns the number of halvings before height: 0 for the first
// 210,000 blocks, 4 from block 840,000.
func (p *Params) Epoch(height int64) int64 {
	if height < 0 {
		return 0
	}
	return height / p.SubsidyHalvingInterval
}

// SubsidySat returns the block subsidy at height in satoshis, as Bitcoin
// Core's GetBlockSubsidy: the initial subsidy shifted right once per halving,
// zero from the 64th halving on. Negative heights have no block and no
// subsidy.
func (p *Params) SubsidySat(height int64) int64 {
	if height < 0 {
		return 0
	}
	halvings := p.Epoch(height)
	if halvings >= maxHalvings {
		return 0
	}
	return p.InitialSubsidySat >> halvings
}

// NextHalvingHeight returns the height of the first block after height whose
// subsidy is halved. At a halving block it is the next one, 210,000 later.
func (p *Params) NextHalvingHeight(height int64) int64 {
	return (p.Epoch(height) + 1) * p.SubsidyHalvingInterval
}

// BlocksUntilHalving returns how many blocks after height the next halving
// block is: 1 when height is the last block of an epoch.
func (p *Params) BlocksUntilHalving(height int64) int64 {
	return p.NextHalvingHeight(height) - max(height, 0)
}

// SupplySat returns the satoshis issued by the subsidies of blocks 0 through
// height inclusive, counting the genesis block as Bitcoin Core's supply test
// does. It is exact: summed per epoch in integers, never in BTC.
func (p *Params) SupplySat(height int64) int64 {
	var total int64
	for epoch := int64(0); epoch < maxHalvings; epoch++ {
		first := epoch * p.SubsidyHalvingInterval
		if first > height {
			break
		}
		last := min(first+p.SubsidyHalvingInterval-1, height)
		total += (last - first + 1) * (p.InitialSubsidySat >> epoch)
	}
	return total
}

// MaxSupplySat returns every satoshi the subsidy will ever issue:
// 2,099,999,997,690,000 on mainnet.
func (p *Params) MaxSupplySat() int64 {
	return p.SupplySat(maxHalvings*p.SubsidyHalvingInterval - 1)
}

// HalvingETA estimates the unix time of the next halving block after height,
// given the unix time of that block and the mean seconds between blocks,
// rounded to the second.
func (p *Params) HalvingETA(height, timeUnix int64, meanBlockSec float64) int64 {
	return timeUnix + int64(float64(p.BlocksUntilHalving(height))*meanBlockSec+0.5)
}

// EpochInfo describes one halving epoch.
type EpochInfo struct {
	Epoch          int64
	FirstHeight    int64
	LastHeight     int64
	SubsidySat     int64
	SupplyAtEndSat int64 // SupplySat(LastHeight)
}

// Epochs returns the schedule of the first n halving epochs (n <= 64): the
// steps and the supply curve that charts draw.
func (p *Params) Epochs(n int) []EpochInfo {
	n = min(max(n, 0), maxHalvings)
	out := make([]EpochInfo, n)
	var supply int64
	for i := range out {
		e := int64(i)
		first := e * p.SubsidyHalvingInterval
		sub := p.InitialSubsidySat >> e
		supply += sub * p.SubsidyHalvingInterval
		out[i] = EpochInfo{e, first, first + p.SubsidyHalvingInterval - 1, sub, supply}
	}
	return out
}
