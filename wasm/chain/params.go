// Package chain implements Bitcoin's consensus arithmetic: the block subsidy
// and its halvings, the supply issued, the compact nBits encoding of 256-bit
// targets, difficulty and network hashrate, and the 80-byte block header with
// its proof-of-work check.
//
// Amounts are integer satoshis and targets are 256-bit integers; floats appear
// only in values meant for people (difficulty, hashrate). The package is pure
// Go: it must never import syscall/js.
package chain

// Coin is the number of satoshis in one bitcoin.
const Coin = 100_000_000

// Params are the consensus constants of one network. Functions take them as a
// value, so tests can use another network (regtest's 150-block halvings).
type Params struct {
	Name                   string
	SubsidyHalvingInterval int64   // blocks between halvings
	InitialSubsidySat      int64   // subsidy of the first epoch
	TargetSpacingSec       int64   // intended seconds between blocks
	RetargetInterval       int64   // blocks between difficulty adjustments
	PowLimit               Uint256 // easiest allowed target
	PowLimitBits           uint32  // PowLimit in compact form; difficulty 1
}

// MainNet holds Bitcoin mainnet's parameters (Bitcoin Core chainparams.cpp).
var MainNet = &Params{
	Name:                   "main",
	SubsidyHalvingInterval: 210_000,
	InitialSubsidySat:      50 * Coin,
	TargetSpacingSec:       600,
	RetargetInterval:       2016,
	PowLimit:               Uint256{^uint64(0), ^uint64(0), ^uint64(0), 0x00000000_ffffffff}, // 00000000ffff...ff
	PowLimitBits:           0x1d00ffff,
}

// RegTest holds regtest's parameters: the same rules, with halvings every 150
// blocks and a pow limit of 2^255-1.
var RegTest = &Params{
	Name:                   "regtest",
	SubsidyHalvingInterval: 150,
	InitialSubsidySat:      50 * Coin,
	TargetSpacingSec:       600,
	RetargetInterval:       2016,
	PowLimit:               Uint256{^uint64(0), ^uint64(0), ^uint64(0), 0x7fffffff_ffffffff}, // 7fff...ff
	PowLimitBits:           0x207fffff,
}
