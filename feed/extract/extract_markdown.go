package extract

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/broadsheet/broadsheet/feed"
)

// sniffMarkdown reports whether data is a Markdown article: a .md file,
// or text that opens with front matter or a "# " heading.
func sniffMarkdown(ext string, data []byte) bool {
	switch ext {
	case "md", "markdown", "mdown", "mkd", "mkdn":
		return true
	}
	d := skipSpaceAndBOM(data)
	switch {
	case bytes.HasPrefix(d, []byte("---\n")) || bytes.HasPrefix(d, []byte("---\r\n")):
		// Only real front matter: text between two rules is not.
		front, _, ok := splitFrontMatter(string(firstBytes(d, 16<<10)), "---")
		if ok {
			fields, err := parseYAMLFields(front)
			return err == nil && len(fields) > 0
		}
		return false
	case bytes.HasPrefix(d, []byte("+++\n")) || bytes.HasPrefix(d, []byte("+++\r\n")):
		front, _, ok := splitFrontMatter(string(firstBytes(d, 16<<10)), "+++")
		var fields map[string]any
		return ok && toml.Unmarshal([]byte(front), &fields) == nil && len(fields) > 0
	}
	return bytes.HasPrefix(d, []byte("# "))
}

// extractMarkdownFile reads a Markdown article, taking its metadata from
// YAML (---) or TOML (+++) front matter and its title, failing that, from
// its first "# " heading.
func extractMarkdownFile(x *Extractor, src Source) ([]*feed.Article, []feed.Problem) {
	text := strings.TrimPrefix(strings.ReplaceAll(string(src.Data), "\r\n", "\n"), "\ufeff")
	text = strings.TrimLeft(text, " \t\n")
	a := &feed.Article{Format: feed.FormatMarkdown}
	var probs []feed.Problem
	for _, fence := range []string{"---", "+++"} {
		front, rest, ok := splitFrontMatter(text, fence)
		if !ok {
			continue
		}
		text = rest
		var fields map[string]any
		var err error
		if fence == "+++" {
			_, err = toml.Decode(front, &fields)
		} else {
			fields, err = parseYAMLFields(front)
		}
		if err != nil {
			probs = append(probs, feed.Problem{Path: src.Path, Reason: "front matter: " + err.Error()})
		}
		applyFields(a, fields)
		break
	}
	body := strings.TrimSpace(text)
	if a.Title == "" {
		a.Title, body = firstHeading(body)
	} else if h, rest := firstHeading(body); h != "" && sameWords(h, a.Title) {
		body = rest // the heading repeats the front matter's title
	}
	a.Body = strings.TrimSpace(body)
	return []*feed.Article{a}, probs
}

// splitFrontMatter splits text that opens with a fence line into the
// front matter between the fences and the text after them.
func splitFrontMatter(text, fence string) (front, rest string, ok bool) {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	if !strings.HasPrefix(text, fence+"\n") {
		return "", text, false
	}
	body := text[len(fence)+1:]
	end := strings.Index(body, "\n"+fence+"\n")
	if end < 0 {
		if strings.HasSuffix(body, "\n"+fence) {
			end = len(body) - len(fence) - 1
		} else {
			return "", text, false
		}
	}
	rest = ""
	if end+len(fence)+2 <= len(body) {
		rest = body[end+len(fence)+2:]
	}
	return body[:end], rest, true
}

// firstHeading returns the text of a leading "# " heading and the body
// without it; when the body does not open with one, it is returned whole.
func firstHeading(body string) (title, rest string) {
	line, after, _ := strings.Cut(body, "\n")
	if !strings.HasPrefix(line, "# ") {
		return "", body
	}
	return strings.TrimSpace(strings.TrimRight(line[2:], "# ")), strings.TrimSpace(after)
}

// parseYAMLFields reads the flat YAML that front matter uses: "key: value"
// lines, with lists written inline ([a, b]) or as "- item" lines below
// their key. Nested maps are skipped.
func parseYAMLFields(front string) (map[string]any, error) {
	fields := make(map[string]any)
	var listKey string
	for i, line := range strings.Split(front, "\n") {
		trimmed := strings.TrimSpace(line)
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		if strings.HasPrefix(trimmed, "- ") && listKey != "" {
			l, _ := fields[listKey].([]string)
			fields[listKey] = append(l, unquote(trimmed[2:]))
			continue
		}
		if line != strings.TrimLeft(line, " \t") {
			continue // a nested map's field
		}
		key, val, ok := strings.Cut(line, ":")
		if !ok {
			return fields, fmt.Errorf("line %d: expected key: value", i+1)
		}
		key = strings.ToLower(strings.TrimSpace(key))
		val = strings.TrimSpace(val)
		listKey = ""
		switch {
		case val == "":
			listKey = key
		case strings.HasPrefix(val, "[") && strings.HasSuffix(val, "]"):
			var l []string
			for _, e := range strings.Split(val[1:len(val)-1], ",") {
				if e = unquote(e); e != "" {
					l = append(l, e)
				}
			}
			fields[key] = l
		default:
			fields[key] = unquote(val)
		}
	}
	return fields, nil
}

func unquote(s string) string {
	s = strings.TrimSpace(s)
	if len(s) >= 2 && (s[0] == '"' && s[len(s)-1] == '"' || s[0] == '\'' && s[len(s)-1] == '\'') {
		s = s[1 : len(s)-1]
	}
	return strings.TrimSpace(s)
}

// Field names scrapers and static-site generators use for each part of
// an article, in order of preference.
var (
	titleKeys  = []string{"title", "headline"}
	outletKeys = []string{"outlet", "source", "site", "site_name", "sitename", "publisher", "source_domain", "domain", "hostname"}
	dateKeys   = []string{"date", "published", "date_publish", "date_published", "published_at", "publishdate", "pubdate", "datepublished", "publish_date", "pub_date", "created"}
	authorKeys = []string{"author", "authors", "byline", "creator"}
	urlKeys    = []string{"url", "link", "canonical", "canonical_url", "permalink"}
	bodyKeys   = []string{"text", "body", "content", "maintext", "article", "articlebody", "content_html", "content_text", "description", "summary"}
)

// applyFields fills an article's metadata from a map of named fields,
// whose keys are matched without regard to case.
func applyFields(a *feed.Article, fields map[string]any) {
	if len(fields) == 0 {
		return
	}
	lower := make(map[string]any, len(fields))
	for k, v := range fields {
		lower[strings.ToLower(k)] = v
	}
	if a.Title == "" {
		a.Title = fieldString(lower, titleKeys)
	}
	if o := fieldString(lower, outletKeys); o != "" && a.Outlet == "" {
		a.Outlet, a.OutletSource = o, feed.OutletFromMetadata
		if d := outletFromURL("https://" + o); d != "" && !strings.ContainsAny(o, " /") {
			// A bare domain ("source_domain": "www.example.com") is an
			// address, not a name the outlet gave itself.
			a.Outlet, a.OutletSource = d, feed.OutletFromURL
		}
	}
	if a.Date.IsZero() {
		for _, k := range dateKeys {
			if t := fieldTime(lower[k]); !t.IsZero() {
				a.Date = t
				break
			}
		}
	}
	if a.Byline == "" {
		for _, k := range authorKeys {
			if n := names(lower[k]); len(n) > 0 {
				a.Byline = joinNames(n)
				break
			}
			if l, ok := lower[k].([]string); ok && len(l) > 0 {
				a.Byline = joinNames(l)
				break
			}
		}
	}
	if a.URL == "" {
		a.URL = absoluteURL(fieldString(lower, urlKeys))
	}
	if a.Outlet == "" && a.URL != "" {
		if o := outletFromURL(a.URL); o != "" {
			a.Outlet, a.OutletSource = o, feed.OutletFromURL
		}
	}
}

// fieldString returns the first of keys that holds text.
func fieldString(fields map[string]any, keys []string) string {
	for _, k := range keys {
		switch v := fields[k].(type) {
		case string:
			if v = cleanSpace(v); v != "" {
				return v
			}
		case map[string]any:
			if n := names(v); len(n) > 0 {
				return n[0]
			}
		}
	}
	return ""
}

// fieldTime reads a date field, written as text, a TOML date or a Unix
// time in seconds.
func fieldTime(v any) time.Time {
	switch t := v.(type) {
	case string:
		return ParseDate(t)
	case time.Time:
		return t
	case float64:
		if t > 1e8 && t < 1e10 {
			return time.Unix(int64(t), 0).UTC()
		}
	case int64:
		if t > 1e8 && t < 1e10 {
			return time.Unix(t, 0).UTC()
		}
	}
	return time.Time{}
}
