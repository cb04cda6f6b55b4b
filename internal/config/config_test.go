package config

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/broadsheet/broadsheet/feed/extract"
	"github.com/broadsheet/broadsheet/feed/load"
)

const goodFile = `# my settings
theme = "light"
date_format = "us"
max_file_size = "2MB"
folders = ["~/news", "clippings"]

[keys]
quit = ["q", "ctrl+q"]
open = ["enter", "l"]

[[outlet]]
outlet = "Harbour Gazette"
names = ["The Harbour Gazette"]
domains = ["harbourgazette.example"]
chrome = ["Sign up to the Gazette briefing"]
`

func TestParseGood(t *testing.T) {
	c, err := Parse([]byte(goodFile))
	if err != nil {
		t.Fatal(err)
	}
	if c.Theme != ThemeLight {
		t.Errorf("theme = %q", c.Theme)
	}
	if got := c.DateFormat.Format(time.Date(2026, 3, 4, 0, 0, 0, 0, time.UTC)); got != "Mar 4, 2026" {
		t.Errorf("date = %q", got)
	}
	if c.MaxFileSize != 2<<20 {
		t.Errorf("max_file_size = %d", c.MaxFileSize)
	}
	if !reflect.DeepEqual(c.Keys["quit"], []string{"q", "ctrl+q"}) || len(c.Keys) != 2 {
		t.Errorf("keys = %v", c.Keys)
	}
	want := extract.Signature{Outlet: "Harbour Gazette", Names: []string{"The Harbour Gazette"},
		Domains: []string{"harbourgazette.example"}, Chrome: []string{"Sign up to the Gazette briefing"}}
	if len(c.Outlets) != 1 || !reflect.DeepEqual(c.Outlets[0], want) {
		t.Errorf("outlets = %+v", c.Outlets)
	}
	if sigs := c.Signatures(); len(sigs.List) == 0 || sigs.List[0].Outlet != "Harbour Gazette" {
		t.Errorf("signatures = %+v, want the file's outlet first", sigs.List)
	}
}

func TestDefaults(t *testing.T) {
	for _, tt := range []struct{ name, file string }{
		{"empty file", ""},
		{"only comments", "# nothing yet\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Parse([]byte(tt.file))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(c, Default()) {
				t.Errorf("got %+v, want the defaults %+v", c, Default())
			}
			if int64(c.MaxFileSize) != load.DefaultMaxFileSize || c.Theme != ThemeAuto || c.DateFormat.Layout() != "2006-01-02" {
				t.Errorf("defaults = %+v", c)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		file string
		line int
		want string // the message mentions this
	}{
		{"syntax", "theme = \"dark\"\nfolders = [\"a\"\n", 2, ""},
		{"unquoted value", "\n\ntheme = dark\n", 3, ""},
		{"duplicate key", "theme = \"dark\"\ntheme = \"light\"\n", 2, "theme"},
		{"bad theme", "# c\ntheme = \"purple\"\n", 2, `"purple"`},
		{"theme of the wrong type", "theme = 5\n", 1, "theme"},
		{"bad size", "max_file_size = \"lots\"\n", 1, `"lots"`},
		{"zero size", "\nmax_file_size = \"0MB\"\n", 2, "size"},
		{"date format with no date", "date_format = \"banana\"\n", 1, "banana"},
		{"folders not a list", "\n\n\nfolders = \"~/news\"\n", 4, "want a list"},
		{"unknown key", "theme = \"dark\"\ncolour = \"red\"\n", 2, `"colour"`},
		{"unknown key in an outlet", "[[outlet]]\noutlet = \"X\"\ncolour = \"red\"\n", 3, `"colour" in [outlet]`},
		{"unknown table", "[colours]\nbg = \"red\"\n", 1, "colours"},
		{"unknown action", "[keys]\nquit = [\"q\"]\nopne = [\"o\"]\n", 3, `"opne"`},
		{"key with a space", "[keys]\n\nquit = [\"q x\"]\n", 3, `"q x"`},
		{"no keys for an action", "[keys]\nquit = []\n", 2, "quit"},
		{"one key for two actions", "[keys]\nquit = [\"q\"]\n\nstar = [\"x\", \"q\"]\n", 4, `key "q" is bound to both quit and star`},
		{"a key another action has by default", "[keys]\nquit = [\"j\"]\n", 2, `key "j" is bound to both down and quit`},
		{"outlet without a name", "[[outlet]]\nnames = [\"x\"]\n\n[[outlet]]\ndomains = [\"y\"]\n", 1, "outlet name"},
		{"nested past any use", "folders = " + strings.Repeat("[", 2_000_000), 0, "nested over 16 deep"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.file))
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("Parse = %v, want an *Error", err)
			}
			if e.Line != tt.line {
				t.Errorf("line = %d, want %d (%v)", e.Line, tt.line, err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not mention %q", err, tt.want)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error %q is more than one line", err)
			}
		})
	}
}

// TestKeysThatMayShare: actions that share a key by default, as they
// never see the same key press, may still share one.
func TestKeysThatMayShare(t *testing.T) {
	if _, err := Parse([]byte("[keys]\nsearch = [\"/\", \"ctrl+s\"]\nfind = [\"/\", \"ctrl+s\"]\n")); err != nil {
		t.Errorf("search and find may share keys: %v", err)
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.toml")
	os.WriteFile(bad, []byte("theme = \"dark\"\n\ntheme = 3\n"), 0o644)
	good := filepath.Join(dir, "good.toml")
	os.WriteFile(good, []byte("folders = [\"clippings\"]\n"), 0o644)
	missing := filepath.Join(dir, "missing.toml")

	t.Run("missing in the usual place gives defaults", func(t *testing.T) {
		c, err := Load(Location{Path: missing})
		if err != nil || !reflect.DeepEqual(c, Default()) {
			t.Errorf("Load = %+v, %v", c, err)
		}
	})
	t.Run("missing when named is an error", func(t *testing.T) {
		_, err := Load(Location{Path: missing, Explicit: true})
		if err == nil || !strings.Contains(err.Error(), missing) {
			t.Errorf("Load = %v, want an error naming %s", err, missing)
		}
	})
	t.Run("errors name the file and line", func(t *testing.T) {
		_, err := Load(Location{Path: bad, Exists: true})
		if err == nil || !strings.HasPrefix(err.Error(), bad+":3: ") {
			t.Errorf("Load = %v, want it to start %q", err, bad+":3: ")
		}
	})
	t.Run("relative folders are read from the file's folder", func(t *testing.T) {
		c, err := Load(Location{Path: good, Exists: true})
		if err != nil {
			t.Fatal(err)
		}
		if got := c.Paths(); len(got) != 1 || got[0] != filepath.Join(dir, "clippings") {
			t.Errorf("Paths = %v", got)
		}
	})
}

func TestLocate(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", dir)
	t.Setenv(EnvVar, "")
	want := filepath.Join(dir, "broadsheet", "config.toml")
	if loc := Locate(""); loc.Path != want || loc.Exists || loc.Explicit {
		t.Errorf("Locate = %+v, want %s, not existing", loc, want)
	}
	if _, err := os.Stat(filepath.Join(dir, "broadsheet")); err == nil {
		t.Error("Locate created the config folder; it should only look")
	}
	os.MkdirAll(filepath.Dir(want), 0o755)
	os.WriteFile(want, nil, 0o644)
	if loc := Locate(""); loc.Path != want || !loc.Exists {
		t.Errorf("Locate = %+v, want %s, existing", loc, want)
	}
	t.Setenv(EnvVar, "/elsewhere/b.toml")
	if loc := Locate(""); loc.Path != "/elsewhere/b.toml" || !loc.Explicit {
		t.Errorf("with %s: Locate = %+v", EnvVar, loc)
	}
	if loc := Locate("/flag/c.toml"); loc.Path != "/flag/c.toml" || !loc.Explicit {
		t.Errorf("with a flag: Locate = %+v", loc)
	}
}

func TestWriteTOMLRoundTrips(t *testing.T) {
	for _, tt := range []struct{ name, file string }{
		{"defaults", ""},
		{"a full file", goodFile},
		{"awkward strings", "folders = [\"a \\\"quoted\\\" folder\", \"tab\\there\"]\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Parse([]byte(tt.file))
			if err != nil {
				t.Fatal(err)
			}
			var out bytes.Buffer
			if err := c.WriteTOML(&out); err != nil {
				t.Fatal(err)
			}
			back, err := Parse(out.Bytes())
			if err != nil {
				t.Fatalf("reading back:\n%s\n%v", out.String(), err)
			}
			// Written out, every action's keys are set.
			c.Keys = c.EffectiveKeys()
			for _, x := range []*Config{c, back} {
				if len(x.Folders) == 0 {
					x.Folders = nil
				}
				if len(x.Outlets) == 0 {
					x.Outlets = nil
				}
			}
			if !reflect.DeepEqual(back, c) {
				t.Errorf("read back %+v, want %+v", back, c)
			}
		})
	}
}

func TestParseSize(t *testing.T) {
	tests := []struct {
		in   string
		want Size
		ok   bool
	}{
		{"64MB", 64 << 20, true},
		{"64 mb", 64 << 20, true},
		{"512KiB", 512 << 10, true},
		{"1.5GB", 3 << 29, true},
		{"4096", 4096, true},
		{"10B", 10, true},
		{"", 0, false},
		{"MB", 0, false},
		{"-1MB", 0, false},
		{"lots", 0, false},
		{"99999999999GB", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseSize(tt.in)
			if (err == nil) != tt.ok || got != tt.want {
				t.Errorf("ParseSize(%q) = %d, %v", tt.in, got, err)
			}
			if tt.ok {
				if back, err := ParseSize(got.String()); err != nil || back != got {
					t.Errorf("%q -> %s -> %d, %v", tt.in, got, back, err)
				}
			}
		})
	}
}

func TestDateFormat(t *testing.T) {
	day := time.Date(2026, 3, 4, 0, 0, 0, 0, time.UTC)
	tests := []struct{ format, want string }{
		{"2006-01-02", "2026-03-04"},
		{"Jan 2, 2006", "Mar 4, 2026"},
		{"iso", "2026-03-04"},
		{"long", "Wednesday, 4 March 2026"},
		{"DD/MM/YYYY", "04/03/2026"},
		{"D MMM YY", "D Mar 26"},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			var f DateFormat
			if err := f.UnmarshalText([]byte(tt.format)); err != nil {
				t.Fatal(err)
			}
			if got := f.Format(day); got != tt.want {
				t.Errorf("Format = %q, want %q", got, tt.want)
			}
		})
	}
	if got := DateFormat("iso").Format(time.Time{}); got != "" {
		t.Errorf("zero date = %q, want empty", got)
	}
}

func TestExpandHome(t *testing.T) {
	home, err := os.UserHomeDir()
	if err != nil {
		t.Skip("no home folder")
	}
	for in, want := range map[string]string{
		"~/news":   filepath.Join(home, "news"),
		"~":        home,
		"/abs":     "/abs",
		"~bob/x":   "~bob/x",
		"rel/~/ok": "rel/~/ok",
	} {
		if got := ExpandHome(in); got != want {
			t.Errorf("ExpandHome(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCacheSetting(t *testing.T) {
	for _, tt := range []struct {
		name, file string
		want       bool
	}{
		{"default", "", true},
		{"on", "cache = true\n", true},
		{"off", "cache = false\n", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Parse([]byte(tt.file))
			if err != nil {
				t.Fatal(err)
			}
			if c.Cache != tt.want {
				t.Errorf("Cache = %v, want %v", c.Cache, tt.want)
			}
		})
	}
	if _, err := Parse([]byte("cache = \"yes\"\n")); err == nil {
		t.Error("cache = \"yes\" was taken")
	}
}

// An outlet name from the config is shown as the outlet of every article
// it matches: it is made safe to print where the file is read.
func TestOutletsSanitized(t *testing.T) {
	c, err := Parse([]byte(`[[outlet]]
outlet = "Harbour\u001b]0;pwned\u0007 Gazette\u200b\u202e"
names = ["The Harbour\u001b[2J Gazette", "\u001b[2J"]
domains = ["harbour\u200bgazette.example"]
chrome = ["Sign up\u009b31m now"]

[[outlet]]
outlet = "\u001b]52;c;eA==\u0007"
`))
	if err == nil {
		t.Fatalf("an outlet name of nothing but escape sequences was accepted: %+v", c.Outlets)
	}
	c, err = Parse([]byte(`[[outlet]]
outlet = "Harbour\u001b]0;pwned\u0007 Gazette\u200b\u202e"
names = ["The Harbour\u001b[2J Gazette", "\u001b[2J"]
domains = ["harbour\u200bgazette.example"]
chrome = ["Sign up\u009b31m now"]
`))
	if err != nil {
		t.Fatal(err)
	}
	want := extract.Signature{Outlet: "Harbour Gazette", Names: []string{"The Harbour Gazette"},
		Domains: []string{"harbourgazette.example"}, Chrome: []string{"Sign up now"}}
	if len(c.Outlets) != 1 || !reflect.DeepEqual(c.Outlets[0], want) {
		t.Errorf("outlets = %+v, want %+v", c.Outlets, want)
	}
	if got := c.Signatures().Canonical("The Harbour Gazette"); got != "Harbour Gazette" {
		t.Errorf("Canonical = %q", got)
	}
}
