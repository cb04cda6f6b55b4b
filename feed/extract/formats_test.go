package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/feed/internal/safetest"
)

// extractFile runs extraction on one testdata file.
func extractFile(t *testing.T, name string) ([]*feed.Article, []feed.Problem) {
	t.Helper()
	path := filepath.Join("testdata", name)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return testExtractor().Extract(Source{Path: path, Data: data})
}

// want is what a test expects of one article; empty fields are not
// checked, and body parts must each appear in the body.
type want struct {
	title, outlet, outletSource, date, byline, url string
	format                                         feed.Format
	body                                           []string
	notBody                                        []string
}

func checkArticle(t *testing.T, a *feed.Article, w want) {
	t.Helper()
	check := func(field, got, want string) {
		t.Helper()
		if want != "" && got != want {
			t.Errorf("%s = %q, want %q", field, got, want)
		}
	}
	check("title", a.Title, w.title)
	check("outlet", a.Outlet, w.outlet)
	check("outlet source", a.OutletSource, w.outletSource)
	check("date", a.DateString(), w.date)
	check("byline", a.Byline, w.byline)
	check("url", a.URL, w.url)
	check("format", string(a.Format), string(w.format))
	for _, b := range w.body {
		if !strings.Contains(a.Body, b) {
			t.Errorf("body lacks %q; body:\n%s", b, a.Body)
		}
	}
	for _, b := range w.notBody {
		if strings.Contains(a.Body, b) {
			t.Errorf("body holds %q; body:\n%s", b, a.Body)
		}
	}
}

func TestExtractOneArticle(t *testing.T) {
	tests := []struct {
		file string
		want want
	}{
		{"html/article.html", want{
			title: "Harbour town opens floating library", outlet: "The Lantern Gazette", outletSource: feed.OutletFromMetadata,
			date: "2024-03-14", byline: "Mira Okonkwo", url: "https://www.lanterngazette.example/news/floating-library",
			format: feed.FormatHTML,
			body: []string{
				"A converted ferry moored at the north quay",
				"## From ferry to reading room",
				"- Opening hours run from nine until dusk.",
				"> We wanted a library",
				"\n\nThe council says the boat",
			},
			notBody: []string{"Subscribe to our newsletter", "All rights reserved", "Home"},
		}},
		{"html/jsonld.html", want{
			title: "Orchard growers try night harvest", outlet: "Valley Courier", outletSource: feed.OutletFromMetadata,
			date: "2023-09-02", byline: "Tomas Lind, Ada Reyes", url: "https://valleycourier.example/farming/night-harvest",
			body: []string{"Pickers on three farms", "Floodlights mounted on tractors"},
		}},
		{"html/saved-page.mhtml", want{
			title: "Harbour town opens floating library", outlet: "The Lantern Gazette", date: "2024-03-14",
			url: "https://www.lanterngazette.example/news/floating-library", format: feed.FormatHTML,
			body: []string{"A converted ferry moored", "- Membership is free"}, notBody: []string{"margin"},
		}},
		{"html/date-in-markup.html", want{
			title: "Allotment society elects first junior chair", outlet: "allotmentnews.example", outletSource: feed.OutletFromURL,
			date: "2023-05-17", body: []string{"A fourteen-year-old"},
		}},
		{"html/no-meta.htm", want{
			title: "Lighthouse keeper retires after forty years", format: feed.FormatHTML,
			body: []string{"The last resident keeper", "The light itself has run automatically"},
		}},
		{"markdown/yaml-front.md", want{
			title: "Tram line extension approved", outlet: "Northside Herald", outletSource: feed.OutletFromMetadata,
			date: "2024-05-02", byline: "Priya Nand, Colm Walsh", url: "https://northsideherald.example/transport/tram-extension",
			format: feed.FormatMarkdown,
			body:   []string{"## What happens next", "- Surveys of the route", "> It is the most important"},
			// The heading that repeats the title is not kept in the body.
			notBody: []string{"# Tram line extension approved", "title:"},
		}},
		{"markdown/toml-front.md", want{
			title: "Choir wins regional cup", outlet: "Dale Weekly", date: "2023-11-20", byline: "Ruth Amsel",
			body: []string{"The village choir took first place"}, notBody: []string{"+++"},
		}},
		{"markdown/heading-only.markdown", want{
			title: "Ferry timetable changes for winter", format: feed.FormatMarkdown,
			body: []string{"Sailings to the islands"}, notBody: []string{"# Ferry"},
		}},
		{"markdown/no-extension", want{
			title: "Night market returns", outlet: "Quayside Times", format: feed.FormatMarkdown,
			body: []string{"Stalls selling street food"},
		}},
		{"json/one.json", want{
			title: "Museum reopens after flood repairs", outlet: "townecho.example", outletSource: feed.OutletFromURL,
			date: "2022-10-01", byline: "Nils Berg, Sara Quinn", url: "https://www.townecho.example/museum-reopens",
			format: feed.FormatJSON,
			body:   []string{"The town museum reopened on Saturday, eighteen months after floodwater filled its basement stores.\n\nConservators"},
		}},
		{"json/wrapped.json", want{
			title: "Station clock restored", outlet: "Line Times", body: []string{"The clock above the station"},
		}},
		{"gz/article.html.gz", want{
			title: "Harbour town opens floating library", format: feed.FormatHTML, body: []string{"A converted ferry"},
		}},
		{"gz/compressed-markdown", want{
			title: "Choir wins regional cup", format: feed.FormatMarkdown, outlet: "Dale Weekly",
		}},
		{"encoding/utf16le.txt", want{body: []string{"crème brûlée — and the naïve charm"}}},
		{"encoding/utf16be.txt", want{body: []string{"crème brûlée — and the naïve charm"}}},
		{"encoding/cp1252.txt", want{body: []string{"crème brûlée — and the naïve charm"}}},
		{"encoding/utf8bom.txt", want{body: []string{"crème brûlée"}}},
		{"encoding/latin1.md", want{title: "Señor Muñoz opens a bakery", body: []string{"The façade was painted"}}},
		{"encoding/latin1-feed.xml", want{title: "Crème brûlée festival", outlet: "Café Gazette", format: feed.FormatFeed, body: []string{"The façade of the café"}}},
		{"encoding/utf16-feed.xml", want{title: "Crème brûlée festival", outlet: "Café Gazette", format: feed.FormatFeed, body: []string{"The façade of the café"}}},
		{"encoding/latin1.html", want{title: "Fête du village", body: []string{"La fête a réuni", "près de la fontaine"}}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			arts, probs := extractFile(t, tt.file)
			if len(probs) > 0 {
				t.Errorf("problems: %s", safetest.ProblemText(probs))
			}
			if len(arts) != 1 {
				t.Fatalf("got %d articles, want 1", len(arts))
			}
			checkArticle(t, arts[0], tt.want)
		})
	}
}

func TestExtractManyArticles(t *testing.T) {
	tests := []struct {
		file     string
		problems []string // each must appear in the problems, in order
		want     []want
	}{
		{"feed/rss.xml", nil, []want{
			{title: "Snow closes mountain pass", outlet: "Hillside Chronicle", outletSource: feed.OutletFromMetadata,
				date: "2024-01-09", byline: "Hana Sato", url: "https://hillsidechronicle.example/2024/01/snow-pass", format: feed.FormatFeed,
				body: []string{"Heavy snow closed the high pass overnight", "\n\nPloughs are expected to clear it by the **afternoon**."}},
			{title: "School roof repaired in time for term", date: "2024-01-08", body: []string{"Builders finished the new roof"}},
		}},
		{"feed/atom.xml", nil, []want{
			{title: "Seal pups counted on the sandbanks", outlet: "Coastal Notes", date: "2024-02-10", byline: "Leo Marsh",
				url: "https://coastalnotes.example/seal-count", body: []string{"Wardens counted", "- Most were born in December."}},
		}},
		{"feed/jsonfeed.json", nil, []want{
			{title: "Peat restoration reaches halfway mark", outlet: "Moorland Bulletin", date: "2024-04-18", byline: "Iris Cole",
				format: feed.FormatFeed, body: []string{"Rangers have now re-wetted", "\n\nThe work blocks"}},
		}},
		{"feed/broken.rss", []string{"feed/broken.rss: feed: "}, []want{
			{title: "Fishing fleet returns early", outlet: "Harbour Weekly", date: "2024-03-07", body: []string{"The fleet came back"}},
			{title: "Lifeboat crew honoured", outlet: "Harbour Weekly", body: []string{"gale force winds & heavy seas"}},
		}},
		{"json/array.json", nil, []want{
			{title: "Allotment waiting list shrinks", outlet: "Parish Post", date: "2021-04-12", format: feed.FormatJSON},
			{title: "Footbridge reopens", outlet: "Parish Post", date: "2021-04-13", byline: "Eve Hart",
				body: []string{"The footbridge over the canal reopened on Monday.\n\nIt had been closed"}},
		}},
		{"json/lines.jsonl", []string{"json/lines.jsonl: line 2: invalid JSON: "}, []want{
			{title: "Wind farm approved", outlet: "Ridge Reporter", date: "2020-08-01"},
			{title: "Village fete raises record sum", outlet: "ridgereporter.example", body: []string{"The fete raised"}},
		}},
		{"gz/lines.jsonl.gz", nil, []want{{title: "Wind farm approved"}, {title: "Village fete raises record sum"}}},
		{"json/bad.json", []string{"json/bad.json: invalid JSON: "}, nil},
		{"gz/truncated.md.gz", []string{"gz/truncated.md.gz: gzip: file is truncated"}, nil},
		{"html/truncated.html", []string{"html/truncated.html: html: the file ends before </html>"}, []want{
			{title: "Bridge repairs begin", outlet: "River Post", body: []string{"Work crews closed the old stone bridge"}},
		}},
		{"html/empty.html", []string{"html/empty.html: no article text found"}, nil},
		{"feed/bomb.xml", nil, []want{{title: "Entity test", outlet: "Expanding Feed"}}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) { checkFile(t, tt.file, tt.problems, tt.want) })
	}
}

// checkFile extracts a fixture and checks that its problems name each of
// problems (or that there are none when problems is empty) and that its
// articles are want, in order. It returns the articles.
func checkFile(t *testing.T, file string, problems []string, want []want) []*feed.Article {
	t.Helper()
	arts, probs := extractFile(t, file)
	got := safetest.ProblemText(probs)
	if len(problems) == 0 && got != "" {
		t.Errorf("problems: %s", got)
	}
	for _, p := range problems {
		if !strings.Contains(got, p) {
			t.Errorf("problems %q lack %q", got, p)
		}
	}
	if len(arts) != len(want) {
		t.Fatalf("got %d articles, want %d", len(arts), len(want))
	}
	for i, w := range want {
		checkArticle(t, arts[i], w)
	}
	return arts
}

// TestEntityBombIsNotExpanded checks that a feed declaring nested custom
// entities does not expand them into a body of millions of characters.
func TestEntityBombIsNotExpanded(t *testing.T) {
	arts, _ := extractFile(t, "feed/bomb.xml")
	for _, a := range arts {
		if len(a.Body) > 1000 {
			t.Errorf("body is %d bytes: the entities were expanded", len(a.Body))
		}
	}
}

func TestSniffFormat(t *testing.T) {
	tests := []struct {
		name, path, data string
		want             feed.Format
	}{
		{"html by content", "page", "<!DOCTYPE html><html><body><p>Some words here for the page, enough of them to be read as the text of an article.</p></body></html>", feed.FormatHTML},
		{"xhtml", "page.xml", `<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body><p>Words of the page here, enough of them to be read as the text of an article.</p></body></html>`, feed.FormatHTML},
		{"rss by content", "feed.txt", `<?xml version="1.0"?><!-- a comment --><rss version="2.0"><channel><title>T</title><item><title>An item title</title></item></channel></rss>`, feed.FormatFeed},
		{"atom", "x", `<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><title>An entry title</title></entry></feed>`, feed.FormatFeed},
		{"json feed", "x.json", `{"version": "https://jsonfeed.org/version/1", "title": "T", "items": [{"title": "An item title"}]}`, feed.FormatFeed},
		{"json by content", "x.txt", `{"title": "A title", "text": "Some text."}`, feed.FormatJSON},
		{"markdown heading", "x.txt", "# A heading\n\nSome text.", feed.FormatMarkdown},
		{"plain text", "x.txt", "A title\n\nSome text that is plain.", feed.FormatText},
		{"text between rules is not front matter", "x.txt", "---\nA title here\n---\n\nSome text that is plain.", feed.FormatText},
		{"text opening with a bracket", "x.txt", "[Updated] Ferry returns\n\nSome text that is plain.", feed.FormatText},
		{"text that mentions html", "x.txt", "Why <html> tags matter\n\nSome text.", feed.FormatText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, probs := testExtractor().Extract(Source{Path: tt.path, Data: []byte(tt.data)})
			if len(arts) == 0 {
				t.Fatalf("no articles; problems: %s", safetest.ProblemText(probs))
			}
			if arts[0].Format != tt.want {
				t.Errorf("format = %s, want %s", arts[0].Format, tt.want)
			}
		})
	}
}
