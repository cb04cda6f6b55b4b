// Package testenv keeps tests away from the user's own files.
package testenv

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// Main runs a package's tests with XDG_CACHE_HOME pointing at a folder
// of their own, removed after, so that neither they nor any binary they
// run (which inherits the environment) touches the user's extraction
// cache, and returns their exit code. The go command keeps its build
// cache under XDG_CACHE_HOME by default: it is pinned first, so that a
// test building the binary still finds its build cache.
//
//	func TestMain(m *testing.M) { os.Exit(testenv.Main(m)) }
func Main(m *testing.M) int {
	dir, err := os.MkdirTemp("", "broadsheet-test-cache-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	if os.Getenv("GOCACHE") == "" {
		if out, err := exec.Command("go", "env", "GOCACHE").Output(); err == nil {
			os.Setenv("GOCACHE", strings.TrimSpace(string(out)))
		}
	}
	os.Setenv("XDG_CACHE_HOME", dir)
	return m.Run()
}
