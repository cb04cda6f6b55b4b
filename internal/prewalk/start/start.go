// Package start begins, as the program starts, the walk of the folders
// its command line names (see package prewalk). Only the program's main
// package imports it: its init reads os.Args.
package start

import (
	"os"

	"github.com/broadsheet/broadsheet/internal/prewalk"
)

func init() {
	if len(os.Args) > 1 {
		prewalk.Start(prewalk.Roots(os.Args[1:])...)
	}
}
