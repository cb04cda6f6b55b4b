package main

import (
	"flag"
	"math"
	"sort"

	"github.com/broadsheet/broadsheet/feed/extract"
)

// Boosting settings: rounds of trees, their depth, the shrinkage of
// each, the penalty on leaf values and the fewest candidates a leaf
// holds.
var (
	rounds  = flag.Int("rounds", 40, "rounds of boosted trees")
	depth   = flag.Int("depth", 3, "the depth of each tree")
	shrink  = flag.Float64("shrink", 0.1, "the shrinkage of each tree")
	minLeaf = flag.Int("minleaf", 20, "the fewest candidates a leaf holds")
)

const (
	leafL2    = 1.0
	maxSplits = 16
)

// row is one candidate in boosting: its features, its gradient and
// Hessian of the page's log-likelihood with respect to its score.
type row struct {
	f    []float64
	g, h float64
}

// boost fits regression trees, one round at a time, to the gradient of
// the conditional logit's log-likelihood under the scores w gives (its
// trees included, as they grow), with Newton steps for the leaves.
func boost(pages []page, w *extract.TitleWeights) []extract.TitleTree {
	usable := withRight(pages)
	var trees []extract.TitleTree
	for range *rounds {
		var rows []row
		for _, p := range usable {
			scores := make([]float64, len(p.cands))
			top := math.Inf(-1)
			for i, c := range p.cands {
				scores[i] = w.Score(c.Features)
				top = max(top, scores[i])
			}
			var all, pos float64
			for i := range scores {
				scores[i] = math.Exp(scores[i] - top)
				all += scores[i]
				if p.right[i] {
					pos += scores[i]
				}
			}
			for i, c := range p.cands {
				pa, pp := scores[i]/all, 0.0
				if p.right[i] {
					pp = scores[i] / pos
				}
				rows = append(rows, row{f: c.Features, g: pp - pa, h: max(pa*(1-pa), 1e-6)})
			}
		}
		t := extract.TitleTree{}
		grow(&t, rows, *depth)
		for i := range t {
			t[i].Value = math.Round(t[i].Value**shrink*1e4) / 1e4
			t[i].Threshold = math.Round(t[i].Threshold*1e6) / 1e6
		}
		trees = append(trees, t)
		w.Trees = trees
	}
	return trees
}

// grow adds a node for rows to t, split while depth allows and a split
// gains, and returns its index.
func grow(t *extract.TitleTree, rows []row, depth int) int {
	var G, H float64
	for _, r := range rows {
		G += r.g
		H += r.h
	}
	at := len(*t)
	*t = append(*t, extract.TitleNode{Feature: -1, Value: G / (H + leafL2)})
	if depth == 0 || len(rows) < 2**minLeaf {
		return at
	}
	base := G * G / (H + leafL2)
	bestGain, bestF, bestT := 1e-9, -1, 0.0
	nf := len(rows[0].f)
	vals := make([]float64, len(rows))
	for f := range nf {
		for i, r := range rows {
			vals[i] = r.f[f]
		}
		for _, th := range thresholds(vals) {
			var gl, hl float64
			nl := 0
			for _, r := range rows {
				if r.f[f] < th {
					gl += r.g
					hl += r.h
					nl++
				}
			}
			if nl < *minLeaf || len(rows)-nl < *minLeaf {
				continue
			}
			gr, hr := G-gl, H-hl
			gain := gl*gl/(hl+leafL2) + gr*gr/(hr+leafL2) - base
			if gain > bestGain {
				bestGain, bestF, bestT = gain, f, th
			}
		}
	}
	if bestF < 0 {
		return at
	}
	var left, right []row
	for _, r := range rows {
		if r.f[bestF] < bestT {
			left = append(left, r)
		} else {
			right = append(right, r)
		}
	}
	(*t)[at] = extract.TitleNode{Feature: bestF, Threshold: bestT}
	l := grow(t, left, depth-1)
	r := grow(t, right, depth-1)
	(*t)[at].Left, (*t)[at].Right = l, r
	return at
}

// thresholds returns up to maxSplits split points between the distinct
// values of vals, at even quantiles.
func thresholds(vals []float64) []float64 {
	v := append([]float64(nil), vals...)
	sort.Float64s(v)
	var uniq []float64
	for i, x := range v {
		if i == 0 || x != v[i-1] {
			uniq = append(uniq, x)
		}
	}
	if len(uniq) < 2 {
		return nil
	}
	var out []float64
	step := max(1, (len(uniq)-1)/maxSplits)
	for i := 0; i+1 < len(uniq); i += step {
		out = append(out, (uniq[i]+uniq[i+1])/2)
	}
	return out
}
