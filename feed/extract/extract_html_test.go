package extract

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"
)

func TestStripSiteName(t *testing.T) {
	tests := []struct {
		name, title, site, url, want string
	}{
		{"site after a bar", "Harbour town opens library | The Lantern Gazette", "The Lantern Gazette", "", "Harbour town opens library"},
		{"site after a dash", "Harbour town opens library - Lantern Gazette", "The Lantern Gazette", "", "Harbour town opens library"},
		{"site from the address", "Harbour town opens library – LANTERN", "", "https://www.lantern.example/a", "Harbour town opens library"},
		{"site first", "Lantern Gazette: News | Harbour town opens its floating library today", "", "", "Harbour town opens its floating library today"},
		{"breadcrumb", "Lantern » News » Harbour town opens library", "", "", "Harbour town opens library"},
		{"dash inside the headline is kept", "Mayor - and town - celebrate", "", "", "Mayor - and town - celebrate"},
		{"no site", "Harbour town opens library", "", "", "Harbour town opens library"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := stripSiteName(tt.title, tt.site, tt.url); got != tt.want {
				t.Errorf("stripSiteName(%q) = %q, want %q", tt.title, got, tt.want)
			}
		})
	}
}

func TestHeadline(t *testing.T) {
	tests := []struct {
		name, head, body, want string
	}{
		{"h1 agrees with og:title", `<meta property="og:title" content="Ferry returns">`, `<h1>Ferry returns</h1>`, "Ferry returns"},
		{"h1 agrees with <title>, og:title rewritten for social",
			`<title>Ferry returns to the island after a year - Gazette</title><meta property="og:title" content="The ferry is back">`,
			`<h1>Ferry returns to the island after a year</h1>`, "Ferry returns to the island after a year"},
		{"no agreeing h1: og:title", `<meta property="og:title" content="Ferry returns | Gazette"><meta property="og:site_name" content="Gazette">`,
			`<h1>Gazette</h1>`, "Ferry returns"},
		{"only <title>", `<title>Ferry returns to the island | Gazette</title>`, `<p>Text.</p>`, "Ferry returns to the island"},
		{"one h1, no metadata", ``, `<h1>Ferry  returns</h1>`, "Ferry returns"},
		{"soft hyphens dropped", `<meta property="og:title" content="Fer&shy;ry re&shy;turns">`, ``, "Ferry returns"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader("<html><head>" + tt.head + "</head><body>" + tt.body + "</body></html>"))
			if err != nil {
				t.Fatal(err)
			}
			if got := readPageMeta(doc).title; got != tt.want {
				t.Errorf("title = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestPruneSourceLinks(t *testing.T) {
	tests := []struct {
		name, in  string
		keep, cut []string
	}{
		{"read-more paragraph goes",
			`<p>The council met on Monday.</p><p>READ MORE: <a href="/x">Council votes to close the old pier for good</a></p>`,
			[]string{"The council met on Monday."}, []string{"Council votes to close"}},
		{"paragraph with a few links stays",
			`<p>The <a href="/c">council</a> met on Monday to discuss the pier and the <a href="/b">bridge</a>, which both need repair.</p>`,
			[]string{"met on Monday", "council", "bridge"}, nil},
		{"written-out address counts as text",
			`<p>Tickets: <a href="https://tickets.example">https://tickets.example/harbour-show</a></p>`,
			[]string{"https://tickets.example/harbour-show"}, nil},
		{"pop-up card inside a paragraph goes, the sentence stays",
			`<p><span>Mayor <span class="card"><a href="/p">Ann Lee</a><a href="/s1">Ann Lee opens the new harbour library with a speech on reading</a> <a href="/s2">Council budget approved after a long debate over the pier</a></span> said the pier would reopen.</span></p>`,
			[]string{"Mayor", "said the pier would reopen."}, []string{"harbour library with a speech", "Council budget"}},
		{"menu items go", `<ul><li><a href="/">Home</a></li><li><a href="/n">News</a></li></ul><p>Body text here.</p>`,
			[]string{"Body text here."}, []string{"Home", "News"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader("<html><body>" + tt.in + "</body></html>"))
			if err != nil {
				t.Fatal(err)
			}
			pruneSourceLinks(doc, false)
			var b bytes.Buffer
			if err := html.Render(&b, doc); err != nil {
				t.Fatal(err)
			}
			text := cleanSpace(nodeText(doc))
			for _, k := range tt.keep {
				if !strings.Contains(text, k) {
					t.Errorf("lost %q: %s", k, b.String())
				}
			}
			for _, c := range tt.cut {
				if strings.Contains(text, c) {
					t.Errorf("kept %q: %s", c, b.String())
				}
			}
		})
	}
}

func TestDropHeadline(t *testing.T) {
	tests := []struct {
		name, body, title, byline, want string
	}{
		{"heading and teasers above it", "### Other story\n\n## Ferry returns\n\nThe ferry is back in service after a year away.",
			"Ferry returns", "", "The ferry is back in service after a year away."},
		{"byline under the headline", "## Ferry returns\n\nBy Ann Lee\n\nThe ferry is back in service after a year away.",
			"Ferry returns", "", "The ferry is back in service after a year away."},
		{"dateline with the author's name", "11/19/2019 by Ann Lee\n\nThe ferry is back in service.",
			"Ferry returns", "Ann Lee", "The ferry is back in service."},
		{"date line", "Monday, 4 March 2024 10:15\n\nThe ferry is back in service.",
			"Ferry returns", "", "The ferry is back in service."},
		{"a heading deep in the body is not the headline",
			"The ferry is back.\n\nMore text follows here, a long paragraph of it.\n\n## Ferry returns", "Ferry returns", "",
			"The ferry is back.\n\nMore text follows here, a long paragraph of it.\n\n## Ferry returns"},
		{"a short first sentence is kept", "The ferry is back.\n\nIt sailed at noon.", "Ferry returns", "",
			"The ferry is back.\n\nIt sailed at noon."},
		{"headline and byline in one heading", "## Ferry returns by Ann Lee, 4 March 2024\n\nThe ferry is back in service.",
			"Ferry returns", "Ann Lee", "The ferry is back in service."},
		{"a heading that goes on past the headline is kept", "## Ferry returns to the island\n\nThe ferry is back in service.",
			"Ferry returns", "Ann Lee", "## Ferry returns to the island\n\nThe ferry is back in service."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := dropHeadline(tt.body, tt.title, tt.byline); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestToMarkdown(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"paragraphs", "<p>One.</p><p>Two.</p>", "One.\n\nTwo."},
		{"emphasis", "<p>A <b>bold</b> and <em>soft</em> word.</p>", "A **bold** and *soft* word."},
		{"literal asterisks escaped", "<p>Rated 5*</p>", `Rated 5\*`},
		{"headings", "<h2>Sub</h2><h4>Deep</h4>", "## Sub\n\n#### Deep"},
		{"lists", "<ul><li>a</li><li>b<ul><li>c</li></ul></li></ul><ol start=3><li>x</li></ol>", "- a\n- b\n  - c\n\n3. x"},
		{"quote", "<blockquote><p>Said.</p><p>Again.</p></blockquote>", "> Said.\n>\n> Again."},
		{"line break", "<p>Line one<br>Line two</p>", "Line one\nLine two"},
		{"table", "<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>", "| A | B |\n| --- | --- |\n| 1 | 2 |"},
		{"caption", "<figure><img src=x><figcaption>The pier at dawn.</figcaption></figure>", "*The pier at dawn.*"},
		{"text that looks like Markdown", "<p>1. Not a list</p><p># not a heading</p>", "1\\. Not a list\n\n\\# not a heading"},
		{"scripts dropped", "<p>Text.</p><script>var x = 1;</script>", "Text."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := htmlFragmentToMarkdown(tt.in); got != tt.want {
				t.Errorf("got\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

func TestCapHeadText(t *testing.T) {
	long := strings.Repeat("é", maxHeadText) // two bytes a rune: over the cap
	page := `<html><head><title>` + long + `</title><meta property="og:title" content="` + long + `"></head><body><p>Text.</p></body></html>`
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	capHeadText(doc)
	var title, meta string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "title" && n.FirstChild != nil {
			title = n.FirstChild.Data
		}
		if n.Type == html.ElementNode && n.Data == "meta" {
			meta = n.Attr[len(n.Attr)-1].Val
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	for name, got := range map[string]string{"title": title, "meta": meta} {
		if len(got) > maxHeadText || len(got) < maxHeadText-1 || !utf8.ValidString(got) {
			t.Errorf("%s cut to %d bytes (valid UTF-8: %v), want about %d", name, len(got), utf8.ValidString(got), maxHeadText)
		}
	}
}
