package story

import (
	"slices"
	"testing"

	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/internal/cputime"
)

// column is an invented opinion column on the day of the ferry's
// capsizing (see ferry), in its writer's voice, naming the ferry, the
// point, the quay and the operator, with no label on it.
var column = invented{"column", "Kettering Evening Post", 3, `The Saint Brenna was an accident waiting to happen off Harlow Point

I have crossed the Orrin Sound on the Saint Brenna more times than I can count, and I have always held my breath when she turned off Harlow Point.

We all knew the ferry was old. We all knew that Tamsin Lines ran her with too few crew. I said so in this column two winters ago, and my readers wrote to tell me I was being dramatic.

How many more squalls must we wait for? How many more families must stand on Kettering Quay in the dark, waiting for news?

You cannot run a lifeline on hope. If you live on the islands, you deserve better, and so do I.`}

// report is an invented third report of the capsizing, on its day, in
// its outlet's own words.
var report = invented{"capsize", "Sound FM News", 3, `Squall overturns Saint Brenna with 41 aboard

The Saint Brenna, a passenger ferry run by Tamsin Lines, overturned in a sudden squall off Harlow Point on Tuesday evening with 41 passengers on board.

Lifeboats from Kettering Quay and the Orrin Sound coastguard rescued 39 people; two are missing. The master, Ilse Marrow, was rescued and treated for hypothermia.

Tamsin Lines has cancelled its crossings until further notice.`}

// TestColumnSameDayStaysOut: a column on the event's own day, in its
// writer's voice, naming the event's people and places, reads as
// commentary and stays out of the event's story; a third report of the
// event, on the same day, joins it.
func TestColumnSameDayStaysOut(t *testing.T) {
	arts, events := fixture(t, append(ferryDays()[:2], column, report))
	s := New(Options{})
	s.Add(arts...)
	col := s.docs[arts[2].ID]
	if !col.comment {
		t.Fatalf("the column does not read as commentary (voice %.1f)", voice(col.art))
	}
	if s.docs[arts[3].ID].comment || s.docs[arts[0].ID].comment || s.docs[arts[1].ID].comment {
		t.Fatal("a report reads as commentary")
	}
	// The column must be alike enough to the reports to join without
	// the rule, or the test tests nothing.
	linked := false
	for _, o := range arts[:2] {
		linked = linked || s.alikeAsReports(col, s.docs[o.ID]) >= s.opt.Threshold
	}
	if !linked {
		t.Fatal("the fixture is too weak to test: the column would not link to a report as a report")
	}
	if got, want := grouping(s, events), []string{"capsize capsize capsize", "column"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// alikeAsReports returns how alike two articles would be if neither
// read as commentary.
func (s *Set) alikeAsReports(a, b *doc) float64 {
	x, y := *a, *b
	x.comment, y.comment = false, false
	return s.likeness(&x, &y, nil)
}

// preview is an invented match preview, labelled as such, the day
// before the cup final it previews (see lookAlikes' "rovers"), naming
// its teams, ground, keeper and manager.
var preview = invented{"preview", "Tessel Valley News", 6, `Cup final preview: Marlow Bay Rovers v Fenwick Town

Marlow Bay Rovers meet Fenwick Town in the county cup final at Harbour Park on Saturday afternoon.

Goalkeeper Sam Okafor is fit again after a knee injury, and manager Ines Moll is expected to name an unchanged side for the biggest game of her first season.

Fenwick won the league meeting between the sides in March, and their captain has scored in every round so far. Kick-off is at three; tickets are sold out.`}

// TestPreviewStaysOut: a preview labelled as such stays out of the story
// of the event it previews, though it names the event's teams, ground
// and people.
func TestPreviewStaysOut(t *testing.T) {
	src := []invented{lookAlikes[len(lookAlikes)-1], preview, {"rovers", "Marlow Bay Herald", 7, `Okafor the hero as Marlow Bay Rovers lift the county cup

Sam Okafor saved the decisive penalty as Marlow Bay Rovers beat Fenwick Town 5-4 in a shoot-out at Harbour Park to win the county cup for the first time since 1998.

The final finished 2-2 after extra time. Manager Ines Moll said her players had earned the celebration.`}}
	arts, events := fixture(t, src)
	s := New(Options{})
	s.Add(arts...)
	pre := s.docs[arts[1].ID]
	if !pre.comment || !labelled(pre.art.Title) {
		t.Fatalf("the preview does not read as one: %q", pre.art.Title)
	}
	linked := false
	for _, i := range []int{0, 2} {
		linked = linked || s.alikeAsReports(pre, s.docs[arts[i].ID]) >= s.opt.Threshold
	}
	if !linked {
		t.Fatal("the fixture is too weak to test: the preview would not link to a report as a report")
	}
	if got, want := grouping(s, events), []string{"preview", "rovers rovers"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	// The mark is kept with a saved grouping.
	r := New(Options{})
	if err := r.Restore(s.Marshal(), lookup(arts)); err != nil {
		t.Fatal(err)
	}
	if !r.docs[arts[1].ID].comment || r.docs[arts[0].ID].comment {
		t.Error("a restored set lost which articles read as commentary")
	}
	if got, want := snapshot(r), snapshot(s); got != want {
		t.Errorf("restored:\n%s\nwant:\n%s", got, want)
	}
}

// TestCommentaryCopiesStayTogether: a column syndicated word for word is
// still one column: near-copies keep their likeness.
func TestCommentaryCopiesStayTogether(t *testing.T) {
	again := column
	again.outlet = "Orrin Sound Gazette"
	again.text += "\n\nThe writer has lived on the islands all her life."
	arts, events := fixture(t, []invented{column, again})
	s := New(Options{})
	s.Add(arts...)
	if got, want := grouping(s, events), []string{"column column"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestLabelled(t *testing.T) {
	for _, c := range []struct {
		title string
		want  bool
	}{
		{"Opinion: the Orrin Sound deserves safer ferries", true},
		{"Film review – a quiet triumph from Marlow Bay", true},
		{"Cup final preview: Rovers v Fenwick", true},
		{"Why the bridge matters | Comment", true},
		{"Analyse: Was die Wahl in Tessel bedeutet", true},
		{"Letters to the editor", true},
		{"Weekend roundup: five things from the valley", true},
		// Reports.
		{"Opposition leader: we will repeal the ferry levy", false},
		{"Opinion poll: Varga leads by six points", false},
		{"Review finds council ignored bridge warnings", false},
		{"Ferry Saint Brenna capsizes off Harlow Point", false},
		{"Varga: the bridge will open on time", false},
		{"", false},
	} {
		if got := labelled(c.title); got != c.want {
			t.Errorf("labelled(%q) = %v, want %v", c.title, got, c.want)
		}
	}
}

func TestGenrePath(t *testing.T) {
	for _, c := range []struct {
		address string
		want    bool
	}{
		{"https://news.example/opinion/2026/06/03/safer-ferries", true},
		{"https://news.example/columnists/ferries-and-us", true},
		{"https://news.example/sport/match-preview/rovers-v-fenwick", true},
		{"https://news.example/news/2026/06/03/ferry-capsizes", false},
		{"https://news.example/blogs/briefing/news/ferry-capsizes", false},
		// The headline's slug is no label.
		{"https://news.example/news/opinion-poll-varga-leads", false},
		{"https://news.example/review-finds-council-ignored-warnings", false},
		{"", false},
	} {
		if got := genrePath(c.address); got != c.want {
			t.Errorf("genrePath(%q) = %v, want %v", c.address, got, c.want)
		}
	}
}

// TestVoice: the writer's own voice counts; first persons in quotations,
// cited speech, menus and links do not.
func TestVoice(t *testing.T) {
	col := &feed.Article{Body: column.text}
	if v := voice(col); v < commentVoice {
		t.Errorf("the column's voice is %.1f, under %.1f", v, commentVoice)
	}
	quoted := &feed.Article{Body: `"I have never seen a squall like it," said Ilse Marrow. "We turned and she went over."

Passengers said they had been told to stay below. "My children were with me," one woman told reporters.

"We will find out what happened," the coastguard's chief said. "You have my word."

The ferry had been inspected in March, Tamsin Lines said.`}
	if v := voice(quoted); v != 0 {
		t.Errorf("a report quoting first persons has voice %.1f, want 0", v)
	}
	chrome := &feed.Article{Body: `The ferry capsized off Harlow Point on Tuesday with 41 passengers aboard.

Share this with your friends

Sign up for our newsletter

Read more from your favourite writers

Follow us`}
	if v := voice(chrome); v != 0 {
		t.Errorf("a report followed by page chrome has voice %.1f, want 0", v)
	}
}

// BenchmarkCommentary10k tells commentary from reports over 10,000
// corpus articles in one goroutine: what it adds to reading them (see
// BenchmarkRead10k).
func BenchmarkCommentary10k(b *testing.B) {
	arts, _ := corpusArticles()(10000)
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cputime.Process()
	n := 0
	for b.Loop() {
		for _, a := range arts {
			if commentary(a) {
				n++
			}
		}
	}
	b.ReportMetric((cputime.Process()-cpu).Seconds()/float64(b.N), "cpu-s/op")
	b.ReportMetric(float64(n)/float64(b.N), "commentary/op")
}

// TestCommentaryStoryJoinsNone: stories are joined as wholes (see
// joinStories), but a story of commentary alone joins no other; a story
// holding a report as well still does.
func TestCommentaryStoryJoinsNone(t *testing.T) {
	s := New(Options{})
	for _, c := range []struct {
		name  string
		marks int // how many of the second stage's articles read as commentary
		want  []string
	}{
		{"reports", 0, []string{"capsize capsize capsize capsize"}},
		{"a report and commentary", 1, []string{"capsize capsize capsize capsize"}},
		{"commentary alone", 2, []string{"capsize capsize", "capsize capsize"}},
	} {
		ds, events := handLinked(t, ferry[:4], []int{3, 3, 5, 5})
		marked := 0
		for _, d := range ds {
			if d.art.Date.Day() == 5 && marked < c.marks {
				d.comment = true
				marked++
			}
		}
		if got := clustered(s.cluster(ds), events); !slices.Equal(got, c.want) {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}
