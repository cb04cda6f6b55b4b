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

// scatteredEvery is how many bytes of the mapped files a pass that
// reads records in no order of the file's (see ReadScattered) reads
// before their pages are let go of. Each record read so maps the pages
// about it too: the system maps a whole folio of the file's at a fault,
// and a cache file just written sits in folios of up to 2 MB (one read
// of a few bytes maps 2 MB on this machine's kernel, 6.18). Reading 8 MB
// of articles of 6 KB each, picked across the cache file of 10,000
// articles, kept 58 MB of its 62; with 64 KB, about ten articles' pages
// stay at a time.
const scatteredEvery = 64 << 10

// readScattered counts the bytes read in no order since the pages were
// last let go of by ReadScattered.
var readScattered atomic.Int64

// ReadScattered is ReadThrough for a pass that reads records in an
// order of its own (the articles of stories, say), which faults in
// several times as many pages as it reads: it lets go of them every
// scatteredEvery bytes.
func ReadScattered(n int) {
	if v := readScattered.Add(int64(n)); v >= scatteredEvery && readScattered.CompareAndSwap(v, 0) {
		LetGoOfPages()
	}
}
