package jsonfield

import (
	"encoding/json"
	"reflect"
	"slices"
	"testing"
)

type inner struct{ A int }

type sample struct {
	Plain    int
	Named    string  `json:"named"`
	Omitted  *string `json:"omitted,omitempty"`
	Skipped  bool    `json:"-"`
	Dash     bool    `json:"-,"`
	private  int
	Options  int `json:",omitempty,string"`
	inner    `json:"in"`
	Embedded inner
}

// TestOfIsEncodingJSON: the fields Of lists, by name, are the keys
// encoding/json writes for a value whose pointers are set, and Of reads a
// type once.
func TestOfIsEncodingJSON(t *testing.T) {
	s := "x"
	b, err := json.Marshal(sample{Omitted: &s, Options: 1})
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	json.Unmarshal(b, &m)
	var want, got []string
	for k := range m {
		want = append(want, k)
	}
	for _, f := range Of(reflect.TypeFor[sample]()) {
		got = append(got, f.Name)
		if f.Name == "Options" && !f.OmitEmpty || f.Name == "named" && f.OmitEmpty {
			t.Errorf("%s: omitempty %v", f.Name, f.OmitEmpty)
		}
	}
	slices.Sort(want)
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("Of names %v, encoding/json writes %v", got, want)
	}
	if a, b := Of(reflect.TypeFor[sample]()), Of(reflect.TypeFor[sample]()); &a[0] != &b[0] {
		t.Error("Of read the type twice")
	}
}
