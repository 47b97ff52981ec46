package widget

import (
	"testing"

	"github.com/hashswitch/hashswitch/wasm/locale"
)

func TestFormat(t *testing.T) {
	tests := []struct {
		k    Kind
		v    any
		want string
	}{
		{USD, 36.0237, "$36.02"},
		{USD, 49557.4, "$49,557"},
		{USD, 15.6e9, "$15.6 billion"},
		{USD, 2.5e6, "$2.5 million"},
		{USD, 0.0858123, "$0.0858"},
		{USD, 0.5, "$0.5"},
		{USD, -1234.6, "−$1,235"},
		{USD, 0.0, "$0"},
		{Integer, 1050000.0, "1,050,000"},
		{Sat, 42376.4, "42,376"},
		{Pct, 0.6359, "0.636%"},
		{Pct, 93.75001, "93.8%"},
		{Ratio, 2.0512, "2.05×"},
		{Big, 149.3e12, "149.3 T"},
		{Number, 1068.73, "1,069"},
		{Number, 0.00123456, "0.001235"},
		{BTC, 3.125, "3.125"},
		{BTC, 19687503.125, "19,687,503.125"},
		{BTC, 0.000423759, "0.00042376"},
		{Date, 1839000000.0, "10 Apr 2028, 17:20 UTC"},
		{Years, nil, "never"},
		{Years, 3.21, "3.21"},
		{Valid, true, "valid"},
		{Valid, false, "not valid"},
		{Text, "00ab", "00ab"},
		{Number, nil, "—"},
	}
	for _, tt := range tests {
		if got := format(locale.EN, tt.k, tt.v); got != tt.want {
			t.Errorf("format(%v, %v) = %q, want %q", tt.k, tt.v, got, tt.want)
		}
	}
	// Vietnamese writes a ratio in words: "gấp 2,05 lần", not "gấp 2,05×".
	if got := format(locale.VI, Ratio, 2.0512); got != "2,05 lần" {
		t.Errorf("format(Ratio, 2.0512) in Vietnamese = %q, want %q", got, "2,05 lần")
	}
}
