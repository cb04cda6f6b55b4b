package cli

import (
	"errors"
	"flag"
	"io"
	"slices"
	"strings"
	"testing"
)

func TestParseInterleaved(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		wantPos  []string
		wantJSON bool
	}{
		{"flags first", []string{"--json", "a", "b"}, []string{"a", "b"}, true},
		{"flags between", []string{"a", "--json", "b"}, []string{"a", "b"}, true},
		{"flags last", []string{"a", "b", "--json"}, []string{"a", "b"}, true},
		{"after -- all is a path", []string{"a", "--", "--json", "-x"}, []string{"a", "--json", "-x"}, false},
		{"a lone dash is a path", []string{"-"}, []string{"-"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := flag.NewFlagSet("t", flag.ContinueOnError)
			fs.SetOutput(io.Discard)
			asJSON := fs.Bool("json", false, "")
			pos, err := parseInterleaved(fs, tt.args)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(pos, tt.wantPos) || *asJSON != tt.wantJSON {
				t.Errorf("got %q json=%v, want %q json=%v", pos, *asJSON, tt.wantPos, tt.wantJSON)
			}
		})
	}
}

func TestNearestCommand(t *testing.T) {
	for word, want := range map[string]string{
		"lsit":    "list",
		"serach":  "search",
		"outlet":  "outlets",
		"cofnig":  "config",
		"shwo":    "show",
		"news":    "",
		"kitchen": "",
	} {
		if got := nearestCommand(word); got != want {
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
		{"usage", usageError(root, "bad"), 2},
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

func TestEveryCommandHasHelp(t *testing.T) {
	for _, c := range commands {
		var b strings.Builder
		if err := writeHelp(&b, c); err != nil {
			t.Fatal(err)
		}
		if c.summary == "" || !strings.Contains(b.String(), c.synopsis()) || !strings.Contains(b.String(), "--help") {
			t.Errorf("help for %q:\n%s", c.name, b.String())
		}
		for _, d := range c.allFlags() {
			if d.usage == "" || !strings.Contains(b.String(), "--"+d.name) {
				t.Errorf("help for %q lacks a described --%s", c.name, d.name)
			}
		}
	}
}
