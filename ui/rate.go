package ui

import (
	"fmt"
	"math"
	"time"

	"github.com/broadsheet/broadsheet/feed"
)

// How the loading rate is smoothed: each batch's rate counts for more the
// longer it took, so that a burst of quick batches moves the estimate no
// more than one slow one, and the estimate forgets what went on more than
// a few seconds ago. It is shown once it rests on rateWarmUp of loading.
const (
	rateMemory = 3 * time.Second
	rateWarmUp = time.Second
)

// loadRate estimates how fast files are read while loading, from the
// progress each batch of events reports and the time it arrived, and so
// how long the load has left. Its times come from the messages, never
// from a clock of its own.
type loadRate struct {
	start, last time.Time // the first and latest progress seen
	done        int       // files read as of last
	rate        float64   // files per second, smoothed
	measured    bool      // whether rate holds a measure
}

// observe takes in the progress reported at a moment.
func (r *loadRate) observe(at time.Time, done int) {
	if r.start.IsZero() {
		r.start, r.last, r.done = at, at, done
		return
	}
	dt := at.Sub(r.last)
	if dt <= 0 {
		// Two batches at the same moment: the next one measures
		// both from the last moment.
		return
	}
	now := float64(max(0, done-r.done)) / dt.Seconds()
	if r.measured {
		weight := 1 - math.Exp(-dt.Seconds()/rateMemory.Seconds())
		r.rate += weight * (now - r.rate)
	} else {
		r.rate, r.measured = now, true
	}
	r.last, r.done = at, done
}

// perSecond returns the smoothed rate in files per second, and whether
// enough of the load has been seen to tell it.
func (r loadRate) perSecond() (float64, bool) {
	return r.rate, r.measured && r.last.Sub(r.start) >= rateWarmUp
}

// left returns how long reading the files not yet read will take at the
// current rate, and whether that can be told: only once every file has
// been found, so that their number is final, and files are being read.
func (r loadRate) left(p feed.Progress) (time.Duration, bool) {
	rate, ok := r.perSecond()
	if !ok || !p.Walked || rate <= 0 || p.Done >= p.Found {
		return 0, false
	}
	secs := float64(p.Found-p.Done) / rate
	if secs > 100*3600 {
		return 0, false
	}
	return time.Duration(math.Ceil(secs)) * time.Second, true
}

// humanRate writes a rate of files per second: "1,240 files/s", or with
// one decimal under ten, "2.5 files/s".
func humanRate(perSecond float64) string {
	if perSecond < 9.95 {
		return fmt.Sprintf("%.1f files/s", perSecond)
	}
	return thousands(int(math.Round(perSecond))) + " files/s"
}

// humanLeft writes a time left as a clock does: "0:42 left",
// "1:05:09 left".
func humanLeft(d time.Duration) string {
	s := int(d.Round(time.Second).Seconds())
	if s >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d left", s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%d:%02d left", s/60, s%60)
}
