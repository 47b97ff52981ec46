package tinyjson

import (
	"errors"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/hashswitch/hashswitch/wasm/internal/jsonfield"
)

// Unmarshal reads the JSON in data into v, a non-nil pointer, as
// json.Unmarshal does for a struct with json tags, a map[string]T,
// a slice, a pointer, a string, a number, a boolean or an interface
// (map[string]any, []any, float64, string, bool, nil). It refuses what
// encoding/json would accept only by its leniencies (a key that matches a
// field's name in another case, a value of another type, nesting over
// 1,000 deep) and, unlike encoding/json, stops at the first problem.
func Unmarshal(data []byte, v any) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return errors.New("tinyjson: Unmarshal wants a non-nil pointer")
	}
	d := decoder{data: data}
	d.space()
	if err := d.value(rv.Elem(), 0); err != nil {
		return err
	}
	if d.space(); d.i < len(d.data) {
		return d.syntax("after the value")
	}
	return nil
}

const maxDepth = 1000

type decoder struct {
	data []byte
	i    int
}

func (d *decoder) syntax(where string) error {
	return errors.New("tinyjson: invalid JSON at byte " + strconv.Itoa(d.i) + " " + where)
}

func (d *decoder) space() {
	for d.i < len(d.data) {
		switch d.data[d.i] {
		case ' ', '\t', '\n', '\r':
			d.i++
		default:
			return
		}
	}
}

// literal consumes word (true, false, null) or fails. It compares the
// word's length of input, never more: converting the rest of the input to
// a string would copy it for every literal, quadratic in an array of them.
func (d *decoder) literal(word string) error {
	end := d.i + len(word)
	if end > len(d.data) || string(d.data[d.i:end]) != word {
		return d.syntax("in a literal")
	}
	d.i = end
	return nil
}

func mismatch(what string, t reflect.Type) error {
	return errors.New("tinyjson: cannot read " + what + " into " + t.String())
}

// value reads one JSON value into v.
func (d *decoder) value(v reflect.Value, depth int) error {
	if depth > maxDepth {
		return errors.New("tinyjson: nested too deep")
	}
	if d.i >= len(d.data) {
		return d.syntax("where a value should start")
	}
	c := d.data[d.i]
	if c == 'n' {
		if err := d.literal("null"); err != nil {
			return err
		}
		switch v.Kind() {
		case reflect.Pointer, reflect.Interface, reflect.Map, reflect.Slice:
			v.SetZero()
		}
		return nil
	}
	if v.Kind() == reflect.Pointer {
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		return d.value(v.Elem(), depth)
	}
	if v.Kind() == reflect.Interface {
		if v.NumMethod() != 0 {
			return mismatch("a value", v.Type())
		}
		x, err := d.any(depth)
		if err == nil {
			v.Set(reflect.ValueOf(&x).Elem())
		}
		return err
	}
	switch c {
	case '{':
		return d.object(v, depth)
	case '[':
		return d.array(v, depth)
	case '"':
		s, err := d.str()
		if err != nil {
			return err
		}
		if v.Kind() != reflect.String {
			return mismatch("a string", v.Type())
		}
		v.SetString(s)
		return nil
	case 't', 'f':
		word := "false"
		if c == 't' {
			word = "true"
		}
		if err := d.literal(word); err != nil {
			return err
		}
		if v.Kind() != reflect.Bool {
			return mismatch("a boolean", v.Type())
		}
		v.SetBool(c == 't')
		return nil
	}
	num, err := d.number()
	if err != nil {
		return err
	}
	switch v.Kind() {
	case reflect.Float32, reflect.Float64:
		f, err := strconv.ParseFloat(num, v.Type().Bits())
		if err != nil {
			return mismatch("the number "+num, v.Type())
		}
		v.SetFloat(f)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, err := strconv.ParseInt(num, 10, v.Type().Bits())
		if err != nil {
			return mismatch("the number "+num, v.Type())
		}
		v.SetInt(n)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		n, err := strconv.ParseUint(num, 10, v.Type().Bits())
		if err != nil {
			return mismatch("the number "+num, v.Type())
		}
		v.SetUint(n)
	default:
		return mismatch("a number", v.Type())
	}
	return nil
}

// any reads one value but null (value reads that) as encoding/json reads
// into an empty interface.
func (d *decoder) any(depth int) (any, error) {
	switch d.data[d.i] {
	case '{':
		m := map[string]any{}
		err := d.object(reflect.ValueOf(&m).Elem(), depth)
		return m, err
	case '[':
		var s []any
		err := d.array(reflect.ValueOf(&s).Elem(), depth)
		return s, err
	case '"':
		return d.str()
	case 't':
		return true, d.literal("true")
	case 'f':
		return false, d.literal("false")
	}
	num, err := d.number()
	if err != nil {
		return nil, err
	}
	f, err := strconv.ParseFloat(num, 64)
	if err != nil {
		return nil, errors.New("tinyjson: the number " + num + " is out of range")
	}
	return f, nil
}

// object reads {...} into a struct or a map with string keys.
func (d *decoder) object(v reflect.Value, depth int) error {
	t := v.Type()
	switch {
	case v.Kind() == reflect.Map && t.Key() == reflect.TypeFor[string]():
		if v.IsNil() {
			v.Set(reflect.MakeMap(t))
		}
	case v.Kind() != reflect.Struct:
		return mismatch("an object", t)
	}
	d.i++ // {
	for first := true; ; first = false {
		d.space()
		if d.i < len(d.data) && d.data[d.i] == '}' && first {
			d.i++
			return nil
		}
		if d.i >= len(d.data) || d.data[d.i] != '"' {
			return d.syntax("where a key should be")
		}
		key, err := d.str()
		if err != nil {
			return err
		}
		if d.space(); d.i >= len(d.data) || d.data[d.i] != ':' {
			return d.syntax("where a colon should be")
		}
		d.i++
		d.space()
		if v.Kind() == reflect.Map {
			elem := reflect.New(t.Elem()).Elem()
			if err := d.value(elem, depth+1); err != nil {
				return err
			}
			v.SetMapIndex(reflect.ValueOf(key), elem)
		} else {
			f, err := fieldNamed(v, key)
			if err != nil {
				return err
			}
			if !f.IsValid() {
				f = reflect.New(reflect.TypeFor[any]()).Elem() // unknown: read and drop
			}
			if err := d.value(f, depth+1); err != nil {
				return err
			}
		}
		if closed, err := d.after('}'); closed || err != nil {
			return err
		}
	}
}

// fieldNamed is the field of struct v that key names exactly, invalid
// when none does; a key that names one only in another case is refused.
func fieldNamed(v reflect.Value, key string) (reflect.Value, error) {
	for _, f := range jsonfield.Of(v.Type()) {
		switch {
		case f.Embedded:
			return reflect.Value{}, unsupported(v.Type())
		case f.Name == key:
			return v.Field(f.Index), nil
		case strings.EqualFold(f.Name, key):
			return reflect.Value{}, errors.New("tinyjson: the key " + strconv.Quote(key) + " names " + f.Name + " in another case")
		}
	}
	return reflect.Value{}, nil
}

// array reads [...] into a slice, which it replaces.
func (d *decoder) array(v reflect.Value, depth int) error {
	if v.Kind() != reflect.Slice {
		return mismatch("an array", v.Type())
	}
	d.i++ // [
	s := reflect.MakeSlice(v.Type(), 0, 0)
	for first := true; ; first = false {
		d.space()
		if d.i < len(d.data) && d.data[d.i] == ']' && first {
			d.i++
			v.Set(s)
			return nil
		}
		elem := reflect.New(v.Type().Elem()).Elem()
		if err := d.value(elem, depth+1); err != nil {
			return err
		}
		s = reflect.Append(s, elem)
		if closed, err := d.after(']'); closed || err != nil {
			v.Set(s)
			return err
		}
	}
}

// after consumes what follows an object's member or an array's element:
// a comma, or close, which ends it (closed).
func (d *decoder) after(close byte) (closed bool, err error) {
	d.space()
	switch {
	case d.i >= len(d.data):
		return false, d.syntax("where a comma or " + string(close) + " should be")
	case d.data[d.i] == ',':
		d.i++
		return false, nil
	case d.data[d.i] == close:
		d.i++
		return true, nil
	}
	return false, d.syntax("where a comma or " + string(close) + " should be")
}

// number consumes a number as JSON's grammar writes it and returns its text.
func (d *decoder) number() (string, error) {
	start := d.i
	digits := func() int {
		n := 0
		for d.i < len(d.data) && '0' <= d.data[d.i] && d.data[d.i] <= '9' {
			d.i++
			n++
		}
		return n
	}
	if d.i < len(d.data) && d.data[d.i] == '-' {
		d.i++
	}
	if d.i < len(d.data) && d.data[d.i] == '0' {
		d.i++
	} else if digits() == 0 {
		return "", d.syntax("in a number")
	}
	if d.i < len(d.data) && d.data[d.i] == '.' {
		d.i++
		if digits() == 0 {
			return "", d.syntax("in a number")
		}
	}
	if d.i < len(d.data) && (d.data[d.i] == 'e' || d.data[d.i] == 'E') {
		d.i++
		if d.i < len(d.data) && (d.data[d.i] == '+' || d.data[d.i] == '-') {
			d.i++
		}
		if digits() == 0 {
			return "", d.syntax("in a number")
		}
	}
	return string(d.data[start:d.i]), nil
}

// str consumes a string and returns it unescaped; invalid UTF-8 and lone
// surrogates become U+FFFD, as encoding/json reads them.
func (d *decoder) str() (string, error) {
	d.i++ // "
	var b []byte
	for d.i < len(d.data) {
		c := d.data[d.i]
		switch {
		case c == '"':
			d.i++
			return string(b), nil
		case c < 0x20:
			return "", d.syntax("in a string")
		case c == '\\':
			if d.i+1 >= len(d.data) {
				return "", d.syntax("in a string")
			}
			d.i += 2
			switch e := d.data[d.i-1]; e {
			case '"', '\\', '/':
				b = append(b, e)
			case 'b':
				b = append(b, '\b')
			case 'f':
				b = append(b, '\f')
			case 'n':
				b = append(b, '\n')
			case 'r':
				b = append(b, '\r')
			case 't':
				b = append(b, '\t')
			case 'u':
				r, ok := d.hex4()
				if !ok {
					return "", d.syntax("in a \\u escape")
				}
				if utf16.IsSurrogate(r) {
					r = d.lowSurrogate(r)
				}
				b = utf8.AppendRune(b, r)
			default:
				return "", d.syntax("in a string's escape")
			}
		case c < utf8.RuneSelf:
			b = append(b, c)
			d.i++
		default:
			r, size := utf8.DecodeRune(d.data[d.i:])
			d.i += size
			b = utf8.AppendRune(b, r) // RuneError for a bad byte, as encoding/json
		}
	}
	return "", d.syntax("in an unterminated string")
}

// lowSurrogate reads the \u escape after high, a surrogate, when the two
// make a pair; otherwise it leaves the input and high is U+FFFD.
func (d *decoder) lowSurrogate(high rune) rune {
	save := d.i
	if d.i+1 < len(d.data) && d.data[d.i] == '\\' && d.data[d.i+1] == 'u' {
		d.i += 2
		if low, ok := d.hex4(); ok {
			if r := utf16.DecodeRune(high, low); r != utf8.RuneError {
				return r
			}
		}
	}
	d.i = save
	return utf8.RuneError
}

// hex4 reads the four hex digits of a \u escape.
func (d *decoder) hex4() (rune, bool) {
	if d.i+4 > len(d.data) {
		return 0, false
	}
	n, err := strconv.ParseUint(string(d.data[d.i:d.i+4]), 16, 16)
	if err != nil {
		return 0, false
	}
	d.i += 4
	return rune(n), true
}
