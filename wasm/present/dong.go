package present

import (
	"strconv"
	"strings"
	"time"

	"github.com/hashswitch/hashswitch/wasm/calc"
	"github.com/hashswitch/hashswitch/wasm/netdata"
)

// The dong. Any calculator shows its dollar amounts in VND when its query
// says currency=VND, at the rate its figures carry (Vietcombank's selling
// rate: live from the edge, or the committed snapshot's with its source) or
// at one the query gives: usd_vnd (dong per dollar, as its publisher wrote
// it) with usd_vnd_date (the day it was published) and usd_vnd_source (who
// published it), for a newsroom that quotes its own. The calculators
// compute in dollars; only the presenter's currency changes.

// CurrencyParams are the display parameters of the currency, beside a
// calculator's own: they change how amounts are written, never what is
// computed.
var CurrencyParams = []string{"currency", "usd_vnd", "usd_vnd_date", "usd_vnd_source"}

// Rate is the US dollar in dong: how many, since when, from whom.
type Rate struct {
	VNDPerUSD float64
	Date      time.Time
	Source    string
}

// The dong's English words, which the catalogs translate.
const (
	errCurrency    = "must be USD or VND, got %s"
	errNoRate      = "is required to show VND with figures that carry no rate: dong per US dollar, with usd_vnd_date and usd_vnd_source"
	errRate        = "must be dong per US dollar, from 1,000 to 1,000,000, got %s"
	errRateDate    = "is required with usd_vnd: the day the rate was published, such as 2025-11-25"
	errRateSource  = "is required with usd_vnd: who published the rate, in at most 80 characters"
	rateLine       = "Amounts in VND at %s dong per US dollar (%s, %s)"
	maxSourceBytes = 80
)

var rateLines = []string{errCurrency, errNoRate, errRate, errRateDate, errRateSource, rateLine}

// RateOf reads the currency parameters of q: nil when q asks for dollars;
// the rate snapshot s carries unless q gives one. A request for dong
// without a usable rate is an error naming the field.
func RateOf(q calc.Values, s netdata.Snapshot) (*Rate, *calc.FieldError) {
	switch strings.ToUpper(strings.TrimSpace(q.Get("currency"))) {
	case "", "USD":
		return nil, nil
	case "VND":
	default:
		return nil, displayError("currency", errCurrency, calc.Input(strconv.Quote(q.Get("currency"))))
	}
	given := strings.TrimSpace(q.Get("usd_vnd"))
	if given == "" && s.UsdVnd > 0 {
		at := time.Unix(s.Figures[netdata.FigUsdVnd].Time, 0).In(netdata.Vietnam)
		return &Rate{VNDPerUSD: s.UsdVnd, Date: at, Source: netdata.RatePublisher}, nil
	}
	if given == "" {
		return nil, displayError("usd_vnd", errNoRate)
	}
	x, err := calc.ParseNumber(given, "VND per USD")
	if err != nil || x < netdata.MinVNDPerUSD || x > netdata.MaxVNDPerUSD {
		return nil, displayError("usd_vnd", errRate, calc.Input(strconv.Quote(given)))
	}
	date, err := time.Parse("2006-01-02", strings.TrimSpace(q.Get("usd_vnd_date")))
	if err != nil {
		return nil, displayError("usd_vnd_date", errRateDate)
	}
	source := strings.TrimSpace(q.Get("usd_vnd_source"))
	if source == "" || len(source) > maxSourceBytes {
		return nil, displayError("usd_vnd_source", errRateSource)
	}
	return &Rate{VNDPerUSD: x, Date: date, Source: source}, nil
}

// displayError is a problem with a display parameter, written like calc's.
func displayError(field, format string, args ...any) *calc.FieldError {
	return calc.Errorf(calc.Param{Name: field}, format, args...)
}

// RateLine says which rate the amounts use, its value, source and day;
// "" in dollars.
func (p *Presenter) RateLine() string {
	if p.rate == nil {
		return ""
	}
	return p.lang.Sprintf(rateLine, p.st.Decimals(p.rate.VNDPerUSD, 6), p.rate.Source, Day(p.lang, p.rate.Date))
}

// InDong reports whether amounts are shown in dong.
func (p *Presenter) InDong() bool { return p.rate != nil }

// KeepCurrency appends q's currency parameters to a scenario's query, so
// its links keep showing the same currency.
func KeepCurrency(query string, q calc.Values) string {
	for _, k := range CurrencyParams {
		if v := q.Get(k); v != "" {
			query += "&" + calc.QueryEscape(k) + "=" + calc.QueryEscape(v)
		}
	}
	return query
}
