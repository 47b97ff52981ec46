package netdata_test

import (
	"go/parser"
	"go/token"
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hashswitch/hashswitch/wasm/chain"
	"github.com/hashswitch/hashswitch/wasm/netdata"
)

// epochDifficulties are known difficulties of retarget epochs, by the
// height of the epoch's first block (a multiple of 2,016), each with where
// it comes from. A committed snapshot that names a height must carry its
// epoch's difficulty: block 925,000 never had 149.30 T, which came at
// block 925,344.
var epochDifficulties = map[int64]struct {
	difficulty float64
	source     string
}{
	// 12 November 2025, −2.37% from the record of late October; the next
	// adjustment cut it by 1.95% to 149.30 T, so 149.30 / 0.9805.
	923_328: {152.27e12, `Luxor, "Luxor Hashrate Lookback Series – November 2025", https://hashrateindex.com/blog/luxor-hashrate-lookback-series-november-2025`},
	// 26 November 2025, −1.95%.
	925_344: {149.30e12, `Luxor, "Luxor Hashrate Lookback Series – November 2025", https://hashrateindex.com/blog/luxor-hashrate-lookback-series-november-2025`},
}

// TestSnapshotDifficultyIsItsEpochs: every committed snapshot that names
// both a height and a difficulty carries the difficulty of that height's
// epoch, to the 0.01 T the sources give, and its bits, when it has them,
// encode the same difficulty.
func TestSnapshotDifficultyIsItsEpochs(t *testing.T) {
	interval := chain.MainNet.RetargetInterval
	for start := range epochDifficulties {
		if start%interval != 0 {
			t.Errorf("epoch %d does not start at a multiple of %d", start, interval)
		}
	}
	checked := 0
	for _, date := range netdata.Dates() {
		s, _ := netdata.Dated(date)
		if s.Height <= 0 || s.Difficulty <= 0 {
			continue
		}
		start := s.Height - s.Height%interval
		known, inTable := epochDifficulties[start]
		if inTable {
			if math.Abs(s.Difficulty-known.difficulty) > 0.005e12 {
				t.Errorf("snapshot %s: block %d is in the epoch from block %d, of difficulty %.2f T (%s), not %.2f T",
					date, s.Height, start, known.difficulty/1e12, known.source, s.Difficulty/1e12)
			}
			checked++
		}
		if s.Bits != "" {
			bits, err := chain.ParseBits(s.Bits)
			if err != nil {
				t.Errorf("snapshot %s: bits %q: %v", date, s.Bits, err)
			} else if d := chain.Difficulty(bits); math.Abs(d-s.Difficulty) > d*1e-9 {
				t.Errorf("snapshot %s: bits %s encode difficulty %g, the snapshot says %g", date, s.Bits, d, s.Difficulty)
			}
			checked++
		} else if !inTable {
			t.Errorf("snapshot %s: nothing says what difficulty block %d's epoch (from block %d) had: add the snapshot's bits, or the epoch to epochDifficulties with its source", date, s.Height, start)
		}
	}
	if checked == 0 {
		t.Fatal("no committed snapshot names a height and a difficulty")
	}
}

func TestCommittedSnapshots(t *testing.T) {
	dates := netdata.Dates()
	if len(dates) == 0 || netdata.Committed().AsOf != dates[len(dates)-1] {
		t.Fatalf("dates %v", dates)
	}
	s, ok := netdata.Dated("2025-11-25")
	if !ok || s.PriceUSD != 85_000 || s.Difficulty != 152.27e12 || s.Fixture {
		t.Fatalf("%+v", s)
	}
	// Its hashrate is the one its difficulty implies.
	implied := s.Difficulty * (1 << 32) / 600 / 1e18
	if math.Abs(s.HashrateEHs-implied) > 0.01 {
		t.Errorf("hashrate %v, the difficulty implies %v", s.HashrateEHs, implied)
	}
	for _, f := range []string{netdata.FigHeight, netdata.FigDifficulty, netdata.FigHashrate, netdata.FigFees, netdata.FigPrice, netdata.FigUsdVnd} {
		if s.Figures[f].Source == "" {
			t.Errorf("%s has no source", f)
		}
	}
	// The dollar in dong: Vietcombank's selling rate that morning, in the
	// source that reported it.
	if r := s.Figures[netdata.FigUsdVnd]; s.UsdVnd != 26_403 || !strings.Contains(r.Source, "26,403 selling") ||
		!strings.Contains(r.Source, "https://www.vietnamplus.vn/") || time.Unix(r.Time, 0).UTC().Format(time.DateOnly) != s.AsOf {
		t.Errorf("usd_vnd %v: %+v", s.UsdVnd, r)
	}
	if _, ok := netdata.Dated("2024-01-01"); ok {
		t.Error("a date with no snapshot")
	}
}

// TestEstimatedAtAgreesWithTheClock: a year-old snapshot moved to now has
// the height the target spacing gives, so a halving countdown from it
// says the same in blocks and in time.
func TestEstimatedAtAgreesWithTheClock(t *testing.T) {
	s := netdata.Committed()
	year := time.Unix(s.TipTime, 0).Add(365 * 24 * time.Hour)
	e := s.EstimatedAt(year)
	if e.Height != s.Height+365*144 || e.TipTime != year.Unix() || !e.Estimated || e.Figures["height"].Source == s.Figures["height"].Source {
		t.Errorf("%+v", e)
	}
	if e.PriceUSD != s.PriceUSD || e.Figures["price"] != s.Figures["price"] || s.Estimated || s.Figures["height"].Time == e.Figures["height"].Time {
		t.Error("EstimatedAt changed more than the height, or changed its receiver")
	}
	blocksToGo := 1_050_000 - e.Height
	timeLeft := time.Duration(blocksToGo*600) * time.Second
	if eta := year.Add(timeLeft); !eta.Equal(time.Unix(s.TipTime+(1_050_000-s.Height)*600, 0)) {
		t.Errorf("from the estimate the halving is at %v", eta)
	}
	if same := s.EstimatedAt(time.Unix(s.TipTime+599, 0)); same.Height != s.Height || same.Estimated {
		t.Error("moved within a block's time")
	}
}

// TestTheModelImportsNoParsers: the page's WebAssembly carries this
// package, so the upstreams' parsers and what they need stay in refresh.
func TestTheModelImportsNoParsers(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	for _, path := range files {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			switch p, _ := strconv.Unquote(imp.Path.Value); p {
			case "encoding/json", "encoding/xml", "fmt", "net/http", "syscall/js":
				t.Errorf("%s imports %s, which the page's WebAssembly must not carry for it", path, p)
			}
		}
	}
}
