package cli

import (
	"io"
	"slices"
	"testing"

	"github.com/spf13/pflag"

	"github.com/broadsheet/broadsheet/internal/prewalk"
)

// TestPrewalkRootsAsFlags checks that the folders the walk begun at start
// takes from a command line (prewalk.Roots, which reads os.Args before
// the parser does) are the command's folders for every command it names
// and every flag of those commands that takes a value: a flag added here
// and not there would have its value walked as a folder, and the folder
// after it missed.
func TestPrewalkRootsAsFlags(t *testing.T) {
	root := newRoot(Options{Stdout: io.Discard, Stderr: io.Discard}, nil)
	for name := range prewalk.Commands {
		c := mustFind(root, name)
		lead := []string{name}
		if name == "search" {
			lead = append(lead, "harbour")
		}
		if got := prewalk.Roots(append(slices.Clone(lead), "dir")); !slices.Equal(got, []string{"dir"}) {
			t.Errorf("%s dir: Roots = %q, want [dir]", name, got)
		}
		check := func(f *pflag.Flag) {
			if f.Value.Type() == "bool" {
				return
			}
			spellings := []string{"--" + f.Name}
			if f.Shorthand != "" {
				spellings = append(spellings, "-"+f.Shorthand)
			}
			for _, flag := range spellings {
				args := append(slices.Clone(lead), flag, "value", "dir")
				if got := prewalk.Roots(args); !slices.Equal(got, []string{"dir"}) {
					t.Errorf("%q: Roots = %q, want [dir]: prewalk does not know %s takes a value", args, got, flag)
				}
			}
		}
		c.Flags().VisitAll(check)
		c.InheritedFlags().VisitAll(check)
	}
}
