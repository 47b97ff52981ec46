package gen

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// BlockFence is a goldmark extension: a fenced block whose info string is
// Info ("deals", "history") becomes what Render writes for the page (nil
// when the conversion carries none): the table of deals, the chart of
// hashprice through time.
type BlockFence struct {
	Info   string
	Render func(w util.BufWriter, page *PageInfo) error
}

// Extend implements goldmark.Extender.
func (e *BlockFence) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(blockTransformer{e}, 500)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(blockRenderer{}, 500)))
}

// KindBlock is the kind of the Block node.
var KindBlock = ast.NewNodeKind("Block")

// Block is a block a BlockFence renders.
type Block struct {
	ast.BaseBlock
	fence *BlockFence
	page  *PageInfo
}

// Kind implements ast.Node.
func (n *Block) Kind() ast.NodeKind { return KindBlock }

// Dump implements ast.Node.
func (n *Block) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Info": n.fence.Info}, nil)
}

type blockTransformer struct{ fence *BlockFence }

func (t blockTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	var fences []*ast.FencedCodeBlock
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if f, ok := n.(*ast.FencedCodeBlock); ok && entering && f.Info != nil && string(f.Info.Segment.Value(reader.Source())) == t.fence.Info {
			fences = append(fences, f)
		}
		return ast.WalkContinue, nil
	})
	for _, f := range fences {
		f.Parent().ReplaceChild(f.Parent(), f, &Block{fence: t.fence, page: pageInfoOf(pc)})
	}
}

// blockRenderer renders every Block with its own fence's Render.
type blockRenderer struct{}

func (blockRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindBlock, func(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		b := n.(*Block)
		return ast.WalkSkipChildren, b.fence.Render(w, b.page)
	})
}
