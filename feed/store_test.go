package feed

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"
)

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func titles(arts []*Article) []string {
	var out []string
	for _, a := range arts {
		out = append(out, a.Title)
	}
	return out
}

func TestStoreOrder(t *testing.T) {
	tests := []struct {
		name string
		add  []*Article
		want []string
	}{
		{
			name: "newest first",
			add: []*Article{
				{ID: "1", Title: "Old", Date: day("2026-01-01")},
				{ID: "2", Title: "New", Date: day("2026-03-01")},
				{ID: "3", Title: "Mid", Date: day("2026-02-01")},
			},
			want: []string{"New", "Mid", "Old"},
		},
		{
			name: "undated last",
			add: []*Article{
				{ID: "1", Title: "Undated"},
				{ID: "2", Title: "Dated", Date: day("2020-01-01")},
			},
			want: []string{"Dated", "Undated"},
		},
		{
			name: "same day by title, whatever the load order",
			add: []*Article{
				{ID: "1", Title: "beta", Date: day("2026-01-01")},
				{ID: "2", Title: "Alpha", Date: day("2026-01-01")},
				{ID: "3", Title: "gamma", Date: day("2026-01-01")},
			},
			want: []string{"Alpha", "beta", "gamma"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, order := range [][]*Article{tt.add, reversed(tt.add)} {
				s := NewStore()
				s.Add(order...)
				if got := titles(s.Articles()); !slices.Equal(got, tt.want) {
					t.Errorf("order = %q, want %q", got, tt.want)
				}
			}
		})
	}
}

func reversed(arts []*Article) []*Article {
	out := slices.Clone(arts)
	slices.Reverse(out)
	return out
}

func TestStoreDuplicateKeptOnce(t *testing.T) {
	s := NewStore()
	s.Add(&Article{ID: "x", Title: "Same", Path: "b/copy.txt"})
	added := s.Add(&Article{ID: "x", Title: "Same", Path: "a/orig.txt"})
	if s.Len() != 1 {
		t.Fatalf("Len = %d, want 1", s.Len())
	}
	if len(added) != 1 {
		t.Errorf("added = %d, want the earlier path to replace the later", len(added))
	}
	if a, _ := s.Get("x"); a.Path != "a/orig.txt" {
		t.Errorf("kept %q, want a/orig.txt", a.Path)
	}
	if added := s.Add(&Article{ID: "x", Title: "Same", Path: "c/third.txt"}); len(added) != 0 {
		t.Errorf("a later path was added again")
	}
}

func TestStoreOutletsAndFilter(t *testing.T) {
	s := NewStore()
	s.Add(
		&Article{ID: "1", Title: "a", Outlet: "The Lantern", OutletSource: OutletFromSignature},
		&Article{ID: "2", Title: "b", Outlet: "The Lantern", OutletSource: OutletFromURL},
		&Article{ID: "3", Title: "c", Outlet: "Meridian Wire", OutletSource: OutletFromFolder},
		&Article{ID: "4", Title: "d"},
	)
	want := []OutletCount{{"The Lantern", 2, "url, signature"}, {"Meridian Wire", 1, "folder"}, {UnknownOutlet, 1, ""}}
	if got := s.Outlets(); !slices.Equal(got, want) {
		t.Errorf("Outlets() = %v, want %v", got, want)
	}
	if got := titles(s.ByOutlet("the lantern")); !slices.Equal(got, []string{"a", "b"}) {
		t.Errorf("ByOutlet(the lantern) = %q", got)
	}
	if got := titles(s.ByOutlet(UnknownOutlet)); !slices.Equal(got, []string{"d"}) {
		t.Errorf("ByOutlet(unknown) = %q", got)
	}
}

func TestStoreOutletInitials(t *testing.T) {
	// One outlet, one name: an outlet printed by its initials is
	// counted, filtered and compared as its full name.
	s := NewStore()
	s.Add(
		&Article{ID: "1", Title: "a", Outlet: "The Harbour Evening Post", OutletSource: OutletFromMetadata},
		&Article{ID: "2", Title: "b", Outlet: "HEP", OutletSource: OutletFromSignature},
		&Article{ID: "3", Title: "c", Outlet: "H.E.P.", OutletSource: OutletFromURL},
		&Article{ID: "4", Title: "d", Outlet: "Meridian Wire", OutletSource: OutletFromFolder},
		&Article{ID: "5", Title: "e", Outlet: "MWX"},
	)
	want := []OutletCount{{"The Harbour Evening Post", 3, "metadata, url, signature"}, {"Meridian Wire", 1, "folder"}, {"MWX", 1, ""}}
	if got := s.Outlets(); !slices.Equal(got, want) {
		t.Errorf("Outlets() = %v, want %v", got, want)
	}
	if got := titles(s.ByOutlet("The Harbour Evening Post")); !slices.Equal(got, []string{"a", "b", "c"}) {
		t.Errorf("ByOutlet(full name) = %q", got)
	}
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"WSJ", "The Wall Street Journal", true},
		{"The New York Times", "NYT", true},
		{"A.P.", "Associated Press", true},
		{"the lantern", "The Lantern", true},
		{"wsj", "The Wall Street Journal", false},    // not written as initials
		{"WSJ", "Wall Street Journal Europe", false}, // one word too many
		{"W", "Wire", false},                         // one letter is no initials
		{"Meridian Wire", "MWX", false},
		{"The Lantern", "Lantern", true},                // "The" or not
		{"Quay Herald", "www.quayherald.example", true}, // a name and its bare domain
		{"QBN.example", "QBN", true},
		{"theharbour.example", "The Harbour", true},
		{"Quay Herald", "quay.example", false},
		{"Quay Herald", "Quay Herald Weekly", false},
		{"A.P.", "ap.example", true},
	} {
		if got := SameOutlet(tt.a, tt.b); got != tt.want {
			t.Errorf("SameOutlet(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestStoreRemoveAndGet(t *testing.T) {
	s := NewStore()
	s.Add(
		&Article{ID: "1", Title: "one", Path: "feed.xml"},
		&Article{ID: "2", Title: "two", Path: "feed.xml"},
		&Article{ID: "3", Title: "three", Path: "other.txt"},
	)
	gone := s.Remove("feed.xml")
	if len(gone) != 2 || s.Len() != 1 {
		t.Fatalf("Remove took %d, left %d; want 2 and 1", len(gone), s.Len())
	}
	if _, ok := s.Get("1"); ok {
		t.Error("removed article still found by ID")
	}
	if a, ok := s.Get("3"); !ok || a.Title != "three" {
		t.Error("kept article not found by ID")
	}
}

func TestStoreRemoveSeveralAndTheirProblems(t *testing.T) {
	s := NewStore()
	s.Add(
		&Article{ID: "1", Title: "one", Path: "a.txt"},
		&Article{ID: "2", Title: "two", Path: "b.txt"},
		&Article{ID: "3", Title: "three", Path: "c.txt"},
	)
	s.AddProblems(Problem{"a.txt", "half read"}, Problem{"d.txt", "empty file"}, Problem{"c.txt", "odd"})
	gone := s.Remove("a.txt", "c.txt", "nowhere.txt")
	if len(gone) != 2 || s.Len() != 1 || s.ProblemCount() != 1 {
		t.Fatalf("Remove took %d, left %d articles and %d problems; want 2, 1 and 1", len(gone), s.Len(), s.ProblemCount())
	}
	if _, ok := s.Get("2"); !ok {
		t.Error("kept article not found by ID")
	}
	if p := s.Problems(); p[0].Path != "d.txt" {
		t.Errorf("problems left: %v, want d.txt's", p)
	}
}

func TestStoreProblemsByPath(t *testing.T) {
	s := NewStore()
	s.AddProblems(Problem{"b.txt", "empty file"}, Problem{"a.bin", "binary file"})
	got := s.Problems()
	if len(got) != 2 || got[0].Path != "a.bin" {
		t.Errorf("Problems() = %v, want ordered by path", got)
	}
	if got[0].String() != "a.bin: binary file" {
		t.Errorf("String() = %q", got[0].String())
	}
}

func TestStoreAddBatchesMatchesOneByOne(t *testing.T) {
	var arts []*Article
	for i := range 300 {
		arts = append(arts, &Article{
			ID:    string(rune('A'+i%50)) + string(rune('a'+i%7)), // some IDs repeat
			Title: string(rune('a' + i%13)),
			Path:  string(rune('z' - i%26)),
			Date:  day("2026-01-01").AddDate(0, 0, i%17),
		})
	}
	one := NewStore()
	for _, a := range arts {
		one.Add(a)
	}
	batched := NewStore()
	for i := 0; i < len(arts); i += 64 {
		batched.Add(arts[i:min(i+64, len(arts))]...)
	}
	if !slices.Equal(one.Articles(), batched.Articles()) {
		t.Error("adding in batches gives another order or set than adding one by one")
	}
	if !slices.IsSortedFunc(batched.Articles(), compareArticles) {
		t.Error("articles not sorted")
	}
	if one.Len() != len(one.byID) {
		t.Errorf("Len %d, IDs %d", one.Len(), len(one.byID))
	}
}

// compareLowerPieces make titles that sort by their lower case.
var compareLowerPieces = []string{"a", "A", "b", "Z", "z", "[", "_", "é", "É", "İ", "i", "\u212a", "k", "K", "ß", "\xff", "\ufffd", "中", " ", ""}

func TestCompareLowerMatchesToLower(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	word := func() string {
		var b strings.Builder
		for range r.IntN(5) {
			b.WriteString(compareLowerPieces[r.IntN(len(compareLowerPieces))])
		}
		return b.String()
	}
	for range 100000 {
		a, b := word(), word()
		if got, want := compareLower(a, b), cmp.Compare(strings.ToLower(a), strings.ToLower(b)); got != want {
			t.Fatalf("compareLower(%q, %q) = %d, want %d", a, b, got, want)
		}
	}
}

func FuzzCompareLower(f *testing.F) {
	f.Add("Apple", "apple")
	f.Add("İstanbul", "istanbul")
	f.Fuzz(func(t *testing.T, a, b string) {
		if got, want := compareLower(a, b), cmp.Compare(strings.ToLower(a), strings.ToLower(b)); got != want {
			t.Fatalf("compareLower(%q, %q) = %d, want %d", a, b, got, want)
		}
	})
}

// BenchmarkStoreAdd adds 10,000 articles in one batch, as a load does;
// many share a date, so their titles decide their order.
func BenchmarkStoreAdd(b *testing.B) {
	arts := make([]*Article, 10000)
	for i := range arts {
		arts[i] = &Article{
			ID:    fmt.Sprintf("%012d", i),
			Path:  fmt.Sprintf("f%05d.txt", i),
			Title: fmt.Sprintf("Council Approves Harbour Plan %d", i*7919%10000),
			Date:  day("2026-09-01").AddDate(0, 0, i%30),
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		NewStore().Add(arts...)
	}
}

// TestMergeSorted checks both ways of merging a batch into the store's
// list against sorting the two together.
func TestMergeSorted(t *testing.T) {
	day := func(i int) time.Time { return time.Date(2024, 1, 1+i%7, 0, 0, 0, 0, time.UTC) }
	mk := func(prefix string, n int) []*Article {
		out := make([]*Article, n)
		for i := range out {
			out[i] = &Article{ID: fmt.Sprint(prefix, i), Path: fmt.Sprint(prefix, i%3), Title: fmt.Sprint("Title ", (i*7919)%13), Date: day(i * 31)}
			if i%11 == 0 {
				out[i].Date = time.Time{}
			}
		}
		slices.SortFunc(out, compareArticles)
		return out
	}
	for _, sizes := range [][2]int{{500, 5}, {500, 400}, {40, 1}, {1, 40}} {
		a, b := mk("a", sizes[0]), mk("b", sizes[1])
		want := slices.SortedFunc(slices.Values(append(slices.Clone(a), b...)), compareArticles)
		if got := mergeSorted(a, b); !slices.Equal(got, want) {
			t.Errorf("merging %d into %d: out of order", sizes[1], sizes[0])
		}
	}
}

// TestOutletsFoldNames: names of one outlet that differ in case, in a
// leading "The" or as a bare domain are counted and listed once, under a
// name before a domain and then the name of more articles.
func TestOutletsFoldNames(t *testing.T) {
	s := NewStore()
	s.Add(
		&Article{ID: "1", Title: "a", Outlet: "The Quay Herald", OutletSource: OutletFromMetadata},
		&Article{ID: "2", Title: "b", Outlet: "Quay Herald", OutletSource: OutletFromSignature},
		&Article{ID: "3", Title: "c", Outlet: "quayherald.example", OutletSource: OutletFromURL},
		&Article{ID: "4", Title: "d", Outlet: "Quay Herald", OutletSource: OutletFromSignature},
		&Article{ID: "5", Title: "e", Outlet: "qbn.example", OutletSource: OutletFromURL},
		&Article{ID: "6", Title: "f", Outlet: "QBN", OutletSource: OutletFromSignature},
		&Article{ID: "7", Title: "g", Outlet: "Quay Herald Weekly"},
	)
	want := []OutletCount{{"Quay Herald", 4, "metadata, url, signature"}, {"QBN", 2, "url, signature"}, {"Quay Herald Weekly", 1, ""}}
	if got := s.Outlets(); !slices.Equal(got, want) {
		t.Errorf("Outlets() = %v, want %v", got, want)
	}
	if got := titles(s.ByOutlet("Quay Herald")); !slices.Equal(got, []string{"a", "b", "c", "d"}) {
		t.Errorf("ByOutlet(Quay Herald) = %q", got)
	}
}
