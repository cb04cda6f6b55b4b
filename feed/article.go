// Package feed is Broadsheet's domain: the Article, the Store that keeps
// articles ordered for browsing, and the Events and Problems a load
// reports. It parses no file (see feed/extract) and reads none (see
// feed/load), and it knows nothing of terminals.
package feed

import (
	"encoding/json"
	"time"
)

// Format names the kind of file an article was read from.
type Format string

// The formats Broadsheet reads.
const (
	FormatText     Format = "text"
	FormatHTML     Format = "html"
	FormatMarkdown Format = "markdown"
	FormatFeed     Format = "feed" // RSS, Atom or JSON Feed
	FormatJSON     Format = "json" // JSON or JSON Lines from scrapers
)

// Where an article's outlet came from, in order of trust.
const (
	OutletFromMetadata  = "metadata"
	OutletFromSidecar   = "sidecar"
	OutletFromURL       = "url"
	OutletFromSignature = "signature"
	OutletFromFolder    = "folder"
)

// Where an article's date came from. A page's own metadata is surest;
// a date printed by the headline is the published one unless it is
// labelled only as an update; a date found elsewhere in the text or in
// the address is a guess.
const (
	DateFromMeta     = "meta"     // a <meta> tag, front matter, a feed's or a scraper's date field
	DateFromJSONLD   = "jsonld"   // JSON-LD datePublished (or dateCreated, dateModified)
	DateFromMarkup   = "markup"   // a <time> element or a dated element of the page's markup
	DateFromDateline = "dateline" // a date line by the headline and byline
	DateFromText     = "text"     // a labelled date elsewhere in the page's text
	DateFromURL      = "url"      // the page's address: /2024/06/19/
	DateFromSidecar  = "sidecar"  // the user's sidecar file
)

// Article is one news article, cleaned of its page's chrome.
type Article struct {
	// ID identifies the article by its content, so that moving or
	// renaming its file keeps it.
	ID     string
	Path   string
	Format Format

	Title string
	// TitleSynthesized reports whether the file had no headline and
	// Title was made from the lead.
	TitleSynthesized bool

	Outlet       string
	OutletSource string // one of the OutletFrom constants, or ""

	Date       time.Time // zero when unknown
	DateSource string    // one of the DateFrom constants, or "" with no date
	Byline     string
	URL        string

	// Lead is the article's opening paragraph as plain text.
	Lead string
	// Body is the article text as Markdown: paragraphs, lists,
	// sub-headings, quotes and captions kept, boilerplate removed.
	Body  string
	Words int
}

// DateString returns the date as YYYY-MM-DD, or "" when it is unknown.
func (a *Article) DateString() string {
	if a.Date.IsZero() {
		return ""
	}
	return a.Date.Format(time.DateOnly)
}

// articleJSON is the stable, scriptable shape of an article on the
// command line.
type articleJSON struct {
	ID               string `json:"id"`
	Path             string `json:"path"`
	Format           Format `json:"format"`
	Title            string `json:"title"`
	TitleSynthesized bool   `json:"title_synthesized"`
	Outlet           string `json:"outlet"`
	OutletSource     string `json:"outlet_source"`
	Date             string `json:"date"`
	DateSource       string `json:"date_source"`
	Byline           string `json:"byline"`
	URL              string `json:"url"`
	Lead             string `json:"lead"`
	Words            int    `json:"words"`
	Body             string `json:"body,omitempty"`
}

// JSON returns the article in the command line's JSON shape. The body is
// included only when withBody is set.
func (a *Article) JSON(withBody bool) ([]byte, error) {
	v := articleJSON{
		ID: a.ID, Path: a.Path, Format: a.Format,
		Title: a.Title, TitleSynthesized: a.TitleSynthesized,
		Outlet: a.Outlet, OutletSource: a.OutletSource,
		Date: a.DateString(), DateSource: a.DateSource, Byline: a.Byline, URL: a.URL,
		Lead: a.Lead, Words: a.Words,
	}
	if withBody {
		v.Body = a.Body
	}
	return json.Marshal(v)
}

// Problem is a file, or part of one, that could not be read as an article.
type Problem struct {
	Path   string
	Reason string
}

// String returns "path: reason", safe to print (see Safe).
func (p Problem) String() string {
	p = p.Safe()
	return p.Path + ": " + p.Reason
}
