package netdata

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// Store keeps a host's live snapshot between refreshes, as JSON: Workers
// KV at the edge.
type Store interface {
	// Get returns what is kept; nil and no error when nothing is yet.
	Get() ([]byte, error)
	Put([]byte) error
}

// ErrNothingKept: no snapshot was ever kept.
var ErrNothingKept = errors.New("no snapshot kept yet")

// Kept reads the kept snapshot.
func Kept(st Store) (Snapshot, error) {
	raw, err := st.Get()
	if err != nil {
		return Snapshot{}, err
	}
	if raw == nil {
		return Snapshot{}, ErrNothingKept
	}
	var s Snapshot
	if err := json.Unmarshal(raw, &s); err != nil {
		return Snapshot{}, fmt.Errorf("the kept snapshot: %w", err)
	}
	return s, nil
}

// RefreshStore is one scheduled refresh: it reads the kept snapshot,
// refreshes it from the upstreams and keeps the result. problems says what
// failed, for the log.
func RefreshStore(ctx context.Context, get Getter, up Upstreams, st Store, now time.Time) (problems []error) {
	prev, err := Kept(st)
	if err != nil {
		prev = Committed()
	}
	next, problems := Refresh(ctx, get, up, prev, now)
	data, err := json.Marshal(next)
	if err == nil {
		err = st.Put(data)
	}
	if err != nil {
		problems = append(problems, fmt.Errorf("keeping the snapshot: %w", err))
	}
	return problems
}
