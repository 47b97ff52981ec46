package gen

import (
	"encoding/json"
	"fmt"
	"html"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"

	"github.com/hashswitch/hashswitch/wasm/calc"
	"github.com/hashswitch/hashswitch/wasm/chain"
	"github.com/hashswitch/hashswitch/wasm/locale"
)

// Deal is one of the miners' AI/HPC contracts, as announced, with the
// announcement it comes from (content/data/deals.json).
type Deal struct {
	ID           string  `json:"id"`
	Company      string  `json:"company"`
	Counterparty string  `json:"counterparty"`
	Announced    string  `json:"announced"` // YYYY-MM-DD
	Kind         string  `json:"kind"`      // colocation or gpu_cloud
	ITMW         float64 `json:"it_mw"`     // critical IT load; 0 when not stated
	GrossMW      float64 `json:"gross_mw"`  // when stated
	MWUnclear    bool    `json:"mw_unclear"`
	TermYears    float64 `json:"term_years"`
	TotalUSD     float64 `json:"total_usd"`
	EscalatorPct float64 `json:"escalator_pct"` // yearly, when published
	// EscalatorsStated: the announcement says the rent rises each year
	// (at EscalatorPct, or at a rate it does not publish).
	EscalatorsStated bool   `json:"escalators_stated"`
	Note             string `json:"note"`
	NoteVI           string `json:"note_vi"` // the note for Vietnamese readers
	Source           struct {
		Publisher, Title, Date, URL string
	} `json:"source"`
}

// DealsFile is where the deals are kept, under the repository root.
var DealsFile = filepath.Join("content", "data", "deals.json")

// LoadDeals reads the deals.
func LoadDeals(root string) ([]Deal, error) {
	b, err := os.ReadFile(filepath.Join(root, DealsFile))
	if err != nil {
		return nil, err
	}
	var deals []Deal
	if err := json.Unmarshal(b, &deals); err != nil {
		return nil, fmt.Errorf("%s: %w", DealsFile, err)
	}
	return deals, nil
}

// USDPerKWMonth is what the deal pays per kW of IT load a month, averaged
// over its term: total / term / 12 / IT kW (0 when the IT load is not
// stated).
func (d Deal) USDPerKWMonth() float64 {
	if d.ITMW == 0 {
		return 0
	}
	return d.TotalUSD / d.TermYears / 12 / (d.ITMW * 1000)
}

// FirstYearUSDPerKWMonth is the rent of the first year that, rising by
// the escalator each year, adds up to the deal's total over its term.
func (d Deal) FirstYearUSDPerKWMonth() float64 {
	years := 0.0 // the term's rent in first-year rents
	for y := 0.0; y < d.TermYears; y++ {
		years += math.Min(1, d.TermYears-y) * math.Pow(1+d.EscalatorPct/100, y)
	}
	return d.USDPerKWMonth() * d.TermYears / years
}

// dealPUE is the PUE a deal's hall is assumed to run at: the convert
// calculator's default.
const dealPUE = 1.3

// Preset is the convert calculator's scenario for a colocation deal: a
// site whose IT load at the default PUE is the deal's, leased for its term
// at its rent (first year, with its escalator), the rest at the
// calculator's defaults; nil for a deal that is not a lease of a stated IT
// load.
func (d Deal) Preset() calc.Values {
	if d.Kind != "colocation" || d.ITMW == 0 {
		return nil
	}
	v := calc.Values{}
	v.Set("mw", strconv.FormatFloat(d.ITMW*dealPUE, 'f', -1, 64))
	v.Set("lease", strconv.FormatFloat(d.FirstYearUSDPerKWMonth(), 'f', -1, 64))
	v.Set("lease_escalator", strconv.FormatFloat(d.EscalatorPct, 'f', -1, 64))
	v.Set("years", strconv.FormatFloat(d.TermYears, 'f', -1, 64))
	v.Set("lease_years", strconv.FormatFloat(d.TermYears, 'f', -1, 64))
	v.Set("gpu_hour", "0")
	return v
}

// dealWords are the table's words in each language.
var dealWords = map[locale.Tag]map[string]string{
	locale.EN: {
		"caption": "The miners' AI and HPC contracts, as announced, and what the site's model says of each lease at its defaults",
		"deal":    "Deal", "load": "IT load", "value": "Value, term", "perkw": "Per kW of IT load a month",
		"npv": "The model: NPV of the lease", "payback": "pays back in", "source": "Source",
		"colocation": "colocation", "gpu_cloud": "GPU cloud", "years": "years", "gross": "gross", "never": "never",
		"open": "Open in the calculator", "unclear": "IT or gross: not stated", "na": "—", "escalators": "Rent rises",
		"a year": "a year", "unpublished": "each year, at a rate not published (the model holds it flat)",
	},
	locale.VI: {
		"caption": "Các hợp đồng AI và HPC của các công ty đào bitcoin, theo công bố, và đánh giá của mô hình trên trang này về từng hợp đồng thuê với các giá trị mặc định",
		"deal":    "Hợp đồng", "load": "Tải IT", "value": "Giá trị, thời hạn", "perkw": "Mỗi kW tải IT mỗi tháng",
		"npv": "Mô hình: NPV của hợp đồng thuê", "payback": "hoàn vốn sau", "source": "Nguồn",
		"colocation": "cho thuê chỗ đặt máy", "gpu_cloud": "cho thuê GPU", "years": "năm", "gross": "tổng", "never": "không bao giờ",
		"open": "Mở trong công cụ tính", "unclear": "tải IT hay tổng công suất: không nêu rõ", "na": "—", "escalators": "Giá thuê tăng",
		"a year": "mỗi năm", "unpublished": "hằng năm, mức tăng không công bố (mô hình giữ nguyên)",
	},
}

// dealsTable writes the table of deals for readers of lang: each row with
// its source, what it pays per kW of IT load, and, for a lease, the
// convert calculator's NPV and payback for its scenario, linked to that
// scenario.
func dealsTable(w io.Writer, deals []Deal, lang locale.Tag) error {
	t, st := dealWords[lang], lang.Style()
	fmt.Fprintf(w, "<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"%s\">\n<table class=\"deals\">\n<caption>%s</caption>\n",
		html.EscapeString(t["caption"]), html.EscapeString(t["caption"]))
	fmt.Fprintf(w, "<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
		t["deal"], t["load"], t["value"], t["perkw"], t["npv"], t["source"])
	for _, d := range deals {
		load := t["na"]
		if d.ITMW > 0 {
			load = st.Plain(strconv.FormatFloat(d.ITMW, 'f', -1, 64)) + " MW"
			if d.GrossMW > 0 {
				load += " (" + st.Plain(strconv.FormatFloat(d.GrossMW, 'f', -1, 64)) + " MW " + t["gross"] + ")"
			}
			if d.MWUnclear {
				load += "<br><small>" + html.EscapeString(t["unclear"]) + "</small>"
			}
		}
		perKW, npv, payback, link := t["na"], t["na"], t["na"], ""
		if x := d.USDPerKWMonth(); x > 0 {
			perKW = st.USD(math.Round(x))
		}
		if p := d.Preset(); p != nil {
			q := calc.QueryOf(calc.Convert, chain.MainNet, p)
			r, problem := calc.Run(calc.Convert, q)
			if problem != nil {
				return fmt.Errorf("deal %s: %s: %s", d.ID, problem.Field, problem.Message)
			}
			lease := r.(*calc.ConvertResult).Lease
			npv = st.USD(lease.NPVUSD)
			payback = t["never"]
			if lease.PaybackYears != nil {
				payback = st.Plain(strconv.FormatFloat(math.Round(*lease.PaybackYears*10)/10, 'f', -1, 64)) + " " + t["years"]
			}
			link = `<a href="` + langPrefix(lang) + `/embed/convert/?` + html.EscapeString(p.Encode()) + `">` + html.EscapeString(t["open"]) + `</a>`
		}
		note := d.Note
		if lang == locale.VI {
			note = d.NoteVI
		}
		escal := ""
		switch {
		case d.EscalatorPct != 0:
			escal = "<br><small>" + html.EscapeString(t["escalators"]) + ": " + st.Plain(strconv.FormatFloat(d.EscalatorPct, 'f', -1, 64)) + "% " + html.EscapeString(t["a year"]) + "</small>"
		case d.EscalatorsStated:
			escal = "<br><small>" + html.EscapeString(t["escalators"]) + ": " + html.EscapeString(t["unpublished"]) + "</small>"
		}
		model := npv
		if payback != t["na"] {
			model = npv + "<br>" + html.EscapeString(t["payback"]) + " " + payback
		}
		if link != "" {
			model += "<br>" + link
		}
		fmt.Fprintf(w, "<tr id=\"%s\"><th scope=\"row\">%s – %s<br><small>%s, %s · %s</small>%s</th><td>%s</td><td>%s, %s %s</td><td>%s</td><td>%s</td><td><a href=\"%s\">%s</a>, %s, %s</td></tr>\n",
			html.EscapeString(d.ID), html.EscapeString(d.Company), html.EscapeString(d.Counterparty), html.EscapeString(t[d.Kind]), html.EscapeString(d.Announced), html.EscapeString(note), escal,
			load, st.USD(d.TotalUSD), st.Plain(strconv.FormatFloat(d.TermYears, 'f', -1, 64)), t["years"],
			perKW, model, html.EscapeString(d.Source.URL), html.EscapeString(d.Source.Title), html.EscapeString(d.Source.Publisher), html.EscapeString(d.Source.Date))
	}
	fmt.Fprint(w, "</tbody>\n</table>\n</div>\n")
	return nil
}
