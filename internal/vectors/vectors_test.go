package vectors

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestCopiesMatchShared fails when the embedded copies drift from ../shared/data.
// A clone without shared/ beside it has nothing to compare against, and
// says so by skipping; CI has shared/ beside the clone.
func TestCopiesMatchShared(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "data")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("no %s beside the clone: the embedded copies cannot be compared with shared/", dir)
	}
	ours, err := Files()
	if err != nil {
		t.Fatal(err)
	}
	for name, b := range ours {
		shared, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if !bytes.Equal(b, shared) {
			t.Errorf("%s differs from %s: copy it again", name, dir)
		}
	}
}

func TestLoads(t *testing.T) {
	if h, limit := Headers(); len(h) == 0 || limit == "" {
		t.Error("no headers")
	}
	if c := CompactVectors(); len(c.SetCompact) == 0 || len(c.GetDifficulty) == 0 {
		t.Error("no compact vectors")
	}
	if len(SHA256Vectors()) == 0 {
		t.Error("no sha256 vectors")
	}
	if s := SubsidyVectors(); len(s.Points) == 0 || s.ExactSumSat == 0 {
		t.Error("no subsidy vectors")
	}
}
