package prewalk

import "strings"

// Commands are the commands that read folders: those a second start
// lists or searches from the cache (see internal/cli, whose tests check
// that Roots finds their folders).
var Commands = map[string]bool{"list": true, "search": true, "stories": true, "outlets": true}

// valueFlags are the flags of those commands that take the next word as
// their value when not given one with "=".
var valueFlags = map[string]bool{"--outlet": true, "--config": true, "--state": true}

// Roots returns the folders a command line, without the program's
// name, would read, as far as can be told without the command line's
// parser: the paths after one of Commands (for search, after its query).
// It returns nothing when it cannot tell; a word it takes for a path
// that is not one costs a stat, nothing more.
func Roots(args []string) []string {
	if len(args) == 0 || !Commands[args[0]] {
		return nil
	}
	var roots []string
	query := args[0] == "search"
	dash := false
	for i := 1; i < len(args); i++ {
		a := args[i]
		switch {
		case dash || a == "-" || !strings.HasPrefix(a, "-"):
			if query {
				query = false
				continue
			}
			roots = append(roots, a)
		case a == "--":
			dash = true
		case valueFlags[a]:
			i++
		}
	}
	return roots
}
