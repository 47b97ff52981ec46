package history

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"math/bits"
)

// MaxValueBytes is Workers KV's limit on one value: 25 MiB.
const MaxValueBytes = 25 << 20

// The encoding a series is kept in (in KV): little-endian,
//
//	"HSHY" | version 1 | built int64 | days uint32 |
//	each day: date int32 | present uint8 | refused uint8 | height uint32 |
//	          a float64 for each present input, in Field order
//
// where the inputs are difficulty, hashrate, price, subsidy and fees: the
// hashprices are not stored but computed again by econ when decoded, so
// one formula makes them. A day is 10 to 50 bytes: the whole history,
// about 6,500 days at the end of 2026, is about 320 KB, a year about
// 18 KB, so one value holds it all (KV allows 25 MiB) until after the
// year 2500.
const (
	magic      = "HSHY"
	version    = 1
	headerSize = len(magic) + 1 + 8 + 4
	dayHead    = 4 + 1 + 1 + 4
)

// storedFields are the inputs, in the order a day stores them.
var storedFields = []Field{Difficulty, HashrateEHs, PriceUSD, SubsidyBTC, FeesBTC}

// Encode writes the series' days and when it was built. It fails on what
// Decode would refuse (days out of order, a value out of its range, a
// height past 32 bits) and when the value would pass KV's limit.
func Encode(s *Series) ([]byte, error) {
	size := headerSize
	for i := range s.Days {
		d := &s.Days[i]
		if i > 0 && d.Date <= s.Days[i-1].Date {
			return nil, fmt.Errorf("history: day %d, %s, is not after %s", i, d.Date, s.Days[i-1].Date)
		}
		if d.Height < 0 || d.Height > math.MaxUint32 {
			return nil, fmt.Errorf("history: %s: height %d", d.Date, d.Height)
		}
		for _, f := range storedFields {
			if d.Has.Has(f) {
				if err := checkStored(f, d.Values[f]); err != nil {
					return nil, fmt.Errorf("history: %s: %w", d.Date, err)
				}
			}
		}
		size += dayHead + 8*bits.OnesCount8(uint8(d.Has&inputs))
	}
	if size > MaxValueBytes {
		return nil, fmt.Errorf("history: %d bytes, more than KV's %d", size, MaxValueBytes)
	}
	b := make([]byte, 0, size)
	b = append(b, magic...)
	b = append(b, version)
	b = binary.LittleEndian.AppendUint64(b, uint64(s.Built))
	b = binary.LittleEndian.AppendUint32(b, uint32(len(s.Days)))
	for i := range s.Days {
		d := &s.Days[i]
		b = binary.LittleEndian.AppendUint32(b, uint32(d.Date))
		b = append(b, byte(d.Has&inputs), byte(d.Refused&AllFields))
		b = binary.LittleEndian.AppendUint32(b, uint32(d.Height))
		for _, f := range storedFields {
			if d.Has.Has(f) {
				b = binary.LittleEndian.AppendUint64(b, math.Float64bits(d.Values[f]))
			}
		}
	}
	return b, nil
}

// Decode reads what Encode wrote, checking every day: dates in order, only
// the inputs present, each value finite and in its range. Memory is
// linear in len(b): the day count is checked against the bytes first.
func Decode(b []byte) (Series, error) {
	if len(b) < headerSize || string(b[:len(magic)]) != magic {
		return Series{}, errors.New("history: not an encoded series")
	}
	if b[len(magic)] != version {
		return Series{}, fmt.Errorf("history: version %d, not %d", b[len(magic)], version)
	}
	built := int64(binary.LittleEndian.Uint64(b[len(magic)+1:]))
	n := binary.LittleEndian.Uint32(b[len(magic)+9:])
	rest := b[headerSize:]
	if uint64(n)*dayHead > uint64(len(rest)) {
		return Series{}, fmt.Errorf("history: %d days in %d bytes", n, len(rest))
	}
	s := Series{Built: built, Days: make([]Day, 0, n)}
	for i := range int(n) {
		if len(rest) < dayHead {
			return Series{}, fmt.Errorf("history: day %d is cut short", i)
		}
		d := Day{
			Date:    Date(int32(binary.LittleEndian.Uint32(rest))),
			Has:     FieldSet(rest[4]),
			Refused: FieldSet(rest[5]),
			Height:  int64(binary.LittleEndian.Uint32(rest[6:])),
		}
		rest = rest[dayHead:]
		if d.Has&^inputs != 0 || d.Refused&^AllFields != 0 {
			return Series{}, fmt.Errorf("history: day %d has unknown fields", i)
		}
		if k := len(s.Days); k > 0 && d.Date <= s.Days[k-1].Date {
			return Series{}, fmt.Errorf("history: day %d, %s, is not after %s", i, d.Date, s.Days[k-1].Date)
		}
		for _, f := range storedFields {
			if !d.Has.Has(f) {
				continue
			}
			if len(rest) < 8 {
				return Series{}, fmt.Errorf("history: day %d is cut short", i)
			}
			x := math.Float64frombits(binary.LittleEndian.Uint64(rest))
			rest = rest[8:]
			if err := checkStored(f, x); err != nil {
				return Series{}, fmt.Errorf("history: %s: %w", d.Date, err)
			}
			d.Values[f] = x
		}
		if k := len(s.Days); k > 0 && d.Date > s.Days[k-1].Date+1 {
			s.Gaps = append(s.Gaps, Span{s.Days[k-1].Date + 1, d.Date - 1})
		}
		d.computeHashprice()
		s.Days = append(s.Days, d)
	}
	if len(rest) != 0 {
		return Series{}, fmt.Errorf("history: %d bytes after the last day", len(rest))
	}
	return s, nil
}

// checkStored: a stored value in its field's range.
func checkStored(f Field, x float64) error {
	ok := !math.IsNaN(x) && !math.IsInf(x, 0)
	switch f {
	case Difficulty:
		ok = ok && x >= 1
	case HashrateEHs:
		ok = ok && x > 0
	case PriceUSD:
		ok = ok && checkPrice(x) == nil
	case SubsidyBTC:
		ok = ok && x >= 0 && x <= 50
	case FeesBTC:
		ok = ok && x >= 0
	}
	if !ok {
		return fmt.Errorf("%s %g is out of range", f, x)
	}
	return nil
}
