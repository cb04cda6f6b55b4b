package extract

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/broadsheet/broadsheet/feed"
	"golang.org/x/text/unicode/norm"
)

// This file chooses a page's headline among its candidates with weights
// learned from labelled pages (see internal/titletrain): each candidate
// is described by a few general features (where it sits, how it is
// written, how much it shares with the article's opening and with the
// page's other titles), and the one scoring highest is taken. One
// candidate stands for "none of these": when it wins, the headline is
// made from the article's first sentence instead (title_synthesized).

// titleWeightsJSON holds the learned weights, written by
// `go run ./internal/titletrain -write`.
//
//go:embed title_weights.json
var titleWeightsJSON []byte

// TitleModel is a linear scoring of headline candidates, one set of
// weights for plain text and one for HTML.
type TitleModel struct {
	Text TitleWeights `json:"text"`
	HTML TitleWeights `json:"html"`
}

// TitleWeights score one kind of page's candidates: a weighted sum of
// their features plus the values of a few small regression trees over
// them, which catch what the sum cannot (a line short of the one under
// it, and both over a byline). Features name them, in the order
// TitleCandidate.Features holds them.
type TitleWeights struct {
	Features []string    `json:"features"`
	Weights  []float64   `json:"weights"`
	Trees    []TitleTree `json:"trees,omitempty"`
}

// TitleTree is a regression tree as a list of nodes, the root first. A
// node with Feature -1 is a leaf worth Value; others send a candidate
// whose feature is below Threshold to node Left, else to node Right.
type TitleTree []TitleNode

// TitleNode is one node of a TitleTree.
type TitleNode struct {
	Feature   int     `json:"f"`
	Threshold float64 `json:"t,omitempty"`
	Left      int     `json:"l,omitempty"`
	Right     int     `json:"r,omitempty"`
	Value     float64 `json:"v,omitempty"`
}

// Eval returns the tree's value for features f.
func (t TitleTree) Eval(f []float64) float64 {
	i := 0
	for steps := 0; steps <= len(t); steps++ {
		n := t[i]
		if n.Feature < 0 || n.Feature >= len(f) {
			return n.Value
		}
		if f[n.Feature] < n.Threshold {
			i = n.Left
		} else {
			i = n.Right
		}
		if i <= 0 || i >= len(t) {
			return 0
		}
	}
	return 0
}

// Score returns the score of a candidate's features.
func (w *TitleWeights) Score(f []float64) float64 {
	s := dot(w.Weights, f)
	for _, t := range w.Trees {
		s += t.Eval(f)
	}
	return s
}

// Pick returns the index of the best candidate; ties go to the earlier
// one. It is -1 when there are none.
func (w *TitleWeights) Pick(cands []TitleCandidate) int {
	best, bestScore := -1, 0.0
	for i, c := range cands {
		if s := w.Score(c.Features); best < 0 || s > bestScore {
			best, bestScore = i, s
		}
	}
	return best
}

// TitleCandidate is one possible headline of a page with its features.
// The candidate with Fallback set stands for a headline made from the
// article's opening; its Text is that headline, when known.
type TitleCandidate struct {
	Text     string
	Features []float64
	Fallback bool
}

// TitleFeatureNames returns the names of the features of a kind of page,
// "text" or "html", in the order TitleCandidate.Features holds them.
func TitleFeatureNames(kind string) []string {
	if kind == "html" {
		return slices.Clone(htmlTitleFeatures[:])
	}
	return slices.Clone(textTitleFeatures[:])
}

// ParseTitleModel reads weights as title_weights.json holds them, and
// checks that they name the features the code computes, in its order.
func ParseTitleModel(data []byte) (*TitleModel, error) {
	var m TitleModel
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("title weights: %w", err)
	}
	for _, k := range []struct {
		name string
		w    TitleWeights
		want []string
	}{{"text", m.Text, textTitleFeatures[:]}, {"html", m.HTML, htmlTitleFeatures[:]}} {
		if !slices.Equal(k.w.Features, k.want) || len(k.w.Weights) != len(k.want) {
			return nil, fmt.Errorf("title weights: the %s features do not match the code's", k.name)
		}
		for _, t := range k.w.Trees {
			for _, n := range t {
				if n.Feature >= len(k.want) || n.Feature >= 0 && (n.Left <= 0 || n.Left >= len(t) || n.Right <= 0 || n.Right >= len(t)) {
					return nil, fmt.Errorf("title weights: a %s tree is malformed", k.name)
				}
			}
		}
	}
	return &m, nil
}

// Kind returns the weights of a kind of page, "text" or "html".
func (m *TitleModel) Kind(kind string) *TitleWeights {
	if kind == "html" {
		return &m.HTML
	}
	return &m.Text
}

func dot(w, f []float64) float64 {
	s := 0.0
	for i := range min(len(w), len(f)) {
		s += w[i] * f[i]
	}
	return s
}

// defaultTitleModel is the embedded model; it is read once. Weights
// that do not fit the code's features (a test checks they do) are
// dropped, so that the training program can still run the extraction
// it fits new ones on.
var defaultTitleModel = sync.OnceValue(func() *TitleModel {
	m, err := ParseTitleModel(titleWeightsJSON)
	if err != nil {
		return &TitleModel{}
	}
	return m
})

// DefaultTitleModel returns the weights built into the reader.
func DefaultTitleModel() *TitleModel { return defaultTitleModel() }

// titleTrace collects the candidates extraction weighed, for the
// training program.
type titleTrace struct {
	cands []TitleCandidate
}

// record keeps a copy of cands when x is tracing.
func (x *Extractor) recordTitles(cands []TitleCandidate) {
	if x.trace == nil {
		return
	}
	for _, c := range cands {
		c.Text = strings.Clone(c.Text)
		c.Features = slices.Clone(c.Features)
		x.trace.cands = append(x.trace.cands, c)
	}
}

// TitleCandidates extracts src as the reader does and returns the
// headline candidates it weighed and the kind of page, "text" or "html"
// ("" for other formats). The fallback candidate's text is the headline
// the reader gives the page when it picks that candidate: the
// extraction is run as if it had, so that what the candidates are and
// what they hold does not depend on the weights the reader has.
func (x *Extractor) TitleCandidates(src Source) (cands []TitleCandidate, kind string) {
	tx := *x
	tx.trace = &titleTrace{}
	arts, _ := tx.Extract(src)
	if len(arts) == 0 {
		return nil, ""
	}
	a := arts[0]
	switch a.Format {
	case feed.FormatHTML:
		kind = "html"
	case feed.FormatText:
		kind = "text"
	default:
		return nil, ""
	}
	cands = tx.trace.cands
	for i := range cands {
		if cands[i].Fallback && a.Title != "Untitled" {
			cands[i].Text = a.Title
		}
	}
	return cands, kind
}

// titleTokens splits s into lower-case words as the evaluation's scorer
// does: NFKC, case folded, runs of letters, digits and underscores.
func titleTokens(s string) []string {
	if !isASCII(s) {
		s = norm.NFKC.String(s)
	}
	s = strings.ToLower(s)
	return strings.FieldsFunc(s, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || unicode.Is(unicode.Mn, r))
	})
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// TitleF1 is the token-bag F1 of two titles, the evaluation's "near"
// measure (near is 0.8 or more).
func TitleF1(a, b string) float64 {
	return bagF1(titleTokens(a), titleTokens(b))
}

func bagF1(a, b []string) float64 {
	if len(a) == 0 && len(b) == 0 {
		return 1
	}
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	count := make(map[string]int, len(a))
	for _, t := range a {
		count[t]++
	}
	common := 0
	for _, t := range b {
		if count[t] > 0 {
			count[t]--
			common++
		}
	}
	if common == 0 {
		return 0
	}
	p, r := float64(common)/float64(len(b)), float64(common)/float64(len(a))
	return 2 * p * r / (p + r)
}

// wordScanner yields the lower-case words of a text as titleTokens
// splits it, without making a list of them.
type wordScanner struct {
	s   string
	i   int
	buf []byte
	arr [64]byte
}

// start sets the scanner to go over s.
func (w *wordScanner) start(s string) {
	// IsNormalString allocates each time, even for text its quick check
	// passes; QuickSpanString is that check alone and allocates none.
	if !isASCII(s) && norm.NFKC.QuickSpanString(s) != len(s) && !norm.NFKC.IsNormalString(s) {
		s = norm.NFKC.String(s)
	}
	w.s, w.i, w.buf = s, 0, w.arr[:0]
}

// next returns the next word, good until the next call, or false at
// the end.
func (w *wordScanner) next() ([]byte, bool) {
	w.buf = w.buf[:0]
	s := w.s
	for w.i < len(s) {
		c := s[w.i]
		if c < utf8.RuneSelf {
			w.i++
			switch {
			case c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_':
				w.buf = append(w.buf, c)
				continue
			case c >= 'A' && c <= 'Z':
				w.buf = append(w.buf, c+'a'-'A')
				continue
			}
		} else {
			r, n := utf8.DecodeRuneInString(s[w.i:])
			w.i += n
			if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
				w.buf = utf8.AppendRune(w.buf, unicode.ToLower(r))
				continue
			}
		}
		if len(w.buf) > 0 {
			return w.buf, true
		}
	}
	return w.buf, len(w.buf) > 0
}

// shareIn returns the share of the words of s (of three letters or
// more) found in set.
func shareIn(s string, set wordBag) float64 {
	var w wordScanner
	return w.shareIn(s, set)
}

// shareIn is shareIn with w as its scanner, so that a caller that
// keeps one allocates none.
func (w *wordScanner) shareIn(s string, set wordBag) float64 {
	w.start(s)
	n, in := 0, 0
	for t, ok := w.next(); ok; t, ok = w.next() {
		if len(t) < 3 {
			continue
		}
		n++
		if set.has(hashWord(t)) {
			in++
		}
	}
	return shareOf(in, n)
}

// wordBag is a set of words, kept as their sorted hashes (see
// hashWord); make it with addWords, then sort it.
type wordBag []uint64

// has reports whether the bag holds the word hashed h.
func (b wordBag) has(h uint64) bool {
	_, ok := slices.BinarySearch(b, h)
	return ok
}

// hashWord is the 64-bit FNV-1a hash of a word.
func hashWord[T string | []byte](b T) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(b); i++ {
		h ^= uint64(b[i])
		h *= 1099511628211
	}
	return h
}

// addWords adds the words of s of three letters or more to set, which
// is then to be sorted.
func addWords(set wordBag, s string) wordBag {
	var w wordScanner
	return w.addWords(set, s)
}

// addWords is addWords with w as its scanner.
func (w *wordScanner) addWords(set wordBag, s string) wordBag {
	w.start(s)
	for t, ok := w.next(); ok; t, ok = w.next() {
		if len(t) >= 3 {
			set = append(set, hashWord(t))
		}
	}
	return set
}

// wordSet returns the set of words of three letters or more in s.
func wordSet(s string) wordBag {
	set := addWords(make(wordBag, 0, len(s)/5), s)
	slices.Sort(set)
	return set
}

// caseShape describes how a title's words are written: the share of
// words that are capitalised, and whether all letters are capitals.
func caseShape(s string) (capShare float64, allCaps bool) {
	words := strings.Fields(s)
	lower, upper, caps, n := false, false, 0, 0
	for _, w := range words {
		r := []rune(w)
		first := -1
		for i, c := range r {
			if unicode.IsLetter(c) {
				first = i
				break
			}
		}
		if first < 0 {
			continue
		}
		n++
		if unicode.IsUpper(r[first]) {
			caps++
		}
		for _, c := range r {
			if unicode.IsLower(c) {
				lower = true
			} else if unicode.IsUpper(c) {
				upper = true
			}
		}
	}
	if n == 0 {
		return 0, false
	}
	return float64(caps) / float64(n), upper && !lower
}

// digitShare is the share of a title's letters and digits that are
// digits.
func digitShare(s string) float64 {
	d, n := 0, 0
	for _, r := range s {
		if unicode.IsDigit(r) {
			d++
			n++
		} else if unicode.IsLetter(r) {
			n++
		}
	}
	if n == 0 {
		return 0
	}
	return float64(d) / float64(n)
}

// b2f is 1 for true.
func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}
