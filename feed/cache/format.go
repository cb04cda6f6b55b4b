package cache

import (
	"encoding/binary"
	"math"
	"time"
	"unsafe"

	"github.com/broadsheet/broadsheet/feed"
)

// A shard file is
//
//	magic "BSCACHE\n", version uint32
//	string key (identity and fingerprint), string root
//	the records, back to back
//	the index: uvarint count, then for each record: string rel, its
//	  stamp (as in the record), uvarint offset, uvarint length, uvarint CRC-32C
//	uint64 offset of the index, uint32 CRC-32C of the index and that offset
//
// with little-endian integers and strings as a uvarint length and bytes.
// A record is
//
//	string rel (the file's path below the root)
//	stamp: uvarint size, varint mtime ns, varint ctime ns, uvarint inode, uvarint device
//	uvarint sketches, then each article's sketch as a string (none
//	  when the cache was given no Sketch)
//	hint: string outlet, string folder, time date
//	uvarint articles, then each article:
//	  string id, format, title; byte synthesized; string outlet,
//	  outlet source; time date; string date source, byline, url, lead, body;
//	  uvarint words
//	uvarint problems, then each problem's string reason
//
// A time is a byte kind (0 zero, 1 UTC, 2 local, 3 fixed zone), then for
// all but zero varint seconds and uvarint nanoseconds, and for a fixed
// zone string name and varint offset.
//
// A record decodes from one copy of its bytes: every string in it is a
// part of that copy, so an article keeps alive only its own record.
const (
	magic   = "BSCACHE\n"
	version = 3
)

// stamp is what the file system says of a file: any change to the file
// changes it.
type stamp struct {
	size, mtime, ctime int64
	ino, dev           uint64
}

// encoder appends to a byte slice.
type encoder struct{ b []byte }

func (e *encoder) uvarint(v uint64) { e.b = binary.AppendUvarint(e.b, v) }
func (e *encoder) varint(v int64)   { e.b = binary.AppendVarint(e.b, v) }
func (e *encoder) str(s string) {
	e.uvarint(uint64(len(s)))
	e.b = append(e.b, s...)
}

// Time kinds.
const (
	timeZero = iota
	timeUTC
	timeLocal
	timeFixed
)

// timeOK reports whether t can be written so that it reads back exactly:
// in UTC, the local zone, or a fixed zone (as time.Parse makes for an
// offset it does not know).
func timeOK(t time.Time) bool {
	if t.IsZero() {
		return true
	}
	loc := t.Location()
	if loc == time.UTC || loc == time.Local {
		return true
	}
	name, _ := t.Zone()
	return loc.String() == name
}

func (e *encoder) time(t time.Time) {
	if t.IsZero() {
		e.b = append(e.b, timeZero)
		return
	}
	loc := t.Location()
	switch {
	case loc == time.UTC:
		e.b = append(e.b, timeUTC)
	case loc == time.Local:
		e.b = append(e.b, timeLocal)
	default:
		e.b = append(e.b, timeFixed)
	}
	e.varint(t.Unix())
	e.uvarint(uint64(t.Nanosecond()))
	if loc != time.UTC && loc != time.Local {
		name, off := t.Zone()
		e.str(name)
		e.varint(int64(off))
	}
}

func (e *encoder) stamp(st stamp) {
	e.uvarint(uint64(st.size))
	e.varint(st.mtime)
	e.varint(st.ctime)
	e.uvarint(st.ino)
	e.uvarint(st.dev)
}

// record appends one file's record.
func (e *encoder) record(rel string, st stamp, sketches [][]byte, h feed.Hint, arts []*feed.Article, probs []feed.Problem) {
	e.str(rel)
	e.stamp(st)
	e.uvarint(uint64(len(sketches)))
	for _, sk := range sketches {
		e.uvarint(uint64(len(sk)))
		e.b = append(e.b, sk...)
	}
	e.str(h.Outlet)
	e.str(h.Folder)
	e.time(h.Date)
	e.uvarint(uint64(len(arts)))
	for _, a := range arts {
		e.str(a.ID)
		e.str(string(a.Format))
		e.str(a.Title)
		if a.TitleSynthesized {
			e.b = append(e.b, 1)
		} else {
			e.b = append(e.b, 0)
		}
		e.str(a.Outlet)
		e.str(a.OutletSource)
		e.time(a.Date)
		e.str(a.DateSource)
		e.str(a.Byline)
		e.str(a.URL)
		e.str(a.Lead)
		e.str(a.Body)
		e.uvarint(uint64(a.Words))
	}
	e.uvarint(uint64(len(probs)))
	for _, p := range probs {
		e.str(p.Reason)
	}
}

// decoder reads a string or bytes; a read past the end sets err and
// returns zeros, so a damaged record is found once, at the end.
type decoder[S string | []byte] struct {
	s   S
	i   int
	err bool
}

func (d *decoder[S]) uvarint() uint64 {
	var v uint64
	for shift := uint(0); shift < 64; shift += 7 {
		if d.i >= len(d.s) {
			d.err = true
			return 0
		}
		c := d.s[d.i]
		d.i++
		v |= uint64(c&0x7f) << shift
		if c < 0x80 {
			return v
		}
	}
	d.err = true
	return 0
}

func (d *decoder[S]) varint() int64 {
	u := d.uvarint()
	v := int64(u >> 1)
	if u&1 != 0 {
		v = ^v
	}
	return v
}

func (d *decoder[S]) byte() byte {
	if d.i >= len(d.s) {
		d.err = true
		return 0
	}
	d.i++
	return d.s[d.i-1]
}

func (d *decoder[S]) str() string {
	n := d.uvarint()
	if n > uint64(len(d.s)-d.i) {
		d.err = true
		return ""
	}
	s := string(d.s[d.i : d.i+int(n)])
	d.i += int(n)
	return s
}

func (d *decoder[S]) time() time.Time {
	kind := d.byte()
	if kind == timeZero {
		return time.Time{}
	}
	sec, nsec := d.varint(), d.uvarint()
	if nsec >= 1e9 {
		d.err = true
		return time.Time{}
	}
	t := time.Unix(sec, int64(nsec))
	switch kind {
	case timeUTC:
		return t.UTC()
	case timeLocal:
		return t.In(time.Local)
	case timeFixed:
		name, off := d.str(), d.varint()
		if off < math.MinInt32 || off > math.MaxInt32 {
			d.err = true
			return time.Time{}
		}
		return t.In(fixedZone(name, int(off)))
	}
	d.err = true
	return time.Time{}
}

// header reads a record's file name and stamp, which are all a lookup
// needs to know whether the record is the file's.
func (d *decoder[S]) header() (rel string, st stamp) {
	rel = d.str()
	st.size = int64(d.uvarint())
	st.mtime = d.varint()
	st.ctime = d.varint()
	st.ino = d.uvarint()
	st.dev = d.uvarint()
	return rel, st
}

// sketchList is a record's sketches, as read from it.
type sketchList struct {
	n int    // how many
	s string // each as a string
}

// all yields each sketch, in order. The bytes are those of the record.
func (l sketchList) all() func(yield func(int, []byte) bool) {
	return func(yield func(int, []byte) bool) {
		d := decoder[string]{s: l.s}
		for i := range l.n {
			sk := d.str()
			if d.err || !yield(i, unsafe.Slice(unsafe.StringData(sk), len(sk))) {
				return
			}
		}
	}
}

// sketches reads the sketches that follow a record's header, without
// copying them.
func (d *decoder[S]) sketches() sketchList {
	n := d.uvarint()
	if n > uint64(len(d.s)) {
		d.err = true
		return sketchList{}
	}
	start := d.i
	for range n {
		d.str()
	}
	return sketchList{n: int(n), s: string(d.s[start:d.i])}
}

// body reads the rest of a record: its hint, articles and problems.
// Every string is a part of d.s.
func (d *decoder[S]) body(path string) (h feed.Hint, arts []*feed.Article, probs []feed.Problem) {
	h.Outlet = d.str()
	h.Folder = d.str()
	h.Date = d.time()
	n := d.uvarint()
	if n > uint64(len(d.s)) {
		d.err = true
		return
	}
	if n > 0 {
		// One allocation for the articles of a file, however many.
		block := make([]feed.Article, n)
		arts = make([]*feed.Article, n)
		apath := feed.SanitizePath(path)
		for i := range block {
			a := &block[i]
			a.Path = apath
			a.ID = d.str()
			a.Format = feed.Format(d.str())
			a.Title = d.str()
			a.TitleSynthesized = d.byte() == 1
			a.Outlet = d.str()
			a.OutletSource = d.str()
			a.Date = d.time()
			a.DateSource = d.str()
			a.Byline = d.str()
			a.URL = d.str()
			a.Lead = d.str()
			a.Body = d.str()
			a.Words = int(d.uvarint())
			arts[i] = a
		}
	}
	n = d.uvarint()
	if n > uint64(len(d.s)) {
		d.err = true
		return
	}
	for range n {
		probs = append(probs, feed.Problem{Path: path, Reason: d.str()})
	}
	if d.i != len(d.s) {
		d.err = true
	}
	return
}
