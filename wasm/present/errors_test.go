package present

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hashswitch/hashswitch/wasm/calc"
	"github.com/hashswitch/hashswitch/wasm/chain"
	"github.com/hashswitch/hashswitch/wasm/locale"
	"github.com/hashswitch/hashswitch/wasm/netdata"
)

// badQueries are the problems every calculator's inputs can have: each
// parameter in turn left empty, written as no number, negative, far too
// large, or named twice's neighbour left out; they reach every error code
// the readers write.
func badQueries(c calc.Calculator) []calc.Values {
	var out []calc.Values
	for _, p := range c.Info().Params {
		for _, v := range []string{"", "abc", "-5", "1e300", "1.5", "sometimes"} {
			q := calc.Values{}
			for _, o := range c.Info().Params {
				if s := o.StartValue(netdata.Committed()); s != "" && !o.Hidden {
					q.Set(o.Name, s)
				}
			}
			q.Set(p.Name, v)
			out = append(out, q)
		}
	}
	return out
}

// problem is one calculator's problem with a query.
type problem struct {
	c calc.Calculator
	e *calc.FieldError
}

// errorsOf runs every bad query of every calculator and returns the
// problems, each once.
func errorsOf(t *testing.T) []problem {
	t.Helper()
	seen := map[string]bool{}
	var out []problem
	for _, c := range calc.All() {
		for _, q := range badQueries(c) {
			_, bad := calc.Run(c, calc.QueryOf(c, chain.MainNet, q))
			if bad == nil || seen[bad.Field+bad.Message] {
				continue
			}
			seen[bad.Field+bad.Message] = true
			out = append(out, problem{c, bad.FieldError})
		}
	}
	if len(out) < 60 {
		t.Fatalf("only %d distinct problems: the test no longer reaches the readers' errors", len(out))
	}
	return out
}

// TestEnglishErrorsAreTheAPIs: the presenter writes an error's code and
// typed arguments in English exactly as calc wrote the API's message, but
// that a missing value is asked for ("fill this in (must be ...)" where
// the API says "is required (must be ...)").
func TestEnglishErrorsAreTheAPIs(t *testing.T) {
	en := New(locale.EN, nil)
	for _, pr := range errorsOf(t) {
		e := pr.e
		want := e.Message
		if rest, ok := strings.CutPrefix(want, "is required ("); ok {
			want = "fill this in (" + rest
		}
		if en.Error(e).Message != want {
			t.Errorf("%s: the presenter writes %q, want %q (the API: %q)", e.Field, en.Error(e).Message, want, e.Message)
		}
	}
}

// englishWord is a word of an error's English code: four letters at
// least, so "hex" and "BTC" may stand in a translation.
var englishWord = regexp.MustCompile(`\b[a-z]{4,}\b`)

// quoted is what an error quotes of the reader's input.
var quoted = regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)

// loanwords are the English words Vietnamese writes as they are (the
// catalog's terminology).
var loanwords = []string{"hashprice", "hashrate", "halving", "unix", "byte"}

// TestVietnameseErrorsHoldNoEnglish: every problem a reader of Vietnamese
// can meet with a calculator's inputs is written wholly in Vietnamese but
// for the names it quotes (parameters, an enum's values, what the reader
// typed): no word of the API's English message is left in it. "is
// required (%s)" carried an English requirement: "là bắt buộc (a whole
// number from 0 to 2147483647)".
func TestVietnameseErrorsHoldNoEnglish(t *testing.T) {
	vi := New(locale.VI, nil)
	for _, pr := range errorsOf(t) {
		if format, _ := pr.e.Format(); format == "" || format == "%s" {
			continue // another package's message, passed through as it is
		}
		msg := vi.Error(pr.e).Message
		rest := quoted.ReplaceAllString(msg, "") // what the reader typed
		for _, p := range pr.c.Info().Params {
			for _, name := range append([]string{p.Name}, p.Enum...) {
				rest = strings.ReplaceAll(rest, name, "")
			}
		}
		for _, w := range englishWord.FindAllString(pr.e.Message, -1) {
			if strings.Contains(rest, w) && !slices.Contains(loanwords, w) {
				t.Errorf("%s.%s: %q keeps the English %q", pr.c.Info().Name, pr.e.Field, msg, w)
			}
		}
	}
}

// TestRequiredInVietnamese is the issue's own: a required number with an
// alternative ("hashrate, or give difficulty") said what it must be in
// English inside the Vietnamese sentence.
func TestRequiredInVietnamese(t *testing.T) {
	q := calc.QueryOf(calc.Hashprice, chain.MainNet, calc.Values{"hashrate": {""}})
	q.Float(calc.Hashrate)
	e, _ := q.Err().(*calc.FieldError)
	if e == nil {
		t.Fatal("an empty hashrate is no problem")
	}
	if want := "is required (must be a positive number up to 1,000,000,000,000), or give difficulty"; e.Message != want {
		t.Errorf("the API says %q, want %q", e.Message, want)
	}
	if got, want := New(locale.VI, nil).Error(e).Message, "hãy điền ô này (phải là một số dương, tối đa 1.000.000.000.000), hoặc nhập difficulty"; got != want {
		t.Errorf("in Vietnamese %q, want %q", got, want)
	}
}

// TestRequiredReadsNaturally: under its field, a missing number says what
// to do, not "Is required (must be a positive number up to 100,000)".
func TestRequiredReadsNaturally(t *testing.T) {
	q := calc.QueryOf(calc.Convert, chain.MainNet, calc.Values{"mw": {""}})
	q.Float(calc.SiteMW)
	e, _ := q.Err().(*calc.FieldError)
	if e == nil {
		t.Fatal("an empty mw is no problem")
	}
	for lang, want := range map[locale.Tag]string{
		locale.EN: "fill this in (must be a positive number up to 100,000)",
		locale.VI: "hãy điền ô này (phải là một số dương, tối đa 100.000)",
	} {
		if got := New(lang, nil).Error(e).Message; got != want {
			t.Errorf("%s: %q, want %q", lang, got, want)
		}
	}
}
