// Package present writes what package calc computed for one reader: in
// their language and their currency. calc returns typed data (results
// whose fields say what they are, charts as series on axes that say what
// they measure, errors as codes with typed arguments); a Presenter writes
// its numbers, units, axes, markers, sentences and errors in one pass. The
// dong is a currency of the Presenter: amounts are computed in dollars and
// shown at a rate, never rewritten from English text.
//
// Pure Go; it must never import syscall/js.
package present

import (
	"strconv"
	"strings"
	"time"

	"github.com/hashswitch/hashswitch/wasm/calc"
	"github.com/hashswitch/hashswitch/wasm/human"
	"github.com/hashswitch/hashswitch/wasm/locale"
)

// Presenter writes results for a reader of a language, in dollars or in
// dong.
type Presenter struct {
	lang locale.Tag
	st   *human.Style
	rate *Rate // nil: dollars
}

// New is a presenter for lang, showing amounts in dong at rate, or in
// dollars when rate is nil.
func New(lang locale.Tag, rate *Rate) *Presenter {
	return &Presenter{lang: lang, st: lang.Style(), rate: rate}
}

// Lang is the presenter's language.
func (p *Presenter) Lang() locale.Tag { return p.lang }

// T translates an English string (a label, a title, a word).
func (p *Presenter) T(en string) string { return p.lang.T(en) }

// currency is the code amounts are shown in.
func (p *Presenter) currency() string {
	if p.rate != nil {
		return "VND"
	}
	return calc.Currency
}

// Unit writes a unit: translated, with an amount's currency the
// presenter's ("VND per PH/s per day").
func (p *Presenter) Unit(u calc.Unit) string {
	if u.Money() {
		return p.lang.Sprintf(u.Key(), p.currency())
	}
	return p.lang.T(string(u))
}

// Amount writes an amount of dollars in the presenter's currency: "$36.02",
// "36,02 USD", "950.936 đồng".
func (p *Presenter) Amount(usd float64) string {
	if p.rate != nil {
		return p.st.Dong(usd * p.rate.VNDPerUSD)
	}
	return p.st.USD(usd)
}

// Value writes a result's value (a number, string or bool, or nil for
// JSON's null) as Kind k; an amount (AsUSD) is in the presenter's currency.
func (p *Presenter) Value(k calc.Kind, v any) string {
	switch x := v.(type) {
	case nil:
		if k == calc.AsYears || k == calc.AsDays {
			return p.lang.T("never")
		}
		return "—"
	case string:
		return x
	case bool:
		if k == calc.AsValid {
			if x {
				return p.lang.T("valid")
			}
			return p.lang.T("not valid")
		}
		return strconv.FormatBool(x)
	case float64:
		return p.number(k, x)
	case int64:
		return p.number(k, float64(x))
	case int32:
		return p.number(k, float64(x))
	case uint32:
		return p.number(k, float64(x))
	}
	return "—" // no result field has another type (widget's TestEveryOutputIsWritten)
}

func (p *Presenter) number(k calc.Kind, x float64) string {
	st := p.st
	switch k {
	case calc.AsInteger, calc.AsSat:
		return st.Plain(strconv.FormatFloat(x, 'f', 0, 64))
	case calc.AsUSD:
		return p.Amount(x)
	case calc.AsBTC:
		return st.Plain(strings.TrimRight(strings.TrimRight(strconv.FormatFloat(x, 'f', 8, 64), "0"), "."))
	case calc.AsPct:
		return st.Decimals(x, 3) + "%"
	case calc.AsRatio:
		if p.lang == locale.VI {
			return st.Decimals(x, 3) + " lần" // "gấp 1,68 lần", as Vietnamese writes it: never a "×"
		}
		return st.Decimals(x, 3) + "×"
	case calc.AsBig:
		return st.Big(x)
	case calc.AsDate:
		return Moment(p.lang, time.Unix(int64(x), 0).UTC())
	case calc.AsYears, calc.AsDays:
		return st.Decimals(x, 3)
	}
	return st.Decimals(x, 4)
}

// Number writes a number as the reader writes it, plainly, without
// grouping: what a form's "Read as" note says.
func (p *Presenter) Number(x float64) string {
	return p.lang.Shown(strconv.FormatFloat(x, 'f', -1, 64))
}

// Error is e with its message written for the reader: its code
// translated, its numbers in the reader's style, a unit translated, a
// rule written the same way, what the reader typed given back as they
// typed it. In English it is the API's message, but that "is required"
// reads "fill this in" at the field (atTheField).
func (p *Presenter) Error(e *calc.FieldError) *calc.FieldError {
	out := *e
	if format, args := e.Format(); format != "" {
		for _, f := range atTheField {
			if f[0] == format {
				format = f[1]
			}
		}
		out.Message = p.message(format, args)
	} // else about the request, in the API's words
	return &out
}

// message writes a code and its arguments.
func (p *Presenter) message(format string, args []any) string {
	written := make([]any, len(args))
	for i, a := range args {
		switch a := a.(type) {
		case calc.Unit:
			written[i] = dollars(p.lang).Unit(a) // a parameter's unit: parameters are in dollars
		case calc.Rule:
			written[i] = p.message(a.Format())
		case calc.Num:
			written[i] = p.lang.Shown(string(a))
		case calc.Input:
			written[i] = p.lang.Shown(string(a))
		default:
			written[i] = a
		}
	}
	return p.lang.Sprintf(format, written...)
}

// atTheField are the API's messages that read badly without the field's
// name before them ("Is required (must be ...)"), as a page writes them
// under the field: to the reader.
var atTheField = [...][2]string{
	{"is required (%s)", "fill this in (%s)"},
	{"is required (%s), or give %s", "fill this in (%s), or give %s"},
	{"is required (or give %s)", "fill this in (or give %s)"},
	{"is required (8 hex digits such as 1d00ffff)", "fill this in (8 hex digits such as 1d00ffff)"},
}

// dollars is a presenter of lang in dollars.
func dollars(lang locale.Tag) *Presenter { return New(lang, nil) }

// Units writes an input's unit, which is in dollars whatever the currency
// amounts are shown in.
func Units(lang locale.Tag, u calc.Unit) string { return dollars(lang).Unit(u) }

// Day writes t's day as lang writes it: 25 Nov 2025, 25 tháng 11 năm 2025.
func Day(lang locale.Tag, t time.Time) string {
	if lang == locale.VI {
		return t.Format("2 tháng 1 năm 2006")
	}
	return t.Format("2 Jan 2006")
}

// Moment writes t's day and time, in UTC, as lang writes them: 25 Nov
// 2025, 14:05 UTC.
func Moment(lang locale.Tag, t time.Time) string { return Day(lang, t) + t.Format(", 15:04 UTC") }

// Words are the presenter's own English words, which the catalogs
// translate: the formats' words, the dong's errors and its rate's line.
func Words() []string {
	words := append(append([]string{"never", "Never pays back", "valid", "not valid"}, rateLines...), answerWords()...)
	for _, f := range atTheField {
		words = append(words, f[1])
	}
	return append(words, termWords()...)
}

// Setting writes one input as a scenario sets it, for a summary: its
// label, then value (in the API's form) with its unit in the reader's
// style: "Site power: 50 MW at the meter", "Power price: $0.07 per kWh",
// "Pool fee: 2%", a choice by its words.
func (p *Presenter) Setting(in calc.Param, value string) string {
	shown := value
	if in.Numeric() {
		if _, err := strconv.ParseFloat(value, 64); err == nil {
			shown = p.st.Plain(value)
		}
	}
	for _, c := range in.Options() {
		if c.Value == value {
			shown = p.T(c.Label)
		}
	}
	switch u := in.Unit; {
	case u == "" || len(in.Enum) > 0:
	case u.Percent():
		shown += "%"
	case u.Money():
		shown = p.lang.Sprintf(u.Key(), p.st.Dollars(shown))
	default:
		shown += " " + p.T(string(u))
	}
	return p.T(in.Label) + ": " + shown
}
