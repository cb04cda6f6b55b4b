package story

import (
	"slices"
	"unicode"

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

// sentenceRef points at one sentence of one article in a story.
type sentenceRef struct{ art, sent int32 }

// only returns, by article ID, the sentences of each article that no
// other article has, in the article's order.
func only(arts []*feed.Article) map[string][]string {
	type sent struct {
		text       string
		start, end int // its distinct shingles in shingled
	}
	var (
		tz       tokenizer
		shingled []uint64 // every sentence's shingles, one after another
		terms    []uint64 // a sentence's words, as hashes
		lines    []string
	)
	sents := make([][]sent, len(arts))
	index := make(map[uint64][]sentenceRef)
	seen := make(map[uint64]bool)
	for i, a := range arts {
		clear(seen)
		lines = lines[:0]
		eachParagraph(a.Body, false, func(p string) bool {
			n := len(lines)
			lines = appendSentences(lines, p)
			lines = lines[:n+len(joinQuotations(lines[n:]))]
			return true
		})
		for _, text := range lines {
			start := len(shingled)
			terms = terms[:0]
			tz.words(text, func(term []byte) { terms = append(terms, words.Hash(term)) })
			shingled = appendShingles(shingled, terms)
			sh := shingled[start:]
			if len(sh) == 0 {
				continue
			}
			// A live blog repeats itself; list each sentence once.
			k := uint64(len(sh))
			for _, h := range sh {
				k = (k ^ h) * words.HashPrime
			}
			if seen[k] {
				shingled = shingled[:start]
				continue
			}
			seen[k] = true
			slices.Sort(sh)
			shingled = shingled[:start+len(slices.Compact(sh))]
			ref := sentenceRef{int32(i), int32(len(sents[i]))}
			sents[i] = append(sents[i], sent{text, start, len(shingled)})
			for _, s := range shingled[start:] {
				// A sentence that many articles print is found in the
				// first few; keeping them all makes a big story of
				// copies quadratic.
				if len(index[s]) < maxSharers {
					index[s] = append(index[s], ref)
				}
			}
		}
	}
	out := make(map[string][]string)
	hits := make(map[sentenceRef]int)
	for i, a := range arts {
		for _, s := range sents[i] {
			if countWords(s.text) < onlyMinWords {
				continue
			}
			clear(hits)
			shared := false
			n := s.end - s.start
			for _, sh := range shingled[s.start:s.end] {
				for _, ref := range index[sh] {
					if int(ref.art) == i {
						continue
					}
					hits[ref]++
					o := sents[ref.art][ref.sent]
					shorter := min(n, o.end-o.start)
					if float64(hits[ref]) >= sharedContainment*float64(shorter) {
						shared = true
						break
					}
				}
				if shared {
					break
				}
			}
			if !shared {
				out[a.ID] = append(out[a.ID], s.text)
			}
		}
	}
	return out
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
		for _, r := range s {
			switch r {
			case '“':
				curly++
			case '”':
				curly = max(0, curly-1)
			case '"':
				straight++
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

// countWords returns the number of words of text, as strings.Fields
// splits it.
func countWords(text string) int {
	n, in := 0, false
	for _, r := range text {
		space := unicode.IsSpace(r)
		if !space && !in {
			n++
		}
		in = !space
	}
	return n
}
