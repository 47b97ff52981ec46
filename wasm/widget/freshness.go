package widget

import (
	"strconv"
	"time"

	"github.com/hashswitch/hashswitch/wasm/locale"
	"github.com/hashswitch/hashswitch/wasm/netdata"
	"github.com/hashswitch/hashswitch/wasm/present"
)

// Where a page's network figures come from.
const (
	FromBuild   = ""        // the snapshot the page was built with
	FromLive    = "live"    // /api/v1/network's live answer
	FromPinned  = "pinned"  // ?asof= chose a dated snapshot
	FromOffline = "offline" // the service worker's last answer, offline
)

// StaleAfter is when figures get a clear warning.
const StaleAfter = 7 * 24 * time.Hour

// Freshness is the line every calculator shows about its figures.
type Freshness struct {
	Text string `json:"text"`
	// HeightText is Text for a calculator that starts from the block
	// height, which says when the height is an estimate.
	HeightText string `json:"height_text"`
	Warn       bool   `json:"warn"`   // older than StaleAfter, or stale upstream
	ISO        string `json:"iso"`    // the figures' date, for <time datetime>
	Source     string `json:"source"` // where the figures come from, in the line's language
}

// For is the line for widget w: HeightText when w starts from the height.
func (f Freshness) For(w *Widget) string {
	for _, in := range w.Inputs {
		if in.Name == "height" {
			return f.HeightText
		}
	}
	return f.Text
}

// FreshnessOf says where snapshot s stands at now, given where it came
// from, in English.
func FreshnessOf(s netdata.Snapshot, now time.Time, from string) Freshness {
	return FreshnessIn(s, now, from, locale.EN)
}

// freshnessLines are the line's English forms, which the catalog
// translates (their %s are a block height, a date or a count of days).
var freshnessLines = []string{
	"Live: block %s, %s UTC", "Live: block %s, %s", "Figures as of %s (pinned)", "Offline: figures from %s",
	"Figures from %s", "Figures from %s, 1 day old", "Figures from %s, %s days old",
	"%s; some could not be refreshed", "%s; the block height is estimated",
}

// FreshnessIn is FreshnessOf in language lang.
func FreshnessIn(s netdata.Snapshot, now time.Time, from string, lang locale.Tag) Freshness {
	at := time.Unix(s.Time, 0).UTC()
	f := Freshness{ISO: s.AsOf, Source: lang.T(s.Source)}
	age := now.Sub(at)
	days := int64(age / (24 * time.Hour))
	st := lang.Style()
	line := lang.Sprintf
	height := st.Plain(strconv.FormatInt(s.Height, 10))
	switch from {
	case FromLive:
		f.Text = line("Live: block %s, %s UTC", height, at.Format("15:04"))
		if days >= 1 {
			f.Text = line("Live: block %s, %s", height, present.Moment(lang, at))
		}
	case FromPinned:
		f.Text = line("Figures as of %s (pinned)", present.Day(lang, at))
		f.HeightText = f.Text
		return f // an article's own date: its age is the point, not a warning
	case FromOffline:
		f.Text = line("Offline: figures from %s", present.Moment(lang, at))
	default:
		switch {
		case days == 1:
			f.Text = line("Figures from %s, 1 day old", present.Day(lang, at))
		case days > 1:
			f.Text = line("Figures from %s, %s days old", present.Day(lang, at), st.Plain(strconv.FormatInt(days, 10)))
		default:
			f.Text = line("Figures from %s", present.Day(lang, at))
		}
	}
	if s.Stale {
		f.Text = line("%s; some could not be refreshed", f.Text)
		f.Warn = true
	}
	f.HeightText = f.Text
	if s.Estimated {
		f.HeightText = line("%s; the block height is estimated", f.Text)
	}
	if age > StaleAfter {
		f.Warn = true
	}
	return f
}
