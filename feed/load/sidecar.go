package load

import (
	"bytes"
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

	literal  map[string]int // a glob with no wildcard: its first entry
	patterns []int          // the entries whose globs have wildcards
}

// sidecarRule sets metadata for the files whose names match Glob.
type sidecarRule struct {
	Glob   string `toml:"glob"`
	Outlet string `toml:"outlet"`
	Date   any    `toml:"date"`

	date time.Time
}

// sidecars reads each folder's sidecar once per walk.
type sidecars struct {
	mu     sync.Mutex
	folder map[string]*sidecar // nil when the folder has none
	load   func(p string) (*sidecar, error)
}

func newSidecars(load func(string) (*sidecar, error)) *sidecars {
	return &sidecars{folder: make(map[string]*sidecar), load: load}
}

// hint returns the outlet and date the sidecar in dir sets for the file
// named name, and the problem with the sidecar the first time it is read.
func (s *sidecars) hint(dir, name string, join func(...string) string) (feed.Hint, *feed.Problem) {
	s.mu.Lock()
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
	s.mu.Unlock()
	if sc == nil {
		return feed.Hint{}, prob
	}
	if r := sc.match(name); r != nil {
		return feed.Hint{Outlet: r.Outlet, Date: r.date}, prob
	}
	return feed.Hint{}, prob
}

// match returns the first entry whose glob matches name, or nil. Globs
// with no wildcard are looked up rather than tried one by one, so that a
// sidecar of many entries costs each file little.
func (sc *sidecar) match(name string) *sidecarRule {
	first := len(sc.Files)
	if i, ok := sc.literal[name]; ok {
		first = i
	}
	for _, i := range sc.patterns {
		if i >= first {
			break
		}
		if ok, _ := path.Match(sc.Files[i].Glob, name); ok {
			return &sc.Files[i]
		}
	}
	if first < len(sc.Files) {
		return &sc.Files[first]
	}
	return nil
}

// parseSidecar reads and checks one sidecar. A broken one is reported
// with its line, and its good entries are still used.
func parseSidecar(data []byte) (*sidecar, error) {
	// A sidecar is a folder's file like any other, so it may be hostile:
	// nesting deep enough to overflow the decoder's stack would take the
	// whole program down.
	if extract.NestingDepth(data, extract.MaxFrontMatterDepth) > extract.MaxFrontMatterDepth {
		return nil, fmt.Errorf("sidecar: nested over %d deep", extract.MaxFrontMatterDepth)
	}
	var sc sidecar
	_, err := toml.Decode(string(data), &sc)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, fmt.Errorf("sidecar line %d: %s", pe.Position.Line, pe.Message)
		}
		return nil, fmt.Errorf("sidecar: %w", err)
	}
	var bad []error
	lines := ruleLines(data)
	good := sc.Files[:0]
	for i, r := range sc.Files {
		line := fmt.Sprintf("files entry %d", i+1)
		if i < len(lines) {
			line = fmt.Sprintf("line %d", lines[i])
		}
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
	sc.literal = make(map[string]int)
	for i, r := range sc.Files {
		if !hasMeta(r.Glob) {
			if _, ok := sc.literal[r.Glob]; !ok {
				sc.literal[r.Glob] = i
			}
		} else {
			sc.patterns = append(sc.patterns, i)
		}
	}
	return &sc, errors.Join(bad...)
}

// ruleLines returns the line each [[files]] entry starts on, in order,
// in one pass over the file.
func ruleLines(data []byte) []int {
	var lines []int
	for ln := 1; len(data) > 0; ln++ {
		var l []byte
		l, data, _ = bytes.Cut(data, []byte("\n"))
		if bytes.HasPrefix(bytes.TrimSpace(l), []byte("[[files]]")) {
			lines = append(lines, ln)
		}
	}
	return lines
}

// hasMeta reports whether a glob has characters path.Match treats
// specially; one without them matches only the name it spells.
func hasMeta(glob string) bool {
	return strings.ContainsAny(glob, `*?[\`)
}

func validGlob(g string) bool {
	_, err := path.Match(g, "")
	return err == nil
}

// withSidecars wraps a walk's found function so that each file's hint
// carries what the sidecar in its folder sets for it. Sidecars are read
// once per walk, and a broken one is reported once.
func (l *Loader) withSidecars(found func(job), problem func(feed.Problem)) func(job) {
	sc := newSidecars(l.sidecar)
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

// sidecarMemo keeps each sidecar a Loader has parsed, with the stamp of
// the file it was parsed from, so that a walk (every batch of a watch
// is one) parses again only the sidecars that changed.
type sidecarMemo struct {
	mu     sync.Mutex
	byPath map[string]parsedSidecar
}

type parsedSidecar struct {
	stamp fileStamp
	sc    *sidecar
	err   error
}

// sidecar returns the sidecar at p, parsed, or nil when there is none.
// A missing one is no error.
func (l *Loader) sidecar(p string) (*sidecar, error) {
	info, err := l.stat(p)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read sidecar: %s", describe(err))
	}
	st := fileStamp{info.Size(), info.ModTime()}
	m := &l.sidecars
	m.mu.Lock()
	defer m.mu.Unlock()
	if got, ok := m.byPath[p]; ok && got.stamp == st {
		return got.sc, got.err
	}
	sc, err := l.parseSidecarAt(p)
	if m.byPath == nil {
		m.byPath = make(map[string]parsedSidecar)
	}
	m.byPath[p] = parsedSidecar{st, sc, err}
	return sc, err
}

func (l *Loader) parseSidecarAt(p string) (*sidecar, error) {
	data, err := l.readLimited(p, maxSidecarSize, nil)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read sidecar: %s", describe(err))
	}
	return parseSidecar(data)
}
