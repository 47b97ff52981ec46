package calc

import "testing"

// TestMoneyBelowZero: a loss on a chart's axis reads −$2B, not $-2B.
func TestMoneyBelowZero(t *testing.T) {
	for v, want := range map[float64]string{-2e9: "−$2B", 1.5e6: "$1.5M", 0: "$0", -250: "−$250"} {
		if got := money(v); got != want {
			t.Errorf("money(%v) = %q, want %q", v, got, want)
		}
	}
}
