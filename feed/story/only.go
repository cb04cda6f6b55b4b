package story

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/feed/words"
)

// What makes a sentence worth listing as an article's own, and when two
// outlets printed one sentence.
const (
	// onlyMinWords is the fewest words a sentence needs to be listed:
	// shorter ones are datelines, captions and asides.
	onlyMinWords = 6
	// shingleSize is how many words make one shingle.
	shingleSize = 3
	// sharedContainment is the share of the shorter of two sentences'
	// shingles that the longer must hold for the two to be one sentence,
	// reworded, trimmed or attributed differently.
	sharedContainment = 0.6
	// maxSharers is how many sentences holding one shingle are looked
	// at to find another article's copy of a sentence.
	maxSharers = 32
)

// only returns, by article ID, the sentences of each article that no
// other article has, in the article's order.
//
// Every sentence is read once: its distinct shingles are numbered as they
// are first seen (a termTable), and each shingle lists the first
// maxSharers sentences that hold it, all the lists in one slice. A
// sentence is then compared with the others through its shingles' lists,
// counting hits in a slice by sentence, so a story costs a few slices
// rather than a map entry and a slice for every shingle. The slices and
// tables are kept for the next story (see onlyScratch).
func only(arts []*feed.Article) map[string][]string {
	x := onlyScratches.Get().(*onlyScratch)
	defer onlyScratches.Put(x)
	defer x.forget()
	x.numbers.reset()
	x.lastIn = x.lastIn[:0]
	for i, a := range arts {
		x.seen.reset()
		x.lines = x.lines[:0]
		eachParagraph(a.Body, false, func(p string) bool {
			n := len(x.lines)
			x.lines = appendSentences(x.lines, p)
			x.lines = x.lines[:n+len(joinQuotations(x.lines[n:]))]
			return true
		})
		for _, text := range x.lines {
			x.terms = x.terms[:0]
			x.tz.words(text, func(term []byte) { x.terms = append(x.terms, words.Hash(term)) })
			sh := appendShingles(x.shingled[:0], x.terms)
			x.shingled = sh
			if len(sh) == 0 {
				continue
			}
			// A live blog repeats itself; list each sentence once.
			k := uint64(len(sh))
			for _, h := range sh {
				k = (k ^ h) * words.HashPrime
			}
			if x.seen.get(k) >= 0 {
				continue
			}
			x.seen.put(k, 0)
			start, si := len(x.shingleOf), int32(len(x.sents))
			for _, h := range sh {
				n := x.numbers.get(h)
				if n < 0 {
					n = int32(x.numbers.n)
					x.numbers.put(h, n)
					x.lastIn = append(x.lastIn, -1)
				}
				if x.lastIn[n] == si { // a shingle the sentence repeats
					continue
				}
				x.lastIn[n] = si
				x.shingleOf = append(x.shingleOf, n)
			}
			x.sents = append(x.sents, onlySent{text, int32(i), int32(start), int32(len(x.shingleOf))})
		}
	}
	sents, shingleOf := x.sents, x.shingleOf
	// The sentences holding each shingle, in the order read: a sentence
	// that many articles print is found in the first few; keeping them
	// all makes a big story of copies quadratic. Shingle n's are
	// holders[listed[n]:listed[n+1]].
	listed := zeroed(&x.listed, x.numbers.n+1)
	for _, n := range shingleOf {
		if listed[n+1] < maxSharers {
			listed[n+1]++
		}
	}
	for n := range x.numbers.n {
		listed[n+1] += listed[n]
	}
	holders := zeroed(&x.holders, int(listed[x.numbers.n]))
	next := zeroed(&x.next, x.numbers.n)
	copy(next, listed)
	for si, s := range sents {
		for _, n := range shingleOf[s.start:s.end] {
			if next[n] < listed[n+1] {
				holders[next[n]] = int32(si)
				next[n]++
			}
		}
	}
	// Which sentences are an article's own.
	own := zeroed(&x.own, len(sents))
	total := 0
	hits := zeroed(&x.hits, len(sents)) // by sentence, for the one compared
	touched := x.touched[:0]            // the sentences hits counts
	for si, s := range sents {
		if !hasWords(s.text, onlyMinWords) {
			continue
		}
		for _, o := range touched {
			hits[o] = 0
		}
		touched = touched[:0]
		shared := false
		n := s.end - s.start
	compare:
		for _, sh := range shingleOf[s.start:s.end] {
			for _, o := range holders[listed[sh]:listed[sh+1]] {
				other := &sents[o]
				if other.art == s.art {
					continue
				}
				if hits[o] == 0 {
					touched = append(touched, o)
				}
				hits[o]++
				shorter := min(n, other.end-other.start)
				if float64(hits[o]) >= sharedContainment*float64(shorter) {
					shared = true
					break compare
				}
			}
		}
		if !shared {
			own[si] = true
			total++
		}
	}
	x.touched = touched
	// Every article's own sentences in one slice, each article's capped
	// so that appending to one cannot write over the next.
	texts := make([]string, 0, total)
	out := make(map[string][]string)
	start := 0
	for si, s := range sents {
		if own[si] {
			texts = append(texts, s.text)
		}
		if si+1 < len(sents) && sents[si+1].art == s.art || len(texts) == start {
			continue
		}
		mine := texts[start:len(texts):len(texts)]
		if id := arts[s.art].ID; out[id] == nil {
			out[id] = mine
		} else { // two articles with one ID, as before
			out[id] = append(out[id], mine...)
		}
		start = len(texts)
	}
	return out
}

// onlySent is one sentence of one article of a story, for only.
type onlySent struct {
	text       string
	art        int32
	start, end int32 // its distinct shingles' numbers in shingleOf
}

// onlyScratch holds what only works in, kept between stories so that
// reading the big stories one after another allocates little but what
// it returns.
type onlyScratch struct {
	tz        tokenizer
	shingled  []uint64 // one sentence's shingles
	terms     []uint64 // a sentence's words, as hashes
	lines     []string // an article's sentences
	sents     []onlySent
	shingleOf []int32   // every sentence's shingles, numbered, one after another
	numbers   termTable // shingle numbers by shingle
	seen      termTable // an article's sentences, by a hash of their shingles
	lastIn    []int32   // by shingle number, the last sentence that holds it

	// The lists of sentences by shingle, and the counts (see only).
	listed, holders, next, hits, touched []int32
	own                                  []bool
}

var onlyScratches = sync.Pool{New: func() any { return new(onlyScratch) }}

// forget drops what the scratch holds of the story's text, keeping the
// room, so that a scratch kept in the pool keeps no article alive.
func (x *onlyScratch) forget() {
	// Each article's sentences reuse lines from its start, so past the
	// last article's lie an earlier one's: clear all of its room.
	clear(x.lines[:cap(x.lines)])
	x.lines = x.lines[:0]
	clear(x.sents)
	x.sents = x.sents[:0]
	x.shingleOf = x.shingleOf[:0]
}

// zeroed sets *s to n zero elements, reusing its room when it has enough,
// and returns it.
func zeroed[T any](s *[]T, n int) []T {
	if cap(*s) < n {
		*s = make([]T, n)
	} else {
		*s = (*s)[:n]
		clear(*s)
	}
	return *s
}

// joinQuotations joins, in place, the sentences of one paragraph that a
// quotation spans, so that a quotation of several sentences is listed
// whole rather than cut into bullets: a sentence that leaves a quotation
// open takes in those after it until one closes it, or the paragraph
// ends. Curly double quotes open and close; straight ones take turns.
// Single quotes are not counted: most are apostrophes. It returns the
// joined sentences, a prefix of sents.
func joinQuotations(sents []string) []string {
	out := sents[:0]
	curly, straight := 0, 0
	for _, s := range sents {
		if len(out) > 0 && (curly > 0 || straight%2 == 1) {
			out[len(out)-1] += " " + s
		} else {
			out = append(out, s)
		}
		// Byte by byte: the curly quotes' first byte starts no other
		// character's tail, so this is what reading runes would find.
		for i := 0; i < len(s); i++ {
			switch s[i] {
			case '"':
				straight++
			case 0xe2:
				switch {
				case strings.HasPrefix(s[i:], "“"):
					curly++
				case strings.HasPrefix(s[i:], "”"):
					curly = max(0, curly-1)
				}
			}
		}
	}
	return out
}

// appendShingles appends the runs of shingleSize terms, words as
// hashes, to out. Stop words are kept so that "said he would" differs from "said he
// would not". A sentence shorter than a shingle is one shingle.
func appendShingles(out, terms []uint64) []uint64 {
	if len(terms) == 0 {
		return out
	}
	join := func(ws []uint64) uint64 {
		h := words.HashStart
		for _, w := range ws {
			h = (h ^ w) * words.HashPrime
		}
		return h
	}
	if len(terms) < shingleSize {
		return append(out, join(terms))
	}
	for i := 0; i+shingleSize <= len(terms); i++ {
		out = append(out, join(terms[i:i+shingleSize]))
	}
	return out
}

// hasWords reports whether text has at least n words, as strings.Fields
// splits it. It stops at the nth: most sentences have many.
func hasWords(text string, n int) bool {
	in := false
	for i := 0; i < len(text); {
		var space bool
		if c := text[i]; c < utf8.RuneSelf {
			space = c == ' ' || '\t' <= c && c <= '\r'
			i++
		} else {
			r, size := utf8.DecodeRuneInString(text[i:])
			space = unicode.IsSpace(r)
			i += size
		}
		if !space && !in {
			if n--; n <= 0 {
				return true
			}
		}
		in = !space
	}
	return n <= 0
}
