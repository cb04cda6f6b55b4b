package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"
)

// tmux drives a terminal of its own, on a private server, so that the
// test sees the screen a person would.
type tmux struct {
	t      *testing.T
	socket string
	env    []string
}

func (tm tmux) run(args ...string) (string, error) {
	cmd := exec.Command("tmux", append([]string{"-L", tm.socket}, args...)...)
	cmd.Env = tm.env
	out, err := cmd.CombinedOutput()
	return string(out), err
}

func (tm tmux) keys(keys ...string) {
	tm.t.Helper()
	if out, err := tm.run(append([]string{"send-keys", "-t", "e2e"}, keys...)...); err != nil {
		tm.t.Fatalf("send-keys %v: %v: %s", keys, err, out)
	}
}

func (tm tmux) screen() string {
	out, _ := tm.run("capture-pane", "-p", "-t", "e2e")
	return out
}

// waitFor polls the screen until cond holds. The timeout is generous:
// this waits for the program, it does not time it.
func (tm tmux) waitFor(what string, cond func(screen string) bool) {
	tm.t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		s := tm.screen()
		if cond(s) {
			return
		}
		if time.Now().After(deadline) {
			tm.t.Fatalf("waiting for %s; the screen shows:\n%s", what, s)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func (tm tmux) waitForText(texts ...string) {
	tm.t.Helper()
	tm.waitFor(fmt.Sprintf("%q", texts), func(s string) bool {
		for _, x := range texts {
			if !strings.Contains(s, x) {
				return false
			}
		}
		return true
	})
}

// sampleArticle is what `broadsheet list --json` says of an article.
type sampleArticle struct {
	Title string `json:"title"`
	Lead  string `json:"lead"`
}

func TestEndToEndInTmux(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs it in tmux")
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed")
	}
	bin := filepath.Join(t.TempDir(), "broadsheet")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}

	// The binary runs with no settings file of the user's, so that it
	// shows its own keys and colors.
	home := t.TempDir()
	env := append(os.Environ(), "HOME="+home, "XDG_CONFIG_HOME="+filepath.Join(home, ".config"),
		"XDG_STATE_HOME="+filepath.Join(home, ".local", "state"), "BROADSHEET_CONFIG=")

	// Ask the binary itself what the bundled samples hold, so the test
	// follows the samples as they change.
	list := exec.Command(bin, "list", "--json")
	list.Env = env
	out, err := list.Output()
	if err != nil {
		t.Fatalf("list --json: %v", err)
	}
	var arts []sampleArticle
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var a sampleArticle
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatalf("list --json line %q: %v", sc.Text(), err)
		}
		arts = append(arts, a)
	}
	if len(arts) == 0 {
		t.Fatal("the bundled samples hold no articles")
	}
	first := arts[0]

	tm := tmux{t: t, socket: fmt.Sprintf("broadsheet-e2e-%d", os.Getpid()), env: env}
	if out, err := tm.run("new-session", "-d", "-s", "e2e", "-x", "120", "-y", "40", bin); err != nil {
		t.Fatalf("tmux new-session: %v: %s", err, out)
	}
	t.Cleanup(func() { tm.run("kill-server") })

	// The list shows the newest sample first. Titles may be cut to fit,
	// so look for their start.
	tm.waitForText(fmt.Sprintf("%d article", len(arts)), " stories · ")

	// t lists one row an article rather than a story: the newest
	// sample comes first.
	tm.keys("t")
	tm.waitForText(prefix(first.Title, 40))
	tm.waitFor("one row an article", func(s string) bool { return !strings.Contains(s, " stories · ") })

	// Enter opens it: its headline tops the page and the footer offers
	// the way back.
	tm.keys("Enter")
	tm.waitForText("esc/h back", "pgdn/f page down", prefix(first.Title, 30))

	// Back to the list, then search for a word of the first title.
	tm.keys("Escape")
	tm.waitForText("t stories")
	tm.keys("/")
	tm.waitForText("search articles")
	query := longestWord(first.Title)
	tm.keys("-l", query)
	tm.waitFor("search results", func(s string) bool {
		return strings.Contains(s, "/ "+query) && strings.Contains(s, " result") &&
			strings.Contains(s, prefix(first.Title, 30))
	})
	tm.keys("Enter")
	tm.waitForText("esc/h back", "pgdn/f page down")

	// q quits: the session ends with the program.
	tm.keys("q")
	tm.waitFor("the program to quit", func(string) bool {
		_, err := tm.run("has-session", "-t", "e2e")
		return err != nil
	})
}

// prefix returns the first n runes of s, its spaces collapsed as the
// reader draws them on one line.
func prefix(s string, n int) string {
	r := []rune(strings.Join(strings.Fields(s), " "))
	if len(r) > n {
		r = r[:n]
	}
	return strings.TrimSpace(string(r))
}

// longestWord returns the longest run of letters in s.
func longestWord(s string) string {
	best := ""
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if len([]rune(w)) > len([]rune(best)) {
			best = w
		}
	}
	return best
}
