package main

import (
	"context"
	"database/sql"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	_ "modernc.org/sqlite" // the "sqlite" driver, as internal/state uses

	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/feed/load"
	"github.com/broadsheet/broadsheet/feed/search"
	"github.com/broadsheet/broadsheet/internal/corpus"
	"github.com/broadsheet/broadsheet/internal/cputime"
)

// BenchmarkFTS5 is a prototype, kept to record why the index is kept in
// a file of its own rather than in SQLite: it builds an FTS5 table
// (porter stemming, diacritics removed, BM25 with the title weighted)
// over the 10,000-article corpus and runs the 50 benchmark queries, top
// 20 with a snippet, beside the same queries on search.Index:
//
//	go test -run '^$' -bench FTS5 -benchtime 1x
//
// The query translation is rough (filters become WHERE clauses, the last
// word a prefix), enough to time it, not to rank alike.
func BenchmarkFTS5(b *testing.B) {
	dir, _, err := corpus.Cached(10_000, 1)
	if err != nil {
		b.Fatal(err)
	}
	var arts []*feed.Article
	for ev := range (&load.Loader{}).Stream(context.Background(), []string{dir}) {
		arts = append(arts, ev.Articles...)
	}
	queries := corpus.New(10_000, 1).Queries(50)
	for b.Loop() {
		db, err := sql.Open("sqlite", "file:"+filepath.Join(b.TempDir(), "fts.db"))
		if err != nil {
			b.Fatal(err)
		}
		start, cpu0 := time.Now(), cputime.Process()
		mustExec(b, db, `CREATE VIRTUAL TABLE docs USING fts5(title, lead, body, outlet UNINDEXED, day UNINDEXED, tokenize = 'porter unicode61 remove_diacritics 2')`)
		tx, _ := db.Begin()
		ins, _ := tx.Prepare(`INSERT INTO docs(rowid, title, lead, body, outlet, day) VALUES (?, ?, ?, ?, ?, ?)`)
		for i, a := range arts {
			if _, err := ins.Exec(i, a.Title, a.Lead, a.Body, feed.OutletName(a), a.Date.Format(time.DateOnly)); err != nil {
				b.Fatal(err)
			}
		}
		if err := tx.Commit(); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric((cputime.Process() - cpu0).Seconds(), "fts5-build-cpu-s")
		b.ReportMetric(time.Since(start).Seconds(), "fts5-build-s")
		var pages, size int64
		db.QueryRow(`PRAGMA page_count`).Scan(&pages)
		db.QueryRow(`PRAGMA page_size`).Scan(&size)
		b.ReportMetric(float64(pages*size)/float64(len(arts)), "fts5-B/article")

		var fts []time.Duration
		for _, q := range queries {
			match, where, args := fts5Query(q)
			sqlq := `SELECT rowid, snippet(docs, 2, '', '', '…', 12) FROM docs WHERE ` + where + ` ORDER BY bm25(docs, 4.0, 2.0, 1.0) LIMIT 20`
			if match == "" {
				sqlq = `SELECT rowid, substr(body, 1, 80) FROM docs WHERE ` + where + ` ORDER BY day DESC LIMIT 20`
			}
			t0 := time.Now()
			rows, err := db.Query(sqlq, args...)
			if err != nil {
				b.Fatalf("%s: %s: %v", q, sqlq, err)
			}
			for rows.Next() {
			}
			rows.Close()
			fts = append(fts, time.Since(t0))
		}
		db.Close()

		ix := search.New()
		ix.Add(arts...)
		ix.Compact()
		var ours []time.Duration
		for _, q := range queries {
			t0 := time.Now()
			ix.Search(q, 20)
			ours = append(ours, time.Since(t0))
		}
		p := func(ds []time.Duration, f float64) float64 {
			slices.Sort(ds)
			return float64(ds[int(f*float64(len(ds)-1))].Microseconds()) / 1000
		}
		b.ReportMetric(p(fts, 0.5), "fts5-p50-ms")
		b.ReportMetric(p(fts, 0.99), "fts5-p99-ms")
		b.ReportMetric(p(ours, 0.5), "index-p50-ms")
		b.ReportMetric(p(ours, 0.99), "index-p99-ms")
	}
}

func mustExec(b *testing.B, db *sql.DB, q string) {
	if _, err := db.Exec(q); err != nil {
		b.Fatal(err)
	}
}

// fts5Query turns a benchmark query into an FTS5 MATCH and a WHERE
// clause with its arguments.
func fts5Query(q string) (match, where string, args []any) {
	var terms, conds []string
	var not []string
	// Split keeping quoted phrases whole.
	var toks []string
	for rest := strings.TrimSpace(q); rest != ""; rest = strings.TrimSpace(rest) {
		end := strings.IndexByte(rest, ' ')
		if i := strings.IndexByte(rest, '"'); i >= 0 && (end < 0 || i < end) {
			if j := strings.IndexByte(rest[i+1:], '"'); j >= 0 {
				end = i + 1 + j + 1
			}
		}
		if end < 0 || end > len(rest) {
			end = len(rest)
		}
		toks = append(toks, rest[:end])
		rest = rest[end:]
	}
	for i, t := range toks {
		switch {
		case strings.HasPrefix(t, "outlet:"):
			conds = append(conds, "outlet = ?")
			args = append(args, strings.Trim(t[len("outlet:"):], `"`))
		case strings.HasPrefix(t, "after:"):
			conds = append(conds, "day >= ?")
			args = append(args, t[len("after:"):])
		case strings.HasPrefix(t, "before:"):
			conds = append(conds, "day < ?")
			args = append(args, t[len("before:"):])
		case strings.HasPrefix(t, "-"):
			not = append(not, `"`+t[1:]+`"`)
		case strings.HasPrefix(t, "title:"):
			terms = append(terms, `title : "`+t[len("title:"):]+`"`)
		case strings.HasPrefix(t, `"`):
			terms = append(terms, t)
		default:
			w := `"` + t + `"`
			if i == len(toks)-1 {
				w += "*" // the word being typed
			}
			terms = append(terms, w)
		}
	}
	if len(terms) > 0 {
		match = strings.Join(terms, " AND ")
		for _, n := range not {
			match += " NOT " + n
		}
		conds = append([]string{"docs MATCH ?"}, conds...)
		args = append([]any{match}, args...)
	}
	return match, strings.Join(conds, " AND "), args
}
