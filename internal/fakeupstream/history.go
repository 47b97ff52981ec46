package fakeupstream

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"net/http"
	"time"

	"github.com/hashswitch/hashswitch/wasm/chain"
	"github.com/hashswitch/hashswitch/wasm/history"
)

// History is the fake network's past, as mempool.space's mining endpoints
// report it: daily figures and the difficulty adjustments.
type History struct {
	Days        []HistoryDay
	Adjustments []history.Adjustment // in height order
}

// HistoryDay is one UTC day of the fake past.
type HistoryDay struct {
	Date       time.Time // the day's first instant, UTC
	Height     int64     // the mean height of the day's blocks
	FeesSat    int64     // mean fees per block
	RewardsSat int64     // mean reward per block; 0: the subsidy plus the fees
	HashrateHs float64   // 0: what the difficulty implies
	PriceUSD   float64   // 0: no price that day
}

// TypicalHistory is a plausible past: 1,000 days to 2 December 2025 (the
// day of Typical's tip), 144 blocks a day ending at Typical's height, so
// that block 840,000 and its halving fall in it; a retarget every 2,016
// blocks, up 1.5% each; prices and fees that wander. A fixture, not a
// real past.
func TypicalHistory() History { return pastOf(1000, Typical().Height) }

// FullHistory is TypicalHistory as long as the real past: the 6,177 days
// from 4 January 2009 (the first whole day after the genesis block's) to
// 2 December 2025, from height 0, so that its four lists are the size of
// what the Cron Trigger fetches (about 1.9 MB), none of their figures
// real (the rules refuse its first difficulty, not the genesis block's 1).
func FullHistory() History { return pastOf(6177, 144*6176) }

// pastOf is a plausible past of the days to 2 December 2025, the last at
// endHeight.
func pastOf(days int, endHeight int64) History {
	end := time.Date(2025, 12, 2, 0, 0, 0, 0, time.UTC)
	first := end.AddDate(0, 0, -(days - 1))
	h0 := endHeight - 144*int64(days-1)
	var hs History
	d := 40e12
	for h := h0 - h0%2016; h <= endHeight; h += 2016 {
		t := first.Unix() + (h-h0)*600
		hs.Adjustments = append(hs.Adjustments, history.Adjustment{Height: h, Time: t, Difficulty: d})
		d *= 1.015
	}
	for i := range days {
		hs.Days = append(hs.Days, HistoryDay{
			Date:     first.AddDate(0, 0, i),
			Height:   h0 + int64(144*i),
			FeesSat:  10_000_000 + int64(5_000_000*math.Sin(float64(i)/9)),
			PriceUSD: math.Round(100*(25_000+60*float64(i)+4_000*math.Sin(float64(i)/30))) / 100,
		})
	}
	return hs
}

// historyAnswer answers the history endpoints from st.History
// (TypicalHistory when nil); ok is false for any other path.
func (st State) historyAnswer(path string) (status int, contentType string, body []byte, ok bool) {
	switch path {
	case history.PathHashrate, history.PathRewards, history.PathFees, history.PathPrice:
	default:
		return 0, "", nil, false
	}
	hs := TypicalHistory()
	if st.History != nil {
		hs = *st.History
	}
	difficultyAt := func(h int64) float64 {
		d := 1.0
		for _, a := range hs.Adjustments {
			if a.Height <= h {
				d = a.Difficulty
			}
		}
		return d
	}
	var v any
	switch path {
	case history.PathHashrate:
		hashrates := []map[string]any{}
		for _, d := range hs.Days {
			h := d.HashrateHs
			if h == 0 {
				h = chain.MainNet.HashrateFromDifficulty(difficultyAt(d.Height))
			}
			hashrates = append(hashrates, map[string]any{"timestamp": d.Date.Unix(), "avgHashrate": h})
		}
		// The backend's own names: "time", not the documentation's "timestamp".
		adjustments := []map[string]any{}
		for i, a := range hs.Adjustments {
			change := 1.0
			if i > 0 {
				change = a.Difficulty / hs.Adjustments[i-1].Difficulty
			}
			adjustments = append(adjustments, map[string]any{"time": a.Time, "height": a.Height, "difficulty": a.Difficulty, "adjustment": change})
		}
		var current, currentDifficulty float64
		if n := len(hashrates); n > 0 {
			current = hashrates[n-1]["avgHashrate"].(float64)
		}
		if n := len(hs.Adjustments); n > 0 {
			currentDifficulty = hs.Adjustments[n-1].Difficulty
		}
		v = map[string]any{"hashrates": hashrates, "difficulty": adjustments, "currentHashrate": current, "currentDifficulty": currentDifficulty}
	case history.PathRewards, history.PathFees:
		rows := []map[string]any{}
		for _, d := range hs.Days {
			row := map[string]any{"avgHeight": d.Height, "timestamp": d.Date.Unix() + 43_200, "USD": d.PriceUSD}
			if path == history.PathFees {
				row["avgFees"] = d.FeesSat
			} else if d.RewardsSat != 0 {
				row["avgRewards"] = d.RewardsSat
			} else {
				row["avgRewards"] = chain.MainNet.SubsidySat(d.Height) + d.FeesSat
			}
			rows = append(rows, row)
		}
		v = rows
	case history.PathPrice:
		// Newest first, as the backend orders them; two quotes a day.
		prices := []map[string]any{}
		for i := len(hs.Days) - 1; i >= 0; i-- {
			d := hs.Days[i]
			if d.PriceUSD == 0 {
				continue
			}
			for _, at := range []int64{43_200, 0} {
				prices = append(prices, map[string]any{"time": d.Date.Unix() + at, "USD": d.PriceUSD})
			}
		}
		v = map[string]any{"prices": prices, "exchangeRates": map[string]float64{"USDEUR": 0.92}}
	}
	b, err := json.Marshal(v)
	if err != nil {
		return http.StatusInternalServerError, "", []byte(err.Error()), true
	}
	return http.StatusOK, "application/json", append(b, '\n'), true
}

// Get is a history.Getter over net/http, as the build's live mode and the
// tests have one: a status other than 200 is an error.
func Get(ctx context.Context, url string) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("%s: %s", url, res.Status)
	}
	return io.ReadAll(res.Body)
}

// FlatSeries is a series of days from from, each with the same figures
// (difficulty 150 T, $90,000, 3.125 BTC of subsidy and 0.02 of fees) and
// its hashprice computed as decoding computes it: a series of any length
// for tests that need one without the upstream.
func FlatSeries(from history.Date, days int) (history.Series, error) {
	var s history.Series
	for i := range days {
		d := history.Day{Date: from + history.Date(i), Height: int64(880_000 + 144*i)}
		d.Values[history.Difficulty], d.Values[history.PriceUSD], d.Values[history.SubsidyBTC], d.Values[history.FeesBTC] = 1.5e14, 90_000, 3.125, 0.02
		d.Has = d.Has.With(history.Difficulty).With(history.PriceUSD).With(history.SubsidyBTC).With(history.FeesBTC)
		s.Days = append(s.Days, d)
	}
	b, err := history.Encode(&s)
	if err != nil {
		return history.Series{}, err
	}
	return history.Decode(b)
}
