package history

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
)

// The paths a history refresh asks mempool.space, by its REST API
// documentation (mempool.space/docs/api/rest; the same text is
// frontend/src/app/docs/api-docs/api-docs-data.ts in github.com/mempool/mempool).
// "all" gives every indexed day: the mining backend groups blocks by
// UNIX_TIMESTAMP DIV 86400 when no interval narrows it (mining.ts,
// getTimeRange), so each entry is one UTC day.
const (
	PathHashrate = "/api/v1/mining/hashrate/all"       // difficulty adjustments and daily hashrate
	PathRewards  = "/api/v1/mining/blocks/rewards/all" // mean block reward a day
	PathFees     = "/api/v1/mining/blocks/fees/all"    // mean block fees a day
	PathPrice    = "/api/v1/historical-price?currency=USD"
)

// The sources, as refusals name them.
const (
	sourceDifficulty = "difficulty"
	sourceHashrate   = "hashrate"
	sourceRewards    = "rewards"
	sourceFees       = "fees"
	sourcePrice      = "price"
)

// Adjustment is a difficulty adjustment: the difficulty from Height on.
type Adjustment struct {
	Height     int64
	Time       int64 // unix seconds; 0 when the source gave none
	Difficulty float64
}

// DayValue is one figure of a UTC day.
type DayValue struct {
	Date  Date
	Value float64
}

// Bucket is a day's mean per block, in satoshis, and the day's mean height.
type Bucket struct {
	Date   Date
	Height int64
	Sat    int64
}

// list reads a JSON array, entry by entry: a body that is not an array is
// an error; an entry is the caller's to judge.
func list(what string, body json.RawMessage) ([]json.RawMessage, error) {
	var entries []json.RawMessage
	if err := json.Unmarshal(body, &entries); err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	return entries, nil
}

// ParseHashrate reads /api/v1/mining/hashrate/:timePeriod. Its documented
// example (mempool.space/docs/api/rest#get-hashrate):
//
//	{
//	  "hashrates": [ { "timestamp": 1652486400, "avgHashrate": 236499762108771800000 }, ... ],
//	  "difficulty": [ { "timestamp": 1652468330, "difficulty": 31251101365711.12, "height": 736249 } ],
//	  "currentHashrate": 252033247355212300000,
//	  "currentDifficulty": 31251101365711.12
//	}
//
// hashrates are daily means in H/s, oldest first (HashratesRepository,
// ORDER by hashrate_timestamp); difficulty lists the adjustments by height
// (DifficultyAdjustmentsRepository.$getAdjustments, ORDER BY height). The
// backend names an adjustment's time "time", not the example's
// "timestamp" (its SELECT ... as time; the site's own chart reads .time):
// either is read. It returns the adjustments and the daily hashrates in
// EH/s, each list in order, what it refused, and an error only when the
// body is not that object.
func ParseHashrate(body []byte, now int64) (adj []Adjustment, hashrate []DayValue, refused []Refusal, err error) {
	var r struct {
		Hashrates  json.RawMessage `json:"hashrates"`
		Difficulty json.RawMessage `json:"difficulty"`
	}
	if err := json.Unmarshal(body, &r); err != nil {
		return nil, nil, nil, fmt.Errorf("hashrate: %w", err)
	}
	if r.Hashrates == nil || r.Difficulty == nil {
		return nil, nil, nil, errors.New("hashrate: no hashrates or difficulty list")
	}
	hs, err := list("hashrate: hashrates", r.Hashrates)
	if err != nil {
		return nil, nil, nil, err
	}
	ds, err := list("hashrate: difficulty", r.Difficulty)
	if err != nil {
		return nil, nil, nil, err
	}
	adj, refused = parseAdjustments(ds, now)
	hashrate, hr := parseHashrates(hs, now)
	return adj, hashrate, append(refused, hr...), nil
}

func parseAdjustments(entries []json.RawMessage, now int64) (out []Adjustment, refused []Refusal) {
	refuse := func(i int, err error) { refused = append(refused, Refusal{sourceDifficulty, i, 0, err.Error()}) }
	type candidate struct {
		i int
		a Adjustment
	}
	var cands []candidate
	for i, e := range entries {
		var v struct {
			Time       *int64   `json:"time"`
			Timestamp  *int64   `json:"timestamp"`
			Height     *int64   `json:"height"`
			Difficulty *float64 `json:"difficulty"`
		}
		if err := json.Unmarshal(e, &v); err != nil {
			refuse(i, err)
			continue
		}
		if v.Time == nil {
			v.Time = v.Timestamp
		}
		if v.Height == nil || v.Difficulty == nil || v.Time == nil {
			refuse(i, errors.New("no height, difficulty or time"))
			continue
		}
		a := Adjustment{*v.Height, *v.Time, *v.Difficulty}
		if err := errors.Join(checkTime(a.Time, now), checkDifficulty(a), checkHeight(a.Height, a.Time)); err != nil {
			refuse(i, err)
			continue
		}
		cands = append(cands, candidate{i, a})
	}
	for j, c := range cands {
		if len(out) == 0 {
			// The first is kept when one of the next two agrees with it.
			if next := cands[j+1 : min(j+3, len(cands))]; len(next) > 0 && !slices.ContainsFunc(next, func(n candidate) bool {
				return n.a.Height > c.a.Height && withinRetargets(n.a, c.a)
			}) {
				refuse(c.i, fmt.Errorf("difficulty %.6g at block %d is more than the retargets allow from the next, %.6g at block %d",
					c.a.Difficulty, c.a.Height, next[0].a.Difficulty, next[0].a.Height))
				continue
			}
			out = append(out, c.a)
			continue
		}
		last := out[len(out)-1]
		switch {
		case c.a.Height <= last.Height:
			refuse(c.i, fmt.Errorf("height %d goes back from %d", c.a.Height, last.Height))
		case !withinRetargets(c.a, last):
			refuse(c.i, fmt.Errorf("difficulty %.6g at block %d is more than %d retargets (4x each) from %.6g at block %d",
				c.a.Difficulty, c.a.Height, max((c.a.Height-last.Height)/2016, 1), last.Difficulty, last.Height))
		default:
			out = append(out, c.a)
		}
	}
	return out, refused
}

func parseHashrates(entries []json.RawMessage, now int64) (out []DayValue, refused []Refusal) {
	refuse := func(i int, d Date, err error) { refused = append(refused, Refusal{sourceHashrate, i, d, err.Error()}) }
	for i, e := range entries {
		var v struct {
			Timestamp   *int64   `json:"timestamp"`
			AvgHashrate *float64 `json:"avgHashrate"`
		}
		if err := json.Unmarshal(e, &v); err != nil {
			refuse(i, 0, err)
			continue
		}
		if v.Timestamp == nil || v.AvgHashrate == nil {
			refuse(i, 0, errors.New("no timestamp or avgHashrate"))
			continue
		}
		d := DateOf(*v.Timestamp)
		switch h := *v.AvgHashrate; {
		case checkTime(*v.Timestamp, now) != nil:
			refuse(i, d, checkTime(*v.Timestamp, now))
		case !(h > 0) || math.IsInf(h, 0):
			refuse(i, d, fmt.Errorf("hashrate %g H/s is not positive", h))
		case len(out) > 0 && d <= out[len(out)-1].Date:
			refuse(i, d, fmt.Errorf("day %s goes back from %s", d, out[len(out)-1].Date))
		default:
			out = append(out, DayValue{d, h / 1e18})
		}
	}
	return out, refused
}

// ParseRewards reads /api/v1/mining/blocks/rewards/:timePeriod. Its
// documented example (mempool.space/docs/api/rest#get-block-rewards),
// "ordered oldest to newest":
//
//	[ { "avgHeight": 599992, "timestamp": 1571438412, "avgRewards": 1260530933 }, ... ]
//
// avgRewards is the mean coinbase of the bucket's blocks in satoshis (the
// backend adds the price as "USD", which is not read). It returns one
// Bucket a UTC day (buckets of one day averaged together), in order.
func ParseRewards(body []byte, now int64) ([]Bucket, []Refusal, error) {
	return parseBuckets(sourceRewards, "avgRewards", body, now)
}

// ParseFees reads /api/v1/mining/blocks/fees/:timePeriod. Its documented
// example (mempool.space/docs/api/rest#get-block-fees), "ordered oldest to
// newest":
//
//	[ { "avgHeight": 735644, "timestamp": 1652119111, "avgFees": 24212890 }, ... ]
//
// avgFees is the mean of the bucket's blocks' total fees in satoshis.
func ParseFees(body []byte, now int64) ([]Bucket, []Refusal, error) {
	return parseBuckets(sourceFees, "avgFees", body, now)
}

func parseBuckets(source, key string, body []byte, now int64) (out []Bucket, refused []Refusal, err error) {
	entries, err := list(source, body)
	if err != nil {
		return nil, nil, err
	}
	refuse := func(i int, d Date, err error) { refused = append(refused, Refusal{source, i, d, err.Error()}) }
	// A day's running sums, for days of several buckets.
	var sumHeight, sumSat, n int64
	var lastTime int64 = math.MinInt64
	flush := func() {
		if n > 0 {
			out[len(out)-1].Height, out[len(out)-1].Sat = sumHeight/n, sumSat/n
		}
	}
	for i, e := range entries {
		var v struct {
			AvgHeight  *json.Number `json:"avgHeight"`
			Timestamp  *json.Number `json:"timestamp"`
			AvgRewards *json.Number `json:"avgRewards"`
			AvgFees    *json.Number `json:"avgFees"`
		}
		if err := json.Unmarshal(e, &v); err != nil {
			refuse(i, 0, err)
			continue
		}
		amount := v.AvgRewards
		if source == sourceFees {
			amount = v.AvgFees
		}
		h, t, sat, err := bucketNumbers(v.AvgHeight, v.Timestamp, amount)
		if err != nil {
			refuse(i, 0, fmt.Errorf("%s (%s)", err, key))
			continue
		}
		d := DateOf(t)
		if err := errors.Join(checkTime(t, now), checkHeight(h, t), checkBlockSat(sat, h, source)); err != nil {
			refuse(i, d, err)
			continue
		}
		if len(out) > 0 {
			last := out[len(out)-1]
			if t <= lastTime || h < last.Height {
				refuse(i, d, fmt.Errorf("block %d at %s goes back from block %d on %s", h, d, last.Height, last.Date))
				continue
			}
		}
		lastTime = t
		if len(out) > 0 && out[len(out)-1].Date == d {
			sumHeight, sumSat, n = sumHeight+h, sumSat+sat, n+1
			flush()
			continue
		}
		out = append(out, Bucket{d, h, sat})
		sumHeight, sumSat, n = h, sat, 1
	}
	return out, refused, nil
}

// bucketNumbers reads a bucket's whole numbers.
func bucketNumbers(height, time, sat *json.Number) (h, t, s int64, err error) {
	if height == nil || time == nil || sat == nil {
		return 0, 0, 0, errors.New("no avgHeight, timestamp or amount")
	}
	for _, x := range []struct {
		n   *json.Number
		dst *int64
	}{{height, &h}, {time, &t}, {sat, &s}} {
		if *x.dst, err = x.n.Int64(); err != nil {
			return 0, 0, 0, fmt.Errorf("%q is not a whole number", clip(x.n.String()))
		}
	}
	return h, t, s, nil
}

// ParseHistoricalPrice reads /api/v1/historical-price?currency=USD. Its
// documented example (mempool.space/docs/api/rest#get-historical-price):
//
//	{ prices: [ { "time": 1499904000, "EUR": 1964, "USD": 2254.9 } ],
//	  exchangeRates: { "USDEUR": 0.92, ... } }
//
// The backend lists the prices newest first (PricesRepository,
// ORDER BY time DESC); either order is read, the list's ends saying which.
// It returns the mean price of each UTC day, oldest first.
func ParseHistoricalPrice(body []byte, now int64) (out []DayValue, refused []Refusal, err error) {
	var r struct {
		Prices json.RawMessage `json:"prices"`
	}
	if err := json.Unmarshal(body, &r); err != nil {
		return nil, nil, fmt.Errorf("price: %w", err)
	}
	if r.Prices == nil {
		return nil, nil, errors.New("price: no prices list")
	}
	entries, err := list("price: prices", r.Prices)
	if err != nil {
		return nil, nil, err
	}
	type quote struct {
		Time *int64   `json:"time"`
		USD  *float64 `json:"USD"`
	}
	read := func(e json.RawMessage) (quote, error) {
		var q quote
		if err := json.Unmarshal(e, &q); err != nil {
			return q, err
		}
		if q.Time == nil || q.USD == nil {
			return q, errors.New("no time or USD")
		}
		return q, nil
	}
	refuse := func(i int, d Date, err error) { refused = append(refused, Refusal{sourcePrice, i, d, err.Error()}) }
	// Newest first when the first entry is later than the last.
	newestFirst := false
	if len(entries) > 1 {
		a, errA := read(entries[0])
		b, errB := read(entries[len(entries)-1])
		newestFirst = errA == nil && errB == nil && *a.Time > *b.Time
	}
	var days []DayValue
	var counts []int
	var lastTime int64 = math.MinInt64
	for k := range entries {
		i := k
		if newestFirst {
			i = len(entries) - 1 - k
		}
		q, err := read(entries[i])
		if err != nil {
			refuse(i, 0, err)
			continue
		}
		d := DateOf(*q.Time)
		if err := errors.Join(checkTime(*q.Time, now), checkPrice(*q.USD)); err != nil {
			refuse(i, d, err)
			continue
		}
		if *q.Time <= lastTime {
			refuse(i, d, fmt.Errorf("time %d goes back from %d", *q.Time, lastTime))
			continue
		}
		lastTime = *q.Time
		if n := len(days); n > 0 && days[n-1].Date == d {
			days[n-1].Value += *q.USD
			counts[n-1]++
			continue
		}
		days = append(days, DayValue{d, *q.USD})
		counts = append(counts, 1)
	}
	for i := range days {
		days[i].Value /= float64(counts[i])
	}
	for i, d := range days {
		if i > 0 && i+1 < len(days) && spike(days[i-1].Value, d.Value, days[i+1].Value) {
			refuse(-1, d.Date, fmt.Errorf("the day's mean %.6g USD is more than %gx from both %.6g the day before and %.6g the day after",
				d.Value, priceSpike, days[i-1].Value, days[i+1].Value))
			continue
		}
		out = append(out, d)
	}
	return out, refused, nil
}
