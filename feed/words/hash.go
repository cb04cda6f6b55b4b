package words

// Words are kept as hashes where comparing numbers is quicker than
// comparing text: FNV-1a, which is computed a byte at a time as a word
// is read. Story grouping uses 64 bits; extraction, which only looks
// words up in small tables, 32.

// The constants of 64-bit FNV-1a.
const (
	// HashStart is the hash of no text.
	HashStart uint64 = 14695981039346656037
	// HashPrime is what the hash is multiplied by after each byte.
	HashPrime uint64 = 1099511628211
)

// The constants of 32-bit FNV-1a.
const (
	// HashStart32 is the 32-bit hash of no text.
	HashStart32 uint32 = 2166136261
	// HashPrime32 is what the 32-bit hash is multiplied by after each
	// byte.
	HashPrime32 uint32 = 16777619
)

// Hash returns the 64-bit FNV-1a hash of w.
func Hash[S string | []byte](w S) uint64 {
	h := HashStart
	for i := 0; i < len(w); i++ {
		h = (h ^ uint64(w[i])) * HashPrime
	}
	return h
}

// HashOn returns the 64-bit hash of the text whose hash is h followed by
// b.
func HashOn(h uint64, b []byte) uint64 {
	for _, c := range b {
		h = (h ^ uint64(c)) * HashPrime
	}
	return h
}

// Hash32 returns the 32-bit FNV-1a hash of w.
func Hash32[S string | []byte](w S) uint32 {
	h := HashStart32
	for i := 0; i < len(w); i++ {
		h = (h ^ uint32(w[i])) * HashPrime32
	}
	return h
}
