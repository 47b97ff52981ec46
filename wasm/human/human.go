// Package human writes numbers for people: dollars with cents or in
// millions, grouped thousands, significant digits, large counts in words,
// hashrates and countdowns. Pure Go; it must never import syscall/js.
package human

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// USD writes dollars: cents below $100, whole dollars below a million,
// then millions and billions in words.
func USD(x float64) string {
	sign := ""
	if x < 0 {
		sign, x = "−", -x
	}
	switch {
	case x >= 1e9:
		return sign + "$" + Decimals(x/1e9, 3) + " billion"
	case x >= 1e6:
		return sign + "$" + Decimals(x/1e6, 3) + " million"
	case x >= 100:
		return sign + "$" + Group(fmt.Sprintf("%.0f", x))
	case x >= 1:
		return sign + "$" + fmt.Sprintf("%.2f", x)
	case x == 0:
		return "$0"
	}
	return sign + "$" + Decimals(x, 3)
}

// Decimals writes x with n significant digits, grouped, without trailing zeros.
func Decimals(x float64, n int) string {
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
	s = Group(s)
	if neg {
		s = "−" + s
	}
	return s
}

// Big writes large counts with a word: 149.3 T, 4.3 billion.
func Big(x float64) string {
	a := math.Abs(x)
	switch {
	case a >= 1e15:
		return Decimals(x/1e15, 4) + " P"
	case a >= 1e12:
		return Decimals(x/1e12, 4) + " T"
	case a >= 1e9:
		return Decimals(x/1e9, 4) + " billion"
	case a >= 1e6:
		return Decimals(x/1e6, 4) + " million"
	}
	return Decimals(x, 4)
}

// Group puts thousands separators into a plain decimal number.
func Group(s string) string {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	out := b.String()
	if hasFrac {
		out += "." + frac
	}
	if neg {
		out = "−" + out
	}
	return out
}

// Countdown writes the time from now to eta, both unix seconds:
// "862 days 04:12:09", or "passed" once it has.
func Countdown(eta, now int64) string {
	left := eta - now
	if left <= 0 {
		return "passed"
	}
	days := left / 86400
	left %= 86400
	return fmt.Sprintf("%s days %02d:%02d:%02d", Group(strconv.FormatInt(days, 10)), left/3600, left%3600/60, left%60)
}

// Rate writes a hashrate: "1.23 MH/s", "200 TH/s".
func Rate(hashesPerSec float64) string {
	units := []string{"H/s", "kH/s", "MH/s", "GH/s", "TH/s", "PH/s", "EH/s", "ZH/s"}
	i := 0
	for hashesPerSec >= 1000 && i < len(units)-1 {
		hashesPerSec /= 1000
		i++
	}
	return Decimals(hashesPerSec, 3) + " " + units[i]
}
