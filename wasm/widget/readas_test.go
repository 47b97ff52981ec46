package widget

import (
	"encoding/json"
	"slices"
	"strconv"
	"testing"

	"github.com/hashswitch/hashswitch/wasm/calc"
	"github.com/hashswitch/hashswitch/wasm/locale"
	"github.com/hashswitch/hashswitch/wasm/netdata"
)

// TestReadAsTheOtherStyle: a number typed as the other language groups
// thousands ("95.000" in English, "85,000" in Vietnamese) is read as the
// decimal it is in the reader's language, and the form says so, as it
// does for "$95k": its note's number is the price the API computes with.
// Decimals written plainly ("0.065", "17.5", "85000"), and three decimals
// that could not be thousands (a subsidy of 3.125 BTC), get no note.
func TestReadAsTheOtherStyle(t *testing.T) {
	w := Lookup("hashprice")
	for _, c := range []struct {
		lang        locale.Tag
		typed, note string
	}{
		{locale.EN, "95.000", "95"},
		{locale.VI, "85,000", "85"},
		{locale.EN, "$95k", "95000"},
		{locale.VI, "85.000", "85000"},
		{locale.EN, "0.065", ""},
		{locale.EN, "17.5", ""},
		{locale.EN, "85000", ""},
		{locale.VI, "0,065", ""},
		{locale.EN, "1.2345", ""},
	} {
		// The subsidy with it, as typed: 3.125 BTC could not be 3,125.
		r := w.RenderIn(netdata.Committed(), w.Typed("price="+c.typed+"&subsidy="+c.lang.Shown("3.125"), c.lang), c.lang)
		if r.Error != nil {
			t.Fatalf("%s %q: %+v", c.lang, c.typed, r.Error)
		}
		var want []Understood
		if c.note != "" {
			want = []Understood{{"price", c.note}}
		}
		if !slices.Equal(r.Understood, want) {
			t.Errorf("%s %q: notes %+v, want %+v", c.lang, c.typed, r.Understood, want)
		}
		var api struct {
			Price float64 `json:"price_usd"`
		}
		json.Unmarshal(calc.GetURL(r.APIURL).Body, &api)
		if c.note != "" && c.lang.Typed(c.note) != strconv.FormatFloat(api.Price, 'f', -1, 64) {
			t.Errorf("%s %q: the note says %s, the API computed with %v", c.lang, c.typed, c.note, api.Price)
		}
	}
}
