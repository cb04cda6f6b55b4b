package cache

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestProgramHashKept checks that the program's hash is kept in the
// cache folder and used while the program file is the same, and that a
// memo of another stamp, or a damaged one, is not used.
func TestProgramHashKept(t *testing.T) {
	dir := t.TempDir()
	id := executableIdentity(dir)
	if !strings.HasPrefix(id, "exe:") || len(id) != 36 {
		t.Fatalf("identity %q", id)
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(exe)
	if err != nil {
		t.Fatal(err)
	}
	st := stampOf(info)
	memo := programMemo(dir, exe, st)
	if memo.key == "" {
		t.Skip("this system's stamps have no change time or inode: nothing is kept")
	}
	if got, ok := memo.read(); !ok || got != id {
		t.Fatalf("kept %q, %v; want %q", got, ok, id)
	}
	// A kept hash is used as it is: the program is not read again.
	fake := "exe:" + strings.Repeat("ab", 16)
	memo.write(fake)
	if got := executableIdentity(dir); got != fake {
		t.Fatalf("with a memo of this stamp, identity %q, want the memo's %q", got, fake)
	}
	// A memo kept for the program as it was before a write is not.
	old := st
	old.ctime--
	programMemo(dir, exe, old).write(fake)
	if got := executableIdentity(dir); got != id {
		t.Fatalf("with a memo of another stamp, identity %q, want %q", got, id)
	}
	// Nor is a damaged one, which is then written anew.
	for _, bad := range []string{"", memo.key, memo.key + "exe:xyz", memo.key + "exe:" + strings.Repeat("zz", 16)} {
		if err := os.WriteFile(filepath.Join(dir, memoFile), []byte(bad), 0o600); err != nil {
			t.Fatal(err)
		}
		if got := executableIdentity(dir); got != id {
			t.Fatalf("with memo %q, identity %q, want %q", bad, got, id)
		}
		if got, ok := memo.read(); !ok || got != id {
			t.Fatalf("after memo %q, kept %q, %v", bad, got, ok)
		}
	}
	// Without a folder nothing is kept, and the hash is the same.
	if got := executableIdentity(""); got != id {
		t.Fatalf("without a folder, identity %q, want %q", got, id)
	}
}
