package story

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/broadsheet/broadsheet/feed"
)

// How much each part of an article says about what it is about. The
// title and lead name the event; the body's opening carries the facts,
// and its tail (background, live-blog asides) mostly does not.
const (
	titleWeight = 3.0
	leadWeight  = 2.0
	bodyWeight  = 1.0
	// bodyWords is how much of the body is read for the vector.
	bodyWords = 1500
	// maxTerms is how many of an article's strongest terms it keeps.
	maxTerms = 80
)

// How much a kind of term counts. Weights are fixed rather than learnt
// from the corpus (no IDF), so that an article's vector never changes as
// others arrive: that is what lets stories be built incrementally and
// still come out exactly as a batch build would.
const (
	nameWeight   = 2.0  // a word written capitalised mid-sentence: a person, place, body
	wordWeight   = 1.0  // any other content word
	commonWeight = 0.35 // words every news story uses
	numberWeight = 0.5
	pairWeight   = 1.5 // two content words in a row: "strategic partnership"
)

// vector is an article's terms and their weights, of unit length, so
// that the dot product of two is their cosine. Terms are kept as 64-bit
// hashes, sorted: comparing numbers is quicker than comparing words, and
// a hash, unlike a number handed out as terms arrive, is the same
// whatever order articles come in, so sums run in the same order too.
type vector struct {
	terms   []uint64
	weights []float64
}

// dot returns the cosine of two vectors.
func (v vector) dot(w vector) float64 {
	s := 0.0
	i, j := 0, 0
	for i < len(v.terms) && j < len(w.terms) {
		switch a, b := v.terms[i], w.terms[j]; {
		case a == b:
			s += v.weights[i] * w.weights[j]
			i++
			j++
		case a < b:
			i++
		default:
			j++
		}
	}
	return s
}

// termHash returns a term's hash (64-bit FNV-1a).
func termHash(term string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(term); i++ {
		h ^= uint64(term[i])
		h *= 1099511628211
	}
	return h
}

// vectorOf builds an article's vector from its title, lead and the
// opening of its body.
func vectorOf(a *feed.Article) (vec, words vector) {
	return weigh(termsOf(a))
}

// termsOf counts an article's terms, sorted by term.
func termsOf(a *feed.Article) []weighted {
	tf := make(map[string]float64)
	names := make(map[string]int) // times a term was written as a name
	seen := make(map[string]int)
	add := func(text string, weight float64, limit int) {
		n := 0
		for _, sent := range sentences(text) {
			toks := tokens(sent)
			prev := ""
			for i, t := range toks {
				if limit > 0 && n >= limit {
					return
				}
				n++
				term := t.term
				if term == "" {
					prev = ""
					continue
				}
				seen[term]++
				if t.capital && i > 0 {
					names[term]++
				}
				tf[term] += weight * kindWeight(term)
				if prev != "" {
					tf[prev+" "+term] += weight * pairWeight * min(kindWeight(prev), kindWeight(term))
				}
				prev = term
			}
		}
	}
	if !a.TitleSynthesized {
		add(a.Title, titleWeight, 0)
	}
	add(a.Lead, leadWeight, 0)
	add(bodyText(a, true), bodyWeight, bodyWords)

	isName := func(term string) bool { return names[term] > 0 && names[term]*2 >= seen[term] }
	all := make([]weighted, 0, len(tf))
	for term, f := range tf {
		w := 1 + math.Log(f)
		if f < 1 {
			w = f
		}
		t := weighted{term: term, w: w}
		if a, b, ok := strings.Cut(term, " "); ok {
			t.name = isName(a) || isName(b)
		} else if isName(term) {
			t.name = true
			t.w *= nameWeight
		}
		all = append(all, t)
	}
	slices.SortFunc(all, func(x, y weighted) int { return strings.Compare(x.term, y.term) })
	return all
}

// weigh makes an article's vectors from its counted terms: all of them,
// and those that are not names.
func weigh(ts []weighted) (vec, words vector) {
	all := slices.Clone(ts)
	// Strongest first, ties by term, so the cut never depends on map order.
	slices.SortFunc(all, func(x, y weighted) int {
		if x.w != y.w {
			if x.w > y.w {
				return -1
			}
			return 1
		}
		return strings.Compare(x.term, y.term)
	})
	nonNames := slices.DeleteFunc(slices.Clone(all), func(t weighted) bool { return t.name })
	return unit(strongest(all)), unit(strongest(nonNames))
}

// weighted is a term, its weight and whether it is, or holds, a name.
type weighted struct {
	term string
	w    float64
	name bool
}

// strongest returns the maxTerms strongest of terms sorted strongest
// first.
func strongest(ts []weighted) []weighted {
	return ts[:min(len(ts), maxTerms)]
}

// unit returns the terms as a vector of length one.
func unit(ts []weighted) vector {
	norm2 := 0.0
	for _, t := range ts {
		norm2 += t.w * t.w
	}
	type hashed struct {
		h uint64
		w float64
	}
	hs := make([]hashed, len(ts))
	for i, t := range ts {
		hs[i] = hashed{termHash(t.term), t.w / math.Sqrt(norm2)}
	}
	slices.SortFunc(hs, func(x, y hashed) int { return cmp.Compare(x.h, y.h) })
	v := vector{terms: make([]uint64, len(hs)), weights: make([]float64, len(hs))}
	for i, h := range hs {
		v.terms[i], v.weights[i] = h.h, h.w
	}
	return v
}

// kindWeight returns how much a single term counts by its kind.
func kindWeight(term string) float64 {
	switch {
	case isNumber(term):
		return numberWeight
	case common[term]:
		return commonWeight
	}
	return wordWeight
}

func isNumber(s string) bool {
	for _, r := range s {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return s != ""
}

// token is one word of a sentence: its folded, stemmed term ("" for a
// stop word, which breaks word pairs) and whether it was capitalised.
type token struct {
	term    string
	capital bool
}

// tokens splits a sentence into words. Letters are lower-cased and
// stripped of accents, hyphens and apostrophes split words ("Jong-un" is
// "jong un", "Russia's" is "russia").
func tokens(s string) []token {
	var out []token
	for _, w := range strings.FieldsFunc(s, notWordRune) {
		first, _ := utf8.DecodeRuneInString(w)
		f := fold(w)
		if len(f) < 2 || stop[f] {
			// One-letter pieces are possessive s's and initials.
			if len(f) >= 2 || f == "" {
				out = append(out, token{})
			}
			continue
		}
		out = append(out, token{term: stem(f), capital: unicode.IsUpper(first)})
	}
	return out
}

func notWordRune(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }

// fold lower-cases a word and removes its accents.
func fold(w string) string {
	ascii := true
	for i := 0; i < len(w); i++ {
		if w[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		// Most words: nothing to decompose.
		return strings.ToLower(w)
	}
	var b strings.Builder
	for _, r := range norm.NFD.String(w) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// stem strips the commonest English endings so that "sign", "signs",
// "signed" and "signing" are one term. It is deliberately crude: it only
// has to be consistent.
func stem(w string) string {
	n := len(w)
	if n <= 4 || isNumber(w) {
		return w
	}
	undouble := false
	switch {
	case strings.HasSuffix(w, "ies"):
		return w[:n-3] + "y"
	case strings.HasSuffix(w, "ing") && n > 6:
		w, undouble = w[:n-3], true
	case strings.HasSuffix(w, "ed") && n > 5:
		w, undouble = w[:n-2], true
	case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "xes"), strings.HasSuffix(w, "ches"), strings.HasSuffix(w, "shes"):
		w = w[:n-2]
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		w = w[:n-1]
	}
	// "stopped" and "stopping" become "stop".
	if n := len(w); undouble && n > 3 && w[n-1] == w[n-2] && !strings.ContainsRune("lsz", rune(w[n-1])) {
		w = w[:n-1]
	}
	// "close", "closes", "closed" and "closing" become "clos".
	if len(w) > 3 {
		w = strings.TrimSuffix(w, "e")
	}
	return w
}

// stop words carry no subject.
var stop = setOf(`a about above after again against all also am an and any are as at be because been
before being below between both but by can could did do does doing down during each few for from
further had has have having he her here hers herself him himself his how i if in into is it its itself
just me more most my myself no nor not now of off on once only or other our ours ourselves out over own
same she should so some such than that the their theirs them themselves then there these they this
those through to too under until up very was we were what when where which while who whom why will
with would you your yours yourself yourselves may might must shall yet upon via per among amid
it's don't won't can't isn't aren't wasn't weren't hasn't haven't hadn't doesn't didn't
mr mrs ms dr st`)

// common words appear in most news stories whatever they are about, so
// sharing them says little. Capitalised days and months are here too:
// two stories on a Tuesday are not one story.
var common = setOf(`said say says told tell according report reported reporting reports news
year years month months week weeks day days today yesterday tomorrow time times new old first last
next one two three four five six seven eight nine ten hundred thousand million billion percent
people person man men woman women child children government official officials minister president
country countries state states city world national international public local group leader leaders
include including includ make made take taken took come came go went going get got give gave
know known think thought want wanted use used work worked call called ask asked show shown
part place case point way well back still even just many much more most less least other another
monday tuesday wednesday thursday friday saturday sunday
january february march april june july august september october november december
morning afternoon evening night early late earlier later ago since statement added
photograph photo image video getty reuters ap afp pa`)

func setOf(words string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(words) {
		m[w] = true
		m[stem(w)] = true
	}
	return m
}
