package calc

import (
	"errors"
	"math"
	"strconv"
	"strings"
)

// Suffixes people write after a number.
var magnitudes = map[byte]float64{'k': 1e3, 'K': 1e3, 'M': 1e6, 'B': 1e9, 'T': 1e12}

// ParseNumber reads a number as people type it: thousands grouped with
// commas or spaces (85,000; 85 000, thin and no-break spaces too), a
// leading $ where the unit is dollars, a k, M, B or T suffix, and a %
// where the unit is a percentage. Anything else Go's ParseFloat would take
// but a person would not write (1_000, 0x1p3, Inf, NaN) is refused, as are
// control characters.
func ParseNumber(s string, unit Unit) (float64, error) {
	x, _, ok := readNumber(s, unit)
	if !ok {
		return 0, errors.New("not a number")
	}
	return x, nil
}

// readNumber is ParseNumber, the one place a number is recognised, which
// also says whether s was written plainly: digits and at most a point,
// with nothing to take away or scale (no separator, sign, suffix or
// exponent) before reading it.
func readNumber(s string, unit Unit) (x float64, plain, ok bool) {
	s = strings.TrimSpace(s)
	written := s
	if unit.Percent() {
		s = strings.TrimSpace(strings.TrimSuffix(s, "%"))
	}
	if unit.Money() {
		if rest, ok := strings.CutPrefix(s, "$"); ok {
			s = strings.TrimSpace(rest)
		} else if rest, ok := strings.CutPrefix(s, "-$"); ok {
			s = "-" + strings.TrimSpace(rest)
		}
	}
	scale := 1.0
	if n := len(s); n > 1 && !unit.Percent() {
		if m, ok := magnitudes[s[n-1]]; ok && s[n-2] >= '0' && s[n-2] <= '9' || ok && s[n-2] == '.' {
			s, scale = s[:n-1], m
		}
	}
	s = ungroup(s)
	if !decimalNumber(s) {
		return 0, false, false
	}
	x, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(x) || math.IsInf(x*scale, 0) {
		return 0, false, false
	}
	return x * scale, s == written && !strings.ContainsAny(s, "eE+"), true
}

// groupedElsewhere reports whether s, a decimal, looks like a whole number
// grouped in the other way of writing numbers: one to three digits, the
// first not 0, a point, then exactly three digits: "95.000" in an English
// form, or "85,000" in a Vietnamese one (which reaches calc as 85.000).
func groupedElsewhere(s string) bool {
	whole, frac, ok := strings.Cut(s, ".")
	return ok && len(whole) >= 1 && len(whole) <= 3 && whole[0] >= '1' && whole[0] <= '9' && len(frac) == 3 &&
		strings.Trim(whole+frac, "0123456789") == ""
}

// readInteger reads a whole number, its thousands grouped or not (see
// ungroup); plain as readNumber says it.
func readInteger(s string) (x int64, plain, ok bool) {
	s = strings.TrimSpace(s)
	digits := ungroup(s)
	x, err := strconv.ParseInt(digits, 10, 64)
	return x, digits == s && !strings.HasPrefix(s, "+"), err == nil
}

// ungroup removes thousands separators, when they group the integer part
// in threes: "85,000.5" is 85000.5; "8,50" is left alone, and refused.
func ungroup(s string) string {
	for _, sep := range []string{",", " ", "\u00a0", "\u2009", "\u202f"} {
		if !strings.Contains(s, sep) {
			continue
		}
		intPart, frac, hasFrac := strings.Cut(s, ".")
		sign := ""
		if strings.HasPrefix(intPart, "-") || strings.HasPrefix(intPart, "+") {
			sign, intPart = intPart[:1], intPart[1:]
		}
		groups := strings.Split(intPart, sep)
		if len(groups[0]) < 1 || len(groups[0]) > 3 {
			return s
		}
		for _, g := range groups[1:] {
			if len(g) != 3 {
				return s
			}
		}
		s = sign + strings.Join(groups, "")
		if hasFrac {
			s += "." + frac
		}
	}
	return s
}

// decimalNumber reports whether s is a plain decimal: digits, one point,
// an optional exponent.
func decimalNumber(s string) bool {
	s = strings.TrimPrefix(strings.TrimPrefix(s, "-"), "+")
	mant, exp, hasExp := strings.Cut(strings.ToLower(s), "e")
	digits, points := 0, 0
	for _, c := range mant {
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c == '.':
			points++
		default:
			return false
		}
	}
	if digits == 0 || points > 1 {
		return false
	}
	if hasExp {
		exp = strings.TrimPrefix(strings.TrimPrefix(exp, "-"), "+")
		if exp == "" {
			return false
		}
		for _, c := range exp {
			if c < '0' || c > '9' {
				return false
			}
		}
	}
	return true
}
