package extract

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
)

// mendItems fills in what gofeed leaves out of a parsed feed's items
// from the items' own XML in data: a date in an element it does not read
// (dcterms:created, issued and modified, Atom 0.3's created) or written
// with another language's names, and a link given only as a permalink
// guid.
func mendItems(f *gofeed.Feed, data []byte) {
	raws := itemRE.FindAll(data, -1)
	if len(raws) != len(f.Items) {
		raws = nil // the items cannot be matched to their XML
	}
	for i, it := range f.Items {
		if it == nil {
			continue
		}
		var raw []byte
		if raws != nil {
			raw = raws[i]
		}
		if it.PublishedParsed == nil && it.UpdatedParsed == nil {
			if t := itemDate(it, raw); !t.IsZero() {
				it.PublishedParsed = &t
			}
		}
		if strings.TrimSpace(it.Link) == "" {
			it.Link = permalink(raw)
		}
	}
}

// dateElement matches an element that may hold an item's date, with or
// without a namespace prefix.
var dateElement = regexp.MustCompile(`(?s)<((?:[\w.-]+:)?(?:published|pubDate|issued|created|date|updated|modified))(?:\s[^>]*)?>\s*([^<]+?)\s*</`)

// dateElementOrder ranks date elements: the day an item was published
// before the day it was last changed.
var dateElementOrder = []string{"published", "pubdate", "issued", "created", "date", "updated", "modified"}

// itemDate returns the date of an item gofeed found none for, or zero.
func itemDate(it *gofeed.Item, raw []byte) time.Time {
	for _, s := range []string{it.Published, it.Updated} {
		if t := feedDate(s); !t.IsZero() {
			return t
		}
	}
	found := map[string]string{}
	for _, m := range dateElement.FindAllSubmatch(raw, -1) {
		name := localName(string(m[1]))
		if _, ok := found[name]; !ok {
			found[name] = string(m[2])
		}
	}
	for _, name := range dateElementOrder {
		if t := feedDate(found[name]); !t.IsZero() {
			return t
		}
	}
	return time.Time{}
}

// guidElement matches an RSS guid, its attributes and its value.
var (
	guidElement   = regexp.MustCompile(`(?s)<guid(\s[^>]*)?>\s*(?:<!\[CDATA\[)?\s*([^<\]]*?)\s*(?:\]\]>)?\s*</guid>`)
	notPermaLinkR = regexp.MustCompile(`(?i)\bisPermaLink\s*=\s*["']\s*false\s*["']`)
)

// permalink returns the address an RSS item's guid gives as its
// permalink: one whose isPermaLink is true or, as RSS 2.0 has it by
// default, absent, and which is a web address.
func permalink(raw []byte) string {
	m := guidElement.FindSubmatch(raw)
	if m == nil || notPermaLinkR.Match(m[1]) {
		return ""
	}
	return absoluteURL(string(m[2]))
}

// rfc822Date matches an RFC 822 date whatever the language of its names:
// an optional day name, the day, a month name, the year, an optional
// time and zone ("mer., 16 nov. 2022 10:00:00 +0100").
var rfc822Date = regexp.MustCompile(`^(?:[^\s\d,]+\.?,?\s+)?(\d{1,2})\.?\s+([^\s\d.,]+)\.?,?\s+(\d{4}|\d{2})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*(\S*)`)

// feedMonths are month abbreviations feeds write that monthNames lacks,
// in French, German, Spanish, Italian, Portuguese, Dutch and Russian.
var feedMonths = monthTable([]string{
	"janv ene gen янв января январь",
	"févr fevr fev фев февр февраля февраль",
	"mär mrz maer mrt мар марта март",
	"avr abr апр апреля апрель",
	"mag мая май",
	"juin giu июн июня июнь",
	"juil lug июл июля июль",
	"ago авг августа август",
	"set сен сент сентября сентябрь",
	"okt ott out окт октября октябрь",
	"ноя нояб ноября ноябрь",
	"déc dez dic дек декабря декабрь",
})

// feedDate reads a date as a feed writes it: what ParseDate reads, or an
// RFC 822 date with its day and month named in another language, the day
// name, which the date does not need, skipped. Zero means it could not.
func feedDate(s string) time.Time {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}
	}
	if t := ParseDate(s); !t.IsZero() {
		return t
	}
	m := rfc822Date.FindStringSubmatch(s)
	if m == nil {
		return time.Time{}
	}
	name := strings.ToLower(m[2])
	mon, ok := monthNames[name]
	if !ok {
		if mon, ok = feedMonths[name]; !ok {
			return time.Time{}
		}
	}
	day, _ := strconv.Atoi(m[1])
	year, _ := strconv.Atoi(m[3])
	if len(m[3]) == 2 {
		year += 2000
	}
	hour, _ := strconv.Atoi(m[4])
	minute, _ := strconv.Atoi(m[5])
	sec, _ := strconv.Atoi(m[6])
	if day < 1 || day > 31 || hour > 23 || minute > 59 || sec > 60 {
		return time.Time{}
	}
	t := time.Date(year, mon, day, hour, minute, sec, 0, zone(m[7]))
	if t.Day() != day {
		return time.Time{} // 31 November
	}
	return t
}

// zone returns the time zone an RFC 822 date names: an offset such as
// +0100, or UTC for GMT, UT, Z and zones it cannot place.
func zone(s string) *time.Location {
	if len(s) == 5 && (s[0] == '+' || s[0] == '-') {
		h, err1 := strconv.Atoi(s[1:3])
		m, err2 := strconv.Atoi(s[3:5])
		if err1 == nil && err2 == nil {
			off := (h*60 + m) * 60
			if s[0] == '-' {
				off = -off
			}
			return time.FixedZone(s, off)
		}
	}
	return time.UTC
}
