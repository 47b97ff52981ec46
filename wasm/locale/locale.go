// Package locale is the site's languages: English, in which every string
// is written, and Vietnamese, from a catalog a translator edits in one
// place: vi.json, each English string beside its translation. Numbers are
// written in each language's style (package human). Pure Go; it must never
// import syscall/js.
package locale

import (
	_ "embed"
	"strings"
	"sync"

	"github.com/hashswitch/hashswitch/wasm/internal/tinyjson"

	"github.com/hashswitch/hashswitch/wasm/human"
)

// A Tag names a language as BCP 47 does, and as the site's URLs do (/vi/).
type Tag string

// The site's languages, English first.
const (
	EN Tag = "en"
	VI Tag = "vi"
)

// Tags lists them.
var Tags = []Tag{EN, VI}

// Parse reads a language tag ("vi", "vi-VN", "EN"); ok is false for a
// language the site does not have.
func Parse(s string) (t Tag, ok bool) {
	base, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(s)), "-")
	for _, t := range Tags {
		if string(t) == base {
			return t, true
		}
	}
	return EN, false
}

//go:embed vi.json
var viJSON []byte

// catalogs hold the translations out of English, each read on its first
// use: an English page never spends its start parsing Vietnamese
// (BENCH.md, 26 November 2026).
var catalogs = map[Tag]func() map[string]string{VI: sync.OnceValue(func() map[string]string { return mustCatalog(viJSON) })}

func mustCatalog(data []byte) map[string]string {
	var c map[string]string
	if err := tinyjson.Unmarshal(data, &c); err != nil {
		panic("locale: a catalog is not JSON: " + err.Error()) // every test fails
	}
	return c
}

// T translates an English string; a string the catalog lacks stays English
// (the catalog test fails on every such string the site shows).
func (t Tag) T(en string) string {
	if s, ok := t.Catalog()[en]; ok {
		return s
	}
	return en
}

// Catalog is t's translations, English to t; nil for English.
func (t Tag) Catalog() map[string]string {
	if c := catalogs[t]; c != nil {
		return c()
	}
	return nil
}

// Style is how t writes numbers.
func (t Tag) Style() *human.Style {
	if t == VI {
		return human.Vietnamese
	}
	return human.English
}

// Typed turns a number as a reader of t types it into the form the API
// reads: in Vietnamese "85.000,5" is "85,000.5". The two styles differ
// only in swapping the point and the comma, so the same swap also writes
// an API value ("0.02") for a Vietnamese form ("0,02").
func (t Tag) Typed(s string) string {
	if t != VI {
		return s
	}
	return swap(s)
}

// Shown is the inverse of Typed: an API value as t's reader reads it.
func (t Tag) Shown(s string) string { return t.Typed(s) }

func swap(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case '.':
			return ','
		case ',':
			return '.'
		}
		return r
	}, s)
}
