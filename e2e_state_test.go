package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEndToEndFollowAndState runs the reader on a folder: it follows
// files added and removed while it runs, marks what is opened as read,
// and the next run finds the marks and the place where they were left.
func TestEndToEndFollowAndState(t *testing.T) {
	needTmux(t)
	bin := buildBinary(t)
	dir := articleFolder(t)
	env := cleanEnv(t) // one state folder for both runs
	unread := func(n int) func(string) bool {
		return func(s string) bool { return strings.Count(s, "●") == n }
	}

	tm := startTmux(t, env, 80, 24, bin, dir)
	tm.waitForText("2 stories · 2 unread of 2 articles", "Lighthouse keeper retires")
	tm.waitFor("two unread marks", unread(2))

	// Opening an article reads it.
	tm.keys("Enter")
	tm.waitForText("miss the gulls", "esc/h back")
	tm.keys("Escape")
	tm.waitFor("one unread mark", unread(1))
	tm.keys("j")
	tm.waitForText("┃ Tide tables to change in spring")

	// A file written while the reader runs shows up, and goes when it
	// is removed; the reader stays where it was.
	ferry := filepath.Join(dir, "ferry.txt")
	text := "Winter ferry timetable agreed\n\nTwo early sailings will be added from November.\n"
	if err := os.WriteFile(ferry, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	tm.waitForText("3 articles", "Winter ferry timetable agreed", "┃ Tide tables to change in spring")
	if err := os.Remove(ferry); err != nil {
		t.Fatal(err)
	}
	tm.waitFor("the removed file's article to go", func(s string) bool {
		return strings.Contains(s, "2 articles") && !strings.Contains(s, "Winter ferry")
	})
	tm.keys("q")
	tm.waitFor("the program to quit", func(string) bool {
		_, err := tm.run("has-session", "-t", "e2e")
		return err != nil
	})

	// The next run: the read article is still read, and the cursor is
	// back where it was.
	tm = startTmux(t, env, 80, 24, bin, dir)
	tm.waitForText("2 articles", "┃ Tide tables to change in spring")
	tm.waitFor("one unread mark", unread(1))
	tm.keys("q")
}
