// Package history is hashprice through time: a daily series of hashprice
// in dollars and in bitcoin, difficulty, estimated hashrate, the BTC-USD
// price, and the subsidy and fees per block, assembled from mempool.space's
// mining endpoints, with each day's hashprice computed by package econ (the
// calculators' own formula) from that day's figures; the committed monthly
// averages from Luxor's Hashrate Index beside it, for when no live series
// is at hand; a compact encoding for Workers KV; and the selection an
// endpoint serves (from, to, step, fields).
//
// The parsers keep what passes the sanity rules (rules.go) and mark what
// they refuse; nothing a body holds costs more than memory linear in its
// size. The edge and the build link this package, not the page's
// WebAssembly: it may use encoding/json, and it must never import
// syscall/js.
package history

import (
	"fmt"
	"time"

	"github.com/hashswitch/hashswitch/wasm/chain"
	"github.com/hashswitch/hashswitch/wasm/econ"
)

// Date is a UTC day: days since 1 January 1970.
type Date int32

const secondsPerDay = 86_400

// DateOf returns the UTC day of a unix time in seconds.
func DateOf(unix int64) Date {
	d := unix / secondsPerDay
	if unix < 0 && unix%secondsPerDay != 0 {
		d--
	}
	return Date(d)
}

// DateFromTime returns t's UTC day.
func DateFromTime(t time.Time) Date { return DateOf(t.Unix()) }

// ParseDate reads a day written YYYY-MM-DD.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil || len(s) != len(time.DateOnly) {
		return 0, fmt.Errorf("must be a date like 2025-11-22, got %q", clip(s))
	}
	return DateFromTime(t), nil
}

// Time returns the day's first instant, UTC.
func (d Date) Time() time.Time { return time.Unix(int64(d)*secondsPerDay, 0).UTC() }

// Unix returns the day's first second.
func (d Date) Unix() int64 { return int64(d) * secondsPerDay }

func (d Date) String() string { return d.Time().Format(time.DateOnly) }

// Field is one figure of a day.
type Field uint8

// The fields of a day, in the order they are listed.
const (
	HashpriceUSD Field = iota // USD per PH/s per day, from econ
	HashpriceBTC              // BTC per PH/s per day, from econ
	Difficulty                // in force at the day's mean block height
	HashrateEHs               // mempool.space's daily estimate, EH/s
	PriceUSD                  // the day's mean BTC-USD price
	SubsidyBTC                // per block
	FeesBTC                   // mean per block
	numFields
)

var fieldNames = [numFields]string{
	HashpriceUSD: "hashprice_usd",
	HashpriceBTC: "hashprice_btc",
	Difficulty:   "difficulty",
	HashrateEHs:  "hashrate_ehs",
	PriceUSD:     "price_usd",
	SubsidyBTC:   "subsidy_btc",
	FeesBTC:      "fees_btc",
}

// Fields lists every field in order.
func Fields() []Field {
	out := make([]Field, numFields)
	for i := range out {
		out[i] = Field(i)
	}
	return out
}

func (f Field) String() string {
	if f < numFields {
		return fieldNames[f]
	}
	return fmt.Sprintf("field(%d)", uint8(f))
}

// FieldByName returns the field named name (its API name, hashprice_usd).
func FieldByName(name string) (Field, bool) {
	for f, n := range fieldNames {
		if n == name {
			return Field(f), true
		}
	}
	return 0, false
}

// FieldSet is a set of fields.
type FieldSet uint8

// AllFields holds every field.
const AllFields = FieldSet(1<<numFields - 1)

// inputs are the fields stored; the hashprices are computed from them.
const inputs = FieldSet(1<<Difficulty | 1<<HashrateEHs | 1<<PriceUSD | 1<<SubsidyBTC | 1<<FeesBTC)

// Has reports whether f is in the set.
func (s FieldSet) Has(f Field) bool { return f < numFields && s&(1<<f) != 0 }

// With returns the set with f added.
func (s FieldSet) With(f Field) FieldSet { return s | 1<<f }

// Without returns the set without f.
func (s FieldSet) Without(f Field) FieldSet { return s &^ (1 << f) }

// Day is one UTC day of the series. A field the sources did not give, or
// gave and the rules refused, is absent: Has says which are present,
// Refused which were refused.
type Day struct {
	Date    Date
	Height  int64 // the mean height of the day's blocks
	Values  [numFields]float64
	Has     FieldSet
	Refused FieldSet
}

// Value returns field f and whether the day has it.
func (d *Day) Value(f Field) (float64, bool) {
	if !d.Has.Has(f) {
		return 0, false
	}
	return d.Values[f], true
}

func (d *Day) set(f Field, x float64) {
	d.Values[f] = x
	d.Has = d.Has.With(f)
}

func (d *Day) refuse(f Field) {
	d.Values[f] = 0
	d.Has = d.Has.Without(f)
	d.Refused = d.Refused.With(f)
}

// network is the day as econ sees it.
func (d *Day) network() econ.Network {
	return econ.Network{
		Chain:      chain.MainNet,
		PriceUSD:   d.Values[PriceUSD],
		Difficulty: d.Values[Difficulty],
		SubsidyBTC: d.Values[SubsidyBTC],
		FeesBTC:    d.Values[FeesBTC],
	}
}

// computeHashprice sets the day's hashprices from its inputs, by econ's
// formula: in BTC from difficulty, subsidy and fees, in USD with the price
// as well. A day that lacks an input lacks the hashprice it needs.
func (d *Day) computeHashprice() {
	d.Has = d.Has.Without(HashpriceBTC).Without(HashpriceUSD)
	if !(d.Has.Has(Difficulty) && d.Has.Has(SubsidyBTC) && d.Has.Has(FeesBTC)) {
		return
	}
	n := d.network()
	d.set(HashpriceBTC, n.HashvalueBTCPerPHDay())
	if d.Has.Has(PriceUSD) {
		d.set(HashpriceUSD, n.HashpriceUSDPerPHDay())
	}
}

// Span is a run of days, From to To inclusive.
type Span struct{ From, To Date }

// Series is the daily history, oldest first, at most one Day a date.
type Series struct {
	Built   int64 // unix seconds: when it was assembled
	Days    []Day
	Gaps    []Span    // days between the first and last with no block data
	Refused []Refusal // what the rules refused, for the log
}

// First and Last return the series' first and last dates (0 when empty).
func (s *Series) First() Date {
	if len(s.Days) == 0 {
		return 0
	}
	return s.Days[0].Date
}

// Last returns the series' last date.
func (s *Series) Last() Date {
	if len(s.Days) == 0 {
		return 0
	}
	return s.Days[len(s.Days)-1].Date
}

// Refusal is a figure the rules refused: its source, the day it was for
// (when known), its place in the source's list, and why.
type Refusal struct {
	Source string // "difficulty", "hashrate", "rewards", "fees" or "price"
	Index  int    // the entry's index in its list; -1 for a day's cross-check
	Date   Date
	Reason string
}

func (r Refusal) String() string {
	switch {
	case r.Index < 0:
		return fmt.Sprintf("%s %s: %s", r.Source, r.Date, r.Reason)
	case r.Date != 0:
		return fmt.Sprintf("%s #%d (%s): %s", r.Source, r.Index, r.Date, r.Reason)
	}
	return fmt.Sprintf("%s #%d: %s", r.Source, r.Index, r.Reason)
}

// clip shortens input for an error message.
func clip(s string) string {
	const n = 40
	if len(s) > n {
		return s[:n] + "…"
	}
	return s
}
