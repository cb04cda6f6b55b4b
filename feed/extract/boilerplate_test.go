package extract

import "testing"

// TestClassify checks that general furniture patterns, and not outlet
// names, sort lines.
func TestClassify(t *testing.T) {
	tests := []struct {
		name, in string
		want     lineClass
	}{
		{"paragraph", "The council voted by nine to four on Tuesday to close the quarry road to through traffic from next month.", classGood},
		{"share button", "Share this article", classBad},
		{"newsletter prompt", "Sign up to our free morning newsletter", classBad},
		{"email form", "Please enter a valid email address", classBad},
		{"privacy", "Read our privacy policy", classBad},
		{"app banner", "Download the app", classBad},
		{"related heading", "Related stories", classBad},
		{"copyright", "© 2025 The Daily Lamp. All rights reserved.", classBad},
		{"icon labels", "Email An icon of a paper envelope. Facebook An icon of the Facebook f mark. Close An icon of an X shape.", classBad},
		{"button row", "Share A curved arrow leaving a box. Listen A pair of headphones. Print A small printer.", classBad},
		{"menu row", "News  Sport  Culture  Weather", classBad},
		{"cookie notice", "We use cookies to improve your experience. By continuing you accept our cookie policy and privacy policy.", classBad},
		{"credit", "Sakib Ali/Hindustan Times/Getty Images", classBad},
		{"timestamp", "13 hours ago", classBad},
		{"arrow link", "» Preview: the season ahead", classBad},
		{"heading", "What the new rota would mean", classShort},
		{"headline naming a network", "UK party under fire for Twitter name switch during debate", classShort},
		{"long sentence naming a network", "The minister posted on Twitter that the decision, which followed months of talks with the unions, would be reviewed in the spring.", classGood},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := lineOf(tt.in).class; got != tt.want {
				t.Errorf("class of %q = %d, want %d", tt.in, got, tt.want)
			}
		})
	}
}

func TestIsEndMarker(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"related stories", true},
		{"more from sport", true},
		{"ashvale media's most read", true},
		{"elsewhere in places", true},
		{"top reads right now", true},
		{"other topics of interest", true},
		{"the council's decision", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := isEndMarker(tt.in); got != tt.want {
				t.Errorf("isEndMarker(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestEscapeMarkdown(t *testing.T) {
	tests := []struct{ in, want string }{
		{"# not a heading", `\# not a heading`},
		{"> not a quote", `\> not a quote`},
		{"1. not a list", `1\. not a list`},
		{"- not a list", `\- not a list`},
		{"1,200 people came", "1,200 people came"},
		{"plain text", "plain text"},
	}
	for _, tt := range tests {
		if got := escapeMarkdown(tt.in); got != tt.want {
			t.Errorf("escapeMarkdown(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestIconRun checks that a line's iconRun, which looks at its words
// first, agrees with isIconRun on its text.
func TestIconRun(t *testing.T) {
	lines := []string{
		"Email An icon of a paper envelope. Facebook An icon of the letter F. Twitter An icon of a bird.",
		"Share icon Print icon Save icon",
		"Share icon Print icon",
		"An icon of a bird. An icon of an envelope.",
		"EMAIL AN ICON OF A PAPER ENVELOPE. FACEBOOK AN ICON OF THE LETTER F.",
		"The iconic bridge, an icon of the city, icons everywhere: icon",
		"silicon icon silicon icon",
		"Zürich icon Genève icon Straße icon",
		"icon icon icon",
		"no icons here at all",
		"icon\ticon icon",
	}
	trues := 0
	for _, text := range lines {
		for _, l := range segmentText(text + "\n") {
			if got, want := l.iconRun(), isIconRun(l.lower); got != want {
				t.Errorf("%q: iconRun = %v, isIconRun = %v", l.text, got, want)
			} else if got {
				trues++
			}
		}
	}
	if trues < 4 {
		t.Errorf("only %d icon runs; the test tells little", trues)
	}
}
