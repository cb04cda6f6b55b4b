package story

import (
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/broadsheet/broadsheet/feed"
)

// An opinion column, a review, a preview or a round-up names the people
// and places of the events it discusses, on the days they happen, and in
// many of the same words; but it reports none of them. Such an article
// joins a story only on strong evidence: its likeness to any other
// article counts for commentShare of itself, so that it links only where
// it is about as alike as near-copies are (Threshold / commentShare is
// 0.61, copyLike 0.6), and near-copies keep their likeness (a syndicated
// column is still one column, and a wire report one outlet labels
// "Analysis" is still that report). A story made only of such articles
// has its centroid's likeness to another story's counted the same way,
// and so never joins it as a whole (see joinStories).
//
// What marks an article as commentary is what it carries itself, in any
// outlet's pages:
//
//   - a genre label on its headline, "Opinion: …", "Film review – …",
//     "… | Analysis" (genreWords, a few languages);
//   - a genre folder in its address: /opinion/, /columnists/;
//   - its writer's own voice: the first and second person (I, my, we,
//     our, you) in paragraphs of prose that quote or cite no one, and
//     questions and exclamations of the writer's own, at least
//     commentVoice per hundred words of its opening.
//
// commentVoice was fitted on one half of stories-dev's topics (the most
// cautious setting that costs that half nothing; the other half's is
// 4), where blog posts with a voice of their own are counted among
// their events' reports: see BENCHMARKS.md. commentShare was not fitted
// (at that voice, no stories-dev article reads as commentary).
const (
	commentShare = 0.18
	commentVoice = 5.5
	// commentWords is how much of the article is read for its voice:
	// a writer's voice shows from the start, and reading 600 words
	// cost twice as much, for the same stories on every set measured.
	commentWords = 300
	// commentLeast is the fewest first- or second-person words an
	// article's voice is judged on: a short text's rate says little.
	commentLeast = 4
)

// genreWords name kinds of article that are not news reports, folded to
// lower case: opinion, comment and editorial; analysis; reviews and
// previews; letters; round-ups. In English and a few other languages.
var genreWords = func() map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(`opinion opinions comment commentary column columns columnist columnists
editorial editorials op-ed oped viewpoint viewpoints perspective perspectives essay
analysis review reviews preview previews letter letters roundup round-up digest
meinung kommentar kolumne leitartikel analyse rezension kritik vorschau
tribune chronique éditorial critique
opinión columna análisis reseña crítica tribuna
opinione commento editoriale analisi recensione
opinião coluna análise resenha
opinie commentaar recensie`) {
		m[w] = true
	}
	return m
}()

// isGenre reports whether w, as written, is one of genreWords.
func isGenre(w string) bool {
	w = strings.ToLower(w)
	return genreWords[w]
}

// commentary reports whether an article reads as something other than a
// news report (see commentShare).
func commentary(a *feed.Article) bool {
	if labelled(a.Title) || genrePath(a.URL) {
		return true
	}
	return voice(a) >= commentVoice
}

// labelled reports whether a headline carries a genre label: one to
// three words, the last a genre word, set off from the rest by a colon,
// a dash or a bar, before or after it ("Opinion: …", "Match preview -
// …", "… | Comment"); or whether the headline is such a label alone
// ("Letters to the editor").
func labelled(title string) bool {
	label := func(s string) bool {
		ws := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' })
		return len(ws) >= 1 && len(ws) <= 3 && isGenre(ws[len(ws)-1])
	}
	title = strings.TrimSpace(title)
	for _, sep := range []string{":", " - ", " – ", " — ", "|"} {
		if i := strings.Index(title, sep); i > 0 && label(title[:i]) {
			return true
		}
		if i := strings.LastIndex(title, sep); i > 0 && label(title[i+len(sep):]) {
			return true
		}
	}
	ws := strings.Fields(strings.ToLower(title))
	return len(ws) >= 1 && len(ws) <= 4 && isGenre(strings.Trim(ws[0], ".,;")) && (len(ws) == 1 || ws[1] == "to" || ws[1] == "from")
}

// genrePath reports whether an article's address names a genre: a
// folder of it that is a genre word, or holds one between hyphens
// ("/opinion/", "/news-analysis/"). The last part is the headline's
// slug ("opinion-poll-shows-…"), and a file's own path is the user's:
// neither says what the article is.
func genrePath(address string) bool {
	if address == "" {
		return false
	}
	u, err := url.Parse(address)
	if err != nil {
		return false
	}
	segs := strings.Split(strings.Trim(u.Path, "/"), "/")
	for _, s := range segs[:len(segs)-1] {
		for w := range strings.FieldsFuncSeq(s, func(r rune) bool { return r == '-' || r == '_' }) {
			if isGenre(w) {
				return true
			}
		}
	}
	return false
}

// voice returns how much an article speaks in its writer's own voice:
// first- and second-person words in paragraphs of prose that quote or
// cite no one (nor carry on a quotation from the paragraph before), and a tenth of
// the share of sentences the writer ends with a question or an
// exclamation mark, per hundred words of its opening commentWords. It
// returns 0 with fewer than commentLeast such words.
func voice(a *feed.Article) float64 {
	text := a.Body
	if text == "" {
		text = a.Lead
	}
	words, persons, sentences, asked := 0, 0, 0, 0
	open := false // a quotation runs on from the paragraph before
	for text != "" && words < commentWords {
		var par string
		par, text, _ = strings.Cut(text, "\n")
		if strings.TrimSpace(par) == "" {
			continue
		}
		if !prose(par) {
			continue // a menu, a link, a heading: the page's, not the writer's
		}
		r := readVoice(par)
		if r.words < 6 {
			continue
		}
		words += r.words
		sentences += r.sentences
		if !r.quoted && !open {
			persons += r.persons
			asked += r.asked
		}
		open = r.open
	}
	if words == 0 || persons < commentLeast {
		return 0
	}
	v := 100 * float64(persons) / float64(words)
	if sentences > 0 {
		v += 10 * float64(asked) / float64(sentences)
	}
	return v
}

// prose reports whether a paragraph ends as a sentence does.
func prose(par string) bool {
	par = strings.TrimRightFunc(par, unicode.IsSpace)
	r, _ := utf8.DecodeLastRuneInString(par)
	return strings.ContainsRune(`.?!"'”’)…`, r)
}

// paragraphVoice is what readVoice makes of a paragraph.
type paragraphVoice struct {
	// quoted: the paragraph quotes or cites someone; open: it opens a
	// quotation it does not close.
	quoted, open bool
	// Its words, its first- and second-person words, its sentences and
	// those ending in a question or an exclamation mark.
	words, persons, sentences, asked int
}

// readVoice reads a paragraph in one pass over its bytes, splitting
// words as grouping does (see isWordRune) but keeping apostrophes in
// them. A double quotation mark, or a single one that is no apostrophe
// within a word, makes it quoted.
func readVoice(par string) paragraphVoice {
	var v paragraphVoice
	straight, opening, closing := 0, 0, 0 // double quotation marks
	for i := 0; i < len(par); {
		b := par[i]
		if b < utf8.RuneSelf {
			switch {
			case byteClass[b] == wordByte:
				i = v.word(par, i)
				continue
			case byteClass[b] == stopByte:
				if j := i + 1; j == len(par) || strings.IndexByte(` "')`, par[j]) >= 0 {
					v.sentences++
					if b != '.' {
						v.asked++
					}
				}
			case b == '"':
				straight++
				v.quoted = true
			case b == '\'':
				v.quoted = true
			}
			i++
			continue
		}
		word, size := isWordRune(par, i)
		switch {
		case word:
			i = v.word(par, i)
			continue
		case size == 3 && b == 0xe2 && par[i+1] == 0x80: // U+2000 to U+203F
			switch par[i+2] {
			case 0x9c, 0x9e: // “ „
				opening++
				v.quoted = true
			case 0x9d: // ”
				closing++
				v.quoted = true
			case 0x98, 0x99: // ‘ ’
				v.quoted = true
			}
		case size == 2 && b == 0xc2 && (par[i+1] == 0xab || par[i+1] == 0xbb): // « »
			v.quoted = true
		}
		i += size
	}
	v.sentences = max(v.sentences, 1)
	v.open = straight%2 == 1 || opening > closing
	return v
}

// word reads the word at par[i] and returns where it ends.
func (v *paragraphVoice) word(par string, i int) int {
	start := i
	for i < len(par) {
		b := par[i]
		if b < utf8.RuneSelf {
			if byteClass[b] != wordByte && b != '\'' {
				break
			}
			i++
			continue
		}
		if strings.HasPrefix(par[i:], "’") {
			i += len("’")
			continue
		}
		word, size := isWordRune(par, i)
		if !word {
			break
		}
		i += size
	}
	w := par[start:i]
	v.words++
	if last := w[len(w)-1]; last == '\'' || last == 0x99 && strings.HasSuffix(w, "’") {
		v.quoted = true // a quotation's close, or "the players' union"
	}
	if len(w) <= 12 && personStart[w[0]] {
		switch person(w) {
		case 1:
			v.persons++
		case -1:
			v.quoted = true
		}
	}
	return i
}

// personStart holds the first letters of the words person knows.
var personStart = func() (t [256]bool) {
	for _, b := range []byte("imwuoysteaIMWUOYSTEA") {
		t[b] = true
	}
	return t
}()

// person returns 1 for a word of the first or second person, -1 for a
// verb that cites someone ("said", "told"), 0 for any other.
func person(w string) int {
	if len(w) > 12 || !personStart[w[0]] || w == "US" { // US: the country
		return 0
	}
	// Lower-cased, and "’" read as "'", in a buffer: most words are
	// none of these, and cost no allocation.
	var buf [12]byte
	n := 0
	for i := 0; i < len(w); i++ {
		b := w[i]
		switch {
		case b >= utf8.RuneSelf:
			if !strings.HasPrefix(w[i:], "’") {
				return 0
			}
			b, i = '\'', i+len("’")-1
		case 'A' <= b && b <= 'Z':
			b += 'a' - 'A'
		}
		if n == len(buf) {
			return 0
		}
		buf[n] = b
		n++
	}
	if w[0] == 'I' && (n == 1 || buf[1] == '\'') {
		return 1 // I, I'm, I've: never the i of a list
	}
	switch string(buf[:n]) { // no copy made for a switch
	case "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves",
		"you", "your", "yours", "yourself", "yourselves",
		"we're", "we've", "we'll", "we'd", "you're", "you've", "you'll", "you'd":
		return 1
	case "said", "says", "told", "tells", "according", "added", "asked", "stated", "explained":
		return -1
	}
	return 0
}
