package config

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/broadsheet/broadsheet/internal/keys"
)

// Theme picks the interface's colours.
type Theme string

// The themes.
const (
	ThemeAuto  Theme = "auto"  // ask the terminal for its background
	ThemeDark  Theme = "dark"  // colours for a dark background
	ThemeLight Theme = "light" // colours for a light background
)

// UnmarshalText accepts auto, dark or light.
func (t *Theme) UnmarshalText(b []byte) error {
	switch v := Theme(strings.ToLower(strings.TrimSpace(string(b)))); v {
	case ThemeAuto, ThemeDark, ThemeLight:
		*t = v
		return nil
	}
	return fmt.Errorf("theme must be \"auto\", \"dark\" or \"light\", not %q", b)
}

// DateFormat is how dates are shown: a Go time layout such as
// "2 Jan 2006", a pattern such as "DD/MM/YYYY", or one of the names in
// DateFormats. It holds what the file says; Layout gives the Go layout.
type DateFormat string

// DateFormats are the named date formats and their Go layouts.
var DateFormats = map[string]string{
	"iso":   "2006-01-02",             // 2026-03-04
	"short": "2 Jan",                  // 4 Mar
	"day":   "2 Jan 2006",             // 4 Mar 2026
	"us":    "Jan 2, 2006",            // Mar 4, 2026
	"long":  "Monday, 2 January 2006", // Wednesday, 4 March 2026
}

// patternTokens turn YYYY-style patterns into Go layouts, longest first.
var patternTokens = strings.NewReplacer(
	"YYYY", "2006", "YY", "06",
	"MMMM", "January", "MMM", "Jan", "MM", "01",
	"DD", "02",
)

// Layout returns the Go time layout for f.
func (f DateFormat) Layout() string {
	s := string(f)
	if l, ok := DateFormats[strings.ToLower(s)]; ok {
		return l
	}
	if strings.Contains(s, "YY") || strings.Contains(s, "DD") {
		return patternTokens.Replace(s)
	}
	return s
}

// Format formats t, or returns "" for the zero time.
func (f DateFormat) Format(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(f.Layout())
}

// UnmarshalText accepts a format that shows at least part of a date.
func (f *DateFormat) UnmarshalText(b []byte) error {
	v := DateFormat(strings.TrimSpace(string(b)))
	l := v.Layout()
	ref := time.Date(2026, time.March, 4, 0, 0, 0, 0, time.UTC)
	if l == "" || ref.Format(l) == l {
		return fmt.Errorf("date_format %q shows no date; use a Go layout such as \"2 Jan 2006\", a pattern such as \"DD/MM/YYYY\", or one of iso, short, day, us, long", b)
	}
	*f = v
	return nil
}

// Size is a number of bytes, written like "64MB" or "512KB".
type Size int64

// sizeUnits are the size suffixes; sizes are binary, as memory is.
var sizeUnits = []struct {
	suffix string
	n      int64
}{
	{"GIB", 1 << 30}, {"GB", 1 << 30}, {"G", 1 << 30},
	{"MIB", 1 << 20}, {"MB", 1 << 20}, {"M", 1 << 20},
	{"KIB", 1 << 10}, {"KB", 1 << 10}, {"K", 1 << 10},
	{"B", 1},
}

// ParseSize reads a size such as "64MB", "1.5 GB", "512KiB" or "4096".
func ParseSize(s string) (Size, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	mult := int64(1)
	for _, u := range sizeUnits {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.n
			break
		}
	}
	n, err := strconv.ParseFloat(t, 64)
	if err != nil || n <= 0 || math.IsInf(n, 0) || n*float64(mult) > math.MaxInt64/2 {
		return 0, fmt.Errorf("size %q is not a size; write it like \"64MB\", \"512KB\" or \"1GB\"", s)
	}
	return Size(n * float64(mult)), nil
}

// UnmarshalText reads a size; see ParseSize.
func (z *Size) UnmarshalText(b []byte) error {
	v, err := ParseSize(string(b))
	if err != nil {
		return err
	}
	*z = v
	return nil
}

// String writes the size as ParseSize reads it, in the largest unit
// that divides it exactly.
func (z Size) String() string {
	for _, u := range []struct {
		suffix string
		n      int64
	}{{"GB", 1 << 30}, {"MB", 1 << 20}, {"KB", 1 << 10}} {
		if int64(z) >= u.n && int64(z)%u.n == 0 {
			return fmt.Sprintf("%d%s", int64(z)/u.n, u.suffix)
		}
	}
	return strconv.FormatInt(int64(z), 10)
}

// EffectiveKeys returns every action's keys: the file's where it sets
// them, the defaults (package keys declares them) elsewhere.
func (c *Config) EffectiveKeys() map[string][]string {
	out := make(map[string][]string)
	for _, d := range keys.Defaults() {
		a := string(d.Action)
		out[a] = d.Keys
		if k, ok := c.Keys[a]; ok {
			out[a] = k
		}
	}
	return out
}
