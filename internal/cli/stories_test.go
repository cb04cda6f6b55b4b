package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// run runs a command line as Main would.
func runStoriesCLI(args []string, stdout, stderr *bytes.Buffer) error {
	return Run(args, Options{Stdout: stdout, Stderr: stderr})
}

// writeStoryArticle writes a small plain-text article about the harbour
// council's ferry timetable into dir.
func writeStoryArticle(t *testing.T, dir, name, title string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	body := title + "\n\nThe harbour council met on Tuesday and agreed a new timetable for the ferries.\n"
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// storyDir writes two reports of one council meeting and one unrelated
// article.
func storyDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	writeStoryArticle(t, dir, "gazette.txt", "Ferry timetable approved by harbour council")
	writeStoryArticle(t, dir, "courier.txt", "Harbour council agrees new ferry timetable")
	other := "Rovers win the county cup on penalties\n\nMarlow Bay Rovers beat Fenwick Town 5-4 on penalties after a 2-2 draw at Harbour Park, their first cup since 1998.\n"
	if err := os.WriteFile(filepath.Join(dir, "sport.txt"), []byte(other), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestStoriesJSON(t *testing.T) {
	dir := storyDir(t)
	var out bytes.Buffer
	if err := runStoriesCLI([]string{"stories", "--json", dir}, &out, new(bytes.Buffer)); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 2 {
		t.Fatalf("stories --json printed %d lines, want 2 stories:\n%s", len(lines), out.String())
	}
	sizes := map[int]bool{}
	for _, line := range lines {
		var st map[string]any
		if err := json.Unmarshal([]byte(line), &st); err != nil {
			t.Fatalf("line %q: %v", line, err)
		}
		for _, field := range []string{"id", "title", "date", "outlets", "articles"} {
			if _, ok := st[field]; !ok {
				t.Errorf("story lacks %q", field)
			}
		}
		arts := st["articles"].([]any)
		sizes[len(arts)] = true
		for _, a := range arts {
			for _, field := range []string{"id", "outlet", "title", "date", "words", "only"} {
				if _, ok := a.(map[string]any)[field]; !ok {
					t.Errorf("story article lacks %q", field)
				}
			}
			if _, ok := a.(map[string]any)["only"].([]any); !ok {
				t.Errorf("only is %v, want a list", a.(map[string]any)["only"])
			}
		}
	}
	if !sizes[1] || !sizes[2] {
		t.Errorf("story sizes %v, want one of 2 articles and one of 1", sizes)
	}
}

func TestListJSONCarriesStory(t *testing.T) {
	dir := storyDir(t)
	var out bytes.Buffer
	if err := runStoriesCLI([]string{"list", "--json", dir}, &out, new(bytes.Buffer)); err != nil {
		t.Fatal(err)
	}
	stories := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		var a map[string]any
		if err := json.Unmarshal([]byte(line), &a); err != nil {
			t.Fatalf("line %q: %v", line, err)
		}
		id, _ := a["story"].(string)
		if id == "" {
			t.Errorf("%v has no story", a["path"])
		}
		stories[filepath.Base(a["path"].(string))] = id
	}
	if stories["gazette.txt"] != stories["courier.txt"] {
		t.Errorf("the two reports of one meeting are in stories %s and %s", stories["gazette.txt"], stories["courier.txt"])
	}
	if stories["sport.txt"] == stories["gazette.txt"] {
		t.Errorf("the cup final joined the council story")
	}
}

func TestStoriesText(t *testing.T) {
	dir := storyDir(t)
	var out bytes.Buffer
	if err := runStoriesCLI([]string{"stories", dir}, &out, new(bytes.Buffer)); err != nil {
		t.Fatal(err)
	}
	text := out.String()
	for _, want := range []string{"Rovers win the county cup on penalties  (1 outlet)", "    ", "Harbour council agrees new ferry timetable", "Ferry timetable approved by harbour council"} {
		if !strings.Contains(text, want) {
			t.Errorf("stories printed:\n%s\nwant it to hold %q", text, want)
		}
	}
}

func TestStateFlags(t *testing.T) {
	dir := t.TempDir()
	garbage := filepath.Join(dir, "state.db")
	os.WriteFile(garbage, []byte("not a database at all, not even close"), 0o644)
	tests := []struct {
		name     string
		f        flags
		wantDB   bool
		wantWarn string
	}{
		{"off", flags{noState: true, state: garbage}, false, ""},
		{"fresh file", flags{state: filepath.Join(dir, "new", "state.db")}, true, ""},
		{"unreadable file is moved aside", flags{state: garbage}, true, "moved it to"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var errOut bytes.Buffer
			db := openState(&env{Options: Options{Stdout: new(bytes.Buffer), Stderr: &errOut}, flags: tt.f})
			if (db != nil) != tt.wantDB {
				t.Fatalf("database opened: %v, want %v", db != nil, tt.wantDB)
			}
			if db != nil {
				db.Close()
			}
			if !strings.Contains(errOut.String(), tt.wantWarn) || tt.wantWarn == "" && errOut.Len() > 0 {
				t.Errorf("stderr = %q, want %q", errOut.String(), tt.wantWarn)
			}
		})
	}
	good := writeStoryArticle(t, t.TempDir(), "a.txt", "Ferry timetable approved")
	if err := runStoriesCLI([]string{"--no-state", "--state", garbage, good}, new(bytes.Buffer), new(bytes.Buffer)); err != nil {
		t.Errorf("the reader does not take the state flags: %v", err)
	}
}
