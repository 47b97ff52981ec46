package widget

import (
	"fmt"
	"time"

	"github.com/hashswitch/hashswitch/wasm/human"
	"github.com/hashswitch/hashswitch/wasm/netdata"
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
	Warn       bool   `json:"warn"` // older than StaleAfter, or stale upstream
	ISO        string `json:"iso"`  // the figures' date, for <time datetime>
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

// FreshnessOf says where snapshot s stands at now, given where it came from.
func FreshnessOf(s netdata.Snapshot, now time.Time, from string) Freshness {
	at := time.Unix(s.Time, 0).UTC()
	f := Freshness{ISO: s.AsOf}
	age := now.Sub(at)
	days := int64(age / (24 * time.Hour))
	switch from {
	case FromLive:
		f.Text = fmt.Sprintf("Live: block %s, %s UTC", human.Group(fmt.Sprint(s.Height)), at.Format("15:04"))
		if days >= 1 {
			f.Text = fmt.Sprintf("Live: block %s, %s", human.Group(fmt.Sprint(s.Height)), at.Format("2 Jan 2006, 15:04 UTC"))
		}
	case FromPinned:
		f.Text = "Figures as of " + at.Format("2 Jan 2006") + " (pinned)"
		f.HeightText = f.Text
		return f // an article's own date: its age is the point, not a warning
	case FromOffline:
		f.Text = "Offline: figures from " + at.Format("2 Jan 2006, 15:04 UTC")
	default:
		f.Text = "Figures from " + at.Format("2 Jan 2006")
		switch {
		case days == 1:
			f.Text += ", 1 day old"
		case days > 1:
			f.Text += fmt.Sprintf(", %s days old", human.Group(fmt.Sprint(days)))
		}
	}
	if s.Stale {
		f.Text += "; some could not be refreshed"
		f.Warn = true
	}
	f.HeightText = f.Text
	if s.Estimated {
		f.HeightText += "; the block height is estimated"
	}
	if age > StaleAfter {
		f.Warn = true
	}
	return f
}
