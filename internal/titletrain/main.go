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
	"slices"
	"sort"
	"strings"

	"github.com/broadsheet/broadsheet/feed/extract"
)

// showMisses prints the pages cross-validation gets wrong.
var showMisses *bool

var showFeatures = flag.Bool("features", false, "with -misses, print how the right and picked candidates differ")

var only *string

var drop = flag.String("drop", "", "comma-separated features to leave out (for experiments; not with -write)")

// l2 is the weight of the penalty on the weights' squares.
var stat = flag.String("stat", "", "print, for each value of this feature, how many candidates hold it and how many of those are right")

var dump = flag.String("dump", "", "write every candidate, its page, whether it is right and its features, as tab-separated lines, to this file")

var l2 = flag.Float64("l2", 0.01, "the L2 penalty on the weights")

var reps = flag.Int("reps", 1, "repeat the cross-validation over this many ways of cutting the folds and print the mean (the first way is the one reported alone)")

// page is one labelled page's candidates.
type page struct {
	set, id string
	gold    string
	cands   []extract.TitleCandidate
	right   []bool
}

func main() {
	shared := flag.String("shared", "../shared", "the folder holding eval-dev and eval-news")
	write := flag.Bool("write", false, "write feed/extract/title_weights.json")
	out := flag.String("out", "feed/extract/title_weights.json", "where -write writes the weights")
	showMisses = flag.Bool("misses", false, "print the pages cross-validation gets wrong")
	only = flag.String("kind", "", "fit only this kind of page, text or html (not with -write)")
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
		if *stat != "" {
			printStat(kind, pages, *stat)
		}
		if *dump != "" {
			if err := writeDump(*dump, kind, pages); err != nil {
				fmt.Fprintln(os.Stderr, "titletrain:", err)
				os.Exit(1)
			}
		}
		report(kind, pages)
		tw := fit(pages)
		tw.Features = extract.TitleFeatureNames(kind)
		if kind == "html" {
			model.HTML = tw
		} else {
			model.Text = tw
		}
		if *showMisses {
			for i, name := range tw.Features {
				fmt.Printf("  %-14s %8.3f\n", name, tw.Weights[i])
			}
		}
		fmt.Printf("%s: in-sample (all pages, rounded weights) %s\n", kind, pct(score(&tw, pages)))
	}
	if *write {
		if err := os.WriteFile(*out, encode(model), 0o644); err != nil {
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
		cands, got := x.TitleCandidates(extract.Source{Path: path, Data: data})
		p := page{set: set, id: id, gold: meta[id].Title}
		if *drop != "" {
			names := extract.TitleFeatureNames(kind)
			for _, c := range cands {
				for j, n := range names {
					if strings.Contains(","+*drop+",", ","+n+",") {
						c.Features[j] = 0
					}
				}
			}
		}
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

// fit returns a linear model (see fitLinear) with boosted trees over
// it (see boost), its numbers rounded.
func fit(pages []page) extract.TitleWeights {
	w := fitLinear(pages)
	tw := extract.TitleWeights{Weights: round(w)}
	tw.Trees = boost(pages, &tw)
	return tw
}

// fitLinear returns the weights of a conditional logit over the pages'
// candidates: it maximises the log of the probability each page's right
// candidates get together, less an L2 penalty, by gradient ascent from
// zero (deterministic: no random start, pages in a fixed order).
func fitLinear(pages []page) []float64 {
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
		iters  = 1000
		rate   = 0.5
		moment = 0.9
	)
	usable := withRight(pages)
	if len(usable) == 0 {
		return w
	}
	scores := make([]float64, 0, 256)
	for range iters {
		for k := range grad {
			grad[k] = -*l2 * w[k]
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
func score(w *extract.TitleWeights, pages []page) [2]int {
	var r [2]int
	for _, p := range pages {
		r[1]++
		if k := w.Pick(p.cands); k >= 0 && p.right[k] {
			r[0]++
		}
	}
	return r
}

// folds is the number of parts cross-validation cuts the pages into.
const folds = 5

// foldOf returns the fold of a page in the way of cutting rep; way 0
// is the one every figure is reported with.
func foldOf(p page, rep int) int {
	h := fnv.New32a()
	if rep > 0 {
		fmt.Fprintf(h, "%d/", rep)
	}
	h.Write([]byte(p.id))
	return int(h.Sum32() % folds)
}

// crossValidate returns how many pages a model fitted without their
// fold picks right, in way of cutting rep.
func crossValidate(pages []page, rep int) [2]int {
	var cv [2]int
	for f := range folds {
		var train, test []page
		for _, p := range pages {
			if foldOf(p, rep) == f {
				test = append(test, p)
			} else {
				train = append(train, p)
			}
		}
		w := fit(train)
		r := score(&w, test)
		cv[0] += r[0]
		cv[1] += r[1]
	}
	return cv
}

// report prints the cross-validated figures of one kind of page.
func report(kind string, pages []page) {
	fold := func(p page) int { return foldOf(p, 0) }
	var cv, bare [2]int
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
			r := score(&w, []page{p})
			if *showMisses && r[0] == 0 {
				miss(&w, p)
			}
			cv[0] += r[0]
			cv[1] += r[1]
			if kind == "html" && !statesTitle(p) {
				bare[0] += r[0]
				bare[1] += r[1]
			}
			s := bySet[p.set]
			s[0] += r[0]
			s[1] += r[1]
			bySet[p.set] = s
		}
	}
	fmt.Printf("%s: %d-fold CV, both sets pooled: %s (eval-dev %s, eval-news %s)\n",
		kind, folds, pct(cv), pct(bySet["eval-dev"]), pct(bySet["eval-news"]))
	if *reps > 1 {
		sum, all := cv[0], []string{fmt.Sprint(cv[0])}
		for rep := 1; rep < *reps; rep++ {
			r := crossValidate(pages, rep)
			sum += r[0]
			all = append(all, fmt.Sprint(r[0]))
		}
		fmt.Printf("%s: %d-fold CV over %d ways of cutting the folds: mean %.1f/%d = %.3f (%s)\n", kind, folds, *reps,
			float64(sum)/float64(*reps), cv[1], float64(sum)/float64(*reps*cv[1]), strings.Join(all, " "))
	}
	if kind == "html" {
		fmt.Printf("%s: %d-fold CV, pages whose markup states no title (no og:, twitter: or JSON-LD): %s\n", kind, folds, pct(bare))
	}
	for _, pair := range [][2]string{{"eval-dev", "eval-news"}, {"eval-news", "eval-dev"}} {
		var train, test []page
		for _, p := range pages {
			if p.set == pair[0] {
				train = append(train, p)
			} else if p.set == pair[1] {
				test = append(test, p)
			}
		}
		fmt.Printf("%s: fit on %s, measured on %s: %s\n", kind, pair[0], pair[1], pct(score(ptr(fit(train)), test)))
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

// statesTitle reports whether a page's markup states its headline: an
// og: or twitter: title, or a JSON-LD headline or name, among its
// candidates' sources.
func statesTitle(p page) bool {
	names := extract.TitleFeatureNames("html")
	social, ld := slices.Index(names, "src_social"), slices.Index(names, "src_ld")
	for _, c := range p.cands {
		if c.Features[social] != 0 || c.Features[ld] != 0 {
			return true
		}
	}
	return false
}

// miss prints a page whose pick under w is wrong.
func miss(w *extract.TitleWeights, p page) {
	k := w.Pick(p.cands)
	picked := "(no candidates)"
	if k >= 0 {
		picked = fmt.Sprintf("%q fallback=%v", p.cands[k].Text, p.cands[k].Fallback)
	}
	right := "none"
	for i, c := range p.cands {
		if p.right[i] {
			right = fmt.Sprintf("%q (score %.2f vs %.2f)", c.Text, w.Score(c.Features), w.Score(p.cands[k].Features))
			break
		}
	}
	if *showFeatures && k >= 0 {
		for i, c := range p.cands {
			if p.right[i] {
				names := extract.TitleFeatureNames(*only)
				for j := range c.Features {
					a, b := c.Features[j], p.cands[k].Features[j]
					if a != b && j < len(w.Weights) {
						fmt.Printf("      %-13s right %.2f picked %.2f  w %.2f\n", names[j], a, b, w.Weights[j])
					}
				}
				break
			}
		}
	}
	fmt.Printf("  miss %s %s\n    gold   %q\n    picked %s\n    right  %s\n", p.set, p.id[:8], p.gold, picked, right)
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

func ptr[T any](v T) *T { return &v }

// encode writes the model as JSON with one feature and one tree a line,
// so the file reads well and its diffs stay small.
func encode(m extract.TitleModel) []byte {
	var b strings.Builder
	kind := func(name string, w extract.TitleWeights, last bool) {
		fmt.Fprintf(&b, " %q: {\n  \"features\": [\n", name)
		for i, f := range w.Features {
			fmt.Fprintf(&b, "   %q%s\n", f, comma(i, len(w.Features)))
		}
		b.WriteString("  ],\n  \"weights\": [\n")
		for i, v := range w.Weights {
			fmt.Fprintf(&b, "   %s%s\n", num(v), comma(i, len(w.Weights)))
		}
		b.WriteString("  ],\n  \"trees\": [\n")
		for i, t := range w.Trees {
			line, err := json.Marshal(t)
			if err != nil {
				panic(err)
			}
			fmt.Fprintf(&b, "   %s%s\n", line, comma(i, len(w.Trees)))
		}
		b.WriteString("  ]\n }")
		if !last {
			b.WriteString(",")
		}
		b.WriteString("\n")
	}
	b.WriteString("{\n")
	kind("text", m.Text, false)
	kind("html", m.HTML, true)
	b.WriteString("}\n")
	return []byte(b.String())
}

func comma(i, n int) string {
	if i < n-1 {
		return ","
	}
	return ""
}

func num(v float64) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// withRight returns the pages with at least one right candidate: the
// only ones that tell the fit anything.
func withRight(pages []page) []page {
	var usable []page
	for _, p := range pages {
		if slices.Contains(p.right, true) {
			usable = append(usable, p)
		}
	}
	return usable
}

// printStat prints how many candidates hold each value of a feature,
// how many of those are right, and on how many pages.
func printStat(kind string, pages []page, name string) {
	j := slices.Index(extract.TitleFeatureNames(kind), name)
	if j < 0 {
		fmt.Printf("%s: no feature %q\n", kind, name)
		return
	}
	type tally struct{ cands, right, pagesRight int }
	by := map[float64]*tally{}
	for _, p := range pages {
		seen := map[float64]bool{}
		for i, c := range p.cands {
			v := math.Round(c.Features[j]*100) / 100
			t := by[v]
			if t == nil {
				t = &tally{}
				by[v] = t
			}
			t.cands++
			if p.right[i] {
				t.right++
				if !seen[v] {
					t.pagesRight++
					seen[v] = true
				}
			}
		}
	}
	if name == "pair_head" {
		nd := slices.Index(extract.TitleFeatureNames(kind), "pair_deck")
		var a, b, nn int
		for _, p := range pages {
			for i := 0; i+1 < len(p.cands); i++ {
				if p.cands[i].Features[j] == 1 && p.cands[i+1].Features[nd] == 1 {
					switch {
					case p.right[i]:
						a++
						fmt.Printf("  first  %s %q / %q\n", p.id[:8], p.cands[i].Text, p.cands[i+1].Text)
					case p.right[i+1]:
						b++
						fmt.Printf("  second %s %q / %q\n", p.id[:8], p.cands[i].Text, p.cands[i+1].Text)
					default:
						nn++
					}
				}
			}
		}
		fmt.Printf("pairs: first right %d, second right %d, neither %d\n", a, b, nn)
	}
	vals := make([]float64, 0, len(by))
	for v := range by {
		vals = append(vals, v)
	}
	slices.Sort(vals)
	for _, v := range vals {
		t := by[v]
		fmt.Printf("%s %s=%g: %d candidates, %d right\n", kind, name, v, t.cands, t.right)
	}
}

// writeDump writes pages' candidates as tab-separated lines: the page's
// set and id, the candidate's order, whether it is right, its text and
// its features (named on the first line), for study outside.
func writeDump(path, kind string, pages []page) error {
	var b strings.Builder
	b.WriteString("set\tid\tk\tright\ttext\t" + strings.Join(extract.TitleFeatureNames(kind), "\t") + "\n")
	for _, p := range pages {
		for i, c := range p.cands {
			text := strings.NewReplacer("\t", " ", "\n", " ").Replace(c.Text)
			fmt.Fprintf(&b, "%s\t%s\t%d\t%v\t%s", p.set, p.id, i, p.right[i], text)
			for _, v := range c.Features {
				fmt.Fprintf(&b, "\t%g", v)
			}
			b.WriteString("\n")
		}
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}
