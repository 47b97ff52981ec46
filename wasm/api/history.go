package api

import (
	"errors"
	"strings"
	"sync"
	"time"

	"github.com/hashswitch/hashswitch/wasm/calc"
	"github.com/hashswitch/hashswitch/wasm/history"
)

// WithHistory gives the handler the host's kept daily series (Workers KV
// at the edge), which /api/v1/history answers; where none is kept, or it
// cannot be read, Luxor's committed monthly averages answer, labelled as
// such.
func WithHistory(kept func() (history.Kept, error)) Option {
	return func(e *calc.Env) {
		e.History = func(r calc.HistoryRequest) (calc.HistoryResult, error) {
			k, err := kept()
			if err != nil {
				k = history.Kept{}
			}
			return historyAnswer(k, r)
		}
	}
}

// Every host that serves the API answers the history: without a kept
// series, from the committed fallback.
func init() {
	calc.DefaultHistory = func(r calc.HistoryRequest) (calc.HistoryResult, error) {
		return historyAnswer(history.Kept{}, r)
	}
}

var fallback = sync.OnceValues(history.LoadFallback)

// How long a history answer may be cached: the series changes once a
// day, a range that ends before its last day only if a refresh revises
// it; a stale series or the fallback may be replaced by the next refresh.
const (
	historyMaxAge       = 3600
	historyClosedMaxAge = 86_400
	historyStaleMaxAge  = 600
)

// StaleAfter is how old a kept series may be before answers call it
// stale even though no refresh failed (the Cron Trigger stopped).
const StaleAfter = 2 * 24 * time.Hour

const (
	sourceDaily = "computed by this site with the calculators' formula (package econ) from mempool.space's daily mining figures: difficulty, block rewards and fees, the BTC-USD price"
	sourceLuxor = "Luxor's Hashrate Index: the monthly average USD hashprice stated in each month's Hashrate Lookback post (each point's source); only the months whose post was read"
)

// historyAnswer selects r from k's series, or from the fallback when k
// holds none.
func historyAnswer(k history.Kept, r calc.HistoryRequest) (calc.HistoryResult, error) {
	fb, err := fallback()
	if err != nil {
		return calc.HistoryResult{}, err
	}
	v := map[string][]string{"from": {r.From}, "to": {r.To}, "step": {r.Step}, "fields": {r.Fields}}
	today := history.DateFromTime(r.Now)
	out := calc.HistoryResult{Halvings: []calc.HistoryHalving{}, Points: []calc.HistoryPoint{}, MaxAgeSec: historyMaxAge,
		RecordLow: calc.HistoryRecordLow{Date: fb.RecordLow.Date, HashpriceUSD: fb.RecordLow.HashpriceUSD, Source: fb.RecordLow.URL}}
	for _, h := range fb.Halvings {
		out.Halvings = append(out.Halvings, calc.HistoryHalving{Height: h.Height, Date: h.Date})
	}

	if !k.Has || len(k.Series.Days) == 0 {
		first, last := monthDate(fb.Months[0].Month), monthDate(fb.Months[len(fb.Months)-1].Month)
		q, err := history.ParseQuery(v, first, last, today)
		if err != nil {
			return calc.HistoryResult{}, fieldError(err)
		}
		out.Kind, out.Source, out.Step = "luxor_monthly", sourceLuxor, "month"
		out.From, out.To, out.Fields = q.From.String(), q.To.String(), []string{}
		if q.Fields.Has(history.HashpriceUSD) {
			out.Fields = append(out.Fields, history.HashpriceUSD.String())
		}
		for _, m := range fb.Months {
			d := monthDate(m.Month)
			if end := history.DateFromTime(d.Time().AddDate(0, 1, -1)); d > q.To || end < q.From {
				continue // the month is outside the range
			}
			p := calc.HistoryPoint{Date: d.String(), Values: map[string]float64{}, Source: m.URL}
			if q.Fields.Has(history.HashpriceUSD) {
				p.Values[history.HashpriceUSD.String()] = m.HashpriceUSD
			}
			out.Points = append(out.Points, p)
		}
		return out, nil
	}

	s := &k.Series
	q, err := history.ParseQuery(v, s.First(), s.Last(), today)
	if err != nil {
		return calc.HistoryResult{}, fieldError(err)
	}
	out.Kind, out.Source, out.Built, out.Step = "daily", sourceDaily, s.Built, q.Step.String()
	out.From, out.To, out.Fields = q.From.String(), q.To.String(), []string{}
	for _, f := range history.Fields() {
		if q.Fields.Has(f) {
			out.Fields = append(out.Fields, f.String())
		}
	}
	for _, d := range history.Select(s, q) {
		p := calc.HistoryPoint{Date: d.Date.String(), Values: map[string]float64{}}
		for _, f := range history.Fields() {
			if x, ok := d.Value(f); ok {
				p.Values[f.String()] = x
			}
		}
		out.Points = append(out.Points, p)
	}
	if q.To < s.Last() {
		out.MaxAgeSec = historyClosedMaxAge
	}
	switch {
	case k.Status.Stale():
		out.Stale, out.Problem = true, "the last refresh failed: "+strings.Join(k.Status.Problems, "; ")
	case r.Now.Unix()-s.Built > int64(StaleAfter/time.Second):
		out.Stale, out.Problem = true, "not refreshed since "+time.Unix(s.Built, 0).UTC().Format(time.DateOnly)
	}
	if out.Stale {
		out.MaxAgeSec = historyStaleMaxAge
	}
	return out, nil
}

// monthDate is the first day of month YYYY-MM.
func monthDate(month string) history.Date {
	d, _ := history.ParseDate(month + "-01")
	return d
}

// fieldError is history's FieldError as the API reports it.
func fieldError(err error) error {
	var fe *history.FieldError
	if errors.As(err, &fe) {
		return &calc.FieldError{Field: fe.Field, Message: fe.Message}
	}
	return err
}
