package widget

import (
	"fmt"
	"net/url"
	"reflect"
	"strings"

	"github.com/hashswitch/hashswitch/wasm/calc"
	"github.com/hashswitch/hashswitch/wasm/chain"
	"github.com/hashswitch/hashswitch/wasm/netdata"
)

// Inline computes one result of calculator name (an API endpoint) for a
// sentence of prose: the form's start values for snapshot s, overridden by
// preset, then the field at key (its JSON name, dotted when nested),
// written as kind (a show tag's kind; "" means the field's own show kind,
// else number). A calculator, key, preset or kind that does not exist is
// an error, so a typo fails the build instead of printing a wrong number.
func Inline(s netdata.Snapshot, name, key string, preset url.Values, kind string) (text string, raw any, err error) {
	c := calc.Lookup(name)
	if c == nil {
		return "", nil, fmt.Errorf("no calculator %q (there are %s)", name, strings.Join(calc.Endpoints(), ", "))
	}
	m := c.Info()
	q := url.Values{}
	for _, p := range m.Params {
		if !p.Hidden {
			if v := p.StartValue(s); v != "" {
				q.Set(p.Name, v)
			}
		}
	}
	for k, v := range preset {
		p, ok := m.Param(k)
		if !ok {
			return "", nil, fmt.Errorf("%s has no parameter %q", name, k)
		}
		if p.Alt != "" {
			q.Del(p.Alt) // difficulty given: drop the form's hashrate
		}
		q[k] = v
	}
	path, show, ok := fieldPath(c.ResultType(), key)
	if !ok {
		return "", nil, fmt.Errorf("%s's result has no field %q", name, key)
	}
	if kind == "" {
		kind, _, _ = strings.Cut(show, ",")
	}
	if kind == "" {
		kind = "number"
	}
	k, ok := kindNames[kind]
	if !ok {
		return "", nil, fmt.Errorf("no format %q (the formats are the show tags' kinds: usd, pct, ratio, …)", kind)
	}
	result, problem := calc.Run(c, calc.QueryOf(chain.MainNet, q))
	if problem != nil {
		return "", nil, fmt.Errorf("%s?%s: %s: %s", name, q.Encode(), problem.Field, problem.Message)
	}
	raw = valueAt(reflect.ValueOf(result), path)
	return format(k, raw), raw, nil
}

// fieldPath finds the field of struct type t whose JSON name is key
// (dotted through nested structs): its index path and show tag.
func fieldPath(t reflect.Type, key string) (path []int, show string, ok bool) {
	for _, part := range strings.Split(key, ".") {
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct {
			return nil, "", false
		}
		found := false
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if name, _, _ := strings.Cut(f.Tag.Get("json"), ","); name == part && f.IsExported() {
				path, show, t, found = append(path, i), f.Tag.Get("show"), f.Type, true
				break
			}
		}
		if !found {
			return nil, "", false
		}
	}
	return path, show, true
}
