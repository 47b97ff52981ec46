package calc

import (
	"encoding/json"
	"go/parser"
	"go/token"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestShowTagMistakesFailAtRegistration: a show tag that names no kind or
// an unknown flag, a second countdown, or a calculator on pages that shows
// nothing panics when the calculator is registered, naming the mistake,
// and leaves the registry as it was.
func TestShowTagMistakesFailAtRegistration(t *testing.T) {
	type noKind struct {
		X float64 `json:"x" show:"dollars"`
	}
	type badFlag struct {
		X float64 `json:"x" show:"usd,lede"`
	}
	type twoClocks struct {
		A *int64 `json:"a" show:"date,countdown"`
		B struct {
			C *int64 `json:"c" show:"date,countdown"`
		} `json:"b"`
	}
	type nested struct {
		Inner *struct {
			X float64 `json:"x" show:"pct,lead,wide"`
		} `json:"inner"`
	}
	type shown struct {
		X float64 `json:"x"`
	}
	before := len(registry)
	for _, c := range []struct {
		name, want string
		register   func()
	}{
		{"no kind", `show tag "dollars" names no kind`, func() { register(&Def[noKind]{Meta: Meta{Name: "t1", Order: -1}}) }},
		{"bad flag", `show tag "usd,lede" has an unknown flag "lede"`, func() { register(&Def[badFlag]{Meta: Meta{Name: "t2", Order: -2}}) }},
		{"two countdowns", "more than one show tag has countdown", func() { register(&Def[twoClocks]{Meta: Meta{Name: "t3", Order: -3}}) }},
		{"nested", `x: show tag "pct,lead,wide" has an unknown flag "wide"`, func() { register(&Def[nested]{Meta: Meta{Name: "t4", Order: -4}}) }},
		{"nothing shown", "no field of calc.shown has a show tag", func() { register(&Def[shown]{Meta: Meta{Name: "t5", Order: -5, Widget: "t5"}}) }},
	} {
		func() {
			defer func() {
				msg, _ := recover().(string)
				if !strings.Contains(msg, c.want) {
					t.Errorf("%s: panic %q, want it to say %q", c.name, msg, c.want)
				}
			}()
			c.register()
		}()
	}
	if len(registry) != before {
		t.Errorf("a refused calculator joined the registry: %d calculators, %d before", len(registry), before)
	}
}

// TestTablesAreTheJSON: every key of every example's answer, as
// encoding/json reads it (a second reader of the json tags), is a field of
// the calculator's Table at the same dotted key, and every field the
// Table has without omitempty is in the answer.
func TestTablesAreTheJSON(t *testing.T) {
	for _, c := range registry {
		for _, e := range c.Info().Examples {
			var answer map[string]any
			if err := json.Unmarshal(Get(Prefix+c.Info().Name, e).Body, &answer); err != nil {
				t.Fatal(err)
			}
			compareKeys(t, c.Info().Name, answer, c.Table().Fields)
		}
	}
}

func compareKeys(t *testing.T, name string, obj map[string]any, fields []Field) {
	t.Helper()
	for k, v := range obj {
		f := named(fields, k)
		if f == nil {
			t.Errorf("%s: %q is in the answer, not in the Table", name, k)
			continue
		}
		switch v := v.(type) {
		case map[string]any:
			if f.Struct() {
				compareKeys(t, name, v, f.Fields)
			}
		case []any:
			for _, item := range v {
				if m, ok := item.(map[string]any); ok {
					compareKeys(t, name, m, f.Fields)
				}
			}
		}
	}
	for _, f := range fields {
		if _, ok := obj[f.Name]; !ok && !f.OmitEmpty {
			t.Errorf("%s: %s is in the Table, not in the answer", name, f.Key)
		}
	}
}

// TestTableLookup: dotted keys through nested structs and list items, and
// the values they lead to, nil through a nil pointer.
func TestTableLookup(t *testing.T) {
	tab := Convert.Table()
	for key, ok := range map[string]bool{
		"mining.npv_usd": true, "lease.payback_years": true, "height": true, "hashprice_by_year": false,
		"hashprice_by_year.2": true, "mining.nope": false, "mining": true, "mining.cash_by_year.x": false, "": false,
	} {
		if _, got := tab.Lookup(key); got != ok {
			t.Errorf("Lookup(%q): %v, want %v", key, got, ok)
		}
	}
	r := &ConvertResult{Mining: &OptionResult{NPVUSD: 7}, HashpriceByYear: []float64{1, 2}}
	for key, want := range map[string]any{"mining.npv_usd": 7.0, "lease.npv_usd": nil, "hashprice_by_year.1": 2.0} {
		if got, err := tab.ValueAt(r, key); err != nil || got != want {
			t.Errorf("ValueAt(%q) = %v, %v; want %v", key, got, err, want)
		}
	}
	if _, err := tab.ValueAt(r, "hashprice_by_year.2"); err == nil {
		t.Error("an item past the list's end has a value")
	}
	if f, _ := tab.Lookup("mining.npv_usd"); !reflect.DeepEqual(f.ValueIn(r), 7.0) || f.Kind != AsUSD || !f.Shown {
		t.Errorf("mining.npv_usd: %+v", f)
	}
}

// TestComputesWithoutPresenting: calc returns typed data and writes no
// words or numbers for people; packages human, locale, chart and present
// do, after it (DESIGN.md: compute, then present).
func TestComputesWithoutPresenting(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil || len(files) < 10 {
		t.Fatalf("%v files, %v", len(files), err)
	}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(token.NewFileSet(), f, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range file.Imports {
			for _, pkg := range []string{"human", "locale", "chart", "present"} {
				if imp.Path.Value == `"github.com/hashswitch/hashswitch/wasm/`+pkg+`"` {
					t.Errorf("%s imports wasm/%s", f, pkg)
				}
			}
		}
	}
}
