package cache

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"
)

// executableIdentity returns a hash of the running program's bytes, or ""
// when they cannot be read. It names the extractor: any change to the
// code, the bundled signature table, the Go version or build flags
// changes it. (Build information's vcs.revision would be free, but says
// nothing of uncommitted changes, build tags or `go run` of a modified
// tree, and tests have none.) SHA-256 of the 40 MB program took 20–60 ms
// of CPU at every start, which the first lookup waited for; so the hash
// is kept in dir (see programMemo), beside the program file's stamp, and
// the program is read again only when it is another file or has been
// written to since.
func executableIdentity(dir string) string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	f, err := os.Open(exe)
	if err != nil {
		return ""
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return ""
	}
	memo := programMemo(dir, exe, stampOf(info))
	if id, ok := memo.read(); ok {
		return id
	}
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return ""
	}
	id := "exe:" + hex.EncodeToString(h.Sum(nil)[:16])
	memo.write(id)
	return id
}

// memoFile names the file in the cache folder that keeps the program's
// hash (see executableIdentity).
const memoFile = "program.id"

// idMemo is the program's hash as kept in a cache folder: the file, and
// the key it is kept under, the program's path and stamp. An empty key
// keeps nothing.
type idMemo struct {
	file, key string
}

// programMemo returns the memo for the program at path, of stamp st. A
// stamp without a change time or an inode (on systems that give
// neither) is not trusted to tell a program file rewritten in place, so
// nothing is kept: the change time moves whenever the file is written,
// and a program built again is a new file.
func programMemo(dir, path string, st stamp) idMemo {
	if dir == "" || st.ctime == 0 || st.ino == 0 {
		return idMemo{}
	}
	var e encoder
	e.Str(path)
	e.stamp(st)
	return idMemo{file: filepath.Join(dir, memoFile), key: string(e.B)}
}

// read returns the hash kept under m's key.
func (m idMemo) read() (string, bool) {
	if m.key == "" {
		return "", false
	}
	b, err := os.ReadFile(m.file)
	if err != nil || !bytes.HasPrefix(b, []byte(m.key)) {
		return "", false
	}
	id := string(b[len(m.key):])
	if len(id) != len("exe:")+32 || !strings.HasPrefix(id, "exe:") {
		return "", false
	}
	if _, err := hex.DecodeString(id[len("exe:"):]); err != nil {
		return "", false
	}
	return id, true
}

// write keeps id under m's key, replacing the file whole, so that a
// reader never sees half of it. A memo that cannot be written costs the
// next start the hash, nothing else.
func (m idMemo) write(id string) {
	if m.key == "" || os.MkdirAll(filepath.Dir(m.file), 0o700) != nil {
		return
	}
	f, err := os.CreateTemp(filepath.Dir(m.file), ".tmp-*")
	if err != nil {
		return
	}
	defer os.Remove(f.Name()) // gone after the rename
	_, err = f.WriteString(m.key + id)
	if cerr := f.Close(); err != nil || cerr != nil {
		return
	}
	os.Rename(f.Name(), m.file)
}

// Extractor is the extraction whose work a Cache keeps
// (extract.Extractor).
type Extractor interface {
	// Fingerprint returns what the extraction depends on besides its
	// code and the file, such as its signature table, as bytes that
	// differ whenever it does.
	Fingerprint() []byte
}

// fingerprint hashes what extraction depends on besides its code and the
// file: the signature table in effect (built-in, the config file's and
// the samples'), the settings that change what a file gives, and the
// local time zone, which time.Parse consults for offsets it recognises.
func fingerprint(x Extractor, settings []string) string {
	h := sha256.New()
	if x != nil {
		h.Write(x.Fingerprint())
	}
	h.Write([]byte{0})
	for _, s := range settings {
		h.Write([]byte(strconv.Quote(s)))
	}
	h.Write([]byte{0})
	fmt.Fprint(h, runtime.GOOS, os.Getenv("TZ"))
	for y := 1970; y <= 2040; y += 2 {
		for _, m := range []time.Month{time.January, time.July} {
			name, off := time.Date(y, m, 1, 12, 0, 0, 0, time.Local).Zone()
			fmt.Fprint(h, name, off)
		}
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}
