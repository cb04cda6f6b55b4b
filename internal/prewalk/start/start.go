// Package start does, as the program starts, what helps the rest of the
// start go faster: it begins the walk of the folders its command line
// names (see package prewalk), and holds the collector back while the
// packages initialise. Only the program's main package imports it: its
// init reads os.Args, and main calls Done first thing.
package start

import (
	"os"
	"runtime"

	"github.com/broadsheet/broadsheet/internal/prewalk"
)

// ballastSize is the size of ballast.
const ballastSize = 16 << 20

// ballast is memory allocated and never written, held while the
// packages initialise. The collector starts a cycle when the heap has
// grown by GOGC percent since the last one; counting ballast as live,
// it waits for 16 MB more rather than 4, 8…: go-dateparser's
// initialisation allocates 78 MB, of which 26 stay, and the collector
// marked what stayed ten times (four with the ballast):
// `broadsheet version` 0.25-0.28 -> 0.19-0.22 CPU s, 0.19-0.21 ->
// 0.17-0.19 s, 6 MB more at its peak (32 MB of ballast: no quicker, 16
// MB more). A program cannot set GOGC for itself before then:
// runtime/debug is initialised after go-dateparser (Go orders the
// packages that are ready by import path), and so is any package that
// imports it. The ballast's pages are never written, so they take no
// memory.
var ballast []byte

func init() {
	if os.Getenv("GOGC") == "" && os.Getenv("GOMEMLIMIT") == "" {
		ballast = make([]byte, ballastSize)
	}
	if len(os.Args) > 1 {
		prewalk.Start(prewalk.Roots(os.Args[1:])...)
	}
}

// Done lets go of the ballast, once the packages are initialised, and
// has the collector run one cycle in the background, so that it paces
// itself by the heap the program holds, not by the ballast.
func Done() {
	if ballast != nil {
		ballast = nil
		go runtime.GC()
	}
}
