package history_test

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"math"
	"reflect"
	"testing"

	"github.com/andybalholm/brotli"
	"github.com/hashswitch/hashswitch/wasm/chain"
	"github.com/hashswitch/hashswitch/wasm/history"
)

// synthetic is a history with every field on every day from first to
// last, 144 blocks a day from block 0: the size of the real one, none of
// its figures.
func synthetic(first, last history.Date) history.Inputs {
	var in history.Inputs
	d := 1.0
	for h := int64(0); h <= int64(last-first+1)*144; h += 2016 {
		in.Adjustments = append(in.Adjustments, history.Adjustment{Height: h, Time: first.Unix() + h*600, Difficulty: d})
		d *= 1.07
	}
	for i := range int64(last - first + 1) {
		day, h := first+history.Date(i), 144*i+72
		a := in.Adjustments[h/2016]
		fees := int64(1_000_000 + 997*i%5_000_000)
		in.Rewards = append(in.Rewards, history.Bucket{Date: day, Height: h, Sat: chain.MainNet.SubsidySat(h) + fees})
		in.Fees = append(in.Fees, history.Bucket{Date: day, Height: h, Sat: fees})
		in.Hashrates = append(in.Hashrates, history.DayValue{Date: day, Value: 1.1 * a.Difficulty * (1 << 32) / 600 / 1e18})
		in.Prices = append(in.Prices, history.DayValue{Date: day, Value: 0.05 + float64(i)*13.7})
	}
	return in
}

func TestEncodeRoundTrip(t *testing.T) {
	for name, s := range map[string]history.Series{
		"fixture":   history.Assemble(fixture(), now),
		"synthetic": history.Assemble(synthetic(date("2024-01-01"), date("2024-12-31")), now),
		"empty":     {Built: now},
	} {
		b, err := history.Encode(&s)
		if err != nil {
			t.Fatal(err)
		}
		got, err := history.Decode(b)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if got.Built != s.Built || len(got.Days) != len(s.Days) || !reflect.DeepEqual(got.Gaps, s.Gaps) {
			t.Fatalf("%s: built %d, %d days, gaps %v; want %d, %d, %v", name, got.Built, len(got.Days), got.Gaps, s.Built, len(s.Days), s.Gaps)
		}
		for i := range s.Days {
			// The hashprices are computed again, to the same bits.
			if got.Days[i] != s.Days[i] {
				t.Errorf("%s: day %d\n got %+v\nwant %+v", name, i, got.Days[i], s.Days[i])
			}
		}
	}
}

// TestDecodeRefusesDamage: every way a value can be wrong is an error,
// never a panic or a series with a bad day.
func TestDecodeRefusesDamage(t *testing.T) {
	s := history.Assemble(fixture(), now)
	good, _ := history.Encode(&s)
	const header, dayHead = 17, 10
	edit := func(f func(b []byte) []byte) []byte { return f(bytes.Clone(good)) }
	putFloat := func(b []byte, at int, x float64) []byte {
		binary.LittleEndian.PutUint64(b[at:], math.Float64bits(x))
		return b
	}
	for name, b := range map[string][]byte{
		"empty":              nil,
		"another magic":      edit(func(b []byte) []byte { b[0] = 'X'; return b }),
		"version 2":          edit(func(b []byte) []byte { b[4] = 2; return b }),
		"cut short":          good[:len(good)-1],
		"a byte more":        append(bytes.Clone(good), 0),
		"too many days":      edit(func(b []byte) []byte { binary.LittleEndian.PutUint32(b[13:], 1<<31); return b }),
		"days in reverse":    edit(func(b []byte) []byte { binary.LittleEndian.PutUint32(b[header:], 1<<30); return b }),
		"a stored hashprice": edit(func(b []byte) []byte { b[header+4] |= 1 << history.HashpriceUSD; return b }),
		"an unknown refusal": edit(func(b []byte) []byte { b[header+5] = 0x80; return b }),
		"a NaN difficulty":   edit(func(b []byte) []byte { return putFloat(b, header+dayHead, math.NaN()) }),
		"a difficulty of 0":  edit(func(b []byte) []byte { return putFloat(b, header+dayHead, 0) }),
		"an infinite price":  edit(func(b []byte) []byte { return putFloat(b, header+dayHead+8, math.Inf(1)) }),
	} {
		if got, err := history.Decode(b); err == nil {
			t.Errorf("%s: decoded %d days", name, len(got.Days))
		}
	}
}

// TestFullHistoryFitsOneKVValue: every day from the genesis block's to the
// end of 2026, every field present, is one value far under KV's 25 MiB, and
// so is every day to the year 2500 at the most a day can take.
func TestFullHistoryFitsOneKVValue(t *testing.T) {
	s := history.Assemble(synthetic(date("2009-01-03"), date("2026-12-31")), now)
	if len(s.Refused) != 0 {
		t.Fatalf("refused:\n%s", reasons(s.Refused[:min(5, len(s.Refused))]))
	}
	b, err := history.Encode(&s)
	if err != nil {
		t.Fatal(err)
	}
	var gz, br bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	zw.Write(b)
	zw.Close()
	bw := brotli.NewWriterLevel(&br, brotli.BestCompression)
	bw.Write(b)
	bw.Close()
	t.Logf("%d days: %d bytes in KV (%.1f a day); %d gzipped, %d with brotli", len(s.Days), len(b), float64(len(b))/float64(len(s.Days)), gz.Len(), br.Len())
	const mostPerDay = 10 + 5*8
	if len(b) != 17+len(s.Days)*mostPerDay {
		t.Errorf("%d bytes for %d full days", len(b), len(s.Days))
	}
	if days := int(date("2500-12-31") - date("2009-01-03") + 1); 17+days*mostPerDay > history.MaxValueBytes {
		t.Errorf("%d days to 2500 would not fit", days)
	}
}

// TestEncodeRefusesWhatKVCannotHold: a series past 25 MiB is an error.
func TestEncodeRefusesWhatKVCannotHold(t *testing.T) {
	day := history.Day{Has: history.AllFields}
	n := history.MaxValueBytes/50 + 1
	s := history.Series{Days: make([]history.Day, n)}
	for i := range s.Days {
		s.Days[i] = day
		s.Days[i].Date = history.Date(i)
	}
	if _, err := history.Encode(&s); err == nil {
		t.Errorf("%d full days encoded", n)
	}
}

func BenchmarkDecode(b *testing.B) {
	s := history.Assemble(synthetic(date("2009-01-03"), date("2026-12-31")), now)
	enc, _ := history.Encode(&s)
	b.SetBytes(int64(len(enc)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := history.Decode(enc); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkAssemble(b *testing.B) {
	in := synthetic(date("2009-01-03"), date("2026-12-31"))
	b.ReportAllocs()
	for b.Loop() {
		history.Assemble(in, now)
	}
}

// TestEncodeRefusesWhatDecodeWould: days out of order, a value out of its
// range or a height past 32 bits are errors, not a value that cannot be
// read back.
func TestEncodeRefusesWhatDecodeWould(t *testing.T) {
	for name, edit := range map[string]func(*history.Series){
		"days out of order":     func(s *history.Series) { s.Days[1].Date = s.Days[0].Date },
		"a height past 32 bits": func(s *history.Series) { s.Days[0].Height = 1 << 32 },
		"a negative price":      func(s *history.Series) { s.Days[0].Values[history.PriceUSD] = -1 },
	} {
		s := history.Assemble(fixture(), now)
		edit(&s)
		if _, err := history.Encode(&s); err == nil {
			t.Errorf("%s: encoded", name)
		}
	}
}
