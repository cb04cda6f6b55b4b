package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

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
		wantErr error // nil, errUsage or errNothingLoaded
		stderr  string
	}{
		{"list loads", []string{"list", good}, nil, ""},
		{"a bad file beside a good one still succeeds", []string{"list", good, empty}, nil, "empty.txt"},
		{"nothing loaded", []string{"list", empty}, errNothingLoaded, "empty.txt"},
		{"show needs one path", []string{"show"}, errUsage, ""},
		{"search needs a query", []string{"search"}, errUsage, ""},
		{"unknown flag", []string{"list", "--frobnicate"}, errUsage, ""},
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
	for _, field := range []string{"id", "path", "format", "title", "title_synthesized", "outlet", "date", "byline", "url", "lead", "words", "body"} {
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
