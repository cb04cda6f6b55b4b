package story

import (
	"encoding/binary"
	"errors"
	"hash/crc64"
	"maps"
	"math"
	"slices"
	"time"
	"unsafe"

	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/feed/internal/wire"
)

// A grouping is saved so that the next start need not group again: what
// every article read as (its vector, key terms, years and time), which
// compared articles are alike and how much (see like), and which story
// each is in, under which ID. That is all an article added later needs to be grouped
// as if the set had been built afresh, so Restore gives the set Marshal
// was called on, and adding to it gives what adding to that set would.
//
// The encoding is compact and binary: a header naming the format and the
// grouping's rules (see rules), then the articles in ID order, then the
// stories' IDs, then a checksum of all that. Anything that does not read
// back exactly (another version, other rules, a damaged or cut file) is
// refused whole, and the caller groups afresh.

// savedMagic opens a saved grouping; its last byte is the format's
// version.
const savedMagic = "broadsheet stories\x00\x03"

var crcTable = crc64.MakeTable(crc64.ECMA)

// ErrSaved is returned by Restore for data it cannot use.
var ErrSaved = errors.New("story: saved grouping unusable")

// Marshal encodes the set's grouping for Restore.
func (s *Set) Marshal() []byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	ds := make([]*doc, 0, len(s.docs))
	for _, d := range s.docs {
		ds = append(ds, d)
	}
	slices.SortFunc(ds, byID)
	at := make(map[*doc]int, len(ds))
	for i, d := range ds {
		at[d] = i
	}
	// Stories by key, in key order.
	keys := make([]string, 0, len(s.members))
	for key := range s.members {
		keys = append(keys, key)
	}
	slices.Sort(keys)
	storyAt := make(map[string]int, len(keys))
	for i, key := range keys {
		storyAt[key] = i
	}
	var e wire.Encoder
	e.B = make([]byte, 0, 64+len(ds)*1024)
	e.B = append(e.B, savedMagic...)
	e.U64(s.rules())
	e.Uvarint(uint64(len(ds)))
	for _, d := range ds {
		e.Str(d.art.ID)
		e.U64(fingerprint(d.art))
		e.Varint(d.sec)
		e.Varint(int64(d.nsec))
		e.Varint(int64(d.day))
		d.encodeReading(&e)
		e.Uvarint(uint64(storyAt[s.story[d.art.ID]]))
		e.Uvarint(uint64(len(d.near)))
		for _, l := range d.near {
			e.Uvarint(uint64(at[l.o]))
			e.U64(math.Float64bits(l.v))
		}
	}
	e.Uvarint(uint64(len(keys)))
	for _, key := range keys {
		e.Str(s.ids[key])
	}
	e.U64(crc64.Checksum(e.B, crcTable))
	return e.B
}

// Restore makes an empty set the set a Marshal encoded, which must have
// been grouped with the same options, its articles taken from get by ID.
// An article get does not know, or knows changed (another title, lead,
// body or date), is taken out, and the stories it was in regrouped;
// every other story keeps its ID. Data from another version or other
// rules, or damaged, gives ErrSaved, and a set not empty an error; the
// set is then left as it was. The set reads the articles' vectors from
// data itself (see vectorAt): data must not change, nor a mapping of it
// be undone, while the set is in use.
func (s *Set) Restore(data []byte, get func(id string) *feed.Article) error {
	return s.RestoreKnown(data, func(id string) (*feed.Article, uint64) {
		a := get(id)
		if a == nil || a.ID != id {
			return nil, 0
		}
		return a, fingerprint(a)
	})
}

// RestoreKnown is Restore with each article's Fingerprint known to the
// caller: get returns the article of an ID, or nil, and its
// Fingerprint. A caller that took them in one pass over the articles'
// text, in the order it lies in memory, spares Restore reading the text
// again in the order of the IDs.
func (s *Set) RestoreKnown(data []byte, get func(id string) (*feed.Article, uint64)) error {
	r, err := restore(data, s.opt, get)
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.docs) > 0 {
		return errors.New("story: restoring into a set not empty")
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	s.docs, s.index, s.story, s.members, s.cache = r.docs, r.index, r.story, r.members, r.cache
	s.ids, s.keys, s.serial, s.changes = r.ids, r.keys, r.serial, r.changes
	return nil
}

// restore returns the set data encodes (see Restore).
func restore(data []byte, opt Options, get func(id string) (*feed.Article, uint64)) (*Set, error) {
	s := New(opt)
	n := len(data) - 8
	if n < len(savedMagic) || string(data[:len(savedMagic)]) != savedMagic ||
		binary.LittleEndian.Uint64(data[n:]) != crc64.Checksum(data[:n], crcTable) {
		return nil, ErrSaved
	}
	d := wire.Decoder[[]byte]{S: data[:n], I: len(savedMagic)}
	inPlace := littleEndian && uintptr(unsafe.Pointer(unsafe.SliceData(data)))%4 == 0
	if d.U64() != s.rules() {
		return nil, ErrSaved
	}
	count := d.Count(1)
	ds := make([]*doc, count)
	storyOf := make([]int, count)
	nearAt := make([][]int, count) // each like's article, by index, until all are read
	var stale []string
	for i := range ds {
		x := &doc{serial: int32(i)}
		id := d.Str()
		fp := d.U64()
		x.sec = d.Varint()
		x.nsec = int32(d.Varint())
		x.day = int32(d.Varint())
		x.vec = vectorAt(data, &d, inPlace)
		x.keys = d.U64s()
		x.copyKeys = d.U64s()
		if ny := d.Count(1); ny > 0 {
			x.years = make([]int16, ny)
			for j := range x.years {
				x.years[j] = int16(d.Varint())
			}
		}
		x.comment = d.Uvarint() == 1
		storyOf[i] = int(d.Uvarint())
		x.near = make([]like, d.Count(9))
		nearAt[i] = make([]int, len(x.near))
		for j := range x.near {
			nearAt[i][j] = int(min(d.Uvarint(), uint64(count)))
			x.near[j].v = math.Float64frombits(d.U64())
		}
		if d.Err {
			return nil, ErrSaved
		}
		if a, afp := get(id); a != nil && a.ID == id && afp == fp {
			x.art = a
		} else {
			x.art = &feed.Article{ID: id}
			stale = append(stale, id)
		}
		x.id = idPrefix(x.art.ID)
		ds[i] = x
	}
	stories := d.Count(1)
	ids := make([]string, stories)
	for i := range ids {
		ids[i] = d.Str()
	}
	if d.Err || d.I != len(d.S) {
		return nil, ErrSaved
	}
	for i, x := range ds {
		if i > 0 && ds[i-1].art.ID >= x.art.ID || storyOf[i] >= stories {
			return nil, ErrSaved
		}
		for j, o := range nearAt[i] {
			if o >= count || o == i {
				return nil, ErrSaved
			}
			x.near[j].o = ds[o]
		}
	}
	members := make([][]*doc, stories)
	for i, x := range ds {
		members[storyOf[i]] = append(members[storyOf[i]], x)
	}
	for i, ms := range members {
		if len(ms) == 0 {
			return nil, ErrSaved
		}
		key := ms[0].art.ID // the docs are in ID order, and so the members
		s.members[key] = ms
		for _, m := range ms {
			s.story[m.art.ID] = key
		}
		if _, taken := s.keys[ids[i]]; taken {
			return nil, ErrSaved
		}
		s.name(key, ids[i])
	}
	ignored := make(map[*doc]bool)
	for _, x := range ds {
		s.docs[x.art.ID] = x
		s.index.insert(x, ignored)
	}
	s.serial = int32(len(ds))
	s.Remove(stale...)
	return s, nil
}

// littleEndian is whether this machine puts a number's little end first,
// as a saved grouping's vectors are kept.
var littleEndian = binary.NativeEndian.Uint16([]byte{1, 0}) == 1

// vectorAt reads a vector at d's place in data (d reads data from its
// start): its length, the bytes that bring it to a multiple of 4, and
// its hashes, then its weights. In place, the vector is data's bytes
// themselves, not a copy: the saved grouping's vectors are most of it
// (some 2 KB an article), and a file mapped keeps them out of the heap,
// in the system's file cache, read back when the articles are compared.
// That needs data aligned to 4 bytes and a machine that puts the little
// end first; otherwise the vector is copied out.
func vectorAt(data []byte, d *wire.Decoder[[]byte], inPlace bool) vector {
	n := d.Count(12)
	for d.I%4 != 0 && !d.Err {
		d.Byte()
	}
	if d.Err || len(d.S)-d.I < 12*n {
		d.Err = true
		return vector{}
	}
	at := d.I
	d.I += 12 * n
	if n == 0 {
		return vector{[]uint32{}, []weight{}} // as a vector weighed of nothing
	}
	if inPlace {
		return vector{
			hash: unsafe.Slice((*uint32)(unsafe.Pointer(&data[at])), n),
			w:    unsafe.Slice((*weight)(unsafe.Pointer(&data[at+4*n])), n),
		}
	}
	v := vector{make([]uint32, n), make([]weight, n)}
	for j := range n {
		v.hash[j] = binary.LittleEndian.Uint32(data[at+4*j:])
		b := data[at+4*n+8*j:]
		v.w[j] = weight{all: math.Float32frombits(binary.LittleEndian.Uint32(b)), words: math.Float32frombits(binary.LittleEndian.Uint32(b[4:]))}
	}
	return v
}

// Changes counts the articles added to the set and taken out of it, so
// that a caller keeping the grouping knows when it is worth saving again.
func (s *Set) Changes() uint64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.changes
}

// Fingerprint returns what a saved grouping keeps of an article to tell
// whether it changed since (see RestoreKnown): a sum of what its vector
// and kind are read from.
func Fingerprint(a *feed.Article) uint64 { return fingerprint(a) }

// fingerprint sums what an article's vector and kind are read from.
func fingerprint(a *feed.Article) uint64 {
	h := crc64.New(crcTable)
	var b [9]byte
	binary.LittleEndian.PutUint64(b[:8], uint64(a.Date.UnixNano()))
	if a.TitleSynthesized {
		b[8] = 1
	}
	h.Write(b[:])
	for _, s := range []string{a.Title, a.Lead, a.Body, a.URL} {
		binary.LittleEndian.PutUint64(b[:8], uint64(len(s)))
		h.Write(b[:8])
		h.Write([]byte(s))
	}
	if a.Date.IsZero() {
		h.Write([]byte{0})
	}
	return h.Sum64()
}

// rules sums what a grouping depends on besides the articles: the
// options, and how two fixed articles read and compare. A change to the
// weights, the words read or the likeness shows here, so a grouping
// saved by another build of the rules is not taken for this one's.
func (s *Set) rules() uint64 {
	var e wire.Encoder
	e.U64(uint64(s.opt.Window))
	e.U64(math.Float64bits(s.opt.Threshold))
	// How clusters are joined into stories (see joinStories).
	for _, v := range []float64{storyLike, undatedStoryLike, storyNames, storyReach.Hours(), joinShare, loneShare} {
		e.U64(math.Float64bits(v))
	}
	// How words are read (see abbreviations).
	for _, w := range slices.Sorted(maps.Keys(abbreviations)) {
		e.Str(w)
		e.Str(abbreviations[w])
	}
	// What reads as commentary, and what it must bring (see commentShare).
	for _, v := range []float64{commentShare, commentVoice, commentWords, commentLeast} {
		e.U64(math.Float64bits(v))
	}
	for _, w := range slices.Sorted(maps.Keys(genreWords)) {
		e.Str(w)
	}
	e.B = append(e.B, rulesProbe()...)
	return crc64.Checksum(e.B, crcTable)
}

// encodeReading appends what an article read as: its vector, key
// terms and years, as Restore reads them back.
func (d *doc) encodeReading(e *wire.Encoder) {
	e.Uvarint(uint64(d.vec.len()))
	// The hashes, then the weights, as they lie in memory on a machine
	// that puts the little end first, at a place in the encoding that is
	// a multiple of 4 (see vectorAt).
	for len(e.B)%4 != 0 {
		e.Byte(0)
	}
	for _, h := range d.vec.hash {
		e.U32(h)
	}
	for _, w := range d.vec.w {
		e.U32(math.Float32bits(w.all))
		e.U32(math.Float32bits(w.words))
	}
	e.U64s(d.keys)
	e.U64s(d.copyKeys)
	e.Uvarint(uint64(len(d.years)))
	for _, y := range d.years {
		e.Varint(int64(y))
	}
	if d.comment {
		e.Uvarint(1)
	} else {
		e.Uvarint(0)
	}
}

// rulesProbe reads two fixed articles and compares them.
func rulesProbe() []byte {
	day := time.Date(2024, 5, 2, 9, 0, 0, 0, time.UTC)
	a := &feed.Article{ID: "a", Title: "Harbour ferry strike closes Port Ellis crossing in 2024",
		Lead: "Crews walked out at dawn, the union said.", Body: "The Port Ellis ferry will not sail until Friday, when talks resume. Three hundred passengers were turned back.", Date: day}
	b := &feed.Article{ID: "b", Title: "Ferry crews strike at Port Ellis",
		Lead: "No ferry sailed on Thursday.", Body: "Passengers were turned back at the Port Ellis terminal as crews walked out over pay.", Date: day.Add(30 * time.Hour)}
	ds := []*doc{{art: a}, {art: b}}
	vectorize(ds)
	var e wire.Encoder
	for _, d := range ds {
		d.encodeReading(&e)
	}
	probe := New(Options{})
	e.U64(math.Float64bits(probe.sim(ds[0], ds[1])))
	ds[1].sec = undatedSec
	e.U64(math.Float64bits(probe.sim(ds[0], ds[1])))
	return e.B
}
