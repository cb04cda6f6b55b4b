package cli

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/feed/library"
	"github.com/broadsheet/broadsheet/feed/story"
	"github.com/broadsheet/broadsheet/internal/state"
)

// openState opens the reading-state database the flags name (by default
// broadsheet/state.db in the XDG state folder), or returns nil with
// --no-state. A database that could not be read has been moved aside:
// say so and go on with a fresh one. One that cannot be opened at all is
// reported, and the reader runs without state rather than not at all.
func openState(e *env) *state.DB {
	if e.flags.noState {
		return nil
	}
	path := e.flags.state
	if path == "" {
		p, err := state.DefaultPath()
		if err != nil {
			fmt.Fprintf(e.Stderr, "broadsheet: %v; reading state will not be kept\n", err)
			return nil
		}
		path = p
	}
	db, err := state.Open(path)
	if err != nil {
		fmt.Fprintf(e.Stderr, "broadsheet: %v; reading state will not be kept\n", err)
		return nil
	}
	if db.MovedAside != "" {
		fmt.Fprintf(e.Stderr, "broadsheet: %s could not be read; moved it to %s and started afresh\n", path, db.MovedAside)
	}
	if err := db.ReadOnly(); err != nil {
		fmt.Fprintf(e.Stderr, "broadsheet: state %s is busy or read-only: %v\n", path, err)
	}
	return db
}

// storyJSON is the scriptable shape of a story on the command line.
type storyJSON struct {
	ID       string             `json:"id"`
	Title    string             `json:"title"`
	Date     string             `json:"date"`
	Outlets  []string           `json:"outlets"`
	Articles []storyArticleJSON `json:"articles"`
}

// storyArticleJSON is one article of a story: what it is, and the
// sentences only it has.
type storyArticleJSON struct {
	ID     string   `json:"id"`
	Path   string   `json:"path"`
	Outlet string   `json:"outlet"`
	Title  string   `json:"title"`
	Date   string   `json:"date"`
	Words  int      `json:"words"`
	Only   []string `json:"only"`
}

// grouping is a store's articles grouped into stories by the library,
// as the reader groups them.
type grouping struct {
	lib     *library.Library
	stories []*story.Story // newest first
}

// groupStories groups a store's articles into stories, taking up and
// saving the grouping kept in file unless it is nil.
func groupStories(store *feed.Store, file func() (path, key string)) grouping {
	lib := library.FromStore(store)
	if file != nil {
		lib.KeepStories(file)
	}
	return grouping{lib: lib, stories: lib.Regroup()}
}

// Of returns the ID of the story an article is in, or "".
func (g grouping) Of(articleID string) string { return g.lib.StoryOf(articleID) }

// storiesCmd prints the stories in a store, newest first: a headline
// line and the story's articles indented below it, or JSON Lines.
func storiesCmd(w io.Writer, store *feed.Store, asJSON bool, file func() (path, key string)) (err error) {
	if store.Len() == 0 {
		return ErrNothingLoaded
	}
	bw := bufio.NewWriter(w)
	defer flush(bw, &err)
	for _, st := range groupStories(store, file).stories {
		title := feed.Sanitize(st.Title)
		arts := safeHeads(st.Articles)
		if asJSON {
			v := storyJSON{ID: feed.Sanitize(st.ID), Title: title, Date: dateOf(st), Outlets: sanitizeAll(st.Outlets), Articles: []storyArticleJSON{}}
			for _, a := range arts {
				only := sanitizeAll(st.Only(a.ID))
				if only == nil {
					only = []string{}
				}
				v.Articles = append(v.Articles, storyArticleJSON{
					ID: a.ID, Path: a.Path, Outlet: feed.OutletName(a), Title: a.Title,
					Date: a.DateString(), Words: a.Words, Only: only,
				})
			}
			b, err := json.Marshal(v)
			if err != nil {
				return err
			}
			bw.Write(append(b, '\n'))
			continue
		}
		outlets := "1 outlet"
		if n := len(st.Outlets); n != 1 {
			outlets = fmt.Sprintf("%d outlets", n)
		}
		meta := outlets
		if d := dateOf(st); d != "" {
			meta += ", " + d
		}
		fmt.Fprintf(bw, "%s  (%s)\n", title, meta)
		width := 0
		for _, a := range arts {
			width = max(width, utf8.RuneCountInString(feed.OutletName(a)))
		}
		width = min(width, 28)
		for _, a := range arts {
			date := a.DateString()
			if date == "" {
				date = strings.Repeat(" ", 10)
			}
			fmt.Fprintf(bw, "    %s  %s  %s\n", date, pad(feed.OutletName(a), width), a.Title)
		}
	}
	return nil
}

// sanitizeAll returns ss, each made safe to print; nil for nil.
func sanitizeAll(ss []string) []string {
	if ss == nil {
		return nil
	}
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = feed.Sanitize(s)
	}
	return out
}

func dateOf(st *story.Story) string {
	if st.Date.IsZero() {
		return ""
	}
	return st.Date.Format("2006-01-02")
}

// withStory adds a "story" field to an article's JSON object.
func withStory(obj []byte, storyID string) []byte {
	id, _ := json.Marshal(storyID)
	out := append([]byte(nil), obj[:len(obj)-1]...)
	out = append(out, `,"story":`...)
	out = append(out, id...)
	return append(out, '}')
}
