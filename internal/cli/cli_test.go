package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

func TestInterleavedFlags(t *testing.T) {
	dir := t.TempDir()
	writeArticle(t, dir, "a.txt", "Ferry timetable approved")
	tests := []struct {
		name     string
		args     []string
		wantJSON bool
		stderr   string // a path that was read as one, or ""
	}{
		{"flags first", []string{"list", "--json", dir}, true, ""},
		{"flags between", []string{"list", dir, "--json", dir}, true, ""},
		{"flags last", []string{"list", dir, "--json"}, true, ""},
		{"after -- all is a path", []string{"list", dir, "--", "--json"}, false, "--json: no such file"},
		{"a lone dash is a path", []string{"list", dir, "-"}, false, "-: no such file"},
		{"the reader's flags after a path", []string{dir, "--json"}, true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			if err := run(tt.args, &out, &errOut); err != nil {
				t.Fatalf("run(%q) = %v", tt.args, err)
			}
			if got := json.Valid(bytes.TrimSpace(out.Bytes())); got != tt.wantJSON {
				t.Errorf("printed JSON = %v, want %v:\n%s", got, tt.wantJSON, out.String())
			}
			if !strings.Contains(errOut.String(), tt.stderr) {
				t.Errorf("stderr = %q, want it to hold %q", errOut.String(), tt.stderr)
			}
		})
	}
}

func TestNearestCommand(t *testing.T) {
	root := newRoot(Options{}, nil)
	for word, want := range map[string]string{
		"lsit":    "list",
		"serach":  "search",
		"outlet":  "outlets",
		"cofnig":  "config",
		"shwo":    "show",
		"hlep":    "help",
		"ls":      "", // nearer to nothing than to list
		"news":    "",
		"kitchen": "",
	} {
		if got := nearestCommand(root, word); got != want {
			t.Errorf("nearestCommand(%q) = %q, want %q", word, got, want)
		}
	}
}

func TestExitCode(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want int
	}{
		{"success", nil, 0},
		{"usage", usageError(&cobra.Command{Use: "broadsheet"}, "bad"), 2},
		{"cobra's usage", usageOf(errors.New(`unknown command "x" for "broadsheet man"`)), 2},
		{"config", configError{errors.New("x.toml:3: bad")}, 2},
		{"nothing loaded", ErrNothingLoaded, 1},
		{"anything else", errors.New("disk on fire"), 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ExitCode(tt.err); got != tt.want {
				t.Errorf("ExitCode(%v) = %d, want %d", tt.err, got, tt.want)
			}
		})
	}
}

// TestEveryCommandHasHelp checks that each command's help, as --help and
// the help command print it, shows how it is typed and describes every
// flag it takes.
func TestEveryCommandHasHelp(t *testing.T) {
	root := newRoot(Options{}, nil)
	cmds := []*cobra.Command{root}
	for _, c := range root.Commands() {
		cmds = append(cmds, c)
		cmds = append(cmds, c.Commands()...)
	}
	for _, c := range cmds {
		path := strings.Fields(c.CommandPath())[1:]
		for _, args := range [][]string{append(path, "--help"), append([]string{"help"}, path...)} {
			if len(args) > 2 && args[0] == "help" {
				continue // help names one command
			}
			var out, errOut bytes.Buffer
			if err := run(args, &out, &errOut); err != nil {
				t.Fatalf("run(%q) = %v", args, err)
			}
			help := out.String()
			operands := strings.TrimSpace(strings.TrimPrefix(c.Use, c.Name()))
			if c.Short == "" || !strings.Contains(help, c.CommandPath()) || !strings.Contains(help, operands) || !strings.Contains(help, "--help") {
				t.Errorf("%q lacks %q, %q or --help:\n%s", args, c.CommandPath(), operands, help)
			}
			c.Flags().VisitAll(func(f *pflag.Flag) {
				if f.Usage == "" || !strings.Contains(help, "--"+f.Name) {
					t.Errorf("%q lacks a described --%s", args, f.Name)
				}
			})
			if errOut.Len() > 0 {
				t.Errorf("%q wrote to stderr: %q", args, errOut.String())
			}
		}
	}
}
