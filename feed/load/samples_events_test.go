package load_test

import (
	"maps"
	"slices"
)

// sampleEvents maps each bundled sample file (a name in data/) to the
// fictional event it reports, taken from the samples table. Articles with
// the same event are one story; stand-alone articles have an event of
// their own. The two Gull Point articles share people and places but are
// different events, so story grouping must keep them apart.
var sampleEvents = func() map[string]string {
	m := make(map[string]string, len(samples))
	for _, s := range samples {
		m[s.file] = s.event
	}
	return m
}()

// sampleStories returns the sample files grouped by event, each group
// sorted by file name.
func sampleStories() map[string][]string {
	m := make(map[string][]string)
	for file, event := range sampleEvents {
		m[event] = append(m[event], file)
	}
	for _, files := range m {
		slices.Sort(files)
	}
	return m
}

// sampleEventNames returns the events of the samples, sorted.
func sampleEventNames() []string {
	return slices.Sorted(maps.Keys(sampleStories()))
}
