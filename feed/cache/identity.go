package cache

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"runtime"
	"strconv"
	"time"
)

// executableIdentity returns a hash of the running program's bytes, or ""
// when they cannot be read. It names the extractor: any change to the
// code, the bundled signature table, the Go version or build flags
// changes it. (Build information's vcs.revision would be free, but says
// nothing of uncommitted changes, build tags or `go run` of a modified
// tree, and tests have none.) SHA-256 reads ~1.5 GB/s here, so a 20 MB
// program costs ~15 ms, in the background.
func executableIdentity() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	f, err := os.Open(exe)
	if err != nil {
		return ""
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return ""
	}
	return "exe:" + hex.EncodeToString(h.Sum(nil)[:16])
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
