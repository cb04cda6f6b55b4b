package cache

import "sync/atomic"

// letGoEvery is how many bytes of the mapped files a pass over many
// records reads (see ReadThrough) before their pages are let go of.
// Each page is read once by a second start's listing, which checks each
// record as it decodes it (Preload), so a small window costs no page
// read twice: `list` of 100,000 articles peaked at 262-290 MB RSS with
// 32 MB, 417-421 MB with 256 MB, at the same CPU time; and with 8 MB
// (four runs each, alternated) 10,000 articles at 98-102 MB against
// 123-125 with 32, 100,000 at 213-215 against 220-221, CPU inside the
// noise.
const letGoEvery = 8 << 20

// readThrough counts the bytes read through since the pages were last
// let go of by ReadThrough.
var readThrough atomic.Int64

// ReadThrough notes that a pass over many records (a second start's
// listing, its check of every record, the fingerprints of the articles
// borrowed from the cache file) has read n more bytes of the mapped
// files, and lets go of their pages (LetGoOfPages) each time it has read
// letGoEvery more. Such a pass reads every page of a cache file that at
// a million articles is 6.6 GB: without it, all of them stayed in the
// process's memory until the load was done. With it, about letGoEvery
// of them do, the rest staying in the system's file cache.
func ReadThrough(n int) {
	if v := readThrough.Add(int64(n)); v >= letGoEvery && readThrough.CompareAndSwap(v, 0) {
		LetGoOfPages()
	}
}
