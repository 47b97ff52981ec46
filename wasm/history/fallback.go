package history

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// The committed fallback: what a chart shows without live figures (a fresh
// clone, make serve, offline). It is Luxor's, labelled as monthly averages
// from Luxor, and never mixed with the computed daily series.
//
//go:embed luxor_monthly.json
var luxorJSON []byte

// Luxor's weekly Roundup posts: hashprice on a post's day, a series of its
// own beside the monthly averages.
//
//go:embed luxor_roundups.json
var roundupsJSON []byte

// Fallback is Luxor's monthly averages, the halvings and the record low,
// and apart from them Luxor's weekly Roundups (hashprice on the day).
type Fallback struct {
	About     string       `json:"about"`
	Unit      string       `json:"unit"`
	Months    []LuxorMonth `json:"months"`
	RecordLow RecordLow    `json:"record_low"`
	Halvings  []Halving    `json:"halvings"`
	Roundups  Roundups     `json:"-"` // luxor_roundups.json
}

// Roundups is what luxor_roundups.json holds: what the readings are, their
// unit and the readings, oldest first.
type Roundups struct {
	About    string    `json:"about"`
	Unit     string    `json:"unit"`
	Readings []Roundup `json:"readings"`
}

// Roundup is the USD hashprice of one day as Luxor's weekly Hashrate
// Index Roundup of that day states it: the post's title, URL, the sentence
// that states the figure and the words just before the figure in it
// (FigureAfter, for FigureInQuote), and a note where something about the
// post needs saying.
type Roundup struct {
	Date         string  `json:"date"` // YYYY-MM-DD, the day in the post's title
	HashpriceUSD float64 `json:"hashprice_usd"`
	Title        string  `json:"title"`
	URL          string  `json:"url"`
	Quote        string  `json:"quote"`
	FigureAfter  string  `json:"figure_after"`
	Note         string  `json:"note,omitempty"`
}

// LuxorMonth is one month's average USD hashprice as its Lookback post
// states it: the post's title, URL and publication date (empty where the
// copy read did not show it), and the sentence that states the figure.
type LuxorMonth struct {
	Month        string  `json:"month"` // YYYY-MM
	HashpriceUSD float64 `json:"hashprice_usd"`
	Title        string  `json:"title"`
	URL          string  `json:"url"`
	Published    string  `json:"published"`
	Quote        string  `json:"quote"`
}

// RecordLow is the index's all-time low in dollars and the post that
// reports it.
type RecordLow struct {
	Date         string  `json:"date"`
	HashpriceUSD float64 `json:"hashprice_usd"`
	Title        string  `json:"title"`
	URL          string  `json:"url"`
	Quote        string  `json:"quote"`
}

// Halving is the first block of a subsidy era and its day (UTC).
type Halving struct {
	Height    int64  `json:"height"`
	Date      string `json:"date"`
	Time      int64  `json:"time,omitempty"` // the header's timestamp, where a real header is at hand
	BlockHash string `json:"block_hash"`
	Source    string `json:"source"`
}

// LoadFallback returns the committed fallback.
func LoadFallback() (Fallback, error) {
	var f Fallback
	if err := json.Unmarshal(luxorJSON, &f); err != nil {
		return Fallback{}, fmt.Errorf("history: luxor_monthly.json: %w", err)
	}
	if err := json.Unmarshal(roundupsJSON, &f.Roundups); err != nil {
		return Fallback{}, fmt.Errorf("history: luxor_roundups.json: %w", err)
	}
	return f, nil
}

// FigureInQuote returns the first dollar amount ($54.55) in quote after
// the first occurrence of after: the figure a sentence states, read from
// the sentence itself so that a mistyped figure cannot pass for it.
func FigureInQuote(quote, after string) (float64, error) {
	i := strings.Index(quote, after)
	if i < 0 {
		return 0, fmt.Errorf("%q is not in the quote", after)
	}
	rest := quote[i+len(after):]
	j := strings.IndexByte(rest, '$')
	if j < 0 {
		return 0, fmt.Errorf("no dollar amount after %q", after)
	}
	num := rest[j+1:]
	end := strings.IndexFunc(num, func(r rune) bool { return !(r >= '0' && r <= '9' || r == '.' || r == ',') })
	if end >= 0 {
		num = num[:end]
	}
	num = strings.TrimRight(strings.ReplaceAll(num, ",", ""), ".")
	x, err := strconv.ParseFloat(num, 64)
	if err != nil {
		return 0, fmt.Errorf("%q after %q is not a number", num, after)
	}
	return x, nil
}
