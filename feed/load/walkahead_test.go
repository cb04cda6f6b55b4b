package load

import (
	"context"
	"fmt"
	"testing"
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
func (g gate) Admit([]byte) bool                            { return true }

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
