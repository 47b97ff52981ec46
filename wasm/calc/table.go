package calc

import (
	"errors"
	"math"
	"reflect"
	"strconv"
	"strings"

	"github.com/hashswitch/hashswitch/wasm/internal/jsonfield"
)

// Kind says what a shown result is, so a presenter knows how to write it
// for people (package present); a result field's show tag names it.
type Kind int

const (
	AsNumber  Kind = iota // 1,068.7
	AsInteger             // 840,000
	AsUSD                 // an amount in dollars: $36.02, $15.6 billion (or in dong)
	AsBTC                 // 0.00042376
	AsSat                 // 42,376
	AsPct                 // 1.2%
	AsRatio               // 2.1×
	AsBig                 // 149.3 T
	AsDate                // 11 Apr 2028, 14:00 UTC, from unix seconds
	AsYears               // 3.2, or "never" for null
	AsDays                // 412, or "never" for null
	AsText                // as it is (hashes)
	AsValid               // valid / not valid
)

// kindNames are the kinds as show tags name them.
var kindNames = [...]string{
	AsNumber: "number", AsInteger: "integer", AsUSD: "usd", AsBTC: "btc", AsSat: "sat", AsPct: "pct", AsRatio: "ratio",
	AsBig: "big", AsDate: "date", AsYears: "years", AsDays: "days", AsText: "text", AsValid: "valid",
}

// KindNamed is the kind a show tag calls name ("usd"); ok is false when
// there is none.
func KindNamed(name string) (k Kind, ok bool) {
	for k, n := range kindNames {
		if n == name {
			return Kind(k), true
		}
	}
	return 0, false
}

// Field is one field of a result type: what the API calls it, what it
// means and how a page shows it, read once from its tags when its
// calculator is registered. Everything that reads results (the refusal of
// non-finite numbers, openapi.json and the docs, a calculator's outputs on
// its page, numbers in prose) walks these instead of the type.
type Field struct {
	Name  string // the JSON name: "npv_usd"
	Key   string // the JSON name from the result's top, dotted: "mining.npv_usd"
	Label string // "NPV"
	Unit  Unit
	Doc   string
	// Shown: the show tag puts the field on the calculator's page, as Kind;
	// Lead makes it the headline; Countdown is the moment (unix seconds) a
	// live clock counts to.
	Shown, Lead, Countdown bool
	Kind                   Kind
	OmitEmpty              bool         // left out of the JSON when empty
	Type                   reflect.Type // the Go type: a pointer is null when nil
	// Fields are those of the struct the field is, or that it points to,
	// or that its list or map holds.
	Fields []Field
	at     int   // its index in its struct
	path   []int // struct fields from the result to this one, through pointers; nil inside a list or a map
}

// Table is a result type's fields.
type Table struct {
	Type   reflect.Type
	Fields []Field
}

// newTable reads result type t's fields; a show tag that names no kind or
// has an unknown flag, or a second countdown, is an error.
func newTable(t reflect.Type) (*Table, error) {
	tab := &Table{Type: t}
	var err error
	countdowns := 0
	tab.Fields, err = fieldsOf(t, "", []int{}, &countdowns)
	if err == nil && countdowns > 1 {
		err = errors.New(t.String() + ": more than one show tag has countdown")
	}
	return tab, err
}

// fieldsOf reads the fields of the struct t is, points to, lists or maps;
// nil for any other type. within is the path of t from the result (nil
// inside a list or a map, which no path crosses).
func fieldsOf(t reflect.Type, prefix string, within []int, countdowns *int) ([]Field, error) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() == reflect.Slice || t.Kind() == reflect.Map {
		return fieldsOf(t.Elem(), prefix, nil, countdowns)
	}
	if t.Kind() != reflect.Struct {
		return nil, nil
	}
	var out []Field
	for _, jf := range jsonfield.Of(t) {
		f := Field{
			Name: jf.Name, Key: prefix + jf.Name, Label: jf.Tag.Get("label"), Unit: Unit(jf.Tag.Get("unit")), Doc: jf.Tag.Get("doc"),
			OmitEmpty: jf.OmitEmpty, Type: jf.Type, at: jf.Index,
		}
		if within != nil {
			f.path = append(append([]int{}, within...), jf.Index)
		}
		if show := jf.Tag.Get("show"); show != "" {
			if err := f.readShow(show); err != nil {
				return nil, errors.New(t.String() + "." + jf.Name + ": show tag " + strconv.Quote(show) + " " + err.Error())
			}
			if f.Countdown {
				*countdowns++
			}
		}
		var err error
		if f.Fields, err = fieldsOf(jf.Type, f.Key+".", f.path, countdowns); err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, nil
}

// readShow reads a show tag: a kind, then flags ("usd,lead").
func (f *Field) readShow(show string) error {
	name, flags, _ := strings.Cut(show, ",")
	k, ok := KindNamed(name)
	if !ok {
		return errors.New("names no kind")
	}
	f.Shown, f.Kind = true, k
	for _, flag := range strings.Split(flags, ",") {
		switch flag {
		case "lead":
			f.Lead = true
		case "countdown":
			f.Countdown = true
		case "":
		default:
			return errors.New("has an unknown flag " + strconv.Quote(flag))
		}
	}
	return nil
}

// Description is what the field is, for the docs: its label, unit and doc.
func (f *Field) Description() string {
	d := f.Label
	if f.Unit != "" {
		d += ", " + string(f.Unit)
	}
	if f.Doc != "" {
		d += ": " + f.Doc
	}
	return d
}

// Struct reports whether the field is a struct, or points to one: its
// Fields are its own, not those of a list's or a map's items.
func (f *Field) Struct() bool { return elem(f.Type).Kind() == reflect.Struct }

// ValueIn is the field's value in result (what Compute returned): a
// number, string or bool, or nil for a nil pointer on the way (JSON's
// null). The field must not be inside a list or a map.
func (f *Field) ValueIn(result any) any {
	v := reflect.ValueOf(result)
	for _, i := range f.path {
		if v = indirect(v); !v.IsValid() {
			return nil
		}
		v = v.Field(i)
	}
	return valueOf(indirect(v))
}

// indirect follows pointers; a nil one is the invalid Value.
func indirect(v reflect.Value) reflect.Value {
	for v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return reflect.Value{}
		}
		v = v.Elem()
	}
	return v
}

func valueOf(v reflect.Value) any {
	if !v.IsValid() {
		return nil
	}
	return v.Interface()
}

// Lookup finds the field at key: JSON names dotted through nested structs,
// a number for an item of a list ("periods.0.days"). ok is false when key
// names none.
func (t *Table) Lookup(key string) (f *Field, ok bool) {
	fields, list := t.Fields, false
	for _, part := range strings.Split(key, ".") {
		if list {
			if _, err := strconv.Atoi(part); err != nil {
				return nil, false
			}
			list = false
			continue
		}
		if f = named(fields, part); f == nil {
			return nil, false
		}
		fields, list = f.Fields, elem(f.Type).Kind() == reflect.Slice
	}
	return f, f != nil && !list
}

func named(fields []Field, name string) *Field {
	for i := range fields {
		if fields[i].Name == name {
			return &fields[i]
		}
	}
	return nil
}

// ValueAt is the value at key (see Lookup) in result: nil for a nil
// pointer on the way, an error for a list item past its end.
func (t *Table) ValueAt(result any, key string) (any, error) {
	v, fields := reflect.ValueOf(result), t.Fields
	for _, part := range strings.Split(key, ".") {
		if v = indirect(v); !v.IsValid() {
			return nil, nil
		}
		if v.Kind() == reflect.Slice {
			i, _ := strconv.Atoi(part)
			if i < 0 || i >= v.Len() {
				return nil, errors.New(key + ": the list has " + strconv.Itoa(v.Len()) + " items, no item " + strconv.Itoa(i))
			}
			v = v.Index(i)
			continue
		}
		f := named(fields, part)
		if f == nil {
			return nil, errors.New("no field " + strconv.Quote(key))
		}
		v, fields = v.Field(f.at), f.Fields
	}
	return valueOf(indirect(v)), nil
}

// Fields lists calculator c's result fields for the docs, a nested
// struct's fields dotted ("mining.npv_usd") in its place.
func Fields(c Calculator) []*Field {
	var out []*Field
	var walk func(fields []Field)
	walk = func(fields []Field) {
		for i := range fields {
			if f := &fields[i]; f.Struct() {
				walk(f.Fields)
			} else {
				out = append(out, f)
			}
		}
	}
	walk(c.Table().Fields)
	return out
}

// nonFinite returns the JSON name of the first NaN or infinite number in
// v, a value of the type fields describe, or "" when every number can be
// written as JSON.
func nonFinite(v reflect.Value, fields []Field, name string) string {
	switch v.Kind() {
	case reflect.Float32, reflect.Float64:
		if f := v.Float(); math.IsNaN(f) || math.IsInf(f, 0) {
			return name
		}
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			return nonFinite(v.Elem(), fields, name)
		}
	case reflect.Struct:
		for i := range fields {
			f := &fields[i]
			if bad := nonFinite(v.Field(f.at), f.Fields, f.Name); bad != "" {
				return bad
			}
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			if bad := nonFinite(v.Index(i), fields, name); bad != "" {
				return bad
			}
		}
	}
	return ""
}
