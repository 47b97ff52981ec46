package history

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// Store keeps one value between runs: Workers KV at the edge, a map in
// tests. Get returns nil and no error when nothing is kept yet.
type Store interface {
	Get() ([]byte, error)
	Put([]byte) error
}

// Status is what the last refresh of the series did, kept beside it so
// that answers can say the series is stale.
type Status struct {
	Attempted int64    `json:"attempted"`          // unix seconds of the last refresh that fetched
	Problems  []string `json:"problems,omitempty"` // why it kept the last series; empty when it stored a new one
}

// Stale reports whether the last refresh failed, so that the kept series
// is older than it should be.
func (s Status) Stale() bool { return len(s.Problems) > 0 }

// When the scheduled refresh fetches: the series is daily, so once it is
// this old; after a failed refresh, again an hour later at the soonest
// (the Cron Trigger fires every ten minutes, and the upstream's answers
// are megabytes).
const (
	RefreshAge = 23 * time.Hour
	RetryAfter = time.Hour
)

// Kept is the series a host keeps and the status of its last refresh.
type Kept struct {
	Series Series
	Status Status
	Has    bool // a series is kept
}

// ReadKept reads the kept series and status. A series that cannot be
// decoded is an error (it is not overwritten blindly: see Refresh).
func ReadKept(series, status Store) (Kept, error) {
	var k Kept
	raw, err := status.Get()
	if err != nil {
		return k, fmt.Errorf("history: reading the status: %w", err)
	}
	if raw != nil {
		if err := json.Unmarshal(raw, &k.Status); err != nil {
			return k, fmt.Errorf("history: the kept status: %w", err)
		}
	}
	raw, err = series.Get()
	if err != nil {
		return k, fmt.Errorf("history: reading the series: %w", err)
	}
	if raw == nil {
		return k, nil
	}
	if k.Series, err = Decode(raw); err != nil {
		return k, err
	}
	k.Has = true
	return k, nil
}

// Due reports whether a refresh at now should fetch: nothing is kept, or
// the kept series is every old (RefreshAge in production), and the last
// attempt, when it failed, was RetryAfter (or every, if shorter) ago.
func (k Kept) Due(now time.Time, every time.Duration) bool {
	t := now.Unix()
	if k.Has && t-k.Series.Built < int64(every/time.Second) {
		return false
	}
	return !k.Status.Stale() || t-k.Status.Attempted >= int64(min(RetryAfter, every)/time.Second)
}

// Refresh is the scheduled refresh: when the kept series is due (Due,
// every as there), it
// fetches the four lists from base, assembles them and keeps the result.
// With any list missing, or a result worse than the kept series (Worse),
// it keeps the last good series and records why in the status, so that
// answers mark it stale. A kept value it cannot read is left as it is and
// nothing is fetched. problems says what failed, for the log; fetched
// whether it asked the upstream.
func Refresh(ctx context.Context, get Getter, base string, series, status Store, now time.Time, every time.Duration) (fetched bool, problems []error) {
	k, err := ReadKept(series, status)
	if err != nil {
		return false, []error{fmt.Errorf("%w; nothing refreshed", err)}
	}
	if !k.Due(now, every) {
		return false, nil
	}
	in, problems := Fetch(ctx, get, base, now)
	st := Status{Attempted: now.Unix()}
	if len(problems) == 0 {
		next := Assemble(in, now.Unix())
		if err := Worse(&next, &k); err != nil {
			problems = append(problems, err)
		} else if data, err := Encode(&next); err != nil {
			problems = append(problems, err)
		} else if err := series.Put(data); err != nil {
			problems = append(problems, fmt.Errorf("history: keeping the series: %w", err))
		}
	}
	for _, p := range problems {
		st.Problems = append(st.Problems, p.Error())
	}
	data, _ := json.Marshal(st)
	if err := status.Put(data); err != nil {
		problems = append(problems, fmt.Errorf("history: keeping the status: %w", err))
	}
	return true, problems
}

// Worse says why next must not replace what is kept: it has no day with a
// dollar hashprice, it ends before the kept series, or it has fewer such
// days (mempool.space's lists cover all time: a shorter answer lost some).
func Worse(next *Series, k *Kept) error {
	n := countUSD(next)
	if n == 0 {
		return errors.New("history: the new series has no day with a dollar hashprice; the last good one is kept")
	}
	if !k.Has {
		return nil
	}
	if next.Last() < k.Series.Last() {
		return fmt.Errorf("history: the new series ends %s, before the kept one's %s; the kept one is kept", next.Last(), k.Series.Last())
	}
	if kept := countUSD(&k.Series); n < kept {
		return fmt.Errorf("history: the new series has %d days with a dollar hashprice, the kept one %d; the kept one is kept", n, kept)
	}
	return nil
}

func countUSD(s *Series) int {
	n := 0
	for i := range s.Days {
		if s.Days[i].Has.Has(HashpriceUSD) {
			n++
		}
	}
	return n
}
