// Package dateparser stands in for github.com/markusmobius/go-dateparser,
// which go-htmldate imports for its "extensive" date search.
//
// Broadsheet never asks for that search: it runs go-trafilatura with
// HtmlDateMode Fast or Disabled (feed/extract/extract_html.go), so the real
// package is never called. Its package initialization, though, builds
// the date vocabulary of some 200 locales in every process: about 80 MB
// of allocations and a few hundred milliseconds before the first frame.
// go.mod replaces it with this package, which keeps the API go-htmldate
// compiles against and finds no dates.
package dateparser

import (
	"errors"
	"time"
)

// ParserType names one of the real package's parsers.
type ParserType uint8

// The parsers of the real package.
const (
	Timestamp ParserType = iota
	RelativeTime
	CustomFormat
	AbsoluteTime
	NoSpacesTime
)

// PreferredDateSource says how the real package fills incomplete dates.
type PreferredDateSource uint8

// The date sources of the real package.
const (
	CurrentPeriod PreferredDateSource = iota
	Past
	Future
)

// Configuration holds the settings go-htmldate passes.
type Configuration struct {
	PreferredDateSource PreferredDateSource
	StrictParsing       bool
}

// Parser parses nothing.
type Parser struct {
	ParserTypes []ParserType
}

// Date is a parsed date; here always the zero time.
type Date struct {
	Time time.Time
}

// ErrNotBuiltIn is returned by every Parse.
var ErrNotBuiltIn = errors.New("dateparser: not built into broadsheet")

// Parse finds no date.
func (p *Parser) Parse(cfg *Configuration, str string, formats ...string) (Date, error) {
	return Date{}, ErrNotBuiltIn
}
