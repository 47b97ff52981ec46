//go:build !js

package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/hashswitch/hashswitch/internal/fakeupstream"
	"github.com/hashswitch/hashswitch/wasm/history"
)

type historyAnswer struct {
	Status       int
	CacheControl string
	Body         struct {
		Kind, Problem string
		Stale         bool
		Built         int64
		Points        []struct {
			Date   string
			Values map[string]float64
		}
	}
}

type cronAnswer struct {
	HistoryStatus *history.Status
	HistoryBytes  int
}

// TestCronRefreshesHistory runs the worker in Miniflare with KV and the
// fake upstream: before the Cron Trigger, /api/v1/history is Luxor's
// monthly averages; the trigger keeps the fake's daily series in KV, which
// then answers, each day's hashprice what the native fetch and Assemble
// give for the same fake; with the price's upstream down the next run
// keeps that series, marked stale with the reason.
func TestCronRefreshesHistory(t *testing.T) {
	st := fakeupstream.Typical()
	run, fake := startEdge(t, st, false, "0")
	const november = "/api/v1/history?from=2025-11-01&to=2025-11-30&fields=hashprice_usd,difficulty"

	var before historyAnswer
	run.ask(november, &before)
	if before.Status != 200 || before.Body.Kind != "luxor_monthly" || len(before.Body.Points) != 1 || before.Body.Points[0].Values["hashprice_usd"] != 39.82 {
		t.Errorf("before the cron: %+v", before)
	}

	var cron cronAnswer
	run.ask("cron", &cron)
	if cron.HistoryStatus == nil || cron.HistoryStatus.Stale() || cron.HistoryBytes < 1000 {
		t.Fatalf("KV after the cron: %+v", cron)
	}
	t.Logf("the fake's %d days are %d bytes in KV (base64)", len(fakeupstream.TypicalHistory().Days), cron.HistoryBytes)

	var after historyAnswer
	run.ask(november, &after)
	if after.Status != 200 || after.Body.Kind != "daily" || after.Body.Stale || len(after.Body.Points) != 30 || after.CacheControl != "public, max-age=86400" {
		t.Fatalf("after the cron: %+v", after)
	}
	native := nativeSeries(t, fake.URL)
	byDate := map[string]history.Day{}
	for _, d := range native.Days {
		byDate[d.Date.String()] = d
	}
	for _, p := range after.Body.Points {
		d := byDate[p.Date]
		usd, _ := d.Value(history.HashpriceUSD)
		diff, _ := d.Value(history.Difficulty)
		if p.Values["hashprice_usd"] != usd || p.Values["difficulty"] != diff || len(p.Values) != 2 {
			t.Errorf("%s at the edge %v, natively %v and %v", p.Date, p.Values, usd, diff)
		}
	}

	down := st
	down.Fail = map[string]int{history.PathPrice: 503}
	fake.Set(down)
	run.ask("cron", &cron)
	if cron.HistoryStatus == nil || !cron.HistoryStatus.Stale() {
		t.Errorf("KV with the price down: %+v", cron)
	}
	var stale historyAnswer
	run.ask(november, &stale)
	if stale.Body.Kind != "daily" || !stale.Body.Stale || !strings.Contains(stale.Body.Problem, "historical-price") ||
		stale.Body.Built != after.Body.Built || len(stale.Body.Points) != 30 || stale.CacheControl != "public, max-age=600" {
		t.Errorf("with the price down: %+v", stale)
	}
	for i, p := range stale.Body.Points {
		if p.Values["hashprice_usd"] != after.Body.Points[i].Values["hashprice_usd"] {
			t.Errorf("%s: %v, the last good %v", p.Date, p.Values, after.Body.Points[i].Values)
		}
	}
}

// nativeSeries is the fake's series fetched and assembled natively.
func nativeSeries(t *testing.T, base string) history.Series {
	t.Helper()
	in, problems := history.Fetch(context.Background(), fakeupstream.Get, base, time.Now())
	if len(problems) != 0 {
		t.Fatal(problems)
	}
	return history.Assemble(in, time.Now().Unix())
}
