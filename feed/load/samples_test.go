package load_test

import (
	"context"
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/broadsheet/broadsheet/data"
	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/feed/extract"
	"github.com/broadsheet/broadsheet/feed/load"
)

// sample is what extraction must make of one bundled sample file.
type sample struct {
	file string
	// title is the exact headline after whitespace is folded. When
	// synthesized is set the file has no headline: the title must be made
	// from the lead, marked as synthesized, and hold none of titleMustNot
	// (compared without regard to case).
	title        string
	synthesized  bool
	titleMustNot []string
	outlet       string // canonical name
	date         string // YYYY-MM-DD, or "" when the file has none
	byline       string // a substring of the byline, or "" when there is none
	// event names the fictional event the article reports; articles of
	// one event make one story.
	event string
	// The body, as plain text with whitespace folded, must hold each of
	// contains (one phrase from early in the story, one from late) and none
	// of lacks (page chrome), and each of atMostOnce (a photo caption the
	// page prints twice) no more than once.
	contains   []string
	lacks      []string
	atMostOnce []string
}

// Outlet names as the signature table knows them.
const (
	outletGazette  = "The Harbour Gazette"
	outletCourier  = "Northfield Courier"
	outletMeridian = "Meridian Wire"
	outletLantern  = "The Lantern"
	outletValley   = "Valley Post Online"
	outletKestrel  = "Kestrel News"
)

// Chrome phrases every page of an outlet carries.
var (
	gazetteChrome  = []string{"Get the Gazette Morning Briefing", "Subscribe from £1 a week", "A lowercase f in a blue square", "A small printer with one sheet", "Registered office: 4 Quay Street"}
	courierChrome  = []string{"Courier Extra: unlimited access", "A green speech bubble with a handset inside", "A pair of overlapping rectangles", "Sign up for Courier Catch-Up", "Do you have a story? Email newsdesk", "© 2026 Northfield Courier"}
	meridianChrome = []string{"Sign in | Register", "Our Standards: The Meridian Trust Principles"}
	lanternChrome  = []string{"Become a Lamplighter", "A ribbon folded at one corner", "A curved arrow leaving a box", "Two letter As, one larger", "Kindle your inbox", "lit from within"}
	valleyChrome   = []string{"A blue square with a white letter", "A short length of chain", "Get The Valley Post Daily Dispatch", "Contact the newsroom", "Part of Ashvale Media"}
	kestrelChrome  = []string{"Talon+ members read without adverts", "A small bird with wings spread", "A bell with one curved line beside it", "Swoop Daily", "Hover over the headlines"}
)

// withChrome returns chrome followed by more phrases, in a new slice.
func withChrome(chrome []string, more ...string) []string {
	return append(slices.Clone(chrome), more...)
}

// samples covers every file in data/.
var samples = []sample{
	{
		file:       "harbour-gazette-ferry-strike-live.txt",
		title:      "Ferry strike: Port Ellery crossings halted as Sound Line crews walk out – live",
		outlet:     outletGazette,
		date:       "2026-03-10",
		byline:     "Tamsin Avery",
		event:      "ferry-strike",
		contains:   []string{"about 240 crew members began a 48-hour walkout at 5am", "the first ferry strike on the Sound in eleven years"},
		lacks:      withChrome(gazetteChrome, "Two chain links joined at an angle", "Skerran Isles school reopens after storm repairs", "Port Ellery harbour dues to rise by four per cent", "Gazette Quiz: how well do you know the Sound?"),
		atMostOnce: []string{"Deckhands hold a banner on the slipway at Kittle Quay."},
	},
	{
		file:     "northfield-courier-ferry-strike.txt",
		title:    "Island ferries stop as Sound Line crews begin two-day strike",
		outlet:   outletCourier,
		date:     "2026-03-10",
		byline:   "Rhona Kettle",
		event:    "ferry-strike",
		contains: []string{"Ferry crews on the Skerran Isles route walked out before dawn on Tuesday", "Talks between the union and Sound Line were due to resume on Tuesday afternoon"},
		lacks:    withChrome(courierChrome, "Northfield Rovers sign keeper on loan", "Mill Lane bus gate to be reviewed", "Your pictures: frost on Calder Common"),
	},
	{
		file:     "meridian-wire-ferry-strike.txt",
		title:    "Sound Line ferry crews to strike from Tuesday after rota talks fail",
		outlet:   outletMeridian,
		date:     "2026-03-09",
		byline:   "Idris Castellane",
		event:    "ferry-strike",
		contains: []string{"Crews on the ferry route linking Port Ellery with the Skerran Isles will strike for 48 hours", "The strike is due to end at 5am on Thursday"},
		lacks:    withChrome(meridianChrome, "Pension funds circle coastal infrastructure as yields slip", "Shipyard order books fill on island ferry boom"),
	},
	{
		// Names its outlet nowhere: only The Lantern's chrome gives it away.
		file:       "ferry-strike-analysis.txt",
		title:      "The fourteen-hour question at the heart of the Sound Line strike",
		outlet:     outletLantern,
		date:       "2026-03-11",
		byline:     "Odile Brannagh",
		event:      "ferry-strike",
		contains:   []string{"The quiet at Kittle Quay this week has a particular sound", "which may be the surest sign it is a fair deal"},
		lacks:      withChrome(lanternChrome, "The last lighthouse keeper's daughter", "Why island house prices doubled in a decade"),
		atMostOnce: []string{"Deckhands hold a banner on the Pier Road fence."},
	},
	{
		file:       "northfield-courier-bridge-inquiry.txt",
		title:      "Calder Bridge inquiry told cracks were logged two years before collapse",
		outlet:     outletCourier,
		date:       "2026-04-21",
		byline:     "Callum Frewin",
		event:      "bridge-inquiry",
		contains:   []string{"Inspectors recorded cracking in the main steel girders of Calder Bridge", "A replacement road bridge is not expected before 2028"},
		lacks:      withChrome(courierChrome, "Rovers fans' coach diverted after M-road closure", "Calder Common play park gets new swings", "Letters: the town deserves better than potholes"),
		atMostOnce: []string{"Calder Bridge photographed from the riverbank in the week after the collapse."},
	},
	{
		// No headline, and the one "date" chrome line of the corpus.
		file:         "valley-post-bridge-inquiry.txt",
		synthesized:  true,
		titleMustNot: []string{"date 2026", "Daily Dispatch", "email", "subscribe", "privacy"},
		outlet:       outletValley,
		date:         "2026-04-22",
		event:        "bridge-inquiry",
		contains:     []string{"A council engineer told the Calder Bridge inquiry on Wednesday", "The inquiry continues on Thursday with evidence from the contractor"},
		lacks:        []string{"Get The Valley Post Daily Dispatch", "Please enter a valid email address", "SUBSCRIBE", "You're on the list", "Ashvale Show returns with new dog agility ring", "Top of the valley broadband finally switched on", "Contact the newsroom", "Part of Ashvale Media"},
	},
	{
		file:     "meridian-wire-bridge-inquiry.txt",
		title:    "UK council flagged cracks in collapsed bridge but delayed checks, inquiry hears",
		outlet:   outletMeridian,
		date:     "2026-04-21",
		byline:   "Noor Haddad",
		event:    "bridge-inquiry",
		contains: []string{"A local authority in northern England knew of cracks in a road bridge", "expected to sit for six weeks and report by the end of the year"},
		lacks:    withChrome(meridianChrome, "Steel prices ease as construction demand softens", "Councils warn of £1bn road repair gap"),
	},
	{
		file:       "northfield-courier-mayor-election.txt",
		title:      "Imogen Thale elected Northfield mayor by 412 votes after all-night count",
		outlet:     outletCourier,
		date:       "2026-05-08",
		byline:     "Callum Frewin",
		event:      "mayoral-election",
		contains:   []string{"a former head teacher who entered politics eighteen months ago", "hold the new mayor to every promise she made about buses"},
		lacks:      withChrome(courierChrome, "Election 2026: full ward-by-ward results", "Count staff serve 600 bacon rolls overnight", "Who is Imogen Thale? Head teacher turned mayor"),
		atMostOnce: []string{"Imogen Thale raises her arms as the result is declared at the leisure centre."},
	},
	{
		file:     "harbour-gazette-northfield-mayor.txt",
		title:    "What Northfield's new mayor means for Port Ellery commuters",
		outlet:   outletGazette,
		date:     "2026-05-09",
		byline:   "Josef Marek",
		event:    "mayoral-election",
		contains: []string{"Northfield's new mayor has told Port Ellery she wants the two towns to share a bus company", "a working group with Port Ellery officials could meet"},
		lacks:    withChrome(gazetteChrome, "Harbour shuttle adds late-night service on Saturdays", "Port Ellery council freezes parking charges", "Opinion: the coast road needs a bus lane, not another roundabout"),
	},
	{
		file:     "meridian-wire-mayor-election.txt",
		title:    "Independent unseats Northfield mayor in upset fuelled by bridge collapse",
		outlet:   outletMeridian,
		date:     "2026-05-08",
		byline:   "Idris Castellane",
		event:    "mayoral-election",
		contains: []string{"An independent candidate with no party backing won the mayoralty", "Thale takes office on Monday"},
		lacks:    withChrome(meridianChrome, "Local election turnout edges up across northern towns", "Civic Alliance leader plays down mayoral losses"),
	},
	{
		// Names its outlet nowhere, and has no date. It is about the
		// election, but a numbers piece with no date and no year may
		// be of any election, and shares too little with the reports
		// to join them: grouping keeps it apart (see story's
		// unplacedShare).
		file:     "mayor-election-snapshot.txt",
		title:    "Northfield's new mayor in five numbers",
		outlet:   outletKestrel,
		byline:   "Wes Attah",
		event:    "mayoral-election-numbers",
		contains: []string{"the numbers behind Imogen Thale's win tell a story", "Campaigners say they will be counting"},
		lacks:    withChrome(kestrelChrome, "Heatwave warning for the weekend, forecasters say", "Ten dog walks with a pub at the end"),
	},
	{
		file:     "meridian-wire-tallyfin-leak.txt",
		title:    "Budgeting app Tallyfin exposed data of 1.3 million users, researcher says",
		outlet:   outletMeridian,
		date:     "2026-06-02",
		byline:   "Amara Stenhouse",
		event:    "tallyfin-data-leak",
		contains: []string{"left the personal and financial details of about 1.3 million customers exposed", "The data regulator said it had been notified and was making enquiries"},
		lacks:    withChrome(meridianChrome, "Fintech funding slows for third straight quarter", "Banks push regulators on open banking security rules"),
	},
	{
		file:       "lantern-tallyfin-leak.txt",
		title:      "Inside the Tallyfin leak: how a test server ended up holding a million spending histories",
		outlet:     outletLantern,
		date:       "2026-06-03",
		byline:     "Odile Brannagh",
		event:      "tallyfin-data-leak",
		contains:   []string{"The server that exposed the finances of more than a million Tallyfin customers", "The company says it will write to every affected user by the end of the week"},
		lacks:      withChrome(lanternChrome, "The quiet return of the overdraft fee", "Should you let an app read your bank account?"),
		atMostOnce: []string{"A Tallyfin phone screen showing a monthly spending chart."},
	},
	{
		// No headline; the byline comes after the lead.
		file:         "kestrel-news-tallyfin-leak.txt",
		synthesized:  true,
		titleMustNot: []string{"Talon+", "Kestrel News", "Posted", "Hover", "2026"},
		outlet:       outletKestrel,
		date:         "2026-06-04",
		byline:       "Wes Attah",
		event:        "tallyfin-data-leak",
		contains:     []string{"Tallyfin customers queued outside the company's Northfield office on Thursday morning", "Tallyfin employs around 180 people at its Weaver Street headquarters"},
		lacks:        withChrome(kestrelChrome, "Northfield Rovers promotion party: the best pictures", "Five cheap days out before the school holidays", "© 2026 Kestrel News"),
	},
	{
		file:       "valley-post-river-ashe-flood.txt",
		title:      "River Ashe bursts its banks as Ashvale villages are evacuated",
		outlet:     outletValley,
		date:       "2026-07-14",
		byline:     "Bryony Tasker",
		event:      "river-ashe-flood",
		contains:   []string{"Rescue crews took people from their homes by boat in Lower Fennick", "A recovery fund set up by the parish council had raised more than £8,000"},
		lacks:      withChrome(valleyChrome, "Weather: Ashvale 11°C", "Your Valley Post: sign in", "Ashvale Show dog agility: the winners", "Sheep rustling arrest at Top Farm"),
		atMostOnce: []string{"Volunteers carry sandbags along Mill Row in Ashby Cross."},
	},
	{
		file:     "northfield-courier-flood.txt",
		title:    "Flood water closes Calder footbridge as River Ashe peaks",
		outlet:   outletCourier,
		date:     "2026-07-15",
		byline:   "Esme Dakin",
		event:    "river-ashe-flood",
		contains: []string{"The temporary footbridge beside the collapsed Calder Bridge was closed overnight", "Residents in Ashvale, upstream, are still being kept away from their homes"},
		lacks:    withChrome(courierChrome, "Rovers pre-season friendly called off as pitch floods", "Town hall opens car park to flooded-out residents"),
	},
	{
		file:     "meridian-wire-ashe-flood.txt",
		title:    "Flash floods force evacuations in northern English valley",
		outlet:   outletMeridian,
		date:     "2026-07-14",
		byline:   "Noor Haddad",
		event:    "river-ashe-flood",
		contains: []string{"Rescue workers used boats to evacuate residents from villages in northern England", "emergency funding would be available for affected councils"},
		lacks:    withChrome(meridianChrome, "Insurers warn flood premiums set to climb again", "Drought-hit farmers in south face opposite problem"),
	},
	{
		file:     "kestrel-news-flood-insurance.txt",
		title:    "Flooded Ashvale homeowners told to photograph everything before the skip arrives",
		outlet:   outletKestrel,
		date:     "2026-07-16",
		byline:   "Nadia Fairclough",
		event:    "river-ashe-flood",
		contains: []string{"Residents returning to flooded homes in Lower Fennick and Ashby Cross", "bulky waste collections would be free until the end of August"},
		lacks:    withChrome(kestrelChrome, "Heatwave returns next week, forecasters say", "Your best flood pictures from across the valley", "© 2026 Kestrel News"),
	},
	{
		file:       "lantern-bog-moss-enzyme.txt",
		title:      "The moss that eats polystyrene: a bog on Fennick Moor may hold a clue to plastic waste",
		outlet:     outletLantern,
		date:       "2026-08-19",
		byline:     "Haruto Bellweather",
		event:      "moss-enzyme-discovery",
		contains:   []string{"nobody has had any reason to look closely at the moss on Fennick Moor", "a boot can crush years of growth"},
		lacks:      withChrome(lanternChrome, "Why your cat ignores you (and why that is fine)", "The hidden cost of cloud storage"),
		atMostOnce: []string{"Dr Anouk Verhagen holds a tray of moss samples in the Northfield laboratory."},
	},
	{
		file:     "meridian-wire-moss-enzyme.txt",
		title:    "Scientists find polystyrene-digesting enzyme in English bog moss",
		outlet:   outletMeridian,
		date:     "2026-08-19",
		byline:   "Amara Stenhouse",
		event:    "moss-enzyme-discovery",
		contains: []string{"British scientists have found a bacterium in moorland moss", "funded by a government science council and a charitable trust"},
		lacks:    withChrome(meridianChrome, "Chemical makers bet on recycled feedstock despite costs", "Plastic treaty talks stall over production caps"),
	},
	{
		// No headline and no byline.
		file:         "harbour-gazette-moss-enzyme.txt",
		synthesized:  true,
		titleMustNot: []string{"Gazette", "Subscribe", "Published", "Share on", "Log in"},
		outlet:       outletGazette,
		date:         "2026-08-20",
		event:        "moss-enzyme-discovery",
		contains:     []string{"Port Ellery's harbour trust wants to try a newly discovered plastic-eating moss enzyme", "Meanwhile we still get the boxes"},
		lacks:        withChrome(gazetteChrome, "Kittle Strand beach clean draws record 400 volunteers", "Harbour trust appoints first environment officer", "Letters: who is dumping fish boxes in the Sound?"),
	},
	{
		file:       "harbour-gazette-tram-delay.txt",
		title:      "Drennan Point tram extension delayed by eighteen months after contaminated ground found",
		outlet:     outletGazette,
		date:       "2026-02-16",
		byline:     "Tamsin Avery",
		event:      "tram-extension-delay",
		contains:   []string{"The extension of Port Ellery's tramway to Drennan Point will open at least eighteen months late", "look at reopening one lane of Gasworks Lane to traffic"},
		lacks:      withChrome(gazetteChrome, "Tram passenger numbers pass three million for first time", "Drennan Point flats win planning approval", "Opinion: Port Ellery should be proud of its trams"),
		atMostOnce: []string{"Contractors' fencing along Gasworks Lane, where tar deposits were found."},
	},
	{
		// Names its outlet nowhere: only Kestrel News's chrome gives it away.
		file:     "tram-extension-delay.txt",
		title:    "Gasworks tar pushes tram extension back to 2028 and adds £11m to the bill",
		outlet:   outletKestrel,
		date:     "2026-02-17",
		byline:   "Nadia Fairclough",
		event:    "tram-extension-delay",
		contains: []string{"Port Ellery council tax payers could end up covering part of an £11m overspend", "would run every ten minutes at peak times from March"},
		lacks:    withChrome(kestrelChrome, "Half-term ideas that cost less than a tenner", "The best chips on the coast, ranked by you"),
	},
	{
		// Look-alike of the rescue below: same people and places, another event.
		file:       "harbour-gazette-gull-point-lifeboat-station.txt",
		title:      "New lifeboat station opens at Gull Point after ten-year campaign",
		outlet:     outletGazette,
		date:       "2026-09-03",
		byline:     "Josef Marek",
		event:      "gull-point-station-opening",
		contains:   []string{"Harbour master Ruth Calloway cut the ribbon on the new boathouse", "This is the first time I have stood here and felt glad"},
		lacks:      withChrome(gazetteChrome, "Skerran Isles raffle raises £40,000 for lifeboat fund", "Gull Point car park to be resurfaced", "Pictures: the Spirit of Ellery arrives in the Sound"),
		atMostOnce: []string{"Coxswain Ned Farrow and his crew lined up on the slipway for the opening."},
	},
	{
		file:     "northfield-courier-gull-point-rescue.txt",
		title:    "Northfield sailors rescued off Gull Point after yacht capsizes",
		outlet:   outletCourier,
		date:     "2026-09-24",
		byline:   "Rhona Kettle",
		event:    "gull-point-yacht-rescue",
		contains: []string{"Four sailors from a Northfield yacht club were pulled from the sea off Gull Point", "Three weeks old and it has already paid its way"},
		lacks:    withChrome(courierChrome, "Reservoir sailing club marks fiftieth season", "Cold water swimming: how to stay safe"),
	},
	{
		// No headline, no byline, no date.
		file:         "valley-post-cheese-fair.txt",
		synthesized:  true,
		titleMustNot: []string{"VALLEY POST", "Ashvale's news", "Share:", "valleypost", "Notices"},
		outlet:       outletValley,
		event:        "ashvale-cheese-fair",
		contains:     []string{"A cheese wheel weighing 212 kilograms was rolled into Ashvale market square", "Organisers said every piece had gone within ninety minutes"},
		lacks:        withChrome(valleyChrome, "Ashvale Show dog agility: the winners", "Valley bus timetable changes from next month"),
	},
	{
		// No date.
		file:     "lantern-library-book-returned.txt",
		title:    "A library book comes home to Skerran Mór, forty-one years overdue",
		outlet:   outletLantern,
		byline:   "Haruto Bellweather",
		event:    "skerran-library-book",
		contains: []string{"The island library on Skerran Mór has one room, four shelves of fiction and a tea urn", "That is the best review a library can get"},
		lacks:    withChrome(lanternChrome, "A pair of headphones", "The ferry crew who learned sign language", "Six quiet beaches for the end of the season"),
	},
}

// TestSamples checks extraction of every bundled sample article against
// the samples table.
func TestSamples(t *testing.T) {
	store := sampleLoader(t).Load(context.Background(), []string{"."})
	for _, p := range store.Problems() {
		t.Errorf("problem: %s", p)
	}
	byPath := make(map[string]*feed.Article)
	for _, a := range store.Articles() {
		byPath[a.Path] = a
	}
	for _, s := range samples {
		t.Run(strings.TrimSuffix(s.file, ".txt"), func(t *testing.T) {
			a, ok := byPath[s.file]
			if !ok {
				t.Fatalf("no article read from %s", s.file)
			}
			checkSample(t, s, a)
		})
	}
}

func checkSample(t *testing.T, s sample, a *feed.Article) {
	t.Helper()
	title := sampleFold(a.Title)
	if s.synthesized {
		if !a.TitleSynthesized {
			t.Errorf("title %q not marked synthesized", title)
		}
		if title == "" || len([]rune(title)) > 160 {
			t.Errorf("synthesized title %q: want 1 to 160 characters", title)
		}
		for _, w := range s.titleMustNot {
			if strings.Contains(strings.ToLower(title), strings.ToLower(w)) {
				t.Errorf("synthesized title %q holds %q", title, w)
			}
		}
	} else {
		if title != s.title {
			t.Errorf("title = %q, want %q", title, s.title)
		}
		if a.TitleSynthesized {
			t.Errorf("title %q marked synthesized, but the file has a headline", title)
		}
	}
	if a.Outlet != s.outlet {
		t.Errorf("outlet = %q (from %q), want %q", a.Outlet, a.OutletSource, s.outlet)
	}
	if got := a.DateString(); got != s.date {
		t.Errorf("date = %q, want %q", got, s.date)
	}
	switch byline := sampleFold(a.Byline); {
	case s.byline == "" && byline != "":
		t.Errorf("byline = %q, want none", byline)
	case !strings.Contains(byline, s.byline):
		t.Errorf("byline = %q, want it to hold %q", byline, s.byline)
	}
	body := samplePlain(a.Body)
	for _, w := range s.contains {
		if !strings.Contains(body, sampleFold(w)) {
			t.Errorf("body lacks %q", w)
		}
	}
	for _, w := range s.lacks {
		if strings.Contains(body, sampleFold(w)) {
			t.Errorf("body holds chrome %q", w)
		}
	}
	for _, w := range s.atMostOnce {
		if n := strings.Count(body, sampleFold(w)); n > 1 {
			t.Errorf("body holds %q %d times, want at most once", w, n)
		}
	}
}

// TestSamplesCorpus checks that the samples table covers exactly the
// files in data/ and that the corpus has the breadth the reader's
// features are shown with: enough files, outlets and events, with most
// events reported by two to four outlets.
func TestSamplesCorpus(t *testing.T) {
	files, err := fs.Glob(data.FS, "*.txt")
	if err != nil {
		t.Fatal(err)
	}
	inTable := make(map[string]bool)
	for _, s := range samples {
		if inTable[s.file] {
			t.Errorf("%s is in the samples table twice", s.file)
		}
		inTable[s.file] = true
	}
	for _, f := range files {
		if !inTable[f] {
			t.Errorf("%s is in data/ but not in the samples table", f)
		}
	}
	for f := range inTable {
		if !slices.Contains(files, f) {
			t.Errorf("%s is in the samples table but not in data/", f)
		}
	}

	outlets := make(map[string]bool)
	eventOutlets := make(map[string]map[string]bool)
	for _, s := range samples {
		outlets[s.outlet] = true
		if eventOutlets[s.event] == nil {
			eventOutlets[s.event] = make(map[string]bool)
		}
		eventOutlets[s.event][s.outlet] = true
	}
	shared := 0
	for _, os := range eventOutlets {
		if n := len(os); n >= 2 && n <= 4 {
			shared++
		}
	}
	if len(files) < 24 {
		t.Errorf("%d sample files, want at least 24", len(files))
	}
	if len(outlets) < 5 {
		t.Errorf("%d outlets, want at least 5", len(outlets))
	}
	if n := len(sampleEventNames()); n < 6 {
		t.Errorf("%d events, want at least 6", n)
	}
	if 2*shared <= len(eventOutlets) {
		t.Errorf("%d of %d events are reported by 2 to 4 outlets, want most", shared, len(eventOutlets))
	}
	sigs := string(data.Signatures)
	for o := range outlets {
		if !strings.Contains(sigs, `outlet = "`+o+`"`) {
			t.Errorf("outlet %q is not in data/signatures.toml", o)
		}
	}
}

var (
	sampleSpaces     = regexp.MustCompile(`\s+`)
	sampleMDEscape   = regexp.MustCompile("\\\\([\\\\`*_{}\\[\\]()#+\\-.!|>~'\"])")
	sampleMDLink     = regexp.MustCompile(`!?\[([^\]]*)\]\([^)]*\)`)
	sampleMDLineMark = regexp.MustCompile(`(?m)^\s{0,3}(#{1,6}\s+|>\s?|[-*+•]\s+|\d+[.)]\s+)`)
	sampleMDInline   = regexp.MustCompile("(\\*\\*|__|\\*|_|`)")
)

// sampleFold collapses runs of whitespace to one space and trims the ends.
func sampleFold(s string) string { return strings.TrimSpace(sampleSpaces.ReplaceAllString(s, " ")) }

// samplePlain turns a Markdown body into folded plain text, near enough for
// substring checks; it strips what the shared seed checks strip.
func samplePlain(md string) string {
	s := sampleMDEscape.ReplaceAllString(md, "$1")
	s = sampleMDLink.ReplaceAllString(s, "$1")
	s = sampleMDLineMark.ReplaceAllString(s, "")
	s = sampleMDInline.ReplaceAllString(s, "")
	return sampleFold(s)
}

// sampleLoader returns a loader of the bundled samples whose outlet table
// knows the samples' fictional outlets, as the command line sets it up.
func sampleLoader(t testing.TB) *load.Loader {
	t.Helper()
	sigs, err := extract.ParseSignatures(data.Signatures)
	if err != nil {
		t.Fatal(err)
	}
	x := extract.NewExtractor()
	x.Signatures.Append(sigs...)
	return &load.Loader{FS: data.FS, Extractor: x}
}
