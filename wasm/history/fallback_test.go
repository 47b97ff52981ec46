package history_test

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashswitch/hashswitch/internal/vectors"
	"github.com/hashswitch/hashswitch/wasm/chain"
	"github.com/hashswitch/hashswitch/wasm/history"
)

// checkMonth is every promise a Luxor month makes: its post's title names
// the month, its URL is the post's on hashrateindex.com, and the figure is
// the one its quoted sentence states.
func checkMonth(m history.LuxorMonth) error {
	month, err := time.Parse("2006-01", m.Month)
	if err != nil {
		return fmt.Errorf("month %q: %v", m.Month, err)
	}
	name := month.Format("January 2006")
	if !strings.Contains(m.Title, name) || !strings.Contains(m.Title, "Lookback Series") {
		return fmt.Errorf("%s: title %q does not name a Lookback post of %s", m.Month, m.Title, name)
	}
	if err := checkURL(m.URL, strings.ToLower(strings.ReplaceAll(name, " ", "-"))); err != nil {
		return fmt.Errorf("%s: %v", m.Month, err)
	}
	if m.Published != "" {
		p, err := time.Parse(time.DateOnly, m.Published)
		if err != nil || !p.After(month.AddDate(0, 1, -1)) {
			return fmt.Errorf("%s: published %q is not a date after the month", m.Month, m.Published)
		}
	}
	if !strings.Contains(strings.ToLower(m.Quote), "hashprice") {
		return fmt.Errorf("%s: the quote does not speak of hashprice", m.Month)
	}
	x, err := history.FigureInQuote(m.Quote, "averag")
	if err != nil {
		return fmt.Errorf("%s: %v", m.Month, err)
	}
	if x != m.HashpriceUSD {
		return fmt.Errorf("%s: the quote states $%v, the entry %v", m.Month, x, m.HashpriceUSD)
	}
	return nil
}

func checkURL(raw, slug string) error {
	u, err := url.Parse(raw)
	if err != nil || u.Scheme != "https" || u.Host != "hashrateindex.com" || !strings.HasPrefix(u.Path, "/blog/") {
		return fmt.Errorf("URL %q is not a post on https://hashrateindex.com/blog/", raw)
	}
	if !strings.HasSuffix(u.Path, slug) {
		return fmt.Errorf("URL %q is not the post of %s", raw, slug)
	}
	return nil
}

func TestEveryLuxorMonthIsSourced(t *testing.T) {
	f, err := history.LoadFallback()
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Months) == 0 {
		t.Fatal("no months")
	}
	for i, m := range f.Months {
		if err := checkMonth(m); err != nil {
			t.Error(err)
		}
		if i > 0 && m.Month <= f.Months[i-1].Month {
			t.Errorf("%s comes after %s: months in order, once each", m.Month, f.Months[i-1].Month)
		}
	}
	if f.Unit != "USD per PH/s per day" {
		t.Errorf("unit %q", f.Unit)
	}
}

// TestMonthCheckCatchesATypo: the check could fail; a figure one cent off
// its quote, a URL elsewhere or another month's title does.
func TestMonthCheckCatchesATypo(t *testing.T) {
	f, _ := history.LoadFallback()
	good := f.Months[0]
	for name, edit := range map[string]func(*history.LuxorMonth){
		"figure":    func(m *history.LuxorMonth) { m.HashpriceUSD += 0.01 },
		"quote":     func(m *history.LuxorMonth) { m.Quote = strings.Replace(m.Quote, "$", "$1", 1) },
		"host":      func(m *history.LuxorMonth) { m.URL = strings.Replace(m.URL, "hashrateindex.com", "example.com", 1) },
		"url month": func(m *history.LuxorMonth) { m.URL = strings.Replace(m.URL, "2025", "2024", 1) },
		"title":     func(m *history.LuxorMonth) { m.Title = strings.Replace(m.Title, "2025", "2024", 1) },
		"published": func(m *history.LuxorMonth) { m.Published = "2020-01-01" },
	} {
		m := good
		edit(&m)
		if checkMonth(m) == nil {
			t.Errorf("a changed %s passed the check: %+v", name, m)
		}
	}
}

func TestRecordLowIsSourced(t *testing.T) {
	f, _ := history.LoadFallback()
	r := f.RecordLow
	if r.Date != "2025-11-22" || !strings.Contains(r.Quote, "November 22") {
		t.Errorf("record low dated %q, quote %q", r.Date, r.Quote)
	}
	x, err := history.FigureInQuote(r.Quote, "low of")
	if err != nil || x != r.HashpriceUSD || x != 35.06 {
		t.Errorf("the quote states %v (%v); the entry %v", x, err, r.HashpriceUSD)
	}
	if err := checkURL(r.URL, "november-2025"); err != nil {
		t.Error(err)
	}
	// The same figure and post as the facts the site is built on.
	facts, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "FACTS.md"))
	if err != nil {
		t.Skipf("FACTS.md is not beside the repository: %v", err)
	}
	for _, s := range []string{"$35.06", "22 November 2025", r.URL} {
		if !strings.Contains(string(facts), s) {
			t.Errorf("FACTS.md does not say %q", s)
		}
	}
}

// TestHalvingsAreTheSubsidyEras: every halving is the first block of an
// era (the subsidy halves there), dated as its source says, and a halving
// whose real header the vectors hold has that header's hash and day.
func TestHalvingsAreTheSubsidyEras(t *testing.T) {
	f, _ := history.LoadFallback()
	p := chain.MainNet
	if len(f.Halvings) < 4 {
		t.Fatalf("%d halvings, want the four so far", len(f.Halvings))
	}
	headers, _ := vectors.Headers()
	hex64 := regexp.MustCompile(`^0{8}[0-9a-f]{56}$`)
	checked := 0
	for i, h := range f.Halvings {
		if h.Height != int64(i+1)*p.SubsidyHalvingInterval {
			t.Errorf("halving %d at height %d", i+1, h.Height)
		}
		if p.SubsidySat(h.Height)*2 != p.SubsidySat(h.Height-1) {
			t.Errorf("the subsidy does not halve at %d", h.Height)
		}
		day, err := time.Parse(time.DateOnly, h.Date)
		if err != nil || !hex64.MatchString(h.BlockHash) || h.Source == "" {
			t.Errorf("halving %d: date %q, hash %q, source %q", h.Height, h.Date, h.BlockHash, h.Source)
		}
		if h.Time != 0 && time.Unix(h.Time, 0).UTC().Format(time.DateOnly) != h.Date {
			t.Errorf("halving %d: time %d is not on %s", h.Height, h.Time, h.Date)
		}
		for _, hd := range headers {
			if hd.Height != h.Height {
				continue
			}
			checked++
			if hd.Hash != h.BlockHash || int64(hd.Time) != h.Time || !day.Equal(time.Unix(int64(hd.Time), 0).UTC().Truncate(24*time.Hour)) {
				t.Errorf("halving %d: hash %s at %d, the real header %s at %d", h.Height, h.BlockHash, h.Time, hd.Hash, hd.Time)
			}
		}
	}
	if checked == 0 {
		t.Error("no halving was checked against a real header")
	}
}

func TestFigureInQuote(t *testing.T) {
	tests := []struct {
		quote, after string
		want         float64
		ok           bool
	}{
		{"USD hashprice averaged $39.82 (-17.9%)", "averag", 39.82, true},
		{"to an average of $56.44 per PH/s/day.", "averag", 56.44, true},
		{"averaging $54.55.", "averag", 54.55, true},
		{"low of $35.06 on November 22, averaged $39.82", "low of", 35.06, true},
		{"averaged $1,234.5 a day", "averag", 1234.5, true},
		{"$40 before, then averaged $39.82", "averag", 39.82, true},
		{"averaged 39.82 dollars", "averag", 0, false},
		{"hashprice fell", "averag", 0, false},
		{"averaged $ per day", "averag", 0, false},
	}
	for _, tt := range tests {
		got, err := history.FigureInQuote(tt.quote, tt.after)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("FigureInQuote(%q, %q) = %v, %v; want %v", tt.quote, tt.after, got, err, tt.want)
		}
	}
}
