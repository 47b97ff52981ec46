package server

import (
	"bufio"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
)

// Redirect is one rule of a Netlify _redirects file: requests for From (a
// path, "/*" a splat) go to To (":splat" filled in) with Status; 200 is a
// proxy, which Netlify serves from To without the browser seeing it.
type Redirect struct {
	From, To string
	Status   int
	// Query holds the names of the rule's query conditions
	// (name=:placeholder): it applies to a URL that has each of them.
	Query []string
}

// LoadRedirects reads a _redirects file; a missing file is no rules.
func LoadRedirects(path string) ([]Redirect, error) {
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var rules []Redirect
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Fields(line)
		r := Redirect{Status: 301}
		// FROM [name=:value …] TO [STATUS]: the query conditions between.
		for len(fields) > 3 && strings.Contains(fields[1], "=") {
			name, _, _ := strings.Cut(fields[1], "=")
			r.Query = append(r.Query, name)
			fields = slices.Delete(fields, 1, 2)
		}
		switch len(fields) {
		case 3:
			st, err := strconv.Atoi(strings.TrimSuffix(fields[2], "!"))
			if err != nil {
				return nil, fmt.Errorf("%s:%d: status %q", path, n, fields[2])
			}
			r.Status = st
			fallthrough
		case 2:
			r.From, r.To = fields[0], fields[1]
		default:
			return nil, fmt.Errorf("%s:%d: want FROM TO [STATUS], got %q", path, n, line)
		}
		rules = append(rules, r)
	}
	return rules, sc.Err()
}

// Resolve returns where the first matching rule sends path, and its
// status; rules with query conditions are not for a bare path.
func Resolve(rules []Redirect, path string) (to string, status int, ok bool) {
	for _, r := range rules {
		if len(r.Query) > 0 {
			continue
		}
		if prefix, splat := strings.CutSuffix(r.From, "*"); splat {
			if rest, match := strings.CutPrefix(path, prefix); match {
				return strings.ReplaceAll(r.To, ":splat", rest), r.Status, true
			}
		} else if path == r.From {
			return r.To, r.Status, true
		}
	}
	return "", 0, false
}
