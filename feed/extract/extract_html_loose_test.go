package extract

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func renderNode(t *testing.T, n *html.Node) string {
	t.Helper()
	var b bytes.Buffer
	if err := html.Render(&b, n); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestWrapLooseText(t *testing.T) {
	for _, c := range []struct{ name, page, want string }{
		{"lead before the first paragraph",
			`<div id=story>NORTHPORT &mdash; <b>The ferry</b> ran late.<p>Second.</p><p>Third.</p></div>`,
			`<div id="story"><p>NORTHPORT — <b>The ferry</b> ran late.</p><p>Second.</p><p>Third.</p></div>`},
		{"text after a dateline heading that closed its paragraph",
			`<div><p><h3>NORTHPORT --</h3>The ferry ran late.</p><p>Second.</p></div>`,
			`<div><p></p><h3>NORTHPORT --</h3><p>The ferry ran late.</p><p></p><p>Second.</p></div>`},
		{"lines broken by <br> stay one run",
			`<table><tr><td>One line.<br>Another line.<p>Second.</p></td></tr></table>`,
			`<table><tbody><tr><td><p>One line.<br/>Another line.</p><p>Second.</p></td></tr></tbody></table>`},
		{"no paragraph beside it: left alone",
			`<div>Loose words <a href=/x>a link</a><div>Block</div></div>`,
			`<div>Loose words <a href="/x">a link</a><div>Block</div></div>`},
		{"a paragraph of only a picture does not make a caption a paragraph",
			`<div><p><img src=a.jpg></p><span>A heron over the weir</span></div>`,
			`<div><p><img src="a.jpg"/></p><span>A heron over the weir</span></div>`},
		{"white space alone is left",
			"<div>\n <p>Only.</p>\n </div>",
			"<div>\n <p>Only.</p>\n </div>"},
	} {
		t.Run(c.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader("<html><body>" + c.page + "</body></html>"))
			if err != nil {
				t.Fatal(err)
			}
			wrapLooseText(doc)
			got := renderNode(t, findElement(doc, "body"))
			got = strings.TrimSuffix(strings.TrimPrefix(got, "<body>"), "</body>")
			if got != c.want {
				t.Errorf("got\n%s\nwant\n%s", got, c.want)
			}
		})
	}
}

// TestLooseLeadKept: a lead printed as bare text before the article's
// first <p>, as older pages do, is part of the body.
func TestLooseLeadKept(t *testing.T) {
	lead := "NORTHPORT - " + articleParas[0]
	page := pageWith("<title>Library stays open</title>",
		`<div id=nav><a href=/a>Home</a> <a href=/b>Local</a></div><h1>Library stays open</h1>`+
			`<div class=story>`+lead+"\n"+paras(articleParas[1:]...)+`</div><div id=foot>Contact us</div>`)
	got := htmlBodyOf(t, page)
	for _, p := range append([]string{lead}, articleParas[1:]...) {
		if !strings.Contains(got, p) {
			t.Errorf("body lacks %q:\n%s", p[:30], got)
		}
	}
}

func TestDropScripts(t *testing.T) {
	doc, err := html.Parse(strings.NewReader(`<html><head><style>p{}</style>` +
		`<script type="application/ld+json">{"@type":"NewsArticle"}</script></head><body>` +
		`<p>Before the advertisement <script>document.write("x")</script><noscript><a href=/ad>ad</a></noscript>and after it.</p>` +
		`</body></html>`))
	if err != nil {
		t.Fatal(err)
	}
	dropScripts(doc)
	got := renderNode(t, doc)
	for _, gone := range []string{"<style", "document.write", "<noscript"} {
		if strings.Contains(got, gone) {
			t.Errorf("%q left in %s", gone, got)
		}
	}
	for _, kept := range []string{`"@type":"NewsArticle"`, "Before the advertisement and after it."} {
		if !strings.Contains(got, kept) {
			t.Errorf("%q lost from %s", kept, got)
		}
	}
}

// TestScriptInsideParagraph: the words after an advertisement's script
// and <noscript> inside a paragraph stay in the body.
func TestScriptInsideParagraph(t *testing.T) {
	mid := `<p><script>if (x) { document.write('<iframe src="/ad"></iframe>'); }</script>` +
		`<noscript><a href="/ad?x"><img src="/ad.gif"></a></noscript>Harbour wardens are looking into how the mooring lines came loose.</p>`
	page := pageWith("<title>Library stays open</title>", `<h1>Library stays open</h1><div class=story>`+
		paras(articleParas[:2]...)+mid+paras(articleParas[2:]...)+`</div>`)
	got := htmlBodyOf(t, page)
	if !strings.Contains(got, "Harbour wardens are looking into how the mooring lines came loose.") {
		t.Errorf("body lacks the paragraph after the script:\n%s", got)
	}
}
