package gen

import (
	"bufio"
	"bytes"
	"fmt"
	"strconv"
	"strings"
)

// FrontMatter is the head of a content file, between two "---" lines:
//
//	---
//	title: Hashprice, explained
//	description: From difficulty to dollars.
//	date: 2025-11-28
//	order: 2
//	sources:
//	  - Hashrate Index, hashprice, 2025-11-21
//	---
type FrontMatter struct {
	Title       string
	Description string
	Date        string
	Order       int      // place in the menu; 0 keeps a page out of it
	Nav         string   // the menu's label; Title when empty
	Sources     []string // Markdown, listed under the article
}

// ParseFrontMatter splits a content file into its front matter and body.
func ParseFrontMatter(src []byte) (FrontMatter, []byte, error) {
	var fm FrontMatter
	rest, ok := bytes.CutPrefix(src, []byte("---\n"))
	if !ok {
		return fm, nil, fmt.Errorf("no front matter: the file must start with a --- line")
	}
	head, body, ok := bytes.Cut(rest, []byte("\n---\n"))
	if !ok {
		return fm, nil, fmt.Errorf("front matter has no closing --- line")
	}
	sc := bufio.NewScanner(bytes.NewReader(head))
	var list *[]string
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		if strings.TrimSpace(text) == "" {
			continue
		}
		if item, ok := strings.CutPrefix(strings.TrimSpace(text), "- "); ok && list != nil && strings.HasPrefix(text, " ") {
			*list = append(*list, strings.TrimSpace(item))
			continue
		}
		key, value, ok := strings.Cut(text, ":")
		if !ok {
			return fm, nil, fmt.Errorf("front matter line %d: want key: value, got %q", line, text)
		}
		value = strings.TrimSpace(value)
		list = nil
		switch strings.TrimSpace(key) {
		case "title":
			fm.Title = value
		case "description":
			fm.Description = value
		case "date":
			fm.Date = value
		case "nav":
			fm.Nav = value
		case "order":
			n, err := strconv.Atoi(value)
			if err != nil {
				return fm, nil, fmt.Errorf("front matter line %d: order must be a whole number, got %q", line, value)
			}
			fm.Order = n
		case "sources":
			list = &fm.Sources
		default:
			return fm, nil, fmt.Errorf("front matter line %d: unknown key %q", line, key)
		}
	}
	if fm.Title == "" || fm.Description == "" {
		return fm, nil, fmt.Errorf("front matter needs a title and a description")
	}
	return fm, body, nil
}
