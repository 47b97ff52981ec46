package calc_test

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/hashswitch/hashswitch/internal/apischema"
	"github.com/hashswitch/hashswitch/internal/vectors"
	. "github.com/hashswitch/hashswitch/wasm/calc"
)

// TestOpenAPIIsValid validates openapi.json against the OpenAPI 3.1
// schema with the base dialect, so schema objects are checked too.
func TestOpenAPIIsValid(t *testing.T) { apischema.ValidOpenAPI(t) }

// TestAnswersMatchOpenAPI: every shared vector's answer and every example
// of every calculator is valid against its documented schema.
func TestAnswersMatchOpenAPI(t *testing.T) {
	urls := append(vectors.APIURLs(), ExampleURLs()...)
	for _, u := range urls {
		apischema.Check(t, u, GetURL(u))
	}
}

// TestEveryCalculatorIsDocumented ranges over the registry: each has a
// title, a summary, an example that computes, and parameters with labels
// whose names are unique.
func TestEveryCalculatorIsDocumented(t *testing.T) {
	var doc struct {
		Paths map[string]struct {
			Get struct {
				Parameters []struct{ Name string }
			}
		}
	}
	if err := json.Unmarshal(Get(OpenAPIPath, "").Body, &doc); err != nil {
		t.Fatal(err)
	}
	for _, c := range All() {
		m := c.Info()
		if m.Title == "" || m.Summary == "" || len(m.Examples) == 0 {
			t.Errorf("%s: title %q, summary %q, %d examples", m.Name, m.Title, m.Summary, len(m.Examples))
		}
		seen := map[string]bool{}
		for _, p := range m.Params {
			if seen[p.Name] || p.Label == "" {
				t.Errorf("%s: parameter %q twice or without a label", m.Name, p.Name)
			}
			seen[p.Name] = true
		}
		documented := doc.Paths[Prefix+m.Name].Get.Parameters
		if len(documented) != len(m.Params) {
			t.Errorf("%s: openapi.json documents %d parameters, the calculator has %d", m.Name, len(documented), len(m.Params))
		}
		for _, e := range m.Examples {
			if a := Get(Prefix+m.Name, e); a.Status != StatusOK {
				t.Errorf("%s example %s: %d %s", m.Name, e, a.Status, a.Body)
			}
		}
	}
}

// FuzzGet throws arbitrary query strings at every endpoint: the answer
// is always JSON of the shape openapi.json documents for its status, 200
// or 400, never NaN or Infinity, never a crash.
func FuzzGet(f *testing.F) {
	f.Add("halving", "height=840000&time=1713571767")
	f.Add("target", "bits=1d00ffff")
	f.Add("hashprice", "price=85000&difficulty=149.3e12&height=925000&fees=0.02")
	f.Add("profit", "hashprice=36&efficiency=17.5&power_price=0.05&pool_fee=2")
	f.Add("convert", "mw=100&power_price=0.05&hashprice=36&efficiency=17.5&mining_capex=500000&gpu_hour=2&gpu_watts=1400&gpu_capex=3e7")
	f.Add("attack", "hashrate=1000&hardware_price=15&efficiency=17.5&power_price=0.05")
	f.Add("project", "price=85000&difficulty=1e14&height=1&efficiency=17.5&power_price=0.05&hardware_price=15&difficulty_growth=100&days=3650")
	f.Add("header", "hex="+strings.Repeat("ff", 80))
	f.Add("race", "device_hashrate=1e6&difficulty=1e14&device_watts=0.001")
	f.Fuzz(func(t *testing.T, endpoint, query string) {
		a := Get(Prefix+endpoint, query)
		if a.Status != 200 && a.Status != 400 && a.Status != 404 {
			t.Fatalf("%s?%s: status %d %s", endpoint, query, a.Status, a.Body)
		}
		apischema.Check(t, Prefix+endpoint+"?"+query, a)
		if a.Status != 200 {
			var e struct{ Error struct{ Message string } }
			if json.Unmarshal(a.Body, &e); e.Error.Message == "" {
				t.Fatalf("%s?%s: error without message: %s", endpoint, query, a.Body)
			}
		}
	})
}

// TestPatternsTakeTheExamples: every text parameter's pattern matches its
// example and every value the calculators' examples give it, so the
// document never refuses what the API documents as working.
func TestPatternsTakeTheExamples(t *testing.T) {
	for _, c := range All() {
		m := c.Info()
		for _, p := range m.Params {
			if p.Type != Text || len(p.Enum) > 0 {
				continue
			}
			if p.Pattern == "" {
				t.Errorf("%s %s: a text parameter with no pattern or enum", m.Name, p.Name)
				continue
			}
			re := regexp.MustCompile(p.Pattern)
			values := []string{p.Example}
			for _, e := range m.Examples {
				v, _ := ParseQuery(e)
				values = append(values, v[p.Name]...)
			}
			for _, v := range values {
				if v != "" && !re.MatchString(v) {
					t.Errorf("%s %s: %q does not match %s", m.Name, p.Name, v, p.Pattern)
				}
			}
		}
	}
}
