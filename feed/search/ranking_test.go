package search

import (
	"context"
	"path"
	"slices"
	"strings"
	"testing"

	"github.com/broadsheet/broadsheet/data"
	"github.com/broadsheet/broadsheet/feed/extract"
	"github.com/broadsheet/broadsheet/feed/load"
)

// TestRanking runs queries over the bundled sample articles and checks
// what comes first: one of the files of the story the query is about.
func TestRanking(t *testing.T) {
	// The samples' fictional outlets are known by their signatures, as
	// the command line loads them.
	sigs, err := extract.ParseSignatures(data.Signatures)
	if err != nil {
		t.Fatal(err)
	}
	x := extract.NewExtractor()
	x.Signatures.Append(sigs...)
	store := (&load.Loader{FS: data.FS, Extractor: x}).Load(context.Background(), []string{"."})
	if store.Len() == 0 {
		t.Skip("no bundled samples")
	}
	ix := New()
	ix.Add(store.Articles()...)

	story := map[string][]string{
		"ferry":    {"meridian-wire-ferry-strike.txt", "harbour-gazette-ferry-strike-live.txt", "northfield-courier-ferry-strike.txt", "ferry-strike-analysis.txt"},
		"moss":     {"meridian-wire-moss-enzyme.txt", "lantern-bog-moss-enzyme.txt", "harbour-gazette-moss-enzyme.txt"},
		"mayor":    {"northfield-courier-mayor-election.txt", "meridian-wire-mayor-election.txt", "mayor-election-snapshot.txt", "harbour-gazette-northfield-mayor.txt"},
		"tallyfin": {"lantern-tallyfin-leak.txt", "kestrel-news-tallyfin-leak.txt", "meridian-wire-tallyfin-leak.txt"},
		"bridge":   {"northfield-courier-bridge-inquiry.txt", "meridian-wire-bridge-inquiry.txt", "valley-post-bridge-inquiry.txt"},
		"flood":    {"northfield-courier-flood.txt", "valley-post-river-ashe-flood.txt", "meridian-wire-ashe-flood.txt", "kestrel-news-flood-insurance.txt"},
		"tram":     {"harbour-gazette-tram-delay.txt", "tram-extension-delay.txt"},
		"gull":     {"harbour-gazette-gull-point-lifeboat-station.txt", "northfield-courier-gull-point-rescue.txt"},
		"library":  {"lantern-library-book-returned.txt"},
		"cheese":   {"valley-post-cheese-fair.txt"},
	}
	tests := []struct {
		name   string
		query  string
		top    []string // the first result is one of these
		absent []string // none of these may match
	}{
		{"two story words", "ferry strike", story["ferry"], nil},
		{"stemmed plural", "ferry strikes", story["ferry"], nil},
		{"rare word", "polystyrene", story["moss"], nil},
		{"two rare words", "polystyrene enzyme", story["moss"], nil},
		{"place words", "bog moss", story["moss"], nil},
		{"prefix while typing", "enzym", story["moss"], nil},
		{"short prefix", "polys", story["moss"], nil},
		{"one-off story", "cheese", story["cheese"], nil},
		{"library story", "library book", story["library"], nil},
		{"overdue book", "overdue", story["library"], nil},
		{"lifeboat", "lifeboat", story["gull"], nil},
		{"rescue story", "gull point rescue", story["gull"], nil},
		{"leak story", "tallyfin leak", story["tallyfin"], nil},
		{"election", "mayor election", story["mayor"], nil},
		{"word order and forms", "elected mayor", story["mayor"], nil},
		{"inquiry", "bridge inquiry", story["bridge"], nil},
		{"van in the river", "van river", story["bridge"], nil},
		{"flood insurance", "flood insurance", []string{"kestrel-news-flood-insurance.txt", "meridian-wire-ashe-flood.txt"}, nil},
		{"river flood", "river ashe flood", story["flood"], nil},
		{"tram delay", "tram extension delay", story["tram"], nil},
		{"tram alone", "tram", story["tram"], nil},
		{"phrase", `"fennick moor"`, story["moss"], nil},
		{"excluded outlet words", "ferry strike -harbour", story["ferry"], []string{"harbour-gazette-ferry-strike-live.txt"}},
		{"excluded word", "flood -insurance", story["flood"], []string{"kestrel-news-flood-insurance.txt"}},
		{"folded accents", "CAFÉ", story["tram"], nil},
		{"outlet filter", `outlet:"valley post" flood`, []string{"valley-post-river-ashe-flood.txt"}, []string{"northfield-courier-flood.txt"}},
		{"outlet word prefix", "outlet:meridian strike", []string{"meridian-wire-ferry-strike.txt"}, []string{"northfield-courier-ferry-strike.txt"}},
		{"before filter", "before:2026-03-10 strike", []string{"meridian-wire-ferry-strike.txt"}, []string{"northfield-courier-ferry-strike.txt"}},
		{"after filter", "after:2026-08-20 moss", []string{"harbour-gazette-moss-enzyme.txt"}, []string{"meridian-wire-moss-enzyme.txt"}},
		{"title word", "title:polystyrene", story["moss"], nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs := ix.Search(tt.query, 0)
			var got []string
			for _, r := range rs {
				got = append(got, path.Base(r.Article.Path))
			}
			if len(got) == 0 {
				t.Fatalf("Search(%q) found nothing", tt.query)
			}
			if !slices.Contains(tt.top, got[0]) {
				t.Errorf("Search(%q) ranks %s first (all: %s), want one of %s", tt.query, got[0], strings.Join(got, ", "), strings.Join(tt.top, ", "))
			}
			for _, a := range tt.absent {
				if slices.Contains(got, a) {
					t.Errorf("Search(%q) returned %s, which it excludes", tt.query, a)
				}
			}
		})
	}
}
