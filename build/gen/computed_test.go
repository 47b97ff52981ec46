package gen

import (
	"bytes"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/testutil"

	"github.com/hashswitch/hashswitch/wasm/locale"
	"github.com/hashswitch/hashswitch/wasm/netdata"
)

// TestComputedSpec runs testdata/computed.txt: Markdown with {{...}} in,
// the exact HTML out, every number computed by the calculators.
func TestComputedSpec(t *testing.T) {
	testutil.DoTestCaseFile(onPage{markdown(locale.EN, nil, nil), PageInfo{Snapshot: netdata.Committed()}}, filepath.Join("testdata", "computed.txt"), t)
}

// onPage converts every document as part of page, the way the build
// converts an explainer.
type onPage struct {
	goldmark.Markdown
	page PageInfo
}

func (m onPage) Convert(src []byte, w io.Writer, opts ...parser.ParseOption) error {
	return m.Markdown.Convert(src, w, append(opts, parser.WithContext(NewPageContext(m.page)))...)
}

// TestComputedErrors: a wrong calculator, key, preset or format fails the
// conversion, so the build, with a message that names it.
func TestComputedErrors(t *testing.T) {
	md := onPage{markdown(locale.EN, nil, nil), PageInfo{Snapshot: netdata.Committed()}}
	for _, c := range []struct{ src, says string }{
		{"{{nothing.x}}", `no calculator "nothing"`},
		{"{{hashprice.hashprise_usd_per_ph_day}}", `no field "hashprise_usd_per_ph_day"`},
		{"{{hashprice.hashprice_usd_per_ph_day fmt=dollars}}", `no format "dollars"`},
		{"{{hashprice.hashprice_usd_per_ph_day prize=1}}", `no parameter "prize"`},
		{"{{hashprice.hashprice_usd_per_ph_day price=-1}}", "price: must be a positive number"},
		{"{{hashprice}}", "write {{calc.key"},
		{"{{hashprice.difficulty price}}", `"price" is not key=value`},
		{"{{}}", "names no calculator"},
		{"{{hashprice.hashprice_usd_per_ph_day currency=EUR}}", "currency: must be USD or VND"},
		{"{{hashprice.fee_share_pct currency=VND}}", "apply to an amount in dollars"},
		{"{{hashprice.hashprice_usd_per_ph_day times=-2}}", "times: must be a positive number"},
	} {
		err := md.Convert([]byte(c.src), &bytes.Buffer{})
		if err == nil || !strings.Contains(err.Error(), c.says) {
			t.Errorf("%s: %v, want an error saying %s", c.src, err, c.says)
		}
	}
	// Without a page, there are no figures to compute from.
	if err := md.Markdown.Convert([]byte("{{hashprice.difficulty}}"), &bytes.Buffer{}); err == nil || !strings.Contains(err.Error(), "no page") {
		t.Errorf("a conversion without a page: %v", err)
	}
}
