package textfmt

import (
	"errors"
	"fmt"
	"testing"
	"time"
)

type unit string

// TestSprintfIsFmt: for the verbs messages use, Sprintf writes what
// fmt.Sprintf writes.
func TestSprintfIsFmt(t *testing.T) {
	for _, c := range []struct {
		format string
		args   []any
	}{
		{"must be a number from %s to %s", []any{"1", "21,000,000"}},
		{"got %q, not %s", []any{"85.000", unit("USD")}},
		{"%d blocks, %d%%, %s, %d", []any{144, int64(-3), uint32(7), uint8(255)}},
		{"%s: %s", []any{errors.New("boom"), time.Second}},
		{"%s and %q", []any{1.5e-7, "tab\t"}},
		{"no verbs", nil},
		{"trailing %", nil},
		{"%s %s", []any{"one"}},
		{"%d of %s", []any{"x", 2}},
		{"%s and %d", []any{nil, nil}},
	} {
		if got, want := Sprintf(c.format, c.args...), fmt.Sprintf(c.format, c.args...); got != want {
			t.Errorf("Sprintf(%q, %v) = %q, fmt says %q", c.format, c.args, got, want)
		}
	}
}

func TestPlain(t *testing.T) {
	for in, want := range map[string]string{"0": "0", "-1234.5": "−1,234.5", "1000000": "1,000,000", "123": "123", "0.0001": "0.0001"} {
		if got := Plain(in, ",", "."); got != want {
			t.Errorf("Plain(%q) = %q, want %q", in, got, want)
		}
	}
	if got := Plain("1234567.25", ".", ","); got != "1.234.567,25" {
		t.Errorf("Vietnamese: %q", got)
	}
}
