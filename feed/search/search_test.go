package search

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/feed/words"
)

func art(id, outlet, date, title, body string) *feed.Article {
	a := &feed.Article{ID: id, Outlet: outlet, Title: title, Body: body, Lead: feed.LeadOf(body)}
	if date != "" {
		a.Date, _ = time.Parse(time.DateOnly, date)
	}
	return a
}

// testArticles are small invented articles for the behaviour tests.
func testArticles() []*feed.Article {
	return []*feed.Article{
		art("harbour", "The Lantern", "2024-03-01", "Harbour bridge reopens after repairs",
			"The harbour bridge reopened on Monday after six months of repairs.\n\nEngineers said the new cables would last fifty years."),
		art("council", "Daily Courier", "2024-03-05", "Council votes on new budget",
			"The city council voted to raise the budget for libraries.\n\nThe harbour authority asked for more money for the bridge."),
		art("election", "The Lantern", "2024-04-10", "Elections called for June",
			"The prime minister called elections for June.\n\nVoters will elect a new parliament; the last election was held in 2020."),
		art("elected", "Morning Post", "2024-04-12", "Mayor re-elected",
			"The mayor was elected for a third term, promising a safer city.\n\nTurnout was low."),
		art("zurich", "Alpine Herald", "2024-05-02", "Zürich café culture",
			"In Zürich the cafés were full. The CAFÉ owners' association said trade was up.\n\nNaïve tourists paid more."),
		art("korea", "Morning Post", "2024-06-19", "Leaders meet in Pyongyang",
			"North Korea and Russia signed a pact.\n\nKim Jong-un hosted the visit in the north of the country, far from South Korea."),
		art("undated", "", "", "Notes on gardening",
			"Gardeners planted tomatoes and beans in the spring.\n\nThe harvest was good."),
	}
}

func newTestIndex(t *testing.T) *Index {
	t.Helper()
	ix := New()
	ix.Add(testArticles()...)
	return ix
}

func ids(rs []Result) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Article.ID)
	}
	return out
}

func TestFold(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"ascii lower", "Harbour BRIDGE", []string{"harbour", "bridge"}},
		{"diacritics", "Zürich Café naïve", []string{"zurich", "cafe", "naive"}},
		{"case fold", "STRAẞE Straße", []string{"strasse", "strasse"}},
		{"no decomposition", "Øresund Łódź", []string{"oresund", "lodz"}},
		{"possessive", "Putin’s Kim's", []string{"putin", "kim"}},
		{"contraction", "don't O’Brien", []string{"dont", "obrien"}},
		{"hyphen splits", "Jong-un", []string{"jong", "un"}},
		{"digits", "covid-19 in 2024", []string{"covid", "19", "in", "2024"}},
		{"punctuation", "“quoted”, (brackets) — dash", []string{"quoted", "brackets", "dash"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tk := newTokenizer()
			var got []string
			tk.each(tt.in, func(_, _ int, f []byte) { got = append(got, string(f)) })
			if !slices.Equal(got, tt.want) {
				t.Errorf("words(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestTokenRanges(t *testing.T) {
	in := "Zürich’s café, ok"
	tk := newTokenizer()
	var got []string
	tk.each(in, func(s, e int, _ []byte) { got = append(got, in[s:e]) })
	want := []string{"Zürich’s", "café", "ok"}
	if !slices.Equal(got, want) {
		t.Errorf("ranges = %q, want %q", got, want)
	}
}

func TestStem(t *testing.T) {
	tests := []struct{ a, b string }{
		{"elections", "election"},
		{"running", "runs"},
		{"libraries", "library"},
	}
	for _, tt := range tests {
		t.Run(tt.a, func(t *testing.T) {
			if words.Stem(tt.a) != words.Stem(tt.b) {
				t.Errorf("words.Stem(%q) = %q, words.Stem(%q) = %q; want equal", tt.a, words.Stem(tt.a), tt.b, words.Stem(tt.b))
			}
		})
	}
}

func TestSearch(t *testing.T) {
	ix := newTestIndex(t)
	tests := []struct {
		name  string
		query string
		want  []string // IDs in order; nil means no results
		set   bool     // compare as a set, ignoring order
	}{
		{"single word", "harbour ", []string{"harbour", "council"}, false},
		{"all words required", "harbour budget ", []string{"council"}, false},
		{"folded query", "ZURICH ", []string{"zurich"}, false},
		{"folded document", "cafe ", []string{"zurich"}, false},
		{"accented query", "Zürich ", []string{"zurich"}, false},
		{"stemming", "elect ", []string{"election", "elected"}, true},
		{"exact form first", "elected ", []string{"elected", "election"}, false},
		{"exact form first plural", "elections ", []string{"election", "elected"}, false},
		{"title boost", "bridge ", []string{"harbour", "council"}, false},
		{"prefix while typing", "garden", []string{"undated"}, false},
		{"no prefix after space", "tomat ", nil, false},
		{"prefix completes", "tomat", []string{"undated"}, false},
		{"prefix of last word only", "harbour libr", []string{"council"}, false},
		{"phrase", `"north korea"`, []string{"korea"}, false},
		{"phrase order matters", `"korea north"`, nil, false},
		{"phrase across stop words", `"harbour bridge reopened"`, []string{"harbour"}, false},
		{"phrase gap", `"reopens after repairs"`, []string{"harbour"}, false},
		{"phrase stop word position", `"raise budget"`, nil, false},
		{"hyphenated is a phrase", "jong-un ", []string{"korea"}, false},
		{"exclusion", "harbour -budget", []string{"harbour"}, false},
		{"exclusion stems", "city -elections", []string{"council"}, false},
		{"excluded phrase", `harbour -"city council"`, []string{"harbour"}, false},
		{"outlet", "outlet:lantern", []string{"election", "harbour"}, false},
		{"outlet quoted", `outlet:"The Lantern" harbour`, []string{"harbour"}, false},
		{"outlet case", `outlet:"morning post"`, []string{"korea", "elected"}, false},
		{"after inclusive", "after:2024-04-12", []string{"korea", "zurich", "elected"}, false},
		{"before exclusive", "before:2024-03-05", []string{"harbour"}, false},
		{"date range", "after:2024-03-02 before:2024-04-12", []string{"election", "council"}, false},
		{"title word", "title:harbour", []string{"harbour"}, false},
		{"title phrase", `title:"harbour bridge"`, []string{"harbour"}, false},
		{"title stem", "title:election ", []string{"election", "elected"}, true},
		{"stop words only", "the ", nil, false},
		{"unknown word", "xylophone ", nil, false},
		{"empty", "", []string{"korea", "zurich", "elected", "election", "council", "harbour", "undated"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ids(ix.Search(tt.query, 10))
			want := tt.want
			if tt.set {
				slices.Sort(got)
				want = slices.Sorted(slices.Values(want))
			}
			if !slices.Equal(got, want) {
				t.Errorf("Search(%q) = %q, want %q", tt.query, got, want)
			}
		})
	}
}

func TestLimit(t *testing.T) {
	ix := newTestIndex(t)
	if got := ix.Search("", 3); len(got) != 3 {
		t.Errorf("len = %d, want 3", len(got))
	}
	if got := ix.Search("", 0); len(got) != len(testArticles()) {
		t.Errorf("limit 0: len = %d, want all %d", len(got), len(testArticles()))
	}
}

func TestBM25Ordering(t *testing.T) {
	ix := New()
	ix.Add(
		art("once", "", "", "A story", "The ferry sailed. Then many other things happened in the long day that followed, at length."),
		art("thrice", "", "", "Another story", "The ferry sailed and the ferry returned; the ferry was late."),
		art("long", "", "", "Long story", "The ferry sailed. "+strings.Repeat("Words fill the page of this long report. ", 60)),
	)
	got := ids(ix.Search("ferry ", 0))
	want := []string{"thrice", "once", "long"}
	if !slices.Equal(got, want) {
		t.Errorf("order = %q, want %q", got, want)
	}
}

func TestSnippet(t *testing.T) {
	ix := New()
	body := "Opening words about nothing much at all.\n\n" +
		strings.Repeat("Filler sentence without the word. ", 12) +
		"\n\nHere the **Ferry** sailed at dawn and the ferries followed.\n\n" +
		strings.Repeat("More filler text. ", 12)
	ix.Add(art("a", "", "", "Title", body))
	rs := ix.Search("ferry ", 1)
	if len(rs) != 1 {
		t.Fatalf("got %d results, want 1", len(rs))
	}
	r := rs[0]
	var matched []string
	for _, m := range r.Matches {
		matched = append(matched, r.Snippet[m[0]:m[1]])
	}
	if want := []string{"Ferry", "ferries"}; !slices.Equal(matched, want) {
		t.Errorf("matches = %q in %q, want %q", matched, r.Snippet, want)
	}
	if strings.Contains(r.Snippet, "**") {
		t.Errorf("snippet %q keeps Markdown", r.Snippet)
	}
	if !strings.HasPrefix(r.Snippet, "…") || !strings.HasSuffix(r.Snippet, "…") {
		t.Errorf("snippet %q should be marked as cut at both ends", r.Snippet)
	}
	if len(r.Snippet) > snippetLen+10 {
		t.Errorf("snippet is %d bytes, want about %d", len(r.Snippet), snippetLen)
	}
}

func TestSnippetPrefix(t *testing.T) {
	ix := newTestIndex(t)
	rs := ix.Search("garde", 1)
	if len(rs) != 1 {
		t.Fatalf("got %d results", len(rs))
	}
	r := rs[0]
	if len(r.Matches) == 0 || r.Snippet[r.Matches[0][0]:r.Matches[0][1]] != "Gardeners" {
		t.Errorf("snippet %q matches %v, want Gardeners highlighted", r.Snippet, r.Matches)
	}
}

func TestRemove(t *testing.T) {
	ix := newTestIndex(t)
	if !ix.Remove("harbour") {
		t.Fatal("Remove(harbour) = false")
	}
	if ix.Remove("harbour") {
		t.Error("second Remove(harbour) = true")
	}
	if got := ids(ix.Search("harbour ", 0)); !slices.Equal(got, []string{"council"}) {
		t.Errorf("after Remove: %q", got)
	}
	if ix.Len() != len(testArticles())-1 {
		t.Errorf("Len = %d", ix.Len())
	}
	ix.Add(testArticles()[0])
	if got := ids(ix.Search("harbour ", 0)); len(got) != 2 {
		t.Errorf("after re-Add: %q", got)
	}
}

func TestAddDuplicate(t *testing.T) {
	ix := newTestIndex(t)
	ix.Add(testArticles()...)
	if ix.Len() != len(testArticles()) {
		t.Errorf("Len = %d, want %d", ix.Len(), len(testArticles()))
	}
}

func TestManyTermsPrefix(t *testing.T) {
	// Enough new words to merge the recent terms into the sorted list.
	ix := New()
	for i := range 3000 {
		ix.Add(art(fmt.Sprint(i), "", "", fmt.Sprintf("word%04d", i), fmt.Sprintf("body text zeta%04d", i)))
	}
	if got := ix.Search("zeta2999", 0); len(got) != 1 || got[0].Article.ID != "2999" {
		t.Errorf("exact prefix: %q", ids(got))
	}
	if got := ix.Search("zeta000", 0); len(got) != 10 {
		t.Errorf("zeta000: %d results, want 10", len(got))
	}
}

func TestConcurrentAddSearch(t *testing.T) {
	ix := New()
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 200 {
				ix.Add(art(fmt.Sprint(w, "-", i), "Outlet", "2024-01-01", "Ferry news", fmt.Sprintf("The ferry number %d sailed to port%d.", i, i)))
			}
		}()
	}
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 200 {
				ix.Search(fmt.Sprintf("ferry po%d", i%10), 5)
			}
		}()
	}
	wg.Wait()
	if got := len(ix.Search("ferry ", 0)); got != 800 {
		t.Errorf("ferry: %d results, want 800", got)
	}
}

func TestPrefilter(t *testing.T) {
	tests := []struct {
		name, query, text string
		want              bool
	}{
		{"plain", "harbour", "The Harbour reopened", true},
		{"missing", "harbour", "The bridge reopened", false},
		{"all words", "harbour bridge", "The harbour is shut", false},
		{"stem form", "elections", "Voters ELECTED a mayor", true},
		{"y to i", "happy", "the happiest day", true},
		{"diacritics in file", "zurich", "Zürich cafés", true},
		{"diacritics in query", "Zürich", "ZURICH", true},
		{"apostrophe", "O'Brien", "said O’Brien", true},
		{"possessive", "putin", "Putin’s visit", true},
		{"phrase words", `"north korea"`, "North and South Korea", true},
		{"negated ignored", "harbour -bridge", "harbour bridge", true},
		{"filters only", "outlet:lantern", "anything", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := Prefilter(tt.query)
			got := f == nil || f([]byte(tt.text))
			if got != tt.want {
				t.Errorf("Prefilter(%q)(%q) = %v, want %v", tt.query, tt.text, got, tt.want)
			}
		})
	}
}

// TestMatcherAgrees checks that the one-shot matcher finds what the
// index finds, and ranks the same article first.
func TestMatcherAgrees(t *testing.T) {
	ix := newTestIndex(t)
	queries := []string{
		"harbour", "harbour budget", "ZURICH", "cafe", "Zürich", "elect", "elected", "elections",
		"bridge", "tomat", `"north korea"`, `"korea north"`, `"harbour bridge reopened"`,
		`"reopens after repairs"`, `"raise budget"`, "jong-un", "harbour -budget", "city -elections",
		`harbour -"city council"`, "outlet:lantern", `outlet:"The Lantern" harbour`,
		"after:2024-04-12", "before:2024-03-05", "title:harbour", `title:"harbour bridge"`,
		"title:election", "the", "xylophone", "",
	}
	for _, q := range queries {
		t.Run(q, func(t *testing.T) {
			want := ids(ix.Search(q+" ", 0))
			m := NewMatcher(q)
			var hits []Hit
			for _, a := range testArticles() {
				if h, ok := m.Match(a); ok {
					hits = append(hits, h)
				}
			}
			got := ids(m.Rank(hits))
			if !slices.Equal(slices.Sorted(slices.Values(got)), slices.Sorted(slices.Values(want))) {
				t.Errorf("matcher found %q, index %q", got, want)
			}
			if len(got) > 0 && len(want) > 0 && got[0] != want[0] && q != "" && !strings.Contains(q, ":") {
				t.Errorf("matcher ranks %s first, index %s", got[0], want[0])
			}
		})
	}
}

func TestFoldBytes(t *testing.T) {
	tests := []struct {
		in, want string
		sure     bool
	}{
		{"Hello WORLD, AZ az @[`{", "hello world, az az @[`{", true},
		{"The HARBOUR reopened on MONDAY after REPAIRS", "the harbour reopened on monday after repairs", true},
		{"O'Brien said ‘yes’ to Zürich’s CAFÉ", "obrien said ‘yes to zurichs cafe", true},
		{"students' union", "students union", true},
		// Past the Latin letters, as the tokenizer folds: accents gone,
		// case folded (a final sigma too), combining accents dropped.
		{"ΩΜΈΓΑ Ωμέγα λόγος Привет — “quoted”", "ωμεγα ωμεγα λογοσ привет — “quoted”", true},
		{"re\u0301sume\u0301", "resume", true},
		// Hangul written as separate letters joins up in the tokenizer.
		{"\u1112\u1161\u11ab", "\u1112\u1161\u11ab", false},
		{"", "", true},
	}
	for _, tt := range tests {
		got, sure := foldBytes(nil, []byte(tt.in))
		if string(got) != tt.want || sure != tt.sure {
			t.Errorf("foldBytes(%q) = %q, %v, want %q, %v", tt.in, got, sure, tt.want, tt.sure)
		}
	}
}

// TestResultsFill checks that results whose snippets are made on demand
// end up as Search makes them.
func TestResultsFill(t *testing.T) {
	ix := newTestIndex(t)
	snippets := 0
	for _, q := range []string{"harbour", "harbour bridge", `"north korea"`, "elect", "outlet:lantern elections", "zurich cafe"} {
		want := ix.Search(q, 0)
		got := ix.Results(q, 0)
		if len(got) != len(want) {
			t.Fatalf("%q: Results gave %d, Search %d", q, len(got), len(want))
		}
		for i := range got {
			if got[i].Snippet != "" || got[i].Matches != nil {
				t.Errorf("%q: result %d has its snippet before Fill", q, i)
			}
			got[i].Fill()
			got[i].Fill() // a second Fill changes nothing
			if got[i].Snippet != "" {
				snippets++
			}
			if got[i].Article != want[i].Article || got[i].Snippet != want[i].Snippet || !slices.Equal(got[i].Matches, want[i].Matches) {
				t.Errorf("%q: result %d = %q %v, want %q %v", q, i, got[i].Snippet, got[i].Matches, want[i].Snippet, want[i].Matches)
			}
		}
	}
	if snippets < 3 {
		t.Errorf("only %d snippets were made: the queries test little", snippets)
	}
}

// TestCheckQueryReportsBadDates: a finished date filter that is not a
// date is reported, naming it; one still being typed is not.
func TestCheckQueryReportsBadDates(t *testing.T) {
	for q, bad := range map[string]string{
		"after:yesterday flood":  "after:yesterday",
		"after:2026-13-45 flood": "after:2026-13-45",
		"flood before:soon ":     "before:soon",
		"flood after:2026-01-02": "",
		"flood after:2026-0":     "", // being typed
		"flood":                  "",
	} {
		err := CheckQuery(q)
		switch {
		case bad == "" && err != nil:
			t.Errorf("CheckQuery(%q) = %v, want nil", q, err)
		case bad != "" && (err == nil || !strings.Contains(err.Error(), bad)):
			t.Errorf("CheckQuery(%q) = %v, want an error naming %s", q, err, bad)
		}
	}
}
