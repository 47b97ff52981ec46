package gen

import (
	"fmt"
	"strings"

	"github.com/hashswitch/hashswitch/wasm/calc"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// CalcFence is a goldmark extension: a fenced block whose info string is
// "calc NAME" and optional key=value presets,
//
//	```calc profit power_price=0.035 pool_fee=0
//	```
//
// becomes a Calc node, and Render writes the calculator in its place. A
// value may be quoted, with spaces: title="At $160 per kW" is the
// calculator's title on the page, which tells it from the page's others.
// The
// block's body is ignored. Each node has an id unique in its document
// (NAME-1, NAME-2, …) and the page the parser context carries
// (NewPageContext), so one converter serves every page; CalcsIn lists the
// document's calculators after the conversion.
type CalcFence struct {
	Render func(w util.BufWriter, c *Calc) error
}

// Extend implements goldmark.Extender.
func (e *CalcFence) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(calcTransformer{}, 500)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(calcRenderer{e.Render}, 500)))
}

// KindCalc is the kind of Calc nodes.
var KindCalc = ast.NewNodeKind("Calc")

// Calc is a calculator in a document.
type Calc struct {
	ast.BaseBlock
	Name   string
	ID     string // NAME-N: the Nth calculator of that name in the document
	Preset calc.Values
	Title  string    // the fence's title=, "" for the calculator's own
	Page   *PageInfo // the page the parser context carried; nil if none
	Err    error     // a malformed preset, reported when rendering
}

// Kind implements ast.Node.
func (n *Calc) Kind() ast.NodeKind { return KindCalc }

// Dump implements ast.Node.
func (n *Calc) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Name": n.Name, "ID": n.ID, "Preset": n.Preset.Encode()}, nil)
}

// ParseCalcInfo reads a fence's info string: "calc NAME k=v ...". ok is
// false for other fences.
func ParseCalcInfo(info string) (name string, preset calc.Values, ok bool, err error) {
	fields, quoted := infoFields(info)
	if len(fields) == 0 || fields[0] != "calc" {
		return "", nil, false, nil
	}
	if !quoted {
		return "", nil, true, fmt.Errorf("calc fence %q: a quote is not closed", info)
	}
	if len(fields) < 2 {
		return "", nil, true, fmt.Errorf("calc fence without a calculator name")
	}
	preset = calc.Values{}
	for _, f := range fields[2:] {
		k, v, found := strings.Cut(f, "=")
		if !found || k == "" {
			return fields[1], nil, true, fmt.Errorf("calc %s: preset %q is not key=value", fields[1], f)
		}
		preset.Set(k, v)
	}
	return fields[1], preset, true, nil
}

// infoFields splits a fence's info string at spaces, except inside
// double quotes, which it drops: key="a b" is one field, key=a b. closed is
// false when a quote is left open.
func infoFields(info string) (fields []string, closed bool) {
	var b strings.Builder
	in, started := false, false
	for _, r := range info {
		switch {
		case r == '"':
			in, started = !in, true
		case !in && (r == ' ' || r == '\t'):
			if started {
				fields = append(fields, b.String())
				b.Reset()
				started = false
			}
		default:
			b.WriteRune(r)
			started = true
		}
	}
	if started {
		fields = append(fields, b.String())
	}
	return fields, !in
}

type calcTransformer struct{}

func (calcTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	source := reader.Source()
	var fences []*ast.FencedCodeBlock
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if f, ok := n.(*ast.FencedCodeBlock); ok && entering && f.Info != nil {
			fences = append(fences, f)
		}
		return ast.WalkContinue, nil
	})
	page := pageInfoOf(pc)
	var calcs []*Calc
	seen := map[string]int{} // calculators of each name so far
	for _, f := range fences {
		name, preset, ok, err := ParseCalcInfo(string(f.Info.Segment.Value(source)))
		if !ok {
			continue
		}
		seen[name]++
		title := preset.Get("title")
		preset.Del("title")
		c := &Calc{Name: name, ID: fmt.Sprintf("%s-%d", name, seen[name]), Preset: preset, Title: title, Page: page, Err: err}
		calcs = append(calcs, c)
		f.Parent().ReplaceChild(f.Parent(), f, c)
	}
	pc.Set(calcsKey, calcs)
}

type calcRenderer struct {
	render func(w util.BufWriter, c *Calc) error
}

func (r calcRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindCalc, func(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		c := n.(*Calc)
		if c.Err != nil {
			return ast.WalkStop, c.Err
		}
		return ast.WalkSkipChildren, r.render(w, c)
	})
}
