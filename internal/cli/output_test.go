package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/broadsheet/broadsheet/feed"
)

// hostile is laced through the test files: every kind of terminal
// control a file might use to drive the terminal it is shown on.
const hostile = "\x1b[2J\x1b[H\x1b[5;31m\x1b]0;pwned\x07\x1b]52;c;cm0gLXJmIH4K\x07" +
	"\x1b]8;;http://evil.example/\x1b\\link\x1b]8;;\x1b\\\x1bP1$qm\x1b\\\x1b_apc\x1b\\" +
	"\u009b2J\u009d0;c1\u009c\x07\b\b\r\u202e\u2066\u2069\u200b\x00\x7f\u0085\u0080"

// joined is a Markdown body with no headline whose marks split
// character references that stripping them for the lead and the
// synthesized headline joins, and references to invisible characters.
const joined = "Lead &**#x1b;]0;pwned&**#x7; and &**#x1b;]52;c;cm0gLXJmIH4K&**#x7; with " +
	"&__ZeroWidthSpace;hidden&`#xFEFF;text&\\#x2060;and &**#xE0041;tags, a long lead.\n\n" +
	"Second &ZeroWidthSpace;paragraph &#x200B;with &NoBreak;invisible &#xFEFF;characters&#x2060;.\n"

// hostileTree writes article files of several formats, with hostile
// text, names and folders, beside broken files, and returns the folder
// and the path of one hostile text file.
func hostileTree(t *testing.T) (dir, one string) {
	t.Helper()
	dir = t.TempDir()
	js := func(s string) string {
		b, _ := json.Marshal(s)
		return string(b)
	}
	files := map[string]string{
		"plain.txt": "Hostile headline " + hostile + "\n\nParagraph " + hostile + " with 🙂 and עברית.\r\n\r\nSecond\rparagraph.",
		"Outlet " + hostile[:20] + "\u202e/story.md": "# Story headline " + hostile + "\n\nParagraph of the story " + hostile + ".\n",
		"name\x1b]0;evil\x07\u202etxt.exe.txt":       "Named headline\n\nParagraph in a file with a hostile name.",
		"page.html":                                  "<html><head><title>Page headline " + hostile + "</title></head><body><article><h1>Page headline &#x1b;[2J&#x202e;</h1><p>Paragraph &#x1b;]52;c;eA==&#7; " + hostile + "</p></article></body></html>",
		"scrape.json":                                `{"title":` + js("Json headline "+hostile) + `,"author":` + js(hostile) + `,"url":"http://x.example/","text":` + js("Paragraph "+hostile) + `}`,
		"feed.xml":                                   `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed &#x9b;1m&#x202e;</title><item><title>Item headline &#x9b;2J&#x202e;</title><description>Paragraph &#x9d;0;x&#x9c;</description></item></channel></rss>`,
		"refs.md":                                    "# Refs headline &#x1b;[2J &#155;31m &#033;]0;x&#7;\n\nBody &#x1b;]52;c;eA==&#x07; &#x202e;reversed &#8238; [link](http://x.example/&#x1b;[2J) and ![image](http://x.example/i.png).\n",
		"joined.md":                                  joined,
		"broken/empty.txt":                           "",
		"broken/image.png":                           "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
		"broken/\x1b[2Jbad\u202e.txt":                "\x1b[2J\x1b]0;t\x07",
	}
	for name, data := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir, filepath.Join(dir, "plain.txt")
}

// unsafeAt returns the index of the first byte of out a terminal could
// act on (ESC, C0 controls but "\n", DEL, C1 controls, bidi embeddings,
// overrides and isolates, invalid UTF-8), or -1. Go's JSON encoder
// leaves C1 controls and bidi controls raw, so JSON is checked too.
func unsafeAt(out []byte) int {
	for i := 0; i < len(out); {
		r, n := utf8.DecodeRune(out[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			return i
		case r == '\n':
		case r < 0x20, r >= 0x7f && r < 0xa0:
			return i
		case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x2028, r == 0x2029:
			return i
		case r == 0x200b, r >= 0x2060 && r <= 0x2064, r == 0xfeff, r >= 0xe0000 && r <= 0xe007f:
			return i // invisible
		}
		i += n
	}
	return -1
}

// unsafeDecodedAt is unsafeAt for out once its character references are
// decoded, as a Markdown renderer or a browser given the text would
// decode them.
func unsafeDecodedAt(out []byte) int {
	if !bytes.Contains(out, []byte("&")) {
		return -1
	}
	for i := 0; i < len(out); {
		j := bytes.IndexByte(out[i:], '&')
		if j < 0 {
			break
		}
		i += j
		end := bytes.IndexByte(out[i:], ';')
		if end > 0 && end < 40 {
			if unsafeAt([]byte(html.UnescapeString(string(out[i:i+end+1])))) >= 0 {
				return i
			}
		}
		i++
	}
	return -1
}

func TestCommandsPrintNoControlCodes(t *testing.T) {
	dir, one := hostileTree(t)
	tests := []struct {
		name string
		args []string
		json bool
	}{
		{"list", []string{"list", dir}, false},
		{"list json", []string{"list", "--json", dir}, true},
		{"list outlet", []string{"list", "--outlet", "Unknown outlet", dir}, false},
		{"show", []string{"show", one}, false},
		{"show json", []string{"show", "--json", one}, true},
		{"show references and links", []string{"show", filepath.Join(dir, "refs.md")}, false},
		{"show hostile name", []string{"show", filepath.Join(dir, "name\x1b]0;evil\x07\u202etxt.exe.txt")}, false},
		{"show folder", []string{"show", dir}, false},
		{"show joined", []string{"show", filepath.Join(dir, "joined.md")}, false},
		{"show joined json", []string{"show", "--json", filepath.Join(dir, "joined.md")}, true},
		{"stories", []string{"stories", dir}, false},
		{"stories json", []string{"stories", "--json", dir}, true},
		{"search", []string{"search", "paragraph", dir}, false},
		{"search json", []string{"search", "--json", "headline", dir}, true},
		{"outlets", []string{"outlets", dir}, false},
		{"outlets json", []string{"outlets", "--json", dir}, true},
		{"no command", []string{dir}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if err := run(tt.args, &stdout, &stderr); err != nil {
				t.Fatalf("run: %v\nstderr: %s", err, stderr.String())
			}
			if stdout.Len() == 0 {
				t.Errorf("nothing printed")
			}
			for name, out := range map[string][]byte{"stdout": stdout.Bytes(), "stderr": stderr.Bytes()} {
				if i := unsafeAt(out); i >= 0 {
					lo, hi := max(0, i-40), min(len(out), i+40)
					t.Errorf("%s holds a control code at byte %d: %q", name, i, out[lo:hi])
				}
				if i := unsafeDecodedAt(out); i >= 0 {
					lo, hi := max(0, i-40), min(len(out), i+40)
					t.Errorf("%s holds a reference to a control code at byte %d: %q", name, i, out[lo:hi])
				}
			}
			if tt.json {
				for _, line := range strings.Split(strings.TrimSpace(stdout.String()), "\n") {
					if !json.Valid([]byte(line)) {
						t.Errorf("not JSON: %q", line)
					}
				}
			}
			// Formats that escape their text (JSON, HTML, XML) show the
			// payload as text until a reader for them decodes it; the
			// text file holds it raw.
			for _, leak := range []string{"pwned", "cm0gLXJm", "evil.example", "c1"} {
				if strings.HasPrefix(tt.name, "show") && tt.args[len(tt.args)-1] == one && strings.Contains(stdout.String(), leak) {
					t.Errorf("escape sequence payload %q printed as text", leak)
				}
			}
		})
	}
}

func TestProblemsOnStderr(t *testing.T) {
	dir, _ := hostileTree(t)
	var stdout, stderr bytes.Buffer
	if err := run([]string{"list", dir}, &stdout, &stderr); err != nil {
		t.Fatalf("run: %v", err)
	}
	for _, want := range []string{
		"broken/empty.txt: empty file\n",
		"broken/image.png: binary file (PNG image)\n",
		`broken/\x1b[2Jbad\u202e.txt: empty file` + "\n", // nothing but escape sequences
	} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr.String())
		}
	}
}

func TestExitStatus(t *testing.T) {
	dir, _ := hostileTree(t)
	broken := filepath.Join(dir, "broken")
	tests := []struct {
		name    string
		args    []string
		nothing bool // whether the run fails as having loaded nothing
	}{
		{"some loaded, some broken", []string{"list", dir}, false},
		{"only broken files", []string{"list", broken}, true},
		{"only a missing path", []string{"list", filepath.Join(dir, "missing")}, true},
		{"a missing path beside a good one", []string{"list", filepath.Join(dir, "missing"), dir}, false},
		{"show a broken file", []string{"show", filepath.Join(broken, "image.png")}, true},
		{"outlets of broken files", []string{"outlets", broken}, true},
		{"search finding nothing", []string{"search", "zzzzqqq", dir}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			err := run(tt.args, &stdout, &stderr)
			if got := errors.Is(err, ErrNothingLoaded); got != tt.nothing {
				t.Errorf("run = %v, want nothing-loaded %v", err, tt.nothing)
			}
			if tt.nothing && stderr.Len() == 0 {
				t.Errorf("nothing loaded, and no problem said why")
			}
			if !tt.nothing && err != nil {
				t.Errorf("run = %v", err)
			}
		})
	}
}

// styles matches the styles Glamour writes: SGR sequences and OSC 8
// hyperlinks.
var styles = regexp.MustCompile("\x1b\\[[0-9;:]*m|\x1b\\]8;[^\x07\x1b]*;[^\x07\x1b]*(?:\x07|\x1b\\\\)")

// What show writes to a terminal holds Glamour's styles and nothing else
// a terminal acts on, even for an article whose text holds references
// (as one read from a cache an older version wrote might): Glamour turns
// them into the characters they name.
func TestShowOnATerminalWritesOnlyStyles(t *testing.T) {
	a := &feed.Article{
		ID:     "x",
		Title:  "Head &#x1b;]0;pwned&#x7; &ZeroWidthSpace;",
		Outlet: "Out&#x1b;]52;c;eA==&#7;let&#xFEFF;",
		Byline: "By &NoBreak;&#x2060;one",
		Lead:   "Lead &#x200B;",
		Body:   joined,
	}
	for _, style := range []string{"dark", "light", "notty"} {
		out, err := renderArticle(a, 80, style)
		if err != nil {
			t.Fatal(err)
		}
		rest := []byte(styles.ReplaceAllString(out, ""))
		if i := unsafeAt(rest); i >= 0 {
			lo, hi := max(0, i-40), min(len(rest), i+40)
			t.Errorf("%s: output holds a control code or invisible character at byte %d: %q", style, i, rest[lo:hi])
		}
	}
}
