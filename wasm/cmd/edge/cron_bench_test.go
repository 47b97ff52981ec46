//go:build linux && !js

package main

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hashswitch/hashswitch/internal/fakeupstream"
)

// BenchmarkMiniflareCron times the Cron Trigger in Miniflare against a fake
// upstream whose history is as long as the real one (FullHistory, about
// 2 MB of lists): the wall time of each scheduled() as the test sees it,
// and the CPU time workerd's process spent meanwhile (every thread's
// on-CPU time, /proc/PID/task/*/schedstat), which is the isolate's work
// plus workerd's own (HTTP, KV's storage). "history" refreshes the
// history on every run (HISTORY_EVERY=0) besides the network figures;
// "network-only" refreshes only the figures, the history being a day
// old at most. The first run of each, in a fresh isolate that starts Go
// and (KV being empty) refreshes the history, is reported apart.
func BenchmarkMiniflareCron(b *testing.B) {
	st := fakeupstream.Typical()
	past := fakeupstream.FullHistory()
	st.History = &past
	for _, c := range []struct {
		name  string
		every []string
	}{{"history", []string{"0"}}, {"network-only", nil}} {
		b.Run(c.name, func(b *testing.B) {
			run, _ := startEdge(b, st, false, c.every...)
			workerd := childNamed(b, run.pid, "workerd")
			var first cronAnswer
			wall0, cpu0 := timeCron(b, run, workerd, &first)
			if first.HistoryStatus == nil || first.HistoryStatus.Stale() || first.HistoryBytes < 300_000 {
				b.Fatalf("the first run kept %+v, %d bytes", first.HistoryStatus, first.HistoryBytes)
			}
			var walls, cpus []time.Duration
			for b.Loop() {
				var cron cronAnswer
				wall, cpu := timeCron(b, run, workerd, &cron)
				refreshed := cron.HistoryStatus.Attempted != first.HistoryStatus.Attempted || cron.HistoryStatus.Stale()
				if c.every == nil && refreshed {
					b.Fatalf("network-only: the history was fetched again: %+v", cron.HistoryStatus)
				}
				walls, cpus = append(walls, wall), append(cpus, cpu)
			}
			ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
			b.ReportMetric(ms(wall0), "first-wall-ms")
			b.ReportMetric(ms(cpu0), "first-cpu-ms")
			for _, m := range []struct {
				unit string
				d    []time.Duration
			}{{"wall", walls}, {"cpu", cpus}} {
				slices.Sort(m.d)
				b.ReportMetric(ms(m.d[0]), "min-"+m.unit+"-ms")
				b.ReportMetric(ms(m.d[len(m.d)/2]), "p50-"+m.unit+"-ms")
				b.ReportMetric(ms(m.d[len(m.d)-1]), "max-"+m.unit+"-ms")
			}
			b.ReportMetric(float64(first.HistoryBytes), "kv-bytes")
		})
	}
}

// timeCron fires the Cron Trigger once: its wall time and workerd's CPU
// time meanwhile.
func timeCron(b *testing.B, run *edgeRun, workerd int, dst *cronAnswer) (wall, cpu time.Duration) {
	b.Helper()
	cpu0, start := cpuTime(b, workerd), time.Now()
	run.ask("cron", dst)
	wall = time.Since(start)
	return wall, cpuTime(b, workerd) - cpu0
}

// cpuTime is the on-CPU time of every thread of process pid.
func cpuTime(b *testing.B, pid int) time.Duration {
	b.Helper()
	stats, err := filepath.Glob("/proc/" + strconv.Itoa(pid) + "/task/*/schedstat")
	if err != nil || len(stats) == 0 {
		b.Fatalf("no schedstat for process %d: %v", pid, err)
	}
	var ns int64
	for _, f := range stats {
		raw, err := os.ReadFile(f)
		if err != nil {
			continue // a thread that ended
		}
		v, err := strconv.ParseInt(strings.Fields(string(raw))[0], 10, 64)
		if err != nil {
			b.Fatalf("%s: %v", f, err)
		}
		ns += v
	}
	return time.Duration(ns)
}

// childNamed is the process named name among pid's descendants.
func childNamed(b *testing.B, pid int, name string) int {
	b.Helper()
	dirs, _ := filepath.Glob("/proc/[0-9]*")
	parent, comm := map[int]int{}, map[int]string{}
	for _, d := range dirs {
		raw, err := os.ReadFile(filepath.Join(d, "stat"))
		if err != nil {
			continue
		}
		// pid (comm) state ppid ...: comm may hold spaces and parentheses.
		s := string(raw)
		lp, rp := strings.IndexByte(s, '('), strings.LastIndexByte(s, ')')
		if lp < 0 || rp < lp {
			continue
		}
		p, _ := strconv.Atoi(strings.TrimSpace(s[:lp]))
		rest := strings.Fields(s[rp+1:])
		if len(rest) < 2 {
			continue
		}
		parent[p], _ = strconv.Atoi(rest[1])
		comm[p] = s[lp+1 : rp]
	}
	for p, n := range comm {
		if !strings.HasPrefix(n, name) {
			continue
		}
		for q := parent[p]; q > 1; q = parent[q] {
			if q == pid {
				return p
			}
		}
	}
	b.Fatalf("no %s under process %d", name, pid)
	return 0
}
