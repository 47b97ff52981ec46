package locale

import (
	"reflect"
	"strconv"
	"strings"
)

// Sprintf translates format, an English message, and fills its verbs with
// args as fmt.Sprintf does for the verbs messages use: %s and %q (a
// string, or anything with an Error or String method; %q quoted), %d (an
// integer) and %%. The page's WebAssembly links no fmt, which with the
// reflection it brings was a sixth of the module (BENCH.md, 26 November
// 2026). Mistakes are written as fmt writes them: %!s(MISSING),
// %!d(string=x), %!s(<nil>), %!(NOVERB); other verbs are refused as
// %!x(string=x).
func (t Tag) Sprintf(format string, args ...any) string {
	format = t.T(format)
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
