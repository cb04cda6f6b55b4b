// Package start does, as the program starts, what helps the rest of the
// start go faster: it begins the walk of the folders its command line
// names (see package prewalk), and holds the collector back while the
// packages initialise (in a one-shot search, to the end). Only the
// program's main package imports it: its init reads os.Args, and main
// calls Done first thing.
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

// searchBallastSize is the size of the ballast of a one-shot search,
// which holds it to the end (see hold).
const searchBallastSize = 128 << 20

// hold reports whether the ballast is held to the end rather than let
// go of once the packages are initialised: in a one-shot search, which
// makes garbage of most of what it decodes, keeps little (its results),
// and is done in well under a second, so that the collector need not
// run until the heap is several times the ballast. Every cycle that ran
// beside its start (four while the packages initialised, one forced
// when they were done, one or two while the cache was read and matched)
// marked pages that the cache's index was then written to, and each
// such write cost a fault and a flush of every core's TLB: 12% of the
// samples of `search harbour` over 100,000 cached articles, about 0.1 s
// of its 0.6-0.7 s (GOGC=off: 0.55-0.60 s). Held, the search runs as
// with GOGC=off until its heap passes about three times the ballast (GC
// percent 200, internal/cli), and is then collected as before; at
// 100,000 articles its peak RSS is 65 MB more (815-818 -> 881-882 MB,
// most of it the cache file mapped), at 10,000 about 44 MB more.
var hold bool

func init() {
	var size int
	size, hold = ballastFor(os.Args, os.Getenv)
	if size > 0 {
		ballast = make([]byte, size)
	}
	if len(os.Args) > 1 {
		prewalk.Start(prewalk.Roots(os.Args[1:])...)
	}
}

// ballastFor returns the size of the ballast for the command line args
// (the program's name first) with the environment of getenv, none when
// GOGC or GOMEMLIMIT is set, and whether it is held to the end.
func ballastFor(args []string, getenv func(string) string) (size int, held bool) {
	if getenv("GOGC") != "" || getenv("GOMEMLIMIT") != "" {
		return 0, false
	}
	if len(args) > 1 && args[1] == "search" {
		return searchBallastSize, true
	}
	return ballastSize, false
}

// Done lets go of the ballast, once the packages are initialised, and
// has the collector run one cycle in the background, so that it paces
// itself by the heap the program holds, not by the ballast; unless it
// is held to the end (see hold).
func Done() {
	if ballast != nil && !hold {
		ballast = nil
		go runtime.GC()
	}
}
