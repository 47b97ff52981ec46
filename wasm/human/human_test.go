package human

import (
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"
)

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

// TestVietnameseAgainstXText: the Vietnamese style groups and separates as
// golang.org/x/text (CLDR's data for vi) does, for whole numbers and
// decimals, large and small, negative and not. x/text stays out of the
// page's WebAssembly: it is only the test's truth.
func TestVietnameseAgainstXText(t *testing.T) {
	p := message.NewPrinter(language.Vietnamese)
	for _, x := range []float64{0, 7, 85, 850, 8500, 85000, 85000.5, 1234567.25, 0.036, 149.3e12, -42376, -0.5} {
		for _, digits := range []int{0, 2} {
			s := strconv.FormatFloat(x, 'f', digits, 64)
			want := p.Sprint(number.Decimal(x, number.Scale(digits)))
			want = strings.Replace(want, "-", "−", 1) // the site's minus sign
			if got := Vietnamese.Plain(s); got != want {
				t.Errorf("Plain(%s) = %q, x/text %q", s, got, want)
			}
		}
	}
	if got, want := English.Plain("1234567.25"), message.NewPrinter(language.English).Sprint(number.Decimal(1234567.25, number.Scale(2))); got != want {
		t.Errorf("English %q, x/text %q", got, want)
	}
}

func TestVietnameseWords(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{Vietnamese.USD(85000), "85.000 USD"},
		{Vietnamese.USD(36.015), "36,02 USD"},
		{Vietnamese.USD(15.6e9), "15,6 tỷ USD"},
		{Vietnamese.USD(-2.5e6), "−2,5 triệu USD"},
		{Vietnamese.Big(149.3e12), "149,3 T"},
		{Vietnamese.Countdown(1000+2*86400+3*3600+4*60+5, 1000), "2 ngày 03:04:05"},
		{Vietnamese.Rate(1234567), "1,23 MH/s"},
	} {
		if c.got != c.want {
			t.Errorf("%q, want %q", c.got, c.want)
		}
	}
}

func TestCompact(t *testing.T) {
	for v, want := range map[float64]string{0: "0", 0.05: "0.05", 1.5: "1.5", 250: "250", 12_500: "12.5k", 3.2e6: "3.2M", 15.6e9: "15.6B", 1.2e12: "1.2T", -2e6: "-2M", 1.5e-5: "1.5e-05"} {
		if got := English.Compact(v); got != want {
			t.Errorf("Compact(%v) = %q, want %q", v, got, want)
		}
	}
	for v, want := range map[float64]string{0.05: "0,05", 1.5: "1,5", 2500: "2500", 12_500: "12,5 nghìn", 3.2e6: "3,2 tr", 15.6e9: "15,6 tỷ", 1.2e12: "1,2 nghìn tỷ"} {
		if got := Vietnamese.Compact(v); got != want {
			t.Errorf("Vietnamese Compact(%v) = %q, want %q", v, got, want)
		}
	}
}
