package history_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/hashswitch/hashswitch/internal/fakeupstream"
	"github.com/hashswitch/hashswitch/wasm/history"
)

// memStore is a Store in memory.
type memStore struct{ v []byte }

func (m *memStore) Get() ([]byte, error) { return m.v, nil }
func (m *memStore) Put(b []byte) error   { m.v = append([]byte(nil), b...); return nil }

// TestRefreshKeepsTheLastGoodSeries: a first refresh keeps the fake's
// series; a second within a day fetches nothing; a day later with the
// price down it keeps the series and records why (stale); an hour after
// that, with a shorter past, it refuses the worse series; with all up
// again it takes the new one and the status clears.
func TestRefreshKeepsTheLastGoodSeries(t *testing.T) {
	st := fakeupstream.Typical()
	srv := fakeupstream.Start(st)
	defer srv.Close()
	var series, status memStore
	refresh := func(now time.Time) (bool, []error, history.Kept) {
		t.Helper()
		fetched, problems := history.Refresh(context.Background(), httpGet, srv.URL, &series, &status, now, history.RefreshAge)
		k, err := history.ReadKept(&series, &status)
		if err != nil {
			t.Fatal(err)
		}
		return fetched, problems, k
	}

	fetched, problems, k := refresh(fakeNow)
	past := fakeupstream.TypicalHistory()
	if !fetched || len(problems) != 0 || !k.Has || len(k.Series.Days) != len(past.Days) || k.Status.Stale() || k.Series.Built != fakeNow.Unix() {
		t.Fatalf("first refresh: fetched %v, problems %v, %d days, status %+v", fetched, problems, len(k.Series.Days), k.Status)
	}
	good := series.v

	if fetched, _, _ := refresh(fakeNow.Add(22 * time.Hour)); fetched || srv.Hits(history.PathRewards) != 1 {
		t.Errorf("a refresh 22 h later fetched (%v, %d hits)", fetched, srv.Hits(history.PathRewards))
	}

	down := st
	down.Fail = map[string]int{history.PathPrice: 503}
	srv.Set(down)
	later := fakeNow.Add(24 * time.Hour)
	fetched, problems, k = refresh(later)
	if !fetched || len(problems) != 1 || string(series.v) != string(good) || !k.Status.Stale() || !strings.Contains(k.Status.Problems[0], "historical-price") {
		t.Errorf("price down: fetched %v, problems %v, status %+v, series kept %v", fetched, problems, k.Status, string(series.v) == string(good))
	}
	if fetched, _, _ := refresh(later.Add(30 * time.Minute)); fetched {
		t.Error("a failed refresh was retried within the hour")
	}

	shorter := past
	shorter.Days = shorter.Days[:len(shorter.Days)-10]
	short := st
	short.History = &shorter
	srv.Set(short)
	fetched, problems, k = refresh(later.Add(time.Hour))
	if !fetched || len(problems) != 1 || string(series.v) != string(good) || !k.Status.Stale() || !strings.Contains(problems[0].Error(), "ends") {
		t.Errorf("a shorter past: fetched %v, problems %v, series kept %v", fetched, problems, string(series.v) == string(good))
	}

	srv.Set(st)
	fetched, problems, k = refresh(later.Add(2 * time.Hour))
	if !fetched || len(problems) != 0 || k.Status.Stale() || k.Series.Built != later.Add(2*time.Hour).Unix() {
		t.Errorf("all up again: fetched %v, problems %v, status %+v, built %d", fetched, problems, k.Status, k.Series.Built)
	}
}

// TestRefreshLeavesAnUnreadableValue: a kept value that is no series is
// neither fetched over nor replaced.
func TestRefreshLeavesAnUnreadableValue(t *testing.T) {
	series, status := memStore{v: []byte("not a series")}, memStore{}
	fetched, problems := history.Refresh(context.Background(), func(context.Context, string) ([]byte, error) {
		t.Fatal("fetched")
		return nil, nil
	}, "http://unused", &series, &status, fakeNow, history.RefreshAge)
	if fetched || len(problems) != 1 || string(series.v) != "not a series" || status.v != nil {
		t.Errorf("fetched %v, problems %v", fetched, problems)
	}
}
