package present

import (
	"strings"

	"github.com/hashswitch/hashswitch/wasm/calc"
)

// Result writes a result's value for its row on a calculator's page: as
// Value, except that a payback that never comes says so whole ("Never
// pays back"), where prose writes "never".
func (p *Presenter) Result(k calc.Kind, v any) string {
	if v == nil && k == calc.AsYears {
		return p.lang.T("Never pays back")
	}
	return p.Value(k, v)
}

// ResultUnit writes a result's unit for its row, after its value
// (Result), less what the value's text already says: the currency of an
// amount ("$36.01 per PH/s per day", not "$36.01 USD per PH/s per day"),
// a percentage's % ("36.3% of revenue"), a ratio's times ("2.1×"), the
// seconds a date is counted in.
func (p *Presenter) ResultUnit(k calc.Kind, u calc.Unit) string {
	switch {
	case k == calc.AsUSD && u.Money():
		return strings.TrimLeft(p.lang.Sprintf(u.Key(), ""), " ,")
	case k == calc.AsPct && u.Percent():
		return ""
	case k == calc.AsPct:
		return strings.TrimSpace(strings.TrimPrefix(p.lang.T(string(u)), "%"))
	case k == calc.AsRatio && u == "times", k == calc.AsDate:
		return "" // a date says its time zone, not "unix seconds"
	}
	return p.Unit(u)
}
