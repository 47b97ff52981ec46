package calc

import (
	"errors"
	"maps"
	"slices"
	"strconv"
	"strings"
)

// Values are a query's parameters by name, as net/url's Values hold them,
// read and written as net/url does (the tests hold them to it). The page's
// WebAssembly keeps net/url out: its parser alone brought fmt and 110 KB
// of brotli (BENCH.md, 26 November 2026).
type Values map[string][]string

// Get returns the first value of key, or "".
func (v Values) Get(key string) string {
	if vs := v[key]; len(vs) > 0 {
		return vs[0]
	}
	return ""
}

// Set replaces the values of key with value.
func (v Values) Set(key, value string) { v[key] = []string{value} }

// Del removes key.
func (v Values) Del(key string) { delete(v, key) }

// Has reports whether key is set.
func (v Values) Has(key string) bool { _, ok := v[key]; return ok }

// Encode writes the values as a query string, sorted by key.
func (v Values) Encode() string {
	var b strings.Builder
	for _, k := range slices.Sorted(maps.Keys(v)) {
		for _, value := range v[k] {
			if b.Len() > 0 {
				b.WriteByte('&')
			}
			b.WriteString(QueryEscape(k))
			b.WriteByte('=')
			b.WriteString(QueryEscape(value))
		}
	}
	return b.String()
}

// ParseQuery reads a query string (without "?") as url.ParseQuery does:
// pairs split at "&", "+" a space, %XX a byte; a pair with a bad escape or
// a ";" is skipped, and the problem returned is the first bad escape's,
// unless a ";" comes later (net/url's order). net/url's limit of 10,000
// pairs never applies: NewQuery refuses a query over 4,096 bytes.
func ParseQuery(query string) (Values, error) {
	v := Values{}
	var first error
	for query != "" {
		var pair string
		pair, query, _ = strings.Cut(query, "&")
		if strings.Contains(pair, ";") {
			first = errors.New("invalid semicolon separator in query")
			continue
		}
		if pair == "" {
			continue
		}
		key, value, _ := strings.Cut(pair, "=")
		key, err1 := QueryUnescape(key)
		value, err2 := QueryUnescape(value)
		if err := cmpOr(err1, err2); err != nil {
			first = cmpOr(first, err)
			continue
		}
		v[key] = append(v[key], value)
	}
	return v, first
}

func cmpOr(a, b error) error {
	if a != nil {
		return a
	}
	return b
}

// QueryUnescape decodes a query component: "+" is a space, %XX a byte.
func QueryUnescape(s string) (string, error) { return unescape(s, true) }

// PathUnescape decodes a URL path's percent escapes, as url.PathUnescape
// does: a + is itself.
func PathUnescape(s string) (string, error) { return unescape(s, false) }

func unescape(s string, plusIsSpace bool) (string, error) {
	if !strings.Contains(s, "%") && !(plusIsSpace && strings.Contains(s, "+")) {
		return s, nil
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '+':
			if plusIsSpace {
				c = ' '
			}
			b = append(b, c)
		case '%':
			digits := s[i+1 : min(i+3, len(s))]
			n, err := strconv.ParseUint(digits, 16, 8) // no sign, no 0x: two hex digits or an error
			if len(digits) < 2 || err != nil {
				return "", errors.New("invalid URL escape " + strconv.Quote(s[i:i+1+len(digits)]))
			}
			b = append(b, byte(n))
			i += 2
		default:
			b = append(b, c)
		}
	}
	return string(b), nil
}

// QueryEscape encodes s for a query component, as url.QueryEscape does.
func QueryEscape(s string) string {
	const upperHex = "0123456789ABCDEF"
	var b []byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_' || c == '.' || c == '~':
			b = append(b, c)
		case c == ' ':
			b = append(b, '+')
		default:
			b = append(b, '%', upperHex[c>>4], upperHex[c&15])
		}
	}
	return string(b)
}
