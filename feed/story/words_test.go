package story

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/broadsheet/broadsheet/data"
	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/feed/extract"
)

// TestPlainTextMatchesFeed checks that reading a paragraph in place
// gives what feed.PlainText gives, for paragraphs with and without
// Markdown and odd spacing, and for every paragraph of the samples.
func TestPlainTextMatchesFeed(t *testing.T) {
	paras := []string{
		"",
		"A plain sentence. And another one.",
		" leading space",
		"trailing space ",
		"two  spaces",
		"a\ttab",
		"a line\nbreak",
		"**bold** and __strong__ and `code`",
		"# Heading",
		"> quoted",
		"- item",
		"-5 degrees overnight",
		"back\\slash",
		"snake_case and 2*3",
		"non\u00a0breaking space",
		"em\u2003space",
		"Zoë Müller’s “quote” — dash",
		"bad \xff utf-8",
	}
	files, _ := fs.Glob(data.FS, "*.txt")
	x := extract.NewExtractor()
	for _, f := range files {
		b, _ := fs.ReadFile(data.FS, f)
		arts, _ := x.Extract(extract.Source{Path: f, Data: b})
		for _, a := range arts {
			paras = append(paras, strings.Split(a.Body, "\n\n")...)
		}
	}
	for _, p := range paras {
		if got, want := plainText(p), feed.PlainText(p); got != want {
			t.Errorf("plainText(%q) = %q, want %q", p, got, want)
		}
	}
}
