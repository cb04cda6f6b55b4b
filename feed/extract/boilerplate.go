package extract

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/broadsheet/broadsheet/feed/words"
)

// This file recognises page furniture by general patterns: share
// buttons, menus, cookie and newsletter prompts, copyright lines, icon
// labels, "related stories" lists. Nothing here names an outlet: phrases
// only one outlet prints belong in the signature table.

// stopWords are the commonest function words of the languages news is
// most often scraped in. Running text is dense with them; menus, labels
// and lists of headlines are not.
var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range words.FunctionWords() {
		m[w] = true
	}
	return m
}()

// maxStopWord is the length in bytes of the longest stop word.
var maxStopWord = longestKey(stopWords)

// stopTable holds stopWords for lookups by a hash computed while
// reading the word.
var stopTable = func() *wordTable {
	var words []string
	for w := range stopWords {
		words = append(words, w)
	}
	return newWordTable(words)
}()

// wordTable is a set of words in open addressing by their FNV-1a hash.
type wordTable struct {
	slots []wordSlot
	// filter has bit h%16384 set for the hash h of every word, ruling
	// out most other words without a probe.
	filter [256]uint64
}

// wordSlot is one slot of a wordTable; an empty word marks a free one.
type wordSlot struct {
	word string
	hash uint32
}

// newWordTable returns the set of words, which must not be empty strings.
func newWordTable(list []string) *wordTable {
	size := 16
	for size < 2*len(list) {
		size *= 2
	}
	t := &wordTable{slots: make([]wordSlot, size)}
	for _, w := range list {
		h := words.Hash32(w)
		i := int(h) & (size - 1)
		for t.slots[i].word != "" && t.slots[i].word != w {
			i = (i + 1) & (size - 1)
		}
		t.slots[i] = wordSlot{word: w, hash: h}
		t.filter[h>>6&255] |= 1 << (h & 63)
	}
	return t
}

// mayHave reports whether a word of FNV-1a hash h may be in the set:
// false rules it out, as has would, without a call (mayHave inlines).
func (t *wordTable) mayHave(h uint32) bool {
	return t.filter[h>>6&255]&(1<<(h&63)) != 0
}

// has reports whether word, of FNV-1a hash h, is in the set.
func (t *wordTable) has(word string, h uint32) bool {
	if !t.mayHave(h) {
		return false
	}
	mask := len(t.slots) - 1
	for i := int(h) & mask; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.word == "" {
			return false
		}
		if s.hash == h && s.word == word {
			return true
		}
	}
}

// hasBytes is has for a word held in bytes.
func (t *wordTable) hasBytes(word []byte, h uint32) bool {
	return t.has(unsafe.String(unsafe.SliceData(word), len(word)), h)
}

// chromeExact are whole lines (lower case, trimmed of punctuation) that
// are page furniture wherever they appear.
var chromeExact = func() map[string]bool {
	m := map[string]bool{}
	for _, s := range strings.Split(`share|share this|share this article|share this story|share article|shares|tweet|email|e-mail|print|
facebook|twitter|x|whatsapp|linkedin|reddit|pocket|flipboard|pinterest|tumblr|telegram|messenger|instagram|youtube|rss|
menu|search|home|close|open|next|previous|prev|more|back|back to top|top|skip to main content|skip to content|
skip to navigation|advertisement|advert|ad|ads|sponsored|sponsored content|promoted|comments|comment|view comments|
load comments|show comments|leave a comment|leave a reply|post a comment|0 comments|no comments|read more|read full story|
continue reading|continue reading below|keep reading|see more|show more|load more|view all|view more|sign in|sign up|log in|
login|logout|log out|register|subscribe|subscribe now|newsletter|newsletters|related|related articles|related stories|
related content|related topics|related links|related posts|more stories|more news|top stories|latest|latest news|
latest stories|trending|trending now|most popular|most read|most viewed|most shared|popular|recommended|
recommended for you|you may also like|you might also like|we recommend|our picks|editor's picks|don't miss|tags|topics|
categories|filed under|video|videos|photos|photo|gallery|watch|listen|play|pause|loading|loading...|updated|
advertisement - scroll to continue|download the app|get the app|start reading|sign up to read this article|
copy link|copy this link|link copied|print this page|print this article|report|report this ad|feedback|about us|
contact us|contact|privacy|privacy policy|cookie policy|cookies|terms|terms of use|terms of service|terms and conditions|
accessibility|sitemap|site map|help|faq|careers|jobs|advertise|advertise with us|all rights reserved|follow us|
follow|like|like this|share on facebook|share on twitter|share via email|share by email|whatsapp share|
skip advertisement|story continues below advertisement|article continues below|continue reading below`, "|") {
		m[strings.TrimSpace(s)] = true
	}
	return m
}()

// chromeExactMax is the length of the longest line of chromeExact.
var chromeExactMax = longestKey(chromeExact)

// longestKey returns the length in bytes of the longest key of m.
func longestKey(m map[string]bool) int {
	n := 0
	for k := range m {
		n = max(n, len(k))
	}
	return n
}

// isChromeExact reports whether chromeExact holds key, without hashing
// keys too long to be in it.
func isChromeExact(key string) bool {
	return len(key) <= chromeExactMax && chromeExact[key]
}

// chromeMarkers are phrases that mark a line as furniture when the line
// is short or has little running text in it.
var chromeMarkers = []string{
	"sign up", "signup", "subscribe", "newsletter", "cookie", "privacy policy", "privacy notice", "terms of use",
	"terms of service", "all rights reserved", "©", "copyright", "share on", "share this", "share via", "follow us",
	"click here", "read more", "read next", "related:", "related articles", "related stories", "see more",
	"see also", "don't miss", "don’t miss", "download the app", "download our app", "get the app", "valid email",
	"email address", "already a member", "already have an account", "sign in", "log in", "login", "advertisement",
	"an icon of", "icon of a", "image copyright", "image caption", "media caption", "media playback",
	"javascript", "your browser", "thanks for signing up", "thank you for signing up", "emailed about",
	"unsubscribe", "getty images", "(image:", "photograph:", "photo:", "image:", "credit:", "{*", "%2f",
	"affiliate commission", "receive a commission", "earn a commission", "comments powered by", "loading...",
	"trending", "most popular", "most read", "more from", "more in ", "more on this", "recommended",
	"you may also like", "you might also like", "previous post", "next post", "previous article",
	"next article", "posted in", "filed under", "tags:", "topics:", "categories:", "back to top",
	"premium", "free trial", "days free", "membership", "members only", "paywall", "our picks", "top stories",
	"skip to", "leave a reply", "comment", "whatsapp", "facebook", "twitter", "instagram", "linkedin",
	"pinterest", "follow", "rss", "podcast", "listen to", "watch:", "watch live", "live tv", "app store",
	"google play", "print this", "copy link", "report an error", "suggest a correction", "contact us",
	"about us", "terms and conditions", "personal data", "consent", "ad choices", "adchoices",
	"this slideshow requires", "view all", "view comments", "load more", "show more", "image 1 of",
	"image credit", "photo credit", "(photo", "picture:", "pictured:", "caption", "browse all", "new window",
	"external link", "submit to", "signed in", "sign out", "adverts", "ad-free", "without ads",
	"get the app", "read without", "clique", "cliquez", "haga clic", "haz clic", "klicken sie", "comentários",
	"comentarios", "commentaires", "kommentare", "publicidade", "publicidad", "publicité", "werbung", "click to", "click for", "clicking here", "tap here", "go to page",
}

// markerSet indexes chromeMarkers for the one-pass phrase search.
var markerSet = func() *phraseSet {
	p := &phraseSet{}
	for i, m := range chromeMarkers {
		if firstWord(m) == "" {
			continue // markers that start with punctuation are checked directly
		}
		p.add(m, i)
	}
	p.sort()
	return p
}()

// punctMarkers are chromeMarkers that start with punctuation and so
// cannot be found by word.
var punctMarkers = func() []string {
	var out []string
	for _, m := range chromeMarkers {
		if firstWord(m) == "" {
			out = append(out, m)
		}
	}
	return out
}()

// punctStarts are the first bytes of punctMarkers.
var punctStarts = func() (t [256]bool) {
	for _, m := range punctMarkers {
		t[m[0]] = true
	}
	return t
}()

// mayHavePunctMarker reports whether lower holds a byte some punctMarker
// starts with; false means it holds none of them.
func mayHavePunctMarker(lower string) bool {
	for i := 0; i < len(lower); i++ {
		if punctStarts[lower[i]] {
			return true
		}
	}
	return false
}

// strongMarkers are furniture phrases that running text of an article
// all but never holds.
var strongMarkers = []string{"sign up", "subscribe", "newsletter", "unsubscribe", "cookie", "privacy policy",
	"all rights reserved", "click here", "download the app", "valid email", "already a member", "thanks for signing up",
	"affiliate commission", "receive a commission", "terms of use", "terms of service", "no spam", "your inbox",
	"join our", "sister title", "sign in to", "log in to", "become a member", "support our journalism",
	"may not be reproduced", "may not be published, broadcast", "community rules", "content you upload",
	"tracking technologies", "your consent", "you consent", "accept cookies"}

// strongMarkerSet indexes strongMarkers for the one-pass search.
var strongMarkerSet = newSubstringSet(strongMarkers...)

// countStrongMarkers returns how many strong furniture phrases lower holds.
func countStrongMarkers(lower string) int {
	return strongMarkerSet.count(lower)
}

// isGalleryLabel reports whether a line counts pictures: "Image 3 of 5",
// "Photo 2/9".
func isGalleryLabel(lower string) bool {
	// Most lines fail on their first word: look at it before splitting.
	first := strings.TrimLeftFunc(lower, unicode.IsSpace)
	if end := strings.IndexFunc(first, unicode.IsSpace); end >= 0 {
		first = first[:end]
	}
	switch first {
	case "image", "photo", "picture", "slide", "foto", "imagem", "imagen":
	default:
		return false
	}
	f := strings.Fields(lower)
	if len(f) < 2 || len(f) > 4 {
		return false
	}
	switch f[0] {
	case "image", "photo", "picture", "slide", "foto", "imagem", "imagen":
	default:
		return false
	}
	return strings.ContainsAny(f[1], "0123456789")
}

// markers returns how many distinct chrome markers the line holds.
func (l *textLine) markers() int {
	return countMarkersPunct(l.lower, l.spans, l.punct&(punctParen|punctBrace|punctPercent|punctC2) != 0)
}

// countMarkersPunct returns how many distinct chrome markers lower,
// whose words are spans, holds; mayPunct reports whether lower may hold
// a byte that a punctuation marker starts with.
func countMarkersPunct(lower string, spans []wordSpan, mayPunct bool) int {
	n := 0
	markerSet.eachSpan(lower, spans, func(phrase, int) { n++ })
	if !mayPunct || !mayHavePunctMarker(lower) {
		return n
	}
	for _, m := range punctMarkers {
		if strings.Contains(lower, m) {
			n++
		}
	}
	return n
}

// endMarkers open the part of a page after the article: once one of
// these is a line of its own, what follows is other stories.
var endMarkers = []string{
	"related", "related articles", "related stories", "related content", "related topics", "related links",
	"related posts", "related coverage", "more stories", "more news", "more from", "more in", "more on",
	"top stories", "latest", "latest news", "trending", "trending now", "most popular", "most read",
	"most viewed", "most shared", "popular", "recommended", "recommended for you", "you may also like",
	"you might also like", "we recommend", "read next", "read more", "what to read next", "tags",
	"topics", "comments", "leave a reply", "leave a comment", "join the conversation", "share this",
	"share this article", "share this story", "our picks", "don't miss",
	"don’t miss", "see also", "also read", "further reading", "editor's picks", "next up", "up next",
	"sponsored", "promoted stories", "around the web", "from the web", "newsletter", "sign up",
	"related stories", "places in this story", "people in the story", "organizations in this story",
	"about the author", "categories", "filed under", "previous post", "next post",
}

// endMarkerSet indexes endMarkers.
var endMarkerSet = func() map[string]bool {
	m := map[string]bool{}
	for _, s := range endMarkers {
		m[s] = true
	}
	return m
}()

// endMarkerParts are phrases that make a short line the heading of a
// list of other stories: "Ashvale Media's most read", "Elsewhere in
// Places", "Top reads right now".
var endMarkerParts = []string{"next up", "up next", "most read", "top reads", "read next", "elsewhere in", "elsewhere on", "more like this",
	"most viewed", "most popular", "most shared", "you may also", "you might also", "also read", "further reading",
	"in other news", "what to read", "related stories", "related articles", "more stories", "other stories",
	"recommended for you", "editor's picks", "editors' picks", "around the web", "popular now", "trending now"}

// endMarkerPartSet indexes endMarkerParts.
var endMarkerPartSet = newSubstringSet(endMarkerParts...)

// fieldCount returns len(strings.Fields(s)).
func fieldCount(s string) int {
	n := 0
	for range strings.FieldsSeq(s) {
		n++
	}
	return n
}

// isEndMarker reports whether a line opens a list of other stories,
// tags or comments: "Related stories", "More from Sport", "Tags:".
func isEndMarker(key string) bool {
	if endMarkerSet[key] {
		return true
	}
	if utf8.RuneCountInString(key) >= 40 {
		return false
	}
	if fieldCount(key) <= 6 && endMarkerPartSet.match(key) != 0 {
		return true
	}
	for _, p := range []string{"more from ", "more in ", "more on ", "related ", "latest ", "most popular",
		"most read", "tags ", "topics ", "you may also", "you might also", "read more ", "don't miss", "more stories",
		"other stories", "other topics", "other news", "more news", "also on "} {
		if strings.HasPrefix(key, p) {
			return true
		}
	}
	return strings.HasSuffix(key, " of interest") || strings.HasSuffix(key, " you may like")
}

// lineKey folds a line for exact-line lookups: lower case, single
// spaces, trimmed of surrounding punctuation and symbols.
func lineKey(lower string) string {
	return strings.TrimFunc(lower, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’'
	})
}

// isIconRun reports whether a line is a run of icon labels ("Email An
// icon of a paper envelope. Facebook An icon of ...").
func isIconRun(lower string) bool {
	if !strings.Contains(lower, "icon") {
		return false
	}
	return strings.Count(lower, " icon") >= 3 || strings.Count(lower, "an icon of") >= 2
}

// iconRun is isIconRun for a line, looking first at its words: a run of
// icon labels has at least two words that begin "icon" after a space,
// which most lines fail on sooner than a search of their text would.
func (l *textLine) iconRun() bool {
	n := 0
	for _, s := range l.spans {
		// Most words do not start with 'i': one byte rules them out.
		if l.lower[s.start] == 'i' && s.start > 0 && l.lower[s.start-1] == ' ' && strings.HasPrefix(l.lower[s.start:], "icon") {
			n++
		}
	}
	return n >= 2 && isIconRun(l.lower)
}

// controlWords are the labels of a page's buttons.
var controlWords = []string{"Share", "Bookmark", "Save", "Listen", "Print", "Copy link", "Text size", "Email", "Comment",
	"Facebook", "Twitter", "WhatsApp", "LinkedIn", "Messenger", "Alerts", "Follow", "Link", "Hover", "Reddit", "X "}

// isControlRun reports whether a line is a row of buttons with their
// icons described: "Share A curved arrow leaving a box. Listen A pair
// of headphones. Text size Two letter As, one larger."
func isControlRun(text string) bool {
	// The control words found at the start or after ". " or ": ", and
	// the count of ". ".
	seen := controlWordsAt(text, 0)
	stops := 0
	for i := 0; ; {
		j := strings.IndexByte(text[i:], '.')
		if j < 0 {
			break
		}
		i += j + 1
		if i < len(text) && text[i] == ' ' {
			stops++
			seen = controlWordsAt(text[i+1:], seen)
		}
	}
	if stops < 2 {
		return false // three buttons or more, each described in a sentence
	}
	for i := 0; ; {
		j := strings.IndexByte(text[i:], ':')
		if j < 0 {
			break
		}
		i += j + 1
		if i < len(text) && text[i] == ' ' {
			seen = controlWordsAt(text[i+1:], seen)
		}
	}
	if bits.OnesCount32(seen) < 3 {
		return false
	}
	// Button rows are fragments: many full stops, few words between.
	return fieldCount(text) <= 12*(stops+1)
}

// controlWordsAt adds to seen bit i for controlWords[i] when s starts
// with it.
func controlWordsAt(s string, seen uint32) uint32 {
	if s == "" || s[0] < 'A' || s[0] > 'Z' {
		return seen // every control word starts with a capital
	}
	for i, w := range controlWords {
		if w[0] == s[0] && strings.HasPrefix(s, w) {
			seen |= 1 << i
		}
	}
	return seen
}

// isCredit reports whether a line is a photo credit alone: "Getty
// Images", "Sakib Ali/Hindustan Times/Getty Images", "(Image: © NASA)",
// "Photograph: Jane Doe/Reuters". runes is the length of text in runes.
func isCredit(text, lower string, runes int) bool {
	n := runes
	if n > 120 {
		return false
	}
	for _, p := range []string{"photograph:", "photo:", "image:", "(image:", "image copyright", "image credit",
		"(image credit", "photo credit", "credit:", "picture:", "pictures:", "photos:", "illustration:"} {
		if strings.HasPrefix(lower, p) {
			return true
		}
	}
	if strings.HasPrefix(lower, "photo by ") || strings.HasPrefix(lower, "photos by ") {
		return n < 80
	}
	agency := strings.HasSuffix(lower, "getty images") || strings.HasSuffix(lower, "shutterstock") ||
		strings.HasSuffix(lower, "associated press") || strings.HasSuffix(lower, "/ap") ||
		strings.HasSuffix(lower, "/reuters") || strings.HasSuffix(lower, "/afp") || strings.HasSuffix(lower, "/epa") ||
		strings.HasSuffix(lower, "via reuters") || strings.HasSuffix(lower, "via ap") ||
		strings.HasSuffix(lower, "alamy") || strings.HasSuffix(lower, "/pa") || strings.HasSuffix(lower, "pa media")
	if agency && n < 80 && !endsSentence(text) {
		return true
	}
	// "Name/Agency" or "Name, AGENCY" with no running text.
	if strings.Count(text, "/") >= 1 && n < 70 && !strings.Contains(lower, "://") && !endsSentence(text) {
		words := strings.Fields(text)
		caps := 0
		for _, w := range words {
			r, _ := utf8.DecodeRuneInString(w)
			if unicode.IsUpper(r) {
				caps++
			}
		}
		return len(words) <= 8 && caps*10 >= len(words)*8
	}
	return false
}

// creditSuffix reports whether a caption line ends in its credit:
// "... (Sputnik, Kremlin Pool Photo via AP)", "... (Image: GETTY )",
// "... Photograph: Jane Doe/EPA", "... [Sputnik / Getty Images]".
func creditSuffix(lower string) bool {
	if strings.IndexByte(lower, ':') >= 0 && (strings.Contains(lower, "photograph:") || strings.Contains(lower, "(image:") ||
		strings.Contains(lower, "(photo:") || strings.Contains(lower, "photo: ")) {
		return true
	}
	t := strings.TrimSpace(lower)
	if strings.HasSuffix(t, ")") || strings.HasSuffix(t, "]") {
		open := strings.LastIndexAny(t, "([")
		if open < 0 {
			return false
		}
		inner := t[open:]
		for _, w := range []string{"photo", "image", "getty", "reuters", "afp", "epa", "ap)", "via ap", "pool",
			"shutterstock", "alamy", "credit", "pa media", "courtesy"} {
			if strings.Contains(inner, w) {
				return true
			}
		}
	}
	return false
}

// isTimestampOnly reports whether a line is nothing but a relative or
// absolute time stamp: "13 hours ago", "Nov 18", "01:51".
func isTimestampOnly(lower string) bool {
	if strings.HasSuffix(lower, " ago") && utf8.RuneCountInString(lower) < 25 {
		return true
	}
	if len(lower) >= 20*utf8.UTFMax || utf8.RuneCountInString(lower) >= 20 {
		return false // too long whatever it holds
	}
	letters, digits := 0, 0
	for _, r := range lower {
		switch {
		case unicode.IsLetter(r):
			letters++
		case unicode.IsDigit(r):
			digits++
		}
	}
	return digits > 0 && letters <= 9 && len(strings.Fields(lower)) <= 3 && utf8.RuneCountInString(lower) < 20
}

// endsSentence reports whether s ends as running text does.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, " \t\"'”’»)]*_")
	if s == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	switch r {
	case '.', '!', '?', '…', '。', '！', '？':
		return true
	}
	return false
}
