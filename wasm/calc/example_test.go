package calc_test

import (
	"fmt"

	"github.com/hashswitch/hashswitch/wasm/calc"
)

func ExampleGetURL() {
	a := calc.GetURL("/api/v1/halving?height=840000")
	fmt.Println(a.Status)
	fmt.Print(string(a.Body))
	a = calc.GetURL("/api/v1/hashprice?price=abc&difficulty=1e14&height=1")
	fmt.Println(a.Status)
	fmt.Print(string(a.Body))
	// Output:
	// 200
	// {"height":840000,"epoch":4,"next_halving_height":1050000,"blocks_remaining":210000,"subsidy_sat":312500000,"subsidy_btc":3.125,"next_subsidy_sat":156250000,"next_subsidy_btc":1.5625,"supply_sat":1968750312500000,"supply_btc":19687503.125,"max_supply_sat":2099999997690000,"supply_pct":93.7500149840774,"block_time":600}
	// 400
	// {"error":{"field":"price","message":"type a number in USD per BTC, like 85,000, got \"abc\""}}
}
