package story

import (
	"slices"
	"testing"
)

// warehouseFires are two invented fires of one kind in one town, years
// apart, told in the same words of the trade but with their own names,
// streets and numbers; a wire report of the first, printed twice; and
// a column on fire safety in general.
var warehouseFires = []invented{
	{"fire-a", "Marlow Bay Herald", 0, `Fire destroys timber warehouse on Quay Street

A fire destroyed a timber warehouse on Quay Street in Marlow Bay overnight, and firefighters spent six hours bringing the blaze under control.

Fire crews from four stations fought the flames as thick smoke drifted over the harbour. Nobody was hurt, the fire service said.

The warehouse, owned by Gorran Timber, stored seasoned oak. Chief fire officer Dana Holt said the cause of the fire was not yet known and investigators would return to the site in the morning.`},
	{"fire-b", "Coastal Courier", 0, `Paint warehouse blaze near Fenwick station

Firefighters were called to a paint warehouse beside Fenwick railway station on Sunday evening after neighbours saw flames through the roof.

Trains were held for two hours while crews from three stations kept the fire from spreading to the signal box. Two firefighters were treated for smoke.

Brightline Coatings, which leases the building, said about 40 tonnes of solvents had been moved out last month. Station manager Omar Pell asked residents to keep their windows shut.`},
	{"wire", "Tessel Valley News", 3, `Fire destroys timber warehouse on Quay Street

A fire destroyed a timber warehouse on Quay Street in Marlow Bay overnight, and firefighters spent six hours bringing the blaze under control.

Fire crews from four stations fought the flames as thick smoke drifted over the harbour. Nobody was hurt, the fire service said.

The warehouse, owned by Gorran Timber, stored seasoned oak. Chief fire officer Dana Holt said the cause was not yet known and investigators would return to the site in the morning.`},
	{"column", "Marlow Bay Herald", 0, `Opinion: our town keeps burning, and nobody learns

Every winter another warehouse goes up in smoke somewhere in this town, and every winter we are promised lessons will be learnt.

I have lived by the harbour for thirty years and read the same promises from the council each time.

It is time landlords paid for sprinklers. Insurance is cheaper than a rebuilt town, and a fire is not bad luck: it is a choice.`},
}

func TestUndatedNeedStrongerEvidence(t *testing.T) {
	arts, events := fixture(t, warehouseFires[:2])
	a, b := &doc{art: arts[0]}, &doc{art: arts[1]}
	vectorize([]*doc{a, b})
	// The words of the trade alone would link them, were they dated.
	if v := alike(a, b); v < DefaultThreshold {
		t.Fatalf("the fixture is too weak to test: alike %.3f", v)
	}
	s := New(Options{})
	s.Add(arts...)
	if got, want := grouping(s, events), []string{"fire-a", "fire-b"}; !slices.Equal(got, want) {
		t.Errorf("two undated fires of one kind: got %q, want %q", got, want)
	}
}

func TestUndatedNearCopiesJoin(t *testing.T) {
	// The same wire report on two sites, one undated, is one story.
	src := []invented{warehouseFires[0], warehouseFires[2]}
	src[1].event = "fire-a"
	arts, events := fixture(t, src)
	s := New(Options{})
	s.Add(arts...)
	if got, want := grouping(s, events), []string{"fire-a fire-a"}; !slices.Equal(got, want) {
		t.Errorf("a wire report printed twice: got %q, want %q", got, want)
	}
}

func TestColumnStaysOutOfEventStory(t *testing.T) {
	// A column on fires in general shares the event's words, not its
	// names: it stays out of the story of one fire.
	arts, events := fixture(t, []invented{warehouseFires[0], warehouseFires[2], warehouseFires[3]})
	events[arts[1].ID] = "fire-a"
	s := New(Options{})
	s.Add(arts...)
	if got, want := grouping(s, events), []string{"column", "fire-a fire-a"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestUndatedNamingOtherYearsStayApart(t *testing.T) {
	// Two undated reports, alike in every word but the year each names,
	// tell of different times.
	src := []invented{warehouseFires[0], warehouseFires[0]}
	src[0].text += "\n\nIt was the worst fire in the harbour since 1998."
	src[1].text += "\n\nIt was the worst fire in the harbour since 2011."
	src[1].event, src[1].outlet = "fire-a2", "Coastal Courier"
	src[0].text = "Timber warehouse fire on Quay Street" + src[0].text[len("Fire destroys timber warehouse on Quay Street"):]
	arts, events := fixture(t, src)
	s := New(Options{})
	s.Add(arts...)
	if got, want := grouping(s, events), []string{"fire-a", "fire-a2"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// quayFire is a dated report of a fire at a Quay Street warehouse, and
// an undated report of a fire at a neighbouring one: names, street and
// trade in common, much as an older event of the same kind would read.
var quayFire = []invented{
	{"fire-now", "Marlow Bay Herald", 3, `Fire guts Gorran Timber warehouse on Quay Street

Firefighters spent the night fighting a blaze that gutted the Gorran Timber warehouse on Quay Street in Marlow Bay.

Crews from four stations were called and smoke drifted across the harbour. Chief fire officer Dana Holt said nobody was hurt.

Investigators will return to the site to look for the cause of the fire.`},
	{"fire-then", "Coastal Courier", 0, `Boat store lost to a night blaze

A blaze destroyed a boat store by the slipway in Marlow Bay, and firefighters worked until dawn to put it out.

Two crews fought the flames while smoke covered the harbour. The fire service praised neighbours who raised the alarm.

The store's owner, Ruth Penhale, said eleven dinghies were lost.`},
}

func TestUndatedUnplacedNeedsMore(t *testing.T) {
	// Alike enough in names and words for an undated report that names
	// the dated one's year, but with no year to place it, the undated
	// report may be of any time: it stays out.
	arts, events := fixture(t, quayFire)
	s := New(Options{})
	s.Add(arts...)
	if got, want := grouping(s, events), []string{"fire-now", "fire-then"}; !slices.Equal(got, want) {
		t.Errorf("with no year: got %q, want %q", got, want)
	}
	placed := slices.Clone(quayFire)
	placed[1].text += " It was the second fire on the harbour in 2026."
	arts, events = fixture(t, placed)
	s = New(Options{})
	s.Add(arts...)
	if got, want := grouping(s, events), []string{"fire-now fire-then"}; !slices.Equal(got, want) {
		t.Errorf("naming the year: got %q, want %q", got, want)
	}
}
