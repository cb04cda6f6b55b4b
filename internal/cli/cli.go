// Package cli is Broadsheet's command line: the table of commands, their
// flags and generated help, and what each command prints. Output for
// machines goes to stdout; messages for people go to stderr, one line
// each.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"

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
	err := Run(args, o)
	if err != nil {
		fmt.Fprintf(o.Stderr, "broadsheet: %v\n", err)
	}
	return ExitCode(err)
}

// Run runs one command line: args without the program name.
func Run(args []string, o Options) error {
	cmd := root
	if len(args) > 0 {
		if c := lookup(args[0]); c != nil {
			cmd, args = c, args[1:]
		}
	}
	var f flags
	fs := cmd.flagSet(&f)
	pos, err := parseInterleaved(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return writeHelp(o.Stdout, cmd)
	}
	if err != nil {
		return usageError(cmd, "%s", flagMessage(err))
	}
	if f.version {
		_, err := fmt.Fprintf(o.Stdout, "broadsheet %s\n", Version())
		return err
	}
	if cmd == root && len(pos) > 0 && len(args) > 0 && args[0] == pos[0] {
		if err := checkCommandWord(pos[0]); err != nil {
			return err
		}
	}
	e := &env{Options: o, flags: f, cmd: cmd}
	defer e.closeCaches()
	if !cmd.noConfig {
		e.loc = config.Locate(f.config)
		if cmd == cmdConfig {
			// Showing where a file would be is no reason to need one.
			e.loc.Explicit = false
		}
		cfg, err := config.Load(e.loc)
		if err != nil {
			return configError{err}
		}
		e.cfg = cfg
	}
	return cmd.run(e, pos)
}

// env is what a command runs with.
type env struct {
	Options
	flags flags
	cmd   *command
	loc   config.Location
	cfg   *config.Config // nil for commands that do not read it
	// caches are the extraction caches the command's loaders use.
	caches []io.Closer
	// reader reports whether the interactive reader will hold the
	// articles, rather than a command that prints them and exits.
	reader bool
}

// usage is a command line that could not be understood, with a pointer
// to the help that explains it.
type usage struct {
	cmd *command
	msg string
}

func usageError(cmd *command, format string, args ...any) error {
	return &usage{cmd: cmd, msg: fmt.Sprintf(format, args...)}
}

func (u *usage) Error() string {
	return fmt.Sprintf("%s; run '%s --help'", u.msg, u.cmd.path())
}

func (u *usage) Is(target error) bool { return target == ErrUsage }

// configError is a config file that cannot be used.
type configError struct{ err error }

func (c configError) Error() string        { return c.err.Error() }
func (c configError) Unwrap() error        { return c.err }
func (c configError) Is(target error) bool { return target == ErrConfig }

// parseInterleaved parses flags that may come before, between or after
// the positional arguments; after "--" everything is positional.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if n := len(args) - len(rest); n > 0 && args[n-1] == "--" {
			return append(pos, rest...), nil
		}
		if len(rest) == 0 {
			return pos, nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

var (
	undefinedFlag = regexp.MustCompile(`^flag provided but not defined: -+(.*)$`)
	flagNeedsArg  = regexp.MustCompile(`^flag needs an argument: -+(.*)$`)
)

// flagMessage rewords the flag package's errors with --long flags.
func flagMessage(err error) string {
	msg := err.Error()
	if m := undefinedFlag.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("unknown flag --%s", m[1])
	}
	if m := flagNeedsArg.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("--%s needs a value", m[1])
	}
	return msg
}

// commandWord matches what looks like a command rather than a path.
var commandWord = regexp.MustCompile(`^[a-z][a-z0-9-]*$`)

// checkCommandWord reports a first argument that is neither a command
// nor a file or folder, since the reader's PATH and a command share a
// place on the command line.
func checkCommandWord(word string) error {
	if !commandWord.MatchString(word) {
		return nil
	}
	if _, err := os.Stat(word); err == nil {
		return nil
	}
	if near := nearestCommand(word); near != "" {
		return usageError(root, "unknown command %q (did you mean %q?)", word, near)
	}
	return usageError(root, "unknown command %q, and no file or folder by that name", word)
}

// nearestCommand returns the command within two edits of word, or "".
func nearestCommand(word string) string {
	best, bestD := "", 3
	for _, c := range commands {
		if d := editDistance(word, c.name); d < bestD {
			best, bestD = c.name, d
		}
	}
	return best
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

// path is how the command is typed: "broadsheet list".
func (c *command) path() string {
	return strings.TrimSpace("broadsheet " + c.name)
}
