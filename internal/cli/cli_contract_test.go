package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/broadsheet/broadsheet/internal/config"
)

// run runs one command line as Main does, without printing its error.
func run(args []string, stdout, stderr io.Writer) error {
	return Run(args, Options{Stdout: stdout, Stderr: stderr})
}

// writeArticle writes a small plain-text article into dir.
func writeArticle(t *testing.T, dir, name, title string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	body := title + "\n\nThe harbour council met on Tuesday and agreed a new timetable for the ferries.\n"
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestCLIExitStatus(t *testing.T) {
	dir := t.TempDir()
	good := writeArticle(t, dir, "good.txt", "Ferry timetable approved")
	empty := filepath.Join(dir, "empty.txt")
	os.WriteFile(empty, nil, 0o644)

	tests := []struct {
		name    string
		args    []string
		wantErr error // nil, ErrUsage or ErrNothingLoaded
		stderr  string
	}{
		{"list loads", []string{"list", good}, nil, ""},
		{"a bad file beside a good one still succeeds", []string{"list", good, empty}, nil, "empty.txt"},
		{"nothing loaded", []string{"list", empty}, ErrNothingLoaded, "empty.txt"},
		{"show needs one path", []string{"show"}, ErrUsage, ""},
		{"search needs a query", []string{"search"}, ErrUsage, ""},
		{"unknown flag", []string{"list", "--frobnicate"}, ErrUsage, ""},
		{"flags after paths", []string{"list", good, "--json"}, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			err := run(tt.args, &out, &errOut)
			if tt.wantErr == nil && err != nil || tt.wantErr != nil && !errors.Is(err, tt.wantErr) {
				t.Fatalf("run(%q) = %v, want %v", tt.args, err, tt.wantErr)
			}
			if !strings.Contains(errOut.String(), tt.stderr) {
				t.Errorf("stderr = %q, want it to mention %q", errOut.String(), tt.stderr)
			}
		})
	}
}

func TestCLIJSONContract(t *testing.T) {
	dir := t.TempDir()
	p := writeArticle(t, dir, "a.txt", "Ferry timetable approved")
	var out bytes.Buffer
	if err := run([]string{"show", "--json", p}, &out, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatalf("show --json printed %q: %v", out.String(), err)
	}
	for _, field := range []string{"id", "path", "format", "title", "title_synthesized", "outlet", "outlet_source", "date", "date_source", "byline", "url", "lead", "words", "body"} {
		if _, ok := got[field]; !ok {
			t.Errorf("show --json lacks %q", field)
		}
	}
	if got["title"] != "Ferry timetable approved" {
		t.Errorf("title = %v", got["title"])
	}

	out.Reset()
	if err := run([]string{"list", "--json", dir}, &out, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	var line map[string]any
	if err := json.Unmarshal(bytes.TrimSpace(out.Bytes()), &line); err != nil {
		t.Fatalf("list --json printed %q: %v", out.String(), err)
	}
	if _, ok := line["body"]; ok {
		t.Error("list --json carries the body; only show does")
	}
}

func TestCLIDefaultsToSamples(t *testing.T) {
	var out bytes.Buffer
	if err := run([]string{"list"}, &out, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	if strings.Count(out.String(), "\n") < 1 {
		t.Errorf("list with no paths printed %q, want the bundled samples", out.String())
	}
}

func init() {
	// Keep every test away from the config file of whoever runs them: an
	// empty file means the defaults. Tests that want a config set their own.
	os.Setenv(config.EnvVar, os.DevNull)
}

// writeConfig writes a config file and points BROADSHEET_CONFIG at it.
func writeConfig(t *testing.T, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv(config.EnvVar, p)
	return p
}

func TestCLIHelp(t *testing.T) {
	tests := []struct {
		name  string
		args  []string
		wants []string
	}{
		{"top level", []string{"--help"}, []string{"USAGE", "broadsheet [command] [PATH...]", "list", "show", "search", "outlets", "stories", "config", "completion", "--version", "--config", "file PATH"}},
		{"top level, short", []string{"-h"}, []string{"COMMANDS"}},
		{"help command", []string{"help"}, []string{"COMMANDS"}},
		{"list", []string{"list", "--help"}, []string{"broadsheet list [PATH...]", "--json", "--outlet", "outlet NAME", "--config", "file PATH", "-h --help"}},
		{"list, flag after a path", []string{"list", "somewhere", "-h"}, []string{"broadsheet list"}},
		{"show", []string{"show", "--help"}, []string{"broadsheet show PATH", "--json"}},
		{"search", []string{"search", "--help"}, []string{"broadsheet search QUERY [PATH...]", "--json", "--outlet"}},
		{"outlets", []string{"outlets", "--help"}, []string{"broadsheet outlets [PATH...]", "--json"}},
		{"config", []string{"config", "--help"}, []string{"broadsheet config", "--path", "BROADSHEET_CONFIG"}},
		{"completion", []string{"completion", "--help"}, []string{"broadsheet completion", "bash", "zsh", "fish"}},
		{"help for a command", []string{"help", "search"}, []string{"broadsheet search QUERY"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			if err := run(tt.args, &out, &errOut); err != nil {
				t.Fatalf("run(%q) = %v", tt.args, err)
			}
			for _, w := range tt.wants {
				if !strings.Contains(out.String(), w) {
					t.Errorf("help lacks %q:\n%s", w, out.String())
				}
			}
			if errOut.Len() > 0 {
				t.Errorf("help wrote to stderr: %q", errOut.String())
			}
		})
	}
}

func TestCLIHelpIgnoresABrokenConfig(t *testing.T) {
	writeConfig(t, "theme = \"purple\"\n")
	for _, args := range [][]string{{"--help"}, {"list", "--help"}, {"help", "show"}, {"completion", "bash"}, {"--version"}} {
		if err := run(args, &bytes.Buffer{}, &bytes.Buffer{}); err != nil {
			t.Errorf("run(%q) = %v, want help despite the config", args, err)
		}
	}
}

func TestCLIVersion(t *testing.T) {
	var out bytes.Buffer
	if err := run([]string{"--version"}, &out, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	if got, want := out.String(), "broadsheet "+Version()+"\n"; got != want {
		t.Errorf("--version printed %q, want %q", got, want)
	}
	var cmdOut bytes.Buffer
	if err := run([]string{"version"}, &cmdOut, &bytes.Buffer{}); err != nil || cmdOut.String() != out.String() {
		t.Errorf("version printed %q, %v; want what --version prints", cmdOut.String(), err)
	}
	if Version() == "" {
		t.Error("empty version")
	}
}

func TestCLIErrors(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		status int
		stderr string // the whole of stderr
	}{
		{"misspelt command", []string{"lsit"}, 2, `broadsheet: unknown command "lsit" (did you mean "list"?); run 'broadsheet --help'` + "\n"},
		{"misspelt command after a flag", []string{"--json", "lsit"}, 2, `broadsheet: unknown command "lsit" (did you mean "list"?); run 'broadsheet --help'` + "\n"},
		{"unknown word", []string{"frobnicate"}, 2, `broadsheet: unknown command "frobnicate", and no file or folder by that name; run 'broadsheet --help'` + "\n"},
		{"unknown flag", []string{"list", "--frobnicate"}, 2, "broadsheet: unknown flag --frobnicate; run 'broadsheet list --help'\n"},
		{"flag without its value", []string{"search", "ferry", "--outlet"}, 2, "broadsheet: --outlet needs a value; run 'broadsheet search --help'\n"},
		{"show without a path", []string{"show"}, 2, "broadsheet: show takes one PATH; run 'broadsheet show --help'\n"},
		{"unknown shell", []string{"completion", "tcsh"}, 2, "broadsheet: no completion for shell \"tcsh\"; choose bash, zsh, fish or powershell; run 'broadsheet completion --help'\n"},
		{"no shell", []string{"completion"}, 2, "broadsheet: completion takes one shell: bash, zsh, fish or powershell; run 'broadsheet completion --help'\n"},
		{"an argument to a command that takes none", []string{"version", "now"}, 2, "broadsheet: version takes no arguments; run 'broadsheet version --help'\n"},
		{"too short to be a misspelling", []string{"ls"}, 2, `broadsheet: unknown command "ls", and no file or folder by that name; run 'broadsheet --help'` + "\n"},
		{"nothing loaded", []string{"list", "/nonexistent/broadsheet"}, 1, "broadsheet: /nonexistent/broadsheet: no such file or folder\nbroadsheet: no articles could be loaded\n"},
		{"help for no such command", []string{"help", "lsit"}, 2, "broadsheet: unknown command \"lsit\"; run 'broadsheet --help'\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			status := Main(tt.args, Options{Stdout: &out, Stderr: &errOut})
			if status != tt.status {
				t.Errorf("exit status %d, want %d", status, tt.status)
			}
			if errOut.String() != tt.stderr {
				t.Errorf("stderr = %q, want %q", errOut.String(), tt.stderr)
			}
			if out.Len() > 0 {
				t.Errorf("an error printed to stdout: %q", out.String())
			}
		})
	}
}

func TestCLIPathNamedLikeACommandWord(t *testing.T) {
	dir := t.TempDir()
	writeArticle(t, dir, "news", "Ferry timetable approved")
	writeArticle(t, dir, "list", "Lighthouse keeper retires")
	t.Chdir(dir)
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"a file called news", []string{"news"}, "Ferry timetable approved"},
		{"after a flag", []string{"--json", "news"}, "Ferry timetable approved"},
		{"a command's name after --", []string{"--", "list"}, "Lighthouse keeper retires"},
		{"a command's name as a path", []string{"./list"}, "Lighthouse keeper retires"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			if err := run(tt.args, &out, &bytes.Buffer{}); err != nil {
				t.Fatalf("run(%q) = %v", tt.args, err)
			}
			if !strings.Contains(out.String(), tt.want) {
				t.Errorf("run(%q) printed %q, want %q", tt.args, out.String(), tt.want)
			}
		})
	}
}

func TestCLIConfigCommand(t *testing.T) {
	t.Run("a file", func(t *testing.T) {
		p := writeConfig(t, "theme = \"light\"\n[keys]\nquit = [\"x\"]\n")
		var out bytes.Buffer
		if err := run([]string{"config"}, &out, &bytes.Buffer{}); err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(out.String(), "# Config file: "+p+"\n") {
			t.Errorf("config does not start with the file's path:\n%s", out.String())
		}
		c, err := config.Parse(out.Bytes())
		if err != nil {
			t.Fatalf("config printed TOML that does not read back: %v\n%s", err, out.String())
		}
		if c.Theme != config.ThemeLight || c.Keys["quit"][0] != "x" || c.Keys["open"][0] != "enter" {
			t.Errorf("read back %+v; want the file's settings over the defaults", c)
		}
	})
	t.Run("no file", func(t *testing.T) {
		p := filepath.Join(t.TempDir(), "none.toml")
		t.Setenv(config.EnvVar, p)
		var out bytes.Buffer
		if err := run([]string{"config"}, &out, &bytes.Buffer{}); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out.String(), p+" (not there") || !strings.Contains(out.String(), `theme = "auto"`) {
			t.Errorf("config printed:\n%s", out.String())
		}
	})
	t.Run("--path, and --config over the environment", func(t *testing.T) {
		writeConfig(t, "")
		var out bytes.Buffer
		if err := run([]string{"config", "--path", "--config", "/elsewhere/b.toml"}, &out, &bytes.Buffer{}); err != nil {
			t.Fatal(err)
		}
		if out.String() != "/elsewhere/b.toml\n" {
			t.Errorf("config --path printed %q", out.String())
		}
	})
}

func TestCLIBadConfig(t *testing.T) {
	p := writeConfig(t, "theme = \"dark\"\nmax_file_size = \"huge\"\n")
	var errOut bytes.Buffer
	status := Main([]string{"list"}, Options{Stdout: &bytes.Buffer{}, Stderr: &errOut})
	if status != 2 {
		t.Errorf("exit status %d, want 2", status)
	}
	if want := "broadsheet: " + p + ":2: "; !strings.HasPrefix(errOut.String(), want) || strings.Count(errOut.String(), "\n") != 1 {
		t.Errorf("stderr = %q, want one line starting %q", errOut.String(), want)
	}
	if err := run([]string{"list", "--config", filepath.Join(t.TempDir(), "missing.toml")}, &bytes.Buffer{}, &bytes.Buffer{}); !errors.Is(err, ErrConfig) {
		t.Errorf("a missing --config file: %v, want a config error", err)
	}
}

func TestCLIConfigSettingsApply(t *testing.T) {
	dir := t.TempDir()
	writeArticle(t, dir, "a.txt", "Ferry timetable approved")
	big := filepath.Join(dir, "big.txt")
	os.WriteFile(big, []byte("Big\n\n"+strings.Repeat("word ", 400)), 0o644)
	writeConfig(t, "folders = ["+strconv.Quote(dir)+"]\nmax_file_size = \"1KB\"\n")

	var out, errOut bytes.Buffer
	if err := run([]string{"list"}, &out, &errOut); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "Ferry timetable approved") {
		t.Errorf("list with no PATH did not read the config's folder: %q", out.String())
	}
	if !strings.Contains(errOut.String(), "big.txt") || !strings.Contains(errOut.String(), "limit") {
		t.Errorf("stderr = %q, want big.txt over the 1KB limit", errOut.String())
	}
}

func TestCLICompletion(t *testing.T) {
	for _, shell := range []string{"bash", "zsh", "fish", "powershell"} {
		t.Run(shell, func(t *testing.T) {
			var out bytes.Buffer
			if err := run([]string{"completion", shell}, &out, &bytes.Buffer{}); err != nil {
				t.Fatal(err)
			}
			// The script asks the binary what to complete.
			for _, w := range []string{"broadsheet", "__complete"} {
				if !strings.Contains(out.String(), w) {
					t.Errorf("%s script does not mention %q", shell, w)
				}
			}
			if shell == "powershell" {
				return
			}
			bin, err := exec.LookPath(shell)
			if err != nil {
				t.Skipf("%s is not installed to check the script's syntax", shell)
			}
			p := filepath.Join(t.TempDir(), "broadsheet."+shell)
			os.WriteFile(p, out.Bytes(), 0o644)
			if msg, err := exec.Command(bin, "-n", p).CombinedOutput(); err != nil {
				t.Errorf("%s -n: %v\n%s", shell, err, msg)
			}
		})
	}
}

// TestCLICompletes checks what the completion scripts are given to
// offer: commands, flags, outlet names after --outlet, and files where
// a PATH goes.
func TestCLICompletes(t *testing.T) {
	dir := t.TempDir()
	writeArticle(t, dir, "a.txt", "Ferry timetable approved")
	tests := []struct {
		name  string
		args  []string
		wants []string
		files bool // whether files are offered too
	}{
		{"commands", []string{""}, []string{"list", "show", "search", "outlets", "stories", "config", "completion", "version", "help"}, true},
		{"a command", []string{"sto"}, []string{"stories"}, true},
		{"flags", []string{"list", "--"}, []string{"--json", "--outlet", "--config", "--no-cache"}, false},
		{"the reader's flags", []string{"--"}, []string{"--state", "--no-state", "--version"}, false},
		{"outlets of the samples", []string{"list", "--outlet", ""}, []string{"Northfield Courier", "The Harbour Gazette"}, false},
		{"outlets of the paths given", []string{"search", "ferry", dir, "--outlet", ""}, []string{"Unknown outlet"}, false},
		{"a query is no file", []string{"search", ""}, nil, false},
		{"paths", []string{"list", ""}, nil, true},
		{"shells", []string{"completion", ""}, []string{"bash", "zsh", "fish"}, false},
		{"help topics", []string{"help", ""}, []string{"list", "search"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			if err := run(append([]string{"__complete"}, tt.args...), &out, io.Discard); err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(strings.TrimSpace(out.String()), "\n")
			var words []string
			for _, l := range lines[:len(lines)-1] {
				word, _, _ := strings.Cut(l, "\t")
				words = append(words, word)
			}
			for _, w := range tt.wants {
				if !slices.Contains(words, w) {
					t.Errorf("offered %q, want %q among them", words, w)
				}
			}
			directive, _ := strconv.Atoi(strings.TrimPrefix(lines[len(lines)-1], ":"))
			if files := directive&int(cobra.ShellCompDirectiveNoFileComp) == 0; files != tt.files {
				t.Errorf("files offered = %v, want %v (directive %d)", files, tt.files, directive)
			}
		})
	}
}
