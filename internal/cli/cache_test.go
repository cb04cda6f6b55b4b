package cli

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/broadsheet/broadsheet/internal/config"
	"github.com/broadsheet/broadsheet/internal/prewalk"
)

// cacheTree copies the samples, a compressed article and an empty file
// into a temp folder, dated an hour ago so that their records are kept.
func cacheTree(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files, _ := filepath.Glob("../../data/*.txt")
	files = append(files, "../../feed/extract/testdata/gz/article.html.gz")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, filepath.Base(f)), data, 0o644)
	}
	os.WriteFile(filepath.Join(dir, "empty.txt"), nil, 0o644)
	old := time.Now().Add(-time.Hour)
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		os.Chtimes(filepath.Join(dir, e.Name()), old, old)
	}
	return dir
}

// runCLI runs a command line and returns its stdout and stderr.
func runCLI(t *testing.T, args ...string) (string, string) {
	t.Helper()
	var out, errs bytes.Buffer
	Run(args, Options{Stdout: &out, Stderr: &errs})
	return out.String(), errs.String()
}

func cacheFiles(t *testing.T, cacheHome string) []string {
	files, _ := filepath.Glob(filepath.Join(cacheHome, "broadsheet", "*"))
	// The program's hash, kept beside the cache files, is not one.
	return slices.DeleteFunc(files, func(f string) bool { return filepath.Base(f) == "program.id" })
}

func TestCLICache(t *testing.T) {
	tests := []struct {
		name string
		args []string
		// files is how many cache files the run leaves: one whenever a
		// file was extracted. The prefilter cannot see into the tree's
		// compressed file, so that one is extracted for every search.
		// Grouping stories keeps its own file beside it.
		files int
	}{
		{"list", []string{"list", "--json"}, 1},
		{"outlets", []string{"outlets", "--json"}, 1},
		{"stories", []string{"stories", "--json"}, 2},
		{"search common", []string{"search", "--json", "ferry"}, 1},
		{"search in a compressed file", []string{"search", "floating"}, 1},
		{"search two words", []string{"search", "harbour strike"}, 1},
		{"search nothing", []string{"search", "zeppelin"}, 1},
		{"search outlet", []string{"search", "outlet:lantern"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := cacheTree(t)
			home := t.TempDir()
			t.Setenv("XDG_CACHE_HOME", home)
			t.Setenv(config.EnvVar, os.DevNull)
			args := append(tt.args, dir)
			wantOut, wantErr := runCLI(t, append(args, "--no-cache")...)
			if files := cacheFiles(t, home); len(files) != 0 {
				t.Fatalf("--no-cache wrote %q", files)
			}
			for _, run := range []string{"cold", "warm"} {
				out, errs := runCLI(t, args...)
				if out != wantOut || errs != wantErr {
					t.Errorf("%s: got\n%s%s\nwant\n%s%s", run, out, errs, wantOut, wantErr)
				}
				if files := cacheFiles(t, home); len(files) != tt.files {
					t.Errorf("%s: cache files %q, want %d", run, files, tt.files)
				}
			}
			// With every file in the cache, as after listing them, a
			// search passes over the same files.
			runCLI(t, "list", dir)
			if out, errs := runCLI(t, args...); out != wantOut || errs != wantErr {
				t.Errorf("after list: got\n%s%s\nwant\n%s%s", out, errs, wantOut, wantErr)
			}
		})
	}
}

func TestCLICacheOff(t *testing.T) {
	dir := cacheTree(t)
	home := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", home)
	cfg := filepath.Join(t.TempDir(), "config.toml")
	os.WriteFile(cfg, []byte("cache = false\n"), 0o644)
	t.Setenv(config.EnvVar, cfg)
	runCLI(t, "list", dir)
	if files := cacheFiles(t, home); len(files) != 0 {
		t.Errorf("cache = false wrote %q", files)
	}
	os.WriteFile(cfg, []byte("cache = true\n"), 0o644)
	runCLI(t, "list", dir)
	if files := cacheFiles(t, home); len(files) != 1 {
		t.Errorf("cache = true wrote %q, want one file", files)
	}
}

// TestCLICacheOnlyForFolders checks that files named on their own are
// read without a cache, which would cost more than it saves, and that a
// folder is cached.
func TestCLICacheOnlyForFolders(t *testing.T) {
	dir := cacheTree(t)
	home := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", home)
	t.Setenv(config.EnvVar, os.DevNull)
	entries, _ := os.ReadDir(dir)
	var file string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".txt") && e.Name() != "empty.txt" {
			file = filepath.Join(dir, e.Name())
			break
		}
	}
	if file == "" {
		t.Fatal("no article file in the tree")
	}
	if out, errs := runCLI(t, "show", "--json", file); out == "" {
		t.Fatalf("show printed nothing: %s", errs)
	}
	if files := cacheFiles(t, home); len(files) != 0 {
		t.Errorf("show of one file left cache files %q", files)
	}
	runCLI(t, "list", dir)
	if files := cacheFiles(t, home); len(files) != 1 {
		t.Errorf("list of a folder left cache files %q, want one", files)
	}
}

// slowCache is a cache whose save takes a while.
type slowCache struct{ d time.Duration }

func (c slowCache) Close() error {
	time.Sleep(c.d)
	return nil
}

// TestCloseCachesSaysWhy checks that leaving the reader while its cache
// is still being written says why it waits, and that commands, and a
// quick save, say nothing.
func TestCloseCachesSaysWhy(t *testing.T) {
	tests := []struct {
		name   string
		reader bool
		save   time.Duration
		notice bool
	}{
		{"reader, slow save", true, 2 * saveNotice, true},
		{"reader, quick save", true, 0, false},
		{"command, slow save", false, 2 * saveNotice, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var errs bytes.Buffer
			e := &env{Options: Options{Stderr: &errs}, reader: tt.reader, caches: []io.Closer{slowCache{tt.save}}}
			e.closeCaches()
			if got := strings.Contains(errs.String(), "saving"); got != tt.notice {
				t.Errorf("notice printed = %v, want %v (stderr %q)", got, tt.notice, errs.String())
			}
			if e.caches != nil {
				t.Errorf("caches kept after closing")
			}
		})
	}
}

// TestCLIListSecondStartSeesChanges lists and searches a folder from its
// cache after files were changed, removed and added since the run that
// filled it: the list and the searches' results are what a run without
// the cache prints, in columns and as JSON, and the run after agrees too.
func TestCLIListSecondStartSeesChanges(t *testing.T) {
	dir := cacheTree(t)
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	t.Setenv(config.EnvVar, os.DevNull)
	same := func(when string) {
		t.Helper()
		for _, args := range [][]string{{"list", dir}, {"list", "--json", dir}, {"search", "harbour", dir}, {"search", "--json", "causeway", dir},
			{"search", "tidal mill", dir}, {"search", "ferry -harbour", dir}} {
			want, wantErr := runCLI(t, append(args, "--no-cache")...)
			got, gotErr := runCLI(t, args...)
			if got != want || gotErr != wantErr {
				t.Errorf("%s, %q: got\n%s%s\nwant\n%s%s", when, args, got, gotErr, want, wantErr)
			}
			// As the program starts: the folders walked while it starts
			// (internal/prewalk/start), and the walk taken by the load.
			prewalk.Start(prewalk.Roots(args)...)
			got, gotErr = runCLI(t, args...)
			if got != want || gotErr != wantErr {
				t.Errorf("%s, %q, walked at start: got\n%s%s\nwant\n%s%s", when, args, got, gotErr, want, wantErr)
			}
			if prewalk.Take(dir) != nil {
				t.Errorf("%q: the walk begun at start was not taken", args)
			}
		}
	}
	same("first start")
	same("second start")
	entries, _ := os.ReadDir(dir)
	var texts []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".txt") && e.Name() != "empty.txt" {
			texts = append(texts, filepath.Join(dir, e.Name()))
		}
	}
	if len(texts) < 2 {
		t.Fatalf("the tree has %d text articles, want two or more", len(texts))
	}
	old := time.Now().Add(-30 * time.Minute)
	write := func(p, text string) {
		t.Helper()
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		os.Chtimes(p, old, old)
	}
	write(texts[0], "Tidal mill reopens at Wrenhaven\n\nThe tidal mill at Wrenhaven turned again on Tuesday after ten years of repairs by volunteers.\n")
	if err := os.Remove(texts[1]); err != nil {
		t.Fatal(err)
	}
	write(filepath.Join(dir, "added.txt"), "Causeway flooded twice in a week\n\nThe causeway to Skerry Holm was under water on Monday and again on Friday, the parish council said.\n")
	out, _ := runCLI(t, "list", dir)
	if !strings.Contains(out, "Tidal mill reopens") || !strings.Contains(out, "Causeway flooded") {
		t.Errorf("the changed and the added file are not listed:\n%s", out)
	}
	same("after changes")
}
