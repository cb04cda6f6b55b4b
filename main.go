// Command broadsheet is a terminal news reader for local article files.
//
// This file only wires: the command line lives in internal/cli, and the
// reader it opens is built here from a loader and the ui package.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/feed/cache"
	"github.com/broadsheet/broadsheet/feed/library"
	"github.com/broadsheet/broadsheet/feed/load"
	"github.com/broadsheet/broadsheet/internal/cli"
	"github.com/broadsheet/broadsheet/internal/config"
	"github.com/broadsheet/broadsheet/internal/prewalk/start"
	"github.com/broadsheet/broadsheet/internal/state"
	"github.com/broadsheet/broadsheet/ui"
)

func main() {
	start.Done()
	os.Exit(cli.Main(os.Args[1:], cli.Options{Stdout: os.Stdout, Stderr: os.Stderr, Reader: runTUI}))
}

// runTUI opens the reader on what l loads from paths. The interface
// appears at once and fills in as the loader reports; folders on disk
// are then followed, so that articles added, changed or removed while
// it runs show at once. The bundled samples cannot change, and are only
// loaded.
func runTUI(l *load.Loader, paths []string, cfg *config.Config, db *state.DB) error {
	title := "bundled samples"
	if l.FS == nil {
		title = strings.Join(paths, " ")
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	// NO_COLOR (https://no-color.org) means no color whatever its value.
	opts := ui.Options{Title: title, NoColor: os.Getenv("NO_COLOR") != "", Samples: l.FS != nil}
	if db != nil {
		// Only a real database: a nil *state.DB in the interface would
		// not read as nil.
		opts.State = db
	}
	if cfg != nil {
		keys := ui.DefaultKeyMap()
		for action, ks := range cfg.EffectiveKeys() {
			if err := keys.Bind(action, ks...); err != nil {
				return err
			}
		}
		opts.Theme = string(cfg.Theme)
		opts.DateLayout = cfg.DateFormat.Layout()
		opts.Keys = &keys
	}
	// Loading starts when the reader says, once its first frame is
	// drawn: on two cores, a large folder's loading would otherwise hold
	// it up.
	start := make(chan struct{})
	opts.Start = sync.OnceFunc(func() { close(start) })
	if c, ok := l.Cache.(*cache.Cache); ok {
		// The search index is kept beside the cache, and opened as
		// the program starts.
		opts.Library = library.Open(library.Options{Index: c.IndexFile})
		opts.StoriesFile = c.StoriesFile
		defer closeLibrary(opts.Library)
	}
	m := ui.New(follow(ctx, l, paths, start), opts)
	_, err := tea.NewProgram(m).Run()
	// Quitting makes the writes to the reading state still to be made;
	// a program ended otherwise may have left some. A failing write was
	// shown while reading, and fails the run no more now than then; but
	// it is said once more, as the status bar is gone, so that no mark
	// is lost without a word.
	if serr := errors.Join(m.Flush(), m.StateErr()); serr != nil {
		fmt.Fprintf(os.Stderr, "broadsheet: reading state: %s\n", feed.Sanitize(serr.Error()))
	}
	return err
}

// closeLibrary waits for the search index being written, if it is,
// saying so when that takes a while (as leaving waits for the cache).
func closeLibrary(lib *library.Library) {
	done := make(chan struct{})
	go func() {
		lib.Close()
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(300 * time.Millisecond):
		fmt.Fprintln(os.Stderr, "broadsheet: saving the search index, so that it opens faster next time…")
		<-done
	}
}

// follow loads paths, once start is closed, and then follows them, when
// they are folders and files on disk. The bundled samples cannot change,
// and are only loaded; so are paths that cannot be watched (one that is
// not there), so that the reader shows them among its problems. Setting
// up the watch walks every folder, which takes a while for a large
// collection, so it runs in the background too.
func follow(ctx context.Context, l *load.Loader, paths []string, start <-chan struct{}) <-chan feed.Event {
	out := make(chan feed.Event)
	go func() {
		defer close(out)
		select {
		case <-start:
		case <-ctx.Done():
			return
		}
		var events <-chan feed.Event
		if l.FS == nil {
			events, _ = l.Follow(ctx, paths)
		}
		if events == nil {
			events = l.Stream(ctx, paths)
		}
		for ev := range events {
			select {
			case out <- ev:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}
