package load

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/feed/extract"
)

// sidecarName is the settings file a folder may hold to tell the loader
// what its files do not say themselves.
const sidecarName = "broadsheet.toml"

// maxSidecarSize bounds the settings file read; a real one is a few lines.
const maxSidecarSize = 1 << 20

// sidecar is a folder's broadsheet.toml:
//
//	[[files]]
//	glob = "guardian-*.txt"
//	outlet = "The Guardian"
//	date = 2024-06-19
//
// The first entry whose glob matches a file's name gives its outlet and
// date. Either may be left out.
type sidecar struct {
	Files []sidecarRule `toml:"files"`
}

// sidecarRule sets metadata for the files whose names match Glob.
type sidecarRule struct {
	Glob   string `toml:"glob"`
	Outlet string `toml:"outlet"`
	Date   any    `toml:"date"`

	date time.Time
}

// sidecars reads each folder's sidecar once per load.
type sidecars struct {
	mu     sync.Mutex
	folder map[string]*sidecar // nil when the folder has none
	read   func(name string) ([]byte, error)
}

func newSidecars(read func(string) ([]byte, error)) *sidecars {
	return &sidecars{folder: make(map[string]*sidecar), read: read}
}

// hint returns the outlet and date the sidecar in dir sets for the file
// named name, and the problem with the sidecar the first time it is read.
func (s *sidecars) hint(dir, name string, join func(...string) string) (feed.Hint, *feed.Problem) {
	s.mu.Lock()
	defer s.mu.Unlock()
	sc, seen := s.folder[dir]
	var prob *feed.Problem
	if !seen {
		var err error
		p := join(dir, sidecarName)
		sc, err = s.load(p)
		if err != nil {
			prob = &feed.Problem{Path: p, Reason: err.Error()}
		}
		s.folder[dir] = sc
	}
	if sc == nil {
		return feed.Hint{}, prob
	}
	for _, r := range sc.Files {
		if ok, _ := path.Match(r.Glob, name); ok {
			return feed.Hint{Outlet: r.Outlet, Date: r.date}, prob
		}
	}
	return feed.Hint{}, prob
}

// load reads and checks one sidecar. A missing one is no error; a broken
// one is reported with its line, and its good entries are still used.
func (s *sidecars) load(p string) (*sidecar, error) {
	data, err := s.read(p)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read sidecar: %s", describe(err))
	}
	// A sidecar is a folder's file like any other, so it may be hostile:
	// nesting deep enough to overflow the decoder's stack would take the
	// whole program down.
	if extract.NestingDepth(data, extract.MaxFrontMatterDepth) > extract.MaxFrontMatterDepth {
		return nil, fmt.Errorf("sidecar: nested over %d deep", extract.MaxFrontMatterDepth)
	}
	var sc sidecar
	_, err = toml.Decode(string(data), &sc)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, fmt.Errorf("sidecar line %d: %s", pe.Position.Line, pe.Message)
		}
		return nil, fmt.Errorf("sidecar: %w", err)
	}
	var bad []error
	good := sc.Files[:0]
	for i, r := range sc.Files {
		line := ruleLine(data, i)
		switch {
		case r.Glob == "" && r.Outlet == "" && r.Date == nil:
			continue // an empty entry says nothing
		case r.Glob == "":
			bad = append(bad, fmt.Errorf("sidecar %s: files entry has no glob", line))
			continue
		case !validGlob(r.Glob):
			bad = append(bad, fmt.Errorf("sidecar %s: bad glob %q", line, r.Glob))
			continue
		}
		switch d := r.Date.(type) {
		case nil:
		case time.Time:
			r.date = d
		case string:
			r.date = extract.ParseDate(d)
			if r.date.IsZero() {
				bad = append(bad, fmt.Errorf("sidecar %s: date %q is not YYYY-MM-DD", line, d))
			}
		default:
			bad = append(bad, fmt.Errorf("sidecar %s: date must be YYYY-MM-DD", line))
		}
		good = append(good, r)
	}
	sc.Files = good
	return &sc, errors.Join(bad...)
}

// ruleLine names where the i-th [[files]] entry starts, as "line N".
func ruleLine(data []byte, i int) string {
	n := -1
	for ln, l := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), "[[files]]") {
			if n++; n == i {
				return fmt.Sprintf("line %d", ln+1)
			}
		}
	}
	return fmt.Sprintf("files entry %d", i+1)
}

func validGlob(g string) bool {
	_, err := path.Match(g, "")
	return err == nil
}

// withSidecars wraps a walk's found function so that each file's hint
// carries what the sidecar in its folder sets for it. Sidecars are read
// once per walk, and a broken one is reported once.
func (l *Loader) withSidecars(found func(job), problem func(feed.Problem)) func(job) {
	sc := newSidecars(l.readSidecar)
	return func(j job) {
		h, prob := sc.hint(l.dir(j.path), l.base(j.path), l.join)
		if prob != nil {
			problem(*prob)
		}
		if j.hint.Outlet == "" {
			j.hint.Outlet = h.Outlet
		}
		if j.hint.Date.IsZero() {
			j.hint.Date = h.Date
		}
		found(j)
	}
}

func (l *Loader) join(elem ...string) string {
	if l.FS != nil {
		return path.Join(elem...)
	}
	return filepath.Join(elem...)
}

// readSidecar reads a settings file, bounded in size, as an article is
// read: only a regular file, without waiting on a pipe or a device.
func (l *Loader) readSidecar(p string) ([]byte, error) {
	return l.readLimited(p, maxSidecarSize, nil)
}
