package main

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestMain keeps every test, and every binary a test runs (which
// inherits the environment), away from the user's extraction cache. The
// go command's build cache lives under the same folder by default: it
// is pinned first, so that building the binary stays a cached build.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "broadsheet-test-cache-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if os.Getenv("GOCACHE") == "" {
		if out, err := exec.Command("go", "env", "GOCACHE").Output(); err == nil {
			os.Setenv("GOCACHE", strings.TrimSpace(string(out)))
		}
	}
	os.Setenv("XDG_CACHE_HOME", dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}
