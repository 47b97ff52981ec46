package widget

import (
	"encoding/json"
	"encoding/xml"
	"math"
	"net/url"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/hashswitch/hashswitch/wasm/calc"
	"github.com/hashswitch/hashswitch/wasm/human"
	"github.com/hashswitch/hashswitch/wasm/locale"
	"github.com/hashswitch/hashswitch/wasm/netdata"
)

// TestEveryOutputIsWritten: every calculator computes its default
// scenario, every output has a value, and the chart and table are XML.
func TestEveryOutputIsWritten(t *testing.T) {
	for _, w := range Widgets() {
		r := w.Render(netdata.Committed(), "")
		if r.Status != 200 || r.Error != nil {
			t.Errorf("%s: %d %+v", w.Name, r.Status, r.Error)
			continue
		}
		for _, v := range r.Values {
			if v.Raw == nil && v.Text != "Never pays back" || v.Text == "—" || v.Text == "" {
				t.Errorf("%s: %s has no value: %q", w.Name, v.Key, v.Text)
			}
		}
		if w.Calc.Info().Widget != "" {
			if err := xml.Unmarshal([]byte(r.Chart), new(struct{})); err != nil || !strings.Contains(r.Chart, "<path") && !strings.Contains(r.Chart, "<rect") {
				t.Errorf("%s: chart %v %s", w.Name, err, r.Chart)
			}
			if err := xml.Unmarshal([]byte(r.Table), new(struct{})); err != nil {
				t.Errorf("%s: table %v", w.Name, err)
			}
		}
		// The outputs, read from the typed result, are the fields of the
		// same name in the API's JSON for the same parameters.
		var answer map[string]any
		a := calc.GetURL(r.APIURL)
		if err := json.Unmarshal(a.Body, &answer); err != nil || a.Status != 200 {
			t.Fatalf("%s: %d %s", r.APIURL, a.Status, a.Body)
		}
		for _, v := range r.Values {
			got, present := jsonPath(answer, v.Key)
			if !present {
				t.Errorf("%s: output %s is no field of the API's answer", w.Name, v.Key)
				continue
			}
			raw, _ := json.Marshal(v.Raw)
			var rawAsJSON any
			json.Unmarshal(raw, &rawAsJSON)
			if !reflect.DeepEqual(got, rawAsJSON) {
				t.Errorf("%s: %s is %v, the API says %v", w.Name, v.Key, v.Raw, got)
			}
		}
	}
}

// jsonPath follows a dotted key into a decoded JSON object.
func jsonPath(m map[string]any, key string) (any, bool) {
	var v any = m
	for _, part := range strings.Split(key, ".") {
		obj, ok := v.(map[string]any)
		if !ok {
			return nil, false
		}
		if v, ok = obj[part]; !ok {
			return nil, false
		}
	}
	return v, true
}

// TestSnapshotMatchesTheFacts checks the default scenario against the
// figures the explainers quote.
func TestSnapshotMatchesTheFacts(t *testing.T) {
	r := Lookup("hashprice").Render(netdata.Committed(), "")
	hp := r.Values[0].Raw.(float64)
	if hp < 35 || hp > 37 {
		t.Errorf("snapshot hashprice %v, the press said about $35-36", hp)
	}
	r = Lookup("profit").Render(netdata.Committed(), "pool_fee=0&uptime=100&mining_pue=1")
	for _, v := range r.Values {
		if v.Key == "cost_per_btc" {
			if c := v.Raw.(float64); c < 48000 || c > 51000 {
				t.Errorf("power cost per BTC %v, the claim is about $50,000", c)
			}
		}
	}
}

func TestBadInputNamesTheField(t *testing.T) {
	r := Lookup("hashprice").Render(netdata.Committed(), "price=abc")
	if r.Status != 400 || r.Error == nil || r.Error.Field != "price" || len(r.Values) != 0 {
		t.Errorf("%+v", r)
	}
	r = Lookup("hashprice").Render(netdata.Committed(), "price=")
	if r.Error == nil || r.Error.Field != "price" {
		t.Errorf("empty price: %+v", r)
	}
	if r := Lookup("header").Render(netdata.Committed(), "hex=00"); r.Error == nil || r.Error.Field != "hex" {
		t.Errorf("short header: %+v", r)
	}
	if r := Lookup("hashprice").Render(netdata.Committed(), "%zz"); r.Status != 400 || r.Error == nil {
		t.Errorf("malformed query: %+v", r)
	}
}

func TestPresetsAndForeignParameters(t *testing.T) {
	r := Lookup("hashprice").Render(netdata.Committed(), "price=42500&dark=true&calc=hashprice")
	q, _ := url.ParseQuery(r.Query)
	if q.Get("price") != "42500" || q.Has("dark") || q.Has("calc") || q.Get("fees") != "0.02" {
		t.Errorf("query %s", r.Query)
	}
	if !strings.HasPrefix(r.Query, "price=42500&hashrate=") {
		t.Errorf("parameters not in the inputs' order: %s", r.Query)
	}
	half := Lookup("hashprice").Render(netdata.Committed(), "price=42500").Values[0].Raw.(float64)
	full := Lookup("hashprice").Render(netdata.Committed(), "price=85000").Values[0].Raw.(float64)
	if d := half*2 - full; d > 1e-9 || d < -1e-9 {
		t.Errorf("half the price, hashprice %v vs %v", half, full)
	}
}

func TestInputsAreAPIParameters(t *testing.T) {
	for _, w := range Widgets() {
		seen := map[string]bool{}
		for _, in := range w.Inputs {
			if seen[in.Name] {
				t.Errorf("%s: input %s twice", w.Name, in.Name)
			}
			seen[in.Name] = true
			// Changing any one input to garbage must be refused by name.
			r := w.Render(netdata.Committed(), url.Values{in.Name: {"garbage"}}.Encode())
			if r.Error == nil || r.Error.Field != in.Name {
				t.Errorf("%s: garbage %s gives %+v", w.Name, in.Name, r.Error)
			}
		}
	}
}

func FuzzRender(f *testing.F) {
	f.Add(uint8(0), "price=85000")
	f.Add(uint8(3), "mw=0.001&years=100")
	f.Add(uint8(5), "hex=zz")
	f.Fuzz(func(t *testing.T, which uint8, query string) {
		w := Widgets()[int(which)%len(Widgets())]
		r := w.Render(netdata.Committed(), query)
		if r.Status == 200 && r.Error != nil || r.Status != 200 && r.Error == nil {
			t.Fatalf("%s?%s: %+v", w.Name, query, r)
		}
		if _, err := json.Marshal(r); err != nil {
			t.Fatal(err)
		}
	})
}

// TestNumbersAsTypedDrawTheSameChart: each calculator's chart, its sweeps
// and its table read the numbers its query read, so inputs written as
// people write them ($85k, 85,000, 97%) draw exactly what the plain
// numbers draw. The profit chart drew its bitcoin-price line at $0 for
// price=$85k (the chart read the raw query again, with ParseFloat) and
// put the marker off the canvas for power_price=$0.05.
func TestNumbersAsTypedDrawTheSameChart(t *testing.T) {
	for _, w := range Widgets() {
		plain, typed := url.Values{}, url.Values{}
		for _, in := range w.Inputs {
			v := in.StartValue(netdata.Committed())
			plain.Set(in.Name, v)
			typed.Set(in.Name, v)
			x, err := strconv.ParseFloat(v, 64)
			switch {
			case err != nil || !in.Numeric():
			case in.Unit.Money():
				typed.Set(in.Name, "$"+v)
			case in.Unit.Percent():
				typed.Set(in.Name, v+"%")
			case x >= 1000 && x == math.Trunc(x):
				typed.Set(in.Name, human.Group(v))
			}
		}
		a, b := w.Render(netdata.Committed(), plain.Encode()), w.Render(netdata.Committed(), typed.Encode())
		if a.Error != nil || b.Error != nil {
			t.Fatalf("%s: %v %v", w.Name, a.Error, b.Error)
		}
		if a.Chart != b.Chart || a.ChartNarrow != b.ChartNarrow || a.Table != b.Table {
			t.Errorf("%s: %s draws another chart than %s", w.Name, typed.Encode(), plain.Encode())
		}
	}
	r := Lookup("profit").Render(netdata.Committed(), "price=$85k&power_price=$0.05")
	if strings.Contains(r.Chart+r.ChartNarrow, `cx="-`) || !strings.Contains(r.Table, "<td>$85k</td>") {
		t.Errorf("profit?price=$85k&power_price=$0.05: the marker is off the chart or the price line is not at $85k:\n%s", r.Table)
	}
}

// BenchmarkRender is a keystroke on every calculator: a Vietnamese reader
// in dong, a price written as people write it.
func BenchmarkRender(b *testing.B) {
	s := netdata.Committed()
	b.ReportAllocs()
	for b.Loop() {
		for _, w := range Widgets() {
			w.RenderIn(s, "price=$85k&currency=VND", locale.VI)
		}
	}
}
