package widget

import (
	"strconv"
	"strings"
	"time"

	"github.com/hashswitch/hashswitch/wasm/calc"
	"github.com/hashswitch/hashswitch/wasm/chart"
	"github.com/hashswitch/hashswitch/wasm/locale"
	"github.com/hashswitch/hashswitch/wasm/netdata"
)

// The dong. Any calculator shows its dollar amounts in VND when its query
// says currency=VND, at the rate its figures carry (Vietcombank's selling
// rate: live from the edge, or the committed snapshot's with its source) or
// at one the query gives: usd_vnd (dong per dollar, as its publisher wrote
// it) with usd_vnd_date (the day it was published) and usd_vnd_source (who
// published it), for a newsroom that quotes its own. The calculators
// compute in dollars; only the display changes.

// Display parameters of the dong, beside a calculator's own.
var dongParams = []string{"currency", "usd_vnd", "usd_vnd_date", "usd_vnd_source"}

// dong is a rate to show dollars in dong.
type dong struct {
	perUSD float64
	date   time.Time
	source string
}

// dongOf reads the dong parameters of q, the rate from snapshot s unless q
// gives one; nil when q asks for dollars. A request for dong without a
// usable rate is an error naming the field.
func dongOf(q calc.Values, s netdata.Snapshot) (*dong, *calc.FieldError) {
	switch strings.ToUpper(strings.TrimSpace(q.Get("currency"))) {
	case "", "USD":
		return nil, nil
	case "VND":
	default:
		return nil, dongError("currency", "must be USD or VND, got %s", calc.Input(strconv.Quote(q.Get("currency"))))
	}
	rate := strings.TrimSpace(q.Get("usd_vnd"))
	if rate == "" && s.UsdVnd > 0 {
		at := time.Unix(s.Figures[netdata.FigUsdVnd].Time, 0).In(netdata.Vietnam)
		return &dong{perUSD: s.UsdVnd, date: at, source: netdata.RatePublisher}, nil
	}
	if rate == "" {
		return nil, dongError("usd_vnd", "is required to show VND with figures that carry no rate: dong per US dollar, with usd_vnd_date and usd_vnd_source")
	}
	x, err := calc.ParseNumber(rate, "VND per USD")
	if err != nil || x < netdata.MinVNDPerUSD || x > netdata.MaxVNDPerUSD {
		return nil, dongError("usd_vnd", "must be dong per US dollar, from 1,000 to 1,000,000, got %s", calc.Input(strconv.Quote(rate)))
	}
	date, err := time.Parse("2006-01-02", strings.TrimSpace(q.Get("usd_vnd_date")))
	if err != nil {
		return nil, dongError("usd_vnd_date", "is required with usd_vnd: the day the rate was published, such as 2025-11-25")
	}
	source := strings.TrimSpace(q.Get("usd_vnd_source"))
	if source == "" || len(source) > 80 {
		return nil, dongError("usd_vnd_source", "is required with usd_vnd: who published the rate, in at most 80 characters")
	}
	return &dong{perUSD: x, date: date, source: source}, nil
}

// dongError is a problem with a dong parameter, translatable like calc's.
func dongError(field, format string, args ...any) *calc.FieldError {
	return calc.Errorf(calc.Param{Name: field}, format, args...)
}

// dongLines are the dong's English words, which the catalog translates.
var dongLines = []string{
	"must be USD or VND, got %s",
	"is required to show VND with figures that carry no rate: dong per US dollar, with usd_vnd_date and usd_vnd_source",
	"must be dong per US dollar, from 1,000 to 1,000,000, got %s",
	"is required with usd_vnd: the day the rate was published, such as 2025-11-25",
	"is required with usd_vnd: who published the rate, in at most 80 characters",
	"Amounts in VND at %s dong per US dollar (%s, %s)",
}

// line says which rate the amounts use: its value, source and date.
func (d *dong) line(lang locale.Tag) string {
	return lang.Sprintf("Amounts in VND at %s dong per US dollar (%s, %s)",
		lang.Style().Decimals(d.perUSD, 6), d.source, Day(lang, d.date))
}

// unit writes a dollar unit in dong: "USD per PH/s per day" is "VND per
// PH/s per day", in lang.
func (d *dong) unit(lang locale.Tag, unit string) string {
	return strings.ReplaceAll(lang.T(unit), "USD", "VND")
}

// chart scales a chart's axes in dollars (their labels say USD) to dong;
// their ticks become plain compact numbers, the label naming the currency.
func (d *dong) chart(c *chart.Chart) {
	// A new slice for each: series may share one (the profit chart's two
	// lines share their x values), which scaled in place would be scaled
	// once per series.
	scale := func(xs []float64) []float64 {
		out := make([]float64, len(xs))
		for i, x := range xs {
			out[i] = x * d.perUSD
		}
		return out
	}
	if strings.Contains(c.XLabel, "USD") {
		for i := range c.Series {
			c.Series[i].X = scale(c.Series[i].X)
		}
		if c.Marker != nil {
			c.Marker.X *= d.perUSD
		}
		c.FormatX = chart.Compact
	}
	if strings.Contains(c.YLabel, "USD") {
		for i := range c.Series {
			c.Series[i].Y = scale(c.Series[i].Y)
		}
		for i := range c.Bars {
			c.Bars[i].Value *= d.perUSD
		}
		if c.Marker != nil {
			c.Marker.Y *= d.perUSD
		}
		c.FormatY = chart.Compact
	}
}

// encodeDong appends the dong parameters of q to a scenario's query, so
// its links keep showing dong.
func encodeDong(query string, q calc.Values) string {
	for _, k := range dongParams {
		if v := q.Get(k); v != "" {
			query += "&" + calc.QueryEscape(k) + "=" + calc.QueryEscape(v)
		}
	}
	return query
}
