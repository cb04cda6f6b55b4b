package extract

import (
	"strings"
	"testing"

	"github.com/broadsheet/broadsheet/feed/internal/safetest"
)

func TestNestingDepth(t *testing.T) {
	tests := []struct {
		name string
		text string
		want int
	}{
		{"flat", "title = \"T\"\ndate = 2024-01-01", 0},
		{"table headers", "[[files]]\nglob = \"*.txt\"\n[[files]]\nglob = \"a\"", 2},
		{"inline table", `a = { b = [1, [2]] }`, 3},
		{"brackets in strings", `a = "[[[[" ` + "\n" + `b = '{{{{'`, 0},
		{"escaped quote", `a = "\"[[[["`, 0},
		{"brackets in a comment", "a = 1 # [[[[[[\nb = 2", 0},
		{"apostrophe in a word", "title: it's [[[", 3},
		{"unclosed", strings.Repeat("[", 40), 17},
		{"JSON", `{"a":[{"b":{"c":"]]]"}}]}`, 4},
		{"YAML entries", "a:\n- - - x\n- y", 3},
		{"dash in text", "title: well-known - fact", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := NestingDepth([]byte(tt.text), 16); got != tt.want {
				t.Errorf("NestingDepth = %d, want %d", got, tt.want)
			}
		})
	}
}

// TestDeepStructuredText checks that text nested far past any real
// metadata never reaches a decoder, whose recursion would overflow the
// stack (a fatal error no recover catches), and costs the file its
// metadata, not its article.
func TestDeepStructuredText(t *testing.T) {
	const deep = 2_000_000
	tests := []struct {
		name, path, data string
		wantTitle        string
		wantReason       string
	}{
		{"TOML front matter", "a.md", "+++\na = " + strings.Repeat("[", deep) + "\n+++\n# Heading\n\nBody text.\n", "Heading", "over 16 KiB of TOML"},
		{"TOML front matter, no .md", "a.txt.gz", "+++\na = " + strings.Repeat("[", deep) + "\n+++\n# Heading\n\nBody text.\n", "Heading", ""},
		{"TOML within the size", "a.md", "+++\na = " + strings.Repeat("[", 10_000) + "\n+++\n# Heading\n\nBody.\n", "Heading", "TOML nested over 16 deep"},
		{"TOML within the size, no .md", "a.txt", "+++\na = " + strings.Repeat("{b=", 3_000) + "\n+++\n# Heading\n\nBody.\n", "", ""},
		{"large TOML front matter", "a.md", "+++\n" + strings.Repeat("k = 1\n", MaxFrontMatter) + "+++\n# Heading\n\nBody.\n", "Heading", "over 16 KiB of TOML"},
		{"YAML front matter", "a.md", "---\na: " + strings.Repeat("[", deep) + "\n---\n# Heading\n\nBody.\n", "Heading", "over 16 KiB of YAML"},
		{"YAML within the size", "a.md", "---\na: " + strings.Repeat("[", 10_000) + "\n---\n# Heading\n\nBody.\n", "Heading", "YAML nested over 16 deep"},
		{"JSON", "a.json", `{"title":"T","x":` + strings.Repeat("[", deep), "", "JSON nested over 64 deep"},
		{"JSON Feed", "a.json", `{"version":"https://jsonfeed.org/version/1.1","items":` + strings.Repeat("[", deep), "", "JSON nested over 64 deep"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := []byte(tt.data)
			if strings.HasSuffix(tt.path, ".gz") {
				data = safetest.Gzip(data)
			}
			arts, probs := NewExtractor().Extract(Source{Path: tt.path, Data: data})
			if tt.wantReason == "" {
				if len(arts) != 1 {
					t.Errorf("articles %v, want one", arts)
				}
				return
			}
			if len(probs) != 1 || !strings.Contains(probs[0].Reason, tt.wantReason) {
				t.Fatalf("problems %v, want one: %q", probs, tt.wantReason)
			}
			if tt.wantTitle == "" {
				return
			}
			if len(arts) != 1 || arts[0].Title != tt.wantTitle {
				t.Fatalf("articles %v, want one titled %q", arts, tt.wantTitle)
			}
		})
	}
}

// TestJSONLinesBadLines checks that bad lines cost a bounded number of
// problems, that a long run of them ends the reading, and that good
// lines among bad ones still load.
func TestJSONLinesBadLines(t *testing.T) {
	good := `{"title":"T","text":"Body."}` + "\n"
	tests := []struct {
		name      string
		data      string
		wantArts  int
		wantProbs []string
	}{
		{"all bad", strings.Repeat("x\n", 200_000), 0, append(repeatReason("invalid JSON", maxLineProblems), "… and 990 more invalid lines", "not read past line 1000: 1,000 invalid lines in a row")},
		{"few bad", good + "x\n" + good + "y\n", 2, []string{"line 2: invalid", "line 4: invalid"}},
		{"good among bad", strings.Repeat(good+strings.Repeat("x\n", maxBadRun-1), 30), 30, append(repeatReason("invalid JSON", maxLineProblems), "… and 29,960 more invalid lines")},
		{"bad after good", strings.Repeat(good, 5) + strings.Repeat("{\n", 50_000), 5, append(repeatReason("invalid JSON", maxLineProblems), "… and 990 more invalid lines", "not read past line 1005")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, probs := NewExtractor().Extract(Source{Path: "a.jsonl", Data: []byte(tt.data)})
			if len(arts) != tt.wantArts {
				t.Errorf("%d articles, want %d", len(arts), tt.wantArts)
			}
			if len(probs) != len(tt.wantProbs) {
				t.Fatalf("%d problems, want %d: %v", len(probs), len(tt.wantProbs), probs)
			}
			for i, p := range probs {
				if !strings.Contains(p.Reason, tt.wantProbs[i]) {
					t.Errorf("problem %d = %q, want %q", i, p.Reason, tt.wantProbs[i])
				}
			}
		})
	}
}

func repeatReason(s string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = s
	}
	return out
}
