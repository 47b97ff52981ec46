// Package fakeupstream serves, on loopback, the public APIs a live refresh
// reads (mempool.space, the BTC-USD tickers of Coinbase, Kraken and
// Bitstamp, and Vietcombank's exchange rates) in their documented shapes, with figures a test sets
// and failures it chooses. It is a fixture: nothing it serves describes a
// real moment. Tests, the build's live mode and the worker's tests point
// refresh.Upstreams at it, so no test sends traffic off this machine.
package fakeupstream

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/hashswitch/hashswitch/wasm/chain"
	"github.com/hashswitch/hashswitch/wasm/netdata"
	"github.com/hashswitch/hashswitch/wasm/netdata/refresh"
)

// State is what the fake network says.
type State struct {
	Height     int64
	TipTime    int64
	Bits       uint32
	Difficulty float64 // 0: the bits' own difficulty
	FeesSat    int64   // over the last 144 blocks
	HashrateHs float64 // 0: what the bits imply
	Coinbase   string  // decimal strings, as the exchanges write them
	Kraken     string
	Bitstamp   string
	VNDSell    string                   // the dollar's selling rate, as Vietcombank writes it (26,412.00)
	VNDAt      time.Time                // when Vietcombank dated its rates
	Fail       map[string]int           // path -> HTTP status to answer instead
	Body       map[string]string        // path -> a raw body to answer instead
	Delay      map[string]time.Duration // path -> how long to wait first
	History    *History                 // the mining endpoints' past; nil: TypicalHistory
}

// Typical is a plausible state: 149.3 T-ish difficulty (bits 1701e299),
// prices near $91,000, the dollar at 26,412 dong. A fixture, not a real
// moment.
func Typical() State {
	return State{
		Height: 926_100, TipTime: 1_764_700_000, Bits: 0x1701e299, FeesSat: 144 * 2_500_000,
		Coinbase: "91000.50", Kraken: "91010.1", Bitstamp: "90990",
		VNDSell: "26,412.00", VNDAt: time.Unix(1_764_700_000, 0),
	}
}

// Server is a running fake.
type Server struct {
	*httptest.Server
	mu    sync.Mutex
	state State
	hits  map[string]int
}

// Start serves st on a loopback port until the test ends.
func Start(st State) *Server {
	s := &Server{state: st, hits: map[string]int{}}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	return s
}

// Set replaces the state.
func (s *Server) Set(st State) {
	s.mu.Lock()
	s.state = st
	s.mu.Unlock()
}

// Hits counts the requests for path.
func (s *Server) Hits(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

// Upstreams points every upstream at the fake.
func (s *Server) Upstreams() refresh.Upstreams {
	return refresh.AllAt(s.URL)
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	path := r.URL.Path
	if r.URL.RawQuery != "" {
		path += "?" + r.URL.RawQuery
	}
	s.mu.Lock()
	st := s.state
	s.hits[path]++
	s.mu.Unlock()
	if d := st.Delay[path]; d > 0 {
		select {
		case <-time.After(d):
		case <-r.Context().Done():
			return
		}
	}
	status, contentType, body := st.Answer(path)
	if status != http.StatusOK {
		http.Error(w, string(body), status)
		return
	}
	if contentType != "" {
		w.Header().Set("Content-Type", contentType)
	}
	w.Write(body)
}

// Answer is what the fake says to path (with its query): a status, the
// body's type when it has a documented one, and the body.
func (st State) Answer(path string) (status int, contentType string, body []byte) {
	if code := st.Fail[path]; code != 0 {
		return code, "", []byte("fake failure")
	}
	if b, ok := st.Body[path]; ok {
		return http.StatusOK, "", []byte(b)
	}
	if status, contentType, body, ok := st.historyAnswer(path); ok {
		return status, contentType, body
	}
	if path == refresh.PathVietcombank {
		return http.StatusOK, "text/xml; charset=utf-8", fmt.Appendf(nil, vietcombank, st.VNDAt.In(netdata.Vietnam).Format("1/2/2006 3:04:05 PM"), st.VNDSell)
	}
	d := st.Difficulty
	if d == 0 {
		d = chain.Difficulty(st.Bits)
	}
	var v any
	switch path {
	case refresh.PathBlocks:
		v = []map[string]any{{"id": strings.Repeat("0", 64), "height": st.Height, "version": 536870912,
			"timestamp": st.TipTime, "bits": st.Bits, "nonce": 1, "difficulty": d, "tx_count": 3000}}
	case refresh.PathRewardStats:
		v = map[string]any{"startBlock": st.Height - 143, "endBlock": st.Height,
			"totalReward": fmt.Sprint(144*312_500_000 + st.FeesSat), "totalFee": fmt.Sprint(st.FeesSat), "totalTx": "450000"}
	case refresh.PathHashrate:
		h := st.HashrateHs
		if h == 0 {
			h = d * (1 << 32) / 600
		}
		v = map[string]any{"hashrates": []any{}, "difficulty": []any{}, "currentHashrate": h, "currentDifficulty": d}
	case refresh.PathCoinbase:
		v = map[string]any{"data": map[string]string{"amount": st.Coinbase, "base": "BTC", "currency": "USD"}}
	case refresh.PathKraken:
		v = map[string]any{"error": []string{}, "result": map[string]any{"XXBTZUSD": map[string]any{
			"a": []string{st.Kraken, "1", "1.000"}, "b": []string{st.Kraken, "1", "1.000"}, "c": []string{st.Kraken, "0.001"}}}}
	case refresh.PathBitstamp:
		v = map[string]any{"timestamp": fmt.Sprint(st.TipTime), "last": st.Bitstamp, "bid": st.Bitstamp, "ask": st.Bitstamp}
	default:
		return http.StatusNotFound, "", []byte("404 page not found")
	}
	b, err := json.Marshal(v)
	if err != nil {
		return http.StatusInternalServerError, "", []byte(err.Error())
	}
	return http.StatusOK, "application/json", append(b, '\n')
}

// Get answers as the server would, in process: a refresh.Getter for tests
// that need no loopback (any origin will do: AllAt("http://fake")).
func (st State) Get(_ context.Context, rawURL string) ([]byte, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, err
	}
	path := u.Path
	if u.RawQuery != "" {
		path += "?" + u.RawQuery
	}
	status, _, body := st.Answer(path)
	if status != http.StatusOK {
		return nil, fmt.Errorf("%s: %d %s", rawURL, status, http.StatusText(status))
	}
	return body, nil
}

// vietcombank is the shape of Vietcombank's rates: its comment, its date
// in Vietnam's time, the euro before the dollar, and its source line.
const vietcombank = `<!--For reference only. Only one request every 5 minutes!-->
<ExrateList>
  <DateTime>%s</DateTime>
  <Exrate CurrencyCode="EUR" CurrencyName="EURO" Buy="29,687.29" Transfer="29,987.16" Sell="31,252.39" />
  <Exrate CurrencyCode="USD" CurrencyName="US DOLLAR" Buy="26,092.00" Transfer="26,122.00" Sell="%s" />
  <Source>Joint Stock Commercial Bank for Foreign Trade of Vietnam - Vietcombank</Source>
</ExrateList>
`
