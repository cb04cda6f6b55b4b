package cli

import (
	"fmt"
	"os"
	"testing"
)

// TestMain keeps every test, and every binary a test runs (which
// inherits the environment), away from the user's extraction cache.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "broadsheet-test-cache-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Setenv("XDG_CACHE_HOME", dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}
