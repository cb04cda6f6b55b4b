// Package extract turns one file's bytes, and a hint of what is known
// of it from outside, into articles: it sniffs the format, decodes the
// text and reads plain text, HTML, Markdown, feeds and JSON, dropping
// page furniture and finding each article's outlet, byline and date.
// Everything it returns is safe to print.
package extract

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"hash"
	"math/bits"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/broadsheet/broadsheet/feed"
)

// Source is one file's bytes handed to extraction.
type Source struct {
	Path string
	Data []byte
	// Hint carries what is known of the file from outside it: a sidecar
	// file's settings, the folder it sits in.
	Hint feed.Hint
	// plain reports that Data is known to be UTF-8 with no control byte
	// but tab, newline and form feed (see readable).
	plain bool
}

// Extractor turns file bytes into articles.
type Extractor struct {
	// Signatures recognises outlets by the chrome their pages carry.
	Signatures *Signatures
	// Now bounds dates: none is taken from after it. Zero means time.Now.
	Now time.Time
	// trace, when set, collects the headline candidates weighed.
	trace *titleTrace
}

// NewExtractor returns an Extractor with the built-in outlet signatures.
func NewExtractor() *Extractor {
	return &Extractor{Signatures: DefaultSignatures()}
}

// Fingerprint returns what extraction depends on besides its code and
// the file: the signature table, as JSON. A cache of what x extracted is
// good only for an extractor with the same fingerprint.
func (x *Extractor) Fingerprint() []byte {
	if x == nil || x.Signatures == nil {
		return nil
	}
	b, _ := json.Marshal(x.Signatures.List)
	return b
}

// errNotArticle reports that a file was read but holds no article text.
var errNotArticle = errors.New("no article text found")

// format is one file format: how to recognise it and how to read it.
type format struct {
	name feed.Format
	// sniff reports whether data looks like this format; ext is the
	// file's lower-cased extension without any .gz.
	sniff func(ext string, data []byte) bool
	// extract returns the file's articles and the problems of its parts.
	extract func(x *Extractor, src Source) ([]*feed.Article, []feed.Problem)
}

// formats are tried in order; the first whose sniff matches reads the
// file. Plain text is the fallback and always matches.
var formats = []format{
	{name: feed.FormatFeed, sniff: func(ext string, data []byte) bool {
		return mayBeFeed(data) && sniffFeed(ext, data)
	}, extract: extractFeedFile},
	{name: feed.FormatHTML, sniff: func(ext string, data []byte) bool {
		return mayBeHTML(ext, data) && sniffHTML(ext, data)
	}, extract: extractHTMLFile},
	{name: feed.FormatMarkdown, sniff: sniffMarkdown, extract: extractMarkdownFile},
	{name: feed.FormatJSON, sniff: sniffJSON, extract: extractJSONFile},
	{name: feed.FormatText, sniff: func(string, []byte) bool { return true }, extract: extractTextFile},
}

// Extract reads the articles in one file. A file that holds none gives a
// problem instead; a file with some bad parts gives both.
func (x *Extractor) Extract(src Source) ([]*feed.Article, []feed.Problem) {
	data, reason, plain := readable(src.Data)
	if reason != "" {
		return nil, []feed.Problem{{Path: src.Path, Reason: reason}}
	}
	src.Data, src.plain = data, plain
	ext := Extension(src.Path)
	for _, f := range formats {
		if !f.sniff(ext, src.Data) {
			continue
		}
		arts, probs := f.extract(x, src)
		out := arts[:0]
		for _, a := range arts {
			if a == nil {
				continue
			}
			if a.Format == "" {
				a.Format = f.name
			}
			if a.Path == "" {
				a.Path = src.Path
			}
			if !x.finish(a, src.Hint, src.Data) {
				continue
			}
			out = append(out, a)
		}
		if len(out) == 0 && len(probs) == 0 {
			probs = append(probs, feed.Problem{Path: src.Path, Reason: errNotArticle.Error()})
		}
		return out, probs
	}
	return nil, []feed.Problem{{Path: src.Path, Reason: "unrecognised format"}}
}

// finish fills what every format derives the same way: hints, the lead,
// a synthesized title, the word count and the ID. It also makes every
// text field safe to print (see Sanitize), before deriving the rest from
// them. It reports whether any text is left: an article of nothing but
// control codes is no article. data is the text the article was read
// from (see detach).
func (x *Extractor) finish(a *feed.Article, h feed.Hint, data []byte) bool {
	// A sidecar is the user's word: only the file's own metadata is
	// trusted above it, not an outlet guessed from an address or chrome.
	if h.Outlet != "" && (a.Outlet == "" || a.OutletSource != feed.OutletFromMetadata) {
		a.Outlet, a.OutletSource = h.Outlet, feed.OutletFromSidecar
	}
	if a.Date.IsZero() && !h.Date.IsZero() {
		a.Date, a.DateSource = h.Date, feed.DateFromSidecar
	}
	if a.Outlet == "" && h.Folder != "" {
		a.Outlet, a.OutletSource = h.Folder, feed.OutletFromFolder
	}
	sanitizeArticle(a)
	detach(a, data)
	if a.Title == "" && a.Body == "" && a.Lead == "" {
		return false
	}
	if x.Signatures != nil {
		a.Outlet = x.Signatures.Canonical(a.Outlet)
	}
	// An outlet is no byline: the page's own ("Harbour Gazette") or one
	// the table knows ("ASSOCIATED PRESS").
	if a.Byline != "" && (sameNameKey(a.Byline, a.Outlet) || x.Signatures != nil && x.Signatures.knows(a.Byline)) {
		a.Byline = ""
	}
	// A title that is the outlet's name is the site's masthead or its
	// <title>, not a headline: a page without one gets a title made
	// from its lead, as a page with no title line does.
	if a.Title != "" && a.Outlet != "" && sameNameKey(a.Title, a.Outlet) {
		a.Title = ""
	}
	if !a.Date.IsZero() && a.DateSource == "" {
		// Feeds, front matter and scrapers' JSON give dates in named
		// fields; the formats that guess set their own source.
		a.DateSource = feed.DateFromMeta
	}
	if a.Date.IsZero() && a.URL != "" {
		if t, ok := dateInURL(a.URL, x.now()); ok {
			a.Date, a.DateSource = t, feed.DateFromURL
		}
	}
	if !a.Date.IsZero() && a.Date.After(x.now()) {
		a.Date = time.Time{}
	}
	if a.Date.IsZero() {
		a.DateSource = ""
	}
	// A lead and a title derived from the body are made safe again:
	// stripping Markdown marks can join what the body's marks split.
	if a.Lead == "" {
		// A copy: the lead, and a title made from it, may outlive the body.
		a.Lead = strings.Clone(clip(strings.TrimSpace(feed.Sanitize(feed.LeadOf(a.Body))), maxLeadRunes))
	}
	if a.Title == "" {
		a.Title = strings.TrimSpace(feed.Sanitize(TitleFromLead(a.Lead)))
		a.TitleSynthesized = a.Title != ""
	}
	if a.Title == "" {
		a.Title = "Untitled"
		a.TitleSynthesized = true
	}
	a.Words = countWords(a.Body)
	if a.ID == "" {
		a.ID = contentID(a)
	}
	return true
}

// detach copies the article's text fields, which readers often cut out
// of the file's whole text (data): kept as they are, one short title
// would keep the entire file in memory for as long as the article lives.
// A body that does not lie in data was written out by the reader (or by
// sanitizing) for this article alone, and is kept as it is: copying it
// would only double the work. Nothing that an Extract returns shares
// memory with data, which its caller may reuse.
func detach(a *feed.Article, data []byte) {
	for _, f := range []*string{&a.Title, &a.Outlet, &a.Byline, &a.URL, &a.Lead} {
		*f = strings.Clone(*f)
	}
	if within(a.Body, data) || len(data) == 0 {
		a.Body = strings.Clone(a.Body)
	}
}

// within reports whether s lies in data's memory.
func within(s string, data []byte) bool {
	if s == "" || len(data) == 0 {
		return false
	}
	p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
	b := uintptr(unsafe.Pointer(unsafe.SliceData(data)))
	return p >= b && p < b+uintptr(len(data))
}

func (x *Extractor) now() time.Time {
	if x.Now.IsZero() {
		return time.Now()
	}
	return x.Now
}

// contentID hashes what makes an article itself, not where it is stored.
// The ID keys a reader's saved state, so how it is made never changes:
// the first 12 hex digits of SHA-256 over the title, a NUL and the body.
func contentID(a *feed.Article) string {
	h := hashers.Get().(*hasher)
	defer hashers.Put(h)
	h.Reset()
	h.writeString(a.Title)
	h.writeString("\x00")
	h.writeString(a.Body)
	var sum [sha256.Size]byte
	var id [12]byte
	hex.Encode(id[:], h.Sum(sum[:0])[:len(id)/2])
	return string(id[:])
}

// hasher is a SHA-256 state with a buffer to feed it strings through, so
// that hashing a body does not copy it into a new byte slice first.
type hasher struct {
	hash.Hash
	buf [4096]byte
}

var hashers = sync.Pool{New: func() any { return &hasher{Hash: sha256.New()} }}

func (h *hasher) writeString(s string) {
	for len(s) > 0 {
		n := copy(h.buf[:], s)
		h.Write(h.buf[:n])
		s = s[n:]
	}
}

// countWords counts the runs of letters and digits in s. ASCII is read
// eight bytes at a time.
func countWords(s string) int {
	n := 0
	var in uint8 // 1 inside a word
	for i := 0; i < len(s); {
		for i+8 <= len(s) {
			w := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
				uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
			if w&0x8080808080808080 != 0 {
				break
			}
			m := wordBytes8(w)
			// A word starts at each word byte after one that is not.
			n += bits.OnesCount64(m &^ (m<<8 | uint64(in)<<7))
			in = uint8(m >> 63)
			i += 8
		}
		// Up to the rune that stopped the words, or the end.
		for ; i < len(s) && s[i] < utf8.RuneSelf; i++ {
			w := wordByte[s[i]]
			n += int(w &^ in) // a word starts
			in = w
		}
		if i == len(s) {
			break
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		var w uint8
		switch {
		case r >= 0x100 && r < 0x250: // Latin Extended-A and -B: all letters
			w = 1
		case r >= 0x2000 && r < 0x2070: // General Punctuation: none
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			w = 1
		}
		n += int(w &^ in)
		in = w
	}
	return n
}

// wordBytes8 returns the top bit of each byte of w, eight ASCII bytes,
// that is a letter or a digit.
func wordBytes8(w uint64) uint64 {
	const ones, tops = 0x0101010101010101, 0x8080808080808080
	// atLeast sets the top bit of each byte of x that is at least c; no
	// sum carries out of its byte, as every byte of x is below 0x80.
	atLeast := func(x uint64, c byte) uint64 { return (x + (0x80-uint64(c))*ones) & tops }
	digit := atLeast(w, '0') &^ atLeast(w, '9'+1)
	lower := w | 0x20*ones // folds A–Z onto a–z and nothing else onto them
	letter := atLeast(lower, 'a') &^ atLeast(lower, 'z'+1)
	return digit | letter
}

// wordByte is 1 for the ASCII letters and digits, 0 for other bytes.
var wordByte = func() (t [utf8.RuneSelf]uint8) {
	for c := range t {
		if unicode.IsLetter(rune(c)) || unicode.IsDigit(rune(c)) {
			t[c] = 1
		}
	}
	return t
}()

// Extension returns the lower-cased extension of path without its dot,
// looking past a final .gz. Only the extension is lower-cased: no
// character but an ASCII one lower-cases to '.', '/', 'g' or 'z', so the
// dot and the .gz are found the same in path as in its lower case.
func Extension(path string) string {
	p := path
	if n := len(p); n >= 3 && p[n-3] == '.' && p[n-2]|0x20 == 'g' && p[n-1]|0x20 == 'z' {
		p = p[:n-3]
	}
	i := strings.LastIndexByte(p, '.')
	if i < 0 || strings.ContainsRune(p[i:], '/') {
		return ""
	}
	return strings.ToLower(p[i+1:])
}
