package extract

import (
	"bytes"
	"errors"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"

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
		front, _, ok := splitFrontMatter(string(firstBytes(d, MaxFrontMatter)), "---")
		if ok {
			fields, err := parseYAMLFields(front)
			return err == nil && len(fields) > 0
		}
		return false
	case bytes.HasPrefix(d, []byte("+++\n")) || bytes.HasPrefix(d, []byte("+++\r\n")):
		front, _, ok := splitFrontMatter(string(firstBytes(d, MaxFrontMatter)), "+++")
		if !ok {
			return false
		}
		fields, err := parseTOMLFields(front)
		return err == nil && len(fields) > 0
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
			fields, err = parseTOMLFields(front)
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

// parseTOMLFields reads TOML front matter, within the bounds that keep
// the decoder from recursing without end (see MaxFrontMatterDepth).
func parseTOMLFields(front string) (map[string]any, error) {
	if err := checkStructured("TOML", []byte(front), MaxFrontMatter, MaxFrontMatterDepth); err != nil {
		return nil, err
	}
	var fields map[string]any
	_, err := toml.Decode(front, &fields)
	return fields, err
}

// parseYAMLFields reads the top-level fields of YAML front matter: each
// scalar as the text it holds, each list of scalars as a []string.
// Nested maps are skipped, and an alias stands for its anchor only when
// that is a scalar, so aliases are never expanded into larger values.
func parseYAMLFields(front string) (map[string]any, error) {
	if err := checkStructured("YAML", []byte(front), MaxFrontMatter, MaxFrontMatterDepth); err != nil {
		return nil, err
	}
	file, err := parser.ParseBytes([]byte(front), 0, parser.AllowDuplicateMapKey())
	if err != nil {
		return nil, errors.New(firstLine(err.Error()))
	}
	fields := make(map[string]any)
	if len(file.Docs) == 0 || file.Docs[0] == nil {
		return fields, nil
	}
	var top []*ast.MappingValueNode
	switch body := file.Docs[0].Body.(type) {
	case *ast.MappingNode:
		top = body.Values
	case *ast.MappingValueNode:
		top = []*ast.MappingValueNode{body}
	case nil:
	default:
		return nil, errors.New("not a map of fields")
	}
	anchors := make(map[string]ast.Node)
	for _, kv := range top {
		key, ok := yamlScalar(kv.Key, nil)
		if !ok {
			continue
		}
		key = strings.ToLower(strings.TrimSpace(key))
		val := kv.Value
		if a, ok := val.(*ast.AnchorNode); ok {
			if name, ok := yamlScalar(a.Name, nil); ok {
				anchors[name] = a.Value
			}
			val = a.Value
		}
		if seq, ok := val.(*ast.SequenceNode); ok {
			var l []string
			for _, e := range seq.Values {
				if v, ok := yamlScalar(e, anchors); ok {
					if v = strings.TrimSpace(v); v != "" {
						l = append(l, v)
					}
				}
			}
			fields[key] = l
		} else if v, ok := yamlScalar(val, anchors); ok {
			fields[key] = strings.TrimSpace(v)
		}
	}
	return fields, nil
}

// yamlScalar returns the text of a scalar node as written (a date or a
// number is not converted), following a tag, an anchor or, when anchors
// is not nil, an alias to a scalar defined before it.
func yamlScalar(n ast.Node, anchors map[string]ast.Node) (string, bool) {
	switch v := n.(type) {
	case *ast.StringNode:
		return v.Value, true
	case *ast.LiteralNode:
		return v.Value.Value, true
	case *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode, *ast.InfinityNode, *ast.NanNode:
		return v.GetToken().Value, true
	case *ast.TagNode:
		return yamlScalar(v.Value, anchors)
	case *ast.AnchorNode:
		return yamlScalar(v.Value, nil)
	case *ast.AliasNode:
		if anchors == nil {
			return "", false
		}
		name, ok := yamlScalar(v.Value, nil)
		if !ok {
			return "", false
		}
		return yamlScalar(anchors[name], nil)
	}
	return "", false
}

// firstLine returns the first line of s: the parser's errors go on to
// quote the offending source.
func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return strings.TrimSpace(line)
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
