package ui

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// A file's name must never reach an editor or pager as an option or a
// command: vi runs "+!cmd" and "-c!cmd", less runs "-c!cmd"... So the
// program is given the file's absolute path.
func TestFileCommandGivesAnAbsolutePath(t *testing.T) {
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh")
	}
	dir := t.TempDir()
	t.Chdir(dir)
	for _, name := range []string{"+!touch pwned", "-c!touch pwned", "--help", "+10", "-", "plain.txt"} {
		t.Run(name, func(t *testing.T) {
			if err := os.WriteFile(name, []byte("Headline\n\nBody."), 0o644); err != nil {
				t.Fatal(err)
			}
			cmd, err := fileCommand(`printf '%s|'`, name)
			if err != nil {
				t.Fatal(err)
			}
			arg := cmd.Args[len(cmd.Args)-1]
			if !filepath.IsAbs(arg) || strings.HasPrefix(arg, "-") || strings.HasPrefix(arg, "+") {
				t.Errorf("the program is given %q: not an absolute path", arg)
			}
			out, err := cmd.Output()
			if err != nil {
				t.Fatal(err)
			}
			if want := filepath.Join(dir, name) + "|"; string(out) != want {
				t.Errorf("the program got %q, want %q", out, want)
			}
		})
	}
	if _, err := fileCommand("true", "missing"); err == nil {
		t.Errorf("a missing file gave a command")
	}
}
