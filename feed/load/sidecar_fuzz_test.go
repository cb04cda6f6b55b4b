package load

import (
	"strings"
	"testing"
)

// FuzzSidecar checks that no sidecar text, however nested, long or
// malformed, panics or overflows the decoder: it is a rule set or an
// error naming what is wrong.
//
// Run: go test ./feed/load -run '^$' -fuzz '^FuzzSidecar$' -fuzztime 1m
func FuzzSidecar(f *testing.F) {
	for _, s := range []string{
		"",
		"[[file]]\nmatch = \"*.txt\"\noutlet = \"The Lantern\"\n",
		"[[file]]\nmatch = \"a.md\"\ndate = \"2024-02-30\"\n",
		"[[file]]\nmatch = \"[\"\n",
		"x = " + strings.Repeat("[", 100_000),
		"x = " + strings.Repeat("{a=", 5_000),
		"[[file]]\n" + strings.Repeat("match = \"*\"\n", 50),
		"\xff\xfe[[file]]",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		sc, err := parseSidecar(data)
		if err == nil && sc == nil {
			t.Fatal("no sidecar and no error")
		}
	})
}
