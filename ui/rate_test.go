package ui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/feed/library"
)

var rateStart = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)

// at returns the moment ms milliseconds into a load.
func at(ms int) time.Time { return rateStart.Add(time.Duration(ms) * time.Millisecond) }

func TestLoadRateSteady(t *testing.T) {
	var r loadRate
	// 1,240 files a second, in batches every 50 ms.
	for ms := 0; ms <= 2000; ms += 50 {
		r.observe(at(ms), ms*1240/1000)
		rate, ok := r.perSecond()
		if warm := ms >= 1000; ok != warm {
			t.Fatalf("after %d ms: rate told = %v, want %v", ms, ok, warm)
		}
		if ok && (rate < 1239.9 || rate > 1240.1) {
			t.Errorf("after %d ms: %.2f files/s, want 1240", ms, rate)
		}
	}
}

func TestLoadRateFollowsChange(t *testing.T) {
	var r loadRate
	done := 0
	for ms := 0; ms <= 5000; ms += 100 {
		r.observe(at(ms), done)
		done += 100 // 1,000 files a second
	}
	// The load slows to 200 files a second: the estimate moves
	// towards the new rate without jumping there at once.
	var seen []float64
	for ms := 5100; ms <= 25000; ms += 100 {
		done += 20
		r.observe(at(ms), done)
		rate, _ := r.perSecond()
		seen = append(seen, rate)
	}
	if seen[0] < 900 {
		t.Errorf("one slow batch brought the rate down to %.0f files/s", seen[0])
	}
	for i := 1; i < len(seen); i++ {
		if seen[i] > seen[i-1] {
			t.Fatalf("rate rose from %.1f to %.1f while the load slowed", seen[i-1], seen[i])
		}
	}
	if last := seen[len(seen)-1]; last < 200 || last > 205 {
		t.Errorf("20 s after the change: %.1f files/s, want about 200", last)
	}
}

func TestLoadRateSameMoment(t *testing.T) {
	var r loadRate
	r.observe(at(0), 0)
	r.observe(at(0), 50) // two batches read at one moment
	r.observe(at(1000), 500)
	r.observe(at(1000), 600)
	rate, ok := r.perSecond()
	if !ok || rate != 500 {
		t.Errorf("rate = %v (%v), want 500 files/s measured from the first moment", rate, ok)
	}
	r.observe(at(1500), 850)
	if rate, _ := r.perSecond(); rate <= 500 {
		t.Errorf("files read at the same moment were lost: rate %v", rate)
	}
}

func TestLoadRateLeft(t *testing.T) {
	var r loadRate
	for ms := 0; ms <= 1000; ms += 100 {
		r.observe(at(ms), ms) // 1,000 files a second
	}
	tests := []struct {
		p    feed.Progress
		want string // "" for none
	}{
		{feed.Progress{Found: 40_000, Done: 1000}, ""}, // still finding files
		{feed.Progress{Found: 61_000, Done: 1000, Walked: true}, "1:00 left"},
		{feed.Progress{Found: 43_000, Done: 1000, Walked: true}, "0:42 left"},
		{feed.Progress{Found: 1000 + 3909_000, Done: 1000, Walked: true}, "1:05:09 left"},
		{feed.Progress{Found: 1000, Done: 1000, Walked: true}, ""},
		{feed.Progress{Found: 1000 + 1000*3600*101, Done: 1000, Walked: true}, ""}, // too far to tell
	}
	for _, tt := range tests {
		got := ""
		if d, ok := r.left(tt.p); ok {
			got = humanLeft(d)
		}
		if got != tt.want {
			t.Errorf("left(%+v) = %q, want %q", tt.p, got, tt.want)
		}
	}
	var cold loadRate
	cold.observe(at(0), 0)
	cold.observe(at(500), 500)
	if _, ok := cold.left(feed.Progress{Found: 10_000, Done: 500, Walked: true}); ok {
		t.Errorf("time left told after half a second of loading")
	}
}

func TestHumanRate(t *testing.T) {
	tests := []struct {
		rate float64
		want string
	}{{0, "0.0 files/s"}, {2.54, "2.5 files/s"}, {9.96, "10 files/s"}, {1240.4, "1,240 files/s"}, {123456.7, "123,457 files/s"}}
	for _, tt := range tests {
		if got := humanRate(tt.rate); got != tt.want {
			t.Errorf("humanRate(%v) = %q, want %q", tt.rate, got, tt.want)
		}
	}
}

// loadingStatus returns the plain status bar of a reader w columns wide
// whose load has gone at 1,240 files a second for two seconds, its files
// all found if walked.
func loadingStatus(t *testing.T, w int, walked bool) string {
	t.Helper()
	m := New(nil, Options{Title: "test"})
	m.Update(tea.WindowSizeMsg{Width: w, Height: 24})
	arts := manyArticles(2480)
	done := 0
	for ms := 0; ms <= 2000; ms += 50 {
		p := feed.Progress{Found: 100_000, Done: ms * 1240 / 1000, Walked: walked}
		var batch []feed.Event
		for ; done < p.Done; done++ {
			batch = append(batch, feed.Event{Path: arts[done].Path, Articles: arts[done : done+1], Progress: p})
		}
		if len(batch) == 0 {
			batch = append(batch, feed.Event{Progress: p})
		}
		m.Update(eventsMsg{Delta: m.lib.Apply(batch), at: at(ms)})
	}
	status := ansi.Strip(m.statusView())
	if got := ansi.StringWidth(status); got > w {
		t.Errorf("%d columns: status is %d wide: %q", w, got, status)
	}
	return status
}

func TestLoadingStatusWidths(t *testing.T) {
	// 2,480 files read of 100,000 at 1,240 a second: 78.6 s left.
	tests := []struct {
		width     int
		walked    bool
		want, not []string
	}{
		{120, true, []string{"loading 2,480/100,000 ", "1,240 files/s · 1:19 left"}, nil},
		{80, true, []string{"loading 2,480/100,000 ", " 1:19 left"}, []string{"files/s"}},
		{60, true, []string{"2,480/100,000 · 1:19 left"}, []string{"files/s", "━"}},
		{40, true, []string{"2,480 unread of 2,480 articles"}, []string{"files/s", "left"}},
		{120, false, []string{"loading… 2,480 files read · 1,240 files/s"}, []string{"left"}},
		{60, false, []string{"loading… 2,480 files read"}, []string{"files/s"}},
	}
	for _, tt := range tests {
		got := loadingStatus(t, tt.width, tt.walked)
		for _, w := range tt.want {
			if !strings.Contains(got, w) {
				t.Errorf("%d columns, walked %v: status %q lacks %q", tt.width, tt.walked, got, w)
			}
		}
		for _, n := range tt.not {
			if strings.Contains(got, n) {
				t.Errorf("%d columns, walked %v: status %q has %q", tt.width, tt.walked, got, n)
			}
		}
	}
}

func TestLoadingStatusWarmUp(t *testing.T) {
	m := New(nil, Options{Title: "test"})
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 24})
	for _, ms := range []int{0, 300, 600, 900} {
		p := feed.Progress{Found: 1000, Done: ms / 10, Walked: true}
		m.Update(eventsMsg{Delta: library.Delta{Progress: p, Seen: true}, at: at(ms)})
		if got := ansi.Strip(m.statusView()); strings.Contains(got, "files/s") || strings.Contains(got, "left") {
			t.Errorf("after %d ms the status tells a rate: %q", ms, got)
		}
	}
}
