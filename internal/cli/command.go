package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/broadsheet/broadsheet/feed/search"
)

func init() {
	// Help lists the commands in the order they are added, most used
	// first, not alphabetically.
	cobra.EnableCommandSorting = false
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

// flagDef defines one flag into a command's flag set, filling f.
type flagDef func(fs *pflag.FlagSet, f *flags)

// The flags, shared by the commands that take them. A flag's value is
// named in capitals in its description, as in "only articles from the
// outlet NAME".
var (
	jsonFlag = func(fs *pflag.FlagSet, f *flags) {
		fs.BoolVar(&f.json, "json", false, "print JSON Lines, one object a line")
	}
	outletFlag = func(fs *pflag.FlagSet, f *flags) {
		fs.StringVar(&f.outlet, "outlet", "", "only articles from the outlet NAME")
	}
	configFlag = func(fs *pflag.FlagSet, f *flags) {
		fs.StringVar(&f.config, "config", "", "read settings from the file PATH")
	}
	versionFlag = func(fs *pflag.FlagSet, f *flags) {
		fs.BoolVarP(&f.version, "version", "v", false, "print the version and exit")
	}
	pathFlag = func(fs *pflag.FlagSet, f *flags) {
		fs.BoolVar(&f.path, "path", false, "print only the config file's path")
	}
	stateFlag = func(fs *pflag.FlagSet, f *flags) {
		fs.StringVar(&f.state, "state", "", "keep what was read and starred in PATH")
	}
	noStateFlag = func(fs *pflag.FlagSet, f *flags) {
		fs.BoolVar(&f.noState, "no-state", false, "remember nothing of this session")
	}
	noCacheFlag = func(fs *pflag.FlagSet, f *flags) {
		fs.BoolVar(&f.noCache, "no-cache", false, "read every file afresh; keep no cache")
	}
)

// readFlags are the flags of every command that reads articles.
var readFlags = []flagDef{configFlag, noCacheFlag}

// newRoot returns the command line for one run, args without the program
// name: the reader as the root command, the other commands beneath it.
// Each run builds its own, since cobra keeps flag values in its
// commands.
func newRoot(o Options, args []string) *cobra.Command {
	e := &env{Options: o}
	root := e.readerCommand()
	root.SetArgs(args)
	root.SetOut(o.Stdout)
	root.SetErr(o.Stderr)
	root.SetVersionTemplate("broadsheet {{.Version}}\n")
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return usageError(c, "%s", flagMessage(err))
	})
	root.AddCommand(e.listCommand(), e.showCommand(), e.searchCommand(),
		e.outletsCommand(), e.storiesCommand(), e.configCommand())
	e.addCompletionCommand(root)
	root.AddCommand(e.versionCommand())
	root.SetHelpCommand(e.helpCommand(root))
	root.InitDefaultHelpCmd()
	for _, c := range []*cobra.Command{root, mustFind(root, "list"), mustFind(root, "search")} {
		c.RegisterFlagCompletionFunc("outlet", e.completeOutlets)
	}
	return root
}

// readerCommand is Broadsheet with no command: the reader.
func (e *env) readerCommand() *cobra.Command {
	return e.command(&cobra.Command{
		Use:   "broadsheet [PATH...]",
		Short: "A terminal reader for local news article files",
		Long: "Broadsheet is a terminal reader for local news article files.\n\n" +
			"With no command it opens the reader on PATH, or prints the list when " +
			"stdout is not a terminal. With no PATH it reads the folders named in " +
			"its config file, or its bundled sample articles.",
		Example: "# Read a folder of articles:\n" +
			"broadsheet ~/news\n" +
			"# The same articles for a script, one JSON object a line:\n" +
			"broadsheet list --json ~/news\n" +
			"# A command's own flags:\n" +
			"broadsheet search --help",
		Args: func(c *cobra.Command, args []string) error {
			// A path and a command share the first place after the flags,
			// as cobra finds commands; a word there that is neither is a
			// mistyped command. After "--" it is a path.
			if len(args) > 0 && c.ArgsLenAtDash() != 0 {
				return checkCommandWord(c, args[0])
			}
			return nil
		},
		ValidArgsFunction: completeFiles,
		RunE:              e.runs(runReader),
	}, append([]flagDef{jsonFlag, outletFlag, versionFlag, stateFlag, noStateFlag}, readFlags...)...)
}

// listCommand prints one article a line.
func (e *env) listCommand() *cobra.Command {
	return e.command(&cobra.Command{
		Use:               "list [PATH...]",
		Short:             "one article a line, newest first",
		ValidArgsFunction: completeFiles,
		RunE: e.runs(func(e *env, args []string) error {
			shortLived()
			return list(e.Stdout, e.load(args), e.flags.outlet, e.flags.json)
		}),
	}, append([]flagDef{jsonFlag, outletFlag}, readFlags...)...)
}

// showCommand prints one article, rendered.
func (e *env) showCommand() *cobra.Command {
	return e.command(&cobra.Command{
		Use:   "show PATH",
		Short: "one article, rendered",
		Args: func(c *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageError(c, "show takes one PATH")
			}
			return nil
		},
		ValidArgsFunction: func(_ *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
			if len(args) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			return nil, cobra.ShellCompDirectiveDefault
		},
		RunE: e.runs(func(e *env, args []string) error {
			return show(e.Stdout, e.load(args), e.flags.json, e.cfg.Theme)
		}),
	}, append([]flagDef{jsonFlag}, readFlags...)...)
}

// searchCommand prints the articles that match a query.
func (e *env) searchCommand() *cobra.Command {
	return e.command(&cobra.Command{
		Use:   "search QUERY [PATH...]",
		Short: "matching articles, best first",
		Args: func(c *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageError(c, "search needs a QUERY")
			}
			// A filter it cannot read would filter nothing, unseen.
			if err := search.CheckQuery(args[0] + " "); err != nil {
				return usageError(c, "%v", err)
			}
			return nil
		},
		ValidArgsFunction: func(_ *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
			if len(args) == 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp // the QUERY
			}
			return nil, cobra.ShellCompDirectiveDefault
		},
		RunE: e.runs(func(e *env, args []string) error {
			shortLived()
			return searchCmd(e, args[0], args[1:])
		}),
	}, append([]flagDef{jsonFlag, outletFlag}, readFlags...)...)
}

// outletsCommand prints the outlets with their article counts.
func (e *env) outletsCommand() *cobra.Command {
	return e.command(&cobra.Command{
		Use:               "outlets [PATH...]",
		Short:             "outlets with their article counts",
		ValidArgsFunction: completeFiles,
		RunE: e.runs(func(e *env, args []string) error {
			return outlets(e.Stdout, e.load(args), e.flags.json)
		}),
	}, append([]flagDef{jsonFlag}, readFlags...)...)
}

// storiesCommand prints the articles grouped into stories.
func (e *env) storiesCommand() *cobra.Command {
	return e.command(&cobra.Command{
		Use:   "stories [PATH...]",
		Short: "stories across outlets, newest first",
		Long: "Articles grouped into stories across outlets, newest first.\n\n" +
			"A story is the articles, from any outlets, that report one event: alike in " +
			"their words and names, and dated within a few days of each other. With " +
			"--json each story is one line, its articles carrying the sentences only " +
			"they have (\"only\").",
		ValidArgsFunction: completeFiles,
		RunE: e.runs(func(e *env, args []string) error {
			store := e.load(args)
			return storiesCmd(e.Stdout, store, e.flags.json, e.storiesFile)
		}),
	}, append([]flagDef{jsonFlag}, readFlags...)...)
}

// configCommand prints where the config file is and the settings in effect.
func (e *env) configCommand() *cobra.Command {
	return e.command(&cobra.Command{
		Use:   "config",
		Short: "the config file and the settings in effect",
		Long: "Where the config file is, and the settings in effect as TOML.\n\n" +
			"The config file is $BROADSHEET_CONFIG or --config PATH when set, else " +
			"broadsheet/config.toml in the XDG config folder (~/.config on Linux). " +
			"The settings are printed as a config file to start from.",
		Example:           `broadsheet config > "$(broadsheet config --path)"`,
		Args:              noArgs,
		ValidArgsFunction: cobra.NoFileCompletions,
		RunE: func(*cobra.Command, []string) error {
			// Showing where a file would be is no reason to need one.
			if err := e.readConfig(true); err != nil {
				return err
			}
			return runConfig(e)
		},
	}, pathFlag, configFlag)
}

// addCompletionCommand adds cobra's completion command to root, worded
// as ours.
func (e *env) addCompletionCommand(root *cobra.Command) {
	root.InitDefaultCompletionCmd()
	completion := mustFind(root, "completion")
	completion.Short = "print a shell completion script"
	completion.Long = "Print a script that completes commands, flags, files and outlet names.\n" +
		"Load it in the current shell with\n" +
		"  bash: source <(broadsheet completion bash)\n" +
		"  zsh:  source <(broadsheet completion zsh)\n" +
		"  fish: broadsheet completion fish | source"
	// A shell it has no script for is a usage error, not a reason to
	// print help.
	completion.Args = cobra.ArbitraryArgs
	completion.RunE = func(c *cobra.Command, args []string) error {
		if len(args) == 0 {
			return usageError(c, "completion takes one shell: %s", shellList(c))
		}
		return usageError(c, "no completion for shell %q; choose %s", args[0], shellList(c))
	}
	e.command(completion)
	for _, shell := range completion.Commands() {
		shell.Short = "the script for " + shell.Name()
		shell.Args = noArgs
		e.command(shell)
	}
}

// versionCommand prints the version, as --version does.
func (e *env) versionCommand() *cobra.Command {
	return e.command(&cobra.Command{
		Use:               "version",
		Short:             "print the version",
		Args:              noArgs,
		ValidArgsFunction: cobra.NoFileCompletions,
		RunE: func(*cobra.Command, []string) error {
			_, err := fmt.Fprintf(e.Stdout, "broadsheet %s\n", Version())
			return err
		},
	})
}

// helpCommand is help for root's commands. Unlike cobra's, it fails on
// a command that is not there.
func (e *env) helpCommand(root *cobra.Command) *cobra.Command {
	return e.command(&cobra.Command{
		Use:   "help [COMMAND]",
		Short: "help for a command",
		Args: func(c *cobra.Command, args []string) error {
			if len(args) > 1 {
				return usageError(c, "help takes one COMMAND")
			}
			return nil
		},
		ValidArgsFunction: func(_ *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
			if len(args) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			var names []cobra.Completion
			for _, sub := range root.Commands() {
				if sub.IsAvailableCommand() {
					names = append(names, cobra.CompletionWithDesc(sub.Name(), sub.Short))
				}
			}
			return names, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(_ *cobra.Command, args []string) error {
			if len(args) == 0 {
				return root.Help()
			}
			for _, sub := range root.Commands() {
				if sub.Name() == args[0] {
					return sub.Help()
				}
			}
			return usageError(root, "unknown command %q", args[0])
		},
	})
}

// command gives c its flags, in the order given and then --help, which
// cobra would otherwise word as its own. A command with no Long
// description is described by its summary, as a sentence.
func (e *env) command(c *cobra.Command, defs ...flagDef) *cobra.Command {
	if c.Long == "" && c.Short != "" {
		c.Long = strings.ToUpper(c.Short[:1]) + c.Short[1:] + "."
	}
	fs := c.Flags()
	fs.SortFlags = false
	for _, define := range defs {
		define(fs, &e.flags)
	}
	if fs.Lookup("help") == nil {
		fs.BoolP("help", "h", false, "show this help")
	}
	return c
}

// runs returns a command's RunE: read the config file, run, and wait for
// the extraction caches the run used to be saved.
func (e *env) runs(fn func(e *env, args []string) error) func(*cobra.Command, []string) error {
	return func(_ *cobra.Command, args []string) error {
		defer e.closeCaches()
		if err := e.readConfig(false); err != nil {
			return err
		}
		return fn(e, args)
	}
}

// noArgs is the Args of a command that takes no arguments.
func noArgs(c *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usageError(c, "%s takes no arguments", c.Name())
	}
	return nil
}

// shellList names the shells the completion command c has scripts for:
// "bash, zsh, fish or powershell".
func shellList(c *cobra.Command) string {
	var names []string
	for _, s := range c.Commands() {
		names = append(names, s.Name())
	}
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// mustFind returns root's command called name.
func mustFind(root *cobra.Command, name string) *cobra.Command {
	c, _, err := root.Find([]string{name})
	if err != nil || c == root {
		panic("cli: no command " + name)
	}
	return c
}

// completeFiles completes an argument with files and folders.
func completeFiles(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
	return nil, cobra.ShellCompDirectiveDefault
}

// completeOutlets completes --outlet with the outlets in the paths given
// so far, or in the default ones, read as the command would read them.
func (e *env) completeOutlets(c *cobra.Command, args []string, typed string) ([]cobra.Completion, cobra.ShellCompDirective) {
	if c.Name() == "search" && len(args) > 0 {
		args = args[1:] // the QUERY
	}
	e.Stderr = io.Discard // a file's problems are no completion
	if err := e.readConfig(false); err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	defer e.closeCaches()
	var names []cobra.Completion
	for _, o := range e.load(args).Outlets() {
		if strings.HasPrefix(o.Name, typed) {
			names = append(names, o.Name)
		}
	}
	return names, cobra.ShellCompDirectiveNoFileComp
}
