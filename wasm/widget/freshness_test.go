package widget

import (
	"strings"
	"testing"
	"time"

	"github.com/hashswitch/hashswitch/wasm/netdata"
)

func TestFreshness(t *testing.T) {
	s := netdata.Committed() // 25 Nov 2025, 00:00 UTC
	at := time.Unix(s.Time, 0)
	live := s
	live.Height = 925_871
	live.Time = at.Add(14*time.Hour + 5*time.Minute).Unix()
	for _, tt := range []struct {
		s    netdata.Snapshot
		now  time.Time
		from string
		text string
		warn bool
	}{
		{s, at.Add(365 * 24 * time.Hour), FromBuild, "Figures from 25 Nov 2025, 365 days old", true},
		{s, at.Add(2 * time.Hour), FromBuild, "Figures from 25 Nov 2025", false},
		{s, at.Add(30 * time.Hour), FromBuild, "Figures from 25 Nov 2025, 1 day old", false},
		{s.EstimatedAt(at.Add(8 * 24 * time.Hour)), at.Add(8 * 24 * time.Hour), FromBuild, "Figures from 25 Nov 2025, 8 days old; the block height is estimated", true},
		{live, time.Unix(live.Time, 0).Add(time.Minute), FromLive, "Live: block 925,871, 14:05 UTC", false},
		{s, at.Add(400 * 24 * time.Hour), FromPinned, "Figures as of 25 Nov 2025 (pinned)", false},
		{live, time.Unix(live.Time, 0).Add(time.Hour), FromOffline, "Offline: figures from 25 Nov 2025, 14:05 UTC", false},
	} {
		f := FreshnessOf(tt.s, tt.now, tt.from)
		if f.HeightText != tt.text || f.Warn != tt.warn || f.ISO != "2025-11-25" || f.For(Lookup("halving")) != tt.text ||
			f.For(Lookup("hashprice")) != strings.TrimSuffix(tt.text, "; the block height is estimated") {
			t.Errorf("%s at %v: %+v, want %q warn %v", tt.from, tt.now, f, tt.text, tt.warn)
		}
	}
}
