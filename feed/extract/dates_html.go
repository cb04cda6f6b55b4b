package extract

import (
	"time"
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
