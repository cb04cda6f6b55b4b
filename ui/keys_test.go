package ui

import (
	"reflect"
	"slices"
	"testing"

	"charm.land/bubbles/v2/key"

	"github.com/broadsheet/broadsheet/internal/keys"
)

// TestKeyMapHasEveryAction checks that the key map is made from package
// keys alone: each action has a binding of its own, with its default
// keys and help, and no binding is left without keys.
func TestKeyMapHasEveryAction(t *testing.T) {
	k := DefaultKeyMap()
	fields := k.fields()
	seen := map[*key.Binding]keys.Action{}
	for _, d := range keys.Defaults() {
		b, ok := fields[d.Action]
		if !ok {
			t.Errorf("action %q has no binding in the KeyMap", d.Action)
			continue
		}
		if other, dup := seen[b]; dup {
			t.Errorf("actions %q and %q share one binding", other, d.Action)
		}
		seen[b] = d.Action
		if !slices.Equal(b.Keys(), d.Keys) || b.Help().Key != d.Label || b.Help().Desc != d.Desc {
			t.Errorf("%s is bound to %q %q, want %q %q", d.Action, b.Keys(), b.Help(), d.Keys, key.Help{Key: d.Label, Desc: d.Desc})
		}
	}
	if len(fields) != len(keys.Defaults()) {
		t.Errorf("the KeyMap binds %d actions, package keys declares %d", len(fields), len(keys.Defaults()))
	}
	v := reflect.ValueOf(k)
	for i := range v.NumField() {
		if b := v.Field(i).Interface().(key.Binding); len(b.Keys()) == 0 {
			t.Errorf("KeyMap.%s has no keys: no action of package keys sets it", v.Type().Field(i).Name)
		}
	}
}
