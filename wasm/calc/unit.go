package calc

import "strings"

// Unit is a quantity's unit as the API writes it, in English: "USD per
// PH/s per day", "EH/s", "%". An amount of money is written in the
// currency the calculators compute in, dollars, as its first word; a
// presenter writes that word in the reader's currency.
type Unit string

// Currency is what amounts are computed in.
const Currency = "USD"

// Money reports whether the unit is an amount of money: its first word
// is the currency ("USD", "USD per kWh", "USD, with its share of the
// server").
func (u Unit) Money() bool {
	rest, ok := strings.CutPrefix(string(u), Currency)
	return ok && (rest == "" || rest[0] == ' ' || rest[0] == ',')
}

// Percent reports whether the unit is a percentage: a number may be
// written with a % after it.
func (u Unit) Percent() bool { return u == "%" }

// Key is the unit as the languages' catalogs hold it: in a unit of money
// the currency is a verb, "%s per PH/s per day", that a presenter fills
// with the reader's currency.
func (u Unit) Key() string {
	if u.Money() {
		return "%s" + string(u[len(Currency):])
	}
	return string(u)
}
