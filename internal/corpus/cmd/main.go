// Command cmd writes a synthetic article corpus for benchmarks:
//
//	go run ./internal/corpus/cmd -n 100000 -seed 1 -out DIR
//
// With -queries N it prints the benchmark queries for that corpus instead.
package main

import (
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/broadsheet/broadsheet/internal/corpus"
)

func main() {
	n := flag.Int("n", 10000, "number of articles")
	seed := flag.Uint64("seed", 1, "random seed; the same seed gives the same files")
	out := flag.String("out", "", "folder to write into (required unless -queries)")
	queries := flag.Int("queries", 0, "print this many benchmark queries, one a line, and write nothing")
	flag.Parse()
	if *queries > 0 {
		for _, q := range corpus.New(*n, *seed).Queries(*queries) {
			fmt.Println(q)
		}
		return
	}
	if *out == "" {
		fmt.Fprintln(os.Stderr, "corpus: -out DIR is required")
		os.Exit(2)
	}
	start := time.Now()
	total, err := corpus.Generate(*out, *n, *seed)
	if err != nil {
		fmt.Fprintf(os.Stderr, "corpus: %v\n", err)
		os.Exit(1)
	}
	fmt.Printf("wrote %d articles, %.1f MB (mean %.1f KB) to %s in %s\n",
		*n, float64(total)/1e6, float64(total)/float64(*n)/1e3, *out, time.Since(start).Round(time.Millisecond))
}
