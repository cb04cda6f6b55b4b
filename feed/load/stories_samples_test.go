package load_test

import (
	"context"
	"io/fs"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/broadsheet/broadsheet/data"
	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/feed/extract"
	"github.com/broadsheet/broadsheet/feed/story"
)

// storyGroups returns the files of each story, each list sorted, the
// lists sorted: a form of the grouping that ignores story IDs.
func storyGroups(s *story.Set) [][]string {
	var out [][]string
	for _, st := range s.Stories() {
		var files []string
		for _, a := range st.Articles {
			files = append(files, a.Path)
		}
		slices.Sort(files)
		out = append(out, files)
	}
	slices.SortFunc(out, func(a, b []string) int { return strings.Compare(a[0], b[0]) })
	return out
}

// wantStoryGroups is the samples table's grouping in storyGroups' form.
func wantStoryGroups() [][]string {
	want := slices.Collect(maps.Values(sampleStories()))
	slices.SortFunc(want, func(a, b []string) int { return strings.Compare(a[0], b[0]) })
	return want
}

func checkStoryGroups(t *testing.T, s *story.Set) {
	t.Helper()
	got, want := storyGroups(s), wantStoryGroups()
	if slices.EqualFunc(got, want, slices.Equal) {
		return
	}
	t.Errorf("%d stories, want %d", len(got), len(want))
	for _, g := range got {
		if !slices.ContainsFunc(want, func(w []string) bool { return slices.Equal(g, w) }) {
			t.Errorf("unexpected story: %v", g)
		}
	}
	for _, w := range want {
		if !slices.ContainsFunc(got, func(g []string) bool { return slices.Equal(g, w) }) {
			t.Errorf("missing story: %v", w)
		}
	}
}

// TestSampleStories groups the bundled samples as the reader does, from
// the loader's articles, and checks the grouping against the samples
// table exactly. Grouping needs the text without its page chrome, so
// while extraction still gets most sample headlines wrong (TestSamples
// says where) it is skipped.
func TestSampleStories(t *testing.T) {
	store := sampleLoader(t).Load(context.Background(), []string{"."})
	wrong := 0
	for _, s := range samples {
		for _, a := range store.Articles() {
			if a.Path == s.file && !s.synthesized && sampleFold(a.Title) != s.title {
				wrong++
			}
		}
	}
	if wrong > len(samples)/4 {
		t.Skipf("extraction gets %d of %d sample headlines wrong; see TestSamples", wrong, len(samples))
	}
	s := story.New(story.Options{})
	s.Add(store.Articles()...)
	checkStoryGroups(t, s)
}

// TestSampleStoriesFromCleanText groups the samples as extraction should
// read them, built from the samples table (headline, outlet, date, and
// the body between its first and last expected phrases, less the
// chrome lines the table names), so that grouping is tested apart from
// extraction.
func TestSampleStoriesFromCleanText(t *testing.T) {
	x := extract.NewExtractor()
	x.Now = time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	var arts []*feed.Article
	for _, smp := range samples {
		raw, err := fs.ReadFile(data.FS, smp.file)
		if err != nil {
			t.Fatal(err)
		}
		body := cleanSampleBody(string(raw), smp)
		text := body
		if !smp.synthesized {
			text = smp.title + "\n\n" + body
		}
		h := feed.Hint{Outlet: smp.outlet}
		if smp.date != "" {
			h.Date, _ = time.Parse(time.DateOnly, smp.date)
		}
		got, _ := x.Extract(extract.Source{Path: smp.file, Data: []byte(text), Hint: h})
		if len(got) != 1 {
			t.Fatalf("%s: %d articles", smp.file, len(got))
		}
		arts = append(arts, got...)
	}
	s := story.New(story.Options{})
	s.Add(arts...)
	checkStoryGroups(t, s)

	// One at a time, last first, the stories come out the same. Their
	// IDs may differ: a story keeps the ID it had when earlier articles
	// join it.
	one := story.New(story.Options{})
	for i := len(arts) - 1; i >= 0; i-- {
		one.Add(arts[i])
	}
	same, back := make(map[string]string), make(map[string]string)
	for _, a := range arts {
		got, want := one.Of(a.ID), s.Of(a.ID)
		if w, ok := same[got]; ok && w != want || back[want] != "" && back[want] != got {
			t.Errorf("%s: story %s added one at a time is not story %s added at once", a.Path, got, want)
		}
		same[got], back[want] = want, got
	}
}

// cleanSampleBody cuts a raw sample to its article text: from the
// paragraph holding the first expected phrase to the one holding the
// last, without the lines that hold chrome.
func cleanSampleBody(raw string, smp sample) string {
	paras := strings.Split(strings.ReplaceAll(raw, "\r\n", "\n"), "\n\n")
	first, last := 0, len(paras)-1
	for i, p := range paras {
		f := sampleFold(p)
		if strings.Contains(f, sampleFold(smp.contains[0])) {
			first = i
		}
		if strings.Contains(f, sampleFold(smp.contains[len(smp.contains)-1])) {
			last = i
		}
	}
	var keep []string
	for _, p := range paras[first : last+1] {
		var lines []string
		for _, l := range strings.Split(p, "\n") {
			if !slices.ContainsFunc(smp.lacks, func(c string) bool { return strings.Contains(sampleFold(l), sampleFold(c)) }) {
				lines = append(lines, l)
			}
		}
		if len(lines) > 0 {
			keep = append(keep, strings.Join(lines, "\n"))
		}
	}
	return strings.Join(keep, "\n\n")
}
