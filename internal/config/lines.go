package config

import (
	"slices"
	"strings"

	"github.com/BurntSushi/toml"
)

// The TOML decoder keeps where each key is to itself, so the errors
// found after decoding (unknown keys, unknown actions) find their line
// with this small scanner. It reads table headers and "key =" lines,
// which is all a settings file is made of; it returns 0 when unsure.

// lineOf returns the 1-based line on which key is set or its table
// begins, or 0.
func lineOf(data []byte, key toml.Key) int {
	var table []string
	for i, line := range strings.Split(string(data), "\n") {
		l := strings.TrimSpace(line)
		switch {
		case l == "" || l[0] == '#':
			continue
		case l[0] == '[':
			table = dotted(strings.Trim(stripComment(l), "[] \t"))
			if slices.Equal(table, key) {
				return i + 1
			}
		default:
			eq := strings.IndexByte(l, '=')
			if eq < 0 {
				continue
			}
			k := append(slices.Clip(table), dotted(l[:eq])...)
			if slices.Equal(k, key) {
				return i + 1
			}
		}
	}
	return 0
}

// nthTableLine returns the line of the n-th (from 0) [[name]] header,
// or 0.
func nthTableLine(data []byte, name string, n int) int {
	for i, line := range strings.Split(string(data), "\n") {
		l := strings.TrimSpace(stripComment(line))
		if strings.HasPrefix(l, "[[") && slices.Equal(dotted(strings.Trim(l, "[] \t")), []string{name}) {
			if n == 0 {
				return i + 1
			}
			n--
		}
	}
	return 0
}

// dotted splits a TOML key such as `a."b.c" . d` into its parts.
func dotted(s string) []string {
	var (
		parts []string
		cur   strings.Builder
		quote rune
	)
	for _, r := range s {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
			cur.WriteRune(r)
		case r == '"' || r == '\'':
			quote = r
		case r == '.':
			parts = append(parts, strings.TrimSpace(cur.String()))
			cur.Reset()
		case r == ' ' || r == '\t':
		default:
			cur.WriteRune(r)
		}
	}
	return append(parts, strings.TrimSpace(cur.String()))
}

// stripComment cuts a trailing # comment from a header line.
func stripComment(l string) string {
	if i := strings.LastIndexByte(l, ']'); i >= 0 {
		return l[:i+1]
	}
	return l
}
