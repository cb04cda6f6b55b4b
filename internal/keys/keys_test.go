package keys

import (
	"slices"
	"strings"
	"testing"
)

func TestTable(t *testing.T) {
	seen := map[Action]bool{}
	for _, d := range Defaults() {
		if seen[d.Action] {
			t.Errorf("%q is declared twice", d.Action)
		}
		seen[d.Action] = true
		if len(d.Keys) == 0 || d.Label == "" || d.Desc == "" {
			t.Errorf("%q lacks keys or help: %+v", d.Action, d)
		}
		for _, k := range d.Keys {
			if k == "" || strings.ContainsAny(k, " \t\n") {
				t.Errorf("%q has a key a settings file could not name: %q", d.Action, k)
			}
		}
		if b, ok := Lookup(string(d.Action)); !ok || !slices.Equal(b.Keys, d.Keys) {
			t.Errorf("Lookup(%q) = %+v, %v", d.Action, b, ok)
		}
	}
	if got := Names(); len(got) != len(seen) || got[0] != "up" || got[len(got)-1] != "copy" {
		t.Errorf("Names() = %q", got)
	}
	if _, ok := Lookup("fly"); ok {
		t.Error(`Lookup("fly") found an action`)
	}
}

func TestDefaultsAreCopies(t *testing.T) {
	d := Defaults()
	d[0].Keys[0] = "x"
	if b, _ := Lookup(string(d[0].Action)); b.Keys[0] == "x" {
		t.Error("changing what Defaults returned changed the table")
	}
}
