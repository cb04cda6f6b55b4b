package extract

import (
	"time"

	"github.com/broadsheet/broadsheet/feed"
)

// publishedOverUpdate returns the published day a page prints near the
// date its markup gave, when the page labels that date as an update
// only ("Updated 13 May 2024" above "Published 8 May 2024", or above a
// plain dateline): a <time> element or the main-text reader may take the
// first date of the page, which is often the last change. It reports
// false when the page shows no such pair.
func publishedOverUpdate(x *Extractor, visible string, got time.Time) (time.Time, bool) {
	sg := segmentPool.Get().(*segments)
	defer segmentPool.Put(sg)
	lines := sg.split(visible)
	now := x.now()
	gy, gm, gd := got.Date()
	for i, l := range lines {
		if l.words > 14 || !updateOnly(l.lower) {
			continue
		}
		t, ok := parseDate(l.text, now)
		if y, m, d := t.Date(); !ok || y != gy || m != gm || d != gd {
			continue
		}
		// The nearest short dated line that is not an update.
		for dist := 1; dist <= 4; dist++ {
			for _, j := range []int{i + dist, i - dist} {
				if j < 0 || j >= len(lines) {
					continue
				}
				o := lines[j]
				if o.words > 14 || updateOnly(o.lower) {
					continue
				}
				if p, ok := parseDate(publishedPart(o.text), now); ok && p.Before(t) {
					return p, true
				}
			}
		}
		// "Updated 13 May 2024, first published 8 May 2024" on one line
		// is read by publishedPart; this line labels only its update.
	}
	return time.Time{}, false
}

// datelineOverMarkup returns the date of a page without a date in its
// metadata (date, from source): the day its visible text, read as the
// text extractor reads a scrape (r, nil when that found no article),
// prints on a dateline by the headline wins over a date trafilatura
// found in the markup, which is often the day the page was printed (a
// masthead's "Tuesday 15 January 2008" over the article's own date), a
// comment's, or a date in figures read day first on a page that writes
// the month first. A page whose markup gave no date takes the text
// reading's date, from its dateline or a labelled line elsewhere. A date
// from the page's metadata (<meta>, JSON-LD, the address) stays.
func datelineOverMarkup(date time.Time, source string, r *feed.Article) (time.Time, string) {
	if r == nil || r.Date.IsZero() {
		return date, source
	}
	switch {
	case source == feed.DateFromMarkup && r.DateSource == feed.DateFromDateline,
		date.IsZero() && (r.DateSource == feed.DateFromDateline || r.DateSource == feed.DateFromText):
		return r.Date, r.DateSource
	}
	return date, source
}
