package widget

import (
	"strconv"
	"strings"
	"time"

	"github.com/hashswitch/hashswitch/wasm/locale"
)

// Kind says how an output is written for people.
type Kind int

const (
	Number  Kind = iota // 1,068.7
	Integer             // 840,000
	USD                 // $36.02, $49,557, $15.6 billion
	BTC                 // 0.000424 BTC-style decimals
	Sat                 // 42,376
	Pct                 // 1.2%
	Ratio               // 2.1× (in Vietnamese, 2,1 lần)
	Big                 // 149.3 T
	Date                // 11 Apr 2028, 14:00 UTC, from unix seconds
	Years               // 3.2, or "never" for null
	Days                // 412, or "never" for null
	Text                // as it is (hashes)
	Valid               // valid / not valid
)

// kindNames are the kinds as show tags name them.
var kindNames = map[string]Kind{
	"number": Number, "integer": Integer, "usd": USD, "btc": BTC, "sat": Sat, "pct": Pct, "ratio": Ratio,
	"big": Big, "date": Date, "years": Years, "days": Days, "text": Text, "valid": Valid,
}

// format writes a result's value as Kind k, in language lang.
func format(lang locale.Tag, k Kind, v any) string {
	switch x := v.(type) {
	case nil:
		if k == Years || k == Days {
			return lang.T("never")
		}
		return "—"
	case string:
		return x
	case bool:
		if k == Valid {
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

func formatNumber(lang locale.Tag, k Kind, x float64) string {
	st := lang.Style()
	switch k {
	case Integer, Sat:
		return st.Plain(strconv.FormatFloat(x, 'f', 0, 64))
	case USD:
		return st.USD(x)
	case BTC:
		return st.Plain(strings.TrimRight(strings.TrimRight(strconv.FormatFloat(x, 'f', 8, 64), "0"), "."))
	case Pct:
		return st.Decimals(x, 3) + "%"
	case Ratio:
		if lang == locale.VI {
			return st.Decimals(x, 3) + " lần" // "gấp 1,68 lần", as Vietnamese writes it: never a "×"
		}
		return st.Decimals(x, 3) + "×"
	case Big:
		return st.Big(x)
	case Date:
		return time.Unix(int64(x), 0).UTC().Format(dateLayouts[lang])
	case Years, Days:
		return st.Decimals(x, 3)
	}
	return st.Decimals(x, 4)
}
