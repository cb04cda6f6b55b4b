package cache

import (
	"math"
	"strings"
	"time"
	"unsafe"

	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/feed/internal/wire"
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

// encoder appends records to a byte slice.
type encoder struct{ wire.Encoder }

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
		e.Byte(timeZero)
		return
	}
	loc := t.Location()
	switch {
	case loc == time.UTC:
		e.Byte(timeUTC)
	case loc == time.Local:
		e.Byte(timeLocal)
	default:
		e.Byte(timeFixed)
	}
	e.Varint(t.Unix())
	e.Uvarint(uint64(t.Nanosecond()))
	if loc != time.UTC && loc != time.Local {
		name, off := t.Zone()
		e.Str(name)
		e.Varint(int64(off))
	}
}

func (e *encoder) stamp(st stamp) {
	e.Uvarint(uint64(st.size))
	e.Varint(st.mtime)
	e.Varint(st.ctime)
	e.Uvarint(st.ino)
	e.Uvarint(st.dev)
}

// record appends one file's record.
func (e *encoder) record(rel string, st stamp, sketches [][]byte, h feed.Hint, arts []*feed.Article, probs []feed.Problem) {
	e.Str(rel)
	e.stamp(st)
	e.Uvarint(uint64(len(sketches)))
	for _, sk := range sketches {
		e.Uvarint(uint64(len(sk)))
		e.B = append(e.B, sk...)
	}
	e.Str(h.Outlet)
	e.Str(h.Folder)
	e.time(h.Date)
	e.Uvarint(uint64(len(arts)))
	for _, a := range arts {
		e.Str(a.ID)
		e.Str(string(a.Format))
		e.Str(a.Title)
		if a.TitleSynthesized {
			e.B = append(e.B, 1)
		} else {
			e.B = append(e.B, 0)
		}
		e.Str(a.Outlet)
		e.Str(a.OutletSource)
		e.time(a.Date)
		e.Str(a.DateSource)
		e.Str(a.Byline)
		e.Str(a.URL)
		e.Str(a.Lead)
		e.Str(a.Body)
		e.Uvarint(uint64(a.Words))
	}
	e.Uvarint(uint64(len(probs)))
	for _, p := range probs {
		e.Str(p.Reason)
	}
}

// decoder reads records from a string or bytes; a read past the end
// sets Err and returns zeros, so a damaged record is found once, at the
// end.
type decoder[S string | []byte] struct{ wire.Decoder[S] }

// decode returns a decoder of s from its start.
func decode[S string | []byte](s S) decoder[S] { return decoder[S]{wire.Decoder[S]{S: s}} }

func (d *decoder[S]) time() time.Time {
	kind := d.Byte()
	if kind == timeZero {
		return time.Time{}
	}
	sec, nsec := d.Varint(), d.Uvarint()
	if nsec >= 1e9 {
		d.Err = true
		return time.Time{}
	}
	t := time.Unix(sec, int64(nsec))
	switch kind {
	case timeUTC:
		return t.UTC()
	case timeLocal:
		return t.In(time.Local)
	case timeFixed:
		name, off := d.Str(), d.Varint()
		if off < math.MinInt32 || off > math.MaxInt32 {
			d.Err = true
			return time.Time{}
		}
		return t.In(fixedZone(name, int(off)))
	}
	d.Err = true
	return time.Time{}
}

// header reads a record's file name and stamp, which are all a lookup
// needs to know whether the record is the file's.
func (d *decoder[S]) header() (rel string, st stamp) {
	rel = d.Str()
	st.size = int64(d.Uvarint())
	st.mtime = d.Varint()
	st.ctime = d.Varint()
	st.ino = d.Uvarint()
	st.dev = d.Uvarint()
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
		d := decode(l.s)
		for i := range l.n {
			sk := d.Str()
			if d.Err || !yield(i, unsafe.Slice(unsafe.StringData(sk), len(sk))) {
				return
			}
		}
	}
}

// sketches reads the sketches that follow a record's header, without
// copying them.
func (d *decoder[S]) sketches() sketchList {
	n := d.Uvarint()
	if n > uint64(len(d.S)) {
		d.Err = true
		return sketchList{}
	}
	start := d.I
	for range n {
		d.Str()
	}
	return sketchList{n: int(n), s: string(d.S[start:d.I])}
}

// hint reads what opens the rest of a record, body and skim alike: its
// hint, and how many articles follow (Err set when no record could hold
// so many).
func (d *decoder[S]) hint() (h feed.Hint, n uint64) {
	h.Outlet = d.Str()
	h.Folder = d.Str()
	h.Date = d.time()
	n = d.Uvarint()
	if n > uint64(len(d.S)) {
		d.Err = true
	}
	return h, n
}

// body reads the rest of a record: its hint, articles and problems.
// Every string is a part of d.S, but with own set, only an article's
// lead and body are: the rest is copied, one allocation an article (see
// own).
func (d *decoder[S]) body(path string, own bool) (h feed.Hint, arts []*feed.Article, probs []feed.Problem) {
	h, n := d.hint()
	if d.Err {
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
			a.ID = d.Str()
			a.Format = feed.Format(d.Str())
			a.Title = d.Str()
			a.TitleSynthesized = d.Byte() == 1
			a.Outlet = d.Str()
			a.OutletSource = d.Str()
			a.Date = d.time()
			a.DateSource = d.Str()
			a.Byline = d.Str()
			a.URL = d.Str()
			a.Lead = d.Str()
			a.Body = d.Str()
			a.Words = int(d.Uvarint())
			if own {
				ownFields(a)
			}
			arts[i] = a
		}
	}
	n = d.Uvarint()
	if n > uint64(len(d.S)) {
		d.Err = true
		return
	}
	for range n {
		r := d.Str()
		if own {
			r = strings.Clone(r)
		}
		probs = append(probs, feed.Problem{Path: path, Reason: r})
	}
	if d.I != len(d.S) {
		d.Err = true
	}
	return
}

// skim reads the rest of a record as body does, but makes nothing of
// its articles: it returns the record's hint, how many articles it
// holds, and how many problems. A string is never copied.
func (d *decoder[S]) skim() (h feed.Hint, arts, probs int) {
	h, n := d.hint()
	if d.Err {
		return
	}
	for range n {
		for range 3 { // id, format, title
			d.Skip()
		}
		d.Byte()
		d.Skip() // outlet
		d.Skip() // outlet source
		d.time()
		for range 5 { // date source, byline, url, lead, body
			d.Skip()
		}
		d.Uvarint()
	}
	p := d.Uvarint()
	if p > uint64(len(d.S)) {
		d.Err = true
		return
	}
	for range p {
		d.Skip()
	}
	if d.I != len(d.S) {
		d.Err = true
	}
	return h, int(n), int(p)
}

// ownFields copies an article's short strings, those read for every
// article (to sort, count outlets, list, look up by ID), out of the
// cache file's mapped bytes into one string of their own, the known
// sources and formats being shared constants. Its lead and body stay
// the mapped file's: read when the article is shown or searched, their
// pages are the system's to keep or let go, rather than every page of
// the file being in the process's memory for as long as it runs.
func ownFields(a *feed.Article) {
	var shared [3]bool
	for i, f := range [...]*string{(*string)(&a.Format), &a.OutletSource, &a.DateSource} {
		if k, ok := knownStrings[*f]; ok {
			*f, shared[i] = k, true
		}
	}
	fields := [...]*string{&a.ID, &a.Title, &a.Outlet, &a.Byline, &a.URL, (*string)(&a.Format), &a.OutletSource, &a.DateSource}
	copied := func(i int) bool { return i < 5 || !shared[i-5] }
	n := 0
	for i, f := range fields {
		if copied(i) {
			n += len(*f)
		}
	}
	if n == 0 {
		return
	}
	buf := make([]byte, 0, n)
	for i, f := range fields {
		if copied(i) {
			buf = append(buf, *f...)
		}
	}
	all := unsafe.String(unsafe.SliceData(buf), len(buf))
	at := 0
	for i, f := range fields {
		if copied(i) {
			*f, at = all[at:at+len(*f)], at+len(*f)
		}
	}
}

// knownStrings are the formats and the sources of outlets and dates:
// an article's field holding one of them is made to share it.
var knownStrings = func() map[string]string {
	m := make(map[string]string)
	for _, s := range []string{
		string(feed.FormatText), string(feed.FormatHTML), string(feed.FormatMarkdown), string(feed.FormatFeed), string(feed.FormatJSON),
		feed.OutletFromMetadata, feed.OutletFromSidecar, feed.OutletFromURL, feed.OutletFromSignature, feed.OutletFromFolder,
		feed.DateFromMeta, feed.DateFromJSONLD, feed.DateFromMarkup, feed.DateFromDateline, feed.DateFromText, feed.DateFromURL, feed.DateFromSidecar,
	} {
		m[s] = s
	}
	return m
}()
