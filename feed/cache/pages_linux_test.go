package cache

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
	"unsafe"

	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/feed/extract"
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

// Looking every file up, as a one-shot search does, lets go of the
// cache file's pages as it goes, rather than hold all of them.
func TestLookupLetsGo(t *testing.T) {
	root := t.TempDir()
	old := time.Now().Add(past)
	var para strings.Builder
	for i := range 2000 {
		fmt.Fprintf(&para, "Line %d of the harbour master's log: the ferry to Welmor left on time and the tide was low.\n\n", i)
	}
	var paths []string
	for f := range 60 { // 60 files of about 190 KB: 11 MB of records, more than letGoEvery
		p := filepath.Join(root, fmt.Sprintf("log-%02d.txt", f))
		if err := os.WriteFile(p, []byte(fmt.Sprintf("Harbour log %d\n\n%s", f, para.String())), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, old, old); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	x := extract.NewExtractor()
	dir := t.TempDir()
	loadWith(t, dir, root, x, Options{Identity: "test"})
	c := Open([]string{root}, x, Options{Dir: dir, Identity: "test", Borrow: true})
	defer c.Close()
	<-c.ready
	buf := c.shards[0].buf
	if len(buf) < letGoEvery {
		t.Fatalf("the cache file is %d bytes, under letGoEvery", len(buf))
	}
	readThrough.Store(0)
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if _, _, ok := c.Lookup(p, info, feed.Hint{}); !ok {
			t.Fatalf("%s not found in the cache", p)
		}
	}
	if got, all := residentKB(t, buf), len(buf)/1024; got > all/2 {
		t.Errorf("%d KB of the cache file's %d resident after every record was looked up", got, all)
	}
}

// TestReadScatteredLetsGo reads a few KB at each of 1,024 places across
// a mapped file of 64 MB, in no order, noting each with ReadScattered:
// the system maps the pages about each read too (as much as 2 MB), so
// without letting go every page would stay (6 MB read, under
// letGoEvery); with it, under half do.
func TestReadScatteredLetsGo(t *testing.T) {
	const size, places, read = 64 << 20, 1024, 6 << 10
	path := filepath.Join(t.TempDir(), "records")
	data := make([]byte, size)
	for i := range data {
		data[i] = byte(i * 7)
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	buf, unmap, err := MapFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer unmap()
	readScattered.Store(0)
	sum := 0
	for k := range places {
		at := (k * 389 % places) * (size / places) // every place once, out of order
		for _, b := range buf[at : at+read] {
			sum += int(b)
		}
		ReadScattered(read)
	}
	if sum == 0 {
		t.Fatal("read nothing")
	}
	if got, all := residentKB(t, buf), size/1024; got > all/2 {
		t.Errorf("%d KB of the file's %d resident after reading %d KB scattered", got, all, places*read/1024)
	}
}
