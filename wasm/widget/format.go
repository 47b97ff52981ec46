package widget

import (
	"strconv"
	"strings"
	"time"

	"github.com/hashswitch/hashswitch/wasm/calc"
	"github.com/hashswitch/hashswitch/wasm/locale"
)

// format writes a result's value as Kind k, in language lang.
func format(lang locale.Tag, k calc.Kind, v any) string {
	switch x := v.(type) {
	case nil:
		if k == calc.AsYears || k == calc.AsDays {
			return lang.T("never")
		}
		return "—"
	case string:
		return x
	case bool:
		if k == calc.AsValid {
			if x {
				return lang.T("valid")
			}
			return lang.T("not valid")
		}
		return strconv.FormatBool(x)
	case float64:
		return formatNumber(lang, k, x)
	case int64:
		return formatNumber(lang, k, float64(x))
	case int32:
		return formatNumber(lang, k, float64(x))
	case uint32:
		return formatNumber(lang, k, float64(x))
	}
	return "—" // no result field has another type (TestEveryOutputIsWritten)
}

// dateLayouts are how each language writes a moment.
var dateLayouts = map[locale.Tag]string{locale.EN: "2 Jan 2006, 15:04 UTC", locale.VI: "2 tháng 1 năm 2006, 15:04 UTC"}

func formatNumber(lang locale.Tag, k calc.Kind, x float64) string {
	st := lang.Style()
	switch k {
	case calc.AsInteger, calc.AsSat:
		return st.Plain(strconv.FormatFloat(x, 'f', 0, 64))
	case calc.AsUSD:
		return st.USD(x)
	case calc.AsBTC:
		return st.Plain(strings.TrimRight(strings.TrimRight(strconv.FormatFloat(x, 'f', 8, 64), "0"), "."))
	case calc.AsPct:
		return st.Decimals(x, 3) + "%"
	case calc.AsRatio:
		if lang == locale.VI {
			return st.Decimals(x, 3) + " lần" // "gấp 1,68 lần", as Vietnamese writes it: never a "×"
		}
		return st.Decimals(x, 3) + "×"
	case calc.AsBig:
		return st.Big(x)
	case calc.AsDate:
		return time.Unix(int64(x), 0).UTC().Format(dateLayouts[lang])
	case calc.AsYears, calc.AsDays:
		return st.Decimals(x, 3)
	}
	return st.Decimals(x, 4)
}
