package gen

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hashswitch/hashswitch/wasm/calc"
	"github.com/hashswitch/hashswitch/wasm/locale"
	"github.com/hashswitch/hashswitch/wasm/oembed"
)

// TestDealsAreSourcedAndReproduced: every deal names its announcement
// (publisher, title, date, an https link) and is not dated after it; each
// lease's preset, asked of the API, earns the deal's total over its term
// (so its rent per kW is the deal's), and the table shows every deal in
// both languages.
func TestDealsAreSourcedAndReproduced(t *testing.T) {
	deals, err := LoadDeals(root)
	if err != nil {
		t.Fatal(err)
	}
	if len(deals) < 8 {
		t.Errorf("%d deals", len(deals))
	}
	seen := map[string]bool{}
	for _, d := range deals {
		s := d.Source
		if s.Publisher == "" || s.Title == "" || !strings.HasPrefix(s.URL, "https://") || d.NoteVI == "" || seen[d.ID] {
			t.Errorf("%s: source %+v, Vietnamese note %q, id seen before %v", d.ID, s, d.NoteVI, seen[d.ID])
		}
		seen[d.ID] = true
		announced, err1 := time.Parse(time.DateOnly, d.Announced)
		published, err2 := time.Parse(time.DateOnly, s.Date)
		if err1 != nil || err2 != nil || published.Before(announced.AddDate(0, 0, -1)) {
			t.Errorf("%s: announced %q, source dated %q", d.ID, d.Announced, s.Date)
		}
		p := d.Preset()
		if p == nil {
			if d.Kind == "colocation" {
				t.Errorf("%s: a lease without a scenario", d.ID)
			}
			continue
		}
		if want := d.TotalUSD / d.TermYears / 12 / (d.ITMW * 1000); math.Abs(d.USDPerKWMonth()-want) > 1e-9*want {
			t.Errorf("%s: %v per kW-month, want %v", d.ID, d.USDPerKWMonth(), want)
		}
		p.Set("lease_power", "landlord") // revenue is then the rent alone
		a := calc.Get(calc.Prefix+"convert", p.Encode())
		var r struct {
			Lease struct {
				RevenueUSD float64 `json:"revenue_usd"`
			}
		}
		if err := json.Unmarshal(a.Body, &r); err != nil || a.Status != calc.StatusOK {
			t.Errorf("%s: %d %s", d.ID, a.Status, a.Body)
			continue
		}
		if math.Abs(r.Lease.RevenueUSD-d.TotalUSD) > 1e-9*d.TotalUSD {
			t.Errorf("%s: the preset earns %v over the term, the deal %v", d.ID, r.Lease.RevenueUSD, d.TotalUSD)
		}
	}
	// The table is embeddable like a calculator, with its oEmbed answer.
	o, err := oembed.For("https://hashswitch.example", "https://hashswitch.example/vi/embed/deals/?dark=true", 0, 0)
	if err != nil || o.Title != "Các hợp đồng AI của thợ đào, quy ra mỗi kW" || !strings.Contains(o.HTML, `src="https://hashswitch.example/vi/embed/deals/?dark=true"`) {
		t.Errorf("oEmbed of the deals: %+v, %v", o, err)
	}
	// Its titles are the deals pages' own.
	for lang, file := range map[locale.Tag]string{locale.EN: "deals.md", locale.VI: filepath.Join("vi", "deals.md")} {
		md, _ := os.ReadFile(filepath.Join(root, "content", file))
		if want := "title: " + oembed.Tables["deals"][lang] + "\n"; !strings.Contains(string(md), want) {
			t.Errorf("content/%s's title is not oembed.Tables' %q", file, oembed.Tables["deals"][lang])
		}
	}
	out := t.TempDir()
	if _, err := Build(Config{Root: root, Out: out, BaseURL: "https://hashswitch.example"}); err != nil {
		t.Fatal(err)
	}
	for _, page := range []string{"deals/index.html", "vi/deals/index.html", "embed/deals/index.html", "vi/embed/deals/index.html"} {
		b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(page)))
		if err != nil {
			t.Fatal(err)
		}
		html := string(b)
		for _, d := range deals {
			if !strings.Contains(html, `<tr id="`+d.ID+`">`) || !strings.Contains(html, d.Source.URL) {
				t.Errorf("%s lacks %s or its source", page, d.ID)
			}
		}
	}
}
