package tinyjson

import (
	"bytes"
	"encoding/json"
	"math"
	"reflect"
	"testing"
)

// sample has a field of each kind the project sends.
type sample struct {
	F      float64           `json:"f"`
	F32    float32           `json:"f32,omitempty"`
	I      int64             `json:"i"`
	U      uint32            `json:"u,omitempty"`
	S      string            `json:"s"`
	B      bool              `json:"b,omitempty"`
	P      *int64            `json:"p,omitempty"`
	Q      *int64            `json:"q"`
	Any    any               `json:"any"`
	List   []inner           `json:"list,omitempty"`
	Nums   []float64         `json:"nums"`
	Map    map[string]inner  `json:"map,omitempty"`
	Plain  map[string]string `json:"plain"`
	Arr    [2]int            `json:"arr"`
	NoTag  string
	hidden string
	Skip   string `json:"-"`
	Dash   string `json:"-,"`
}

type inner struct {
	X float64 `json:"x"`
	Y string  `json:"y,omitempty"`
}

func samples() []any {
	seven := int64(7)
	return []any{
		nil, true, false, 0, -1, int64(math.MaxInt64), uint64(math.MaxUint64), 0.0, -0.0, 1.0, 0.1, 1e-6, 1e-7, 9.99e-7, 1e20, 1e21, 1.5e300, -2.5e-300,
		5e-324, math.MaxFloat64, float32(0.1), float32(1e21), float32(1e-7), 123456789.125, 149.3e12,
		"", "plain", "quote \" backslash \\ slash /", "\b\f\n\r\t\x00\x01\x1f\x7f", "<a href='x'>&amp;</a>", "đồng 85.000 ₫ 😀",
		"bad \xff utf8 \xc3", "line\u2028sep\u2029", "\U0001F600",
		[]float64{}, []float64(nil), []string{"a", "b"}, map[string]any{"b": 1.0, "a": []any{"x", nil, true}, "": map[string]any{}},
		map[string]int(nil), [0]int{}, &seven, (*int64)(nil),
		sample{}, sample{F: 1, F32: 2.5, I: -3, U: 4, S: "s", B: true, P: &seven, Any: map[string]any{"k": "v"},
			List: []inner{{X: 1}, {X: 2, Y: "y"}}, Nums: []float64{1e-9, 3}, Map: map[string]inner{"z": {}, "a": {X: -1}},
			Plain: map[string]string{"b": "2", "a": "1"}, Arr: [2]int{1, 2}, NoTag: "n", hidden: "h", Skip: "s", Dash: "d"},
		[]any{sample{}, &sample{S: "p"}},
	}
}

// TestMarshalIsEncodingJSON: every sample is written byte for byte as
// encoding/json writes it with HTML escaping off.
func TestMarshalIsEncodingJSON(t *testing.T) {
	for _, v := range samples() {
		got, err := Marshal(v)
		if err != nil {
			t.Errorf("Marshal(%#v): %v", v, err)
			continue
		}
		if want := stdMarshal(t, v); !bytes.Equal(got, want) {
			t.Errorf("Marshal(%#v)\n got %s\nwant %s", v, got, want)
		}
	}
}

func stdMarshal(t testing.TB, v any) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}

// TestMarshalRefuses what encoding/json refuses, and what it would write
// in a way this package does not (base64, inlined embedded fields).
func TestMarshalRefuses(t *testing.T) {
	type embeds struct{ inner }
	for _, v := range []any{math.NaN(), math.Inf(1), []float64{math.Inf(-1)}, map[int]string{1: "a"}, []byte("x"), embeds{}, make(chan int), func() {}} {
		if b, err := Marshal(v); err == nil {
			t.Errorf("Marshal(%#v) = %s, want an error", v, b)
		}
	}
}

// TestUnmarshalIsEncodingJSON: reading what Marshal wrote, and hand-written
// JSON with escapes and spacing, gives what encoding/json gives.
func TestUnmarshalIsEncodingJSON(t *testing.T) {
	inputs := []string{
		` { "f" : 1.5e3 , "i":-42, "s":"a\"b\\c\/d\u00e9\ud83d\ude00\ud800x\u2028", "b":true, "p":7, "q":null, "any":{"a":[1,"x",null,false,{}]},
		   "list":[{"x":1},{"x":2,"y":"z"}], "nums":[], "map":{"k":{"x":3}}, "plain":{"a":"b"}, "unknown":[{"deep":[1,2]}], "NoTag":"n"} `,
		"{\"s\":\"bad \xff byte\",\"nums\":null,\"map\":null,\"p\":null}",
		`{}`, `{"f":0,"f":-0.0,"i":0}`, `{"f":1E+2,"f32":3.4e38}`,
	}
	for _, in := range inputs {
		var got, want sample
		if err := json.Unmarshal([]byte(in), &want); err != nil {
			t.Fatalf("encoding/json refuses %s: %v", in, err)
		}
		if err := Unmarshal([]byte(in), &got); err != nil {
			t.Errorf("Unmarshal(%s): %v", in, err)
			continue
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("Unmarshal(%s)\n got %#v\nwant %#v", in, got, want)
		}
	}
	for _, v := range samples() {
		data := stdMarshal(t, v)
		var got, want any
		if err := Unmarshal(data, &got); err != nil {
			t.Errorf("Unmarshal(%s): %v", data, err)
		}
		json.Unmarshal(data, &want)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("Unmarshal(%s) = %#v, want %#v", data, got, want)
		}
	}
}

// TestUnmarshalRefuses bad JSON, values of another type, keys that name a
// field only in another case, and maps keyed by another type than string.
func TestUnmarshalRefuses(t *testing.T) {
	for _, in := range []string{
		``, ` `, `{`, `{"f":}`, `{"f":1,}`, `{"f" 1}`, `{f:1}`, `[1,]`, `01`, `1.`, `.5`, `-`, `1e`, `+1`, `tru`, `nul`, `"abc`, "\"a\x01\"", `"\x"`, `"\u12"`,
		`{"f":"1"}`, `{"i":1.5}`, `{"i":1e3}`, `{"u":-1}`, `{"s":1}`, `{"b":"true"}`, `{"nums":{}}`, `{"F":1}`, `{"f":1e400}`, `{} x`, `{}{}`,
	} {
		var s sample
		if err := Unmarshal([]byte(in), &s); err == nil {
			t.Errorf("Unmarshal(%q) = nil, want an error", in)
		}
	}
	if err := Unmarshal([]byte(`{}`), sample{}); err == nil {
		t.Error("Unmarshal into a struct, not a pointer: no error")
	}
	type tag string
	if err := Unmarshal([]byte(`{"vi":"x"}`), new(map[tag]string)); err == nil {
		t.Error("Unmarshal into a map whose keys are not strings but another string type: no error")
	}
}

// FuzzUnmarshal: whatever this package reads, encoding/json reads the
// same; and what it writes back reads again to the same value.
func FuzzUnmarshal(f *testing.F) {
	f.Add([]byte(`{"f":1.5,"any":[1,{"a":null}],"map":{"k":{"x":2}},"s":"\u00e9"}`))
	f.Add([]byte(`{"plain":{"a":"b"},"list":[{"x":-0.5e-3}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var got sample
		if Unmarshal(data, &got) != nil {
			return
		}
		var want sample
		if err := json.Unmarshal(data, &want); err != nil {
			t.Fatalf("tinyjson reads %q, encoding/json refuses it: %v", data, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%q:\n tinyjson      %#v\n encoding/json %#v", data, got, want)
		}
		out, err := Marshal(got)
		if err != nil {
			return // NaN cannot come from JSON; a float32 may overflow
		}
		if want := stdMarshal(t, got); !bytes.Equal(out, want) {
			t.Fatalf("Marshal(%#v)\n got %s\nwant %s", got, out, want)
		}
	})
}
