// Package human writes numbers for people: dollars with cents or in
// millions, grouped thousands, significant digits, large counts in words,
// hashrates and countdowns, in English or Vietnamese. Pure Go; it must
// never import syscall/js.
package human

import (
	"math"
	"strconv"
	"strings"

	"github.com/hashswitch/hashswitch/wasm/internal/textfmt"
)

// A Style is how one language writes numbers: its separators and words.
type Style struct {
	Decimal, Group string // "." and "," in English; "," and "." in Vietnamese
	Million        string // the word after a count of millions
	Billion        string
	Days           string // "862 days 04:12:09"
	Passed         string // a countdown whose moment has passed
	// Short are a chart tick's thousands, millions, billions and
	// trillions: k, M, B, T in English; nghìn, tr, tỷ, nghìn tỷ.
	Short [4]string
	// TickDollar comes before a chart's amounts in dollars: "$" in
	// English; none in Vietnamese, whose axis says USD.
	TickDollar string
	// Dollars writes an amount already written as digits: "$85,000" in
	// English, "85.000 USD" in Vietnamese, as newspapers there do.
	Dollars func(digits string) string
}

// English and Vietnamese are the site's two styles. The functions of the
// package write English.
var (
	English = &Style{Decimal: ".", Group: ",", Million: "million", Billion: "billion", Days: "days", Passed: "passed",
		Short: [4]string{"k", "M", "B", "T"}, TickDollar: "$", Dollars: func(digits string) string { return "$" + digits }}
	Vietnamese = &Style{Decimal: ",", Group: ".", Million: "triệu", Billion: "tỷ", Days: "ngày", Passed: "đã qua",
		Short: [4]string{" nghìn", " tr", " tỷ", " nghìn tỷ"}, Dollars: func(digits string) string { return digits + " USD" }}
)

// USD writes dollars: cents below $100, whole dollars below a million,
// then millions and billions in words.
func (st *Style) USD(x float64) string {
	sign := ""
	if x < 0 {
		sign, x = "−", -x
	}
	switch {
	case x >= 1e9:
		return sign + st.Dollars(st.Decimals(x/1e9, 3)+" "+st.Billion)
	case x >= 1e6:
		return sign + st.Dollars(st.Decimals(x/1e6, 3)+" "+st.Million)
	case x >= 100:
		return sign + st.Dollars(st.Plain(strconv.FormatFloat(x, 'f', 0, 64)))
	case x >= 1:
		return sign + st.Dollars(st.Plain(strconv.FormatFloat(x, 'f', 2, 64)))
	case x == 0:
		return st.Dollars("0")
	}
	return sign + st.Dollars(st.Decimals(x, 3))
}

// Dong writes an amount in dong, whole: "3.062.000 đồng" and "2,2 tỷ
// đồng" in Vietnamese, "VND 3,062,000" and "VND 2.2 billion" in English.
func (st *Style) Dong(x float64) string {
	sign := ""
	if x < 0 {
		sign, x = "−", -x
	}
	var digits string
	switch {
	case x >= 1e9:
		digits = st.Decimals(x/1e9, 3) + " " + st.Billion
	case x >= 1e6:
		digits = st.Decimals(x/1e6, 3) + " " + st.Million
	default:
		digits = st.Plain(strconv.FormatFloat(x, 'f', 0, 64))
	}
	if st == Vietnamese {
		return sign + digits + " đồng"
	}
	return sign + "VND " + digits
}

// Decimals writes x with n significant digits, grouped, without trailing zeros.
func (st *Style) Decimals(x float64, n int) string {
	if x == 0 {
		return "0"
	}
	neg := x < 0
	a := math.Abs(x)
	d := n - 1 - int(math.Floor(math.Log10(a)))
	if d < 0 {
		d = 0
	}
	s := strconv.FormatFloat(a, 'f', d, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	s = st.Plain(s)
	if neg {
		s = "−" + s
	}
	return s
}

// Big writes large counts with a word: 149.3 T, 4.3 billion.
func (st *Style) Big(x float64) string {
	a := math.Abs(x)
	switch {
	case a >= 1e15:
		return st.Decimals(x/1e15, 4) + " P"
	case a >= 1e12:
		return st.Decimals(x/1e12, 4) + " T"
	case a >= 1e9:
		return st.Decimals(x/1e9, 4) + " " + st.Billion
	case a >= 1e6:
		return st.Decimals(x/1e6, 4) + " " + st.Million
	}
	return st.Decimals(x, 4)
}

// Plain writes a plain decimal number ("-1234.5", as strconv writes it)
// with the style's separators: "−1,234.5", "−1.234,5".
func (st *Style) Plain(s string) string { return textfmt.Plain(s, st.Group, st.Decimal) }

// Point writes a plain decimal number with the style's decimal point and
// no grouping, as a chart's ticks are written: "0.05", "0,05".
func (st *Style) Point(s string) string { return strings.Replace(s, ".", st.Decimal, 1) }

// Compact writes a number briefly, as a chart's ticks are written: 1.2k,
// 3.4M, 5.6B, 7.8T in English; 1,2 nghìn, 3,4 tr in Vietnamese.
func (st *Style) Compact(v float64) string {
	a := math.Abs(v)
	switch {
	case a >= 1e12:
		return st.Point(trim(v/1e12)) + st.Short[3]
	case a >= 1e9:
		return st.Point(trim(v/1e9)) + st.Short[2]
	case a >= 1e6:
		return st.Point(trim(v/1e6)) + st.Short[1]
	case a >= 1e4:
		return st.Point(trim(v/1e3)) + st.Short[0]
	case a >= 100 || a == 0:
		return strconv.FormatFloat(v, 'f', 0, 64)
	case a >= 1:
		return st.Point(trim(v))
	}
	return st.Point(strconv.FormatFloat(v, 'g', 3, 64))
}

// trim writes v with at most two decimals, without trailing zeros.
func trim(v float64) string {
	s := strconv.FormatFloat(v, 'f', 2, 64)
	return strings.TrimRight(strings.TrimRight(s, "0"), ".")
}

// Countdown writes the time from now to eta, both unix seconds:
// "862 days 04:12:09", or "passed" once it has.
func (st *Style) Countdown(eta, now int64) string {
	left := eta - now
	if left <= 0 {
		return st.Passed
	}
	days := left / 86400
	left %= 86400
	return st.Plain(strconv.FormatInt(days, 10)) + " " + st.Days + " " + two(left/3600) + ":" + two(left%3600/60) + ":" + two(left%60)
}

// two writes 0 to 99 in two digits.
func two(n int64) string { return string([]byte{byte('0' + n/10), byte('0' + n%10)}) }

// Rate writes a hashrate: "1.23 MH/s", "200 TH/s".
func (st *Style) Rate(hashesPerSec float64) string {
	units := []string{"H/s", "kH/s", "MH/s", "GH/s", "TH/s", "PH/s", "EH/s", "ZH/s"}
	i := 0
	for hashesPerSec >= 1000 && i < len(units)-1 {
		hashesPerSec /= 1000
		i++
	}
	return st.Decimals(hashesPerSec, 3) + " " + units[i]
}

// USD, Decimals, Big, Group, Countdown and Rate write English.

func USD(x float64) string             { return English.USD(x) }
func Decimals(x float64, n int) string { return English.Decimals(x, n) }
func Big(x float64) string             { return English.Big(x) }
func Group(s string) string            { return English.Plain(s) }
func Countdown(eta, now int64) string  { return English.Countdown(eta, now) }
func Rate(hashesPerSec float64) string { return English.Rate(hashesPerSec) }
