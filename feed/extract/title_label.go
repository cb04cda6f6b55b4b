package extract

import "strings"

// labelParts splits a line opening with a label of one or two words and
// a colon (see hasLabel) into the label and the rest; ok is false when
// the line has no such label.
func labelParts(s string) (label, rest string, ok bool) {
	if !hasLabel(s) {
		return "", "", false
	}
	label, rest, _ = strings.Cut(s, ":")
	return label, rest, true
}

// labelRestContent returns the share of the content words after a
// line's label and colon found in the article (set), 0 when the line
// has no label: what follows "Courtesy:" is a name, what follows a
// headline's colon is the article's matter.
func labelRestContent(w *wordScanner, lower string, set *wordHashes) float64 {
	_, rest, ok := labelParts(lower)
	if !ok {
		return 0
	}
	return w.contentShare(rest, set)
}
