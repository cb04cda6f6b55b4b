package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/broadsheet/broadsheet/feed/words"
)

// deskWords are the words that name a newsroom's desk, a writer's role
// or an agency rather than a person: "Staff Writer", "Harbour News
// Service", "Associated Press", "Quay Gazette". They are no name's
// words either (notNameWords holds them).
const deskWords = `writer writers editor correspondent staff reporter reporters contributor columnist
	desk newsroom news bureau chief press wire wires agency service services
	mail herald tribune gazette journal chronicle telegraph courier examiner observer times inquirer
	dispatch bulletin guardian`

// deskWord is deskWords as a set.
var deskWord = func() map[string]bool {
	m := map[string]bool{}
	for w := range strings.FieldsSeq(deskWords) {
		m[w] = true
	}
	return m
}()

// deskPhrase reports whether s names a desk, a role or an agency and
// nothing else: one to six words, no figure, no sentence, one of them a
// desk's word ("Staff Writer", "The Quay Courier Staff", "Harbour News
// Service", "Bureau Chief").
func deskPhrase(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || hasNameBreaker(s) || endsSentence(s) {
		return false
	}
	n, desk := 0, false
	for w := range strings.FieldsSeq(s) {
		if n++; n > 6 {
			return false
		}
		lw := strings.ToLower(strings.Trim(w, ",.;()"))
		if deskWord[lw] || strings.HasSuffix(lw, "s") && deskWord[lw[:len(lw)-1]] {
			desk = true
		}
	}
	return desk
}

// titled returns a line printed in capitals as a name is written, so
// that nameLine can read it: "JANE DOE AND JOHN ROE" gives "Jane Doe
// and John Roe". A line with a letter in lower case is returned as it
// is.
func titled(s string) string {
	if strings.ToUpper(s) != s {
		return s
	}
	var b strings.Builder
	for i, w := range strings.Fields(s) {
		if i > 0 {
			b.WriteByte(' ')
		}
		lw := strings.ToLower(w)
		if lw == "and" {
			b.WriteString(lw)
			continue
		}
		first := true
		for _, r := range lw {
			if first && unicode.IsLetter(r) {
				r, first = unicode.ToUpper(r), false
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// capsNames reports whether a line printed in capitals is a line of
// names: "JANE DOE", "JANE DOE AND JOHN ROE".
func capsNames(s string) bool {
	return strings.ContainsFunc(s, unicode.IsLetter) && strings.ToUpper(s) == s && nameLine(titled(s))
}

// namesBeforeDesk returns the names of a line that credits people and
// then their desk or agency after a comma or a separator: "Jane Doe and
// John Roe, Harbour News Service", "Jane Doe, Quay Gazette Bureau
// Chief", "Jane Doe | Staff Writer". It returns "" for any other line.
func namesBeforeDesk(s string) string {
	i, j := strings.LastIndexByte(s, ','), 0
	if i > 0 {
		j = i + 1
	}
	for _, sep := range []string{" | ", " - ", " – ", " — ", " / "} {
		if k := strings.LastIndex(s, sep); k > i {
			i, j = k, k+len(sep)
		}
	}
	if i <= 0 || !deskPhrase(s[j:]) {
		return ""
	}
	names := strings.TrimSpace(s[:i])
	if !nameLine(names) && !capsNames(names) {
		return ""
	}
	return names
}

// namesAtVenue returns the name of a line that credits a writer at the
// place the story was watched from: "Jane Doe at Harbour Park". The
// name is two to four words, the place one to four capitalised words.
// It returns "" for any other line.
func namesAtVenue(s string) string {
	name, venue, ok := strings.Cut(s, " at ")
	if !ok || strings.Contains(venue, " at ") {
		return ""
	}
	venue = strings.TrimPrefix(venue, "the ") // "at the Harbour Arena"
	n := 0
	for range strings.FieldsSeq(venue) {
		if n++; n > 4 {
			return ""
		}
	}
	if n == 0 || hasNameBreaker(venue) || endsSentence(venue) || !wordsCapitalised(venue) || !isPersonName(name) || !nameLine(name) {
		return ""
	}
	return strings.TrimSpace(name)
}

// lowerByline returns the name of a byline printed in lower case, "by
// jane doe", as a name is written ("Jane Doe"): "by" and a name in lower
// case (lowerName). It returns "" for any other line. It is asked only
// of lines by the headline: "by" in lower case opens many phrases
// elsewhere.
func lowerByline(s string) string {
	s = strings.TrimSpace(s)
	if len(s) < 3 || !strings.EqualFold(s[:3], "by ") {
		return ""
	}
	return lowerName(cleanByline(s[3:]))
}

// lowerName returns a name printed in lower case, "jane doe", as a name
// is written ("Jane Doe"): two or three words of letters, none a stop
// word or a word no name is made of. It returns "" for any other text.
func lowerName(s string) string {
	w := strings.Fields(s)
	if len(w) < 2 || len(w) > 3 {
		return ""
	}
	for _, x := range w {
		r, _ := utf8.DecodeRuneInString(x)
		if !unicode.IsLower(r) || words.IsStop(x) || notNameWords[x] || deskPlural(x) ||
			strings.ContainsFunc(x, func(r rune) bool { return !unicode.IsLower(r) && r != '\'' && r != '’' && r != '-' }) {
			return ""
		}
	}
	return titled(strings.ToUpper(strings.Join(w, " ")))
}

// creditedNames returns the writers a line by the headline at title
// credits in a form a bare line of names (nameLine) does not take, over
// an article that starts at line start: names and then their desk after
// a comma ("Jane Doe, Harbour News Service"), a name at the venue, "by"
// and a name in lower case, a name in lower case beside a date, all
// within three lines of the headline;
// names in capitals beside a date or over a desk's line ("JANE DOE" over
// "Quay Courier Staff"), there too; and, up to six lines under the
// headline past lines that are no article text, a line of names over a
// desk's line or beside a date. It returns "" when no line does. The
// guards of a bare line of names hold: a name the article's first
// paragraphs name is its subject, a name that opens the site's links is
// the site's, and a line above the headline among a menu's items or
// under running text is no byline.
func creditedNames(lines []*textLine, title, start int) string {
	lead := max(start, title+1)
	for _, i := range []int{title + 1, title + 2, title + 3, title + 4, title + 5, title + 6, title - 1, title - 2} {
		if i < 0 || i >= len(lines) {
			continue
		}
		l := lines[i]
		if l.rep != 1 || l.class == classGood || l.words > 12 {
			continue
		}
		if i > title+3 && !underHeadline(lines, title, i) {
			continue
		}
		near := i <= title+3
		dated := i-1 != title && i > 0 && hasDate(lines[i-1]) || i+1 != title && i+1 < len(lines) && hasDate(lines[i+1])
		desked := i+1 != title && i+1 < len(lines) && deskPhrase(lines[i+1].text)
		name := ""
		switch {
		case near && namesBeforeDesk(l.text) != "":
			name = namesBeforeDesk(l.text)
		case near && i > title && namesAtVenue(l.text) != "":
			name = namesAtVenue(l.text)
		case near && i > title && lowerByline(l.text) != "":
			return lowerByline(l.text)
		case near && i > title && dated && lowerName(l.text) != "":
			name = lowerName(l.text)
		case (near || desked) && (dated || desked) && capsNames(l.text):
			name = l.text
		case !near && (dated || desked) && l.nameLine():
			name = l.text
		default:
			continue
		}
		if i < title && (endsMenuRun(lines, i) || inMenu(lines, i) || underText(lines, i)) ||
			ordinaryWords(name) || namedInLead(lines, titled(name), lead) || opensLinks(lines, i) {
			continue
		}
		return name
	}
	return ""
}

// underHeadline reports whether the lines between the headline at
// title and line i are no article text: short lines, none running text.
func underHeadline(lines []*textLine, title, i int) bool {
	for j := title + 1; j < i; j++ {
		if lines[j].class == classGood || lines[j].words > 30 {
			return false
		}
	}
	return true
}

// postFooter returns the writer a post's footer names under the article
// that starts at line start, as blogs sign their posts: "Posted by Jane
// Doe | March 4, 2009 at 10:32 AM", "Posted by Jane Doe at 10:32 AM in
// Island Life | Permalink | Comments (3)". The footer is the first such
// line from the article's start that goes on past the name (a
// separator, a date or a clock), before any line that opens the
// comments or a list of other stories: comments are signed the same
// way, and come after it.
func postFooter(lines []*textLine, start int) string {
	for i := max(start, 0); i < len(lines); i++ {
		l := lines[i]
		if l.marker || l.words <= 6 && (strings.Contains(l.lower, "comment") || strings.Contains(l.lower, "responses")) {
			return ""
		}
		if l.words == 0 || l.words > 30 || l.text[0]|0x20 != 'p' && l.text[0]|0x20 != 'b' && indexBy(l.text) < 0 ||
			!strings.Contains(l.text, " | ") && !hasDate(l) {
			continue // no label, or nothing past the name
		}
		if name, ok := postedBy(l.text); ok {
			return name
		}
		if name, ok := l.author(); ok {
			return name
		}
	}
	return ""
}
