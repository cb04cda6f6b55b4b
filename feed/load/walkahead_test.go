package load

import (
	"context"
	"fmt"
	"io/fs"
	"testing"
	"testing/fstest"
	"time"

	"github.com/broadsheet/broadsheet/feed"
)

// gate is a Filter that holds every file's reading until it is opened.
type gate struct{ open chan struct{} }

func (g gate) Skip(string, []byte) bool {
	<-g.open
	return false
}
func (g gate) Recheck([]*feed.Article, []feed.Problem) bool { return false }
func (g gate) Admit(*feed.Article, []byte) bool             { return true }

// TestStreamWalksAhead checks that the walk does not wait for reading:
// every file is found, and Found is final, while none has been read, so
// that the time a load has left can be told from its start.
func TestStreamWalksAhead(t *testing.T) {
	const n = 500
	files := map[string]string{}
	for i := range n {
		files[fmt.Sprintf("d%d/%03d.txt", i%5, i)] = article(fmt.Sprintf("Story %d", i))
	}
	dir := writeTree(t, files)
	g := gate{open: make(chan struct{})}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	events := (&Loader{Workers: 2, Filter: g}).Stream(ctx, []string{dir})
	timeout := time.After(30 * time.Second) // a guard against hanging, not a measure
walking:
	for {
		select {
		case ev := <-events:
			if ev.Progress.Walked {
				if ev.Progress.Found != n || ev.Progress.Done != 0 {
					t.Errorf("walked with progress %+v, want %d found and none read", ev.Progress, n)
				}
				break walking
			}
		case <-timeout:
			t.Fatal("the walk waited for files to be read")
		}
	}
	close(g.open)
	articles := 0
	for ev := range events {
		articles += len(ev.Articles)
	}
	if articles != n {
		t.Errorf("%d articles, want %d", articles, n)
	}
}

// hookedFS is a file system that tells when a folder is listed, and can
// hold a folder's listing until it is let go.
type hookedFS struct {
	fstest.MapFS
	hold    string        // the folder whose listing waits for release
	resume  chan struct{} // closed to let it go
	last    string        // the folder whose listing closes reached
	reached chan struct{}
}

func (h hookedFS) ReadDir(name string) ([]fs.DirEntry, error) {
	switch name {
	case h.hold:
		<-h.resume
	case h.last:
		close(h.reached)
	}
	return h.MapFS.ReadDir(name)
}

// TestStreamWalksAheadOfAFullChannel checks that the walk goes on while
// nobody takes the events: files found are counted without waiting on
// the workers, which wait for the channel.
func TestStreamWalksAheadOfAFullChannel(t *testing.T) {
	files := fstest.MapFS{}
	for i := range 1200 {
		files[fmt.Sprintf("a/%04d.txt", i)] = &fstest.MapFile{Data: []byte(article(fmt.Sprintf("Story %d", i)))}
	}
	files["b/one.txt"] = &fstest.MapFile{Data: []byte(article("One"))}
	files["c/two.txt"] = &fstest.MapFile{Data: []byte(article("Two"))}
	h := hookedFS{MapFS: files, hold: "b", resume: make(chan struct{}), last: "c", reached: make(chan struct{})}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	events := (&Loader{FS: h, Workers: 2}).Stream(ctx, []string{"."})
	// The walk waits at b while the workers fill the channel.
	for len(events) < cap(events) {
		time.Sleep(time.Millisecond)
	}
	close(h.resume)
	select {
	case <-h.reached:
	case <-time.After(30 * time.Second): // a guard against hanging, not a measure
		t.Fatal("the walk waited for the events to be taken")
	}
	var last feed.Progress
	for ev := range events {
		last = ev.Progress
	}
	if want := (feed.Progress{Found: 1202, Done: 1202, Walked: true}); last != want {
		t.Errorf("final progress %+v, want %+v", last, want)
	}
}
