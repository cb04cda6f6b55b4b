package feed

import "time"

// Hint is metadata about a file that does not come from its text.
type Hint struct {
	Outlet string    // from a sidecar; trusted below the file's own metadata
	Date   time.Time // from a sidecar
	Folder string    // the name of the folder the file is in
}
