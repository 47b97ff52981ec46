package locale

import (
	"errors"
	"fmt"
	"testing"
	"time"
)

type unit string

// TestSprintfIsFmt: for the verbs messages use, Sprintf in English writes
// what fmt.Sprintf writes.
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
		if got, want := EN.Sprintf(c.format, c.args...), fmt.Sprintf(c.format, c.args...); got != want {
			t.Errorf("Sprintf(%q, %v) = %q, fmt says %q", c.format, c.args, got, want)
		}
	}
	if got, want := VI.Sprintf("Figures from %s", "25 tháng 11"), VI.T("Figures from %s"); got == "Figures from 25 tháng 11" || want == "Figures from %s" {
		t.Errorf("Vietnamese Sprintf did not translate: %q", got)
	}
}
