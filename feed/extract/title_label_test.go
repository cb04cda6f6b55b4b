package extract

import "testing"

// The page in this test is made up.

// A line led by a label and a colon whose rest is none of the article's
// matter ("Courtesy: " and a name) reads apart from a headline whose
// own colon leads into the article's matter ("Bridge vote: …").
func TestTextTitleLabelFeatures(t *testing.T) {
	const credit, head = "Courtesy: Hollin Valley Archive", "Bridge vote: council agrees to rebuild flooded crossing"
	page := "Home | News | Sport | Weather | Business | Contact\n\nThe Riverside Gazette\n\n" + credit + "\n\n" + head +
		"\n\nBy Jane Smith\n\nMarch 3, 2008\n\n" + fixtureBody + "\n"
	c := textFeatures(t, page, credit)
	if c["label"] != 1 || c["label_rest"] != 0 || c["label_bare"] != 1 {
		t.Errorf("credit: label %v, label_rest %v, label_bare %v; want 1, 0, 1", c["label"], c["label_rest"], c["label_bare"])
	}
	h := textFeatures(t, page, head)
	if h["label"] != 1 || h["label_rest"] < 0.5 || h["label_bare"] != 0 {
		t.Errorf("headline: label %v, label_rest %v, label_bare %v; want 1, 0.5 or more, 0", h["label"], h["label_rest"], h["label_bare"])
	}
	if f := textFeatures(t, page, "The Riverside Gazette"); f["label_rest"] != 0 || f["label_bare"] != 0 {
		t.Errorf("no label: label_rest %v, label_bare %v; want 0, 0", f["label_rest"], f["label_bare"])
	}
}

func TestLabelRestContent(t *testing.T) {
	var w wordScanner
	var set wordHashes
	body := w.addContent(nil, "the council voted to rebuild the river bridge")
	set.reset(len(body))
	for _, h := range body {
		set.add(h)
	}
	for s, want := range map[string]float64{
		"courtesy: hollin valley archive":  0,
		"bridge vote: council rebuilding":  1,
		"read more: river festival":        0.5,
		"council votes to rebuild bridge":  0, // no label
		"a long label of words: the river": 0, // more than two words before the colon
	} {
		if got := labelRestContent(&w, s, &set); got != want {
			t.Errorf("labelRestContent(%q) = %v, want %v", s, got, want)
		}
	}
}
