package cache

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unsafe"
)

// residentKB returns the kilobytes of data's mapping that the process
// holds in memory, from /proc/self/smaps.
func residentKB(t *testing.T, data []byte) int {
	t.Helper()
	start := fmt.Sprintf("%x-", uintptr(unsafe.Pointer(unsafe.SliceData(data))))
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	in := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if fields := strings.Fields(line); len(fields) > 0 && strings.Contains(fields[0], "-") && !strings.HasSuffix(fields[0], ":") {
			in = strings.HasPrefix(line, start)
			continue
		}
		if in && strings.HasPrefix(line, "Rss:") {
			kb, err := strconv.Atoi(strings.Fields(line)[1])
			if err != nil {
				t.Fatal(err)
			}
			return kb
		}
	}
	t.Fatalf("no mapping at %s in /proc/self/smaps", start)
	return 0
}

// A long pass over a mapped file lets go of its pages each time it has
// read letGoEvery bytes through, and not before.
func TestReadThroughLetsGo(t *testing.T) {
	path := filepath.Join(t.TempDir(), "records")
	if err := os.WriteFile(path, []byte(strings.Repeat("record ", 1<<20)), 0o600); err != nil {
		t.Fatal(err)
	}
	data, unmap, err := mapFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer unmap()
	touch := func() {
		sum := 0
		for i := 0; i < len(data); i += 4096 {
			sum += int(data[i])
		}
		if sum == 0 {
			t.Fatal("read nothing")
		}
	}
	touch()
	full := residentKB(t, data)
	if full < len(data)/1024/2 {
		t.Skipf("only %d KB of the %d KB read are resident: the system maps pages otherwise", full, len(data)/1024)
	}
	readThrough.Store(0)
	ReadThrough(letGoEvery - 1)
	if got := residentKB(t, data); got < full {
		t.Errorf("let go of pages before letGoEvery bytes were read through: %d KB resident, %d before", got, full)
	}
	ReadThrough(1)
	if got := residentKB(t, data); got != 0 {
		t.Errorf("%d KB still resident after letGoEvery bytes were read through", got)
	}
	touch()
	if got := residentKB(t, data); got < full {
		t.Errorf("read again, %d KB resident, want %d", got, full)
	}
	if s := string(data[:7]); s != "record " {
		t.Errorf("read back %q", s)
	}
}
