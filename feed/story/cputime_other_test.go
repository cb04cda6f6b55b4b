//go:build !unix

package story

import "time"

// cpuTime is unknown here.
func cpuTime() time.Duration { return 0 }
