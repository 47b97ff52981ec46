package widget_test

import (
	"fmt"

	"github.com/hashswitch/hashswitch/wasm/netdata"
	"github.com/hashswitch/hashswitch/wasm/widget"
)

func ExampleWidget_Render() {
	r := widget.Lookup("hashprice").Render(netdata.Committed(), "price=42500&fees=0.02")
	for _, v := range r.Values {
		fmt.Printf("%s: %s\n", v.Key, v.Text)
	}
	fmt.Println(r.APIURL)
	// Output:
	// hashprice_usd_per_ph_day: $17.66
	// hashvalue_sat_per_ph_day: 41,549
	// fee_share_pct: 0.636%
	// difficulty: 152.3 T
	// /api/v1/hashprice?price=42500&hashrate=1090&subsidy=3.125&fees=0.02
}
