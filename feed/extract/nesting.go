package extract

import (
	"fmt"

	"github.com/dustin/go-humanize"
)

// Bounds on what the structured-text decoders (TOML, YAML, JSON) are
// given. A decoder recurses once per level of nesting, and a Go program
// whose stack overflows dies with an error recover cannot catch: a few
// kilobytes of "[[[[" would take every command down, on every run. So
// the nesting is measured first, by a scan that cannot overflow, and
// text nested deeper than real metadata ever is never reaches a decoder.
const (
	// MaxFrontMatter bounds the front matter of a Markdown article, YAML
	// or TOML, in bytes; real front matter is a few hundred bytes of flat
	// fields.
	MaxFrontMatter = 16 << 10
	// MaxFrontMatterDepth bounds how deep front matter or a sidecar
	// nests lists and tables: real ones nest two or three deep.
	MaxFrontMatterDepth = 16
	// MaxJSONDepth bounds how deep a JSON file or JSON Feed nests objects
	// and lists; scrapers' output nests a dozen deep at most.
	MaxJSONDepth = 64
)

// NestingDepth returns how deep data nests brackets and braces, outside
// quoted strings and # comments, or limit+1 as soon as it is deeper than
// limit. Dashes that open YAML list items count as a level each. It is a
// guard, not a parser: it may count a level too many on odd text, never
// too few.
func NestingDepth(data []byte, limit int) int {
	deepest, depth := 0, 0
	lineStart := true
	dashes := 0
	for i := 0; i < len(data); i++ {
		c := data[i]
		if lineStart {
			// YAML nests "- - - x" by dashes, with no brackets.
			switch c {
			case ' ', '\t':
				continue
			case '-':
				if i+1 == len(data) || data[i+1] == ' ' || data[i+1] == '\n' || data[i+1] == '\t' {
					dashes++
					if depth+dashes > limit {
						return limit + 1
					}
					deepest = max(deepest, depth+dashes)
					continue
				}
			}
			lineStart = false
		}
		switch c {
		case '\n':
			lineStart, dashes = true, 0
		case '"', '\'':
			// A quote opens a string only where a value may start, so
			// that an apostrophe in a word ("it's [") hides nothing; a
			// line break ends the string too, so that an unpaired quote
			// costs one line, not the rest of the file.
			if i > 0 && !opensValue(data[i-1]) {
				continue
			}
			for i++; i < len(data) && data[i] != c && data[i] != '\n'; i++ {
				if c == '"' && data[i] == '\\' {
					i++
				}
			}
			if i < len(data) && data[i] == '\n' {
				lineStart, dashes = true, 0
			}
		case '#':
			if i == 0 || data[i-1] == ' ' || data[i-1] == '\t' || data[i-1] == '\n' {
				for i < len(data) && data[i] != '\n' {
					i++
				}
				lineStart, dashes = true, 0
			}
		case '[', '{':
			depth++
			if depth > limit {
				return limit + 1
			}
			deepest = max(deepest, depth)
		case ']', '}':
			depth = max(depth-1, 0)
		}
	}
	return deepest
}

// opensValue reports whether a quote after c opens a string.
func opensValue(c byte) bool {
	switch c {
	case ' ', '\t', '\n', '\r', '[', '{', ',', ':', '=':
		return true
	}
	return false
}

// checkStructured reports why text in the named format is not given to
// its decoder: over size bytes, or nested over depth levels.
func checkStructured(format string, text []byte, size, depth int) error {
	if size > 0 && len(text) > size {
		return fmt.Errorf("over %s of %s", humanize.IBytes(uint64(size)), format)
	}
	if NestingDepth(text, depth) > depth {
		return fmt.Errorf("%s nested over %d deep", format, depth)
	}
	return nil
}
