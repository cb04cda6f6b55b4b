package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
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

// needTmux skips a test that builds the binary and drives it in tmux
// when tmux is missing or the run is -short.
func needTmux(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary and runs it in tmux")
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed")
	}
}

// sampleArticle is what `broadsheet list --json` says of an article.
type sampleArticle struct {
	Title string `json:"title"`
	Lead  string `json:"lead"`
}

func TestEndToEndInTmux(t *testing.T) {
	needTmux(t)
	bin := buildBinary(t)
	env := cleanEnv(t)

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

	tm := startTmux(t, env, 120, 40, bin)

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
	tm.waitForText("esc/h back", "J next", prefix(first.Title, 30))

	// Back to the list, then read on as in newsboat: J and J open the
	// next two articles, K the one before, q goes back to the list and
	// A marks every article in it read.
	tm.keys("Escape")
	tm.waitForText("tab unfold")
	if len(arts) >= 3 {
		tm.keys("Enter")
		tm.waitForText("esc/h back", prefix(first.Title, 30))
		tm.keys("J")
		tm.waitForText("esc/h back", prefix(arts[1].Title, 30))
		tm.keys("J")
		tm.waitForText("esc/h back", prefix(arts[2].Title, 30))
		tm.keys("K")
		tm.waitForText("esc/h back", prefix(arts[1].Title, 30))
		tm.keys("q")
		tm.waitForText("tab unfold", fmt.Sprintf("%d unread of %d article", len(arts)-3, len(arts)))
		tm.keys("A")
		marked := fmt.Sprintf("Marked %d articles read.", len(arts)-3)
		tm.waitFor("all read, or a question first", func(s string) bool {
			return strings.Contains(s, marked) || strings.Contains(s, "read? (y/n)")
		})
		if !strings.Contains(tm.screen(), marked) {
			tm.keys("y")
		}
		tm.waitForText(marked)
		// The next key clears the notice: the count is back.
		tm.keys("g")
		tm.waitForText(fmt.Sprintf("0 unread of %d article", len(arts)))
	}

	// Search for a word of the first title.
	tm.keys("/")
	tm.waitForText("search articles")
	query := longestWord(first.Title)
	tm.keys("-l", query)
	tm.waitFor("search results", func(s string) bool {
		return strings.Contains(s, "/ "+query) && strings.Contains(s, " result") &&
			strings.Contains(s, prefix(first.Title, 30))
	})
	tm.keys("Enter")
	tm.waitForText("esc/h back", "J next")

	// q goes back a level, to the search; esc leaves it, and q in the
	// list quits: the session ends with the program.
	tm.keys("q")
	tm.waitForText("/ "+query, "enter open")
	tm.keys("Escape")
	tm.waitForText("tab unfold")
	tm.keys("q")
	tm.waitFor("the program to quit", func(string) bool {
		_, err := tm.run("has-session", "-t", "e2e")
		return err != nil
	})
}

// buildBinary builds broadsheet into a temporary folder.
func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "broadsheet")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	return bin
}

// cleanEnv returns an environment in which the binary runs with no
// settings file of the user's, so that it shows its own keys and
// colors, and with a terminal that has colors.
func cleanEnv(t *testing.T) []string {
	t.Helper()
	home := t.TempDir()
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "NO_COLOR=") && !strings.HasPrefix(kv, "PAGER=") && !strings.HasPrefix(kv, "TERM=") {
			env = append(env, kv)
		}
	}
	return append(env, "HOME="+home, "XDG_CONFIG_HOME="+filepath.Join(home, ".config"),
		"XDG_STATE_HOME="+filepath.Join(home, ".local", "state"), "BROADSHEET_CONFIG=", "TERM=xterm-256color")
}

// startTmux runs the command in a tmux session of w×h cells on a
// server of its own, ended when the test ends.
func startTmux(t *testing.T, env []string, w, h int, command ...string) tmux {
	t.Helper()
	tm := tmux{t: t, socket: fmt.Sprintf("broadsheet-e2e-%d-%s", os.Getpid(), strings.ReplaceAll(t.Name(), "/", "-")), env: env}
	args := append([]string{"new-session", "-d", "-s", "e2e", "-x", fmt.Sprint(w), "-y", fmt.Sprint(h)}, command...)
	if out, err := tm.run(args...); err != nil {
		t.Fatalf("tmux new-session: %v: %s", err, out)
	}
	t.Cleanup(func() { tm.run("kill-server") })
	return tm
}

// articleFolder writes two small articles of our own into a folder, so
// that the reader has real files to hand an editor or a pager.
func articleFolder(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"keeper.txt": "Lighthouse keeper retires after forty years\n\n" +
			"The keeper of the point light climbed the stairs for the last time on Friday.\n\n" +
			"She said she would miss the gulls more than the stairs.\n",
		"tides.txt": "Tide tables to change in spring\n\n" +
			"The harbour office will print new tide tables in March.\n\n" +
			"Fishermen welcomed the news at the quay.\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestEndToEndLayoutHelpAndPager resizes the window across the width at
// which the preview appears, opens the full help, and hands an article
// to $PAGER and comes back.
func TestEndToEndLayoutHelpAndPager(t *testing.T) {
	needTmux(t)
	bin := buildBinary(t)
	dir := articleFolder(t)
	// The pager shows the file's first line and a mark, then waits for
	// a key, as a pager would, so the test sees it on screen.
	pager := `sh -c 'head -1 "$0"; echo PAGER-MARK; read x'`
	env := append(cleanEnv(t), "PAGER="+pager)
	tm := startTmux(t, env, 80, 24, bin, dir)

	// Both articles are listed; the first (by name, both undated) is
	// selected. At 80 columns the list is alone: no article text.
	tm.waitForText("2 articles", "Lighthouse keeper retires", "Tide tables to change")
	const body = "miss the gulls"
	if s := tm.screen(); strings.Contains(s, body) {
		t.Fatalf("at 80 columns the list shows a preview:\n%s", s)
	}

	// Wider, and the selected article shows beside the list.
	if out, err := tm.run("resize-window", "-t", "e2e", "-x", "160", "-y", "40"); err != nil {
		t.Fatalf("resize-window: %v: %s", err, out)
	}
	tm.waitForText(body, " │ ", "2 articles")

	// Narrower again, and the preview goes.
	if out, err := tm.run("resize-window", "-t", "e2e", "-x", "80", "-y", "24"); err != nil {
		t.Fatalf("resize-window: %v: %s", err, out)
	}
	tm.waitFor("the preview to go", func(s string) bool {
		return strings.Contains(s, "2 articles") && !strings.Contains(s, body)
	})

	// ? shows every key, ? again puts it away.
	tm.keys("?")
	tm.waitForText("half page down", "view in pager", "open in browser", "problems")
	tm.keys("?")
	tm.waitFor("the full help to close", func(s string) bool {
		return strings.Contains(s, "Lighthouse keeper") && !strings.Contains(s, "view in pager")
	})

	// Open the article and hand it to the pager; the screen is the
	// pager's until it ends, then the reader's again.
	tm.keys("Enter")
	tm.waitForText(body, "esc/h back")
	tm.keys("v")
	tm.waitFor("the pager", func(s string) bool {
		return strings.Contains(s, "PAGER-MARK") && !strings.Contains(s, "esc/h back")
	})
	tm.keys("Enter")
	tm.waitForText(body, "esc/h back")

	// The window too small is said so, and growing it brings back the
	// reader.
	if out, err := tm.run("resize-window", "-t", "e2e", "-x", "36", "-y", "12"); err != nil {
		t.Fatalf("resize-window: %v: %s", err, out)
	}
	tm.waitForText("this window is 36×12")
	if out, err := tm.run("resize-window", "-t", "e2e", "-x", "80", "-y", "24"); err != nil {
		t.Fatalf("resize-window: %v: %s", err, out)
	}
	tm.waitForText(body, "esc/h back")

	tm.keys("Q")
	tm.waitFor("the program to quit", func(string) bool {
		_, err := tm.run("has-session", "-t", "e2e")
		return err != nil
	})
}

// TestEndToEndNoColor checks that with NO_COLOR set not one color code
// reaches the terminal, while with it unset the same screen has colors.
func TestEndToEndNoColor(t *testing.T) {
	needTmux(t)
	bin := buildBinary(t)
	dir := articleFolder(t)
	for _, tt := range []struct {
		name      string
		noColor   bool
		wantColor bool
	}{{"colors", false, true}, {"NO_COLOR", true, false}} {
		t.Run(tt.name, func(t *testing.T) {
			env := cleanEnv(t)
			if tt.noColor {
				env = append(env, "NO_COLOR=1")
			}
			tm := startTmux(t, env, 120, 30, bin, dir)
			tm.waitForText("2 articles", "miss the gulls")
			tm.keys("Enter")
			tm.waitForText("esc/h back", "miss the gulls")
			out, err := tm.run("capture-pane", "-e", "-p", "-t", "e2e")
			if err != nil {
				t.Fatalf("capture-pane: %v", err)
			}
			if got := len(colorSGR(out)) > 0; got != tt.wantColor {
				t.Errorf("colors on screen = %v, want %v; codes %q", got, tt.wantColor, colorSGR(out))
			}
		})
	}
}

// colorSGR returns the escape sequences in s that set a color.
func colorSGR(s string) []string {
	var found []string
	for _, m := range regexp.MustCompile(`\x1b\[([0-9;:]*)m`).FindAllStringSubmatch(s, -1) {
		for _, p := range strings.FieldsFunc(m[1], func(r rune) bool { return r == ';' || r == ':' }) {
			n, _ := strconv.Atoi(p)
			if (n >= 30 && n <= 38) || (n >= 40 && n <= 48) || n == 58 || (n >= 90 && n <= 97) || (n >= 100 && n <= 107) {
				found = append(found, m[0])
				break
			}
		}
	}
	return found
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
