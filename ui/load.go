package ui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/feed/library"
)

// Loading hands the root a batch of events at a time, so that a folder of
// many thousand files means a few dozen redraws rather than one per file,
// and a few dozen merges into the store's sorted list.
const (
	maxBatch  = 2000
	batchWait = 50 * time.Millisecond
)

// eventsMsg reports a batch of load events, after their articles were
// added to the library.
type eventsMsg struct {
	library.Delta
	// done reports whether the channel of events has closed. Following
	// a folder it never does: loading has finished once every file
	// found has been read (see finished).
	done bool
	// at is when the batch was read, which the loading rate is
	// measured by.
	at time.Time
}

// readEvents returns a command that waits for the next load events,
// applies them to the library and reports them: as many events as arrive
// within batchWait of the first, up to maxBatch.
func readEvents(lib *library.Library, events <-chan feed.Event) tea.Cmd {
	return func() tea.Msg {
		if events == nil {
			return eventsMsg{done: true}
		}
		ev, ok := <-events
		if !ok {
			return eventsMsg{done: true}
		}
		batch := []feed.Event{ev}
		deadline := time.NewTimer(batchWait)
		defer deadline.Stop()
		done := false
	drain:
		for len(batch) < maxBatch {
			select {
			case ev, ok := <-events:
				if !ok {
					done = true
					break drain
				}
				batch = append(batch, ev)
			case <-deadline.C:
				break drain
			}
		}
		return eventsMsg{Delta: lib.Apply(batch), done: done, at: time.Now()}
	}
}

// compact returns a command that trims the library's index in the
// background once a load is done (see library.Library.Compact).
func compact(lib *library.Library) tea.Cmd {
	return func() tea.Msg {
		lib.Compact()
		return compactedMsg{}
	}
}

// compactedMsg says that compact's work is done.
type compactedMsg struct{}

// finished reports whether a batch ends the load: the channel closed,
// or every file found has been read.
func (msg eventsMsg) finished() bool {
	p := msg.Progress
	return msg.done || (msg.Seen && p.Walked && p.Done >= p.Found)
}
