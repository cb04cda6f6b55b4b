package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/term"

	"github.com/broadsheet/broadsheet/data"
	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/feed/extract"
	"github.com/broadsheet/broadsheet/feed/load"
	"github.com/broadsheet/broadsheet/feed/search"
	"github.com/broadsheet/broadsheet/internal/config"
	"github.com/broadsheet/broadsheet/ui"
)

// runReader opens the reader, or prints the list when stdout is not a
// terminal or there is no reader.
func runReader(e *env, args []string) error {
	if e.Reader == nil || !isTerminal(e.Stdout) {
		shortLived()
		return list(e.Stdout, e.load(args), e.flags.outlet, e.flags.json)
	}
	db := openState(e)
	if db != nil {
		defer db.Close()
	}
	e.reader = true
	l, paths := e.loader(args)
	return e.Reader(l, paths, e.cfg, db)
}

// runConfig prints where the config file is and the settings in effect.
func runConfig(e *env) error {
	if e.flags.path {
		_, err := fmt.Fprintln(e.Stdout, e.loc.Path)
		return err
	}
	bw := bufio.NewWriter(e.Stdout)
	if e.loc.Exists {
		fmt.Fprintf(bw, "# Config file: %s\n", e.loc.Path)
		fmt.Fprintf(bw, "# The settings in effect: the defaults with the file's laid over them.\n\n")
	} else {
		fmt.Fprintf(bw, "# Config file: %s (not there: these are the defaults)\n", e.loc.Path)
		fmt.Fprintf(bw, "# To start one: mkdir -p \"$(dirname \"$(broadsheet config --path)\")\" &&\n")
		fmt.Fprintf(bw, "#   broadsheet config > \"$(broadsheet config --path)\"\n\n")
	}
	if err := e.cfg.WriteTOML(bw); err != nil {
		return err
	}
	return bw.Flush()
}

// shortLived lets the collector's heap grow to three times what is in
// use between collections, rather than twice, in a command that lists or
// searches and exits, unless GOGC says otherwise: a second start's
// articles, decoded from the cache, are all kept until the end, and
// collecting them again and again as they are decoded was a tenth of
// its time (list, 100,000 articles: 1.44/1.27 -> 1.19/1.17 CPU-s; a
// first start of 10,000 peaked 4-7 MB higher, at 177-180 MB). The
// reader, which runs for long, keeps the default.
func shortLived() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(200)
	}
}

// loader returns the loader for paths, and the paths to give it: with
// none, the config file's folders, else the bundled samples.
func (e *env) loader(paths []string) (*load.Loader, []string) {
	x := extract.NewExtractor()
	x.Signatures = e.cfg.Signatures()
	l := &load.Loader{MaxFileSize: int64(e.cfg.MaxFileSize), Extractor: x}
	if len(paths) == 0 {
		paths = e.cfg.Paths()
	}
	if len(paths) > 0 {
		e.useCache(l, paths)
		return l, paths
	}
	// The samples' made-up outlets are known only to the samples: in a
	// user's folder their one-word names ("Lantern") would be found in
	// real outlets' names and text.
	x.Signatures.Append(sampleSignatures()...)
	l.FS = data.FS
	return l, []string{"."}
}

// sampleSignatures returns the signatures of the bundled samples'
// fictional outlets.
var sampleSignatures = sync.OnceValue(func() []extract.Signature {
	sigs, err := extract.ParseSignatures(data.Signatures)
	if err != nil {
		panic("data/signatures.toml: " + err.Error())
	}
	return sigs
})

// load reads paths, reporting each problem on stderr.
func (e *env) load(paths []string) *feed.Store {
	l, paths := e.loader(paths)
	store := l.Load(context.Background(), paths)
	for _, p := range store.Problems() {
		fmt.Fprintf(e.Stderr, "broadsheet: %s\n", p)
	}
	return store
}

// show prints the store's articles rendered for the terminal, or as one
// JSON object each with the body.
func show(w io.Writer, store *feed.Store, asJSON bool, theme config.Theme) (err error) {
	arts := store.Articles()
	if len(arts) == 0 {
		return ErrNothingLoaded
	}
	bw := bufio.NewWriter(w)
	defer flush(bw, &err)
	for _, a := range arts {
		a = a.Safe()
		if asJSON {
			b, err := a.JSON(true)
			if err != nil {
				return err
			}
			bw.Write(append(b, '\n'))
			continue
		}
		style, width := "notty", 80
		if isTerminal(w) {
			style = glamourStyle(w, theme)
			if f, ok := w.(*os.File); ok {
				if tw, _, err := term.GetSize(f.Fd()); err == nil && tw > 0 {
					width = min(tw, 100)
				}
			}
		}
		out, err := renderArticle(a, width, style)
		if err != nil {
			return err
		}
		bw.WriteString(out)
	}
	return nil
}

// renderArticle renders a for show in the named style, made safe as
// the last step: Glamour turns character references into the characters
// they name, so only the styles it writes are let through (see
// feed.SanitizeStyled). Glamour writes links as OSC 8 hyperlinks even in
// its plain style; a pipe gets their text alone, and no line padded out
// to the width with spaces.
func renderArticle(a *feed.Article, width int, style string) (string, error) {
	out, err := ui.RenderArticle(a.Safe(), width, style)
	if err != nil {
		return "", err
	}
	if style == "notty" {
		return trimLineEnds(feed.SanitizeText(out)), nil
	}
	return feed.SanitizeStyled(out), nil
}

// trimLineEnds drops the spaces and tabs that end each line of s.
func trimLineEnds(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t")
	}
	return strings.Join(lines, "\n")
}

// glamourStyle picks the rendering style for a terminal: "mono" under
// NO_COLOR, else the theme's, or for "auto" the one that suits the
// terminal's background.
func glamourStyle(w io.Writer, theme config.Theme) string {
	if os.Getenv("NO_COLOR") != "" {
		return "mono"
	}
	switch theme {
	case config.ThemeLight:
		return "light"
	case config.ThemeDark:
		return "dark"
	}
	if f, ok := w.(*os.File); ok && term.IsTerminal(os.Stdin.Fd()) && !lipgloss.HasDarkBackground(os.Stdin, f) {
		return "light"
	}
	return "dark"
}

// outletError says that no outlet loaded is the one --outlet names. It
// is a usage error (exit status 2).
type outletError struct{ msg string }

func (e outletError) Error() string        { return e.msg }
func (e outletError) Is(target error) bool { return target == ErrUsage }

// knownOutlet returns an outletError when no outlet in the store matches
// name as outlet: does (search.OutletMatches), suggesting the nearest.
func knownOutlet(store *feed.Store, name string) error {
	var names []string
	for _, o := range store.Outlets() {
		if search.OutletMatches(o.Name, name) {
			return nil
		}
		names = append(names, o.Name)
	}
	msg := fmt.Sprintf("no outlet '%s'", feed.SanitizeLine(name))
	if near := nearestOutlet(names, name); near != "" {
		msg += fmt.Sprintf("; did you mean %s?", feed.SanitizeLine(near))
	}
	return outletError{msg}
}

// nearestOutlet returns the outlet whose name, or the words of it from
// one of them on, is fewest edits from typed, when that is at most a
// third of what was typed (and at least one edit); or "".
func nearestOutlet(names []string, typed string) string {
	t := search.FoldOutlet(typed)
	best, bestD := "", max(1, len([]rune(t))/3)+1
	for _, n := range names {
		words := strings.Fields(search.FoldOutlet(n))
		for i := range words {
			// The words from this one on, whole or cut to the length
			// typed: "meridan" is one edit from "Meridian Wire".
			rest := strings.Join(words[i:], " ")
			for _, c := range []string{rest, rest[:min(len(rest), len(t))]} {
				if d := editDistance(t, c); d < bestD {
					best, bestD = n, d
				}
			}
		}
	}
	return best
}

func list(w io.Writer, store *feed.Store, outlet string, asJSON bool) error {
	if store.Len() == 0 {
		return ErrNothingLoaded
	}
	arts := store.Articles()
	if outlet != "" {
		if err := knownOutlet(store, outlet); err != nil {
			return err
		}
		arts = slices.DeleteFunc(arts, func(a *feed.Article) bool {
			return !search.OutletMatches(feed.OutletName(a), outlet)
		})
	}
	var storyOf func(string) string
	if asJSON {
		storyOf = groupStories(store, nil).Of
	}
	return writeArticles(w, arts, asJSON, storyOf)
}

// searchCmd prints the articles matching query, best first. It reads
// every file once, extracts only those whose raw bytes may match, and
// tests what it extracted against the query directly: a one-shot search
// builds no index.
func searchCmd(e *env, query string, paths []string) error {
	l, paths := e.loader(paths)
	results, probs, found := search.Scan(query, func(f search.Filter) <-chan feed.Event {
		l.Filter = f
		return l.Stream(context.Background(), paths)
	})
	for _, p := range probs {
		fmt.Fprintf(e.Stderr, "broadsheet: %s\n", p)
	}
	if !found {
		return ErrNothingLoaded
	}
	var arts []*feed.Article
	for _, r := range results {
		if e.flags.outlet == "" || search.OutletMatches(feed.OutletName(r.Article), e.flags.outlet) {
			arts = append(arts, r.Article)
		}
	}
	if len(arts) == 0 && e.flags.outlet != "" {
		// The scan passed over the files that could not match, so it
		// never met most outlets: only now, with nothing to show, is it
		// worth reading everything to tell a mistyped outlet from one
		// with no match.
		l, paths := e.loader(paths)
		if err := knownOutlet(l.Load(context.Background(), paths), e.flags.outlet); err != nil {
			return err
		}
	}
	return writeArticles(e.Stdout, arts, e.flags.json, nil)
}

// writeArticles prints articles one a line: JSON Lines, or date, outlet
// and title in columns. Dates stay YYYY-MM-DD here, whatever the config
// says, so that scripts reading the columns keep working. When storyOf
// is given, each JSON line carries the article's story ID.
func writeArticles(w io.Writer, arts []*feed.Article, asJSON bool, storyOf func(articleID string) string) (err error) {
	bw := bufio.NewWriter(w)
	defer flush(bw, &err)
	if !asJSON {
		writeColumns(bw, arts)
		return nil
	}
	for _, a := range safeHeads(arts) {
		b, err := a.JSON(false)
		if err != nil {
			return err
		}
		if storyOf != nil {
			b = withStory(b, storyOf(a.ID))
		}
		bw.Write(append(b, '\n'))
	}
	return nil
}

// writeColumns writes the lines of writeArticles without JSON: date,
// outlet and title, the only fields made safe to print, as Article.Safe
// makes them. A hundred thousand lines are made on every core, a chunk
// at a time, and written in order as they are made: the whole list is
// never held (at 100,000 articles that was 13 MB, at the moment the
// most was in use).
func writeColumns(bw *bufio.Writer, arts []*feed.Article) {
	workers := max(1, min(runtime.GOMAXPROCS(0), len(arts)/4096))
	// The outlets' column is as wide as the widest.
	size := (len(arts) + workers - 1) / workers
	widths := make([]int, workers)
	var wg sync.WaitGroup
	for p := range workers {
		wg.Go(func() {
			for _, a := range arts[p*size : min((p+1)*size, len(arts))] {
				widths[p] = max(widths[p], utf8.RuneCountInString(safeOutlet(a)))
			}
		})
	}
	wg.Wait()
	width := min(slices.Max(append(widths, 0)), 28)
	const chunk = 2048 // lines
	chunks := (len(arts) + chunk - 1) / chunk
	lines := func(b []byte, c int) []byte {
		for _, a := range arts[c*chunk : min((c+1)*chunk, len(arts))] {
			if d := a.Date; d.IsZero() {
				b = append(b, "          "...)
			} else {
				b = d.AppendFormat(b, time.DateOnly)
			}
			b = append(b, "  "...)
			b = appendPadded(b, safeOutlet(a), width)
			b = append(b, "  "...)
			b = append(b, feed.Sanitize(a.Title)...)
			b = append(b, '\n')
		}
		return b
	}
	if workers == 1 {
		var b []byte
		for c := range chunks {
			b = lines(b[:0], c)
			bw.Write(b)
		}
		return
	}
	// A worker takes a buffer, then the next chunk: buffers are as many
	// as the chunks made and not yet written, and the chunk written next
	// is always one being made or made.
	made := make([]chan []byte, chunks)
	for c := range made {
		made[c] = make(chan []byte, 1)
	}
	free := make(chan []byte, 2*workers)
	for range cap(free) {
		free <- nil
	}
	var next atomic.Int64
	for range workers {
		wg.Go(func() {
			for {
				b := <-free
				c := int(next.Add(1)) - 1
				if c >= chunks {
					return
				}
				made[c] <- lines(b[:0], c)
			}
		})
	}
	for c := range chunks {
		b := <-made[c]
		bw.Write(b)
		free <- b
	}
	wg.Wait()
}

// safeOutlet returns a's outlet as the list prints it: made safe, or
// feed.UnknownOutlet.
func safeOutlet(a *feed.Article) string {
	if o := feed.Sanitize(a.Outlet); o != "" {
		return o
	}
	return feed.UnknownOutlet
}

// safeHeads returns copies of arts without their bodies, which a list
// does not print, and with every other field made safe to print (see
// feed.Article.Safe).
func safeHeads(arts []*feed.Article) []*feed.Article {
	out := make([]*feed.Article, len(arts))
	for i, a := range arts {
		head := *a
		head.Body = ""
		out[i] = head.Safe()
	}
	return out
}

// outlets prints the store's outlets with their article counts, and
// where each name was read from.
func outlets(w io.Writer, store *feed.Store, asJSON bool) (err error) {
	if store.Len() == 0 {
		return ErrNothingLoaded
	}
	bw := bufio.NewWriter(w)
	defer flush(bw, &err)
	for _, o := range store.Outlets() {
		o.Name, o.Sources = feed.Sanitize(o.Name), feed.Sanitize(o.Sources)
		if asJSON {
			b, err := json.Marshal(struct {
				Outlet       string `json:"outlet"`
				Count        int    `json:"count"`
				OutletSource string `json:"outlet_source"`
			}{o.Name, o.Count, o.Sources})
			if err != nil {
				return err
			}
			bw.Write(append(b, '\n'))
			continue
		}
		if o.Sources == "" {
			fmt.Fprintf(bw, "%5d  %s\n", o.Count, o.Name)
			continue
		}
		fmt.Fprintf(bw, "%5d  %s  (from %s)\n", o.Count, o.Name, o.Sources)
	}
	return nil
}

// flush flushes bw, and sets *err to what went wrong in writing (a
// closed pipe, a full disk) unless an error came first. A bufio.Writer
// keeps the first write's error, so no write of the output is lost track
// of.
func flush(bw *bufio.Writer, err *error) {
	if ferr := bw.Flush(); *err == nil && ferr != nil {
		*err = fmt.Errorf("write output: %w", ferr)
	}
}

// pad cuts or pads s to n runes.
func pad(s string, n int) string {
	return string(appendPadded(nil, s, n))
}

// appendPadded appends s cut or padded to n runes.
func appendPadded(b []byte, s string, n int) []byte {
	runes := utf8.RuneCountInString(s)
	if runes <= n {
		b = append(b, s...)
		for range n - runes {
			b = append(b, ' ')
		}
		return b
	}
	if n <= 0 {
		return append(b, "…"...)
	}
	cut, i := 0, 0
	for j := range s {
		if i == n-1 {
			cut = j
			break
		}
		i++
	}
	return append(append(b, s[:cut]...), "…"...)
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}
