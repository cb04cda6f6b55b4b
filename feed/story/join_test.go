package story

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// ferry is one invented event told in two stages, a capsizing and the
// arrest of the ferry's master three days on, each by two outlets in
// their own words; and, in the same sound that week, a different
// ferry's engine fire, told in the trade's words with its own names.
var ferry = []invented{
	{"capsize", "Orrin Sound Gazette", 3, `Ferry Saint Brenna capsizes off Harlow Point

The passenger ferry Saint Brenna capsized off Harlow Point on Tuesday evening, throwing 41 passengers into the cold water of the Orrin Sound.

Coastguard crews from Harlow Point and Kettering Quay pulled 39 people from the water. Two passengers are missing. The ferry's master, Ilse Marrow, was among those rescued.

Survivors said the Saint Brenna leaned hard to port as she turned into a squall.`},
	{"capsize", "Kettering Evening Post", 3, `Two missing after Harlow Point ferry overturns

Two people are missing after the Saint Brenna overturned in a squall off Harlow Point, the Orrin Sound coastguard said.

Thirty-nine of the 41 passengers were rescued by lifeboats from Kettering Quay. Captain Ilse Marrow was taken to hospital with hypothermia.

The operator, Tamsin Lines, has suspended all crossings on the route.`},
	{"capsize", "Orrin Sound Gazette", 5, `Saint Brenna master Ilse Marrow arrested after Harlow Point disaster

Police arrested Ilse Marrow, master of the ferry Saint Brenna, on Friday on suspicion of manslaughter after the bodies of the two missing passengers were recovered near Harlow Point.

Detectives said the Saint Brenna had left Kettering Quay with her bow doors unsecured. Tamsin Lines said it was helping the inquiry.

The ferry capsized in a squall on Tuesday evening with 41 passengers aboard; 39 were pulled from the water by coastguard crews.`},
	{"capsize", "Kettering Evening Post", 5, `Captain held over Saint Brenna sinking as divers find bodies

Divers recovered the bodies of two passengers from the wreck of the Saint Brenna off Harlow Point, and police detained her captain, Ilse Marrow, on suspicion of manslaughter.

Investigators believe the bow doors were open when the ferry left Kettering Quay. Tamsin Lines suspended its chief of operations.`},
	{"fire", "Orrin Sound Gazette", 5, `Engine fire on the Gull Rock ferry as she docks

An engine fire broke out on the ferry Merrow Lass as she docked at Gull Rock on Thursday morning, and her 60 passengers were led ashore down the car ramp.

Firefighters from Dunmore put out the fire in the engine room within an hour. The ferry's owner, Pellin Shipping, said nobody was hurt and the crossing would resume next week.`},
}

// handLinked returns the articles read as a Set reads them, linked by
// hand: each stage's two reports alike, and one pair across the two
// stages just over Threshold, so that the articles are one linked group
// but the stages' average likeness is far under Threshold and
// clustering alone keeps them apart. Dates are set by days (0 for
// undated) after the articles are read.
func handLinked(t *testing.T, src []invented, days []int) ([]*doc, map[string]string) {
	t.Helper()
	arts, events := fixture(t, src)
	ds := make([]*doc, len(arts))
	for i, a := range arts {
		b := *a
		b.Date = time.Time{}
		if days[i] > 0 {
			b.Date = time.Date(2026, 6, days[i], 0, 0, 0, 0, time.UTC)
		}
		ds[i] = &doc{art: &b}
	}
	vectorize(ds)
	link := func(a, b *doc, v float64) {
		a.near = append(a.near, like{b, v})
		b.near = append(b.near, like{a, v})
	}
	link(ds[0], ds[1], 0.5)
	link(ds[2], ds[3], 0.5)
	link(ds[1], ds[2], DefaultThreshold*1.1)
	slices.SortFunc(ds, byID)
	return ds, events
}

// clustered returns the events of each cluster of a group, as grouping does.
func clustered(cs [][]*doc, events map[string]string) []string {
	var out []string
	for _, c := range cs {
		var evs []string
		for _, d := range c {
			evs = append(evs, events[d.art.ID])
		}
		slices.Sort(evs)
		out = append(out, strings.Join(evs, " "))
	}
	slices.Sort(out)
	return out
}

func TestStoriesOfOneEventJoin(t *testing.T) {
	s := New(Options{})
	for _, c := range []struct {
		name string
		days []int
		want []string
	}{
		{"two stages two days apart", []int{3, 3, 5, 5}, []string{"capsize capsize capsize capsize"}},
		{"the second stage weeks on", []int{3, 3, 30, 30}, []string{"capsize capsize capsize capsize"}},
		{"the second stage months on", []int{3, 3, 3 + 70, 3 + 70}, []string{"capsize capsize", "capsize capsize"}},
		{"both stories undated", []int{0, 0, 0, 0}, []string{"capsize capsize capsize capsize"}},
		// An undated story could be of any year: it never joins a dated one.
		{"one story undated", []int{3, 3, 0, 0}, []string{"capsize capsize", "capsize capsize"}},
	} {
		ds, events := handLinked(t, ferry[:4], c.days)
		if got := clustered(s.cluster(ds), events); !slices.Equal(got, c.want) {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}

func TestStoriesOfOneSubjectStayApart(t *testing.T) {
	// A different ferry's fire in the same sound, linked by hand to a
	// report of the capsizing as closely as the stages of one event:
	// it shares the trade's words but none of the names.
	src := []invented{ferry[0], ferry[1], ferry[4], ferry[4]}
	src[3].outlet = "Kettering Evening Post"
	ds, events := handLinked(t, src, []int{3, 3, 5, 5})
	s := New(Options{})
	if got, want := clustered(s.cluster(ds), events), []string{"capsize capsize", "fire fire"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	// Another capsizing in the same sound, told in the same words with
	// another ferry, port, master and operator: the two stories read
	// alike as a whole (well over storyLike), but share one name.
	other := strings.NewReplacer("Saint Brenna", "Cormorant", "Harlow Point", "Fennick Head",
		"Kettering Quay", "Sallow Bay", "Ilse Marrow", "Joss Treleven", "Tamsin Lines", "Heron Ferries")
	src = []invented{ferry[0], ferry[1], ferry[0], ferry[1]}
	for i := 2; i < 4; i++ {
		src[i].event, src[i].text = "another", other.Replace(src[i].text)
	}
	ds, events = handLinked(t, src, []int{3, 3, 5, 5})
	if got, want := clustered(s.cluster(ds), events), []string{"another another", "capsize capsize"}; !slices.Equal(got, want) {
		t.Errorf("another capsizing: got %q, want %q", got, want)
	}
	// Events of one town that share every name but tell of different
	// happenings (see lookAlikes) stay apart too.
	src = []invented{lookAlikes[0], lookAlikes[1], lookAlikes[3], lookAlikes[4]}
	ds, events = handLinked(t, src, []int{3, 3, 6, 6})
	if got, want := clustered(s.cluster(ds), events), []string{"flood flood", "opening opening"}; !slices.Equal(got, want) {
		t.Errorf("look-alikes: got %q, want %q", got, want)
	}
}

// TestUndatedStoriesRecallingDifferentYearsJoin: two undated stories of
// one event whose reports look back to different years (the sound's
// last disaster, the year the ferry was built) still join, as undated
// stories naming one year do; another capsizing told in the same words
// with other names stays apart however its years fall.
func TestUndatedStoriesRecallingDifferentYearsJoin(t *testing.T) {
	src := slices.Clone(ferry[:4])
	for i := range src {
		if i < 2 {
			src[i].text += "\n\nIt is the worst accident on the Orrin Sound since the trawler losses of 1987."
		} else {
			src[i].text += "\n\nThe Saint Brenna was built at Kettering Quay in 1994 and refitted in 2009."
		}
	}
	s := New(Options{})
	ds, events := handLinked(t, src, []int{0, 0, 0, 0})
	for _, d := range ds {
		if len(d.years) == 0 {
			t.Fatalf("%s names no year", d.art.Title)
		}
	}
	if got, want := clustered(s.cluster(ds), events), []string{"capsize capsize capsize capsize"}; !slices.Equal(got, want) {
		t.Errorf("one event: got %q, want %q", got, want)
	}
	other := strings.NewReplacer("Saint Brenna", "Cormorant", "Harlow Point", "Fennick Head",
		"Kettering Quay", "Sallow Bay", "Ilse Marrow", "Joss Treleven", "Tamsin Lines", "Heron Ferries")
	for i := 2; i < 4; i++ {
		src[i].event, src[i].text = "another", other.Replace(src[i].text)
	}
	ds, events = handLinked(t, src, []int{0, 0, 0, 0})
	if got, want := clustered(s.cluster(ds), events), []string{"another another", "capsize capsize"}; !slices.Equal(got, want) {
		t.Errorf("another capsizing: got %q, want %q", got, want)
	}
}
