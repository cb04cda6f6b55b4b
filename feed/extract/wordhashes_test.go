package extract

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestNextHashIsNext checks that nextHash gives the length and hash of
// each word next gives, for text of every kind the scanner folds.
func TestNextHashIsNext(t *testing.T) {
	for _, s := range []string{
		"", "a", "  ", "Plain words, and some MORE: of them.",
		"Zoë Ångström's café in Łódź — naïve Ünal", "ΔΗΜΟΣ Αθηνών and İstanbul",
		"snake_case 42nd x2 ½ ﬁne", "e\u0301clair combining", "bad \xff byte\xc3", "under_ score_",
		"日本語のテキスト mixed", "trailing word",
	} {
		var a, b wordScanner
		a.start(s)
		b.start(s)
		for {
			t1, ok1 := a.next()
			n2, h2, ok2 := b.nextHash()
			if ok1 != ok2 {
				t.Fatalf("%q: next %v, nextHash %v", s, ok1, ok2)
			}
			if !ok1 {
				break
			}
			if len(t1) != n2 || hashWord(t1) != h2 {
				t.Fatalf("%q: word %q (%d bytes), nextHash %d bytes, hash %x want %x", s, t1, len(t1), n2, h2, hashWord(t1))
			}
		}
	}
}

// TestWordHashesIsWordBag checks that the hash set answers as the
// sorted bag does, the hash 0 included.
func TestWordHashesIsWordBag(t *testing.T) {
	var w wordScanner
	lead := "Harbour council votes to reopen the old ferry pier at Kelmouth, says mayor Ilse Varga"
	bag := w.addWords(nil, lead)
	slices.Sort(bag)
	var set wordHashes
	set.reset(len(bag))
	for _, h := range bag {
		set.add(h)
	}
	for _, s := range []string{"Ferry pier reopens", "Mayor says no", "nothing in common here", "", "Varga", "KELMOUTH HARBOUR"} {
		if got, want := w.shareInSet(s, &set), w.shareIn(s, bag); got != want {
			t.Errorf("%q: share %v, want %v", s, got, want)
		}
	}
	if set.has(0) {
		t.Error("an empty set holds 0")
	}
	set.add(0)
	set.add(7)
	if !set.has(0) || !set.has(7) || set.has(8) {
		t.Error("0 or 7 not found after adding, or 8 found")
	}
	set.reset(1000)
	if set.has(7) || set.has(0) || len(set.slots) < 2000 {
		t.Errorf("reset kept a hash, or made %d slots for 1000", len(set.slots))
	}
	var empty wordHashes
	if empty.has(5) {
		t.Error("a zero set holds 5")
	}
}

// TestLineWordsAreScannerWords checks that the title features read
// from a line's spans (lineWords) give what the scanner gives over its
// lower case, for text of every kind the scanner folds, and that the
// spans are taken for plain text and text with accents and quotes.
func TestLineWordsAreScannerWords(t *testing.T) {
	text := strings.Join([]string{
		"Plain words, and some MORE of them about the harbour",
		"Zoë Ångström’s café in Łódź — naïve Ünal said “no”",
		"ΔΗΜΟΣ Αθηνών and İstanbul councils settle",
		"snake_case 42nd x2 ½ ﬁne settlement",
		"e\u0301clair combining marks here",
		"wait… three dots and a\u00a0space",
		"日本語のテキスト mixed with words",
		"한국어 문장 and Hangul ᄀ\u1161 jamo",
		"x² squared and ｆｕｌｌ width",
		"the of and to in a",
	}, "\n\n")
	var bag wordHashes
	var w wordScanner
	all := w.addContent(nil, text)
	bag.reset(len(all))
	for _, h := range all[:len(all)/2] {
		bag.add(h)
	}
	var lead wordHashes
	heads := w.addHashes(nil, text)
	lead.reset(len(heads))
	for _, h := range heads[len(heads)/2:] {
		lead.add(h)
	}
	spans := 0
	for _, line := range segmentText(text) {
		l := wordsOf(line)
		if l.spans {
			spans++
		}
		if got, want := w.addLineContent(nil, l), w.addContent(nil, l.lower); !slices.Equal(got, want) {
			t.Errorf("%q (spans %v): content %x, want %x", l.lower, l.spans, got, want)
		}
		if got, want := w.addLineHashes(nil, l), w.addHashes(nil, l.lower); !slices.Equal(got, want) {
			t.Errorf("%q (spans %v): hashes %x, want %x", l.lower, l.spans, got, want)
		}
		if got, want := w.lineContentShare(l, &bag), w.contentShare(l.lower, &bag); got != want {
			t.Errorf("%q (spans %v): content share %v, want %v", l.lower, l.spans, got, want)
		}
		if got, want := w.lineShareInSet(l, &lead), w.shareInSet(l.lower, &lead); got != want {
			t.Errorf("%q (spans %v): share %v, want %v", l.lower, l.spans, got, want)
		}
	}
	if spans < 3 {
		t.Errorf("spans taken for %d lines, want the plain, accented and Greek ones at least", spans)
	}
}

// TestSpanSafeRunes checks spansAreWords over every character spanSafe
// holds, alone among ASCII words and mixed at random with others: where
// it says the spans are the words, the content words read from them are
// the scanner's.
func TestSpanSafeRunes(t *testing.T) {
	var w wordScanner
	check := func(s string) {
		t.Helper()
		for _, line := range segmentText(s) {
			l := wordsOf(line)
			if got, want := w.addLineContent(nil, l), w.addContent(nil, l.lower); !slices.Equal(got, want) {
				t.Fatalf("%q (spans %v): content %x, want %x", l.lower, l.spans, got, want)
			}
			if got, want := w.addLineHashes(nil, l), w.addHashes(nil, l.lower); !slices.Equal(got, want) {
				t.Fatalf("%q (spans %v): hashes %x, want %x", l.lower, l.spans, got, want)
			}
		}
	}
	var safe []rune
	for r := rune(utf8.RuneSelf); r < spanSafeRunes; r++ {
		c := string(r)
		check("abc" + c + "def " + c + c + "ghi e" + c + " " + c + "xyz")
		if spansAreWords(c) {
			safe = append(safe, r)
		}
	}
	if len(safe) < 1000 {
		t.Fatalf("%d characters pass, want the letters of the common alphabets at least", len(safe))
	}
	rng := rand.New(rand.NewPCG(1, 2))
	ascii := []rune("abcdefghijklmnopqrstuvwxyz0123456789 .,'-")
	for range 3000 {
		var b strings.Builder
		for range 4 + rng.IntN(20) {
			switch k := rng.IntN(4); {
			case k == 0:
				b.WriteRune(safe[rng.IntN(len(safe))])
			case k == 1:
				b.WriteRune(rune(utf8.RuneSelf + rng.IntN(0x3000-utf8.RuneSelf)))
			default:
				b.WriteRune(ascii[rng.IntN(len(ascii))])
			}
		}
		check(b.String())
	}
}

// spansAreWords, which skips eight plain bytes at a time, answers as a
// byte-at-a-time reading does: every ASCII byte at every place of a
// line long enough to be skipped, and random mixes.
func TestSpansAreWordsByteAtATime(t *testing.T) {
	reference := func(lower string) bool {
		for i := 0; i < len(lower); {
			size, ok := spanCharSafe(lower, i)
			if !ok {
				return false
			}
			i += size
		}
		return true
	}
	base := "the harbour council met on tuesday"
	for c := 0; c < utf8.RuneSelf; c++ {
		for i := range 20 {
			s := base[:i] + string(rune(c)) + base[i+1:]
			if got, want := spansAreWords(s), reference(s); got != want {
				t.Fatalf("spansAreWords(%q) = %v, want %v", s, got, want)
			}
		}
	}
	rng := rand.New(rand.NewPCG(3, 4))
	pieces := []string{"word ", "é", "É", "_", "Q", "[", "^", "x", "ǅ", "\u0301", "9 ", "—", "’", "plain ascii text "}
	falses := 0
	for range 5000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		got, want := spansAreWords(s), reference(s)
		if got != want {
			t.Fatalf("spansAreWords(%q) = %v, want %v", s, got, want)
		}
		if !want {
			falses++
		}
	}
	if falses < 500 {
		t.Fatalf("only %d of the mixes are not words", falses)
	}
}
