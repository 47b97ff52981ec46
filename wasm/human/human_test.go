package human

import "testing"

func TestCountdown(t *testing.T) {
	if got := Countdown(1000+2*86400+3*3600+4*60+5, 1000); got != "2 days 03:04:05" {
		t.Errorf("%q", got)
	}
	if got := Countdown(5, 10); got != "passed" {
		t.Errorf("%q", got)
	}
}

func TestRate(t *testing.T) {
	for v, want := range map[float64]string{0: "0 H/s", 950: "950 H/s", 1234567: "1.23 MH/s", 200e12: "200 TH/s", 1.07e21: "1.07 ZH/s"} {
		if got := Rate(v); got != want {
			t.Errorf("Rate(%v) = %q, want %q", v, got, want)
		}
	}
}
