package gen

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// explainers lists the English and the Vietnamese content files.
func explainers(t *testing.T) []string {
	t.Helper()
	en, _ := filepath.Glob(filepath.Join(root, "content", "*.md"))
	vi, _ := filepath.Glob(filepath.Join(root, "content", "vi", "*.md"))
	if len(en) < 3 || len(vi) < 3 {
		t.Fatalf("%d English and %d Vietnamese explainers: the test no longer finds content/", len(en), len(vi))
	}
	return append(en, vi...)
}

// rel names a content file from content/.
func rel(file string) string {
	r, err := filepath.Rel(filepath.Join(root, "content"), file)
	if err != nil {
		return file
	}
	return filepath.ToSlash(r)
}

// citations returns a content file's footnotes and listed sources.
func citations(t *testing.T, file string) (FrontMatter, []string) {
	t.Helper()
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	fm, err := ParseFrontMatter(src)
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	notes := append([]string(nil), fm.Sources...)
	for _, line := range strings.Split(string(src), "\n") {
		if strings.HasPrefix(line, "[^") && strings.Contains(line, "]:") {
			notes = append(notes, line)
		}
	}
	return fm, notes
}

var months = map[string]time.Month{}

func init() {
	for m := time.January; m <= time.December; m++ {
		months[m.String()] = m
	}
}

// Dates as the explainers write them: "9 December 2025", "November 3,
// 2025", "August 2025", "2025-11-25", and in Vietnamese "9/12/2025" and
// "tháng 8/2025". A month alone counts as its first day.
var (
	dayMonthYear = regexp.MustCompile(`\b(\d{1,2}) (January|February|March|April|May|June|July|August|September|October|November|December) (\d{4})\b`)
	monthDayYear = regexp.MustCompile(`\b(January|February|March|April|May|June|July|August|September|October|November|December) (\d{1,2}), (\d{4})\b`)
	monthYear    = regexp.MustCompile(`\b(January|February|March|April|May|June|July|August|September|October|November|December) (\d{4})\b`)
	isoDate      = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b`)
	viDate       = regexp.MustCompile(`\b(\d{1,2})/(\d{1,2})/(\d{4})\b`)
	viMonth      = regexp.MustCompile(`tháng (\d{1,2})/(\d{4})\b`)
)

// datesIn returns every date a text names.
func datesIn(s string) []time.Time {
	num := func(x string) int { n, _ := strconv.Atoi(x); return n }
	day := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	var out []time.Time
	for _, m := range dayMonthYear.FindAllStringSubmatch(s, -1) {
		out = append(out, day(num(m[3]), int(months[m[2]]), num(m[1])))
	}
	for _, m := range monthDayYear.FindAllStringSubmatch(s, -1) {
		out = append(out, day(num(m[3]), int(months[m[1]]), num(m[2])))
	}
	for _, m := range monthYear.FindAllStringSubmatch(dayMonthYear.ReplaceAllString(s, ""), -1) {
		out = append(out, day(num(m[2]), int(months[m[1]]), 1))
	}
	for _, m := range isoDate.FindAllStringSubmatch(s, -1) {
		out = append(out, day(num(m[1]), num(m[2]), num(m[3])))
	}
	for _, m := range viDate.FindAllStringSubmatch(s, -1) {
		out = append(out, day(num(m[3]), num(m[2]), num(m[1])))
	}
	for _, m := range viMonth.FindAllStringSubmatch(s, -1) { // "tháng 12/2025", never part of a day's date
		out = append(out, day(num(m[2]), num(m[1]), 1))
	}
	return out
}

func TestDatesIn(t *testing.T) {
	for s, want := range map[string]string{
		"Dân trí, 9 December 2025, <https://x>":     "2025-12-09",
		"Hashrate Index Roundup (November 3, 2025)": "2025-11-03",
		"announced August 2025":                     "2025-08-01",
		"Dân trí, 9/12/2025":                        "2025-12-09",
		"công bố tháng 8/2025":                      "2025-08-01",
		"asof 2025-11-25":                           "2025-11-25",
	} {
		got := datesIn(s)
		var latest time.Time
		for _, d := range got {
			if d.After(latest) {
				latest = d
			}
		}
		if latest.Format(time.DateOnly) != want {
			t.Errorf("%q: %v, want %s", s, got, want)
		}
	}
}

// TestPagesAreNotDatedBeforeTheirSources: a page's date says when it was
// last updated, so it cannot come before any date its footnotes and listed
// sources name (pages said "Updated 2025-11-28" while citing Dân trí of 9
// December 2025).
func TestPagesAreNotDatedBeforeTheirSources(t *testing.T) {
	for _, f := range explainers(t) {
		fm, notes := citations(t, f)
		if fm.Date == "" {
			if len(notes) > 0 {
				t.Errorf("%s cites sources but has no date", f)
			}
			continue
		}
		date, err := time.Parse(time.DateOnly, fm.Date)
		if err != nil {
			t.Errorf("%s: date %q: %v", f, fm.Date, err)
			continue
		}
		for _, n := range notes {
			for _, d := range datesIn(n) {
				if date.Before(d) {
					t.Errorf("%s is dated %s, before %s, a date its sources name: %.100s…", rel(f), fm.Date, d.Format(time.DateOnly), n)
				}
			}
		}
	}
}

// TestFootnotesAreFullCitations: every footnote and listed source gives a
// link and a date (a publisher's page, a filing, a release of the code),
// or says the page it links is undated, unless all it cites is this
// site's own assumption.
func TestFootnotesAreFullCitations(t *testing.T) {
	link := regexp.MustCompile(`<https://[^>\s]+>`)
	assumption := regexp.MustCompile(`(?i)site's assumption|giả định của trang này`)
	undated := regexp.MustCompile(`(?i)\bundated\b|không ghi ngày`)
	for _, f := range explainers(t) {
		_, notes := citations(t, f)
		for _, n := range notes {
			if assumption.MatchString(n) && !link.MatchString(n) && len(datesIn(n)) == 0 {
				continue
			}
			if !link.MatchString(n) {
				t.Errorf("%s: no link in %.120q", rel(f), n)
			}
			if len(datesIn(n)) == 0 && !undated.MatchString(n) {
				t.Errorf("%s: no date in %.120q (a page that gives none is said to be undated)", rel(f), n)
			}
		}
	}
}
