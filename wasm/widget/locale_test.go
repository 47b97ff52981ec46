package widget

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/hashswitch/hashswitch/wasm/calc"
	"github.com/hashswitch/hashswitch/wasm/human"
	"github.com/hashswitch/hashswitch/wasm/locale"
	"github.com/hashswitch/hashswitch/wasm/netdata"
	"github.com/hashswitch/hashswitch/wasm/present"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// TestRenderInVietnamese renders the hashprice calculator for a reader of
// Vietnamese, from numbers typed the Vietnamese way, against a golden
// file, and checks that it computes exactly what English input computes
// and that its link is in the API's form.
func TestRenderInVietnamese(t *testing.T) {
	w := Lookup("hashprice")
	vi := w.RenderIn(netdata.Committed(), w.Typed("price=85.000&fees=0,02", locale.VI), locale.VI)
	en := w.Render(netdata.Committed(), "price=85000&fees=0.02")
	if vi.Status != 200 || en.Status != 200 {
		t.Fatalf("%+v %+v", vi.Error, en.Error)
	}
	var b strings.Builder
	for i, v := range vi.Values {
		if v.Raw != en.Values[i].Raw {
			t.Errorf("%s: %v in Vietnamese, %v in English", v.Key, v.Raw, en.Values[i].Raw)
		}
		fmt.Fprintf(&b, "%s\t%s\t%s\n", locale.VI.T(w.Outputs[i].Label), v.Text, present.New(locale.VI, nil).Unit(w.Outputs[i].Unit))
	}
	if got, _ := w.RenderIn(netdata.Committed(), vi.Query, locale.EN).Values[0].Raw.(float64); got != en.Values[0].Raw {
		t.Errorf("the Vietnamese link %q computes %v in English", vi.Query, got)
	}
	// Ticks lose the dollar sign (the axis says USD) and abbreviate the
	// Vietnamese way; the marker's amount is written as the outputs are.
	for _, want := range []string{"Hashprice khi giá bitcoin thay đổi", "Giá bitcoin (USD)", "hiện tại 35,32 USD", ">100 nghìn<"} {
		if !strings.Contains(vi.Chart, want) || !strings.Contains(vi.ChartNarrow, want) {
			t.Errorf("the Vietnamese chart lacks %q", want)
		}
	}
	if strings.Contains(vi.Chart, "as the bitcoin price moves") || strings.Contains(vi.Table, "Bitcoin price") || strings.Contains(vi.Chart+vi.Table, "$") {
		t.Error("the Vietnamese chart or its table is in English")
	}
	golden := filepath.Join("testdata", "hashprice.vi.golden")
	if *update {
		os.MkdirAll("testdata", 0o755)
		os.WriteFile(golden, []byte(b.String()), 0o644)
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (go test ./wasm/widget -run Vietnamese -update writes it)", err)
	}
	if b.String() != string(want) {
		t.Errorf("the Vietnamese hashprice calculator:\n%s\nwant (%s):\n%s", b.String(), golden, want)
	}
}

// TestErrorsInVietnamese: a reader of Vietnamese is told what to type in
// Vietnamese, with the unit translated and numbers in the Vietnamese
// style, and the field named; the API's message stays English.
func TestErrorsInVietnamese(t *testing.T) {
	w := Lookup("hashprice")
	for query, want := range map[string]string{
		"price=abc":      "hãy nhập một số tính bằng USD mỗi BTC, ví dụ 85.000, bạn nhập",
		"price=-5":       "phải là một số dương, tối đa",
		"hashrate=1e300": "bạn nhập 1e+300",
	} {
		vi := w.RenderIn(netdata.Committed(), w.Typed(query, locale.VI), locale.VI)
		en := w.Render(netdata.Committed(), query)
		if vi.Error == nil || en.Error == nil || vi.Error.Field != en.Error.Field {
			t.Fatalf("%s: %+v / %+v", query, vi.Error, en.Error)
		}
		if !strings.Contains(vi.Error.Message, want) || vi.Error.Message == en.Error.Message {
			t.Errorf("%s: %q (English: %q), want it to contain %q", query, vi.Error.Message, en.Error.Message, want)
		}
	}
	// 1.5 is not a number in Vietnamese (1,5 is): the reader is shown what
	// they typed, not the form it took on its way to the calculator.
	r := w.RenderIn(netdata.Committed(), w.Typed("fees=1.5", locale.VI), locale.VI)
	if r.Error == nil || !strings.HasSuffix(r.Error.Message, `bạn nhập "1.5"`) {
		t.Errorf("fees typed 1.5 in Vietnamese: %+v", r.Error)
	}
}

// TestVietnameseDates: a day as Vietnamese newspapers write it.
func TestVietnameseDates(t *testing.T) {
	s := netdata.Committed()
	f := FreshnessIn(s, time.Unix(s.Time, 0).Add(36*time.Hour), FromBuild, locale.VI)
	if f.Text != "Số liệu ngày 25 tháng 11 năm 2025, cách đây 1 ngày" {
		t.Errorf("%q", f.Text)
	}
	if got := present.New(locale.VI, nil).Value(calc.AsDate, float64(1839000000)); got != "10 tháng 4 năm 2028, 17:20 UTC" {
		t.Errorf("%q", got)
	}
}

// TestSaysWhatItUnderstood: a number typed with separators, a suffix or a
// currency sign is read back plainly, in the reader's style; a plain one
// needs no word.
func TestSaysWhatItUnderstood(t *testing.T) {
	w := Lookup("hashprice")
	vi := w.RenderIn(netdata.Committed(), w.Typed("price=85.000&fees=0,02&hashrate=1.069", locale.VI), locale.VI)
	en := w.RenderIn(netdata.Committed(), "price=$85k&fees=0.02&hashrate=1,069", locale.EN)
	want := map[string][]Understood{
		"vi": {{"price", "85000"}, {"hashrate", "1069"}},
		"en": {{"price", "85000"}, {"hashrate", "1069"}},
	}
	if !slices.Equal(vi.Understood, want["vi"]) || !slices.Equal(en.Understood, want["en"]) {
		t.Errorf("vi %+v, en %+v", vi.Understood, en.Understood)
	}
	if r := w.RenderIn(netdata.Committed(), w.Typed("fees=0,5", locale.VI), locale.VI); len(r.Understood) != 0 {
		t.Errorf("0,5 typed in Vietnamese is plain there: %+v", r.Understood)
	}
}

// TestDong shows the hashprice calculator's dollars in dong at a rate the
// query gives with its date and source: each amount is the dollar result
// times the rate, the rate's line names its source and
// day, and the links keep the dong; a rate missing its date is refused by
// name.
func TestDong(t *testing.T) {
	w := Lookup("hashprice")
	const rate = "usd_vnd=26345&usd_vnd_date=2025-11-25&usd_vnd_source=Vietcombank"
	vi := w.RenderIn(netdata.Committed(), "currency=VND&"+rate, locale.VI)
	usd := w.Render(netdata.Committed(), "")
	if vi.Error != nil {
		t.Fatal(vi.Error)
	}
	lead := usd.Values[0].Raw.(float64)
	if want := human.Vietnamese.Dong(lead * 26345); vi.Values[0].Text != want || !strings.HasSuffix(want, " đồng") {
		t.Errorf("hashprice %q, want %q", vi.Values[0].Text, want)
	}
	if vi.Values[0].Raw != usd.Values[0].Raw {
		t.Errorf("raw %v, in dollars %v", vi.Values[0].Raw, usd.Values[0].Raw)
	}
	if vi.Rate != "Số tiền tính bằng VND theo tỷ giá 26.345 đồng mỗi đô la Mỹ (Vietcombank, 25 tháng 11 năm 2025)" {
		t.Errorf("rate line %q", vi.Rate)
	}
	if !strings.Contains(vi.Query, "currency=VND") || !strings.Contains(vi.Query, "usd_vnd_source=Vietcombank") {
		t.Errorf("the link %q loses the dong", vi.Query)
	}
	// The chart's dollar axes in dong: the price axis and hashprice scaled,
	// labelled VND, the marker at the scenario's amount in dong.
	for _, want := range []string{"Giá bitcoin (VND)", "VND mỗi PH/s mỗi ngày", ">2 tỷ<", "hiện tại " + vi.Values[0].Text + "<"} {
		if !strings.Contains(vi.Chart, want) {
			t.Errorf("the chart in dong lacks %q", want)
		}
	}
	if strings.Contains(vi.Chart+vi.Table, "USD") {
		t.Error("the chart in dong still says USD")
	}
	// Without a rate in the query, the figures' own: the committed
	// snapshot's is Vietcombank's selling rate on its day.
	own := w.RenderIn(netdata.Committed(), "currency=VND", locale.VI)
	if own.Error != nil || own.Values[0].Text != human.Vietnamese.Dong(lead*26_403) ||
		own.Rate != "Số tiền tính bằng VND theo tỷ giá 26.403 đồng mỗi đô la Mỹ (Vietcombank, 25 tháng 11 năm 2025)" {
		t.Errorf("at the figures' rate: %+v %q", own.Error, own.Rate)
	}
	if en := w.Render(netdata.Committed(), "currency=vnd"); en.Rate != "Amounts in VND at 26,403 dong per US dollar (Vietcombank, 25 Nov 2025)" {
		t.Errorf("in English: %q", en.Rate)
	}
	// A live rate is dated by Vietnam's clock: 23:30 UTC is the next day there.
	liveSnap := netdata.Committed()
	liveSnap.UsdVnd = 26_500
	liveSnap.Figures = map[string]netdata.Figure{netdata.FigUsdVnd: {Time: time.Date(2026, 11, 25, 23, 30, 0, 0, time.UTC).Unix()}}
	if r := w.Render(liveSnap, "currency=VND"); !strings.HasSuffix(r.Rate, "(Vietcombank, 26 Nov 2026)") || r.Values[0].Raw != usd.Values[0].Raw {
		t.Errorf("live rate: %q", r.Rate)
	}
	noRate := netdata.Committed()
	noRate.UsdVnd = 0
	if r := w.RenderIn(noRate, "currency=VND", locale.VI); r.Error == nil || r.Error.Field != "usd_vnd" || !strings.Contains(r.Error.Message, "usd_vnd_date") {
		t.Errorf("no rate anywhere: %+v", r.Error)
	}
	for query, field := range map[string]string{
		"currency=VND&usd_vnd=26345":     "usd_vnd_date",
		"currency=EUR":                   "currency",
		"currency=VND&usd_vnd=3&" + rate: "usd_vnd",
	} {
		if r := w.RenderIn(netdata.Committed(), query, locale.VI); r.Error == nil || r.Error.Field != field || r.Error.Message == "" {
			t.Errorf("%s: %+v", query, r.Error)
		}
	}
	if r := w.Render(netdata.Committed(), "currency=USD"); r.Error != nil || r.Rate != "" {
		t.Errorf("dollars: %+v %q", r.Error, r.Rate)
	}
}

// TestDongChartWithSharedX: the profit chart's two lines share their x
// values (power prices); in dong each is scaled once, so the axis runs
// from 0.02 to 0.10 USD per kWh times the rate and the marker sits on it,
// not at the rate squared with the marker off the chart.
func TestDongChartWithSharedX(t *testing.T) {
	r := Lookup("profit").RenderIn(netdata.Committed(), "power_price=0.083478&currency=VND", locale.VI)
	if r.Error != nil {
		t.Fatal(r.Error)
	}
	if strings.Contains(r.Chart, " tr<") || !strings.Contains(r.Chart, ">1000<") || !strings.Contains(r.Chart, ">2500<") {
		t.Errorf("the power axis in dong is not 528 to 2,640 dong per kWh:\n%s", r.Chart)
	}
	if strings.Contains(r.Chart, `cx="-`) {
		t.Error("the marker is off the chart")
	}
}

// TestErrorShownAsASentence: the message a page shows for an error is the
// error's message as a sentence, in either language, for a field's error,
// an error of the currency's rate and a malformed URL; a good scenario
// has none.
func TestErrorShownAsASentence(t *testing.T) {
	w := Lookup("hashprice")
	for _, c := range []struct {
		lang         locale.Tag
		query, start string
	}{
		{locale.EN, "price=abc", "Type a number in USD per BTC"},
		{locale.VI, "price=abc", "Hãy nhập một số"},
		{locale.EN, "price=%zz", "The URL's parameters are malformed"},
		{locale.VI, "currency=VND&usd_vnd=abc", "Phải là số đồng"},
	} {
		r := w.RenderIn(netdata.Committed(), c.query, c.lang)
		if r.Error == nil {
			t.Fatalf("%s in %s: no error", c.query, c.lang)
		}
		first, n := utf8.DecodeRuneInString(r.Error.Message)
		if !strings.HasPrefix(r.Shown, c.start) || r.Shown != strings.ToUpper(string(first))+r.Error.Message[n:] {
			t.Errorf("%s in %s: shown %q for the message %q, want it to begin %q", c.query, c.lang, r.Shown, r.Error.Message, c.start)
		}
	}
	if r := w.Render(netdata.Committed(), "price=90000"); r.Error != nil || r.Shown != "" {
		t.Errorf("a good scenario: %+v, shown %q", r.Error, r.Shown)
	}
}
