package present

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hashswitch/hashswitch/wasm/calc"
)

// claims are the English of each clause an answer can hold, by Claim: %s
// are its use (first, when the claim is about one) and its figures, in
// order. The catalogs translate each. (Arrays, not maps: static data in
// the WebAssembly, where a map literal is code that builds it.)
var claims = [...]string{
	calc.HashpriceEarns:       "one PH/s of hashing earns %s a day (%s sat) with bitcoin at %s",
	calc.ProfitEarns:          "each TH/s earns %s a day after power, a %s margin, while power costs less than %s per kWh",
	calc.ProfitLoses:          "each TH/s loses %s a day after power: it breaks even only with power at %s per kWh or less",
	calc.HalvingNext:          "the next halving, at block %s, cuts the subsidy from %s to %s BTC a block",
	calc.HalvingOn:            "it is expected around %s",
	calc.EarnsMost:            "%s earns the most per kWh today",
	calc.EarnsMostTimesMining: "%s earns the most per kWh today, %s mining's revenue",
	calc.PaysBackIn:           "%s pays back in %s years",
	calc.PaysBackAtOnce:       "%s pays back from the start",
	calc.NeverPaysBack:        "%s never pays back",
	calc.AttackCosts:          "controlling %s of all hashrate for %s hours means buying %s of machines, buildings and power",
	calc.AttackRents:          "renting it instead would cost %s",
	calc.HeaderValid:          "this header's hash is at or below its target: the proof of work is valid",
	calc.HeaderNotValid:       "this header's hash does not meet a valid target: the proof of work is not valid",
	calc.BrowserFindsBlock:    "your browser alone would take %s years on average to find a block",
}

// uses name the uses of a site inside a sentence.
var uses = [...]string{calc.UseMining: "mining", calc.UseLease: "colocation", calc.UseGPU: "renting out GPUs"}

// Headline writes a calculator's answer as one sentence: its clauses joined
// by semicolons, the first capitalised, a full stop at the end; "" for
// none.
func (p *Presenter) Headline(a calc.Headline) string {
	parts := make([]string, 0, len(a))
	for _, c := range a {
		var args []any
		if c.Use != calc.NoUse {
			args = append(args, p.T(uses[c.Use]))
		}
		for _, f := range c.Figures {
			args = append(args, p.figure(f))
		}
		parts = append(parts, p.lang.Sprintf(claims[c.Says], args...))
	}
	s := strings.Join(parts, "; ")
	if s == "" {
		return ""
	}
	return Capitalized(s) + "."
}

// Capitalized is s with its first letter a capital, as a sentence or a
// message under a field starts.
func Capitalized(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// figure writes a figure inside a sentence, briefer than a result: years
// and counts to two or three significant digits.
func (p *Presenter) figure(f calc.Figure) string {
	switch f.Kind {
	case calc.AsYears:
		return p.st.Decimals(f.Value, 2)
	case calc.AsNumber:
		if f.Value >= 1e6 {
			return p.st.Big(f.Value)
		}
		return p.st.Decimals(f.Value, 3)
	case calc.AsRatio:
		return p.number(calc.AsRatio, f.Value)
	}
	return p.Value(f.Kind, f.Value)
}

// answerWords are the answers' English, for the catalogs.
func answerWords() []string {
	var out []string
	for _, s := range claims {
		out = append(out, s)
	}
	for _, s := range uses {
		if s != "" { // NoUse
			out = append(out, s)
		}
	}
	return out
}
