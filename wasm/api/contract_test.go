package api

import (
	"math/rand/v2"
	"net/http"
	"strings"
	"testing"

	"github.com/hashswitch/hashswitch/internal/apischema"
)

// openAPI is openapi.json as the handler serves it.
func openAPI(t *testing.T) []byte {
	t.Helper()
	rec := do(http.MethodGet, "/api/v1/openapi.json")
	if rec.Code != 200 {
		t.Fatalf("openapi.json: %d", rec.Code)
	}
	return rec.Body.Bytes()
}

// TestOpenAPIStatesTheContract: the document alone says what a request may
// be: a pattern or an enum for every string parameter (hex, bits, time,
// asof had none), the number forms the API accepts (85,000, $85k, 5%: not
// stated before), and named example requests.
func TestOpenAPIStatesTheContract(t *testing.T) {
	doc := openAPI(t)
	for _, form := range []string{"`85,000`", "`$85k`", "`5%`"} {
		if !strings.Contains(string(doc), form) {
			t.Errorf("openapi.json does not say that %s is accepted", form)
		}
	}
	for _, op := range apischema.Operations(t, doc) {
		for _, p := range op.Params {
			s := p.Schema
			switch {
			case s.Type == "string" && s.Pattern == "" && len(s.Enum) == 0:
				t.Errorf("%s %s: a string with no pattern or enum", op.Path, p.Name)
			case (s.Type == "number" || s.Type == "integer") && !strings.Contains(p.Description, "840,000") && !strings.Contains(p.Description, "85,000"):
				t.Errorf("%s %s: the description does not say which forms a number takes: %q", op.Path, p.Name, p.Description)
			}
		}
		if len(op.Examples) == 0 && !strings.HasSuffix(op.Path, "/network") {
			t.Errorf("%s: no named example request", op.Path)
		}
	}
}

// TestOpenAPIExamplesAreRequests builds each operation's example requests
// from the document alone (the values under one example name, taken
// together): each answers 200 with a body its schema allows. For attack,
// convert, hashprice, profit, project and race the parameters' examples
// taken together were no valid request.
func TestOpenAPIExamplesAreRequests(t *testing.T) {
	ops := apischema.Operations(t, openAPI(t))
	n := 0
	for _, op := range ops {
		for name, q := range op.Examples {
			u := op.Path + "?" + q.Encode()
			rec := do(http.MethodGet, u)
			if rec.Code != 200 {
				t.Errorf("%s, %s: %d %s", op.Path, name, rec.Code, rec.Body)
				continue
			}
			if rec.Code == 200 {
				n++
			}
		}
	}
	if n < len(ops) {
		t.Errorf("%d example requests answered for %d operations", n, len(ops))
	}
}

// TestContract drives the handler from openapi.json alone: requests drawn
// from each parameter's schema (type, range, enum, pattern) get 200 with a
// body their schema allows, or a 400 naming a parameter; one parameter of
// a valid request put outside its schema gets 400 naming it.
func TestContract(t *testing.T) {
	doc := openAPI(t)
	ops := apischema.Operations(t, doc)
	n := 200
	if testing.Short() {
		n = 30
	}
	ok := map[string]int{}
	cases := apischema.Cases(ops, rand.New(rand.NewPCG(24, 1)), n)
	for _, c := range cases {
		rec := do(http.MethodGet, c.URL)
		if p := apischema.CheckCase(t, c, ops, rec.Code, rec.Body.Bytes()); p != "" {
			t.Errorf("%s: %s", c.URL, p)
		}
		if rec.Code == 200 {
			path, _, _ := strings.Cut(c.URL, "?")
			ok[path]++
		}
	}
	for _, op := range ops {
		if ok[op.Path] < n/20 {
			t.Errorf("%s: %d of %d random requests answered 200: the run tests too little", op.Path, ok[op.Path], n)
		}
	}
	t.Logf("%d requests, 200s per operation %v", len(cases), ok)
}
