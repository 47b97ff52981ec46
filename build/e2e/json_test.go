package e2e

import "encoding/json"

// jsonString writes v as a JavaScript literal.
func jsonString(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(b)
}
