package story

import (
	"strings"

	"github.com/broadsheet/broadsheet/feed"
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
type sentenceRef struct{ art, sent int }

// only returns, by article ID, the sentences of each article that no
// other article has, in the article's order.
func only(arts []*feed.Article) map[string][]string {
	type sent struct {
		text     string
		shingles []uint64 // distinct
	}
	sents := make([][]sent, len(arts))
	index := make(map[uint64][]sentenceRef)
	for i, a := range arts {
		seen := make(map[uint64]bool)
		for _, text := range sentences(bodyText(a, false)) {
			sh := shingles(text)
			if len(sh) == 0 {
				continue
			}
			// A live blog repeats itself; list each sentence once.
			k := uint64(len(sh))
			for _, h := range sh {
				k = (k ^ h) * 1099511628211
			}
			if seen[k] {
				continue
			}
			seen[k] = true
			sh = dedupe(sh)
			ref := sentenceRef{i, len(sents[i])}
			sents[i] = append(sents[i], sent{text, sh})
			for _, s := range sh {
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
	for i, a := range arts {
		for _, s := range sents[i] {
			if len(strings.Fields(s.text)) < onlyMinWords {
				continue
			}
			hits := make(map[sentenceRef]int)
			shared := false
			for _, sh := range s.shingles {
				for _, ref := range index[sh] {
					if ref.art == i {
						continue
					}
					hits[ref]++
					shorter := min(len(s.shingles), len(sents[ref.art][ref.sent].shingles))
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

// shingles returns the runs of shingleSize folded, stemmed words of a
// sentence, as hashes, stop words kept so that "said he would" differs
// from "said he would not". A sentence shorter than a shingle is one
// shingle.
func shingles(text string) []uint64 {
	var words []uint64
	for _, w := range strings.FieldsFunc(text, notWordRune) {
		if f := fold(w); len(f) > 1 || isNumber(f) {
			words = append(words, termHash(stem(f)))
		}
	}
	if len(words) == 0 {
		return nil
	}
	join := func(ws []uint64) uint64 {
		h := uint64(14695981039346656037)
		for _, w := range ws {
			h = (h ^ w) * 1099511628211
		}
		return h
	}
	if len(words) < shingleSize {
		return []uint64{join(words)}
	}
	out := make([]uint64, 0, len(words)-shingleSize+1)
	for i := 0; i+shingleSize <= len(words); i++ {
		out = append(out, join(words[i:i+shingleSize]))
	}
	return out
}

func dedupe(hs []uint64) []uint64 {
	seen := make(map[uint64]bool, len(hs))
	out := hs[:0:0]
	for _, h := range hs {
		if !seen[h] {
			seen[h] = true
			out = append(out, h)
		}
	}
	return out
}

// bodyText returns an article's body as plain text, a paragraph a line,
// with or without its sub-headings.
func bodyText(a *feed.Article, headings bool) string {
	var b strings.Builder
	for _, p := range strings.Split(a.Body, "\n\n") {
		if !headings && strings.HasPrefix(strings.TrimSpace(p), "#") {
			continue
		}
		if t := feed.PlainText(p); t != "" {
			b.WriteString(t)
			b.WriteByte('\n')
		}
	}
	return b.String()
}
