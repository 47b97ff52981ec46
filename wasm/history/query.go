package history

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// Step is the spacing of the points a selection returns.
type Step uint8

// The steps: a point a day, or the mean of each Monday-to-Sunday week or
// calendar month (UTC), dated its first day.
const (
	StepDay Step = iota
	StepWeek
	StepMonth
)

var stepNames = []string{StepDay: "day", StepWeek: "week", StepMonth: "month"}

func (s Step) String() string {
	if int(s) < len(stepNames) {
		return stepNames[s]
	}
	return fmt.Sprintf("step(%d)", uint8(s))
}

// MaxPoints bounds a selection: four years of days fit, the whole history
// needs weeks or months.
const MaxPoints = 2000

// defaultDays is the span a selection without from covers, to included.
const defaultDays = 365

// Query is a selection of the series: the days from From to To
// (inclusive), a point each Step, with Fields.
type Query struct {
	From, To Date
	Step     Step
	Fields   FieldSet
}

// FieldError is a problem with one parameter of a query.
type FieldError struct {
	Field   string
	Message string
}

func (e *FieldError) Error() string { return e.Field + ": " + e.Message }

func fieldErrorf(field, format string, args ...any) *FieldError {
	return &FieldError{field, fmt.Sprintf(format, args...)}
}

// ParseQuery reads from, to (dates, YYYY-MM-DD), step (day, week or month)
// and fields (names, comma-separated) from v, for a series from first to
// last read on day today. Without to it ends at the series' last day,
// without from a year before to, without step a day, without fields all.
// A date after tomorrow is refused (no day of the future has figures), as
// are from after to, an unknown step or field, and a selection of more
// than MaxPoints points within the series. Other parameters are ignored.
func ParseQuery(v map[string][]string, first, last, today Date) (Query, error) {
	get := func(k string) string {
		if vs := v[k]; len(vs) > 0 {
			return strings.TrimSpace(vs[0])
		}
		return ""
	}
	q := Query{Fields: AllFields}
	if s := get("step"); s != "" {
		i := indexOf(stepNames, s)
		if i < 0 {
			return Query{}, fieldErrorf("step", "must be day, week or month, got %q", clip(s))
		}
		q.Step = Step(i)
	}
	if s := get("fields"); s != "" {
		q.Fields = 0
		for name := range strings.SplitSeq(s, ",") {
			name = strings.TrimSpace(name)
			if name == "" {
				continue
			}
			f, ok := FieldByName(name)
			if !ok {
				return Query{}, fieldErrorf("fields", "unknown field %q; the fields are %s", clip(name), strings.Join(fieldNames[:], ", "))
			}
			q.Fields = q.Fields.With(f)
		}
		if q.Fields == 0 {
			return Query{}, fieldErrorf("fields", "names no field; the fields are %s", strings.Join(fieldNames[:], ", "))
		}
	}
	latest := today + 1
	date := func(k string, dflt Date) (Date, error) {
		s := get(k)
		if s == "" {
			return dflt, nil
		}
		d, err := ParseDate(s)
		if err != nil {
			return 0, fieldErrorf(k, "%s", err)
		}
		if d > latest {
			return 0, fieldErrorf(k, "%s is in the future: the history has no day after %s", d, latest)
		}
		return d, nil
	}
	var err error
	if q.To, err = date("to", min(last, latest)); err != nil {
		return Query{}, err
	}
	if q.From, err = date("from", q.To-(defaultDays-1)); err != nil {
		return Query{}, err
	}
	if q.From > q.To {
		return Query{}, fieldErrorf("from", "%s is after to, %s", q.From, q.To)
	}
	if n := points(max(q.From, first), min(q.To, last), q.Step); n > MaxPoints {
		return Query{}, fieldErrorf("from", "%s to %s is %d points at step=%s, more than %d: narrow the range or take a longer step",
			q.From, q.To, n, q.Step, MaxPoints)
	}
	return q, nil
}

func indexOf(names []string, s string) int {
	for i, n := range names {
		if n == s {
			return i
		}
	}
	return -1
}

// points counts the points from..to gives at step (0 when to < from).
func points(from, to Date, step Step) int {
	if to < from {
		return 0
	}
	switch step {
	case StepWeek:
		return int(bucket(to, StepWeek)-bucket(from, StepWeek))/7 + 1
	case StepMonth:
		a, b := from.Time(), to.Time()
		return (b.Year()-a.Year())*12 + int(b.Month()-a.Month()) + 1
	}
	return int(to-from) + 1
}

// bucket returns the first day of d's week (Monday) or month; d itself
// for StepDay.
func bucket(d Date, step Step) Date {
	switch step {
	case StepWeek:
		// 1 January 1970 was a Thursday: three days after a Monday.
		return d - Date(((int64(d)+3)%7+7)%7)
	case StepMonth:
		t := d.Time()
		return DateFromTime(time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC))
	}
	return d
}

// Select returns q's points of s: the days from q.From to q.To, or at a
// longer step the mean of each field over the days of each week or month
// that have it, with q.Fields alone. It costs a binary search and the days
// in the range.
func Select(s *Series, q Query) []Day {
	days := s.Days
	i := sort.Search(len(days), func(i int) bool { return days[i].Date >= q.From })
	var out []Day
	var sums [numFields]float64
	var counts [numFields]int
	var heights, n int64
	flush := func() {
		p := &out[len(out)-1]
		for f := range numFields {
			if counts[f] > 0 {
				p.Values[f] = sums[f] / float64(counts[f])
				p.Has = p.Has.With(f)
			}
		}
		p.Height = heights / n
	}
	for ; i < len(days) && days[i].Date <= q.To; i++ {
		d := days[i]
		d.Has &= q.Fields
		d.Refused &= q.Fields
		for f := range numFields {
			if !d.Has.Has(f) {
				d.Values[f] = 0
			}
		}
		if q.Step == StepDay {
			out = append(out, d)
			continue
		}
		start := bucket(d.Date, q.Step)
		if len(out) == 0 || out[len(out)-1].Date != start {
			if len(out) > 0 {
				flush()
			}
			out = append(out, Day{Date: start})
			sums, counts, heights, n = [numFields]float64{}, [numFields]int{}, 0, 0
		}
		p := &out[len(out)-1]
		p.Refused |= d.Refused
		heights, n = heights+d.Height, n+1
		for f := range numFields {
			if d.Has.Has(f) {
				sums[f] += d.Values[f]
				counts[f]++
			}
		}
	}
	if q.Step != StepDay && len(out) > 0 {
		flush()
	}
	return out
}
