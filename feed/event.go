package feed

// Progress counts a load's files.
type Progress struct {
	Found  int  // files found so far
	Done   int  // files read and extracted so far
	Walked bool // whether every file has been found, so Found is final
	// Checking reports that the articles came from the cache at once,
	// before any file was looked at, and the files are now being
	// checked: Done counts the files checked (see load.Preloader).
	Checking bool
}

// Event is what the loader reports as it goes: the outcome of one file,
// or, with no articles or problems, news of progress alone.
type Event struct {
	Path string
	// Removed lists files whose articles are gone or out of date: a
	// Watcher's events carry them, to be taken out of the store before
	// Articles are added (see Event.Apply). The initial load has none.
	Removed  []string
	Articles []*Article
	Problems []Problem
	Progress Progress
}

// Apply brings a store up to date with an event: it takes out the
// articles of the files in Removed, adds the event's articles and
// records its problems. It returns what was added and what was taken
// out, for indexes and stories to follow.
func (ev Event) Apply(s *Store) (added, removed []*Article) {
	if len(ev.Removed) > 0 {
		// Stored paths are made safe to print (see SanitizePath).
		paths := make([]string, len(ev.Removed))
		for i, p := range ev.Removed {
			paths[i] = SanitizePath(p)
		}
		removed = s.Remove(paths...)
	}
	added = s.Add(ev.Articles...)
	s.AddProblems(ev.Problems...)
	return added, removed
}
