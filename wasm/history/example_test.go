package history_test

import (
	"fmt"
	"net/url"

	"github.com/hashswitch/hashswitch/wasm/history"
)

// A day's hashprice comes from its figures by econ's formula: here one
// day with 152.27 T of difficulty, 3.125 BTC of subsidy, 0.025 BTC of fees
// a block and bitcoin at $84,700 (figures for the example).
func ExampleAssemble() {
	day, _ := history.ParseDate("2025-11-22")
	s := history.Assemble(history.Inputs{
		Adjustments: []history.Adjustment{{Height: 923_328, Difficulty: 152.27e12}},
		Fees:        []history.Bucket{{Date: day, Height: 924_700, Sat: 2_500_000}},
		Prices:      []history.DayValue{{Date: day, Value: 84_700}},
	}, 0)
	d := s.Days[0]
	usd, _ := d.Value(history.HashpriceUSD)
	btc, _ := d.Value(history.HashpriceBTC)
	fmt.Printf("%s: $%.2f (%.8f BTC) per PH/s per day\n", d.Date, usd, btc)
	// Output: 2025-11-22: $35.25 (0.00041615 BTC) per PH/s per day
}

// A query names the parameter to fix.
func ExampleParseQuery() {
	first, _ := history.ParseDate("2009-01-03")
	today, _ := history.ParseDate("2025-12-02")
	v, _ := url.ParseQuery("from=2025-05-01&to=2025-04-01")
	_, err := history.ParseQuery(v, first, today, today)
	fmt.Println(err)
	// Output: from: 2025-05-01 is after to, 2025-04-01
}
