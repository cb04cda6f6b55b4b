package library

import (
	"bytes"
	"encoding/binary"
	"io"
	"time"

	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/feed/cache"
	"github.com/broadsheet/broadsheet/feed/story"
)

// KeepStories makes the library keep its grouping between runs in the
// file that file names (cache.Cache.StoriesFile does), under a key: the
// first Regroup takes up the grouping saved there with the same key, so
// that only the articles not in it (new or changed since) are grouped,
// and every Regroup that changed the stories saves them. The key names
// the program and its settings, so that a grouping made under other
// rules is never taken up. A file that is missing, damaged, from
// another version or with another key is ignored, and the stories
// grouped afresh; one that cannot be written costs the next run time,
// never this one its stories. file may block: it is called at the first
// Regroup, not here. Call KeepStories before the first Regroup.
func (lib *Library) KeepStories(file func() (path, key string)) {
	lib.gmu.Lock()
	defer lib.gmu.Unlock()
	lib.storiesFileOf = file
}

// keptStories returns the file the grouping is kept in and its key, or
// "" when it is not kept.
func (lib *Library) keptStories() (path, key string) {
	if lib.storiesFileOf != nil {
		lib.storiesFile, lib.storiesKey = lib.storiesFileOf()
		lib.storiesFileOf = nil
	}
	return lib.storiesFile, lib.storiesKey
}

// restoreStories takes up the saved grouping, at the first Regroup,
// given the articles queued to be grouped.
func (lib *Library) restoreStories(add []*feed.Article) {
	file, key := lib.keptStories()
	if file == "" || lib.triedRestore {
		return
	}
	lib.triedRestore = true
	// Mapped rather than read: the file is some 2 KB an article, most of
	// it the articles' vectors, which the restored grouping reads where
	// they lie (see story.Set.Restore), so the mapping stays while the
	// program runs; its pages go with the others' (cache.LetGoOfPages).
	// The file is only ever replaced whole (cache.WriteFile renames), so
	// what is mapped never changes.
	data, unmap, err := cache.MapFile(file)
	if err != nil {
		return
	}
	data, ok := bytes.CutPrefix(data, keyHeader(key))
	if !ok {
		unmap()
		return
	}
	// Each article's fingerprint, which reads its text, taken in the
	// order the articles came (see sumEach), not in the saved
	// grouping's order of IDs: read in that order, the cache file's
	// pages all stayed in memory until the grouping was done.
	fps := sumEach(add, story.Fingerprint)
	by := make(map[string]int, len(add))
	for i, a := range add {
		by[a.ID] = i
	}
	get := func(id string) (*feed.Article, uint64) {
		i, ok := by[id]
		if !ok {
			return nil, 0
		}
		return add[i], fps[i]
	}
	if lib.stories.RestoreKnown(data, get) != nil {
		unmap()
		return
	}
	cache.LetGoOfPages()
	// Unchanged, the saved grouping needs no saving again.
	lib.savedChanges = lib.stories.Changes()
}

// keyHeader opens a kept grouping's file: its key's length, the key, and
// zeros to a multiple of 8 bytes, so that the grouping after it lies at a
// place of the mapping aligned as its vectors need to be read in place.
func keyHeader(key string) []byte {
	h := append(binary.AppendUvarint(nil, uint64(len(key))), key...)
	for len(h)%8 != 0 {
		h = append(h, 0)
	}
	return h
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
	file, key := lib.keptStories()
	if file == "" || lib.stories.Changes() == lib.savedChanges {
		return
	}
	if !lib.savedAt.IsZero() && time.Since(lib.savedAt) < saveEvery {
		return
	}
	changes := lib.stories.Changes()
	data := lib.stories.Marshal()
	err := cache.WriteFile(file, func(w io.Writer) error {
		if _, err := w.Write(keyHeader(key)); err != nil {
			return err
		}
		_, err := w.Write(data)
		return err
	})
	if err != nil {
		return
	}
	lib.savedChanges = changes
	lib.savedAt = time.Now()
}
