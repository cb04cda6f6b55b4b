package extract

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// monthNames maps month names and their usual abbreviations, in the
// languages news is most often scraped in, to their month.
var monthNames = monthTable([]string{
	"january jan janeiro enero janvier januar gennaio januari",
	"february feb fevereiro febrero février fevrier februar febbraio februari",
	"march mar março marco marzo mars märz maerz maart",
	"april apr abril avril aprile",
	"may maio mayo mai maggio mei",
	"june jun junho junio juin juni giugno",
	"july jul julho julio juillet juli luglio",
	"august aug agosto août aout augustus",
	"september sep sept setembro septiembre septembre settembre",
	"october oct outubro octubre octobre oktober ottobre",
	"november nov novembro noviembre novembre",
	"december dec dezembro diciembre décembre decembre dezember dicembre",
})

// monthTable maps each name in byMonth[i], a space-separated list, to
// month i+1.
func monthTable(byMonth []string) map[string]time.Month {
	m := map[string]time.Month{}
	for i, names := range byMonth {
		for _, n := range strings.Fields(names) {
			m[n] = time.Month(i + 1)
		}
	}
	return m
}

// isoDate and numericDate match dates written in figures.
var (
	isoDate     = regexp.MustCompile(`(?:^|\D)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:\D|$)`)
	numericDate = regexp.MustCompile(`(?:^|[^\d/.])(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?:[^\d/.]|$)`)
)

// parseDate returns the first calendar day written in s: ISO dates,
// "19 June 2024", "June 19, 2024", "Nov. 20, 2019", "22 de outubro de
// 2010", "21/06/2014". Days after notAfter, when it is set, are skipped.
func parseDate(s string, notAfter time.Time) (time.Time, bool) {
	t, _, ok := parseDateReadings(s, notAfter)
	return t, ok
}

// parseDateReadings is parseDate, which reads a date in figures month
// first where it can ("10/01/2008" is 1 October), and also returns the
// other reading of such a date ("10/01/2008" as 10 January) when both are
// days no later than notAfter; other is zero when the date is written
// one way only. Which reading a page means is decided by the rest of it
// (see pageDateOrder).
func parseDateReadings(s string, notAfter time.Time) (t, other time.Time, ok bool) {
	// Each kind of date needs figures in a certain order: most lines
	// have none of them, and are done with before any pattern is tried.
	year, iso, numeric := dateShapes(s)
	if !year && !numeric {
		return time.Time{}, time.Time{}, false
	}
	var found []time.Time
	var swapped time.Time // the day-first reading of found[0], when it has one
	if iso {
		if m := isoDate.FindStringSubmatch(s); m != nil {
			if t, ok := mkDate(m[1], m[2], m[3]); ok {
				found = append(found, t)
			}
		}
	}
	if year {
		// A month spelled out needs a year of four figures.
		if t, ok := wordDate(s); ok {
			found = append(found, t)
		}
	}
	if len(found) == 0 && numeric {
		if m := numericDate.FindStringSubmatch(s); m != nil {
			a, _ := strconv.Atoi(m[1])
			b, _ := strconv.Atoi(m[2])
			y := m[3]
			if len(y) == 2 {
				y = "20" + y
			}
			// Month first unless that cannot be: "21/06/2014".
			if t, ok := mkDate(y, strconv.Itoa(a), strconv.Itoa(b)); ok && a <= 12 {
				found = append(found, t)
				if a != b && b <= 12 {
					swapped, _ = mkDate(y, strconv.Itoa(b), strconv.Itoa(a))
				}
			} else if t, ok := mkDate(y, strconv.Itoa(b), strconv.Itoa(a)); ok {
				found = append(found, t)
			}
		}
	}
	for _, t := range found {
		if notAfter.IsZero() || !t.After(notAfter) {
			if !swapped.IsZero() && !notAfter.IsZero() && swapped.After(notAfter) {
				swapped = time.Time{}
			}
			return t, swapped, true
		}
	}
	if !swapped.IsZero() && (notAfter.IsZero() || !swapped.After(notAfter)) {
		return swapped, time.Time{}, true // the month-first reading is in the future
	}
	return time.Time{}, time.Time{}, false
}

// dateShapes reports which runs of figures s holds: year, four figures
// in a row; iso, four figures, a separator and a figure, as isoDate
// needs; numeric, a figure, a separator and a figure, as numericDate
// needs.
func dateShapes(s string) (year, iso, numeric bool) {
	run := 0 // ASCII figures in a row before byte i
	for i := 0; i < len(s); i++ {
		c := s[i]
		if '0' <= c && c <= '9' {
			run++
			if run >= 4 {
				year = true
			}
			continue
		}
		if (c == '-' || c == '/' || c == '.') && run > 0 && i+1 < len(s) && '0' <= s[i+1] && s[i+1] <= '9' {
			numeric = true
			if run >= 4 {
				iso = true
			}
		}
		run = 0
	}
	return year, iso, numeric
}

// wordDate finds a date with its month spelled out.
func wordDate(s string) (time.Time, bool) {
	t, _, ok := wordDateOrder(s)
	return t, ok
}

// wordDateOrder is wordDate, and reports whether the day was written
// before the month ("19 June 2024") or after it ("June 19, 2024").
func wordDateOrder(s string) (t time.Time, dayFirst, ok bool) {
	toks := dateTokens(withoutClock(s))
	for i, tok := range toks {
		mon, ok := monthNames[tok]
		if !ok {
			continue
		}
		// Day before the month: "19 June 2024", "22 de outubro de 2010".
		j := i - 1
		if j >= 0 && (toks[j] == "de" || toks[j] == "of") {
			j--
		}
		k := i + 1
		if k < len(toks) && toks[k] == "de" {
			k++
		}
		if j >= 0 && k < len(toks) {
			if d, ok := dayNumber(toks[j]); ok {
				if y, ok := yearNumber(toks[k]); ok {
					if t, ok := mkDateInts(y, int(mon), d); ok {
						return t, true, true
					}
				}
			}
		}
		// Month first: "June 19, 2024", "Nov 19th 2019".
		if i+2 < len(toks) {
			if d, ok := dayNumber(toks[i+1]); ok {
				if y, ok := yearNumber(toks[i+2]); ok {
					if t, ok := mkDateInts(y, int(mon), d); ok {
						return t, false, true
					}
				}
			}
		}
	}
	return time.Time{}, false, false
}

// withoutClock blanks the times of day in s ("15:58", "15:58:00"), so
// that a clock printed between a date's month and its year ("Sat, 29 Dec
// 15:58:00 2007", "Sat Dec 29 15:58:00 2007") does not part them.
func withoutClock(s string) string {
	if strings.IndexByte(s, ':') < 0 {
		return s
	}
	digit := func(b string, k int) bool { return k >= 0 && k < len(b) && '0' <= b[k] && b[k] <= '9' }
	var out []byte // a copy of s, made at the first clock
	b := s
	for i := 0; i < len(b); i++ {
		if b[i] != ':' {
			continue
		}
		// One or two figures before the colon, two after, and more
		// ":00" after those; no figure beyond either end.
		l := i
		for l > 0 && i-l < 2 && digit(b, l-1) {
			l--
		}
		if l == i || digit(b, l-1) {
			continue
		}
		r := i
		for r < len(b) && b[r] == ':' && digit(b, r+1) && digit(b, r+2) && !digit(b, r+3) {
			r += 3
		}
		if r == i {
			continue
		}
		if out == nil {
			out = []byte(s)
		}
		for k := l; k < r; k++ {
			out[k] = ' '
		}
		i = r - 1
	}
	if out == nil {
		return s
	}
	return string(out)
}

// pageDateOrder returns the reading a page means of a date in figures
// that reads both ways: t month first, other day first ("10/01/2008").
// A reading later than every date the page writes one way only (its
// masthead's day, the dates of its comments and its other stories) is
// not the day it was published; failing that, the page's dates in
// figures that read one way only ("13/01/2008" or "01/13/2008") tell
// its order, and failing those its dates with the month spelled out
// ("15 January 2008" or "January 15, 2008"), then the clock and zone the
// date's own line prints (see lineDateOrder), then the page's dates
// with the month spelled out ("15 January 2008" or "January 15, 2008").
// Month first when nothing tells.
func pageDateOrder(lines []*textLine, t, other time.Time, line string) time.Time {
	var latest time.Time
	numDay, numMonth, wordDay, wordMonth := 0, 0, 0, 0
	seen := func(d time.Time) {
		if d.After(latest) {
			latest = d
		}
	}
	for _, l := range lines {
		year, iso, numeric := dateShapes(l.text)
		if numeric {
			for _, m := range numericDate.FindAllStringSubmatch(l.text, -1) {
				a, _ := strconv.Atoi(m[1])
				b, _ := strconv.Atoi(m[2])
				y := m[3]
				if len(y) == 2 {
					y = "20" + y
				}
				switch {
				case a > 12 && b <= 12:
					if d, ok := mkDate(y, m[2], m[1]); ok {
						numDay++
						seen(d)
					}
				case b > 12 && a <= 12:
					if d, ok := mkDate(y, m[1], m[2]); ok {
						numMonth++
						seen(d)
					}
				case a == b:
					if d, ok := mkDate(y, m[1], m[2]); ok {
						seen(d)
					}
				}
			}
		}
		if iso {
			if m := isoDate.FindStringSubmatch(l.text); m != nil {
				if d, ok := mkDate(m[1], m[2], m[3]); ok {
					seen(d)
				}
			}
		}
		if year {
			if d, dayFirst, ok := wordDateOrder(l.text); ok {
				seen(d)
				if dayFirst {
					wordDay++
				} else {
					wordMonth++
				}
			}
		}
	}
	switch {
	case latest.IsZero():
	case t.After(latest) && !other.After(latest):
		return other
	case other.After(latest) && !t.After(latest):
		return t
	}
	switch {
	case numDay > numMonth:
		return other
	case numMonth > numDay:
		return t
	}
	switch lineDateOrder(line) {
	case 1:
		return other
	case -1:
		return t
	}
	if wordDay > wordMonth {
		return other
	}
	return t
}

// usZones are the time zones of the one country that writes the month
// first; dayFirstZones those of countries that write the day first.
var (
	usZones       = map[string]bool{"est": true, "edt": true, "cst": true, "cdt": true, "mst": true, "mdt": true, "pst": true, "pdt": true, "et": true, "pt": true, "ct": true, "akst": true, "hst": true}
	dayFirstZones = map[string]bool{"gmt": true, "bst": true, "ist": true, "cet": true, "cest": true, "eet": true, "eest": true, "wet": true, "west": true, "aest": true, "aedt": true, "acst": true, "acdt": true, "awst": true, "wst": true, "nzst": true, "nzdt": true, "sast": true, "msk": true}
)

// lineDateOrder tells from the line a date in figures is printed on how
// its site writes dates: a clock past twelve, a 24-hour clock ("13:44",
// "20:12:00"), or a time zone of a country that writes the day first
// (GMT, CET, AEST), gives 1, day first; a United States zone (EST, PST)
// gives -1, month first; nothing, or both, gives 0.
func lineDateOrder(line string) int {
	day, month := false, false
	toks := dateTokens(line)
	for i, tok := range toks {
		switch {
		case usZones[tok]:
			month = true
		case dayFirstZones[tok]:
			day = true
		}
		// "13:44": an hour past 12 with minutes after a colon.
		if h, err := strconv.Atoi(tok); err == nil && h >= 13 && h <= 23 && len(tok) == 2 && i+1 < len(toks) {
			if at := strings.Index(line, tok+":"); at >= 0 && at+3 < len(line) && line[at+3] >= '0' && line[at+3] <= '5' {
				day = true
			}
		}
	}
	switch {
	case day && !month:
		return 1
	case month && !day:
		return -1
	}
	return 0
}

// dateTokens splits s into lower-cased runs of letters or digits.
func dateTokens(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// dayNumber reads "19" or "19th" as a day of the month.
func dayNumber(tok string) (int, bool) {
	for _, suf := range []string{"st", "nd", "rd", "th", "er", "º"} {
		tok = strings.TrimSuffix(tok, suf)
	}
	if len(tok) == 0 || len(tok) > 2 {
		return 0, false
	}
	d, err := strconv.Atoi(tok)
	return d, err == nil && d >= 1 && d <= 31
}

// yearNumber reads a four-digit year.
func yearNumber(tok string) (int, bool) {
	if len(tok) != 4 {
		return 0, false
	}
	y, err := strconv.Atoi(tok)
	return y, err == nil && y >= 1900 && y <= 2200
}

// mkDate builds a day from its written parts.
func mkDate(y, m, d string) (time.Time, bool) {
	yi, err1 := strconv.Atoi(y)
	mi, err2 := strconv.Atoi(m)
	di, err3 := strconv.Atoi(d)
	if err1 != nil || err2 != nil || err3 != nil {
		return time.Time{}, false
	}
	return mkDateInts(yi, mi, di)
}

// mkDateInts builds a day, refusing impossible ones such as 31 June.
func mkDateInts(y, m, d int) (time.Time, bool) {
	if y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return time.Time{}, false
	}
	return t, true
}

// dateLabelled reports whether a line announces a publication date:
// "Published 19 June 2024", "Posted: Fri 6:45 PM", "date 2024-06-19".
func dateLabelled(lower string) bool {
	for _, p := range []string{"published", "posted", "date", "publicado", "publié", "veröffentlicht", "updated", "last modified"} {
		if strings.Contains(lower, p) {
			return true
		}
	}
	return false
}

// updateLabels and publishLabels are the words that label a date as the
// day a page was last changed or the day it was first published.
var (
	updateLabels  = []string{"updated", "modified", "actualizado", "atualizado", "aktualisiert", "mis à jour", "mise à jour", "bijgewerkt"}
	publishLabels = []string{"published", "posted", "publicado", "publié", "veröffentlicht", "gepubliceerd", "pubblicato"}
)

// labelAt returns where in lower the first of labels starts, or -1.
func labelAt(lower string, labels []string) int {
	at := -1
	for _, w := range labels {
		if i := strings.Index(lower, w); i >= 0 && (at < 0 || i < at) {
			at = i
		}
	}
	return at
}

// updateOnly reports whether a lower-cased line labels its date as an
// update ("Updated", "Last modified") and names no publication date.
func updateOnly(lower string) bool {
	return labelAt(lower, updateLabels) >= 0 && labelAt(lower, publishLabels) < 0
}

// publishedPart returns the part of a line from its "Published" or
// "Posted" label on, when the line also labels an update: "Updated 3 May
// 2024, published 1 May 2024" gives "published 1 May 2024". Other
// lines are returned as they are.
func publishedPart(text string) string {
	lower := strings.ToLower(text)
	if len(lower) != len(text) || labelAt(lower, updateLabels) < 0 {
		return text
	}
	if i := labelAt(lower, publishLabels); i > 0 {
		return text[i:]
	}
	return text
}

// dateWithoutYear finds a month and day with no year, "Nov 19, 6:55
// AM" or "19 November", and dates it in year.
func dateWithoutYear(s string, year int) (time.Time, bool) {
	toks := dateTokens(s)
	for i, tok := range toks {
		mon, ok := monthNames[tok]
		if !ok || len(tok) < 3 {
			continue
		}
		if i+1 < len(toks) {
			if d, ok := dayNumber(toks[i+1]); ok {
				return mkDateInts(year, int(mon), d)
			}
		}
		if i > 0 {
			if d, ok := dayNumber(toks[i-1]); ok {
				return mkDateInts(year, int(mon), d)
			}
		}
	}
	return time.Time{}, false
}

// dateInURL returns the day an article's address names, as many sites
// file their articles: "/2024/06/19/", "/2024-06-19/", "/20240619/". A
// year and month alone ("/2024/06/") name no day. The day must be no
// later than notAfter.
func dateInURL(u string, notAfter time.Time) (time.Time, bool) {
	if _, rest, ok := strings.Cut(u, "://"); ok {
		u = rest
	}
	_, path, ok := strings.Cut(u, "/")
	if !ok {
		return time.Time{}, false
	}
	if i := strings.IndexAny(path, "?#"); i >= 0 {
		path = path[:i]
	}
	m := urlDate.FindStringSubmatch("/" + path + "/")
	if m == nil {
		return time.Time{}, false
	}
	t, ok := mkDate(m[1], m[2], m[3])
	if !ok || t.Year() < 1990 || t.After(notAfter) {
		return time.Time{}, false
	}
	return t, true
}

// urlDate matches a year, month and day as whole parts of a path.
var urlDate = regexp.MustCompile(`/((?:19|20)\d\d)[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?:/|[-_.][^/]*/)`)
