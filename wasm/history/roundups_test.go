package history_test

import (
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hashswitch/hashswitch/wasm/history"
)

// roundupTitle is how Luxor titles a weekly Roundup: "Hashrate Index
// Roundup (March 03, 2025)".
var roundupTitle = regexp.MustCompile(`^Hashrate Index Roundup \(([A-Z][a-z]+) (\d{1,2}), (\d{4})\)$`)

// checkRoundup is every promise a Roundup reading makes: its title is a
// Roundup's of its day, its URL that post's on hashrateindex.com, its
// quote speaks of hashprice per PH/s and states the very figure, in
// dollars, just after the words it names.
func checkRoundup(r history.Roundup) error {
	day, err := time.Parse(time.DateOnly, r.Date)
	if err != nil {
		return fmt.Errorf("date %q: %v", r.Date, err)
	}
	m := roundupTitle.FindStringSubmatch(r.Title)
	if m == nil {
		return fmt.Errorf("%s: title %q is not a Roundup's", r.Date, r.Title)
	}
	d, _ := strconv.Atoi(m[2])
	if m[1] != day.Month().String() || d != day.Day() || m[3] != strconv.Itoa(day.Year()) {
		return fmt.Errorf("%s: title %q is of another day", r.Date, r.Title)
	}
	u, err := url.Parse(r.URL)
	if err != nil || u.Scheme != "https" || (u.Host != "hashrateindex.com" && u.Host != "www.hashrateindex.com") ||
		!strings.HasPrefix(u.Path, "/blog/hashrate-index-roundup-") {
		return fmt.Errorf("%s: URL %q is not a Roundup on https://hashrateindex.com/blog/", r.Date, r.URL)
	}
	// The post's address names its month and day as its title does (one
	// post's address has another year: its note says so).
	slug := strings.TrimSuffix(strings.TrimPrefix(u.Path, "/blog/hashrate-index-roundup-"), "/")
	if want := strings.ToLower(m[1]) + "-" + m[2] + "-"; !strings.HasPrefix(slug, want) {
		return fmt.Errorf("%s: URL %q is not the post of %s %s", r.Date, r.URL, m[1], m[2])
	}
	if !strings.HasSuffix(slug, m[3]) && r.Note == "" {
		return fmt.Errorf("%s: URL %q names another year and no note says why", r.Date, r.URL)
	}
	if !strings.Contains(strings.ToLower(r.Quote), "hashprice") || !strings.Contains(r.Quote, "/PH/") && !strings.Contains(r.Quote, "per PH/s") {
		return fmt.Errorf("%s: the quote does not state hashprice per PH/s", r.Date)
	}
	x, err := history.FigureInQuote(r.Quote, r.FigureAfter)
	if err != nil {
		return fmt.Errorf("%s: %v", r.Date, err)
	}
	if x != r.HashpriceUSD {
		return fmt.Errorf("%s: the quote states $%v, the entry %v", r.Date, x, r.HashpriceUSD)
	}
	return nil
}

func TestEveryRoundupIsSourced(t *testing.T) {
	f, err := history.LoadFallback()
	if err != nil {
		t.Fatal(err)
	}
	rs := f.Roundups
	if len(rs.Readings) == 0 {
		t.Fatal("no Roundup readings")
	}
	if rs.Unit != f.Unit || !strings.Contains(rs.About, "Roundup") || !strings.Contains(rs.About, "not a monthly average") {
		t.Errorf("the readings' unit %q or about %q does not say what they are", rs.Unit, rs.About)
	}
	for i, r := range rs.Readings {
		if err := checkRoundup(r); err != nil {
			t.Error(err)
		}
		if i > 0 && r.Date[:7] <= rs.Readings[i-1].Date[:7] {
			t.Errorf("%s comes after %s: one reading a month, in order", r.Date, rs.Readings[i-1].Date)
		}
	}
}

// TestRoundupCheckCatchesATypo: the check could fail.
func TestRoundupCheckCatchesATypo(t *testing.T) {
	f, _ := history.LoadFallback()
	for _, good := range f.Roundups.Readings {
		for name, edit := range map[string]func(*history.Roundup){
			"figure": func(r *history.Roundup) { r.HashpriceUSD += 0.01 },
			"quote": func(r *history.Roundup) {
				r.Quote = strings.Replace(r.Quote, r.FigureAfter+" $", r.FigureAfter+" $1", 1)
			},
			"after": func(r *history.Roundup) { r.FigureAfter = "from" },
			"host":  func(r *history.Roundup) { r.URL = strings.Replace(r.URL, "hashrateindex.com", "example.com", 1) },
			"day":   func(r *history.Roundup) { r.Date = r.Date[:8] + "28" },
			"title": func(r *history.Roundup) { r.Title = strings.Replace(r.Title, "Roundup", "Lookback", 1) },
			"unit": func(r *history.Roundup) {
				r.Quote = strings.NewReplacer("/PH/", "/TH/", "PH/s", "TH/s").Replace(r.Quote)
			},
			"slug": func(r *history.Roundup) { r.URL = strings.Replace(r.URL, "roundup-", "roundup-x", 1) },
		} {
			r := good
			edit(&r)
			if checkRoundup(r) == nil {
				t.Errorf("%s: a changed %s passed the check: %+v", good.Date, name, r)
			}
		}
	}
}

// TestFallbackSpans2024And2025: with the Roundups the fallback reaches
// back to January 2024 and through 2025, and the two series say apart
// what they are: monthly averages from the Lookback posts, hashprice on
// a day from the Roundups, no month's figure copied from one to the other.
func TestFallbackSpans2024And2025(t *testing.T) {
	f, _ := history.LoadFallback()
	months := map[string]bool{}
	for _, m := range f.Months {
		months[m.Month] = true
	}
	for _, r := range f.Roundups.Readings {
		months[r.Date[:7]] = true
		for _, m := range f.Months {
			if m.URL == r.URL || m.Title == r.Title {
				t.Errorf("%s: a Roundup reading cites the Lookback post %s", r.Date, m.URL)
			}
		}
	}
	first, last := "9999", ""
	years := map[string]int{}
	for m := range months {
		first, last = min(first, m), max(last, m)
		years[m[:4]]++
	}
	if first != "2024-01" || last < "2025-11" || years["2024"] < 6 || years["2025"] < 4 {
		t.Errorf("the fallback spans %s..%s, %v months a year; want 2024-01 through late 2025", first, last, years)
	}
	if !strings.Contains(f.About, "Monthly average") || strings.Contains(f.About, "Roundup") {
		t.Errorf("the monthly file's about %q", f.About)
	}
}
