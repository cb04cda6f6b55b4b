package search

import (
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/broadsheet/broadsheet/feed/words"
)

// query is a parsed search query.
type query struct {
	clauses []clause
	outlets []string // folded outlet names; an article must match one
	after   int32    // days; articles dated on or after it
	before  int32    // days; articles dated before it
	dated   bool     // whether after or before was given
	// empty reports whether the query had words, all of them stop
	// words: it matches nothing rather than everything.
	empty bool
	// bad lists the filters whose value was not understood, such as
	// after:yesterday, as typed; a value still being typed is not.
	bad []string
}

// CheckQuery returns an error naming each filter of a finished query
// whose value is not understood (after:yesterday, before:2026-13-45),
// which would otherwise filter nothing, or nil. The last word of a
// query that does not end in a space is taken as still being typed.
func CheckQuery(s string) error {
	q := parseQuery(s)
	if len(q.bad) == 0 {
		return nil
	}
	return fmt.Errorf("date not understood: %s (write dates as YYYY-MM-DD)", strings.Join(q.bad, ", "))
}

// clause is a word, a hyphenated word or a quoted phrase.
type clause struct {
	words  []qword
	phrase bool // the words must stand together, in order
	negate bool // articles holding the clause are excluded
	title  bool // the clause must be in the title
}

// qword is one folded word of a clause.
type qword struct {
	text   string
	offset uint32 // position relative to the clause's first word
	prefix bool   // the user is still typing it
}

// parseQuery reads a query: words, "quoted phrases", -excluded words and
// the filters outlet:NAME, after:YYYY-MM-DD, before:YYYY-MM-DD and
// title:WORD. The last word is a prefix unless the query ends in a space.
func parseQuery(s string) query {
	q := query{after: noDate, before: noDate}
	typing := s != "" && !unicode.IsSpace(lastRune(s))
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		negate := false
		if s[i] == '-' && i+1 < len(s) && !unicode.IsSpace(rune(s[i+1])) {
			negate = true
			i++
		}
		var text string
		quoted := false
		key := ""
		if s[i] == '"' {
			text, i, quoted = readQuoted(s, i)
		} else {
			j := i
			for j < len(s) && s[j] != ' ' && s[j] != '\t' && s[j] != '\n' {
				if s[j] == ':' && key == "" {
					if k := strings.ToLower(s[i:j]); k == "outlet" || k == "after" || k == "before" || k == "title" {
						key = k
						j++
						break
					}
				}
				j++
			}
			if key != "" {
				if j < len(s) && s[j] == '"' {
					text, i, quoted = readQuoted(s, j)
				} else {
					k := j
					for k < len(s) && !unicode.IsSpace(rune(s[k])) {
						k++
					}
					text, i = s[j:k], k
				}
			} else {
				text, i = s[i:j], j
			}
		}
		atEnd := i >= len(s) && typing
		switch key {
		case "outlet":
			if name := foldName(text); name != "" {
				q.outlets = append(q.outlets, name)
			}
		case "after", "before":
			t, err := time.Parse(time.DateOnly, text)
			if err != nil {
				// A date still being typed filters nothing yet; a
				// finished one that is no date is reported.
				if !atEnd {
					q.bad = append(q.bad, key+":"+text)
				}
				continue
			}
			q.dated = true
			if key == "after" {
				q.after = days(t)
			} else {
				q.before = days(t)
			}
		default:
			c := clause{negate: negate, title: key == "title", phrase: quoted}
			c.words = queryWords(text, atEnd && !negate)
			// "Jong-un" is a phrase of two words; a quoted word is a word.
			c.phrase = len(c.words) > 1
			if len(c.words) > 0 {
				q.clauses = append(q.clauses, c)
			} else if !negate {
				q.empty = true
			}
		}
	}
	if len(q.clauses) > 0 {
		q.empty = false
	}
	return q
}

// readQuoted reads a quoted string starting at s[i] == '"', returning it,
// the index after it and true. An unclosed quote runs to the end.
func readQuoted(s string, i int) (string, int, bool) {
	j := strings.IndexByte(s[i+1:], '"')
	if j < 0 {
		return s[i+1:], len(s), true
	}
	return s[i+1 : i+1+j], i + 2 + j, true
}

// queryWords folds text into query words with their relative positions,
// dropping stop words. With typing set, the last word is a prefix and
// kept even when it is a stop word, which may be the start of a longer
// word.
func queryWords(text string, typing bool) []qword {
	t := tokenizers.Get().(*tokenizer)
	defer tokenizers.Put(t)
	var ws []qword
	pos := uint32(0)
	t.each(text, func(_, end int, f []byte) {
		w := string(f)
		last := typing && strings.TrimRightFunc(text[end:], isWordEnd) == ""
		if !words.IsStop(w) || last {
			ws = append(ws, qword{text: w, offset: pos, prefix: last})
		}
		pos++
	})
	if len(ws) > 0 {
		base := ws[0].offset
		for i := range ws {
			ws[i].offset -= base
		}
	}
	return ws
}

func isWordEnd(r rune) bool { return !isWordRune(r) && !unicode.IsSpace(r) }

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}
