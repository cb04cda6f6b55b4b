package extract

import (
	"fmt"
	"strings"
	"testing"
)

// articleParas is made-up running text for page fixtures.
var articleParas = []string{
	"The harbour council voted on Tuesday to keep the floating library open through the winter, after a season in which more readers came aboard than in any year since it was launched.",
	"Librarians said the boat had lent nearly four thousand books since spring, many of them to children from the villages along the estuary who have no library of their own.",
	"The vote was not unanimous. Two councillors argued that the cost of heating the hull in January would be better spent on the branch library in the old market hall.",
	"The library will close for a week in February while its engine is serviced, and will then resume its usual round of the five landing stages on the north shore.",
}

func pageWith(head, body string) string {
	return "<!DOCTYPE html><html><head>" + head + "</head><body>" + body + "</body></html>"
}

func paras(ps ...string) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString("<p>" + p + "</p>\n")
	}
	return b.String()
}

func htmlBodyOf(t *testing.T, page string) string {
	t.Helper()
	arts, probs := NewExtractor().Extract(Source{Path: "page.html", Data: []byte(page)})
	if len(arts) != 1 {
		t.Fatalf("got %d articles, problems %v", len(arts), probs)
	}
	return arts[0].Body
}

func TestUnclosedTitle(t *testing.T) {
	body := "<div id=story>" + paras(articleParas...) + "</div>"
	for name, head := range map[string]string{
		"never closed":     "<title>Library stays open\n<script>var x = 1;</script><link rel=stylesheet href=a.css>",
		"misspelt closing": `<title id=t>Library stays open</titlevalue="true" --><meta name=x content=y>`,
		"closed, with <":   "<title>Library stays open</title>",
	} {
		t.Run(name, func(t *testing.T) {
			got := htmlBodyOf(t, pageWith(head, body))
			for _, p := range articleParas {
				if !strings.Contains(got, p) {
					t.Errorf("body lacks %q:\n%s", p[:30], got)
				}
			}
		})
	}
}

func TestTitleHoldsMarkup(t *testing.T) {
	long := strings.Repeat("word ", 50)
	for s, want := range map[string]bool{
		"Short <b> title":               false,
		long + "<script src=x>":         true,
		long + "</div>":                 true,
		long + "3 < 4 and 5 > 2":        false,
		long + "a < b <!-- comment -->": true,
	} {
		if got := titleHoldsMarkup(s); got != want {
			t.Errorf("titleHoldsMarkup(%q) = %v, want %v", s[len(s)-20:], got, want)
		}
	}
}

func TestDropRepeats(t *testing.T) {
	p := articleParas
	merged := p[0] + " " + p[1] + " " + p[2]
	tests := []struct {
		name string
		in   []string
		want []string
	}{
		{"merged block before its parts", []string{merged, p[0], p[1], p[2], p[3]}, []string{p[0], p[1], p[2], p[3]}},
		{"story printed twice", []string{p[0], p[1], p[0], p[1]}, []string{p[0], p[1]}},
		{"short lines may recur", []string{"Share this", p[0], "Share this", p[1]}, []string{"Share this", p[0], "Share this", p[1]}},
		{"nothing repeated", p, p},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := dropRepeats(strings.Join(tt.in, "\n\n"))
			if want := strings.Join(tt.want, "\n\n"); got != want {
				t.Errorf("dropRepeats =\n%s\nwant\n%s", got, want)
			}
		})
	}
}

func TestPageText(t *testing.T) {
	doc, err := parseHTML([]byte(pageWith("<title>T</title><style>p{}</style>",
		`<div>Menu <a href=/>Home</a></div><script>var x</script><p>One <b>bold</b> line<br>and the next</p><table><tr><td>Cell a</td><td>Cell b</td></tr></table>`)))
	if err != nil {
		t.Fatal(err)
	}
	want := "Menu Home\n\nOne bold line\n\nand the next\n\nCell a\n\nCell b"
	if got := pageText(doc); got != want {
		t.Errorf("pageText =\n%q\nwant\n%q", got, want)
	}
}

func TestSecondOpinion(t *testing.T) {
	p := articleParas
	// The page as a scrape reads it: a menu, the article, a footer.
	page := pageWith("<title>Library stays open</title>",
		"<ul><li><a href=/>Home</a></li><li><a href=/n>News</a></li></ul>"+paras(p...)+"<p>© 2008 The Gazette</p>")
	doc, err := parseHTML([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	article := strings.Join(p, "\n\n")
	teasers := "Council approves new ferry timetable for the winter months ahead\n\nReaders write in about the state of the coastal path near the harbour\n\nFive things to do this weekend along the estuary and its villages"
	middle := "A table of opening hours at each of the five landing stages on the north shore, with the days the boat calls at each and the times it leaves again"
	tests := []struct {
		name, body string
		wantAlt    bool
	}{
		{"extra teasers after the article: the text reading", article + "\n\n" + teasers, true},
		{"the same article: body kept", article, false},
		{"extra inside the article: body kept", p[0] + "\n\n" + p[1] + "\n\n" + middle + "\n\n" + middle + " again\n\n" + p[2] + "\n\n" + p[3], false},
		{"no body: the text reading", "", true},
		{"text reading a small part of body: body kept", article + strings.Repeat("\n\n"+teasers, 10), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := secondOpinion(NewExtractor(), "page.html", pageText(doc), tt.body)
			if isAlt := got != tt.body; isAlt != tt.wantAlt {
				t.Errorf("took the text reading: %v, want %v; got\n%s", isAlt, tt.wantAlt, got)
			}
			if tt.wantAlt {
				for _, q := range p {
					if !strings.Contains(got, q[:40]) {
						t.Errorf("text reading lacks %q:\n%s", q[:40], got)
					}
				}
				if strings.Contains(got, "Council approves") || strings.Contains(got, "Home") {
					t.Errorf("text reading kept furniture:\n%s", got)
				}
			}
		})
	}
}

// Short lines between the paragraphs (a name under each quotation)
// that the text reading lacks are the article's own: three or more such
// blocks keep body, however few their words, even when body also adds a
// list at its end that the text reading would have left out.
func TestSecondOpinionKeepsLinesInside(t *testing.T) {
	// Long paragraphs, so that the runs the names break at their edges
	// are few beside the article's.
	var p []string
	for i, q := range articleParas {
		p = append(p, q+" "+articleParas[(i+1)%len(articleParas)])
	}
	doc, err := parseHTML([]byte(pageWith("<title>Library stays open</title>", paras(p...))))
	if err != nil {
		t.Fatal(err)
	}
	list := "## More from the shore\n\n- Ferry timetable changes for the winter months ahead\n- Coastal path closed near the harbour wall after the storm\n- Five walks along the estuary and its villages this weekend"
	inside := p[0] + "\n\n– Ada R.\n\n" + p[1] + "\n\n– Ben T.\n\n" + p[2] + "\n\n– Cai M.\n\n" + p[3] + "\n\n" + list
	if got := secondOpinion(NewExtractor(), "page.html", pageText(doc), inside); !strings.Contains(got, "Ben T.") {
		t.Errorf("the names inside the article were lost:\n%s", got)
	}
	// The same body with one name: the list decides, and the text
	// reading stands.
	one := p[0] + "\n\n– Ada R.\n\n" + p[1] + "\n\n" + p[2] + "\n\n" + p[3] + "\n\n" + list
	if got := secondOpinion(NewExtractor(), "page.html", pageText(doc), one); strings.Contains(got, "More from the shore") {
		t.Errorf("one short line kept the list:\n%s", got)
	}
}

// A short paragraph the text reading takes for furniture stays: one
// line more is no reason to prefer the text reading.
func TestSecondOpinionKeepsShortParagraph(t *testing.T) {
	line := "Residents of Harbour Street objected."
	body := htmlBodyOf(t, pageWith("<title>Road plan</title>",
		"<article><h1>Road plan</h1><p>"+line+"</p><p>"+strings.Repeat(articleParas[0]+" ", 3)+"</p></article>"))
	if !strings.Contains(body, line) {
		t.Errorf("body lost %q:\n%s", line, body)
	}
}

func TestMarkdownLineBreaks(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"two breaks part paragraphs", "<div>First part.<br><br>Second part.<br />\n<br>Third.</div>", "First part.\n\nSecond part.\n\nThird."},
		{"one break stays a line break", "<p>Line one<br>line two</p>", "Line one\nline two"},
		{"source newlines are spaces", "<p>Words on\n\none line</p>", "Words on one line"},
		{"breaks at the edges dropped", "<p><br><br>Only text<br><br></p>", "Only text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := parseHTML([]byte("<html><body>" + tt.in + "</body></html>"))
			if err != nil {
				t.Fatal(err)
			}
			if got := toMarkdown(findElement(doc, "body")); got != tt.want {
				t.Errorf("toMarkdown = %q, want %q", got, tt.want)
			}
		})
	}
}

// readerComments is made-up readers' comments, long enough to pass for
// article text on their own.
var readerComments = []string{
	"I have taken my grandchildren aboard every Saturday this summer and they would be heartbroken to see it tied up for the winter months.",
	"Heating a steel hull in January is money thrown into the estuary, and the market hall branch has had a leaking roof for three years now.",
	"Why not ask the ferry company to share the cost? Half the readers I met on the boat had come over on the morning crossing from the islands.",
	"The council found money for new lamp posts on the promenade quickly enough, so it can surely find enough to keep a library afloat.",
}

func TestPruneComments(t *testing.T) {
	var comments strings.Builder
	for i, c := range readerComments {
		comments.WriteString("<p>" + c + "</p><p>Posted by reader" + string(rune('a'+i)) + " at 10:0" + string(rune('0'+i)) + "</p>\n")
	}
	story := "<div id=story>" + paras(articleParas...)
	for name, page := range map[string]string{
		"comment section by id": pageWith("<title>Library stays open</title>",
			story+`</div><div class="discussion"><div id="comments"><h4>Your views</h4>`+comments.String()+"</div></div>"),
		"comments by class": pageWith("<title>Library stays open</title>",
			story+`</div><div class="commentList box">`+comments.String()+"</div>"),
		"named anchor, flat": pageWith("<title>Library stays open</title>",
			story+`<hr><a name="commentSection"></a><b>Have your say</b><br>`+comments.String()+"</div>"),
	} {
		t.Run(name, func(t *testing.T) {
			got := htmlBodyOf(t, page)
			for _, p := range articleParas {
				if !strings.Contains(got, p) {
					t.Errorf("body lacks %q:\n%s", p[:30], got)
				}
			}
			for _, c := range readerComments {
				if strings.Contains(got, c[:40]) {
					t.Errorf("body keeps the comment %q:\n%s", c[:30], got)
				}
			}
		})
	}
}

func TestCommentName(t *testing.T) {
	for name, want := range map[string]bool{
		"comments": true, "comment": true, "Comments": true, "comment-list": true,
		"commentBody": true, "commentSection": true, "comments_container": true, "commentsBox": true,
		"commentary": false, "commentator": false, "comm": false, "story": false, "nocomments": false,
	} {
		if got := commentName(name); got != want {
			t.Errorf("commentName(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestPruneCommentsKeepsCommentary(t *testing.T) {
	page := pageWith("<title>Library stays open</title>", `<div class="commentary-body">`+paras(articleParas...)+"</div>")
	got := htmlBodyOf(t, page)
	for _, p := range articleParas {
		if !strings.Contains(got, p) {
			t.Errorf("body lacks %q:\n%s", p[:30], got)
		}
	}
}

// An article's own element may carry a class about its comments: it
// stays, and only the comment section goes.
func TestPruneCommentsKeepsArticle(t *testing.T) {
	page := pageWith("<title>Library stays open</title>", `<article class="post comments-open"><h1>Library stays open</h1>`+
		paras(articleParas...)+`</article><div id="comments"><p>`+readerComments[0]+`</p></div>`)
	got := htmlBodyOf(t, page)
	for _, p := range articleParas {
		if !strings.Contains(got, p) {
			t.Errorf("body lacks %q:\n%s", p[:30], got)
		}
	}
	if strings.Contains(got, readerComments[0][:40]) {
		t.Errorf("body keeps the comment:\n%s", got)
	}
}

func TestPruneCommentsText(t *testing.T) {
	page := pageWith("<title>Library stays open</title>", "<div id=story>"+paras(articleParas...)+
		`</div><div class="comment_container"><div class="item"><p>`+readerComments[0]+
		`</p></div></div><div><p class="commentText">`+readerComments[1]+`</p><p>`+articleParas[0]+`</p></div>`)
	doc, err := parseHTML([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	pruneComments(doc)
	got := pageText(doc)
	if strings.Contains(got, readerComments[0][:40]) || strings.Contains(got, readerComments[1][:40]) {
		t.Errorf("comments kept:\n%s", got)
	}
	if strings.Count(got, articleParas[0]) != 2 || !strings.Contains(got, articleParas[3]) {
		t.Errorf("article text lost:\n%s", got)
	}
}

func TestTrimEdges(t *testing.T) {
	article := strings.Join(articleParas, "\n\n")
	credit := "Photographs by Ada Quill for the Gazette"
	teaser := "Ferry timetable changes for spring announced by the operator."
	list := "- Landing stages: north quay, mill pier, lifeboat slip"
	other := shingles(article)
	body := strings.Join([]string{credit, article, teaser, list}, "\n\n")
	got := trimEdges(body, other)
	if strings.Contains(got, credit) || strings.Contains(got, teaser) {
		t.Errorf("kept what the other reading lacks around the article:\n%s", got)
	}
	if !strings.Contains(got, article) || !strings.Contains(got, list) {
		t.Errorf("lost the article or its list:\n%s", got)
	}
	// A paragraph inside the shared span stays, though the other reading lacks it.
	inside := strings.Join([]string{articleParas[0], teaser, articleParas[1], articleParas[2], articleParas[3]}, "\n\n")
	if got := trimEdges(inside, other); got != inside {
		t.Errorf("dropped a paragraph inside the article:\n%s", got)
	}
	// A sentence before the article stays: it may be a short lead.
	lead := "Forty boatmen objected."
	if got := trimEdges(lead+"\n\n"+article, other); !strings.Contains(got, lead) {
		t.Errorf("dropped a sentence before the article:\n%s", got)
	}
	// Readings that do not agree are left alone.
	half := shingles(articleParas[0])
	if got := trimEdges(body, half); got != body {
		t.Errorf("trimmed against a reading of a fifth of the article:\n%s", got)
	}
}

func TestPlainParagraph(t *testing.T) {
	for blk, want := range map[string]bool{
		"The library stays open.": true, "2008 was a good year.": true,
		"## Heading": false, "- item": false, "* item": false, "1. first": false, "| a | b |": false, "> quoted": false,
	} {
		if got := plainParagraph(blk); got != want {
			t.Errorf("plainParagraph(%q) = %v, want %v", blk, got, want)
		}
	}
}

// A body that is one block, the headline, date line, story and the
// links after it run together from a table cell, is not a whole article
// of which the text reading holds a fragment: when the text reading
// finds the story's paragraphs inside it, they are taken however small
// a part of the block they are. The same words in paragraphs of their
// own keep body, as before.
func TestSecondOpinionRunTogether(t *testing.T) {
	p := articleParas
	doc, err := parseHTML([]byte(pageWith("<title>Library stays open</title>",
		"<ul><li><a href=/>Home</a></li><li><a href=/n>News</a></li></ul>"+paras(p...)+"<p>© 2008 The Gazette</p>")))
	if err != nil {
		t.Fatal(err)
	}
	teasers := "Council approves new ferry timetable for the winter months ahead. Readers write in about the state of the coastal path near the harbour. Five things to do this weekend along the estuary and its villages."
	var links []string
	for i := range 12 {
		links = append(links, fmt.Sprintf("%s Part %d.", teasers, i+1))
	}
	cell := "Library stays open Tuesday, March 4, 2008 " + strings.Join(p, " ") + " More articles: " + strings.Join(links, " ")
	got := secondOpinion(NewExtractor(), "page.html", pageText(doc), cell)
	if got == cell || strings.Contains(got, "Council approves") {
		t.Errorf("kept the run-together block:\n%s", got)
	}
	for _, q := range p {
		if !strings.Contains(got, q[:40]) {
			t.Errorf("text reading lacks %q:\n%s", q[:40], got)
		}
	}
	blocks := strings.Join(p, "\n\n") + "\n\n" + strings.Join(links, "\n\n")
	if got := secondOpinion(NewExtractor(), "page.html", pageText(doc), blocks); got != blocks {
		t.Errorf("a body in paragraphs, of which the text reading is a small part, was replaced:\n%s", got)
	}
}

func TestRestoreFromReadingLead(t *testing.T) {
	body := strings.Join(articleParas[1:], "\n\n")
	lead := "HARBOURTON — The floating library will stay open all winter, the harbour council decided on Tuesday."
	caption := "Councillor Mara Vell walks along the quay beside the library boat on a grey Tuesday morning."
	for name, c := range map[string]struct {
		above string
		want  bool
	}{
		"dateline in capitals": {lead, true},
		"dateline with a dash": {"Harbourton, Eastshire -- The floating library will stay open all winter, the council decided.", true},
		"a caption":            {caption, false},
		"a possessive":         {"NORDA's survey boat was moored beside the library on a grey and windy Tuesday morning.", false},
		"in italics":           {"*" + lead + "*", false},
		"too short":            {"HARBOURTON — It stays open.", false},
	} {
		t.Run(name, func(t *testing.T) {
			alt := strings.Join(append([]string{"Library boat", c.above}, articleParas[1:]...), "\n\n")
			got := restoreFromReading(body, alt)
			if c.want {
				if want := c.above + "\n\n" + body; got != want {
					t.Errorf("lead not restored first:\n%s", got)
				}
			} else if got != body {
				t.Errorf("body changed:\n%s", got)
			}
			if strings.Contains(got, "Library boat") {
				t.Errorf("a line that is not the lead was added:\n%s", got)
			}
		})
	}
}

func TestRestoreFromReadingMiddle(t *testing.T) {
	long := "Readers on the north shore wrote to the council in their hundreds, and the letters were read aloud at the meeting, one from a boy of nine who said the boat was the only place in the village where he could borrow a book about ships, trains and the stars above the estuary."
	body := strings.Join(articleParas, "\n\n")
	alt := strings.Join([]string{articleParas[0], articleParas[1], long, "Read more: the boat's timetable for the winter.", articleParas[2], articleParas[3]}, "\n\n")
	got := restoreFromReading(body, alt)
	want := strings.Join([]string{articleParas[0], articleParas[1], long, articleParas[2], articleParas[3]}, "\n\n")
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	// What body already holds is not added twice.
	if again := restoreFromReading(want, alt); again != want {
		t.Errorf("a paragraph body holds was added again:\n%s", again)
	}
}

func TestOpensLikeDispatch(t *testing.T) {
	for s, want := range map[string]bool{
		"HARBOURTON — The council voted.":          true,
		"QUAYSIDE, Eastshire (Quay Wire) The vote": true,
		"NOBODY expected the boat to stay open.":   true,
		"Quayside, Eastshire — The council voted.": true,
		"Mara Vell walks along the quay.":          false,
		"NORDA's boat was moored by the quay.":     false,
		"AB Vell walks along the quay.":            false,
		"The council voted to keep it open.":       false,
	} {
		if got := opensLikeDispatch(s); got != want {
			t.Errorf("opensLikeDispatch(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestDropTail(t *testing.T) {
	story := strings.Join(articleParas, "\n\n")
	for name, c := range map[string]struct{ body, want string }{
		"related box's headings":  {story + "\n\n## More from the harbour\n\n### Video", story},
		"a heading inside stays":  {"## The vote\n\n" + story, "## The vote\n\n" + story},
		"a heading with a list":   {story + "\n\n## Timetable\n\n- Monday: north shore", story + "\n\n## Timetable\n\n- Monday: north shore"},
		"a body that is headings": {"## One\n\n## Two", "## One"},
		"tools row and teasers": {story + "\n\nPrint \\| E-mail to a friend \\| Share\n\nMore harbour news\n\nFerry fares rise again. The ferry company says fuel costs more.",
			story},
		"a row at the top stays": {"Harbour \\| Council \\| Library\n\n" + story, "Harbour \\| Council \\| Library\n\n" + story},
		"a sentence with a bar":  {story + "\n\nThe vote was seven to two | and the mayor abstained, as she said she would.", story + "\n\nThe vote was seven to two | and the mayor abstained, as she said she would."},
	} {
		if got := dropTail(c.body); got != c.want {
			t.Errorf("%s: got\n%s\nwant\n%s", name, got, c.want)
		}
	}
}

func TestDropRunInHeadline(t *testing.T) {
	story := articleParas[0] + "\n\n" + articleParas[1]
	title := "Library boat stays open all winter"
	for name, c := range map[string]struct{ body, want string }{
		"date line and headline": {"**Tue, 4 March 2031** Library boat stays open all winter HARBOURTON -- " + story,
			"HARBOURTON -- " + story},
		"headline on its own line": {"Posted: 4 March 2031\nLibrary boat stays open all winter\n" + story, story},
		"headline later in the story": {strings.Repeat("word ", 45) + "library boat stays open all winter and more words follow here until the end of it all",
			strings.Repeat("word ", 45) + "library boat stays open all winter and more words follow here until the end of it all"},
		"nothing after the headline": {"Library boat stays open all winter, the council says", "Library boat stays open all winter, the council says"},
		"no headline":                {story, story},
	} {
		if got := dropRunInHeadline(c.body, title); got != c.want {
			t.Errorf("%s: got\n%q\nwant\n%q", name, got, c.want)
		}
	}
	if got := dropRunInHeadline("Open Library "+story, "Open Library"); got != "Open Library "+story {
		t.Errorf("a two-word headline cut the body: %q", got)
	}
}

func TestDropLeadingDateLines(t *testing.T) {
	story := articleParas[0] + "\n\n" + articleParas[1]
	for name, c := range map[string]struct{ body, want string }{
		"dated heading":     {"##### March 4, 2031\n\n" + story, story},
		"dotted date":       {"Last updated at 9:05am on 04.03.31\n\n" + story, story},
		"two date lines":    {"Tue 4 March 2031\n\n12:40 GMT 04/03/2031\n\n" + story, story},
		"a short sentence":  {"The vote was 7-2 in 2031.\n\n" + story, "The vote was 7-2 in 2031.\n\n" + story},
		"a number, no date": {"Page 2 of 14\n\n" + story, "Page 2 of 14\n\n" + story},
		"only a date":       {"March 4, 2031", "March 4, 2031"},
	} {
		if got := dropRunInHeadline(c.body, "Library boat stays open all winter"); got != c.want {
			t.Errorf("%s: got\n%q\nwant\n%q", name, got, c.want)
		}
	}
}

func TestPruneCaptions(t *testing.T) {
	caption := "Councillor Mara Vell walks along the quay beside the library boat on a grey Tuesday morning, as readers queue on the landing stage behind her."
	for name, pic := range map[string]string{
		"figcaption":          `<figure><img src="boat.jpg" alt=""><figcaption>` + caption + `</figcaption></figure>`,
		"class names caption": `<div class="photo"><img src="boat.jpg" alt=""><p class="imgCaption">` + caption + `</p></div>`,
		"id names a cutline":  `<table><tr><td><img src="boat.jpg" alt=""></td></tr><tr><td id="story-cutline">` + caption + `</td></tr></table>`,
	} {
		t.Run(name, func(t *testing.T) {
			page := pageWith("<title>Library stays open</title>",
				"<div id=story>"+paras(articleParas[0])+pic+paras(articleParas[1:]...)+"</div>")
			got := htmlBodyOf(t, page)
			for _, p := range articleParas {
				if !strings.Contains(got, p) {
					t.Errorf("body lacks %q:\n%s", p[:30], got)
				}
			}
			if strings.Contains(got, caption[:40]) {
				t.Errorf("body keeps the caption:\n%s", got)
			}
		})
	}
	t.Run("a long element named for captions stays", func(t *testing.T) {
		page := pageWith("<title>Library stays open</title>", `<div class="story with-captions">`+paras(articleParas...)+"</div>")
		got := htmlBodyOf(t, page)
		for _, p := range articleParas {
			if !strings.Contains(got, p) {
				t.Errorf("body lacks %q:\n%s", p[:30], got)
			}
		}
	})
}

func TestClosingAddress(t *testing.T) {
	story := strings.Join(articleParas, "\n\n")
	keep := func(tail string) struct{ body, want string } {
		return struct{ body, want string }{story + "\n\n" + tail, story + "\n\n" + tail}
	}
	for name, c := range map[string]struct{ body, want string }{
		"a promotion after the story": {story + "\n\nEstuary Press Group.\n\nOur website carries the valley's news every day.\n\nDo come back soon to see us.\n\nFor all the local news, buy the printed paper from a shop near you.",
			story + "\n\nEstuary Press Group."},
		"notices and the site's terms": {story + "\n\n© Estuary Press Ltd 2031. All rights reserved.\n\nQuayLife™ is a trade mark of Estuary Press Ltd.\n\nPlease read our terms of use before using this site.",
			story},
		"an appeal after the story": {story + "\n\n**WE ARE HERE FOR YOU**\n\nCall the harbour helpline on 0100 200 300, day or night.\n\nA volunteer will listen to you in confidence.",
			story},
		"one line to the reader stays":   keep("Do come back soon to see us."),
		"a quotation stays":              keep("\"We will keep it open,\" the mayor said.\n\n\"You have our word.\""),
		"reported speech stays":          keep("We have won, the skipper told the crew.\n\nYou cannot beat a winter at sea, she says."),
		"a last line that is no address": keep("Do come back soon to see us.\n\nThe library opens at nine."),
		"the country is no reader":       keep("The US sent two boats.\n\nThe US navy sent a third."),
		"an agency's notice alone stays": keep("Copyright 2031 Quay Wire. All rights reserved.\n\n© Quay Wire 2031"),
		"a long closing paragraph stays": keep("So what can you do? " + articleParas[1] + "\n\nWrite to your councillor."),
		"in the first half it stays": {"Do come back soon to see us.\n\nFor all the local news, buy the printed paper near you.",
			"Do come back soon to see us.\n\nFor all the local news, buy the printed paper near you."},
	} {
		if got := dropTail(c.body); got != c.want {
			t.Errorf("%s: got\n%s\nwant\n%s", name, got, c.want)
		}
	}
}

// Sentences that trafilatura ran together where the page broke the line
// with <br> get their space back from the page's visible text; words
// joined on the page itself ("Quayside.net"), and sentences the page
// runs together too, stay as they are.
func TestSplitJoined(t *testing.T) {
	visible := "Ferry times\n\nThe ferry to Lowmarsh leaves at nine.\n\nThe return \"sails at dusk.\"\nTickets at Quayside.net today."
	body := "The ferry to Lowmarsh leaves at nine.The return \"sails at dusk.\"Tickets at Quayside.net today.Book early."
	want := "The ferry to Lowmarsh leaves at nine. The return \"sails at dusk.\" Tickets at Quayside.net today.Book early."
	if got := splitJoined(body, visible); got != want {
		t.Errorf("splitJoined:\n got %q\nwant %q", got, want)
	}
	if got := splitJoined("No joins here. None at all.", visible); got != "No joins here. None at all." {
		t.Errorf("splitJoined changed a body without joins: %q", got)
	}
}
