// Command titletrain fits the weights the reader chooses headlines with
// (feed/extract/title_weights.json) on the labelled pages beside the
// repository, and reports how well they choose on pages they were not
// fitted on.
//
//	go run ./internal/titletrain [-shared ../shared] [-write]
//
// It builds each page's candidates with the reader's own extraction
// (extract.Extractor.TitleCandidates), so the features it fits are the
// ones the reader computes. A candidate is right when its token F1 with
// the labelled headline is 0.8 or more, the evaluation's "near". The
// model is a conditional logit: a softmax over each page's candidates,
// fitted to put its weight on the right ones. It reports the share of
// pages whose pick is right by 5-fold cross-validation over both sets
// pooled (folds by page), by fitting on one set and measuring on the
// other, and in-sample, for plain text and HTML separately. With -write
// it writes the weights fitted on all pages.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"hash/fnv"
	"math"
	"os"
	"path/filepath"
	"sort"

	"github.com/broadsheet/broadsheet/feed/extract"
)

// page is one labelled page's candidates.
type page struct {
	set, id string
	cands   []extract.TitleCandidate
	right   []bool
}

func main() {
	shared := flag.String("shared", "../shared", "the folder holding eval-dev and eval-news")
	write := flag.Bool("write", false, "write feed/extract/title_weights.json")
	out := flag.String("out", "feed/extract/title_weights.json", "where -write writes the weights")
	only := flag.String("kind", "", "fit only this kind of page, text or html (not with -write)")
	flag.Parse()
	sets := []string{"eval-dev", "eval-news"}
	for _, s := range sets {
		if _, err := os.Stat(filepath.Join(*shared, s, "meta_silver.json")); err != nil {
			fmt.Printf("titletrain: skipped: no labelled pages at %s (%v)\n", filepath.Join(*shared, s), err)
			return
		}
	}
	x := extract.NewExtractor()
	model := extract.TitleModel{}
	if *write && *only != "" {
		fmt.Fprintln(os.Stderr, "titletrain: -write fits both kinds; drop -kind")
		os.Exit(2)
	}
	for _, kind := range []string{"text", "html"} {
		if *only != "" && kind != *only {
			continue
		}
		var pages []page
		for _, s := range sets {
			ps, err := load(x, filepath.Join(*shared, s), s, kind)
			if err != nil {
				fmt.Fprintln(os.Stderr, "titletrain:", err)
				os.Exit(1)
			}
			pages = append(pages, ps...)
		}
		w := fit(pages)
		report(kind, pages)
		tw := extract.TitleWeights{Features: extract.TitleFeatureNames(kind), Weights: round(w)}
		if kind == "html" {
			model.HTML = tw
		} else {
			model.Text = tw
		}
		fmt.Printf("%s: in-sample (all pages, rounded weights) %s\n", kind, pct(score(tw.Weights, pages)))
	}
	if *write {
		b, err := json.MarshalIndent(model, "", " ")
		if err != nil {
			panic(err)
		}
		if err := os.WriteFile(*out, append(b, '\n'), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "titletrain:", err)
			os.Exit(1)
		}
		fmt.Println("wrote", *out)
	}
}

// load reads the pages of one evaluation set of one kind that have a
// labelled headline, in the order of their ids.
func load(x *extract.Extractor, dir, set, kind string) ([]page, error) {
	b, err := os.ReadFile(filepath.Join(dir, "meta_silver.json"))
	if err != nil {
		return nil, err
	}
	var meta map[string]struct {
		Title string `json:"title"`
	}
	if err := json.Unmarshal(b, &meta); err != nil {
		return nil, fmt.Errorf("%s: %w", set, err)
	}
	ids := make([]string, 0, len(meta))
	for id, m := range meta {
		if m.Title != "" {
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)
	ext := map[string]string{"text": ".txt", "html": ".html"}[kind]
	var pages []page
	for _, id := range ids {
		path := filepath.Join(dir, kind, id+ext)
		data, err := os.ReadFile(path)
		if err != nil {
			continue // the set holds no page of this kind for the id
		}
		cands, got, _ := x.TitleCandidates(extract.Source{Path: path, Data: data})
		p := page{set: set, id: id}
		if got == kind {
			p.cands = cands
			for _, c := range cands {
				p.right = append(p.right, extract.TitleF1(meta[id].Title, c.Text) >= 0.8)
			}
		}
		pages = append(pages, p)
	}
	return pages, nil
}

// fit returns the weights of a conditional logit over the pages'
// candidates: it maximises the log of the probability each page's right
// candidates get together, less an L2 penalty, by gradient ascent from
// zero (deterministic: no random start, pages in a fixed order).
func fit(pages []page) []float64 {
	nf := 0
	for _, p := range pages {
		if len(p.cands) > 0 {
			nf = len(p.cands[0].Features)
			break
		}
	}
	w := make([]float64, nf)
	vel := make([]float64, nf)
	grad := make([]float64, nf)
	const (
		iters  = 800
		rate   = 0.5
		moment = 0.9
		l2     = 0.002
	)
	var usable []page
	for _, p := range pages {
		for _, r := range p.right {
			if r {
				usable = append(usable, p)
				break
			}
		}
	}
	if len(usable) == 0 {
		return w
	}
	scores := make([]float64, 0, 256)
	for range iters {
		for k := range grad {
			grad[k] = -l2 * w[k]
		}
		for _, p := range usable {
			scores = scores[:0]
			top := math.Inf(-1)
			for _, c := range p.cands {
				s := dot(w, c.Features)
				scores = append(scores, s)
				top = max(top, s)
			}
			var all, pos float64
			for i, s := range scores {
				e := math.Exp(s - top)
				scores[i] = e
				all += e
				if p.right[i] {
					pos += e
				}
			}
			// d log(pos/all) = sum_right p_i/P f_i - sum_all p_i f_i
			n := float64(len(usable))
			for i, c := range p.cands {
				g := -scores[i] / all
				if p.right[i] {
					g += scores[i] / pos
				}
				if g == 0 {
					continue
				}
				for k, v := range c.Features {
					grad[k] += g * v / n
				}
			}
		}
		for k := range w {
			vel[k] = moment*vel[k] + rate*grad[k]
			w[k] += vel[k]
		}
	}
	return w
}

func dot(w, f []float64) float64 {
	s := 0.0
	for i := range w {
		s += w[i] * f[i]
	}
	return s
}

// score returns how many pages' picks under w are right, of how many.
func score(w []float64, pages []page) [2]int {
	var r [2]int
	for _, p := range pages {
		r[1]++
		if k := extract.Pick(w, p.cands); k >= 0 && p.right[k] {
			r[0]++
		}
	}
	return r
}

// report prints the cross-validated figures of one kind of page.
func report(kind string, pages []page) {
	const folds = 5
	fold := func(p page) int {
		h := fnv.New32a()
		h.Write([]byte(p.id))
		return int(h.Sum32() % folds)
	}
	var cv [2]int
	bySet := map[string][2]int{}
	for f := range folds {
		var train, test []page
		for _, p := range pages {
			if fold(p) == f {
				test = append(test, p)
			} else {
				train = append(train, p)
			}
		}
		w := fit(train)
		for _, p := range test {
			r := score(w, []page{p})
			cv[0] += r[0]
			cv[1] += r[1]
			s := bySet[p.set]
			s[0] += r[0]
			s[1] += r[1]
			bySet[p.set] = s
		}
	}
	fmt.Printf("%s: %d-fold CV, both sets pooled: %s (eval-dev %s, eval-news %s)\n",
		kind, folds, pct(cv), pct(bySet["eval-dev"]), pct(bySet["eval-news"]))
	for _, pair := range [][2]string{{"eval-dev", "eval-news"}, {"eval-news", "eval-dev"}} {
		var train, test []page
		for _, p := range pages {
			if p.set == pair[0] {
				train = append(train, p)
			} else if p.set == pair[1] {
				test = append(test, p)
			}
		}
		fmt.Printf("%s: fit on %s, measured on %s: %s\n", kind, pair[0], pair[1], pct(score(fit(train), test)))
	}
	// The best any pick could do: pages with a right candidate.
	var reach [2]int
	for _, p := range pages {
		reach[1]++
		for _, r := range p.right {
			if r {
				reach[0]++
				break
			}
		}
	}
	fmt.Printf("%s: pages with a right candidate: %s\n", kind, pct(reach))
}

func pct(r [2]int) string {
	if r[1] == 0 {
		return "n/a"
	}
	return fmt.Sprintf("%d/%d = %.3f", r[0], r[1], float64(r[0])/float64(r[1]))
}

// round keeps four decimals, so the file reads well and diffs small.
func round(w []float64) []float64 {
	out := make([]float64, len(w))
	for i, v := range w {
		out[i] = math.Round(v*1e4) / 1e4
		if out[i] == 0 {
			out[i] = 0 // no negative zero
		}
	}
	return out
}
