package refresh

import (
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/hashswitch/hashswitch/wasm/netdata"
)

// Upstreams are the base URLs a refresh reads: public APIs that need no
// key. Tests point them at a fake server on loopback.
type Upstreams struct {
	Mempool  string // mempool.space's REST API
	Coinbase string
	Kraken   string
	Bitstamp string
	// Vietcombank publishes its exchange rates as XML: the dollar in dong.
	Vietcombank string
}

// AllAt points every upstream at one origin: a fake, in tests.
func AllAt(origin string) Upstreams {
	return Upstreams{Mempool: origin, Coinbase: origin, Kraken: origin, Bitstamp: origin, Vietcombank: origin}
}

// PublicUpstreams are the real services.
func PublicUpstreams() Upstreams {
	return Upstreams{
		Mempool:  "https://mempool.space",
		Coinbase: "https://api.coinbase.com",
		Kraken:   "https://api.kraken.com",
		Bitstamp: "https://www.bitstamp.net",
		// Its feed asks for no more than a request every five minutes;
		// the edge's cron asks every ten.
		Vietcombank: "https://portal.vietcombank.com.vn",
	}
}

// The paths a refresh asks, by the services' documentation.
const (
	PathBlocks      = "/api/v1/blocks"                  // the newest blocks, tip first
	PathRewardStats = "/api/v1/mining/reward-stats/144" // rewards of the last 144 blocks
	PathHashrate    = "/api/v1/mining/hashrate/3d"      // the estimated hashrate
	PathCoinbase    = "/v2/prices/BTC-USD/spot"
	PathKraken      = "/0/public/Ticker?pair=XBTUSD"
	PathBitstamp    = "/api/v2/ticker/btcusd/"
	PathVietcombank = "/Usercontrols/TVPortal.TyGia/pXML.aspx"
)

// Tip is the chain tip as mempool.space's /api/v1/blocks reports it.
type Tip struct {
	Height     int64
	Time       int64
	Bits       uint32
	Difficulty float64
}

// ParseBlocks reads /api/v1/blocks: an array of blocks, the tip first,
// each with height, timestamp, bits (a number) and difficulty.
func ParseBlocks(body []byte) (Tip, error) {
	var blocks []struct {
		Height     *int64   `json:"height"`
		Timestamp  *int64   `json:"timestamp"`
		Bits       *uint32  `json:"bits"`
		Difficulty *float64 `json:"difficulty"`
	}
	if err := json.Unmarshal(body, &blocks); err != nil {
		return Tip{}, fmt.Errorf("blocks: %w", err)
	}
	if len(blocks) == 0 {
		return Tip{}, errors.New("blocks: empty list")
	}
	b := blocks[0]
	if b.Height == nil || b.Timestamp == nil || b.Bits == nil || b.Difficulty == nil {
		return Tip{}, errors.New("blocks: the tip lacks height, timestamp, bits or difficulty")
	}
	return Tip{*b.Height, *b.Timestamp, *b.Bits, *b.Difficulty}, nil
}

// RewardStats are the fees of the last blocks, as mempool.space reports
// them.
type RewardStats struct {
	MeanFeesBTC float64 // per block
	Blocks      int64
}

// ParseRewardStats reads /api/v1/mining/reward-stats/N: totalFee
// (satoshis, a decimal string) over the blocks from startBlock to
// endBlock, and returns it as a mean per block in BTC.
func ParseRewardStats(body []byte) (RewardStats, error) {
	var r struct {
		StartBlock *int64 `json:"startBlock"`
		EndBlock   *int64 `json:"endBlock"`
		TotalFee   string `json:"totalFee"`
	}
	if err := json.Unmarshal(body, &r); err != nil {
		return RewardStats{}, fmt.Errorf("reward stats: %w", err)
	}
	if r.StartBlock == nil || r.EndBlock == nil {
		return RewardStats{}, errors.New("reward stats: no startBlock or endBlock")
	}
	blocks := *r.EndBlock - *r.StartBlock + 1
	fee, err := strconv.ParseInt(r.TotalFee, 10, 64)
	switch {
	case err != nil:
		return RewardStats{}, fmt.Errorf("reward stats: totalFee %q is not whole satoshis", r.TotalFee)
	case blocks <= 0 || blocks > 10_000:
		return RewardStats{}, fmt.Errorf("reward stats: %d blocks", blocks)
	case fee < 0:
		return RewardStats{}, fmt.Errorf("reward stats: negative fees")
	}
	return RewardStats{float64(fee) / 1e8 / float64(blocks), blocks}, nil
}

// ParseHashrate reads /api/v1/mining/hashrate/3d: currentHashrate in H/s,
// returned in EH/s.
func ParseHashrate(body []byte) (float64, error) {
	var r struct {
		CurrentHashrate *float64 `json:"currentHashrate"`
	}
	if err := json.Unmarshal(body, &r); err != nil {
		return 0, fmt.Errorf("hashrate: %w", err)
	}
	if r.CurrentHashrate == nil {
		return 0, errors.New("hashrate: no currentHashrate")
	}
	return *r.CurrentHashrate / 1e18, nil
}

// ParseCoinbase reads Coinbase's spot price: {"data":{"amount":"85000.1",
// "base":"BTC","currency":"USD"}}.
func ParseCoinbase(body []byte) (float64, error) {
	var r struct {
		Data struct{ Amount, Base, Currency string }
	}
	if err := json.Unmarshal(body, &r); err != nil {
		return 0, fmt.Errorf("coinbase: %w", err)
	}
	if r.Data.Base != "BTC" || r.Data.Currency != "USD" {
		return 0, fmt.Errorf("coinbase: a %s-%s price, not BTC-USD", r.Data.Base, r.Data.Currency)
	}
	return decimal("coinbase", r.Data.Amount)
}

// ParseKraken reads Kraken's ticker for XBTUSD: {"error":[],"result":
// {"XXBTZUSD":{"c":["85000.1","0.001"],...}}}, c being the last trade.
func ParseKraken(body []byte) (float64, error) {
	var r struct {
		Error  []string
		Result map[string]struct{ C []string }
	}
	if err := json.Unmarshal(body, &r); err != nil {
		return 0, fmt.Errorf("kraken: %w", err)
	}
	if len(r.Error) > 0 {
		return 0, fmt.Errorf("kraken: %s", r.Error[0])
	}
	t, ok := r.Result["XXBTZUSD"]
	if !ok || len(t.C) == 0 {
		return 0, errors.New("kraken: no XXBTZUSD last trade")
	}
	return decimal("kraken", t.C[0])
}

// ParseBitstamp reads Bitstamp's ticker: {"last":"85000",...}.
func ParseBitstamp(body []byte) (float64, error) {
	var r struct{ Last string }
	if err := json.Unmarshal(body, &r); err != nil {
		return 0, fmt.Errorf("bitstamp: %w", err)
	}
	return decimal("bitstamp", r.Last)
}

// decimal reads a price written as a decimal string.
func decimal(who, s string) (float64, error) {
	x, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
		return 0, fmt.Errorf("%s: price %q is not a number", who, s)
	}
	return x, nil
}

// Rate is the US dollar in dong as a bank published it.
type Rate struct {
	VNDPerUSD float64
	At        time.Time // when the bank dated it
}

// ParseVietcombank reads Vietcombank's rates: <ExrateList>, its
// <DateTime> (1/2/2006 3:04:05 PM, Vietnam's time) and one <Exrate> per
// currency with CurrencyCode and Buy, Transfer and Sell in dong written
// with thousands commas (26,412.00). It returns the dollar's selling rate,
// the one the Vietnamese press quotes ("bán ra").
func ParseVietcombank(body []byte) (Rate, error) {
	var list struct {
		XMLName  xml.Name `xml:"ExrateList"`
		DateTime string
		Exrate   []struct {
			CurrencyCode string `xml:",attr"`
			Sell         string `xml:",attr"`
		}
	}
	if err := xml.Unmarshal(body, &list); err != nil {
		return Rate{}, fmt.Errorf("vietcombank: %w", err)
	}
	at, err := time.ParseInLocation("1/2/2006 3:04:05 PM", strings.TrimSpace(list.DateTime), netdata.Vietnam)
	if err != nil {
		return Rate{}, fmt.Errorf("vietcombank: DateTime %q is not M/D/YYYY h:mm:ss AM", list.DateTime)
	}
	for _, x := range list.Exrate {
		if x.CurrencyCode != "USD" {
			continue
		}
		sell := strings.ReplaceAll(x.Sell, ",", "")
		if sell == "" || strings.ContainsAny(sell, "eEnNxXpP_") {
			return Rate{}, fmt.Errorf("vietcombank: the dollar's Sell %q is not a number", x.Sell)
		}
		r, err := decimal("vietcombank", sell)
		return Rate{r, at}, err
	}
	return Rate{}, errors.New("vietcombank: no USD rate")
}
