package extract

import (
	"hash/maphash"
	"slices"
	"strings"
	"unicode"

	"github.com/broadsheet/broadsheet/feed"
)

// shingleSeed hashes word runs for comparing texts within one process.
var shingleSeed = maphash.MakeSeed()

// shingles counts the runs of four consecutive words in text, as hashes:
// a text of fewer words is one run of them all.
func shingles(text string) map[uint64]int {
	words := strings.FieldsFunc(text, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_'
	})
	out := make(map[uint64]int, len(words))
	for i := 0; i < max(1, len(words)-3); i++ {
		run := words[i:min(len(words), i+4)]
		if len(run) == 0 {
			break
		}
		out[maphash.String(shingleSeed, strings.Join(run, " "))]++
	}
	return out
}

func total(s map[uint64]int) int {
	n := 0
	for _, c := range s {
		n += c
	}
	return n
}

// dropRepeats removes from a Markdown body the blocks whose words the
// rest of it already says: an extraction that keeps both a paragraph
// run together from <br>-separated lines and the same lines as
// paragraphs of their own, or a story printed twice. The biggest blocks
// are tried first, so of a merged block and its parts the parts stay, and
// of two equal blocks the later goes.
func dropRepeats(body string) string {
	blocks := strings.Split(body, "\n\n")
	if len(blocks) < 2 {
		return body
	}
	runs := make([]map[uint64]int, len(blocks))
	all := map[uint64]int{}
	for i, b := range blocks {
		runs[i] = shingles(feed.PlainText(b))
		for k, c := range runs[i] {
			all[k] += c
		}
	}
	order := make([]int, len(blocks))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		if d := total(runs[b]) - total(runs[a]); d != 0 {
			return d
		}
		return b - a
	})
	drop := make([]bool, len(blocks))
	for _, i := range order {
		n := total(runs[i])
		if n < minRepeatRuns {
			continue
		}
		elsewhere := 0
		for k, c := range runs[i] {
			elsewhere += min(c, all[k]-c)
		}
		if elsewhere*5 >= n*4 {
			drop[i] = true
			for k, c := range runs[i] {
				all[k] -= c
			}
		}
	}
	kept := blocks[:0]
	for i, b := range blocks {
		if !drop[i] {
			kept = append(kept, b)
		}
	}
	return strings.Join(kept, "\n\n")
}

// minRepeatRuns is the fewest word runs a block must have to be dropped
// as a repeat: a short line ("Share", a credit) may well recur.
const minRepeatRuns = 8
