package search

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/internal/corpus"
)

// memCorpusEnv names the environment variable that makes the query
// benchmarks build their index from articles generated in memory,
// without writing the files or extracting them: a million articles
// indexed in minutes, where writing and extracting them takes most of
// an hour. The articles are what extraction makes of the generated
// files, near enough for timing searches (title, outlet, date, lead
// and body, the site's header and footer left out), not byte for byte.
const memCorpusEnv = "BROADSHEET_BENCH_MEM"

// memArticles generates n articles of the benchmark corpus in memory,
// several at a time, in the order of their numbers.
func memArticles(n int) []*feed.Article {
	c := corpus.New(n, benchSeed)
	arts := make([]*feed.Article, n)
	var wg sync.WaitGroup
	workers := runtime.GOMAXPROCS(0)
	for w := range workers {
		wg.Go(func() {
			for i := w; i < n; i += workers {
				name, data := c.File(i)
				arts[i] = memArticle(name, string(data))
			}
		})
	}
	wg.Wait()
	return arts
}

// memArticle reads a generated file as extraction would: the header
// lines up to the first blank line, the title, the dateline and byline,
// paragraphs up to "Related stories". Its strings share the file's text.
func memArticle(name, text string) *feed.Article {
	a := &feed.Article{ID: filepath.Base(name), Path: name, Format: feed.FormatText, Outlet: filepath.Dir(name)}
	rest := text
	block := func() string {
		b, after, _ := strings.Cut(rest, "\n\n")
		rest = after
		return b
	}
	block() // the site's header
	a.Title = block()
	a.Date = memDate(block())
	body := rest
	if i := strings.Index(body, "\n\nRelated stories\n"); i >= 0 {
		body = body[:i]
	} else if strings.HasPrefix(body, "Related stories\n") {
		body = ""
	}
	a.Body = body
	a.Lead, _, _ = strings.Cut(body, "\n\n")
	inWord := false
	for _, c := range []byte(body) {
		space := c == ' ' || c == '\n'
		if !space && !inWord {
			a.Words++
		}
		inWord = !space
	}
	return a
}

// memDate finds the date in a generated dateline, in any of the
// generator's layouts.
func memDate(s string) time.Time {
	fields := strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '|' || r == ',' })
	layouts := []string{"2 January 2006", "Jan 2 2006", time.DateOnly, "Monday 2 January 2006"}
	for _, f := range fields {
		f = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(f), "Published "))
		f = strings.TrimPrefix(f, "date ")
		for _, l := range layouts {
			if t, err := time.Parse(l, f); err == nil {
				return t
			}
			// "date 2024-01-02 Name": the date is the first field.
			if sp := strings.IndexByte(f, ' '); sp > 0 && l == time.DateOnly {
				if t, err := time.Parse(l, f[:sp]); err == nil {
					return t
				}
			}
		}
	}
	// "Jan 2, 2006" was split at its comma: the month and day are one
	// field and the year the next.
	for i := 0; i+1 < len(fields); i++ {
		f := strings.TrimPrefix(strings.TrimSpace(fields[i]), "Published ")
		if t, err := time.Parse("Jan 2 2006", f+" "+strings.TrimSpace(fields[i+1])); err == nil {
			return t
		}
	}
	return time.Time{}
}

// memCorpus reports whether the benchmarks build their index from
// articles generated in memory.
func memCorpus() bool { return os.Getenv(memCorpusEnv) != "" }

// memIndex builds the index of n articles generated in memory, added
// in batches in the order of their numbers, as cachedIndex adds the
// files' articles. When memCorpusEnv names a folder, the index is kept
// there, as the reader keeps it (Encode), and a later run reads it
// back and attaches the articles generated again.
func memIndex(b *testing.B, n int) *Index {
	// Less garbage left about: a million articles' text is 6 GB.
	defer debug.SetGCPercent(debug.SetGCPercent(25))
	arts := memArticles(n)
	const key = "search benchmarks"
	var path string
	if dir := os.Getenv(memCorpusEnv); dir != "1" {
		path = filepath.Join(dir, fmt.Sprintf("index-n%d-seed%d.bsi", n, benchSeed))
		if data, err := os.ReadFile(path); err == nil {
			if ix, err := Decode(data, key); err == nil {
				for _, a := range arts {
					if !ix.Attach(a, Fingerprint(a)) {
						b.Fatalf("%s: %s not attached", path, a.ID)
					}
				}
				return ix
			}
		}
	}
	ix := New()
	for i := 0; i < len(arts); i += 64 {
		ix.Add(arts[i:min(i+64, len(arts))]...)
	}
	ix.Compact()
	if path != "" {
		var buf bytes.Buffer
		if err := ix.Encode(&buf, key); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return ix
}
