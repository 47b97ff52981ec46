// Package jsonfield reads a struct type's fields as encoding/json names
// them, once per type: the one rule that package tinyjson writes and reads
// JSON by and that package calc builds its result tables from (adding what
// their label, unit, doc and show tags say). Pure Go, below both; it must
// never import syscall/js.
package jsonfield

import (
	"reflect"
	"strings"
	"sync"
)

// Field is one field of a struct as JSON writes it.
type Field struct {
	Name      string // the JSON key: the tag's name, else the Go name
	Index     int    // its index in the struct
	OmitEmpty bool   // the tag says omitempty
	// Embedded is an embedded field without a tag, whose fields
	// encoding/json would write inline.
	Embedded bool
	Type     reflect.Type
	Tag      reflect.StructTag // for the tags beside json (package calc's)
}

var (
	mu    sync.Mutex
	cache = map[reflect.Type][]Field{}
)

// Of returns the fields of struct type t that JSON writes, in order: an
// unexported field and one tagged "-" are left out. It reads t's tags
// the first time only.
func Of(t reflect.Type) []Field {
	mu.Lock()
	fs, ok := cache[t]
	mu.Unlock()
	if ok {
		return fs
	}
	fs = []Field{}
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		name, opts, _ := strings.Cut(tag, ",")
		if tag == "-" || !f.IsExported() && !f.Anonymous {
			continue
		}
		if name == "" {
			name = f.Name
		}
		fs = append(fs, Field{Name: name, Index: i, OmitEmpty: hasOption(opts, "omitempty"), Embedded: f.Anonymous && tag == "", Type: f.Type, Tag: f.Tag})
	}
	mu.Lock()
	cache[t] = fs
	mu.Unlock()
	return fs
}

// hasOption reports whether a tag's comma-separated options hold option.
func hasOption(opts, option string) bool {
	for opts != "" {
		var o string
		o, opts, _ = strings.Cut(opts, ",")
		if o == option {
			return true
		}
	}
	return false
}
