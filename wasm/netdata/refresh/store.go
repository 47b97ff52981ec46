package refresh

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/hashswitch/hashswitch/wasm/netdata"
)

// Store keeps a host's live snapshot between refreshes, as JSON: Workers
// KV at the edge.
type Store interface {
	// Get returns what is kept; nil and no error when nothing is yet.
	Get() ([]byte, error)
	Put([]byte) error
}

// Kept's errors besides the store's own.
var (
	ErrNothingKept = errors.New("no snapshot kept yet")
	ErrNotSnapshot = errors.New("the kept value is not a snapshot")
)

// Kept reads the kept snapshot.
func Kept(st Store) (netdata.Snapshot, error) {
	raw, err := st.Get()
	if err != nil {
		return netdata.Snapshot{}, err
	}
	if raw == nil {
		return netdata.Snapshot{}, ErrNothingKept
	}
	var s netdata.Snapshot
	if err := json.Unmarshal(raw, &s); err != nil {
		return netdata.Snapshot{}, fmt.Errorf("%w: %v", ErrNotSnapshot, err)
	}
	return s, nil
}

// Scheduled is one scheduled refresh: it reads the kept snapshot,
// refreshes it from the upstreams and keeps the result. A kept snapshot
// that cannot be read leaves the store as it is (nothing is fetched):
// starting from the committed snapshot instead would overwrite the last
// good figures with older ones. Nothing is written either when nothing was
// kept or what was kept is not a snapshot, and no network figure could be
// refreshed: the committed snapshot is no live figure. problems says what
// failed, for the log.
func Scheduled(ctx context.Context, get Getter, up Upstreams, st Store, now time.Time) (problems []error) {
	prev, err := Kept(st)
	switch {
	case errors.Is(err, ErrNothingKept):
		prev = netdata.Committed()
	case errors.Is(err, ErrNotSnapshot):
		problems = append(problems, err)
		prev = netdata.Committed()
	case err != nil:
		return []error{fmt.Errorf("reading the kept snapshot: %w; nothing refreshed", err)}
	}
	next, ps := Snapshot(ctx, get, up, prev, now)
	problems = append(problems, ps...)
	if err != nil && !next.Refreshed() {
		return append(problems, errors.New("nothing refreshed, and no snapshot kept to mark stale: nothing written"))
	}
	data, err := json.Marshal(next)
	if err == nil {
		err = st.Put(data)
	}
	if err != nil {
		problems = append(problems, fmt.Errorf("keeping the snapshot: %w", err))
	}
	return problems
}
