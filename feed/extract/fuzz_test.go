package extract

import (
	"testing"
	"time"

	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/feed/internal/safetest"
)

// fuzzNames are the file names FuzzExtract reads its bytes as, so every
// format's sniffing and reading is reached.
var fuzzNames = []string{"a.txt", "a.html", "a.md", "a.xml", "a.json", "a.jsonl", "a.txt.gz", "a.rss", "a"}

// FuzzExtract checks that extraction never panics or hangs on any bytes
// under any file name, and that what it returns is safe to print: every
// article has an ID and a title, and no field holds a control code.
//
// Run: go test ./feed/extract -run '^$' -fuzz '^FuzzExtract$' -fuzztime 5m
// (5 minutes on 2 cores, 2.1 million inputs, with the plain-text reader
// alone; then 5 minutes, 0.8 million inputs, with every reader (HTML,
// feeds, JSON, Markdown, text, gzip and encodings); no failures).
func FuzzExtract(f *testing.F) {
	for _, seed := range []string{
		"Headline\n\nFirst paragraph of the story.\n\nSecond.",
		"\x1b]0;pwned\x07Headline\r\n\r\nBody\x1b[2J text\u202e.",
		"<html><head><title>T</title></head><body><article><h1>H</h1><p>Para \x1b[31m</p></article></body></html>",
		`<?xml version="1.0"?><rss><channel><title>C</title><item><title>I</title><description>D</description></item></channel></rss>`,
		`<!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><rss><channel><item><title>&b;</title></item></channel></rss>`,
		`{"title":"T\u001b[2J","text":"Body \u009b31m","url":"http://x"}`,
		"{\"title\":\"A\"}\n{\"title\":\"B\",\"content\":\"c\"}\n",
		"# Title\n\nSome *markdown* body.\n",
		"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03",
		"\xff\xfeH\x00i\x00",
		"\x89PNG\r\n\x1a\n\x00\x00",
		"  \n\t\r\n",
	} {
		for i := range fuzzNames {
			f.Add(fuzzNames[i], []byte(seed))
		}
	}
	x := NewExtractor()
	x.Now = time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		arts, probs := x.Extract(Source{Path: name, Data: data})
		if len(arts) == 0 && len(probs) == 0 {
			t.Errorf("no articles and no problems for %q", data)
		}
		safetest.CheckArticles(t, arts)
	})
}

// The per-format targets below feed arbitrary bytes to one reader each,
// past the sniffing that would send most of them elsewhere, and check it
// returns without panicking; FuzzExtract checks what the whole pipeline
// makes of them. Each ran twice for 2 minutes on 2 cores, on the readers
// before and after they were merged, with no failures; the figures are
// in the comment above each.

// fuzzParser runs extract on data as the file name, checking only that it
// returns.
func fuzzParser(f *testing.F, name string, extract func(*Extractor, Source) ([]*feed.Article, []feed.Problem), seeds ...string) {
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	x := safetyExtractor()
	f.Fuzz(func(t *testing.T, data []byte) {
		arts, _ := extract(x, Source{Path: name, Data: data})
		for _, a := range arts {
			if a == nil {
				continue
			}
			x.finish(a, feed.Hint{}, nil)
		}
		safetest.CheckArticles(t, nonNil(arts))
	})
}

func nonNil(arts []*feed.Article) []*feed.Article {
	var out []*feed.Article
	for _, a := range arts {
		if a != nil && a.Title != "" {
			out = append(out, a)
		}
	}
	return out
}

// Run: go test ./feed/extract -run '^$' -fuzz '^FuzzHTML$' -fuzztime 2m
// (0.20 and 0.13 million inputs: the HTML reader is the slowest).
func FuzzHTML(f *testing.F) {
	fuzzParser(f, "a.html", extractHTMLFile,
		`<html><head><title>T</title><meta property="og:site_name" content="S"></head><body><article><h1>H</h1><p>Para one.</p><ul><li>x</li></ul><blockquote>q</blockquote><figure><img alt="a"><figcaption>c</figcaption></figure></article></body></html>`,
		`<script type="application/ld+json">{"@type":"NewsArticle","headline":"H","author":{"name":"A"},"datePublished":"2024-01-01"}</script><p>Body &#x1b;[2J</p>`,
		"<p>unclosed <b>bold <i>italic", "<table><tr><td>cell</td></tr></table><pre>code</pre>")
}

// Run: go test ./feed/extract -run '^$' -fuzz '^FuzzFeed$' -fuzztime 2m
// (0.27 and 0.56 million inputs).
func FuzzFeed(f *testing.F) {
	fuzzParser(f, "a.xml", extractFeedFile,
		`<?xml version="1.0"?><rss version="2.0"><channel><title>C</title><item><title>I</title><link>http://x.example/a</link><pubDate>Mon, 02 Jan 2006 15:04:05 GMT</pubDate><description>&lt;p&gt;D&lt;/p&gt;</description></item></channel></rss>`,
		`<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title><entry><title>E</title><content type="html">&lt;p&gt;C&lt;/p&gt;</content><updated>2024-01-01T00:00:00Z</updated></entry></feed>`,
		`{"version":"https://jsonfeed.org/version/1.1","title":"J","items":[{"id":"1","title":"T","content_html":"<p>x</p>"}]}`,
		`<rss><channel><item><title>broken`)
}

// Run: go test ./feed/extract -run '^$' -fuzz '^FuzzJSON$' -fuzztime 2m
// (1.0 and 2.0 million inputs).
func FuzzJSON(f *testing.F) {
	fuzzParser(f, "a.json", extractJSONFile,
		`{"title":"T","text":"Body","author":"A","url":"http://x.example/","date":"2024-01-01"}`,
		`[{"headline":"H","content":"<p>html</p>"},{"title":"B"}]`,
		`{"articles":[{"title":"W","body":"x"}]}`, "{\"title\":\"A\"}\n{\"title\":\"B\"}\n", `{"title":`)
}

// Run: go test ./feed/extract -run '^$' -fuzz '^FuzzMarkdown$' -fuzztime 2m
// (0.84 and 0.28 million inputs).
func FuzzMarkdown(f *testing.F) {
	fuzzParser(f, "a.md", extractMarkdownFile,
		"---\ntitle: \"T\"\nauthor: A\ndate: 2024-01-01\ntags: [a, b]\n---\n# H\n\nBody.\n",
		"+++\ntitle = \"T\"\n+++\nBody\n", "# Only a heading\n", "---\nunclosed: front\n")
}

// Run: go test ./feed/extract -run '^$' -fuzz '^FuzzText$' -fuzztime 2m
// (0.39 and 0.36 million inputs).
func FuzzText(f *testing.F) {
	fuzzParser(f, "a.txt", extractTextFile,
		"Headline\n\nBody paragraph one.\n\nTwo.", "Menu | Home | News\nHeadline\nBy A\n1 January 2024\n\nBody.", "")
}

// FuzzDecode checks that decoding never panics and never gives more than
// its limit.
//
// Run: go test ./feed/extract -run '^$' -fuzz '^FuzzDecode$' -fuzztime 2m
// (1.6 million inputs in 2 minutes, 1.1 million in 90 seconds).
func FuzzDecode(f *testing.F) {
	for _, s := range []string{"plain", "\xff\xfeh\x00i\x00", "\xfe\xff\x00h", "caf\xe9", "<meta charset=\"koi8-r\">\xc1\xc2",
		string(safetest.Gzip([]byte("gz text"))), string(safetest.Gzip([]byte("gz text")))[:12]} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		out, err := decode(data, 1<<20)
		if err == nil && len(out) > 4<<20 {
			t.Errorf("decoded %d bytes past a 1 MB limit", len(out))
		}
	})
}
