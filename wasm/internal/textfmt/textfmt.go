// Package textfmt writes text without package fmt, which with the
// reflection it brings was a sixth of the page's WebAssembly (BENCH.md,
// 26 November 2026): a message's verbs filled as fmt.Sprintf fills them,
// and a decimal number's digits grouped in thousands. Package calc writes
// the API's English messages with it, and packages locale and human write
// for a reader in any language with the same code. Pure Go; it must never
// import syscall/js.
package textfmt

import (
	"reflect"
	"strconv"
	"strings"
)

// Sprintf fills format's verbs with args as fmt.Sprintf does for the verbs
// messages use: %s and %q (a string, or anything with an Error or String
// method; %q quoted), %d (an integer) and %%. Mistakes are written as fmt
// writes them: %!s(MISSING), %!d(string=x), %!s(<nil>), %!(NOVERB); other
// verbs are refused as %!x(string=x).
func Sprintf(format string, args ...any) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(format, '%')
		if i < 0 {
			b.WriteString(format)
			return b.String()
		}
		if i == len(format)-1 {
			b.WriteString(format[:i] + "%!(NOVERB)")
			return b.String()
		}
		b.WriteString(format[:i])
		verb := format[i+1]
		format = format[i+2:]
		if verb == '%' {
			b.WriteByte('%')
			continue
		}
		if len(args) == 0 {
			b.WriteString("%!" + string(verb) + "(MISSING)")
			continue
		}
		b.WriteString(arg(verb, args[0]))
		args = args[1:]
	}
}

// arg writes one argument for its verb, or, where they do not fit, says
// so as fmt does: %!d(string=x), %!s(<nil>).
func arg(verb byte, a any) string {
	if a == nil {
		return "%!" + string(verb) + "(<nil>)"
	}
	s, isText := text(a)
	n, isInt := integer(a)
	switch {
	case verb == 's' && isText:
		return s
	case verb == 'q' && isText:
		return strconv.Quote(s)
	case verb == 'd' && isInt:
		return n
	case isInt && !isText:
		s = n
	case !isText:
		if v := reflect.ValueOf(a); v.Kind() == reflect.Float32 || v.Kind() == reflect.Float64 {
			s = strconv.FormatFloat(v.Float(), 'g', -1, v.Type().Bits())
		}
	}
	return "%!" + string(verb) + "(" + reflect.TypeOf(a).String() + "=" + s + ")"
}

// text is a as %s writes it, if it is a string, an error or a Stringer.
func text(a any) (string, bool) {
	switch a := a.(type) {
	case error:
		return a.Error(), true
	case interface{ String() string }:
		return a.String(), true
	}
	if v := reflect.ValueOf(a); v.Kind() == reflect.String {
		return v.String(), true
	}
	return "", false
}

// integer is a as %d writes it, if it is an integer.
func integer(a any) (string, bool) {
	switch v := reflect.ValueOf(a); v.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.FormatInt(v.Int(), 10), true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return strconv.FormatUint(v.Uint(), 10), true
	}
	return "", false
}

// Plain writes a plain decimal number ("-1234.5", as strconv writes it)
// with thousands grouped by group and the point written as decimal, and a
// minus sign for its hyphen: "−1,234.5", "−1.234,5".
func Plain(s, group, decimal string) string {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteString(group)
		}
		b.WriteRune(c)
	}
	out := b.String()
	if hasFrac {
		out += decimal + frac
	}
	if neg {
		out = "−" + out
	}
	return out
}
