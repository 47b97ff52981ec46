package present

import (
	"testing"

	"github.com/hashswitch/hashswitch/wasm/calc"
	"github.com/hashswitch/hashswitch/wasm/locale"
)

func TestFormat(t *testing.T) {
	tests := []struct {
		k    calc.Kind
		v    any
		want string
	}{
		{calc.AsUSD, 36.0237, "$36.02"},
		{calc.AsUSD, 49557.4, "$49,557"},
		{calc.AsUSD, 15.6e9, "$15.6 billion"},
		{calc.AsUSD, 2.5e6, "$2.5 million"},
		{calc.AsUSD, 0.0858123, "$0.0858"},
		{calc.AsUSD, 0.5, "$0.5"},
		{calc.AsUSD, -1234.6, "−$1,235"},
		{calc.AsUSD, 0.0, "$0"},
		{calc.AsInteger, 1050000.0, "1,050,000"},
		{calc.AsSat, 42376.4, "42,376"},
		{calc.AsPct, 0.6359, "0.636%"},
		{calc.AsPct, 93.75001, "93.8%"},
		{calc.AsRatio, 2.0512, "2.05×"},
		{calc.AsBig, 149.3e12, "149.3 T"},
		{calc.AsNumber, 1068.73, "1,069"},
		{calc.AsNumber, 0.00123456, "0.001235"},
		{calc.AsBTC, 3.125, "3.125"},
		{calc.AsBTC, 19687503.125, "19,687,503.125"},
		{calc.AsBTC, 0.000423759, "0.00042376"},
		{calc.AsDate, 1839000000.0, "10 Apr 2028, 17:20 UTC"},
		{calc.AsYears, nil, "never"},
		{calc.AsYears, 3.21, "3.21"},
		{calc.AsValid, true, "valid"},
		{calc.AsValid, false, "not valid"},
		{calc.AsText, "00ab", "00ab"},
		{calc.AsNumber, nil, "—"},
	}
	for _, tt := range tests {
		if got := New(locale.EN, nil).Value(tt.k, tt.v); got != tt.want {
			t.Errorf("Value(%v, %v) = %q, want %q", tt.k, tt.v, got, tt.want)
		}
	}
	// Vietnamese writes a ratio in words: "gấp 2,05 lần", not "gấp 2,05×".
	if got := New(locale.VI, nil).Value(calc.AsRatio, 2.0512); got != "2,05 lần" {
		t.Errorf("format(Ratio, 2.0512) in Vietnamese = %q, want %q", got, "2,05 lần")
	}
}
