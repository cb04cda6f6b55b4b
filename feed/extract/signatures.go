package extract

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"github.com/broadsheet/broadsheet/feed/words"
)

// Signature recognises an outlet by what its pages carry around the text:
// its name as printed, its domains, and chrome lines (newsletter prompts,
// footers) that only it prints.
type Signature struct {
	Outlet  string   `toml:"outlet" json:"outlet"`
	Names   []string `toml:"names" json:"names"`
	Domains []string `toml:"domains" json:"domains"`
	// Chrome lists phrases found only in this outlet's page furniture.
	Chrome []string `toml:"chrome" json:"chrome"`
}

// Signatures is the table of known outlets. Users extend it from their
// config; no extraction rule names an outlet in code.
type Signatures struct {
	List []Signature

	// idx is List arranged for lookups, built on first use. Extraction
	// runs concurrently: a race builds it twice, harmlessly.
	idx atomic.Pointer[signatureIndex]
}

//go:embed signatures.toml
var builtinTOML []byte

// builtinSignatures is the embedded table of real outlets, parsed once.
var builtinSignatures = func() []Signature {
	sigs, err := ParseSignatures(builtinTOML)
	if err != nil {
		panic("feed: built-in signatures.toml: " + err.Error())
	}
	return sigs
}()

// DefaultSignatures returns the built-in table.
func DefaultSignatures() *Signatures {
	return &Signatures{List: append([]Signature(nil), builtinSignatures...)}
}

// Add appends user signatures; they are tried before the built-in ones.
// Add must not be called while the table is in use by an extraction.
func (s *Signatures) Add(sigs ...Signature) {
	s.List = append(append([]Signature(nil), sigs...), s.List...)
	s.idx.Store(nil)
}

// Append adds signatures that are tried after all the others, such as
// those of the bundled samples' fictional outlets.
// Append must not be called while the table is in use by an extraction.
func (s *Signatures) Append(sigs ...Signature) {
	s.List = append(s.List, sigs...)
	s.idx.Store(nil)
}

// signatureFile is the TOML shape of a signature table.
type signatureFile struct {
	Outlet []Signature `toml:"outlet"`
}

// ParseSignatures reads a signature table in TOML: a list of [[outlet]]
// tables with outlet, names, domains and chrome keys. Errors name the
// line at fault.
func ParseSignatures(data []byte) ([]Signature, error) {
	var f signatureFile
	md, err := toml.Decode(string(data), &f)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, fmt.Errorf("signatures: line %d: %s", pe.Position.Line, pe.Message)
		}
		return nil, fmt.Errorf("signatures: %w", err)
	}
	if keys := md.Undecoded(); len(keys) > 0 {
		k := keys[0].String()
		last := keys[0][len(keys[0])-1]
		return nil, fmt.Errorf("signatures: line %d: unknown key %q", lineOfKey(data, last), k)
	}
	for i, s := range f.Outlet {
		if strings.TrimSpace(s.Outlet) == "" {
			return nil, fmt.Errorf("signatures: line %d: outlet %d has no outlet name", lineOfTable(data, i), i+1)
		}
	}
	return f.Outlet, nil
}

// lineOfTable returns the line of the n-th (0-based) [[outlet]] header.
func lineOfTable(data []byte, n int) int {
	for i, l := range bytes.Split(data, []byte("\n")) {
		if bytes.HasPrefix(bytes.TrimSpace(l), []byte("[[outlet]]")) {
			if n == 0 {
				return i + 1
			}
			n--
		}
	}
	return 0
}

// lineOfKey returns the first line that assigns key, or 0.
func lineOfKey(data []byte, key string) int {
	for i, l := range bytes.Split(data, []byte("\n")) {
		t := bytes.TrimSpace(l)
		if bytes.HasPrefix(t, []byte(key)) {
			rest := bytes.TrimSpace(t[len(key):])
			if bytes.HasPrefix(rest, []byte("=")) {
				return i + 1
			}
		}
	}
	return 0
}

// signatureIndex is the table arranged for lookups.
type signatureIndex struct {
	n        int            // len(List) when built
	byName   map[string]int // nameKey → index in List
	maxName  int            // the length of the longest key of byName
	byDomain map[string]int // bare domain → index in List
	phrases  phraseSet      // chrome phrases → index in List
	names    phraseSet      // printed names → index in List
}

// index returns the table arranged for lookups, building it on first
// use and again when List has changed length since.
func (s *Signatures) index() *signatureIndex {
	if ix := s.idx.Load(); ix != nil && ix.n == len(s.List) {
		return ix
	}
	ix := buildIndex(s.List)
	s.idx.Store(ix)
	return ix
}

// buildIndex arranges a table for lookups.
func buildIndex(list []Signature) *signatureIndex {
	ix := &signatureIndex{n: len(list), byName: map[string]int{}, byDomain: map[string]int{}}
	for i, sig := range list {
		for _, n := range append([]string{sig.Outlet}, sig.Names...) {
			if k := nameKey(n); k != "" {
				if _, ok := ix.byName[k]; !ok {
					ix.byName[k] = i
					ix.maxName = max(ix.maxName, len(k))
				}
			}
			ix.names.add(n, i)
		}
		for _, d := range sig.Domains {
			d = bareHost(d)
			if _, ok := ix.byDomain[d]; d != "" && !ok {
				ix.byDomain[d] = i
			}
		}
		for _, c := range sig.Chrome {
			ix.phrases.add(c, i)
		}
	}
	ix.phrases.sort()
	ix.names.sort()
	return ix
}

// Canonical returns the one name the table knows an outlet by, so that
// "The Guardian - AU" and "theguardian.com" are one outlet. Names the
// table does not know are returned tidied but otherwise as they are.
func (s *Signatures) Canonical(name string) string {
	name = strings.Trim(strings.Join(strings.Fields(name), " "), " -–—|:·,")
	if name == "" || s == nil {
		return name
	}
	if i, ok := s.lookup(name); ok {
		return s.List[i].Outlet
	}
	return name
}

// lookup finds the signature for a printed name, a domain or a URL.
func (s *Signatures) lookup(name string) (int, bool) {
	ix := s.index()
	if looksLikeHost(name) {
		if i, ok := s.lookupHost(bareHost(name)); ok {
			return i, true
		}
	}
	if i, ok := ix.lookupName(name); ok {
		return i, true
	}
	// "The Guardian - AU", "BBC News | Home": try the part before a
	// separator, then the part after it. Each separator holds one of
	// the bytes mayHoldSeparator looks for, which most names lack.
	if !mayHoldSeparator(name) {
		return 0, false
	}
	for _, sep := range nameSeparators {
		if a, b, ok := strings.Cut(name, sep); ok {
			if i, ok := ix.lookupName(a); ok {
				return i, true
			}
			if i, ok := ix.lookupName(b); ok {
				return i, true
			}
		}
	}
	return 0, false
}

// nameSeparators are what lookup splits a name at.
var nameSeparators = []string{" - ", " – ", " — ", " | ", ": ", " · "}

// separatorBytes marks a byte of each of nameSeparators that no space
// is: '-', '|', ':', and the last bytes of "–", "—" and "·" in UTF-8.
var separatorBytes = func() (t [256]bool) {
	for _, sep := range nameSeparators {
		t[strings.Trim(sep, " ")[len(strings.Trim(sep, " "))-1]] = true
	}
	return t
}()

// mayHoldSeparator reports whether s holds a byte of separatorBytes:
// false when no separator of nameSeparators is in s.
func mayHoldSeparator(s string) bool {
	for i := 0; i < len(s); i++ {
		if separatorBytes[s[i]] {
			return true
		}
	}
	return false
}

// knows reports whether name is a name the table knows an outlet by,
// as a whole.
func (s *Signatures) knows(name string) bool {
	_, ok := s.index().lookupName(name)
	return ok
}

// lookupName returns byName[nameKey(name)], without building a key
// longer than any the table holds.
func (ix *signatureIndex) lookupName(name string) (int, bool) {
	var buf [64]byte
	key, ok := appendNameKey(buf[:0], name, ix.maxName)
	if !ok {
		return 0, false
	}
	i, ok := ix.byName[string(key)]
	return i, ok
}

// lookupHost finds a host or any of its parent domains in the table.
func (s *Signatures) lookupHost(host string) (int, bool) {
	ix := s.index()
	for host != "" {
		if i, ok := ix.byDomain[host]; ok {
			return i, true
		}
		_, rest, ok := strings.Cut(host, ".")
		if !ok || !strings.Contains(rest, ".") {
			break
		}
		host = rest
	}
	return 0, false
}

// nameKey folds an outlet name for comparison: lower case, letters and
// digits only, without a leading "the".
func nameKey(s string) string {
	key, _ := appendNameKey(nil, s, -1)
	return string(key)
}

// appendNameKey appends nameKey(s) to dst. With limit at 0 or more, it
// stops and reports false as soon as the key would be longer than limit
// bytes.
func appendNameKey(dst []byte, s string, limit int) ([]byte, bool) {
	s = strings.TrimSpace(s)
	// Only 'i' and 'k' are the lower case of letters beyond ASCII, so
	// the lower case of s starts with "the " just when s does, in any case.
	if len(s) >= 4 && s[0]|0x20 == 't' && s[1]|0x20 == 'h' && s[2]|0x20 == 'e' && s[3] == ' ' {
		s = s[4:]
	}
	n := len(dst)
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			if !asciiWord[c] {
				continue
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			i += size
			r = unicode.ToLower(r)
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				continue
			}
			dst = utf8.AppendRune(dst, r)
		}
		if limit >= 0 && len(dst)-n > limit {
			return dst, false
		}
	}
	return dst, true
}

// looksLikeHost reports whether s is a URL or a bare domain name.
func looksLikeHost(s string) bool {
	if strings.Contains(s, "://") {
		return true
	}
	if strings.ContainsAny(s, " \t") || !strings.Contains(s, ".") {
		return false
	}
	h := bareHost(s)
	i := strings.LastIndexByte(h, '.')
	if i < 0 || len(h)-i-1 < 2 {
		return false
	}
	for _, r := range h[i+1:] {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return true
}

// bareHost returns the lower-cased host of a URL or domain without its
// scheme, "www." prefix, port or path.
func bareHost(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if _, rest, ok := strings.Cut(s, "://"); ok {
		s = rest
	}
	if i := strings.IndexAny(s, "/?#:"); i >= 0 {
		s = s[:i]
	}
	s = strings.TrimSuffix(s, ".")
	return strings.TrimPrefix(s, "www.")
}

// phraseSet finds any of a set of phrases in lower-cased text in one
// pass: phrases are grouped by their first word, and only the words of
// the text are tried as starting points.
type phraseSet struct {
	byFirst map[string][]phrase
	// table holds byFirst again, in open addressing by the FNV-1a hash
	// of the first word, so that a text's words are looked up with the
	// hash computed while scanning them. sort builds it.
	table []phraseGroup
	// filter has bit h%16384 set for the hash h of every first word:
	// most words of a text are ruled out by it without a probe of the
	// larger table.
	filter [256]uint64
}

// phraseGroup is the phrases of a phraseSet that share a first word; a
// group with an empty first word is a free slot of the table.
type phraseGroup struct {
	first   string
	hash    uint32
	phrases []phrase // longest first
}

// FNV-1a, 32 bits (see words.Hash32), for loops that hash a word as
// they read it.
const (
	fnvOffset = words.HashStart32
	fnvPrime  = words.HashPrime32
)

// phrase is one entry of a phraseSet.
type phrase struct {
	text string // lower case, single spaces
	sig  int
}

// add puts a phrase of signature sig in the set; sort must follow the
// last add.
func (p *phraseSet) add(text string, sig int) {
	t := strings.ToLower(strings.Join(strings.Fields(text), " "))
	if t == "" {
		return
	}
	first := firstWord(t)
	if first == "" {
		return
	}
	if p.byFirst == nil {
		p.byFirst = map[string][]phrase{}
	}
	p.byFirst[first] = append(p.byFirst[first], phrase{text: t, sig: sig})
}

// sort puts longer phrases first so that the longest match wins, and
// builds the lookup table.
func (p *phraseSet) sort() {
	for _, ps := range p.byFirst {
		sort.SliceStable(ps, func(i, j int) bool { return len(ps[i].text) > len(ps[j].text) })
	}
	size := 16
	for size < 2*len(p.byFirst) {
		size *= 2
	}
	p.table = make([]phraseGroup, size)
	for first, ps := range p.byFirst {
		h := words.Hash32(first)
		i := int(h) & (size - 1)
		for p.table[i].first != "" {
			i = (i + 1) & (size - 1)
		}
		p.table[i] = phraseGroup{first: first, hash: h, phrases: ps}
		p.filter[h>>6&255] |= 1 << (h & 63)
	}
}

// group returns the phrases whose first word is word, of hash h.
func (p *phraseSet) group(word string, h uint32) []phrase {
	if p.filter[h>>6&255]&(1<<(h&63)) == 0 {
		return nil
	}
	mask := len(p.table) - 1
	for i := int(h) & mask; ; i = (i + 1) & mask {
		g := &p.table[i]
		if g.first == "" {
			return nil
		}
		if g.hash == h && g.first == word {
			return g.phrases
		}
	}
}

// firstWord returns the leading run of letters and digits of s.
func firstWord(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf {
			return firstWordRunes(s, i)
		} else if !asciiWord[c] {
			return s[:i]
		}
	}
	return s
}

// firstWordRunes is firstWord for text with other than ASCII letters
// from byte from on.
func firstWordRunes(s string, from int) string {
	for i, r := range s[from:] {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return s[:from+i]
		}
	}
	return s
}

// asciiWord reports which ASCII bytes are letters or digits.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range utf8.RuneSelf {
		t[c] = unicode.IsLetter(rune(c)) || unicode.IsDigit(rune(c))
	}
	return t
}()

// wordSpan is one word of a lower-cased text: a run of letters and
// digits, with the FNV-1a hash of its bytes.
type wordSpan struct {
	start, end int32
	hash       uint32
}

// appendWordSpans appends the words of lower to spans.
func appendWordSpans(spans []wordSpan, lower string) []wordSpan {
	start := -1 // where the word being read began
	h := fnvOffset
	for i := 0; i <= len(lower); {
		w := false
		size := 1
		if i < len(lower) {
			if c := lower[i]; c < utf8.RuneSelf {
				w = asciiWord[c]
			} else {
				var r rune
				r, size = utf8.DecodeRuneInString(lower[i:])
				w = unicode.IsLetter(r) || unicode.IsDigit(r)
			}
		}
		switch {
		case w:
			if start < 0 {
				start, h = i, fnvOffset
			}
			for k := i; k < i+size; k++ {
				h = (h ^ uint32(lower[k])) * fnvPrime
			}
		case start >= 0:
			spans = append(spans, wordSpan{start: int32(start), end: int32(i), hash: h})
			start = -1
		}
		i += size
	}
	return spans
}

// eachSpan calls fn for every phrase found in lower, a lower-cased text
// with single spaces whose words are spans, at word boundaries, in the
// order of the text.
func (p *phraseSet) eachSpan(lower string, spans []wordSpan, fn func(ph phrase, at int)) {
	if len(p.table) == 0 {
		return
	}
	for _, sp := range spans {
		if !p.mayStart(sp.hash) {
			continue
		}
		if ph, ok := p.matchAt(lower, sp); ok {
			fn(ph, int(sp.start))
		}
	}
}

// mayStart reports whether a phrase of the set may start with a word of
// hash h; false rules it out.
func (p *phraseSet) mayStart(h uint32) bool {
	return p.filter[h>>6&255]&(1<<(h&63)) != 0
}

// matchAt returns the longest phrase of the set that starts at the word
// sp of lower and ends at a word boundary.
func (p *phraseSet) matchAt(lower string, sp wordSpan) (phrase, bool) {
	if len(p.table) == 0 {
		return phrase{}, false
	}
	start := int(sp.start)
	rest := lower[start:]
	for _, ph := range p.group(lower[start:sp.end], sp.hash) {
		// The last byte first: many phrases share a first word.
		n := len(ph.text)
		if n <= len(rest) && rest[n-1] == ph.text[n-1] && rest[:n] == ph.text && boundaryAt(lower, start+n) {
			return ph, true
		}
	}
	return phrase{}, false
}

// boundaryAt reports whether position i of s is not inside a word.
func boundaryAt(s string, i int) bool {
	if i >= len(s) {
		return true
	}
	r := rune(s[i])
	if r >= 0x80 {
		return true
	}
	return !(unicode.IsLetter(r) || unicode.IsDigit(r))
}
