package main

import (
	"bytes"
	"context"
	"runtime"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/broadsheet/broadsheet/data"
	"github.com/broadsheet/broadsheet/feed/load"
	"github.com/broadsheet/broadsheet/internal/corpus"
	"github.com/broadsheet/broadsheet/ui"
)

// BenchmarkFirstFrame measures the time from building the reader to its
// first frame reaching the terminal, with loading started as runTUI
// starts it (when the reader asks, after its first frame; folders followed), over the bundled samples and generated
// corpora of 10,000 and 100,000 articles, or the sizes BROADSHEET_BENCH_N
// lists:
//
//	go test -run '^$' -bench FirstFrame -benchtime 20x
//	BROADSHEET_BENCH_N=1m go test -run '^$' -bench FirstFrame -benchtime 3x
//
// The process's own start (package initialization) comes on top: time
// `broadsheet version` for it.
func BenchmarkFirstFrame(b *testing.B) {
	b.Run("samples", func(b *testing.B) {
		benchFirstFrame(b, &load.Loader{FS: data.FS}, []string{"."})
	})
	for _, n := range corpus.BenchSizes(10_000, 100_000) {
		b.Run(corpusName(n), func(b *testing.B) {
			dir, _, err := corpus.Cached(n, 1)
			if err != nil {
				b.Fatal(err)
			}
			benchFirstFrame(b, &load.Loader{}, []string{dir})
		})
	}
}

func corpusName(n int) string {
	if n >= 1_000_000 && n%1_000_000 == 0 {
		return "n=" + itoa(n/1_000_000) + "m"
	}
	if n >= 1000 {
		return "n=" + itoa(n/1000) + "k"
	}
	return "n=" + itoa(n)
}

func itoa(n int) string {
	var b []byte
	for {
		b = append([]byte{byte('0' + n%10)}, b...)
		if n /= 10; n == 0 {
			return string(b)
		}
	}
}

// benchTitle is the title the reader shows in its header.
const benchTitle = "first-frame-bench"

func benchFirstFrame(b *testing.B, l *load.Loader, paths []string) {
	var worst, total time.Duration
	for b.Loop() {
		ctx, cancel := context.WithCancel(context.Background())
		out := &firstWrite{done: make(chan struct{})}
		start := time.Now()
		started := make(chan struct{})
		opts := ui.Options{Title: benchTitle, Start: sync.OnceFunc(func() { close(started) })}
		events := follow(ctx, l, paths, started)
		p := tea.NewProgram(ui.New(events, opts), tea.WithInput(nil), tea.WithOutput(out), tea.WithWindowSize(120, 40))
		finished := make(chan struct{})
		go func() {
			p.Run()
			close(finished)
		}()
		<-out.done
		took := time.Since(start)
		worst, total = max(worst, took), total+took
		p.Quit()
		cancel()
		<-finished
		// The next frame must not share the cores with this load's
		// end, nor the collector with its garbage: a program starts
		// afresh.
		b.StopTimer()
		for range events {
		}
		runtime.GC()
		b.StartTimer()
	}
	b.ReportMetric(float64(total.Microseconds())/1000/float64(b.N), "mean-ms")
	b.ReportMetric(float64(worst.Microseconds())/1000, "max-ms")
}

// firstWrite closes done once the program has written a frame holding
// the reader's title to the terminal.
type firstWrite struct {
	mu    sync.Mutex
	seen  []byte
	found bool
	done  chan struct{}
}

func (w *firstWrite) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if !w.found {
		w.seen = append(w.seen, p...)
		if bytes.Contains(w.seen, []byte(benchTitle)) {
			w.found = true
			close(w.done)
		}
	}
	return len(p), nil
}
