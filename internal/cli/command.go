package cli

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"strings"
)

// command is one thing Broadsheet can be asked to do. Its help, and the
// shell completion scripts, are generated from this table.
type command struct {
	name    string // "" for the reader
	args    string // the positional arguments, as shown in help
	summary string // one line for the list of commands
	about   string // a paragraph for the command's own help; may be ""
	// flags are the command's own flags; every command also takes
	// --help, and --config unless noConfig.
	flags []flagDef
	// noConfig reports whether the command runs without reading the
	// config file, so that a broken file never stops help or completion.
	noConfig bool
	// argWords are the words the first argument can be, for completion;
	// nil means files and folders.
	argWords func() []string
	run      func(e *env, args []string) error
}

// flags holds every command's flag values; each command defines the ones
// it takes.
type flags struct {
	json    bool
	outlet  string
	config  string
	version bool
	path    bool
	state   string // the reading-state database
	noState bool   // keep no reading state
	noCache bool   // neither use nor keep the extraction cache
}

// flagDef is one flag: how to define it, and what it takes.
type flagDef struct {
	name string
	// arg names the flag's value in help ("NAME"); "" for a switch.
	arg    string
	usage  string
	define func(fs *flag.FlagSet, f *flags, name, usage string)
}

// The flags, shared by the commands that take them.
var (
	jsonFlag = flagDef{name: "json", usage: "print JSON Lines, one object a line",
		define: func(fs *flag.FlagSet, f *flags, n, u string) { fs.BoolVar(&f.json, n, false, u) }}
	outletFlag = flagDef{name: "outlet", arg: "NAME", usage: "only articles from the outlet NAME",
		define: func(fs *flag.FlagSet, f *flags, n, u string) { fs.StringVar(&f.outlet, n, "", u) }}
	configFlag = flagDef{name: "config", arg: "PATH", usage: "read settings from PATH, not the usual config file",
		define: func(fs *flag.FlagSet, f *flags, n, u string) { fs.StringVar(&f.config, n, "", u) }}
	versionFlag = flagDef{name: "version", usage: "print the version and exit",
		define: func(fs *flag.FlagSet, f *flags, n, u string) { fs.BoolVar(&f.version, n, false, u) }}
	pathFlag = flagDef{name: "path", usage: "print only the config file's path",
		define: func(fs *flag.FlagSet, f *flags, n, u string) { fs.BoolVar(&f.path, n, false, u) }}
)

// allFlags returns the command's flags with --config, which every
// command that reads the config file takes, and --no-cache, which every
// command that reads articles takes.
func (c *command) allFlags() []flagDef {
	if c.noConfig {
		return c.flags
	}
	all := append(append([]flagDef(nil), c.flags...), configFlag)
	if c != cmdConfig {
		all = append(all, noCacheFlag)
	}
	return all
}

// flagSet returns a flag set for the command that fills f. It prints
// nothing: errors are returned and help is written by writeHelp.
func (c *command) flagSet(f *flags) *flag.FlagSet {
	fs := flag.NewFlagSet(c.path(), flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	for _, d := range c.allFlags() {
		d.define(fs, f, d.name, d.usage)
	}
	return fs
}

// lookup returns the command named name, or nil.
func lookup(name string) *command {
	for _, c := range commands {
		if c.name == name {
			return c
		}
	}
	return nil
}

// synopsis is the command's usage line: "broadsheet list [--json]
// [--outlet NAME] [PATH...]".
func (c *command) synopsis() string {
	parts := []string{c.path()}
	for _, d := range c.flags {
		if d.arg != "" {
			parts = append(parts, fmt.Sprintf("[--%s %s]", d.name, d.arg))
		} else {
			parts = append(parts, fmt.Sprintf("[--%s]", d.name))
		}
	}
	if c.args != "" {
		parts = append(parts, c.args)
	}
	return strings.Join(parts, " ")
}

// writeHelp prints a command's help: the list of commands for the
// reader, the command's usage and flags for the others.
func writeHelp(w io.Writer, c *command) error {
	bw := bufio.NewWriter(w)
	if c == root {
		fmt.Fprintf(bw, "Broadsheet: a terminal reader for local news article files.\n\n")
		fmt.Fprintf(bw, "Usage:\n  %s\n  broadsheet COMMAND [flags] [ARGS...]\n\n", c.synopsis())
		fmt.Fprintf(bw, "%s\n\n", c.about)
		fmt.Fprintf(bw, "Commands:\n")
		width := 0
		for _, s := range commands[1:] {
			width = max(width, len(s.name))
		}
		for _, s := range commands[1:] {
			fmt.Fprintf(bw, "  %-*s  %s\n", width, s.name, s.summary)
		}
	} else {
		fmt.Fprintf(bw, "Usage: %s\n\n", c.synopsis())
		fmt.Fprintf(bw, "%s.\n", capitalize(c.summary))
		if c.about != "" {
			fmt.Fprintf(bw, "\n%s\n", c.about)
		}
	}
	fmt.Fprintf(bw, "\nFlags:\n")
	rows := [][2]string{}
	for _, d := range c.allFlags() {
		name := "--" + d.name
		if d.arg != "" {
			name += " " + d.arg
		}
		rows = append(rows, [2]string{name, d.usage})
	}
	rows = append(rows, [2]string{"-h, --help", "show this help"})
	width := 0
	for _, r := range rows {
		width = max(width, len(r[0]))
	}
	for _, r := range rows {
		fmt.Fprintf(bw, "  %-*s  %s\n", width, r[0], r[1])
	}
	if c == root {
		fmt.Fprintf(bw, "\nRun 'broadsheet COMMAND --help' for a command's own flags.\n")
	}
	return bw.Flush()
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
