package calc

import (
	"encoding/json"
	"testing"
)

// TestFindingInputsNotChecked holds the API to what issue 24's outside
// test found answering 200: a parameter convert does not use for this
// scenario is still validated whenever present, price belongs to the "not
// both" rule with hashprice, and a parameter given twice is refused (it
// silently took the first value). Each answers 400 naming the field.
func TestFindingInputsNotChecked(t *testing.T) {
	for _, c := range []struct{ url, field string }{
		{"/api/v1/convert?price=abc", "price"},
		{"/api/v1/convert?price=-5", "price"},
		{"/api/v1/convert?gpu_utilization=500", "gpu_utilization"},
		{"/api/v1/convert?gpu_life=NaN", "gpu_life"},
		{"/api/v1/convert?lease_power=abc", "lease_power"},
		{"/api/v1/convert?price=85000&hashprice=36", "price"},
		{"/api/v1/halving?height=1&height=2", "height"},
		{"/api/v1/hashprice?price=2&price=abc&difficulty=1&height=1", "price"},
		{"/api/v1/halving?time=&time=garbage", "time"},
		{"/api/v1/convert?hardware_life=1e-323", "hardware_life"}, // it exhausted the server's memory
	} {
		a := GetURL(c.url)
		var body struct {
			Error struct{ Field, Message string }
		}
		if err := json.Unmarshal(a.Body, &body); err != nil || a.Status != 400 || body.Error.Field != c.field || body.Error.Message == "" {
			t.Errorf("%s: %d %s, want 400 naming %s", c.url, a.Status, a.Body, c.field)
		}
	}
}
