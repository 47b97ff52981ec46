package chain_test

import (
	"fmt"

	"github.com/hashswitch/hashswitch/wasm/chain"
)

func ExampleParams_SubsidySat() {
	for _, h := range []int64{0, 840_000, 1_050_000} {
		fmt.Println(h, chain.MainNet.SubsidySat(h))
	}
	// Output:
	// 0 5000000000
	// 840000 312500000
	// 1050000 156250000
}

func ExampleParams_SupplySat() {
	fmt.Println(chain.MainNet.SupplySat(839_999))
	fmt.Println(chain.MainNet.MaxSupplySat())
	// Output:
	// 1968750000000000
	// 2099999997690000
}

func ExampleCompactToTarget() {
	target, negative, overflow := chain.CompactToTarget(0x17034219)
	fmt.Println(chain.TargetHex(target), negative, overflow)
	fmt.Printf("%.0f\n", chain.Difficulty(0x17034219))
	// Output:
	// 0000000000000000000342190000000000000000000000000000000000000000 false false
	// 86388558925171
}

func ExampleParseHeaderHex() {
	genesis := "0100000000000000000000000000000000000000000000000000000000000000000000003ba3edfd7a7b12b27ac72c3e67768f617fc81bc3888a51323a9fb8aa4b1e5e4a29ab5f49ffff001d1dac2b7c"
	h, err := chain.ParseHeaderHex(genesis)
	if err != nil {
		panic(err)
	}
	hash := h.BlockHash()
	fmt.Println(hash)
	fmt.Println(chain.MainNet.CheckProofOfWork(hash, h.Bits) == nil)
	// Output:
	// 000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f
	// true
}
