package calc_test

import (
	"encoding/json"
	"strings"
	"testing"

	. "github.com/hashswitch/hashswitch/wasm/calc"
	"github.com/hashswitch/hashswitch/wasm/netdata"
)

// startQuery is the query a calculator's form starts from for the newest
// committed snapshot: every input at its start value.
func startQuery(m *Meta) Values {
	v := Values{}
	for _, p := range m.Params {
		if !p.Hidden {
			v.Set(p.Name, p.StartValue(netdata.Committed()))
		}
	}
	return v
}

// TestOneDefaultPerParameter ranges over the registry: a parameter the API
// defaults is defaulted to the value the form starts from, so a scenario
// means the same on the page and at the API. Left out of the form's query
// one at a time, an input either gives the same answer (the API's default
// is the form's start) or is refused naming it (the API needs it).
func TestOneDefaultPerParameter(t *testing.T) {
	for _, c := range All() {
		m := c.Info()
		for _, p := range m.Params {
			// fees: the API contract (DESIGN.md) fixes its default at 0,
			// while forms start from the snapshot's fees.
			if p.Default != "" && p.From != nil && p.Name != "fees" {
				t.Errorf("%s.%s: a Default and a From: two defaults", m.Name, p.Name)
			}
			if p.Snapshot && p.From == nil {
				t.Errorf("%s.%s: defaults from the snapshot without From", m.Name, p.Name)
			}
		}
		if m.Widget == "" {
			continue
		}
		start := startQuery(m)
		full := Get(Prefix+m.Name, start.Encode())
		if full.Status != StatusOK {
			t.Errorf("%s: the form's start %s: %d %s", m.Name, start.Encode(), full.Status, full.Body)
			continue
		}
		for _, p := range m.Params {
			if p.Hidden {
				continue
			}
			without := Values{}
			for k, v := range start {
				if k != p.Name {
					without[k] = v
				}
			}
			a := Get(Prefix+m.Name, without.Encode())
			switch {
			case p.Name == "fees":
			case p.DefaultValue() != "":
				if p.DefaultValue() != p.StartValue(netdata.Committed()) {
					t.Errorf("%s.%s: the API defaults to %q, the form starts at %q", m.Name, p.Name, p.DefaultValue(), p.StartValue(netdata.Committed()))
				}
				if string(a.Body) != string(full.Body) {
					t.Errorf("%s.%s: left out, the answer changes:\n%s\n%s", m.Name, p.Name, a.Body, full.Body)
				}
			case a.Status == StatusBadInput:
				var e struct{ Error FieldError }
				json.Unmarshal(a.Body, &e)
				if e.Error.Field != p.Name && e.Error.Field != p.Alt {
					t.Errorf("%s.%s: left out, refused for %q", m.Name, p.Name, e.Error.Field)
				}
			case !p.Optional:
				t.Errorf("%s.%s: no default, not optional, yet not required: %d", m.Name, p.Name, a.Status)
			}
		}
	}
}

// TestEverythingIsDescribed: every parameter has a label and a unit or a
// meaning, and so does every field of every result, for the docs and
// openapi.json; the convert calculator's, which an analyst must be able to
// reimplement, each say how they are computed.
func TestEverythingIsDescribed(t *testing.T) {
	for _, c := range All() {
		m := c.Info()
		for _, p := range m.Params {
			if p.Label == "" || p.Unit == "" && p.Doc == "" {
				t.Errorf("%s.%s: no label, or neither unit nor doc", m.Name, p.Name)
			}
		}
		var walk func(fields []Field)
		walk = func(fields []Field) {
			for _, f := range fields {
				nested := len(f.Fields) > 0 // a struct, or a list or map of them
				key := f.Key
				switch {
				case f.Label == "":
					t.Errorf("%s: field %s has no label", m.Name, key)
				case f.Unit == "" && f.Doc == "" && !nested:
					t.Errorf("%s: field %s has neither unit nor doc", m.Name, key)
				case m.Name == "convert" && f.Doc == "" && !nested && !strings.HasSuffix(f.Name, "_per_year") && f.Name != "revenue_usd" && f.Name != "capex_usd":
					t.Errorf("convert: field %s does not say how it is computed", key)
				}
				walk(f.Fields)
			}
		}
		walk(c.Table().Fields)
	}
}
