package widget

import (
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/hashswitch/hashswitch/wasm/calc"
	"github.com/hashswitch/hashswitch/wasm/chain"
	"github.com/hashswitch/hashswitch/wasm/locale"
	"github.com/hashswitch/hashswitch/wasm/netdata"
)

// Inline computes one result of calculator name (an API endpoint) for a
// sentence of prose: the form's start values for snapshot s, overridden by
// preset, then the field at key (its JSON name, dotted when nested),
// written as kind (a show tag's kind; "" means the field's own show kind,
// else number). A calculator, key, preset or kind that does not exist is
// an error, so a typo fails the build instead of printing a wrong number.
//
// Two display parameters change how the number is written, never what is
// computed (the raw value stays the API's answer): currency=VND writes a
// dollar amount in dong, at the snapshot's rate or at usd_vnd with its
// date and source, as a calculator does; times=N writes N times it, for a
// figure the calculators give per unit (an Antminer S21's 200 TH/s times a
// result per TH/s).
func Inline(s netdata.Snapshot, lang locale.Tag, name, key string, preset calc.Values, kind string) (text string, raw any, err error) {
	vnd, bad := dongOf(preset, s)
	if bad != nil {
		return "", nil, fmt.Errorf("%s: %s", bad.Field, bad.Message)
	}
	times := 1.0
	if v := preset.Get("times"); v != "" {
		times, err = strconv.ParseFloat(v, 64)
		if err != nil || !(times > 0) || math.IsInf(times, 0) {
			return "", nil, fmt.Errorf("times: must be a positive number, got %q", v)
		}
	}
	q, err := InlineQuery(s, name, preset)
	if err != nil {
		return "", nil, err
	}
	c := calc.Lookup(name)
	show, ok := fieldShow(c.ResultType(), key)
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
	raw, err = valueByKey(reflect.ValueOf(result), key)
	if err != nil {
		return "", nil, fmt.Errorf("%s: %w", name, err)
	}
	x, number := raw.(float64)
	if (vnd != nil && k != USD) || ((vnd != nil || times != 1) && !number) {
		return "", nil, fmt.Errorf("%s: currency=VND and times apply to an amount in dollars (fmt=usd) or a number, not to %s as %s", name, key, kind)
	}
	if times != 1 {
		raw2 := x * times
		if vnd == nil {
			return format(lang, k, raw2), raw, nil
		}
		x = raw2
	}
	if vnd != nil {
		return lang.Style().Dong(x * vnd.perUSD), raw, nil
	}
	return format(lang, k, raw), raw, nil
}

// inlineDisplay are the parameters of a number in prose that change how it
// is written, not the query it computes.
var inlineDisplay = append([]string{"times"}, dongParams...)

// InlineQuery is the query a number in prose computes: calculator name's
// form at its start values for snapshot s, overridden by preset (less its
// display parameters: currency, usd_vnd…, times). The API answers the same
// for it (build/gen's TestProseIsTheAPIsAnswer).
func InlineQuery(s netdata.Snapshot, name string, preset calc.Values) (calc.Values, error) {
	c := calc.Lookup(name)
	if c == nil {
		return nil, fmt.Errorf("no calculator %q (there are %s)", name, strings.Join(calc.Endpoints(), ", "))
	}
	m := c.Info()
	q := calc.Values{}
	for _, p := range m.Params {
		if !p.Hidden {
			if v := p.StartValue(s); v != "" {
				q.Set(p.Name, v)
			}
		}
	}
	for k, v := range preset {
		if slices.Contains(inlineDisplay, k) {
			continue
		}
		p, ok := m.Param(k)
		if !ok {
			return nil, fmt.Errorf("%s has no parameter %q", name, k)
		}
		if p.Alt != "" {
			q.Del(p.Alt) // difficulty given: drop the form's hashrate
		}
		q[k] = v
	}
	return q, nil
}

// fieldShow checks that key names a field of struct type t (its JSON
// name, dotted through nested structs; a number indexes a list) and
// returns the field's show tag.
func fieldShow(t reflect.Type, key string) (show string, ok bool) {
	for _, part := range strings.Split(key, ".") {
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		if t.Kind() == reflect.Slice {
			if _, err := strconv.Atoi(part); err != nil {
				return "", false
			}
			t = t.Elem()
			continue
		}
		f, found := jsonField(t, part)
		if !found {
			return "", false
		}
		show, t = f.Tag.Get("show"), f.Type
	}
	return show, true
}

// valueByKey follows key through a result: fields by JSON name, list items
// by index; a nil pointer on the way is nil (JSON's null).
func valueByKey(v reflect.Value, key string) (any, error) {
	for _, part := range strings.Split(key, ".") {
		for v.Kind() == reflect.Pointer {
			if v.IsNil() {
				return nil, nil
			}
			v = v.Elem()
		}
		if v.Kind() == reflect.Slice {
			i, _ := strconv.Atoi(part)
			if i < 0 || i >= v.Len() {
				return nil, fmt.Errorf("%s: the list has %d items, no item %d", key, v.Len(), i)
			}
			v = v.Index(i)
			continue
		}
		f, _ := jsonField(v.Type(), part)
		v = v.FieldByIndex(f.Index)
	}
	for v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return nil, nil
		}
		v = v.Elem()
	}
	return v.Interface(), nil
}

// jsonField is the exported field of struct type t whose JSON name is name.
func jsonField(t reflect.Type, name string) (reflect.StructField, bool) {
	if t.Kind() != reflect.Struct {
		return reflect.StructField{}, false
	}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if n, _, ok := calc.JSONName(f); ok && n == name {
			return f, true
		}
	}
	return reflect.StructField{}, false
}
