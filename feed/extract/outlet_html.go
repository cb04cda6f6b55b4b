package extract

import (
	"strings"
)

// textOutlet finds the outlet of a page whose markup names none, from
// its visible text as the text reader would: the name its furniture
// repeats and its printed domain spells, the signature table, the
// copyright notice. body is the article text found in the page, whose
// mentions of outlets ("told Reuters") count for little.
func (x *Extractor) textOutlet(text, body string) outletGuess {
	sg := segmentPool.Get().(*segments)
	defer segmentPool.Put(sg)
	lines := sg.split(text)
	if len(lines) == 0 {
		return outletGuess{}
	}
	classifyLines(lines)
	markChrome(x, lines)
	inBody := make([]bool, len(lines))
	for i, l := range lines {
		inBody[i] = l.words >= 8 && strings.Contains(body, l.text)
	}
	g := x.outletOf(lines, inBody)
	// Only the name: an address read from the text is no page's own.
	return outletGuess{name: strings.Clone(g.name), source: g.source}
}
