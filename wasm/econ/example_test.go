package econ_test

import (
	"fmt"

	"github.com/hashswitch/hashswitch/wasm/chain"
	"github.com/hashswitch/hashswitch/wasm/econ"
)

func ExampleNetwork_HashpriceUSDPerPHDay() {
	n := econ.Network{Chain: chain.MainNet, PriceUSD: 85_000, Difficulty: 149.3e12, SubsidyBTC: 3.125, FeesBTC: 0.02}
	fmt.Printf("$%.2f per PH/s per day, %.0f EH/s\n", n.HashpriceUSDPerPHDay(), n.HashrateEHs())
	// Output: $36.02 per PH/s per day, 1069 EH/s
}

func ExampleMiner_ProfitOn() {
	n := econ.Network{Chain: chain.MainNet, PriceUSD: 85_000, Difficulty: 149.3e12, SubsidyBTC: 3.125, FeesBTC: 0.02}
	m := econ.Miner{Hardware: econ.Hardware{EfficiencyJPerTH: 17.5, UptimePct: 100}, PowerUSDPerKWh: 0.05}
	p := m.ProfitOn(n)
	fmt.Printf("power per BTC $%.0f, breakeven $%.4f/kWh\n", p.PowerCostUSDPerBTC, p.BreakevenPowerUSDPerKWh)
	// Output: power per BTC $49557, breakeven $0.0858/kWh
}
