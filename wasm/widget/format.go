package widget

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// Kind says how an output is written for people.
type Kind int

const (
	Number  Kind = iota // 1,068.7
	Integer             // 840,000
	USD                 // $36.02, $49,557, $15.6 billion
	BTC                 // 0.000424 BTC-style decimals
	Sat                 // 42,376
	Pct                 // 1.2%
	Ratio               // 2.1×
	Big                 // 149.3 T
	Date                // 11 Apr 2028, 14:00 UTC, from unix seconds
	Years               // 3.2, or "never" for null
	Days                // 412, or "never" for null
	Text                // as it is (hashes)
	Valid               // valid / not valid
)

// format writes a JSON value of an answer as Kind k.
func format(k Kind, v any) string {
	switch x := v.(type) {
	case nil:
		if k == Years || k == Days {
			return "never"
		}
		return "—"
	case string:
		return x
	case bool:
		if k == Valid {
			if x {
				return "valid"
			}
			return "not valid"
		}
		return strconv.FormatBool(x)
	case float64:
		return formatNumber(k, x)
	}
	return fmt.Sprint(v)
}

func formatNumber(k Kind, x float64) string {
	switch k {
	case Integer, Sat:
		return group(fmt.Sprintf("%.0f", x))
	case USD:
		return usd(x)
	case BTC:
		return strings.TrimRight(strings.TrimRight(fmt.Sprintf("%.8f", x), "0"), ".")
	case Pct:
		return decimals(x, 3) + "%"
	case Ratio:
		return decimals(x, 3) + "×"
	case Big:
		return big(x)
	case Date:
		return time.Unix(int64(x), 0).UTC().Format("2 Jan 2006, 15:04 UTC")
	case Years, Days:
		return decimals(x, 3)
	}
	return decimals(x, 4)
}

// usd writes dollars: cents below $100, whole dollars below a million,
// then millions and billions in words.
func usd(x float64) string {
	sign := ""
	if x < 0 {
		sign, x = "−", -x
	}
	switch {
	case x >= 1e9:
		return sign + "$" + decimals(x/1e9, 3) + " billion"
	case x >= 1e6:
		return sign + "$" + decimals(x/1e6, 3) + " million"
	case x >= 100:
		return sign + "$" + group(fmt.Sprintf("%.0f", x))
	case x >= 1:
		return sign + "$" + fmt.Sprintf("%.2f", x)
	case x == 0:
		return "$0"
	}
	return sign + "$" + decimals(x, 3)
}

// decimals writes x with n significant digits, grouped, without trailing zeros.
func decimals(x float64, n int) string {
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
	s = group(s)
	if neg {
		s = "−" + s
	}
	return s
}

// big writes large counts with a word: 149.3 T, 4.3 billion.
func big(x float64) string {
	a := math.Abs(x)
	switch {
	case a >= 1e15:
		return decimals(x/1e15, 4) + " P"
	case a >= 1e12:
		return decimals(x/1e12, 4) + " T"
	case a >= 1e9:
		return decimals(x/1e9, 4) + " billion"
	case a >= 1e6:
		return decimals(x/1e6, 4) + " million"
	}
	return decimals(x, 4)
}

// group puts thousands separators into a plain decimal number.
func group(s string) string {
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
	return fmt.Sprintf("%s days %02d:%02d:%02d", group(strconv.FormatInt(days, 10)), left/3600, left%3600/60, left%60)
}

// Rate writes a hashrate: "1.23 MH/s", "200 TH/s".
func Rate(hashesPerSec float64) string {
	units := []string{"H/s", "kH/s", "MH/s", "GH/s", "TH/s", "PH/s", "EH/s", "ZH/s"}
	i := 0
	for hashesPerSec >= 1000 && i < len(units)-1 {
		hashesPerSec /= 1000
		i++
	}
	return decimals(hashesPerSec, 3) + " " + units[i]
}
