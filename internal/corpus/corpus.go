// Package corpus writes synthetic news article files for benchmarks: the
// raw text of scraped web pages, with site chrome around a title,
// dateline, byline, paragraphs and a related-stories block, from many
// outlets and stories. The same seed always gives the same files.
package corpus

import (
	"bytes"
	"fmt"
	"io/fs"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
)

// Corpus is the vocabulary, outlets and stories articles are drawn from.
type Corpus struct {
	seed    uint64
	words   []string // content words, most common first
	cumWord []float64
	names   []string // "First Last"
	places  []string
	outlets []outlet
	stories []story
}

type outlet struct {
	name   string
	header []string
	footer []string
	style  int // how the dateline and byline are written
}

type story struct {
	keywords []string
	people   []string
	place    string
	date     time.Time
}

// New builds the corpus for n articles from a seed.
func New(n int, seed uint64) *Corpus {
	r := rand.New(rand.NewPCG(seed, 0x5eed))
	c := &Corpus{seed: seed}
	c.words = vocabulary(r)
	c.cumWord = zipf(len(c.words), 1.05)
	for range 3000 {
		c.names = append(c.names, capital(pseudo(r, 2+r.IntN(2)))+" "+capital(pseudo(r, 2+r.IntN(2))))
	}
	for range 600 {
		c.places = append(c.places, capital(pseudo(r, 2+r.IntN(3))))
	}
	for i := range 50 {
		c.outlets = append(c.outlets, newOutlet(r, i))
	}
	start := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)
	for range max(1, n/8) {
		s := story{place: c.places[r.IntN(len(c.places))], date: start.AddDate(0, 0, r.IntN(700))}
		for range 6 + r.IntN(6) {
			// Story keywords come from the middle of the vocabulary: not
			// so common that they say nothing, not one-offs.
			s.keywords = append(s.keywords, c.words[20+r.IntN(min(4000, len(c.words)-20))])
		}
		for range 2 + r.IntN(3) {
			s.people = append(s.people, c.names[r.IntN(len(c.names))])
		}
		c.stories = append(c.stories, s)
	}
	return c
}

// zipf returns the cumulative distribution of a Zipf law over n ranks.
func zipf(n int, s float64) []float64 {
	cum := make([]float64, n)
	total := 0.0
	for i := range n {
		total += 1 / math.Pow(float64(i)+2.7, s)
		cum[i] = total
	}
	for i := range cum {
		cum[i] /= total
	}
	return cum
}

func (c *Corpus) word(r *rand.Rand) string {
	i := sort.SearchFloat64s(c.cumWord, r.Float64())
	return c.words[min(i, len(c.words)-1)]
}

// Outlets returns the outlet names.
func (c *Corpus) Outlets() []string {
	var out []string
	for _, o := range c.outlets {
		out = append(out, o.name)
	}
	return out
}

// Names returns the people articles are about.
func (c *Corpus) Names() []string { return c.names }

// Words returns the content vocabulary, most common first.
func (c *Corpus) Words() []string { return c.words }

// Story returns the keywords and people of story i.
func (c *Corpus) Story(i int) (keywords, people []string) {
	s := c.stories[i%len(c.stories)]
	return s.keywords, s.people
}

// File returns article i's path relative to the corpus folder and its
// bytes. Each article depends only on the seed and i.
func (c *Corpus) File(i int) (string, []byte) {
	r := rand.New(rand.NewPCG(c.seed, uint64(i)+1))
	o := c.outlets[r.IntN(len(c.outlets))]
	si := r.IntN(len(c.stories))
	if r.IntN(3) == 0 {
		si = i % len(c.stories) // every story gets articles
	}
	s := c.stories[si]
	date := s.date.AddDate(0, 0, r.IntN(5))

	var b bytes.Buffer
	for _, l := range o.header {
		b.WriteString(l)
		b.WriteByte('\n')
	}
	b.WriteByte('\n')
	title := c.sentence(r, s, 5+r.IntN(7), false)
	title = strings.TrimSuffix(title, ".")
	b.WriteString(title + "\n\n")
	author := c.names[r.IntN(len(c.names))]
	switch o.style {
	case 0:
		fmt.Fprintf(&b, "By %s\n%s\n\n", author, date.Format("2 January 2006"))
	case 1:
		fmt.Fprintf(&b, "%s | Published %s\n\n", author, date.Format("Jan 2, 2006"))
	case 2:
		fmt.Fprintf(&b, "date %s %s\n\n", date.Format(time.DateOnly), author)
	default:
		fmt.Fprintf(&b, "%s\n%s, %s\n\n", author, strings.ToUpper(s.place), date.Format("Monday 2 January 2006"))
	}
	// Sizes from 2 to 10 KB, most near 6 KB.
	target := 2000 + int((r.Float64()+r.Float64()+r.Float64())/3*8000)
	footer := len(strings.Join(o.footer, "\n")) + 300
	for b.Len() < target-footer {
		n := 1 + r.IntN(4)
		var p []string
		for range n {
			p = append(p, c.sentence(r, s, 8+r.IntN(22), true))
		}
		b.WriteString(strings.Join(p, " "))
		b.WriteString("\n\n")
	}
	b.WriteString("Related stories\n")
	for range 3 {
		rs := c.stories[r.IntN(len(c.stories))]
		b.WriteString(strings.TrimSuffix(c.sentence(r, rs, 5+r.IntN(6), false), ".") + "\n")
	}
	b.WriteByte('\n')
	for _, l := range o.footer {
		b.WriteString(l)
		b.WriteByte('\n')
	}
	name := fmt.Sprintf("%06d_%08x.txt", i, r.Uint32())
	return filepath.Join(o.name, name), b.Bytes()
}

// sentence writes one sentence of about n words about story s.
func (c *Corpus) sentence(r *rand.Rand, s story, n int, quotes bool) string {
	var w []string
	for len(w) < n {
		x := r.Float64()
		switch {
		case x < 0.42:
			w = append(w, function[r.IntN(len(function))])
		case x < 0.52:
			w = append(w, s.keywords[r.IntN(len(s.keywords))])
		case x < 0.56:
			p := s.people[r.IntN(len(s.people))]
			if r.IntN(2) == 0 {
				p = p[strings.IndexByte(p, ' ')+1:]
			}
			w = append(w, p)
		case x < 0.58:
			w = append(w, s.place)
		case x < 0.59:
			w = append(w, fmt.Sprint(r.IntN(2000)+10))
		default:
			w = append(w, inflect(r, c.word(r)))
		}
	}
	w[0] = capital(w[0])
	out := strings.Join(w, " ") + "."
	if quotes && r.IntN(6) == 0 {
		out = "“" + out[:len(out)-1] + ",” said " + s.people[r.IntN(len(s.people))] + "."
	}
	if r.IntN(5) == 0 {
		out = strings.Replace(out, " ", ", ", 1)
	}
	return out
}

// inflect sometimes gives a word an English ending, so stemming has work.
func inflect(r *rand.Rand, w string) string {
	switch r.IntN(10) {
	case 0, 1:
		if strings.HasSuffix(w, "s") {
			return w + "es"
		}
		if strings.HasSuffix(w, "y") && len(w) > 3 {
			return w[:len(w)-1] + "ies"
		}
		return w + "s"
	case 2:
		if strings.HasSuffix(w, "e") {
			return w + "d"
		}
		return w + "ed"
	case 3:
		return strings.TrimSuffix(w, "e") + "ing"
	}
	return w
}

func capital(w string) string {
	if w == "" {
		return w
	}
	for i := range w {
		if i > 0 {
			return strings.ToUpper(w[:i]) + w[i:]
		}
	}
	return strings.ToUpper(w)
}

var syllables = strings.Fields("ba be bi bo bu ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no nu ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo an en in on ar er or ul el ost ing and ber dor gan mar tel vin ström zé lü nø ça")

// pseudo returns a made-up word of n syllables.
func pseudo(r *rand.Rand, n int) string {
	var b strings.Builder
	for range n {
		b.WriteString(syllables[r.IntN(len(syllables))])
	}
	return b.String()
}

// vocabulary returns the content words, most common first: everyday news
// words, then made-up ones for the long tail.
func vocabulary(r *rand.Rand) []string {
	words := slices.Clone(common)
	r.Shuffle(len(words), func(i, j int) { words[i], words[j] = words[j], words[i] })
	seen := make(map[string]bool)
	for _, w := range words {
		seen[w] = true
	}
	for len(words) < 60000 {
		w := pseudo(r, 2+r.IntN(3))
		if !seen[w] {
			seen[w] = true
			words = append(words, w)
		}
	}
	return words
}

func newOutlet(r *rand.Rand, i int) outlet {
	adj := []string{"Northern", "Daily", "Evening", "Morning", "Coastal", "Metropolitan", "Valley", "National", "Weekly", "Capital"}
	noun := []string{"Lantern", "Courier", "Ledger", "Gazette", "Herald", "Chronicle", "Observer", "Dispatch", "Record", "Beacon"}
	name := adj[i%len(adj)] + " " + noun[(i/len(adj)+i)%len(noun)]
	if r.IntN(3) == 0 {
		name = "The " + name
	}
	o := outlet{name: name, style: r.IntN(4)}
	sections := []string{"Home", "News", "World", "Politics", "Business", "Sport", "Culture", "Opinion", "Science", "Weather"}
	o.header = []string{"Skip to main content", name, strings.Join(sections[:4+r.IntN(6)], " | ")}
	if r.IntN(2) == 0 {
		o.header = append(o.header, "Subscribe for full access", "Sign in")
	}
	o.footer = []string{
		"Get the " + name + " newsletter in your inbox every morning",
		"Enter your email address Sign up",
		"© " + name + " " + fmt.Sprint(2020+r.IntN(5)) + ". All rights reserved.",
		"About us | Contact | Privacy policy | Terms of use | Advertise",
	}
	return o
}

// Generate writes n articles under dir, several at a time, and returns
// the total bytes written.
func Generate(dir string, n int, seed uint64) (int64, error) {
	c := New(n, seed)
	for _, o := range c.outlets {
		if err := os.MkdirAll(filepath.Join(dir, o.name), 0o755); err != nil {
			return 0, err
		}
	}
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		total int64
		first error
	)
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				name, data := c.File(i)
				err := os.WriteFile(filepath.Join(dir, name), data, 0o644)
				mu.Lock()
				total += int64(len(data))
				if err != nil && first == nil {
					first = fmt.Errorf("write %s: %w", name, err)
				}
				mu.Unlock()
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
	return total, first
}

// Cached returns the folder under os.TempDir holding n generated
// articles from seed, writing it on first use, and the total bytes of
// its article files. Benchmarks share the folders between runs: a
// folder is only used once a marker file says it was written whole.
func Cached(n int, seed uint64) (string, int64, error) {
	dir := filepath.Join(os.TempDir(), fmt.Sprintf("broadsheet-corpus-n%d-seed%d", n, seed))
	done := filepath.Join(dir, ".done")
	if _, err := os.Stat(done); err != nil {
		os.RemoveAll(dir)
		if _, err := Generate(dir, n, seed); err != nil {
			return "", 0, err
		}
		if err := os.WriteFile(done, nil, 0o644); err != nil {
			return "", 0, err
		}
	}
	var total int64
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() && d.Name() != ".done" {
			info, err := d.Info()
			if err != nil {
				return err
			}
			total += info.Size()
		}
		return err
	})
	return dir, total, err
}

// Queries returns count search queries that exercise the corpus the way
// a reader would: common words, pairs, people, phrases, exclusions and
// filters. The same corpus always gives the same queries.
func (c *Corpus) Queries(count int) []string {
	r := rand.New(rand.NewPCG(c.seed, 0x9e7))
	fixed := []string{
		"election", "harbour", "budget", "strike", "flood", "ferry", "inflation", "museum",
		"council budget", "police investigation", "climate summit", "housing rent", "energy prices",
		`"prime minister"`, "election -budget", "storm -flood", "title:bridge", "title:election council",
		"after:2024-01-01 strike", "before:2023-06-01 trial", "hospital nurses", "repairs bridge",
		"weather forecast warning", "court verdict appeal", "elect", "presid", "festiv music",
	}
	fixed = append(fixed, fmt.Sprintf("outlet:%q flood", c.outlets[1].name), fmt.Sprintf("outlet:%q", c.outlets[7].name))
	out := slices.Clone(fixed)
	for i := 0; len(out) < count; i++ {
		s := c.stories[r.IntN(len(c.stories))]
		switch i % 5 {
		case 0:
			out = append(out, s.people[0])
		case 1:
			out = append(out, `"`+s.people[1]+`"`)
		case 2:
			out = append(out, s.keywords[0]+" "+s.keywords[1])
		case 3:
			out = append(out, strings.ToLower(s.place)+" "+s.keywords[2])
		default:
			last := s.people[0][strings.IndexByte(s.people[0], ' ')+1:]
			out = append(out, last+" -"+s.keywords[0])
		}
	}
	return out[:count]
}
