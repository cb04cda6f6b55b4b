package library

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/broadsheet/broadsheet/feed"
)

// StoriesFile names the file in dir that keeps the grouping of the
// articles loaded from roots: one file for each set of roots, whatever
// their order or how they were written.
func StoriesFile(dir string, roots []string) string {
	abs := make([]string, 0, len(roots))
	for _, r := range roots {
		if a, err := filepath.Abs(r); err == nil {
			abs = append(abs, a)
		}
	}
	slices.Sort(abs)
	abs = slices.Compact(abs)
	h := sha256.New()
	for _, a := range abs {
		h.Write([]byte(a))
		h.Write([]byte{0})
	}
	return filepath.Join(dir, "stories-"+hex.EncodeToString(h.Sum(nil))[:16]+".bin")
}

// KeepStories makes the library keep its grouping in file between runs:
// the first Regroup takes up the grouping saved there, so that only the
// articles not in it (new or changed since) are grouped, and every
// Regroup that changed the stories saves them. A file that is missing,
// damaged, or from another version is ignored, and the stories grouped
// afresh; one that cannot be written costs the next run time, never this
// one its stories. Call it before the first Regroup.
func (lib *Library) KeepStories(file string) {
	lib.gmu.Lock()
	defer lib.gmu.Unlock()
	lib.storiesFile = file
}

// restoreStories takes up the saved grouping, at the first Regroup,
// given the articles queued to be grouped.
func (lib *Library) restoreStories(add []*feed.Article) {
	if lib.storiesFile == "" || lib.triedRestore {
		return
	}
	lib.triedRestore = true
	data, err := os.ReadFile(lib.storiesFile)
	if err != nil {
		return
	}
	by := make(map[string]*feed.Article, len(add))
	for _, a := range add {
		by[a.ID] = a
	}
	if lib.stories.Restore(data, func(id string) *feed.Article { return by[id] }) != nil {
		return
	}
	// Unchanged, the saved grouping needs no saving again.
	lib.savedChanges = lib.stories.Changes()
}

// saveEvery is how long after one save the grouping is saved again. A
// large library's file is big (about 1.8 KB an article), and a watched
// folder may change every few seconds; a file a little behind costs the
// next start only the grouping of the articles it lacks.
const saveEvery = 2 * time.Minute

// saveStories writes the grouping when it changed since it was last
// saved or restored, and the last save is saveEvery old: to a file
// beside it first, renamed over it once whole, so that a run stopped
// meanwhile leaves the old file or the new.
func (lib *Library) saveStories() {
	if lib.storiesFile == "" || lib.stories.Changes() == lib.savedChanges {
		return
	}
	if !lib.savedAt.IsZero() && time.Since(lib.savedAt) < saveEvery {
		return
	}
	changes := lib.stories.Changes()
	data := lib.stories.Marshal()
	dir := filepath.Dir(lib.storiesFile)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return
	}
	f, err := os.CreateTemp(dir, filepath.Base(lib.storiesFile)+".*.tmp")
	if err != nil {
		return
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), lib.storiesFile)
	}
	if err != nil {
		os.Remove(f.Name())
		return
	}
	lib.savedChanges = changes
	lib.savedAt = time.Now()
}
