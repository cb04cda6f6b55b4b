package search

import (
	"math/bits"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/feed/words"
)

// Snippet sizes, in bytes of the article's text.
const (
	snippetLen    = 200
	snippetBefore = 60
	// snippetScan bounds how much of a long article is searched for
	// the best passage.
	snippetScan = 32 << 10
)

// highlighter knows which folded words a search matched.
type highlighter struct {
	forms  []string
	prefix []string
	set    map[string]bool
	first  [256]bool // the first bytes of forms and prefixes, and all non-ASCII
	// begins marks the bytes that may begin a word the tokenizer
	// would fold with first as its only: for hitStarts.
	begins beginSet
}

// index builds the lookup tables once the forms are known.
func (h *highlighter) index() {
	h.set = make(map[string]bool, len(h.forms))
	for _, f := range h.forms {
		h.set[f] = true
	}
	for _, w := range slices.Concat(h.forms, h.prefix) {
		h.first[w[0]] = true
	}
	// Any non-ASCII letter may fold to a plain one.
	for c := utf8.RuneSelf; c < len(h.first); c++ {
		h.first[c] = true
	}
	h.begins = beginsOf(&h.first)
}

func (h *highlighter) match(f []byte) bool {
	if f == nil {
		return false
	}
	if h.set[string(f)] {
		return true
	}
	for _, p := range h.prefix {
		if strings.HasPrefix(string(f), p) {
			return true
		}
	}
	return false
}

// snippet returns the passage of the article with the most matched
// words, as plain text, and the byte ranges of the matches within it.
func snippet(a *feed.Article, h *highlighter) (string, [][2]int) {
	t := tokenizers.Get().(*tokenizer)
	defer tokenizers.Put(t)
	t.only = &h.first
	defer func() { t.only = nil }()
	body := a.Body
	if len(body) > snippetScan {
		body = body[:snippetScan]
	}
	var hits []int // start offsets of matched words
	if len(h.forms)+len(h.prefix) > 0 {
		hits = hitStarts(t, h, body, hits)
	}
	var text string
	if len(hits) == 0 {
		text = cut(a.Lead, 0, snippetLen)
		if text == "" {
			text = cut(feed.PlainText(body), 0, snippetLen)
		}
	} else {
		// The window of snippetLen bytes starting at a match that holds
		// the most matches; the earliest wins ties.
		best, bestN, j := 0, 0, 0
		for i := range hits {
			for j < len(hits) && hits[j] < hits[i]+snippetLen-snippetBefore {
				j++
			}
			if j-i > bestN {
				best, bestN = hits[i], j-i
			}
		}
		text = cut(body, best-snippetBefore, snippetLen)
		text = feed.PlainText(text)
	}
	var matches [][2]int
	t.each(text, func(s, e int, f []byte) {
		if h.match(f) {
			matches = append(matches, [2]int{s, e})
		}
	})
	return text, matches
}

// cut returns about n bytes of s from start, moved to word boundaries,
// with an ellipsis where text was left off.
func cut(s string, start, n int) string {
	start = max(start, 0)
	if start >= len(s) {
		return ""
	}
	end := min(start+n, len(s))
	if start > 0 {
		// Forward to the start of a word.
		i := strings.IndexAny(s[start:end], " \n")
		if i >= 0 && i < end-start-1 {
			start += i + 1
		}
	}
	if end < len(s) {
		if i := strings.LastIndexAny(s[start:end], " \n"); i > 0 {
			end = start + i
		}
	}
	for start < end && !utf8.RuneStart(s[start]) {
		start++
	}
	for end < len(s) && end > start && !utf8.RuneStart(s[end]) {
		end--
	}
	out := strings.TrimSpace(s[start:end])
	if start > 0 {
		out = "…" + out
	}
	if end < len(s) {
		out += "…"
	}
	return out
}

// hitStarts appends to hits the start offsets of the words of s that h
// matches: the words t.each would find, looking only at the bytes that
// may begin a matching word rather than walking every word.
func hitStarts(t *tokenizer, h *highlighter, s string, hits []int) []int {
	t.marked(s, &h.begins, func(i int, f []byte) {
		if h.match(f) {
			hits = append(hits, i)
		}
	})
	return hits
}

// wordStart reports whether the word character at s[i], i > 0, begins
// a word rather than continuing one, by the tokenizer's rules: a word
// runs on through word characters, and through an apostrophe between a
// word character and a letter.
func wordStart(s string, i int) bool {
	if c := s[i-1]; c < utf8.RuneSelf {
		if wordByte[c] {
			return false
		}
		if c != '\'' {
			return true
		}
	}
	r, n := utf8.DecodeLastRuneInString(s[:i])
	if isWordRune(r) {
		return false
	}
	if !words.IsApostrophe(r) || i-n == 0 {
		return true
	}
	before, _ := utf8.DecodeLastRuneInString(s[:i-n])
	return !isWordRune(before) || !nextIsLetter(s[i:])
}

// wordEnd returns the end of the word that begins at s[start], and
// whether it is all ASCII: the inner loop of tokenizer.each.
func wordEnd(s string, start int) (int, bool) {
	i, ascii := start, true
	for i < len(s) {
		if i+8 <= len(s) {
			// Eight ASCII letters and digits at a time.
			_, word := wordBytes(load8(s, i))
			if word == highBits {
				i += 8
				continue
			}
			i += bits.TrailingZeros64(^word&highBits) / 8
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if wordByte[c] {
				i++
				continue
			}
			if c == '\'' && i+1 < len(s) && nextIsLetter(s[i+1:]) {
				i++
				continue
			}
			break
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if isWordRune(r) {
			ascii = false
			i += n
			continue
		}
		if words.IsApostrophe(r) && i+n < len(s) && nextIsLetter(s[i+n:]) {
			ascii = false
			i += n
			continue
		}
		break
	}
	return i, ascii
}
