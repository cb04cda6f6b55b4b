package cli

import (
	"fmt"
	"io"
	"strings"
)

// shells are the shells `broadsheet completion` writes scripts for.
var shells = []string{"bash", "zsh", "fish"}

// outletsPipeline prints the known outlets one a line, for completing
// --outlet: the count column of `broadsheet outlets` cut off.
const outletsPipeline = `broadsheet outlets 2>/dev/null | sed -e 's/^ *[0-9]* *//'`

func runCompletion(e *env, args []string) error {
	if len(args) != 1 {
		return usageError(e.cmd, "completion takes one shell: bash, zsh or fish")
	}
	var script string
	switch args[0] {
	case "bash":
		script = bashCompletion()
	case "zsh":
		script = zshCompletion()
	case "fish":
		script = fishCompletion()
	default:
		return usageError(e.cmd, "no completion for shell %q; choose bash, zsh or fish", args[0])
	}
	_, err := io.WriteString(e.Stdout, script)
	return err
}

// takesFiles reports whether the command's arguments are files.
func (c *command) takesFiles() bool { return strings.Contains(c.args, "PATH") }

// words returns what the command's first argument can be, or nil.
func (c *command) words() []string {
	if c.argWords == nil {
		return nil
	}
	return c.argWords()
}

func bashCompletion() string {
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	names := commandNames()
	p("# bash completion for broadsheet.\n")
	p("# Load it with: source <(broadsheet completion bash)\n\n")
	p("_broadsheet() {\n")
	p("\tlocal cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"${COMP_WORDS[COMP_CWORD-1]}\" cmd=\"\" i\n")
	p("\tfor ((i = 1; i < COMP_CWORD; i++)); do\n")
	p("\t\tcase \"${COMP_WORDS[i]}\" in\n")
	p("\t\t%s) cmd=\"${COMP_WORDS[i]}\"; break ;;\n", strings.Join(names, "|"))
	p("\t\tesac\n\tdone\n")
	p("\tcase \"$prev\" in\n")
	p("\t--outlet)\n\t\tlocal IFS=$'\\n'\n")
	p("\t\tCOMPREPLY=($(compgen -W \"$(%s)\" -- \"$cur\"))\n\t\treturn ;;\n", outletsPipeline)
	p("\t--config)\n\t\tCOMPREPLY=($(compgen -f -- \"$cur\"))\n\t\treturn ;;\n")
	p("\tesac\n")
	p("\tlocal flags=\"\" words=\"\" files=0\n")
	p("\tcase \"$cmd\" in\n")
	for _, c := range commands {
		var fl []string
		for _, d := range c.allFlags() {
			fl = append(fl, "--"+d.name)
		}
		fl = append(fl, "--help")
		words := c.words()
		if c == root {
			words = names
		}
		files := 0
		if c.takesFiles() {
			files = 1
		}
		p("\t%q) flags=%q words=%q files=%d ;;\n", c.name, strings.Join(fl, " "), strings.Join(words, " "), files)
	}
	p("\tesac\n")
	p("\tif [[ \"$cur\" == -* ]]; then\n")
	p("\t\tCOMPREPLY=($(compgen -W \"$flags\" -- \"$cur\"))\n\t\treturn\n\tfi\n")
	p("\tCOMPREPLY=($(compgen -W \"$words\" -- \"$cur\"))\n")
	p("\tif ((files)); then\n\t\tCOMPREPLY+=($(compgen -f -- \"$cur\"))\n\tfi\n")
	p("}\n\n")
	p("complete -o filenames -F _broadsheet broadsheet\n")
	return b.String()
}

func zshCompletion() string {
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	p("#compdef broadsheet\n")
	p("# zsh completion for broadsheet.\n")
	p("# Load it with: source <(broadsheet completion zsh)\n")
	p("# or save it as _broadsheet in a folder on $fpath.\n\n")
	p("_broadsheet_outlets() {\n")
	p("\tlocal -a outlets\n")
	p("\toutlets=(${(f)\"$(%s)\"})\n", outletsPipeline)
	p("\tcompadd -a outlets\n}\n\n")
	p("_broadsheet() {\n")
	p("\tlocal -a commands\n\tcommands=(\n")
	for _, c := range commands[1:] {
		p("\t\t%s\n", zshQuote(c.name+":"+c.summary))
	}
	p("\t)\n")
	p("\tlocal cmd=${words[2]}\n")
	p("\tif (( CURRENT == 2 )) && [[ $PREFIX != -* ]]; then\n")
	p("\t\t_describe -t commands 'command' commands\n\t\t_files\n\t\treturn\n\tfi\n")
	p("\tcase $cmd in\n")
	p("\t%s) shift words; (( CURRENT-- )) ;;\n", strings.Join(commandNames(), "|"))
	p("\t*) cmd=\"\" ;;\n\tesac\n")
	p("\tcase $cmd in\n")
	// The reader's pattern, *, must come last.
	for _, c := range append(commands[1:len(commands):len(commands)], root) {
		pattern := c.name
		if c == root {
			pattern = "*"
		}
		p("\t%s)\n\t\t_arguments -s \\\n", pattern)
		for _, d := range c.allFlags() {
			spec := "--" + d.name + "[" + zshBracket(d.usage) + "]"
			switch d.name {
			case "outlet":
				spec += ":outlet:_broadsheet_outlets"
			case "config":
				spec += ":config file:_files"
			}
			p("\t\t\t%s \\\n", zshQuote(spec))
		}
		p("\t\t\t'(- *)'{-h,--help}'[show this help]'")
		switch {
		case c.takesFiles():
			p(" \\\n\t\t\t'*:file:_files'")
		case c.words() != nil:
			p(" \\\n\t\t\t%s", zshQuote("1:"+c.name+" argument:("+strings.Join(c.words(), " ")+")"))
		}
		p("\n\t\t;;\n")
	}
	p("\tesac\n}\n\n")
	p("if [[ $funcstack[1] == _broadsheet ]]; then\n\t_broadsheet \"$@\"\nelse\n\tcompdef _broadsheet broadsheet\nfi\n")
	return b.String()
}

func fishCompletion() string {
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	names := strings.Join(commandNames(), " ")
	p("# fish completion for broadsheet.\n")
	p("# Load it with: broadsheet completion fish | source\n\n")
	p("function __broadsheet_outlets\n")
	p("\tbroadsheet outlets 2>/dev/null | string replace -r '^\\s*\\d+\\s+' ''\nend\n\n")
	p("complete -c broadsheet -f\n")
	for _, c := range commands[1:] {
		p("complete -c broadsheet -n __fish_use_subcommand -a %s -d %s\n", c.name, fishQuote(c.summary))
	}
	for _, c := range commands {
		cond := fishQuote("__fish_seen_subcommand_from " + c.name)
		if c == root {
			cond = fishQuote("not __fish_seen_subcommand_from " + names)
		}
		p("\n# %s\n", c.path())
		for _, d := range c.allFlags() {
			extra := ""
			switch d.name {
			case "outlet":
				extra = " -x -a '(__broadsheet_outlets)'"
			case "config":
				extra = " -r -F"
			}
			p("complete -c broadsheet -n %s -l %s%s -d %s\n", cond, d.name, extra, fishQuote(d.usage))
		}
		p("complete -c broadsheet -n %s -s h -l help -d 'show this help'\n", cond)
		switch {
		case c.takesFiles():
			p("complete -c broadsheet -n %s -F\n", cond)
		case c.words() != nil:
			p("complete -c broadsheet -n %s -a %s\n", cond, fishQuote(strings.Join(c.words(), " ")))
		}
	}
	return b.String()
}

// zshQuote single-quotes s for zsh.
func zshQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// zshBracket escapes what would end an _arguments description.
func zshBracket(s string) string {
	return strings.NewReplacer("[", `\[`, "]", `\]`, ":", `\:`).Replace(s)
}

// fishQuote single-quotes s for fish.
func fishQuote(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, "'", `\'`).Replace(s) + "'"
}
