package gen

import (
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"go.abhg.dev/goldmark/frontmatter"
)

// FrontMatter is the head of a content file, YAML between two "---" lines
// (or TOML between "+++" lines), read by goldmark's frontmatter extension:
//
//	---
//	title: "Hashprice: explained"
//	description: From difficulty to dollars.
//	date: 2025-11-28
//	order: 2
//	sources:
//	  - Hashrate Index, hashprice, 2025-11-21
//	---
type FrontMatter struct {
	Title       string   `yaml:"title" toml:"title"`
	Description string   `yaml:"description" toml:"description"`
	Date        string   `yaml:"date" toml:"date"`
	Order       int      `yaml:"order" toml:"order"`     // place in the menu; 0 keeps a page out of it
	Nav         string   `yaml:"nav" toml:"nav"`         // the menu's label; Title when empty
	Sources     []string `yaml:"sources" toml:"sources"` // Markdown, listed under the article
	// AsOf dates the figures the page computes from, its prose
	// ({{calc.key}}) and its calculators alike: a committed snapshot; the
	// build's when empty.
	AsOf string `yaml:"asof" toml:"asof"`
}

// frontMatterKeys are the keys FrontMatter has; any other is a typo.
var frontMatterKeys = func() map[string]bool {
	keys := map[string]bool{}
	t := reflect.TypeFor[FrontMatter]()
	for i := 0; i < t.NumField(); i++ {
		keys[t.Field(i).Tag.Get("yaml")] = true
	}
	return keys
}()

// frontMatterParser only reads front matter; the page's converter has the
// same extension, which drops the block from the HTML.
var frontMatterParser = goldmark.New(goldmark.WithExtensions(&frontmatter.Extender{})).Parser()

// ParseFrontMatter reads a content file's front matter. It must be there,
// have a title and a description, and no key FrontMatter lacks.
func ParseFrontMatter(src []byte) (FrontMatter, error) {
	var fm FrontMatter
	ctx := parser.NewContext()
	frontMatterParser.Parse(text.NewReader(src), parser.WithContext(ctx))
	data := frontmatter.Get(ctx)
	if data == nil {
		return fm, errors.New("no front matter: the file must start with a --- line, and the block end with another")
	}
	var raw map[string]any
	if err := data.Decode(&raw); err != nil {
		return fm, fmt.Errorf("front matter: %w", err)
	}
	var unknown []string
	for k := range raw {
		if !frontMatterKeys[k] {
			unknown = append(unknown, k)
		}
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		return fm, fmt.Errorf("front matter: unknown key %s", strings.Join(unknown, ", "))
	}
	if err := data.Decode(&fm); err != nil {
		return fm, fmt.Errorf("front matter: %w", err)
	}
	if fm.Title == "" || fm.Description == "" {
		return fm, errors.New("front matter needs a title and a description")
	}
	return fm, nil
}
