package words

// porter2 stems a lower-case ASCII word of more than two bytes exactly
// as github.com/kljensen/snowball/english.Stem(word, true) does (the
// English Snowball stemmer, "Porter2"), step for step, but on bytes:
// that package turns the word and each suffix it tries into runes, and
// stemming every new term was a tenth of the cost of indexing. The test
// compares the two over a large set of words.
func porter2(word string) string {
	if s := specialStem(word); s != "" {
		return s
	}
	var buf [64]byte
	w := stemmer{b: append(buf[:0], word...)}
	w.r1, w.r2 = len(w.b), len(w.b)
	// Preprocess: a y at the start or after a vowel is a consonant.
	for i, c := range w.b {
		if c == 'y' && (i == 0 || isVowel(w.b[i-1])) {
			w.b[i] = 'Y'
		}
	}
	w.r1 = w.vnv(0)
	for _, p := range [...]string{"gener", "commun", "arsen"} {
		if len(w.b) >= len(p) && string(w.b[:len(p)]) == p {
			w.r1 = len(p)
			break
		}
	}
	w.r2 = w.vnv(w.r1)
	w.step1a()
	w.step1b()
	w.step1c()
	w.step2()
	w.step3()
	w.step4()
	w.step5()
	for i, c := range w.b {
		if c == 'Y' {
			w.b[i] = 'y'
		}
	}
	return string(w.b)
}

type stemmer struct {
	b      []byte
	r1, r2 int
}

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

// vnv returns the position after the first non-vowel following a vowel
// after start, or the word's length.
func (w *stemmer) vnv(start int) int {
	for j := start + 1; j < len(w.b); j++ {
		if isVowel(w.b[j-1]) && !isVowel(w.b[j]) {
			return j + 1
		}
	}
	return len(w.b)
}

// suffix returns the first of suffixes the word ends in, or "".
func (w *stemmer) suffix(suffixes ...string) string {
	if len(w.b) == 0 {
		return ""
	}
	last := w.b[len(w.b)-1]
	for _, s := range suffixes {
		if s[len(s)-1] == last && len(s) <= len(w.b) && string(w.b[len(w.b)-len(s):]) == s {
			return s
		}
	}
	return ""
}

// replace replaces the last n bytes with repl.
func (w *stemmer) replace(n int, repl string) {
	w.b = append(w.b[:len(w.b)-n], repl...)
	w.r1 = min(w.r1, len(w.b))
	w.r2 = min(w.r2, len(w.b))
}

func (w *stemmer) hasVowelBefore(end int) bool {
	for _, c := range w.b[:max(end, 0)] {
		if isVowel(c) {
			return true
		}
	}
	return false
}

// endsShortSyllable reports whether w.b[:i] ends in a short syllable.
func (w *stemmer) endsShortSyllable(i int) bool {
	b := w.b
	switch {
	case i == 2:
		return isVowel(b[0]) && !isVowel(b[1])
	case i >= 3:
		s1, s2, s3 := b[i-1], b[i-2], b[i-3]
		return !isVowel(s1) && s1 != 'w' && s1 != 'x' && s1 != 'Y' && isVowel(s2) && !isVowel(s3)
	}
	return false
}

func (w *stemmer) step1a() {
	switch s := w.suffix("sses", "ied", "ies", "us", "ss", "s"); s {
	case "sses":
		w.replace(4, "ss")
	case "ies", "ied":
		if len(w.b) > 4 {
			w.replace(3, "i")
		} else {
			w.replace(3, "ie")
		}
	case "s":
		if w.hasVowelBefore(len(w.b) - 2) {
			w.replace(1, "")
		}
	}
}

func (w *stemmer) step1b() {
	s := w.suffix("eedly", "ingly", "edly", "ing", "eed", "ed")
	switch s {
	case "":
		return
	case "eed", "eedly":
		if len(s) <= len(w.b)-w.r1 {
			w.replace(len(s), "ee")
		}
		return
	}
	if !w.hasVowelBefore(len(w.b) - len(s)) {
		return
	}
	r1, r2 := w.r1, w.r2
	w.replace(len(s), "")
	switch t := w.suffix("at", "bl", "iz", "bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt"); t {
	case "":
		if w.r1 >= len(w.b) && w.endsShortSyllable(len(w.b)) {
			w.b = append(w.b, 'e')
			w.r1, w.r2 = len(w.b), len(w.b)
			return
		}
	case "at", "bl", "iz":
		w.b = append(w.b, 'e')
	default:
		w.replace(1, "")
	}
	w.r1 = min(r1, len(w.b))
	w.r2 = min(r2, len(w.b))
}

func (w *stemmer) step1c() {
	n := len(w.b)
	if n > 2 && (w.b[n-1] == 'y' || w.b[n-1] == 'Y') && !isVowel(w.b[n-2]) {
		w.b[n-1] = 'i'
	}
}

func (w *stemmer) step2() {
	s := w.suffix(
		"ational", "fulness", "iveness", "ization", "ousness",
		"biliti", "lessli", "tional", "alism", "aliti", "ation",
		"entli", "fulli", "iviti", "ousli", "anci", "abli",
		"alli", "ator", "enci", "izer", "bli", "ogi", "li",
	)
	if s == "" || len(s) > len(w.b)-w.r1 {
		return
	}
	n := len(w.b)
	var repl string
	switch s {
	case "li":
		if n >= 3 {
			switch w.b[n-3] {
			case 'c', 'd', 'e', 'g', 'h', 'k', 'm', 'n', 'r', 't':
				w.replace(2, "")
			}
		}
		return
	case "ogi":
		if n >= 4 && w.b[n-4] == 'l' {
			w.replace(3, "og")
		}
		return
	case "tional":
		repl = "tion"
	case "enci":
		repl = "ence"
	case "anci":
		repl = "ance"
	case "abli":
		repl = "able"
	case "entli":
		repl = "ent"
	case "izer", "ization":
		repl = "ize"
	case "ational", "ation", "ator":
		repl = "ate"
	case "alism", "aliti", "alli":
		repl = "al"
	case "fulness":
		repl = "ful"
	case "ousli", "ousness":
		repl = "ous"
	case "iveness", "iviti":
		repl = "ive"
	case "biliti", "bli":
		repl = "ble"
	case "fulli":
		repl = "ful"
	case "lessli":
		repl = "less"
	}
	w.replace(len(s), repl)
}

func (w *stemmer) step3() {
	s := w.suffix("ational", "tional", "alize", "icate", "ative", "iciti", "ical", "ful", "ness")
	if s == "" || len(s) > len(w.b)-w.r1 {
		return
	}
	var repl string
	switch s {
	case "ative":
		if len(w.b)-w.r2 >= 5 {
			w.replace(5, "")
		}
		return
	case "ational":
		repl = "ate"
	case "tional":
		repl = "tion"
	case "alize":
		repl = "al"
	case "icate", "iciti", "ical":
		repl = "ic"
	}
	w.replace(len(s), repl)
}

func (w *stemmer) step4() {
	s := w.suffix(
		"ement", "ance", "ence", "able", "ible", "ment",
		"ent", "ant", "ism", "ate", "iti", "ous", "ive",
		"ize", "ion", "al", "er", "ic",
	)
	if s == "" || len(s) > len(w.b)-w.r2 {
		return
	}
	if s == "ion" {
		if n := len(w.b); n >= 4 && (w.b[n-4] == 's' || w.b[n-4] == 't') {
			w.replace(3, "")
		}
		return
	}
	w.replace(len(s), "")
}

func (w *stemmer) step5() {
	last := len(w.b) - 1
	if w.r1 > last {
		return
	}
	switch {
	case w.b[last] == 'e':
		if w.r2 <= last || !w.endsShortSyllable(last) {
			w.replace(1, "")
		}
	case w.r2 <= last && w.b[last] == 'l' && last >= 1 && w.b[last-1] == 'l':
		w.replace(1, "")
	}
}

// specialStem returns the stems of the words the stemmer treats as
// exceptions, or "".
func specialStem(word string) string {
	switch word {
	case "skis":
		return "ski"
	case "skies":
		return "sky"
	case "dying":
		return "die"
	case "lying":
		return "lie"
	case "tying":
		return "tie"
	case "idly":
		return "idl"
	case "gently":
		return "gentl"
	case "ugly":
		return "ugli"
	case "early":
		return "earli"
	case "only":
		return "onli"
	case "singly":
		return "singl"
	case "sky", "news", "howe", "atlas", "cosmos", "bias", "andes",
		"inning", "outing", "canning", "herring", "earring", "proceed", "exceed", "succeed":
		return word
	case "innings", "outings", "cannings", "herrings", "earrings":
		return word[:len(word)-1]
	case "proceeds", "proceeded", "proceeding":
		return "proceed"
	case "exceeds", "exceeded", "exceeding":
		return "exceed"
	case "succeeds", "succeeded", "succeeding":
		return "succeed"
	}
	return ""
}
