package search

import (
	"cmp"
	"encoding/binary"
	"math"
	"slices"
	"unicode/utf8"
)

// A common prefix alone: its best articles, listed.
//
// A prefix being typed ("elect") resolves to forms of several stem
// groups: those of its own stem weighing otherForm, its other
// completions ("electoral", "electricity") completion. The groups'
// tiers bound each group apart, and a bound summed over groups (each
// saturated on its own) and raised for completions weighing more than
// the tables did rarely falls below the results, so such a search read
// every posting ("elect": 20 ms of CPU at a million articles). So a
// common prefix whose forms the groups' tiers cannot bound gets tiers of
// its own, made as a group's are but from the weighted count a search
// for the prefix gives an article: every form it resolves to (formsOf,
// without the completions' limits), each with the weight the search
// gives it. A search of the prefix counts some of those forms (within
// its limits) with the same weights, so its g in an article is at most
// the one the tiers were made of; forms made since the tiers were (terms
// numbered from terms) are read whole and scored exactly, as a group
// without tiers is.

// prefixTiers are the tiers of a common prefix.
type prefixTiers struct {
	terms uint32 // the terms the index had when they were made: later ones are not counted
	tiers []tier
}

// prefixTierMin is the shortest prefix with tiers (shorter ones are
// read by their buckets), and prefixTierShare the part of the articles,
// 1/prefixTierShare, its forms' articles must add up to: half, as for
// a word alone (tiersFrom), below which a prefix alone is read by
// segments or whole for less. (At a quarter, 645 prefixes had tiers at
// 100,000 articles, and making them cost 2.0 s of CPU more than the
// groups' tables, 0.8 s.)
const (
	prefixTierMin   = 3
	prefixTierShare = 2
)

// usePrefixTiers lets tests and benchmarks compare searches with a
// prefix's tiers and without, and makePrefixTiers the tables' making.
var usePrefixTiers, makePrefixTiers = true, true

// prefixCandidates returns the prefixes, of the common terms, that need
// tiers of their own: common enough, with a completion in a group with
// a table, which the groups' tiers bound too loosely (see evalTiers). It
// needs the read lock; groups are the tables made.
func (ix *Index) prefixCandidates(groups map[uint32]string) []resolved {
	need := max(ix.impactMin(), uint32(len(ix.docs)/prefixTierShare))
	// The terms whose prefixes are looked at: the common ones (a prefix
	// in half the articles is that of a term in one in 64 of them,
	// unless it has dozens of forms as common).
	from := max(ix.impactMin(), need/64)
	seen := make(map[string]bool)
	var out []resolved
	for id := range ix.terms {
		t := &ix.terms[id]
		if t.df < from {
			continue
		}
		for l := prefixTierMin; l <= len(t.text); l++ {
			if l < len(t.text) && !utf8.RuneStart(t.text[l]) {
				continue
			}
			p := t.text[:l]
			if seen[p] {
				continue
			}
			seen[p] = true
			r := ix.formsOf(p, true, math.MaxInt, math.MaxUint32)
			if r.df < need {
				continue
			}
			for _, f := range r.forms {
				if _, table := groups[ix.terms[f.id].group]; table && f.weight > otherForm && f.weight < 1 {
					out = append(out, r)
					break
				}
			}
		}
	}
	return out
}

// prefixQs returns the articles from from to covered-1 holding one of
// a prefix's forms numbered below terms, and the g of each (times impactScale,
// rounded up, as tierQ), counting each form with the weight a search
// gives it. tf is scratch, one slot per article, left cleared.
func (ix *Index) prefixQs(forms []form, terms, from, covered uint32, eRef float64, tf []float32) ([]uint32, []uint16) {
	found := false
	for _, f := range forms {
		if f.id >= terms {
			continue
		}
		pp, _ := ix.postingsAt(f.id, &segSpan{lo: from, hi: covered})
		for pp.next() && pp.doc < covered {
			if pp.doc >= from {
				tf[pp.doc] += f.weight * weighted(pp.count<<2|uint32(pp.flags))
				found = true
			}
		}
	}
	if !found {
		return nil, nil
	}
	// The prefix is in half the articles or more: one pass over them
	// finds its articles in order.
	c := float64(k1 * (1 - b))
	var docs []uint32
	var qs []uint16
	for i, x := range tf[from:covered] {
		if x != 0 {
			d := from + uint32(i)
			docs = append(docs, d)
			qs = append(qs, tierQ(float64(x), c, eRef*float64(ix.docs[d].length)))
			tf[d] = 0
		}
	}
	return docs, qs
}

// extendPrefixTiers returns the prefixes' tiers of it, made for the
// candidate prefixes without and extended to the articles from
// it.covered to covered for the others. It needs the read lock; groups
// are the tables made.
func (ix *Index) extendPrefixTiers(it *impactTables, groups map[uint32]string, covered uint32, tf []float32, hist []uint32) map[string]prefixTiers {
	out := make(map[string]prefixTiers, len(it.prefixes))
	for p, pt := range it.prefixes {
		r := ix.formsOf(p, true, math.MaxInt, math.MaxUint32)
		docs, qs := ix.prefixQs(r.forms, pt.terms, it.covered, covered, it.eRef, tf)
		out[p] = prefixTiers{terms: pt.terms, tiers: extendTiers(pt.tiers, docs, qs)}
	}
	// Prefixes of one word resolve to the same forms ("anniv" to
	// "anniversa"): their tiers are made once.
	made := make(map[string]prefixTiers)
	for _, r := range ix.prefixCandidates(groups) {
		p := r.text
		if _, ok := out[p]; ok {
			continue
		}
		terms := uint32(len(ix.terms))
		key := formsKey(r.forms)
		if pt, ok := made[key]; ok {
			out[p] = pt
			continue
		}
		docs, qs := ix.prefixQs(r.forms, terms, 0, covered, it.eRef, tf)
		for _, q := range qs {
			hist[q]++
		}
		if ts := makeTiers(docs, qs, hist); len(ts) > 0 {
			out[p] = prefixTiers{terms: terms, tiers: ts}
			made[key] = out[p]
		}
	}
	return out
}

// formsKey returns a prefix's forms, with their weights, as a string:
// two prefixes with the same count an article alike.
func formsKey(forms []form) string {
	fs := slices.Clone(forms)
	slices.SortFunc(fs, func(a, b form) int { return cmp.Compare(a.id, b.id) })
	var k []byte
	for _, f := range fs {
		k = binary.AppendUvarint(k, uint64(f.id))
		k = binary.LittleEndian.AppendUint32(k, math.Float32bits(f.weight))
	}
	return string(k)
}
