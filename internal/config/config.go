// Package config reads Broadsheet's settings file: the theme, key
// bindings, default article folders, extra outlet signatures, the date
// format, the size cap and the extraction cache. It knows nothing of
// terminals or of how the settings are used.
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/adrg/xdg"

	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/feed/extract"
	"github.com/broadsheet/broadsheet/feed/load"
	"github.com/broadsheet/broadsheet/internal/keys"
)

// EnvVar names the environment variable that points at a config file,
// overriding the usual place.
const EnvVar = "BROADSHEET_CONFIG"

// Config is Broadsheet's settings: the built-in defaults with whatever
// the config file sets laid over them.
type Config struct {
	// Theme picks light or dark colours, or asks the terminal.
	Theme Theme `toml:"theme"`
	// DateFormat is how dates are shown to people. Machine output
	// (--json) always uses YYYY-MM-DD.
	DateFormat DateFormat `toml:"date_format"`
	// MaxFileSize is the largest article file read.
	MaxFileSize Size `toml:"max_file_size"`
	// Folders are read when no PATH is given, as written in the file;
	// see Paths for them ready to open. Empty means the bundled samples.
	Folders []string `toml:"folders"`
	// Keys holds the key bindings the file sets, action -> keys. Only the
	// actions the file names are here: the rest keep the defaults that
	// package keys declares (EffectiveKeys gives them all).
	Keys map[string][]string `toml:"keys"`
	// Outlets are signatures added in front of the built-in table.
	Outlets []extract.Signature `toml:"outlet"`
	// Cache reports whether what extraction makes of each file is kept
	// between runs, so that unchanged files are not read again.
	Cache bool `toml:"cache"`

	// dir is the folder of the file the config came from, against which
	// relative folders are read.
	dir string
}

// Default returns the settings Broadsheet uses when there is no file.
func Default() *Config {
	return &Config{
		Theme:       ThemeAuto,
		DateFormat:  DateFormat("2006-01-02"),
		MaxFileSize: Size(load.DefaultMaxFileSize),
		Cache:       true,
	}
}

// Location is where the config file is looked for.
type Location struct {
	Path string
	// Exists reports whether there is a file at Path.
	Exists bool
	// Explicit reports whether Path was named by --config or by
	// BROADSHEET_CONFIG rather than found in the usual place.
	Explicit bool
}

// Locate returns where the config file is: flagPath when it is set, else
// $BROADSHEET_CONFIG, else broadsheet/config.toml in the first XDG config
// folder that has one, else the user's own XDG config folder. It never
// creates anything.
func Locate(flagPath string) Location {
	p, explicit := flagPath, true
	if p == "" {
		p = os.Getenv(EnvVar)
	}
	if p == "" {
		explicit = false
		xdg.Reload() // pick up XDG_CONFIG_HOME as it is now, not at start
		p = filepath.Join(xdg.ConfigHome, "broadsheet", "config.toml")
		if found, err := xdg.SearchConfigFile(filepath.Join("broadsheet", "config.toml")); err == nil {
			p = found
		}
	}
	p = ExpandHome(p)
	_, err := os.Stat(p)
	return Location{Path: p, Exists: err == nil, Explicit: explicit}
}

// Load reads the config file at loc. A missing file in the usual place
// gives the defaults; a missing file that was named explicitly is an
// error, since a mistyped --config should not pass silently.
func Load(loc Location) (*Config, error) {
	data, err := os.ReadFile(loc.Path)
	if errors.Is(err, fs.ErrNotExist) && !loc.Explicit {
		return Default(), nil
	}
	if err != nil {
		return nil, &Error{File: loc.Path, Msg: describe(err)}
	}
	c, err := Parse(data)
	if err != nil {
		var e *Error
		if errors.As(err, &e) {
			e.File = loc.Path
		}
		return nil, err
	}
	c.dir = filepath.Dir(loc.Path)
	return c, nil
}

// maxDepth bounds how deep a config file may nest tables and arrays.
const maxDepth = 16

// Parse reads config file text laid over the defaults. Its errors are
// *Error values that name the line.
func Parse(data []byte) (*Config, error) {
	c := Default()
	// The TOML decoder recurses once per level: text nested deep enough
	// would overflow its stack, which no recover can catch.
	if extract.NestingDepth(data, maxDepth) > maxDepth {
		return nil, &Error{Msg: fmt.Sprintf("nested over %d deep; a config file needs at most 3 levels", maxDepth)}
	}
	md, err := toml.Decode(string(data), c)
	if err != nil {
		return nil, decodeError(err)
	}
	if undecoded := md.Undecoded(); len(undecoded) > 0 {
		k := undecoded[0]
		where := ""
		if len(k) > 1 {
			where = " in [" + strings.Join(k[:len(k)-1], ".") + "]"
		}
		return nil, &Error{
			Line: lineOf(data, k),
			Msg:  fmt.Sprintf("unknown setting %q%s; known ones are %s", k[len(k)-1], where, knownSettings(k)),
		}
	}
	c.sanitizeOutlets()
	if err := c.check(data, md); err != nil {
		return nil, err
	}
	return c, nil
}

// sanitizeOutlets makes the file's outlet signatures safe to print, as
// text read from articles is (see feed.SanitizeLine): an outlet name
// from the config is shown as the outlet of every article it matches,
// and a config file may come from anywhere. Names, domains and chrome
// are matched against sanitized text, so they are cleaned alike.
func (c *Config) sanitizeOutlets() {
	clean := func(s string) string { return strings.TrimSpace(feed.SanitizeLine(s)) }
	cleanAll := func(list []string) []string {
		out := list[:0]
		for _, s := range list {
			if s = clean(s); s != "" {
				out = append(out, s)
			}
		}
		return out
	}
	for i := range c.Outlets {
		o := &c.Outlets[i]
		o.Outlet = clean(o.Outlet)
		o.Names, o.Domains, o.Chrome = cleanAll(o.Names), cleanAll(o.Domains), cleanAll(o.Chrome)
	}
}

// knownSettings lists the keys allowed beside an unknown key k.
func knownSettings(k toml.Key) string {
	if len(k) > 1 && k[0] == "outlet" {
		return "outlet, names, domains, chrome"
	}
	return "theme, date_format, max_file_size, folders, cache, [keys], [[outlet]]"
}

// check validates what decoding alone cannot: action names, keys and
// outlet entries.
func (c *Config) check(data []byte, md toml.MetaData) error {
	for _, k := range md.Keys() {
		if len(k) != 2 || k[0] != "keys" {
			continue
		}
		action := k[1]
		def, ok := keys.Lookup(action)
		if !ok {
			return &Error{
				Line: lineOf(data, toml.Key{"keys", action}),
				Msg:  fmt.Sprintf("unknown action %q in [keys]; actions are %s", action, strings.Join(keys.Names(), ", ")),
			}
		}
		bound := c.Keys[action]
		if len(bound) == 0 {
			return &Error{Line: lineOf(data, toml.Key{"keys", action}), Msg: fmt.Sprintf("keys.%s is empty; give at least one key, such as %q", action, def.Keys[0])}
		}
		for _, k := range bound {
			if k == "" || strings.ContainsAny(k, " \t\n") {
				return &Error{
					Line: lineOf(data, toml.Key{"keys", action}),
					Msg:  fmt.Sprintf("bad key %q for %s: name keys like \"q\", \"ctrl+c\", \"enter\" or \"space\"", k, action),
				}
			}
		}
	}
	if err := c.checkConflicts(data); err != nil {
		return err
	}
	for i, s := range c.Outlets {
		if strings.TrimSpace(s.Outlet) == "" {
			return &Error{
				Line: nthTableLine(data, "outlet", i),
				Msg:  "an [[outlet]] has no outlet name; set outlet = \"Name\"",
			}
		}
	}
	return nil
}

// checkConflicts returns an error naming the two actions when the file
// binds a key to an action that another one, as the file leaves or sets
// it, already has, unless the two never see the same key press
// (keys.MayShare).
func (c *Config) checkConflicts(data []byte) error {
	eff := c.EffectiveKeys()
	owner := make(map[string][]keys.Action) // key -> actions, in table order
	for _, name := range keys.Names() {
		a := keys.Action(name)
		for _, k := range eff[name] {
			for _, other := range owner[k] {
				if other == a || keys.MayShare(other, a) {
					continue
				}
				// Point at the line the file sets, the later action's
				// when it sets both.
				at := name
				if _, set := c.Keys[name]; !set {
					at = string(other)
				}
				return &Error{
					Line: lineOf(data, toml.Key{"keys", at}),
					Msg:  fmt.Sprintf("key %q is bound to both %s and %s; give each its own key", k, other, a),
				}
			}
			owner[k] = append(owner[k], a)
		}
	}
	return nil
}

// Paths returns the default folders ready to open: ~ expanded, and
// relative folders read from the config file's own folder.
func (c *Config) Paths() []string {
	var out []string
	for _, f := range c.Folders {
		p := ExpandHome(f)
		if !filepath.IsAbs(p) && c.dir != "" {
			p = filepath.Join(c.dir, p)
		}
		out = append(out, p)
	}
	return out
}

// Signatures returns the built-in outlet table with the file's outlets
// added in front.
func (c *Config) Signatures() *extract.Signatures {
	s := extract.DefaultSignatures()
	s.Add(c.Outlets...)
	return s
}

// ExpandHome replaces a leading ~ with the user's home folder.
func ExpandHome(p string) string {
	if p != "~" && !strings.HasPrefix(p, "~/") && !strings.HasPrefix(p, `~\`) {
		return p
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return p
	}
	return filepath.Join(home, p[1:])
}

// Error is a config file that cannot be used. It prints as one line:
// file, line when known, and what is wrong.
type Error struct {
	File string
	Line int // 0 when unknown
	Msg  string
}

func (e *Error) Error() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(e.File)
		if e.Line > 0 {
			fmt.Fprintf(&b, ":%d", e.Line)
		}
		b.WriteString(": ")
	} else if e.Line > 0 {
		fmt.Fprintf(&b, "line %d: ", e.Line)
	}
	b.WriteString(e.Msg)
	return b.String()
}

// lastKeyPrefix matches what BurntSushi/toml puts before a type error.
var lastKeyPrefix = regexp.MustCompile(`^toml: (?:line (\d+) )?\(last key "([^"]*)"\): `)

// typeMismatch matches BurntSushi/toml's wording for a value of the
// wrong type.
var typeMismatch = regexp.MustCompile(`incompatible types: TOML value has type (\S+); destination has type (\S+)`)

// decodeError turns an error from the TOML decoder into an *Error.
func decodeError(err error) error {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		msg := pe.Message
		if pe.LastKey != "" && !strings.Contains(msg, pe.LastKey) {
			msg = pe.LastKey + ": " + msg
		}
		return &Error{Line: pe.Position.Line, Msg: msg}
	}
	msg := err.Error()
	e := &Error{}
	if m := lastKeyPrefix.FindStringSubmatch(msg); m != nil {
		fmt.Sscan(m[1], &e.Line)
		msg = m[2] + ": " + msg[len(m[0]):]
	}
	msg = typeMismatch.ReplaceAllStringFunc(msg, func(s string) string {
		m := typeMismatch.FindStringSubmatch(s)
		return fmt.Sprintf("want %s, not %s", tomlKind(m[2]), strings.ToLower(m[1]))
	})
	e.Msg = strings.TrimPrefix(msg, "toml: ")
	return e
}

// tomlKind names a Go kind the way a TOML writer thinks of it.
func tomlKind(goKind string) string {
	switch goKind {
	case "slice", "array":
		return "a list like [\"a\", \"b\"]"
	case "map", "struct":
		return "a table"
	case "string":
		return "a string in quotes"
	}
	return goKind
}

func describe(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such config file"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
