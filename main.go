// Command broadsheet is a terminal news reader for local article files.
package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/term"

	"github.com/broadsheet/broadsheet/data"
	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/feed/search"
	"github.com/broadsheet/broadsheet/ui"
)

const usage = `Broadsheet: a terminal reader for local news article files.

Usage:
  broadsheet [PATH...]                                  open the reader (a plain list when not on a terminal)
  broadsheet list [--json] [--outlet NAME] [PATH...]     one article a line
  broadsheet show [--json] PATH                          one article, rendered
  broadsheet search [--json] [--outlet NAME] QUERY [PATH...]  matching articles, best first
  broadsheet outlets [--json] [PATH...]                  outlets with their article counts

With no PATH, Broadsheet reads its bundled sample articles.
`

// errUsage marks a command line that could not be understood.
var errUsage = errors.New("usage")

// errNothingLoaded marks a run in which no article could be read.
var errNothingLoaded = errors.New("no articles could be loaded")

func main() {
	err := run(os.Args[1:], os.Stdout, os.Stderr)
	switch {
	case err == nil:
	case errors.Is(err, errUsage):
		fmt.Fprintf(os.Stderr, "broadsheet: %v\nRun 'broadsheet --help' for usage.\n", err)
		os.Exit(2)
	default:
		fmt.Fprintf(os.Stderr, "broadsheet: %v\n", err)
		os.Exit(1)
	}
}

func run(args []string, stdout, stderr io.Writer) error {
	cmd := ""
	if len(args) > 0 {
		switch args[0] {
		case "list", "show", "search", "outlets":
			cmd, args = args[0], args[1:]
		case "-h", "--help", "help":
			fmt.Fprint(stdout, usage)
			return nil
		}
	}
	fl := flag.NewFlagSet("broadsheet "+cmd, flag.ContinueOnError)
	fl.SetOutput(io.Discard)
	asJSON := fl.Bool("json", false, "print JSON")
	outlet := fl.String("outlet", "", "only articles from this outlet")
	pos, err := parseInterleaved(fl, args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(stdout, usage)
		return nil
	}
	if err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}

	switch cmd {
	case "show":
		if len(pos) != 1 {
			return fmt.Errorf("%w: show takes one PATH", errUsage)
		}
		store := load(pos, stderr)
		return show(stdout, store, *asJSON)
	case "search":
		if len(pos) == 0 {
			return fmt.Errorf("%w: search needs a QUERY", errUsage)
		}
		store := load(pos[1:], stderr)
		return searchCmd(stdout, store, pos[0], *outlet, *asJSON)
	case "outlets":
		store := load(pos, stderr)
		return outlets(stdout, store, *asJSON)
	case "list":
		store := load(pos, stderr)
		return list(stdout, store, *outlet, *asJSON)
	}
	if !isTerminal(stdout) {
		store := load(pos, stderr)
		return list(stdout, store, *outlet, *asJSON)
	}
	return runTUI(pos)
}

// parseInterleaved parses flags that may come before, between or after
// the positional arguments.
func parseInterleaved(fl *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fl.Parse(args); err != nil {
			return nil, err
		}
		args = fl.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// loader returns the loader for paths, and the paths to give it: the
// bundled samples when there are none.
func loader(paths []string) (*feed.Loader, []string) {
	if len(paths) == 0 {
		return &feed.Loader{FS: data.FS}, []string{"."}
	}
	return &feed.Loader{}, paths
}

// load reads paths, reporting each problem on stderr.
func load(paths []string, stderr io.Writer) *feed.Store {
	l, paths := loader(paths)
	store := l.Load(context.Background(), paths)
	for _, p := range store.Problems() {
		fmt.Fprintf(stderr, "broadsheet: %s\n", p)
	}
	return store
}

// runTUI opens the reader on paths. The interface appears at once and
// fills in as the loader reports.
func runTUI(paths []string) error {
	title := "bundled samples"
	if len(paths) > 0 {
		title = strings.Join(paths, " ")
	}
	l, paths := loader(paths)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	m := ui.New(l.Stream(ctx, paths), ui.Options{Title: title})
	_, err := tea.NewProgram(m).Run()
	return err
}

func show(w io.Writer, store *feed.Store, asJSON bool) error {
	arts := store.Articles()
	if len(arts) == 0 {
		return errNothingLoaded
	}
	bw := bufio.NewWriter(w)
	defer bw.Flush()
	for _, a := range arts {
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
			style = "dark"
			if f, ok := w.(*os.File); ok {
				if tw, _, err := term.GetSize(f.Fd()); err == nil && tw > 0 {
					width = min(tw, 100)
				}
			}
		}
		out, err := ui.RenderArticle(a, width, style)
		if err != nil {
			return err
		}
		bw.WriteString(out)
	}
	return nil
}

func list(w io.Writer, store *feed.Store, outlet string, asJSON bool) error {
	if store.Len() == 0 {
		return errNothingLoaded
	}
	arts := store.Articles()
	if outlet != "" {
		arts = store.ByOutlet(outlet)
	}
	return writeArticles(w, arts, asJSON)
}

func searchCmd(w io.Writer, store *feed.Store, query, outlet string, asJSON bool) error {
	if store.Len() == 0 {
		return errNothingLoaded
	}
	ix := search.New()
	ix.Add(store.Articles()...)
	var arts []*feed.Article
	for _, r := range ix.Search(query, 0) {
		if outlet == "" || feed.SameOutlet(feed.OutletName(r.Article), outlet) {
			arts = append(arts, r.Article)
		}
	}
	return writeArticles(w, arts, asJSON)
}

// writeArticles prints articles one a line: JSON Lines, or date, outlet
// and title in columns.
func writeArticles(w io.Writer, arts []*feed.Article, asJSON bool) error {
	bw := bufio.NewWriter(w)
	defer bw.Flush()
	width := 0
	for _, a := range arts {
		width = max(width, utf8.RuneCountInString(feed.OutletName(a)))
	}
	width = min(width, 28)
	for _, a := range arts {
		if asJSON {
			b, err := a.JSON(false)
			if err != nil {
				return err
			}
			bw.Write(append(b, '\n'))
			continue
		}
		date := a.DateString()
		if date == "" {
			date = strings.Repeat(" ", 10)
		}
		fmt.Fprintf(bw, "%s  %s  %s\n", date, pad(feed.OutletName(a), width), a.Title)
	}
	return nil
}

func outlets(w io.Writer, store *feed.Store, asJSON bool) error {
	if store.Len() == 0 {
		return errNothingLoaded
	}
	bw := bufio.NewWriter(w)
	defer bw.Flush()
	for _, o := range store.Outlets() {
		if asJSON {
			fmt.Fprintf(bw, "{\"outlet\":%q,\"count\":%d}\n", o.Name, o.Count)
			continue
		}
		fmt.Fprintf(bw, "%5d  %s\n", o.Count, o.Name)
	}
	return nil
}

// pad cuts or pads s to n runes.
func pad(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s + strings.Repeat(" ", n-len(r))
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}
