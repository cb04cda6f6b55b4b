// Package cli is Broadsheet's command line: its commands and flags, built
// with cobra and styled by fang, and what each command prints. Output for
// machines goes to stdout; messages for people go to stderr, one line
// each.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"

	"charm.land/fang/v2"
	"github.com/spf13/cobra"

	"github.com/broadsheet/broadsheet/feed/load"
	"github.com/broadsheet/broadsheet/internal/config"
	"github.com/broadsheet/broadsheet/internal/state"
)

// Errors that set the exit status; see ExitCode.
var (
	// ErrUsage marks a command line that could not be understood.
	ErrUsage = errors.New("usage")
	// ErrNothingLoaded marks a run in which no article could be read.
	ErrNothingLoaded = errors.New("no articles could be loaded")
	// ErrConfig marks a config file that could not be used.
	ErrConfig = errors.New("bad config file")
)

// Reader opens the interactive reader on what l loads from paths. db
// keeps what was read and starred between runs; it is nil with
// --no-state or when it could not be opened, and the reader then keeps
// them for the run alone.
type Reader func(l *load.Loader, paths []string, cfg *config.Config, db *state.DB) error

// Options are what Run needs from outside.
type Options struct {
	Stdout, Stderr io.Writer
	// Reader opens the interactive reader when stdout is a terminal. Nil
	// means print the list instead.
	Reader Reader
}

// ExitCode returns the exit status for err: 0 for none, 2 for a usage or
// config error, 1 for anything else.
func ExitCode(err error) int {
	switch {
	case err == nil:
		return 0
	case errors.Is(err, ErrUsage), errors.Is(err, ErrConfig):
		return 2
	}
	return 1
}

// Main runs Broadsheet's command line and returns its exit status,
// having printed any error on stderr as one line.
func Main(args []string, o Options) int {
	return ExitCode(execute(args, o, writeError(isTerminal(o.Stderr))))
}

// Run runs one command line, args without the program name, and
// returns its error unprinted: tests check it with errors.Is.
func Run(args []string, o Options) error {
	return execute(args, o, func(io.Writer, fang.Styles, error) {})
}

// execute runs args through the command tree with fang's help, version
// and man page, handing any error to report.
func execute(args []string, o Options, report fang.ErrorHandler) error {
	if args == nil {
		args = []string{} // cobra reads os.Args for nil
	}
	root := newRoot(o, args)
	err := fang.Execute(context.Background(), root,
		fang.WithVersion(Version()),
		fang.WithErrorHandler(func(w io.Writer, styles fang.Styles, err error) {
			report(w, styles, usageOf(err))
		}))
	return usageOf(err)
}

// writeError returns the error handler for Main: one line, "broadsheet:
// " and the error for scripts and logs, fang's error badge on a
// terminal.
func writeError(terminal bool) fang.ErrorHandler {
	return func(w io.Writer, styles fang.Styles, err error) {
		if terminal {
			badge := styles.ErrorHeader.UnsetMargins()
			fmt.Fprintf(w, "%s %v\n", badge.Render(), err)
			return
		}
		fmt.Fprintf(w, "broadsheet: %v\n", err)
	}
}

// env is what a command runs with: the options, the flags it was given,
// and what it read on the way.
type env struct {
	Options
	flags flags
	loc   config.Location
	cfg   *config.Config // nil for commands that do not read it
	// caches are the extraction caches the command's loaders use.
	caches []io.Closer
	// storiesFile names the file that keeps the stories grouped from
	// the cached folders between runs, and its key (see
	// library.KeepStories), or is nil.
	storiesFile func() (path, key string)
	// reader reports whether the interactive reader will hold the
	// articles, rather than a command that prints them and exits.
	reader bool
}

// readConfig reads the config file that --config or the environment
// names. A config file named but not there is an error, except when
// optional: showing where a file would be is no reason to need one.
func (e *env) readConfig(optional bool) error {
	e.loc = config.Locate(e.flags.config)
	if optional {
		e.loc.Explicit = false
	}
	cfg, err := config.Load(e.loc)
	if err != nil {
		return configError{err}
	}
	e.cfg = cfg
	return nil
}

// usage is a command line that could not be understood, with a pointer
// to the help that explains it.
type usage struct {
	path string // the command as typed: "broadsheet list"
	msg  string
}

func usageError(cmd *cobra.Command, format string, args ...any) error {
	return &usage{path: cmd.CommandPath(), msg: fmt.Sprintf(format, args...)}
}

func (u *usage) Error() string {
	return fmt.Sprintf("%s; run '%s --help'", u.msg, u.path)
}

func (u *usage) Is(target error) bool { return target == ErrUsage }

// cobraUsage matches the errors cobra itself returns for a command line
// it cannot follow, such as arguments to a command that takes none.
var cobraUsage = regexp.MustCompile(`^(unknown command|invalid argument|accepts |requires )`)

// usageOf returns err as a usage error when cobra made it for a command
// line it could not follow; other errors are returned as they are.
func usageOf(err error) error {
	var u *usage
	if err == nil || errors.As(err, &u) || !cobraUsage.MatchString(err.Error()) {
		return err
	}
	return &usage{path: "broadsheet", msg: err.Error()}
}

// configError is a config file that cannot be used.
type configError struct{ err error }

func (c configError) Error() string        { return c.err.Error() }
func (c configError) Unwrap() error        { return c.err }
func (c configError) Is(target error) bool { return target == ErrConfig }

var (
	unknownFlag      = regexp.MustCompile(`^unknown flag: (--\S+)$`)
	unknownShorthand = regexp.MustCompile(`^unknown shorthand flag: '.' in (-\S+)$`)
	flagNeedsArg     = regexp.MustCompile(`^flag needs an argument: (--\S+)$`)
	shortNeedsArg    = regexp.MustCompile(`^flag needs an argument: '(.)' in -\S+$`)
)

// flagMessage rewords pflag's errors in the command line's own voice.
func flagMessage(err error) string {
	msg := err.Error()
	for _, unknown := range []*regexp.Regexp{unknownFlag, unknownShorthand} {
		if m := unknown.FindStringSubmatch(msg); m != nil {
			return "unknown flag " + m[1]
		}
	}
	if m := flagNeedsArg.FindStringSubmatch(msg); m != nil {
		return m[1] + " needs a value"
	}
	if m := shortNeedsArg.FindStringSubmatch(msg); m != nil {
		return "-" + m[1] + " needs a value"
	}
	return msg
}

// commandWord matches what looks like a command rather than a path.
var commandWord = regexp.MustCompile(`^[a-z][a-z0-9-]*$`)

// checkCommandWord reports a first argument that is neither a command
// nor a file or folder, since the reader's PATH and a command share a
// place on the command line.
func checkCommandWord(root *cobra.Command, word string) error {
	if !commandWord.MatchString(word) {
		return nil
	}
	if _, err := os.Stat(word); err == nil {
		return nil
	}
	if near := nearestCommand(root, word); near != "" {
		return usageError(root, "unknown command %q (did you mean %q?)", word, near)
	}
	return usageError(root, "unknown command %q, and no file or folder by that name", word)
}

// nearestCommand returns the command within two edits of word, or "".
// It must also be nearer than word is to nothing: two letters are no
// misspelling of a four-letter command.
func nearestCommand(root *cobra.Command, word string) string {
	best, bestD := "", min(3, len(word))
	for _, name := range commandNames(root) {
		if d := editDistance(word, name); d < bestD {
			best, bestD = name, d
		}
	}
	return best
}

// commandNames returns the names of root's commands as help lists them,
// help among them.
func commandNames(root *cobra.Command) []string {
	var names []string
	for _, c := range root.Commands() {
		if c.IsAvailableCommand() || c.Name() == "help" {
			names = append(names, c.Name())
		}
	}
	return names
}

// editDistance counts the insertions, deletions, substitutions and
// swaps of neighbours that turn a into b.
func editDistance(a, b string) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}
