package locale

import "github.com/hashswitch/hashswitch/wasm/internal/textfmt"

// Sprintf translates format, an English message, and fills its verbs with
// args as fmt.Sprintf does for the verbs messages use (textfmt.Sprintf).
func (t Tag) Sprintf(format string, args ...any) string {
	return textfmt.Sprintf(t.T(format), args...)
}
