package config

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/broadsheet/broadsheet/internal/keys"
)

// WriteTOML writes c as a config file a user can start from: every
// setting, the key bindings in effect, and a comment on what each takes.
// Parse reads it back to the same settings.
func (c *Config) WriteTOML(w io.Writer) error {
	bw := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }

	p("# Colours: \"auto\" asks the terminal for its background; or \"dark\", \"light\".\n")
	p("theme = %s\n\n", quote(string(c.Theme)))

	p("# How dates are shown: a Go layout (\"2 Jan 2006\"), a pattern (\"DD/MM/YYYY\")\n")
	p("# or a name: iso, short, day, us, long. --json always writes YYYY-MM-DD.\n")
	p("date_format = %s\n\n", quote(string(c.DateFormat)))

	p("# Article files larger than this are reported and skipped (\"512KB\", \"1GB\").\n")
	p("max_file_size = %s\n\n", quote(c.MaxFileSize.String()))

	p("# Folders read when no PATH is given; ~ is your home folder, relative\n")
	p("# folders are read from this file's folder. Empty: the bundled samples.\n")
	p("folders = %s\n\n", quoteList(c.Folders))

	p("# Keep what was read from each file between runs (in $XDG_CACHE_HOME/broadsheet),\n")
	p("# so unchanged files are not read again; --no-cache turns it off for one run.\n")
	p("cache = %t\n\n", c.Cache)

	p("# Keys in the reader: action = [keys]. Actions left out keep their defaults.\n")
	p("[keys]\n")
	bound := c.EffectiveKeys()
	for _, a := range keys.Names() {
		p("%s = %s\n", a, quoteList(bound[a]))
	}

	p("\n# Outlets to recognise, tried before the built-in table:\n")
	p("# [[outlet]]\n")
	p("# outlet = \"Harbour Gazette\"                # the one name to show\n")
	p("# names = [\"The Harbour Gazette\"]            # other names it prints\n")
	p("# domains = [\"harbourgazette.example\"]       # its web addresses\n")
	p("# chrome = [\"Sign up to the Gazette briefing\"] # page furniture only it prints\n")
	for _, s := range c.Outlets {
		p("\n[[outlet]]\n")
		p("outlet = %s\n", quote(s.Outlet))
		p("names = %s\n", quoteList(s.Names))
		p("domains = %s\n", quoteList(s.Domains))
		p("chrome = %s\n", quoteList(s.Chrome))
	}
	return bw.Flush()
}

// quote writes s as a TOML basic string. JSON's escapes are all valid
// TOML escapes.
func quote(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.Encode(s)
	return strings.TrimSuffix(b.String(), "\n")
}

func quoteList(list []string) string {
	q := make([]string, len(list))
	for i, s := range list {
		q[i] = quote(s)
	}
	return "[" + strings.Join(q, ", ") + "]"
}
