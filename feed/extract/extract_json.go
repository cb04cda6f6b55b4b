package extract

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/dustin/go-humanize"
	"golang.org/x/net/html"

	"github.com/broadsheet/broadsheet/feed"
)

// sniffJSON reports whether data is JSON or JSON Lines: a .json, .jsonl
// or .ndjson file, or text that opens with an object or a list of them.
func sniffJSON(ext string, data []byte) bool {
	switch ext {
	case "json", "jsonl", "ndjson":
		return true
	}
	// Text may open with a bracket too ("[Updated] …"): JSON's next
	// character is a key's quote or an object.
	d := skipSpaceAndBOM(data)
	if len(d) < 2 {
		return false
	}
	next := bytes.TrimLeft(d[1:], " \t\r\n")
	if len(next) == 0 {
		return false
	}
	return d[0] == '{' && (next[0] == '"' || next[0] == '}') || d[0] == '[' && (next[0] == '{' || next[0] == ']')
}

// extractJSONFile reads articles from a scraper's JSON: one object, an
// array of objects, an object holding such an array, or JSON Lines with
// one object a line. A bad line is a problem; the others still load.
func extractJSONFile(x *Extractor, src Source) ([]*feed.Article, []feed.Problem) {
	data := skipSpaceAndBOM(src.Data)
	var whole any
	err := checkStructured("JSON", data, 0, MaxJSONDepth)
	if err == nil {
		err = json.Unmarshal(data, &whole)
		if err == nil {
			arts := jsonArticles(whole)
			if len(arts) == 0 {
				return nil, []feed.Problem{{Path: src.Path, Reason: "json: no article fields (title, text, body, content…) found"}}
			}
			return arts, nil
		}
		err = fmt.Errorf("invalid JSON: %w", err)
	}
	if !isJSONLines(Extension(src.Path), data) {
		return nil, []feed.Problem{{Path: src.Path, Reason: err.Error()}}
	}
	return jsonLines(src.Path, data)
}

// Bounds on what one JSON Lines file reports: a file of ten million bad
// lines is one problem with a count, not ten million problems, and a
// long run of bad lines ends the reading: what follows is garbage, not
// articles (a text file named .jsonl, a file cut and spliced).
const (
	// maxLineProblems is how many bad lines are reported one by one.
	maxLineProblems = 10
	// maxBadRun is how many bad lines in a row end the reading of a
	// file.
	maxBadRun = 1000
)

// jsonLines reads JSON Lines, one object a line. A bad line is a
// problem and the others still load, within the bounds above.
func jsonLines(path string, data []byte) ([]*feed.Article, []feed.Problem) {
	var (
		arts     []*feed.Article
		probs    []feed.Problem
		bad, run int
		stopped  *feed.Problem
	)
	for n := 1; len(data) > 0; n++ {
		var line []byte
		line, data, _ = bytes.Cut(data, []byte("\n"))
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		var v any
		if err := jsonLine(line, &v); err != nil {
			run++
			if bad++; bad <= maxLineProblems {
				probs = append(probs, feed.Problem{Path: path, Reason: fmt.Sprintf("line %d: invalid JSON: %v", n, err)})
			}
			if run == maxBadRun {
				stopped = &feed.Problem{Path: path, Reason: fmt.Sprintf("not read past line %d: %s invalid lines in a row", n, humanize.Comma(maxBadRun))}
				break
			}
			continue
		}
		run = 0
		arts = append(arts, jsonArticles(v)...)
	}
	if more := bad - maxLineProblems; more > 0 {
		probs = append(probs, feed.Problem{Path: path, Reason: fmt.Sprintf("… and %s more invalid lines", humanize.Comma(int64(more)))})
	}
	if stopped != nil {
		probs = append(probs, *stopped)
	}
	return arts, probs
}

// isJSONLines reports whether data that is not one JSON value is JSON
// Lines: it is named so, or one of its first lines is an object by
// itself.
func isJSONLines(ext string, data []byte) bool {
	if ext == "jsonl" || ext == "ndjson" {
		return true
	}
	for n := 0; len(data) > 0 && n < maxBadRun; n++ {
		var line []byte
		line, data, _ = bytes.Cut(data, []byte("\n"))
		var o map[string]any
		if jsonLine(bytes.TrimSpace(line), &o) == nil {
			return true
		}
	}
	return false
}

// jsonLine decodes one line of JSON Lines into v, within MaxJSONDepth.
func jsonLine(line []byte, v any) error {
	if err := checkStructured("JSON", line, 0, MaxJSONDepth); err != nil {
		return err
	}
	return json.Unmarshal(line, v)
}

// listKeys are where a wrapping object keeps its list of articles.
var listKeys = []string{"articles", "items", "data", "results", "entries", "posts", "docs"}

// jsonArticles returns the articles in one decoded JSON value.
func jsonArticles(v any) []*feed.Article {
	switch t := v.(type) {
	case []any:
		var out []*feed.Article
		for _, e := range t {
			if o, ok := e.(map[string]any); ok {
				if a := jsonArticle(o); a != nil {
					out = append(out, a)
				}
			}
		}
		return out
	case map[string]any:
		if a := jsonArticle(t); a != nil {
			return []*feed.Article{a}
		}
		for _, k := range listKeys {
			if l, ok := t[k].([]any); ok {
				return jsonArticles(l)
			}
		}
	}
	return nil
}

// jsonArticle reads one object's fields as an article, or returns nil
// when it has neither a title nor text.
func jsonArticle(o map[string]any) *feed.Article {
	lower := make(map[string]any, len(o))
	for k, v := range o {
		lower[strings.ToLower(k)] = v
	}
	a := &feed.Article{Format: feed.FormatJSON}
	for _, k := range bodyKeys {
		if s, ok := lower[k].(string); ok && strings.TrimSpace(s) != "" {
			a.Body = textToMarkdown(s)
			break
		}
		if l, ok := lower[k].([]any); ok {
			// Some scrapers keep the text as a list of paragraphs.
			var paras []string
			for _, e := range l {
				if s, ok := e.(string); ok {
					paras = append(paras, s)
				}
			}
			if len(paras) > 0 {
				a.Body = textToMarkdown(strings.Join(paras, "\n\n"))
				break
			}
		}
	}
	applyFields(a, o)
	if a.Title == "" && a.Body == "" {
		return nil
	}
	return a
}

// textToMarkdown turns a text field into a Markdown body: HTML is
// converted, and plain text keeps its paragraphs, a single line break
// counting as one when the text has no blank lines.
func textToMarkdown(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	if looksLikeHTMLFragment(s) {
		return htmlFragmentToMarkdown(s)
	}
	sep := "\n\n"
	if !strings.Contains(s, "\n\n") {
		sep = "\n"
	}
	var paras []string
	for _, p := range strings.Split(s, sep) {
		if p = strings.TrimSpace(p); p != "" {
			paras = append(paras, p)
		}
	}
	return strings.Join(paras, "\n\n")
}

// looksLikeHTMLFragment reports whether text is marked up with the tags
// article HTML is made of.
func looksLikeHTMLFragment(s string) bool {
	l := strings.ToLower(s)
	for _, t := range []string{"<p>", "<p ", "<br", "<div", "</a>", "<li>", "<h2", "<h3", "<blockquote", "<em>", "<strong>", "<img"} {
		if strings.Contains(l, t) {
			return true
		}
	}
	return false
}

// htmlFragmentToMarkdown converts a piece of article HTML to Markdown.
func htmlFragmentToMarkdown(s string) string {
	doc, err := html.Parse(strings.NewReader("<html><body>" + s + "</body></html>"))
	if err != nil {
		return strings.TrimSpace(s)
	}
	return toMarkdown(doc)
}
