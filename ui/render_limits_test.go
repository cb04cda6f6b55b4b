package ui

import (
	"strings"
	"testing"
	"time"
)

// pathological returns Markdown shapes that once overflowed Glamour's
// stack or kept it busy for seconds to forever.
func pathological() map[string]string {
	var table strings.Builder
	for range 3 {
		table.WriteString("|" + strings.Repeat(" a |", 2000) + "\n")
		if table.Len() < 9000 {
			table.WriteString("|" + strings.Repeat("---|", 2000) + "\n")
		}
	}
	return map[string]string{
		"nested emphasis":   strings.Repeat("*", 100000) + "a" + strings.Repeat("*", 100000),
		"emphasis openers":  strings.Repeat("**a ", 50000),
		"nested quotes":     strings.Repeat(">", 3000) + " a\n",
		"spaced quotes":     strings.Repeat("> ", 3000) + "a\n",
		"nested lists":      strings.Repeat("- ", 400) + "a\n",
		"indented lists":    nestedList(400),
		"unclosed links":    strings.Repeat("[a](<b", 20000),
		"mixed marks":       strings.Repeat("*a_", 30000),
		"wide table":        table.String(),
		"long word":         strings.Repeat("a", 200000),
		"backticks":         strings.Repeat("`a``", 20000),
		"angle brackets":    strings.Repeat("<a ", 30000),
		"images":            strings.Repeat("![a](", 20000),
		"ordered lists":     strings.Repeat("1. ", 400) + "a\n",
		"quoted list lines": strings.Repeat("> - ", 500) + "a\n",
	}
}

func nestedList(depth int) string {
	var b strings.Builder
	for i := range depth {
		b.WriteString(strings.Repeat("  ", i) + "- item\n")
	}
	return b.String()
}

// TestRenderPathological renders each shape; before the Markdown was
// normalised, the first crashed the test binary and others never ended.
// The budget is lifted, so that a slow machine does not fall back to
// plain text: the rendering itself must end.
func TestRenderPathological(t *testing.T) {
	saved := renderBudget
	defer func() { renderBudget = saved }()
	renderBudget = time.Hour
	for name, md := range pathological() {
		t.Run(name, func(t *testing.T) {
			out, err := renderMarkdown(md, 80, "dark")
			if err != nil {
				t.Fatal(err)
			}
			if strings.Contains(out, tooSlowNote) || out == "" {
				t.Errorf("rendered as plain text or not at all")
			}
		})
	}
}

// TestNormalizeKeepsOrdinaryMarkdown: what an article is made of passes
// unchanged.
func TestNormalizeKeepsOrdinaryMarkdown(t *testing.T) {
	md := "# Title\n\n*Outlet · date*\n\nA **bold** and _light_ [link](https://example.com/a_b).\n\n" +
		"> A quote\n> - with a list\n\n- one\n  - two\n    1. three\n\n    code block\n\n```\n****** fenced | | |\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n---\n"
	if got := restoreURLs(normalizeMarkdown(md), md); got != md {
		t.Errorf("normalizeMarkdown changed ordinary Markdown:\n%s", got)
	}
}

// TestNormalizeBoundsNesting: quotes and lists hold one another no
// deeper than maxNesting, and lines are set in no further than maxIndent.
func TestNormalizeBoundsNesting(t *testing.T) {
	for _, md := range []string{strings.Repeat(">", 50) + " a", strings.Repeat("> ", 50) + "a", strings.Repeat("- ", 50) + "a", strings.Repeat("1. > ", 50) + "a"} {
		got := normalizeMarkdown(md)
		prefix, rest := capContainers(got)
		if rest != "a" || strings.Count(prefix, ">")+strings.Count(prefix, "-")+strings.Count(prefix, "1.") != maxNesting {
			t.Errorf("normalizeMarkdown(%.12q…) = %q", md, got)
		}
	}
	for _, l := range strings.Split(normalizeMarkdown(nestedList(100)), "\n") {
		if n := len(l) - len(strings.TrimLeft(l, " ")); n > maxIndent {
			t.Fatalf("line set in %d columns: %q", n, l)
		}
	}
}

// TestRenderFallsBackToPlainText: a rendering that outlasts the budget
// gives the page as plain text under a note.
func TestRenderFallsBackToPlainText(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	saved, savedBudget := glamourRender, renderBudget
	defer func() { glamourRender, renderBudget = saved, savedBudget }()
	glamourRender = func(string, int, string) (string, error) {
		<-release
		return "", nil
	}
	renderBudget = 0
	out, err := renderMarkdown("Some **words** here.", 40, "dark")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out, tooSlowNote[:20]) || !strings.Contains(out, "Some **words** here.") {
		t.Errorf("fallback = %q", out)
	}
}

// FuzzRender renders any Markdown without crashing; the pathological
// shapes are its seeds.
func FuzzRender(f *testing.F) {
	for _, md := range pathological() {
		f.Add(md[:min(len(md), 4096)])
	}
	f.Add("> " + strings.Repeat("long quoted words ", 20))
	f.Fuzz(func(t *testing.T, md string) {
		if _, err := renderMarkdown(md, 60, "notty"); err != nil {
			t.Skip(err)
		}
	})
}
