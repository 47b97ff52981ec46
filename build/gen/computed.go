package gen

import (
	"bytes"
	"fmt"
	"html"
	"strings"

	"github.com/hashswitch/hashswitch/wasm/calc"
	"github.com/hashswitch/hashswitch/wasm/netdata"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Computed is a goldmark extension: a number in prose that a calculator
// computes at build time, so the text and the calculators cannot disagree.
//
//	Hashprice fell to {{hashprice.hashprice_usd_per_ph_day price=82000 fmt=usd}}.
//
// CALC is an API endpoint, KEY a field of its answer (dotted when nested),
// then presets with the API's parameter names and an optional fmt (a show
// tag's kind: usd, pct, ratio, btc, sat, big, integer, number, years, …).
// currency=VND (with usd_vnd, usd_vnd_date and usd_vnd_source for a rate
// of one's own) writes a dollar amount in dong, and times=N writes N times
// the result, as package widget's Inline says:
//
//	An S21 earns {{profit.revenue_usd_per_th_day times=200 currency=VND}} a day.
//
// Value computes it from the figures of the page the parser context
// carries (NewPageContext); an error, or a conversion without a page,
// fails the conversion, so the build.
type Computed struct {
	Value func(s netdata.Snapshot, name, key string, preset calc.Values, kind string) (text, raw string, err error)
}

// Extend implements goldmark.Extender.
func (e *Computed) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithInlineParsers(util.Prioritized(computedParser{}, 90)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(computedRenderer{e.Value}, 500)))
}

// KindComputed is the kind of ComputedNumber nodes.
var KindComputed = ast.NewNodeKind("ComputedNumber")

// ComputedNumber is one {{...}} in a paragraph.
type ComputedNumber struct {
	ast.BaseInline
	Calc, Key, Format string
	Preset            calc.Values
	Page              *PageInfo // the page the parser context carried; nil if none
	Err               error     // a malformed {{...}}, reported when rendering
}

// Kind implements ast.Node.
func (n *ComputedNumber) Kind() ast.NodeKind { return KindComputed }

// Dump implements ast.Node.
func (n *ComputedNumber) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Calc": n.Calc, "Key": n.Key, "Preset": n.Preset.Encode(), "Format": n.Format}, nil)
}

// ParseComputed reads the inside of {{...}}: "calc.key k=v ... fmt=kind".
func ParseComputed(s string) (*ComputedNumber, error) {
	fields := strings.Fields(s)
	if len(fields) == 0 {
		return nil, fmt.Errorf("{{}} names no calculator: write {{calc.key k=v fmt=kind}}")
	}
	name, key, ok := strings.Cut(fields[0], ".")
	if !ok || name == "" || key == "" {
		return nil, fmt.Errorf("{{%s}}: write {{calc.key k=v fmt=kind}}", s)
	}
	n := &ComputedNumber{Calc: name, Key: key, Preset: calc.Values{}}
	for _, f := range fields[1:] {
		k, v, found := strings.Cut(f, "=")
		if !found || k == "" || v == "" {
			return nil, fmt.Errorf("{{%s}}: %q is not key=value", s, f)
		}
		if k == "fmt" {
			n.Format = v
		} else {
			n.Preset.Set(k, v)
		}
	}
	return n, nil
}

type computedParser struct{}

func (computedParser) Trigger() []byte { return []byte{'{'} }

func (computedParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, _ := block.PeekLine()
	if !bytes.HasPrefix(line, []byte("{{")) {
		return nil
	}
	end := bytes.Index(line, []byte("}}"))
	if end < 0 {
		return nil
	}
	inner := string(line[2:end])
	// "{{ " or braces or code inside are not ours: leave them as text.
	if inner != "" && (inner[0] == ' ' || strings.ContainsAny(inner, "{}`")) {
		return nil
	}
	block.Advance(end + 2)
	n, err := ParseComputed(inner)
	if err != nil {
		return &ComputedNumber{Err: err}
	}
	n.Page = pageInfoOf(pc)
	return n
}

type computedRenderer struct {
	value func(s netdata.Snapshot, name, key string, preset calc.Values, kind string) (string, string, error)
}

func (r computedRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindComputed, func(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		n := node.(*ComputedNumber)
		if n.Err != nil {
			return ast.WalkStop, n.Err
		}
		if n.Page == nil {
			return ast.WalkStop, fmt.Errorf("{{%s.%s}}: no page to compute it for: convert with parser.WithContext(NewPageContext(page))", n.Calc, n.Key)
		}
		text, raw, err := r.value(n.Page.Snapshot, n.Calc, n.Key, n.Preset, n.Format)
		if err != nil {
			return ast.WalkStop, fmt.Errorf("{{%s.%s %s}}: %w", n.Calc, n.Key, n.Preset.Encode(), err)
		}
		fmt.Fprintf(w, `<data class="computed" value="%s">%s</data>`, html.EscapeString(raw), html.EscapeString(text))
		return ast.WalkSkipChildren, nil
	})
}
