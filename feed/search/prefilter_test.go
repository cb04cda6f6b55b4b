package search

import (
	"bytes"
	"compress/gzip"
	"strings"
	"testing"

	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/feed/extract"
)

// TestPrefilterNeverMissesAMatch extracts files whose raw bytes spell a
// word otherwise than their text, and checks that the prefilter lets
// through every one whose article matches: a one-shot search must find
// what the reader's search finds.
func TestPrefilterNeverMissesAMatch(t *testing.T) {
	para := "The council met on Tuesday evening to hear the case for the new road, and residents spoke for an hour about traffic on the narrow lanes. "
	body := strings.Repeat(para, 3)
	page := func(title, text string) string {
		return "<!doctype html><html><head><title>" + title + "</title></head><body><article><h1>" + title +
			"</h1><p>" + text + "</p><p>" + body + "</p></article></body></html>"
	}
	gz := func(s string) string {
		var b bytes.Buffer
		w := gzip.NewWriter(&b)
		w.Write([]byte(s))
		w.Close()
		return b.String()
	}
	// text is a plain-text article with w inside its first paragraph.
	text := func(w string) string {
		return "Harbour plans approved\n\n" + para + w + " residents objected to the plan.\n\n" + body + "\n"
	}
	tests := []struct {
		name, path, data, query string
	}{
		{"named reference", "a.html", page("Road plan", "Residents of Z&uuml;rich Street objected."), "zurich"},
		{"numeric reference", "a.html", page("Road plan", "Residents of Z&#252;rich Street objected."), "zurich"},
		{"drop capital", "a.html", page("Road plan", "<span class=\"cap\">S</span>eventeen residents objected."), "seventeen"},
		{"escape sequence", "a.txt", text("Seven\x1b[1mteen"), "seventeen"},
		{"zero-width space", "a.txt", text("Seven\u200bteen"), "seventeen"},
		{"json escape", "a.json", `{"title":"Road plan","text":"Z\u00fcrich residents objected. ` + body + `"}`, "zurich"},
		{"gzip", "a.txt.gz", gz(text("Seventeen")), "seventeen"},
		{"greek accents", "a.txt", text("Ωμέγα"), "ωμεγα"},
		{"greek final sigma", "a.txt", text("ΛΌΓΟΣ"), "λόγος"},
		{"combining accents", "a.txt", text("Re\u0301sume\u0301"), "resume"},
	}
	x := extract.NewExtractor()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, probs := x.Extract(extract.Source{Path: tt.path, Data: []byte(tt.data)})
			if len(arts) == 0 {
				t.Fatalf("no article extracted: %v", probs)
			}
			if _, ok := NewMatcher(tt.query).Match(arts[0]); !ok {
				t.Fatalf("the article does not match %q; the case tests nothing:\n%s", tt.query, arts[0].Body)
			}
			if !Prefilter(tt.query)([]byte(tt.data)) {
				t.Errorf("the prefilter passed over a file whose article matches %q", tt.query)
			}
			if !TextPrefilter(tt.query)(arts[0]) {
				t.Errorf("the text prefilter passed over an article that matches %q", tt.query)
			}
			if sk := Sketch(arts[0]); !SketchFilter(tt.query)(sk) {
				t.Errorf("the sketch filter passed over an article that matches %q", tt.query)
			}
		})
	}
}

// TestPrefilterStillSkips checks that the cases the prefilter must let
// through do not make it let everything through.
func TestPrefilterStillSkips(t *testing.T) {
	tests := []struct{ name, data string }{
		{"plain text", "Harbour plans approved\n\nThe council met.\n"},
		{"markup entities", "<p>Fish &amp; chips &lt;b&gt; &nbsp; <b>council</b></p>"},
		{"curly quotes and dashes", "The council’s plan — “approved”."},
		{"tags", "<span>coun</span>cil <b>met</b> today"},
	}
	may := Prefilter("seventeen")
	for _, tt := range tests {
		if may([]byte(tt.data)) {
			t.Errorf("%s: the prefilter let through a file without the word", tt.name)
		}
	}
}

func TestTextPrefilter(t *testing.T) {
	a := &feed.Article{Title: "Zürich harbour reopens", Body: "The **Ferry** sailed at dawn; the council’s vote was close.\n\nVoters elected a mayor."}
	tests := []struct {
		query string
		want  bool
	}{
		{"zurich", true},
		{"ferry", true},
		{"councils", true},
		{"elections", true},
		{"harbour ferry", true},
		{"harbour bridge", false},
		{"bridge", false},
		{"harbour -ferry", true}, // negated words are for the matcher
	}
	for _, tt := range tests {
		if got := TextPrefilter(tt.query)(a); got != tt.want {
			t.Errorf("TextPrefilter(%q) = %v, want %v", tt.query, got, tt.want)
		}
		if _, ok := NewMatcher(tt.query).Match(a); ok && !tt.want {
			t.Errorf("%q matches the article, but the prefilter would pass over it", tt.query)
		}
	}
	if TextPrefilter("outlet:lantern") != nil {
		t.Errorf("a query of filters only gave a prefilter")
	}
}

func TestContains(t *testing.T) {
	texts := []string{"", "i", "inba", "xinba", "inbx", "bbinbab", "the inn by the bay, in bad weather: inba", "ininbinba", "é inbaé", "bani inb"}
	needles := []string{"inba", "i", "b", "ba", "bb", "in", "inbai", "é", "aé", "zz"}
	for _, h := range texts {
		for _, n := range needles {
			if got, want := contains([]byte(h), []byte(n)), strings.Contains(h, n); got != want {
				t.Errorf("contains(%q, %q) = %v, want %v", h, n, got, want)
			}
		}
	}
}

func TestMIMEEncoded(t *testing.T) {
	tests := []struct {
		head string
		want bool
	}{
		{"Content-Transfer-Encoding: base64\n", true},
		{"MIME-Version: 1.0\ncontent-transfer-encoding: quoted-printable", true},
		{"x CONTENT-TRANSFER-ENCODING", true},
		{"Content-transfer-Encoding", true},
		{"content transfer encoding", false},
		{"Content-Transfer-Encodin", false},
		{"-transfer-encoding", false},
		{"a well-known, up-to-date content-type", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := mimeEncoded([]byte(tt.head)); got != tt.want {
			t.Errorf("mimeEncoded(%q) = %v, want %v", tt.head, got, tt.want)
		}
	}
}

// BenchmarkFoldBytes folds the text of the reference articles as the
// prefilter does, and a text in accented Latin and other scripts.
func BenchmarkFoldBytes(b *testing.B) {
	arts := referenceArticles(b, 200)
	var plain []byte
	for _, a := range arts {
		plain = append(plain, a.Title+"\n"+a.Body+"\n"...)
	}
	accented := []byte(strings.Repeat("Le café de Zürich a ouvert ses portes à Noël; Søren’s naïve Straße. Ωμέγα Привет. ", 2000))
	for _, bm := range []struct {
		name string
		text []byte
	}{{"plain", plain}, {"accented", accented}} {
		b.Run(bm.name, func(b *testing.B) {
			b.SetBytes(int64(len(bm.text)))
			var dst []byte
			for range b.N {
				dst, _ = foldBytes(dst[:0], bm.text)
			}
		})
	}
}
