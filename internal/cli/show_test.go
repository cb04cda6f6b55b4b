package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPipedShowIsPlain: show into a pipe pads no line with trailing
// spaces and shows no emphasis marks.
func TestPipedShowIsPlain(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "story.md")
	body := "# A headline\n\nA paragraph with **strong** and *light* words, long enough to wrap across the width of a terminal once or twice over.\n\n> A quoted line.\n"
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if err := run([]string{"show", path}, &stdout, &stderr); err != nil {
		t.Fatalf("run: %v\nstderr: %s", err, stderr.String())
	}
	out := stdout.String()
	for _, l := range strings.Split(out, "\n") {
		if strings.TrimRight(l, " \t") != l {
			t.Errorf("line ends in spaces: %q", l)
		}
	}
	if strings.Contains(out, "*") || !strings.Contains(out, "strong and light words") {
		t.Errorf("emphasis shown as marks, or words lost:\n%s", out)
	}
}

// TestInputsNotIgnored: a date filter that is not a date and an outlet
// that names none are usage errors (exit status 2) saying so, where
// they used to filter nothing or everything unseen; a partial outlet
// name works as outlet: does.
func TestInputsNotIgnored(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{
		"lantern.md":  "---\ntitle: Ferry strike talks\nsite_name: The Lantern\n---\n\nFerry crews met on Monday.\n",
		"meridian.md": "---\ntitle: Ferry fares rise\nsite_name: Meridian Wire\n---\n\nFerry fares rose again.\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, tt := range []struct {
		args   []string
		stderr string // "" when it must succeed
	}{
		{[]string{"search", "after:yesterday ferry", dir}, "after:yesterday"},
		{[]string{"search", "after:2026-13-45 ferry", dir}, "after:2026-13-45"},
		{[]string{"list", "--outlet", "lantrn", dir}, "did you mean"},
		{[]string{"list", "--outlet", "nothing like it", dir}, "no outlet 'nothing like it'"},
		{[]string{"list", "--outlet", "lant", dir}, ""},
		{[]string{"search", "--outlet", "MERIDIAN", "ferry", dir}, ""},
		{[]string{"search", "--outlet", "meridan", "ferry", dir}, "did you mean Meridian Wire?"},
		{[]string{"search", "--outlet", "nothing like it", "ferry", dir}, "no outlet 'nothing like it'"},
	} {
		var stdout, stderr bytes.Buffer
		err := run(tt.args, &stdout, &stderr)
		if tt.stderr == "" {
			if err != nil || stdout.Len() == 0 || strings.Count(stdout.String(), "\n") != 1 {
				t.Errorf("%q: err %v, printed %q", tt.args, err, stdout.String())
			}
			continue
		}
		if ExitCode(err) != 2 || !strings.Contains(err.Error(), tt.stderr) {
			t.Errorf("%q: err %v (exit %d), want exit 2 naming %q", tt.args, err, ExitCode(err), tt.stderr)
		}
	}
}

// TestSampleSignaturesOnlyForSamples: the bundled samples' made-up
// outlets are known when the samples are read, and not in a user's
// folder, where a page that prints one of their chrome phrases is not
// theirs.
func TestSampleSignaturesOnlyForSamples(t *testing.T) {
	dir := t.TempDir()
	page := "Menu\nNews\n\nFerry returns to the island after a long winter\n\n" +
		strings.Repeat("The harbour ferry ran again this week after a long winter of repairs in the yard.\n\n", 6) +
		"Become a Lamplighter from £4 a month\n"
	if err := os.WriteFile(filepath.Join(dir, "ferry.txt"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if err := run([]string{"show", "--json", "--no-cache", dir}, &stdout, &stderr); err != nil {
		t.Fatal(err, stderr.String())
	}
	if strings.Contains(stdout.String(), "Lantern") {
		t.Errorf("a user's page was given a sample outlet: %s", stdout.String())
	}
	stdout.Reset()
	if err := run([]string{"list", "--outlet", "Lantern"}, &stdout, &stderr); err != nil || !strings.Contains(stdout.String(), "Lantern") {
		t.Errorf("the samples lost their outlet: err %v, %q", err, stdout.String())
	}
}
