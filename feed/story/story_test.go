package story

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/feed/extract"
)

// invented is one made-up article: its event, outlet, day in June 2026
// (0 for undated) and text (headline, blank line, paragraphs).
type invented struct {
	event  string
	outlet string
	day    int
	text   string
}

// lookAlikes are invented stories about one town, its mayor, its river
// and its new bridge: four different events a few days apart, told by
// several outlets each in their own words, plus one unrelated article.
// The same names run through all of them, so names alone cannot tell
// the events apart.
var lookAlikes = []invented{
	{"opening", "Marlow Bay Herald", 3, `Mayor Elena Varga opens the Kestrel Bridge over the Tessel

Mayor Elena Varga cut the ribbon on the Kestrel Bridge on Wednesday, opening the first new crossing of the river Tessel in Marlow Bay for forty years.

"This bridge joins the two halves of our town," Varga told a crowd of several hundred residents gathered on the east bank.

The steel arch bridge cost 48 million and took three years to build. Cyclists and pedestrians were the first to cross, followed by a procession of vintage buses.

Traffic on the old Quay Street crossing is expected to fall by a third.`},
	{"opening", "Coastal Courier", 3, `Kestrel Bridge finally open after three years of building

Marlow Bay's long-awaited Kestrel Bridge opened to traffic on Wednesday after a ribbon-cutting ceremony led by Mayor Elena Varga.

"This bridge joins the two halves of our town," Varga said as hundreds of residents watched from the river bank.

The 48 million steel arch spans the Tessel between the harbour district and the eastern estates. A parade of vintage buses made the first crossing after cyclists and walkers.

Engineers say the bridge will take a third of the traffic off the congested Quay Street crossing.`},
	{"opening", "Tessel Valley News", 4, `Crowds cross new Kestrel Bridge on its first day

Thousands of people walked across the new Kestrel Bridge in Marlow Bay on its first full day open, a day after Mayor Elena Varga cut the ribbon.

The steel arch over the Tessel, which cost 48 million, was busy from dawn with cyclists, families and commuters trying the new route.

Shopkeepers on the east bank reported their best trade in years. Varga said the crossing would ease congestion on Quay Street within weeks.`},

	{"flood", "Marlow Bay Herald", 6, `Tessel floods: Varga declares emergency and closes Kestrel Bridge

Mayor Elena Varga declared a state of emergency in Marlow Bay on Saturday after the river Tessel burst its banks following two days of torrential rain.

The Kestrel Bridge, opened only three days ago, was closed to traffic as floodwater rose around its eastern approach. Police evacuated 300 homes in the harbour district.

"Nobody should try to drive through floodwater," Varga said at an emergency briefing. Sandbags were handed out at the fire station on Mill Lane, and the council opened the sports hall as a shelter for evacuated families.`},
	{"flood", "Coastal Courier", 6, `Hundreds evacuated as river Tessel bursts its banks

Police moved hundreds of residents out of the harbour district of Marlow Bay on Saturday as the Tessel flooded after torrential rain, and the mayor declared a state of emergency.

Elena Varga ordered the closure of the new Kestrel Bridge when water reached its eastern approach road. "Nobody should try to drive through floodwater," she warned.

Evacuated families are sleeping in the council sports hall. Sandbags are available from the Mill Lane fire station, and forecasters expect more rain overnight.`},

	{"contract", "Marlow Bay Herald", 9, `Deputy mayor resigns over Kestrel Bridge contract

Marlow Bay's deputy mayor, Tomas Reyne, resigned on Tuesday after auditors found that the steel contract for the Kestrel Bridge was awarded to a firm owned by his brother-in-law.

The audit found the contract was signed without a tender and that invoices worth 6 million were paid twice.

Mayor Elena Varga said she had accepted the resignation and asked police to investigate. "Public money must be spent honestly," she said. Reyne denies wrongdoing.`},
	{"contract", "Tessel Valley News", 9, `Audit of bridge steel deal forces Reyne out

Tomas Reyne quit as deputy mayor of Marlow Bay on Tuesday, hours after an audit report said he had steered the Kestrel Bridge steel contract to his brother-in-law's company without a tender.

Auditors also found 6 million in invoices that had been paid twice. Mayor Elena Varga has referred the findings to police.

Reyne said in a statement that he had done nothing wrong and would clear his name.`},

	{"rovers", "Coastal Courier", 7, `Marlow Bay Rovers win the county cup on penalties

Marlow Bay Rovers won the county cup for the first time since 1998, beating Fenwick Town 5-4 on penalties after a 2-2 draw at Harbour Park.

Goalkeeper Sam Okafor saved the decisive kick from Fenwick's captain. Manager Ines Moll said the squad had earned a night of celebration.`},
}

// fixture turns invented articles into extracted ones, as the loader
// would, and returns them with their events by article ID.
func fixture(t testing.TB, src []invented) ([]*feed.Article, map[string]string) {
	t.Helper()
	x := extract.NewExtractor()
	x.Now = time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)
	var arts []*feed.Article
	events := make(map[string]string)
	for i, in := range src {
		h := feed.Hint{Outlet: in.outlet}
		if in.day > 0 {
			h.Date = time.Date(2026, 6, in.day, 0, 0, 0, 0, time.UTC)
		}
		got, probs := x.Extract(extract.Source{Path: fmt.Sprintf("%s/%02d.txt", in.event, i), Data: []byte(in.text), Hint: h})
		if len(got) != 1 || len(probs) > 0 {
			t.Fatalf("extract %s %d: %d articles, problems %v", in.event, i, len(got), probs)
		}
		arts = append(arts, got[0])
		events[got[0].ID] = in.event
	}
	return arts, events
}

// grouping returns a set's stories as sorted lists of the events of
// their articles, one string a story, sorted: a form that ignores IDs.
func grouping(s *Set, events map[string]string) []string {
	var out []string
	for _, st := range s.Stories() {
		var evs []string
		for _, a := range st.Articles {
			evs = append(evs, events[a.ID])
		}
		slices.Sort(evs)
		out = append(out, strings.Join(evs, " "))
	}
	slices.Sort(out)
	return out
}

func TestLookAlikeStoriesStayApart(t *testing.T) {
	arts, events := fixture(t, lookAlikes)
	s := New(Options{})
	s.Add(arts...)
	want := []string{
		"contract contract",
		"flood flood",
		"opening opening opening",
		"rovers",
	}
	if got := grouping(s, events); !slices.Equal(got, want) {
		t.Errorf("grouping:\n got %q\nwant %q", got, want)
	}
}

func TestDateWindowKeepsRetellingsApart(t *testing.T) {
	// The same report a month later is a different story.
	src := []invented{lookAlikes[0], lookAlikes[1]}
	src[1].day = 30
	arts, events := fixture(t, src)
	s := New(Options{})
	s.Add(arts...)
	if got, want := grouping(s, events), []string{"opening", "opening"}; !slices.Equal(got, want) {
		t.Errorf("grouping: got %q, want %q", got, want)
	}
	wide := New(Options{Window: 40 * 24 * time.Hour})
	wide.Add(arts...)
	if got, want := grouping(wide, events), []string{"opening opening"}; !slices.Equal(got, want) {
		t.Errorf("with a wide window: got %q, want %q", got, want)
	}
}

// snapshot is everything a set shows but story IDs, as text, to
// compare two sets. A story keeps the ID it was first given, so IDs
// depend on the order articles came in (see TestStoryIDLasts).
func snapshot(s *Set) string {
	var b strings.Builder
	for _, st := range s.Stories() {
		fmt.Fprintf(&b, "%q %s %v\n", st.Title, st.Date.Format(time.DateOnly), st.Outlets)
		for _, a := range st.Articles {
			fmt.Fprintf(&b, "  %s %q\n", a.ID, st.Only(a.ID))
		}
	}
	return b.String()
}

func TestIncrementalMatchesBatch(t *testing.T) {
	arts, _ := fixture(t, lookAlikes)
	batch := New(Options{})
	batch.Add(arts...)
	want := snapshot(batch)

	rng := rand.New(rand.NewPCG(1, 2))
	for round := range 20 {
		order := slices.Clone(arts)
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		s := New(Options{})
		for len(order) > 0 {
			n := 1 + rng.IntN(3)
			n = min(n, len(order))
			s.Add(order[:n]...)
			order = order[n:]
		}
		if got := snapshot(s); got != want {
			t.Fatalf("round %d: incremental build differs from batch:\n got:\n%s\nwant:\n%s", round, got, want)
		}
	}
}

func TestRemoveMatchesBatchWithout(t *testing.T) {
	arts, _ := fixture(t, lookAlikes)
	for i, gone := range arts {
		t.Run(fmt.Sprintf("remove %d", i), func(t *testing.T) {
			s := New(Options{})
			s.Add(arts...)
			s.Remove(gone.ID)

			rest := slices.Delete(slices.Clone(arts), i, i+1)
			batch := New(Options{})
			batch.Add(rest...)
			if got, want := snapshot(s), snapshot(batch); got != want {
				t.Errorf("after removal:\n got:\n%s\nwant:\n%s", got, want)
			}
			if id := s.Of(gone.ID); id != "" {
				t.Errorf("removed article is still in story %s", id)
			}
		})
	}
}

func TestStoryFields(t *testing.T) {
	arts, events := fixture(t, lookAlikes)
	s := New(Options{})
	s.Add(arts...)
	var opening *Story
	for _, st := range s.Stories() {
		if events[st.Articles[0].ID] == "opening" {
			opening = st
		}
	}
	if opening == nil {
		t.Fatal("no opening story")
	}
	first := arts[0] // dated the 3rd, like arts[1]: the lower ID is first
	if arts[1].ID < first.ID {
		first = arts[1]
	}
	tests := []struct {
		name      string
		got, want any
	}{
		{"id is its earliest article's", opening.ID, storyID(first.ID, 0)},
		{"date is the newest", opening.Date.Day(), 4},
		{"outlets by name", fmt.Sprint(opening.Outlets), "[Coastal Courier Marlow Bay Herald Tessel Valley News]"},
		{"articles newest first", events[opening.Articles[0].ID] + " " + opening.Articles[0].Outlet, "opening Tessel Valley News"},
		{"every article knows its story", s.Of(arts[2].ID), opening.ID},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %v, want %v", tt.got, tt.want)
			}
		})
	}
	if !slices.ContainsFunc(arts[:3], func(a *feed.Article) bool { return a.Title == opening.Title }) {
		t.Errorf("title %q is not one of the story's headlines", opening.Title)
	}
}

func TestStoryIDLasts(t *testing.T) {
	arts, _ := fixture(t, lookAlikes[:3]) // the opening: the 3rd, the 3rd, the 4th
	s := New(Options{})
	s.Add(arts[2])
	id := s.Of(arts[2].ID)
	s.Add(arts[0]) // a day earlier
	if got := s.Of(arts[0].ID); got != id {
		t.Errorf("an earlier article joined story %s, want %s", got, id)
	}
	if got := s.Of(arts[2].ID); got != id {
		t.Errorf("story ID changed from %s to %s when an earlier article joined", id, got)
	}
	s.Add(arts[1])
	s.Remove(arts[2].ID) // the article the ID was derived from
	for _, a := range arts[:2] {
		if got := s.Of(a.ID); got != id {
			t.Errorf("story ID changed from %s to %s when its first article left", id, got)
		}
	}
	if st, ok := s.Story(id); !ok || len(st.Articles) != 2 {
		t.Errorf("Story(%s) = %v, %v; want the story of two articles", id, st, ok)
	}
}

func TestStoryIDsAreUnique(t *testing.T) {
	// The story named after its first article loses that article to a
	// story of its own: the two must not share the name.
	arts, _ := fixture(t, lookAlikes)
	s := New(Options{})
	s.Add(arts...)
	for _, a := range arts {
		s.Remove(a.ID)
		s.Add(a)
		seen := make(map[string]bool)
		for _, st := range s.Stories() {
			if seen[st.ID] {
				t.Fatalf("two stories are named %s", st.ID)
			}
			seen[st.ID] = true
			for _, m := range st.Articles {
				if got := s.Of(m.ID); got != st.ID {
					t.Fatalf("Of(%s) = %s, want %s", m.ID, got, st.ID)
				}
			}
		}
	}
}

func TestStoryIDLastsAsLaterArticlesJoin(t *testing.T) {
	arts, _ := fixture(t, lookAlikes[:3])
	s := New(Options{})
	s.Add(arts[0])
	before := s.Of(arts[0].ID)
	s.Add(arts[2]) // dated a day later
	if got := s.Of(arts[0].ID); got != before {
		t.Errorf("story ID changed from %s to %s when a later article joined", before, got)
	}
	if got := s.Of(arts[2].ID); got != before {
		t.Errorf("the later article is in story %s, want %s", got, before)
	}
}

func TestOnlyInThisArticle(t *testing.T) {
	arts, events := fixture(t, lookAlikes)
	s := New(Options{})
	s.Add(arts...)
	var flood *Story
	for _, st := range s.Stories() {
		if events[st.Articles[0].ID] == "flood" {
			flood = st
		}
	}
	if flood == nil || len(flood.Articles) != 2 {
		t.Fatal("no two-article flood story")
	}
	herald, courier := arts[3], arts[4]
	tests := []struct {
		name     string
		article  *feed.Article
		sentence string
		only     bool
	}{
		{"a fact only one outlet has", herald, "Police evacuated 300 homes in the harbour district.", true},
		{"a fact only the other has", courier, "Sandbags are available from the Mill Lane fire station, and forecasters expect more rain overnight.", true},
		{"a quote both printed", herald, `"Nobody should try to drive through floodwater," Varga said at an emergency briefing.`, false},
		{"the same quote, attributed differently", courier, `"Nobody should try to drive through floodwater," she warned.`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := slices.Contains(flood.Only(tt.article.ID), tt.sentence)
			if got != tt.only {
				t.Errorf("sentence %q only in this article = %v, want %v; only: %q", tt.sentence, got, tt.only, flood.Only(tt.article.ID))
			}
		})
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"plain", "One went. Two came! Three?", []string{"One went.", "Two came!", "Three?"}},
		{"titles and initials", "Mr. Reyne met J. K. Moll. Then he left.", []string{"Mr. Reyne met J. K. Moll.", "Then he left."}},
		{"closing quote", `"It is done." She left.`, []string{`"It is done."`, "She left."}},
		{"decimal", "It cost 4.5 million. Later more.", []string{"It cost 4.5 million.", "Later more."}},
		{"lines", "Heading\nBody text here.", []string{"Heading", "Body text here."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := sentences(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("sentences(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestTokens(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"folds accents and case", "Zoë MÜLLER", "zoe muller"},
		{"splits hyphens and drops possessives", "Kim Jong-un's pact", "kim jong un pact"},
		{"stems", "signed signing signs", "sign sign sign"},
		{"stems alike", "close closes closed closing", "clos clos clos clos"},
		{"drops stop words", "the bridges of the town", "bridg town"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var terms []string
			var tz tokenizer
			for i := 0; ; {
				w, next := nextWord(tt.in, i)
				if w == "" {
					break
				}
				i = next
				if term, kind := tz.term(w); kind == content {
					terms = append(terms, string(term))
				}
			}
			if got := strings.Join(terms, " "); got != tt.want {
				t.Errorf("words of %q = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestReaddingReplacesArticle(t *testing.T) {
	arts, _ := fixture(t, lookAlikes[:2])
	s := New(Options{})
	s.Add(arts...)
	copyOf := *arts[0]
	copyOf.Path = "elsewhere.txt"
	s.Add(&copyOf)
	st, _ := s.Story(s.Of(arts[0].ID))
	if st == nil || !slices.ContainsFunc(st.Articles, func(a *feed.Article) bool { return a.Path == "elsewhere.txt" }) {
		t.Errorf("re-added article not replaced in its story")
	}
	if s.Len() != 1 {
		t.Errorf("stories: got %d, want 1", s.Len())
	}
}

func TestOnlyKeepsQuotationsWhole(t *testing.T) {
	quote := "“We will rebuild the crossing stone by stone. It will take the best part of a year. Nobody in the valley will be left behind,” the mayor told the council on Monday."
	straight := `"Every ferry will run until midnight. Fares are frozen for the winter," the operator said in a statement.`
	a := &feed.Article{ID: "a", Title: "Mayor promises to rebuild the valley crossing", Outlet: "Valley Courier",
		Body: "The old crossing collapsed in the storm last week after days of rain.\n\n" + quote + " Traffic on the bypass was light by evening.\n\n" + straight}
	b := &feed.Article{ID: "b", Title: "Mayor promises to rebuild the valley crossing", Outlet: "Northern Ledger",
		Body: "The old crossing collapsed in the storm last week after days of rain.\n\nEngineers from the county will survey the riverbanks next month."}
	got := only([]*feed.Article{a, b})["a"]
	for _, want := range []string{quote, straight, "Traffic on the bypass was light by evening."} {
		if !slices.Contains(got, want) {
			t.Errorf("only lacks %q as one sentence; got %q", want, got)
		}
	}
}

func TestJoinQuotations(t *testing.T) {
	tests := []struct {
		name string
		in   []string
		want []string
	}{
		{"no quotation", []string{"One went.", "Two came."}, []string{"One went.", "Two came."}},
		{"closed in one sentence", []string{"“It is done.”", "She left."}, []string{"“It is done.”", "She left."}},
		{"curly across sentences", []string{"“One.", "Two.”", "After."}, []string{"“One. Two.”", "After."}},
		{"straight across sentences", []string{`He said: "One.`, `Two," and left.`, "After."}, []string{`He said: "One. Two," and left.`, "After."}},
		{"apostrophes do not open", []string{"The mayor’s plan.", "It's late."}, []string{"The mayor’s plan.", "It's late."}},
		{"never closed", []string{"“One.", "Two."}, []string{"“One. Two."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := joinQuotations(slices.Clone(tt.in)); !slices.Equal(got, tt.want) {
				t.Errorf("joinQuotations(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestHasWords(t *testing.T) {
	for _, text := range []string{
		"", " ", "one", "one two three four five", "one two three four five six",
		"  one\ttwo\nthree\vfour\ffive\rsix  ", "one\u00a0two\u0085three\u2003four five six",
		"one two three four five\u00a0", "caf\xe9 au lait is not \xff\xfe valid text", "“Six”  words, “in” quotes — here.",
	} {
		for n := range 8 {
			if got, want := hasWords(text, n), len(strings.Fields(text)) >= n; got != want {
				t.Errorf("hasWords(%q, %d) = %v, want %v", text, n, got, want)
			}
		}
	}
}

// TestJoinQuotationsByteForByte checks that reading bytes for the quotes
// finds what reading runes does, in text that is not all valid UTF-8.
func TestJoinQuotationsByteForByte(t *testing.T) {
	reference := func(sents []string) []string {
		var out []string
		curly, straight := 0, 0
		for _, s := range sents {
			if len(out) > 0 && (curly > 0 || straight%2 == 1) {
				out[len(out)-1] += " " + s
			} else {
				out = append(out, s)
			}
			for _, r := range s {
				switch r {
				case '“':
					curly++
				case '”':
					curly = max(0, curly-1)
				case '"':
					straight++
				}
			}
		}
		return out
	}
	pieces := []string{"“", "”", `"`, "a.", "\xe2", "\xe2\x80", "\xe2\x80\x9d", "\xf0\x9f", "é", " ", "‘"}
	r := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		sents := make([]string, 1+r.IntN(4))
		for i := range sents {
			var b strings.Builder
			for range r.IntN(6) {
				b.WriteString(pieces[r.IntN(len(pieces))])
			}
			sents[i] = b.String()
		}
		if got, want := joinQuotations(slices.Clone(sents)), reference(slices.Clone(sents)); !slices.Equal(got, want) {
			t.Fatalf("joinQuotations(%q) = %q, want %q", sents, got, want)
		}
	}
}

// TestOnlyScratchForgets: a scratch handed back to the pool keeps no
// sentence of any article, including those of an earlier, longer article
// past the last one's.
func TestOnlyScratchForgets(t *testing.T) {
	var x onlyScratch
	x.lines = append(x.lines, "first article, first sentence", "first article, second sentence", "first article, third sentence")
	x.lines = append(x.lines[:0], "last article, one sentence")
	x.forget()
	for i, s := range x.lines[:cap(x.lines)] {
		if s != "" {
			t.Errorf("lines[%d] still holds %q", i, s)
		}
	}
}

// TestByIDOrdersAsIDs checks that ordering docs by their IDs' first
// eight bytes, then by the whole IDs, is the IDs' order: short IDs, IDs
// one begins the other, zero bytes, long shared beginnings.
func TestByIDOrdersAsIDs(t *testing.T) {
	r := rand.New(rand.NewPCG(14, 8))
	id := func() string {
		b := make([]byte, r.IntN(12))
		for i := range b {
			b[i] = "\x00\x01ab\xff"[r.IntN(5)]
		}
		return string(b)
	}
	for range 20000 {
		a, b := id(), id()
		if r.IntN(4) == 0 {
			b = a + b[:min(len(b), 2)]
		}
		x, y := &doc{art: &feed.Article{ID: a}, id: idPrefix(a)}, &doc{art: &feed.Article{ID: b}, id: idPrefix(b)}
		if got, want := byID(x, y), strings.Compare(a, b); got != want {
			t.Fatalf("byID(%q, %q) = %d, want %d", a, b, got, want)
		}
	}
}
