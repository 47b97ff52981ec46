package gen

import (
	"encoding/json"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/hashswitch/hashswitch/wasm/calc"
	"github.com/hashswitch/hashswitch/wasm/locale"
	"github.com/hashswitch/hashswitch/wasm/netdata"
	"github.com/hashswitch/hashswitch/wasm/widget"
)

// fakeRoot is a repository whose content/ holds files (name: Markdown) and
// whose code, site and data are the real ones, for building a site of
// chosen pages.
func fakeRoot(t *testing.T, files map[string]string) string {
	t.Helper()
	fake := t.TempDir()
	abs, _ := filepath.Abs(root)
	if err := os.MkdirAll(filepath.Join(fake, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"go.mod", "go.sum", "site", "wasm", "internal", filepath.Join("content", "data")} {
		if err := os.Symlink(filepath.Join(abs, name), filepath.Join(fake, name)); err != nil {
			t.Fatal(err)
		}
	}
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(fake, "content", name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return fake
}

// TestProseAndCalculatorsComputeFromOnePageSnapshot builds, from figures
// other than the committed ones (as a live build does), a page whose text
// and calculator both show hashprice at the calculator's start values:
// the two must be the same number, computed from the build's figures, and
// the page's Go must be handed those figures. A page dated by its front
// matter (asof) computes both from that day's committed snapshot. (Prose
// numbers took the committed snapshot while the calculators took the
// build's, so a live build could make them disagree.)
func TestProseAndCalculatorsComputeFromOnePageSnapshot(t *testing.T) {
	committed := netdata.Committed()
	live := committed
	live.AsOf, live.Time, live.PriceUSD, live.Difficulty = "2026-12-06", committed.Time+86400*376, 91000.5, committed.Difficulty*1.2
	dated := netdata.Dates()[0]
	datedFigures, _ := netdata.Dated(dated)
	page := "Hashprice today: {{hashprice.hashprice_usd_per_ph_day}}.\n\n```calc hashprice\n```\n"
	out := t.TempDir()
	fake := fakeRoot(t, map[string]string{
		"index.md": "---\ntitle: t\ndescription: d\n---\n\n" + page,
		"dated.md": "---\ntitle: t\ndescription: d\nasof: " + dated + "\n---\n\n" + page,
	})
	if _, err := Build(Config{Root: fake, Out: out, Snapshot: live}); err != nil {
		t.Fatal(err)
	}
	prose := regexp.MustCompile(`<data class="computed" value="([^"]*)"`)
	calculator := regexp.MustCompile(`<output data-key="hashprice_usd_per_ph_day" data-value="([^"]*)"`)
	network := regexp.MustCompile(`data-network="([^"]*)"`)
	for _, c := range []struct {
		file string
		want netdata.Snapshot
	}{
		{"index.html", live},
		{filepath.Join("dated", "index.html"), datedFigures},
	} {
		data, err := os.ReadFile(filepath.Join(out, c.file))
		if err != nil {
			t.Fatal(err)
		}
		p, k, n := prose.FindSubmatch(data), calculator.FindSubmatch(data), network.FindSubmatch(data)
		if p == nil || k == nil || n == nil {
			t.Fatalf("%s: no computed number, calculator or network figures", c.file)
		}
		text, calcValue := html.UnescapeString(string(p[1])), html.UnescapeString(string(k[1]))
		_, raw, err := widget.Inline(c.want, locale.EN, "hashprice", "hashprice_usd_per_ph_day", calc.Values{}, "")
		if err != nil {
			t.Fatal(err)
		}
		if want := RawValue(raw); text != calcValue || text != want {
			t.Errorf("%s: the text says %s, its calculator %s; from the figures of %s both are %s", c.file, text, calcValue, c.want.AsOf, want)
		}
		var handed netdata.Snapshot
		if err := json.Unmarshal([]byte(html.UnescapeString(string(n[1]))), &handed); err != nil || handed.AsOf != c.want.AsOf || handed.PriceUSD != c.want.PriceUSD {
			t.Errorf("%s: the page's Go gets the figures of %s at $%v (%v), not those its numbers came from, %s at $%v",
				c.file, handed.AsOf, handed.PriceUSD, err, c.want.AsOf, c.want.PriceUSD)
		}
	}
	// The test can fail: the live figures give another hashprice.
	_, a, _ := widget.Inline(live, locale.EN, "hashprice", "hashprice_usd_per_ph_day", calc.Values{}, "")
	_, b, _ := widget.Inline(committed, locale.EN, "hashprice", "hashprice_usd_per_ph_day", calc.Values{}, "")
	if RawValue(a) == RawValue(b) {
		t.Errorf("the live and committed figures give the same hashprice, %v", a)
	}
}
