package load

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"
	"unicode/utf8"

	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/feed/extract"
	"github.com/broadsheet/broadsheet/feed/internal/safetest"
)

// hostileFiles returns files of every format whose text is laced with
// safetest.HostilePayload, each holding the words "Headline" and "Paragraph", which must
// survive. Formats whose escapes decode (HTML and XML character
// references, JSON \u escapes) carry the safetest.HostilePayload in that form too.
func hostileFiles() map[string][]byte {
	p := safetest.HostilePayload
	ent := htmlRefs(safetest.HostilePayload)
	js := jsonEscape(safetest.HostilePayload)
	// XML 1.0 forbids C0 controls even as references; C1 and bidi pass.
	xmlRefs := htmlRefs("\u009b2J\u009d0;x\u009c\u202e\u2066\u0085")
	return map[string][]byte{
		"hostile.txt": []byte("Headline " + p + " one\n\nParagraph " + p + " of 🙂 עברית العربية.\r\n\r\nMore\rtext."),
		"hostile.md":  []byte("# Headline " + p + "\n\nParagraph " + p + " text with [a link](http://x.example/" + p + ").\n"),
		"hostile.html": []byte("<!doctype html><html><head><title>Headline " + ent + p + "</title>" +
			`<meta name="author" content="By ` + ent + `"><meta property="og:site_name" content="Outlet` + ent + `"></head>` +
			"<body><article><h1>Headline " + ent + p + "</h1><p class=\"byline\">By Jo " + ent + "</p>" +
			"<p>Paragraph " + ent + p + " text.</p><p>Second paragraph of the story " + ent + ".</p></article></body></html>"),
		"hostile.json": []byte(`{"title":"Headline ` + js + `","author":"` + js + `","source":"Outlet ` + js + `",` +
			`"url":"http://x.example/` + js + `","date":"2024-01-02","text":"Paragraph ` + js + ` text.\n\nSecond ` + js + `."}`),
		"hostile.jsonl": []byte(`{"title":"Headline ` + js + `","text":"Paragraph ` + js + `"}` + "\n" +
			`{"title":"Headline two ` + js + `","content":"Paragraph two ` + js + `"}` + "\n"),
		"hostile.xml": []byte(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Outlet ` + xmlRefs + `</title>` +
			`<item><title>Headline ` + xmlRefs + `</title><author>Jo ` + xmlRefs + `</author><link>http://x.example/` + xmlRefs + `</link>` +
			`<description>&lt;p&gt;Paragraph ` + htmlRefs(ent) + `&lt;/p&gt;</description></item></channel></rss>`),
		"hostile-raw.xml": []byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>Outlet</title><item><title>Headline ` + p +
			`</title><description><![CDATA[<p>Paragraph ` + p + `</p>]]></description></item></channel></rss>`),
	}
}

// htmlRefs writes s as numeric character references.
func htmlRefs(s string) string {
	var b strings.Builder
	for _, r := range s {
		fmt.Fprintf(&b, "&#x%x;", r)
	}
	return b.String()
}

// jsonEscape writes s as JSON string content with every rune escaped.
func jsonEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r > 0xffff {
			b.WriteRune(r)
			continue
		}
		fmt.Fprintf(&b, `\u%04x`, r)
	}
	return b.String()
}

// safetyWrite writes files under dir, making folders as needed.
func safetyWrite(t testing.TB, dir string, files map[string][]byte) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// safetyGoodFile is an ordinary article loaded beside the broken ones, which
// must not take it down.
var safetyGoodFile = []byte("A good headline\n\nThe good article's first paragraph, which is long enough to lead.\n\nAnd a second.")

func safetyLoad(t testing.TB, paths ...string) *feed.Store {
	t.Helper()
	l := &Loader{Extractor: safetyExtractor()}
	return l.Load(context.Background(), paths)
}

func TestHostileFilesAreSafe(t *testing.T) {
	dir := t.TempDir()
	files := hostileFiles()
	safetyWrite(t, dir, files)
	// A hostile name and a hostile folder (which names an outlet).
	safetyWrite(t, dir, map[string][]byte{
		"\x1b]0;evil\x07name\u202etxt.txt":                 []byte("Headline\n\nParagraph of a file with a hostile name."),
		"Outlet \x1b[31m\u009b1m\u202e/story.txt":          []byte("Headline\n\nParagraph in a hostile folder."),
		"\x1b[2J/\x1b]52;c;eA==\x07/deep\u0085\u2066.html": files["hostile.html"],
	})
	store := safetyLoad(t, dir)
	arts := store.Articles()
	if len(arts) < len(files) {
		t.Errorf("loaded %d articles from %d hostile files; problems: %v", len(arts), len(files)+3, store.Problems())
	}
	safetest.CheckArticles(t, arts)
	for _, a := range arts {
		all := a.Title + " " + a.Body + " " + a.Lead
		if !strings.Contains(all, "Headline") && !strings.Contains(all, "Paragraph") {
			t.Errorf("%s: the text's words were lost: %+v", a.Path, a)
		}
	}
	for _, p := range store.Problems() {
		safetest.AssertPrintable(t, p.Path, false)
		safetest.AssertPrintable(t, p.Reason, false)
		safetest.AssertPrintable(t, p.String(), false)
	}
}

// TestHostileFieldsPerFormat checks each hostile file on its own, so a
// format that drops its article is named.
func TestHostileFieldsPerFormat(t *testing.T) {
	x := safetyExtractor()
	for name, data := range hostileFiles() {
		t.Run(name, func(t *testing.T) {
			arts, probs := x.Extract(extract.Source{Path: name, Data: data, Hint: feed.Hint{Folder: "Folder\x1b[2J\u202e"}})
			if len(arts) == 0 {
				t.Logf("no article; problems: %v", probs)
			}
			safetest.CheckArticles(t, arts)
			for _, a := range arts {
				if strings.Contains(a.Title, "pwned") || strings.Contains(a.Body, "pwned") || strings.Contains(a.Body, "cm0gLXJm") {
					t.Errorf("escape sequence safetest.HostilePayload shown as text: %q / %q", a.Title, a.Body)
				}
			}
			for _, p := range probs {
				safetest.AssertPrintable(t, p.Safe().Reason, false)
			}
		})
	}
}

// want describes the outcome of loading one broken file.
type brokenOutcome struct {
	problem string // a substring of the file's problem; "" wants an article
	check   func(t *testing.T, a *feed.Article)
}

func TestBrokenFiles(t *testing.T) {
	elf := append([]byte("\x7fELF\x02\x01\x01"), make([]byte, 200)...)
	pe := make([]byte, 256)
	copy(pe, "MZ")
	pe[0x3c] = 0x80
	copy(pe[0x80:], "PE\x00\x00")
	zipped := append([]byte("PK\x03\x04\x14\x00\x00\x00\x08\x00"), safetest.Noise(300)...)
	textWithNULs := []byte("NUL headline\x00\n\nThe fi\x00rst paragraph\x00\x00 of a file with NUL bytes.")
	tests := []struct {
		name string
		data []byte
		want brokenOutcome
	}{
		{"empty.txt", nil, brokenOutcome{problem: "empty file"}},
		{"spaces.txt", []byte(" \n\t\r\n  \n"), brokenOutcome{problem: "empty file"}},
		{"bom-only.md", []byte("\xef\xbb\xbf\n"), brokenOutcome{problem: "empty file"}},
		{"empty.html", []byte("   "), brokenOutcome{problem: "empty file"}},
		{"image.png", append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), safetest.Noise(500)...), brokenOutcome{problem: "binary file (PNG image)"}},
		{"photo.jpg.txt", append([]byte("\xff\xd8\xff\xe0\x00\x10JFIF"), safetest.Noise(500)...), brokenOutcome{problem: "binary file (JPEG image)"}},
		{"anim.gif", []byte("GIF89a\x01\x00\x01\x00\x00\x00\x00;"), brokenOutcome{problem: "binary file (GIF image)"}},
		{"doc.pdf", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"), brokenOutcome{problem: "binary file (PDF document)"}},
		{"archive.zip", zipped, brokenOutcome{problem: "binary file (ZIP archive)"}},
		{"program", elf, brokenOutcome{problem: "binary file (ELF executable)"}},
		{"setup.exe", pe, brokenOutcome{problem: "binary file (Windows executable)"}},
		{"noise.txt", safetest.Noise(4096), brokenOutcome{problem: "binary file"}},
		{"small-noise.json", safetest.Noise(64), brokenOutcome{problem: "binary file"}},
		{"zeros.txt", make([]byte, 1000), brokenOutcome{problem: "binary file"}},
		{"only-escapes.txt", []byte("\x1b[2J\x1b]0;t\x07\u202e\x00\u200b\x1b[31m\n\n\x1b]52;c;eA==\x07\u009b1m\r\n"), brokenOutcome{problem: "no article text found"}},
		{"nuls.txt", textWithNULs, brokenOutcome{check: func(t *testing.T, a *feed.Article) {
			if strings.ContainsRune(a.Body, 0) || !strings.Contains(a.Body, "first paragraph") {
				t.Errorf("NUL bytes not stripped: %q", a.Body)
			}
		}}},
		{"latin1.txt", []byte("Caf\xe9 cr\xe8me\n\nUn article \xe9crit en Latin-1, assez long pour \xeatre lu."), brokenOutcome{check: func(t *testing.T, a *feed.Article) {
			if !utf8.ValidString(a.Title) || !utf8.ValidString(a.Body) {
				t.Errorf("invalid UTF-8 kept: %q", a.Body)
			}
		}}},
		{"invalid-utf8.txt", []byte("Title \xff\xfe\xc3\n\nBody \x80\x81 text \xed\xa0\x80 surrogate."), brokenOutcome{check: func(t *testing.T, a *feed.Article) {
			if !utf8.ValidString(a.Title) || !utf8.ValidString(a.Body) {
				t.Errorf("invalid UTF-8 kept: %q / %q", a.Title, a.Body)
			}
		}}},
		{"mac.txt", []byte("Old Mac headline\r\rFirst paragraph of an old Mac file.\r\rSecond."), brokenOutcome{check: func(t *testing.T, a *feed.Article) {
			if a.Title != "Old Mac headline" || strings.Contains(a.Body, "\r") {
				t.Errorf("CR line ends not read as line ends: %q / %q", a.Title, a.Body)
			}
		}}},
		{"mixed.txt", []byte("Mixed headline\r\n\r\nFirst paragraph.\r\rSecond paragraph.\n\nThird\rline."), brokenOutcome{check: func(t *testing.T, a *feed.Article) {
			if a.Title != "Mixed headline" || strings.Contains(a.Body, "\r") || !strings.Contains(a.Body, "First paragraph.\n\nSecond paragraph.\n\nThird") {
				t.Errorf("mixed line ends: %q / %q", a.Title, a.Body)
			}
		}}},
		{"utf16.txt", safetest.UTF16("UTF-16 headline\n\nA paragraph in UTF-16 with a byte order mark."), brokenOutcome{check: func(t *testing.T, a *feed.Article) {}}},
		{"story.txt.gz", safetest.Gzip([]byte("Gzip headline\n\nA paragraph that was compressed.")), brokenOutcome{check: func(t *testing.T, a *feed.Article) {}}},
	}
	dir := t.TempDir()
	files := map[string][]byte{"good.txt": safetyGoodFile}
	for _, tt := range tests {
		files[tt.name] = tt.data
	}
	safetyWrite(t, dir, files)
	store := safetyLoad(t, dir)
	safetest.CheckArticles(t, store.Articles())
	byPath := make(map[string]*feed.Article)
	for _, a := range store.Articles() {
		byPath[filepath.Base(a.Path)] = a
	}
	problems := make(map[string]string)
	for _, p := range store.Problems() {
		problems[filepath.Base(p.Path)] = p.Reason
	}
	if byPath["good.txt"] == nil {
		t.Fatalf("the good file was not loaded beside the broken ones; problems: %v", store.Problems())
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, reason := byPath[tt.name], problems[tt.name]
			if tt.want.problem != "" {
				if !strings.Contains(reason, tt.want.problem) {
					t.Errorf("problem = %q, want one with %q (article %v)", reason, tt.want.problem, a)
				}
				return
			}
			if strings.Contains(reason, "binary") {
				t.Errorf("called %s", reason)
			}
			if a == nil {
				// A format still being written may not read it yet; it
				// must at least say why.
				if reason == "" {
					t.Errorf("neither article nor problem")
				}
				t.Logf("no article: %s", reason)
				return
			}
			tt.want.check(t, a)
		})
	}
}

func TestFileTooLarge(t *testing.T) {
	dir := t.TempDir()
	safetyWrite(t, dir, map[string][]byte{"good.txt": safetyGoodFile})
	big := filepath.Join(dir, "huge.txt")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	// A sparse file: 200 MB long, no disk used.
	if err := os.Truncate(big, 200<<20); err != nil {
		t.Fatal(err)
	}
	store := safetyLoad(t, dir)
	if store.Len() != 1 {
		t.Errorf("loaded %d articles, want the good one", store.Len())
	}
	want := "huge.txt: file too large: 200 MiB is over the 64 MiB limit"
	if ps := store.Problems(); len(ps) != 1 || !strings.HasSuffix(ps[0].String(), want) {
		t.Errorf("problems = %v, want %q", ps, want)
	}
}

// TestExtremeInputs feeds each format inputs whose size or shape could
// make a parser slow, deep or large. Each must end with an article or a
// problem; nothing here asserts time, but each stays linear (see the
// benchmarks).
func TestExtremeInputs(t *testing.T) {
	if testing.Short() {
		t.Skip("large inputs")
	}
	longLine := strings.Repeat("word ", 2<<20) // 10 MB, one line
	sentences := strings.Repeat("A. B. C. Mr. Dr. x. ", 500_000)
	nested := strings.Repeat("<div>", 100_000) + "<p>Deep paragraph.</p>" + strings.Repeat("</div>", 100_000)
	unclosed := "<html><body>" + strings.Repeat("<div><span><b><i>", 50_000) + "Text"
	bomb := `<?xml version="1.0"?><!DOCTYPE rss [` +
		`<!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">` +
		`<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">` +
		`<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">` +
		`<!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">` +
		`<!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;"><!ENTITY i "&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;">]>` +
		`<rss version="2.0"><channel><title>&i;</title><item><title>&i;</title><description>&i;</description></item></channel></rss>`
	external := `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>` +
		`<rss version="2.0"><channel><item><title>T &x;</title><description>D</description></item></channel></rss>`
	bigJSON := `{"title":"Big","text":"` + strings.Repeat("word ", 10<<20) + `"}` // 50 MB, one line
	deepJSON := strings.Repeat(`{"a":[`, 100_000) + strings.Repeat(`]}`, 100_000)
	truncated := safetest.Gzip([]byte(strings.Repeat("A gzip paragraph of text.\n\n", 1000)))
	truncated = truncated[:len(truncated)/2]
	gzBomb := safetest.Gzip(bytes.Repeat([]byte("a"), 200<<20)) // 200 MB of text in 200 KB
	tests := []struct {
		name string
		data string
	}{
		{"long-line.txt", longLine},
		{"long-line.md", longLine},
		{"long-line.html", "<p>" + longLine + "</p>"},
		// 1 MB: the HTML reader's title matching is superlinear (a 10 MB
		// title takes tens of seconds), which the loader's deadline bounds.
		{"long-title.html", "<html><head><title>" + longLine[:1<<20] + "</title></head><body><p>Text.</p></body></html>"},
		{"long-title.json", `{"title":"` + longLine + `","author":"` + longLine + `","text":"Text."}`},
		{"sentences.txt", sentences},
		{"many-lines.txt", strings.Repeat("A short line of text\n", 500_000)},
		{"many-paragraphs.txt", strings.Repeat("A paragraph of some words.\n\n", 300_000)},
		{"many-lines.md", strings.Repeat("- item\n> quote\n# heading\n", 200_000)},
		{"many-tags.html", "<body>" + strings.Repeat("<p>Para <a href=x>link</a></p>", 30_000)},
		{"many-items.xml", "<rss><channel>" + strings.Repeat("<item><title>T</title><description>D</description></item>", 50_000) + "</channel></rss>"},
		{"many-lines.jsonl", strings.Repeat(`{"title":"T","text":"Body"}`+"\n", 100_000)},
		{"nested.html", nested},
		{"unclosed.html", unclosed},
		{"nested.md", strings.Repeat(">", 100_000) + " quote\n\n" + strings.Repeat("- ", 50_000) + "item"},
		{"bomb.xml", bomb},
		{"bomb.rss", bomb},
		{"external.xml", external},
		{"big.json", bigJSON},
		{"big.jsonl", bigJSON + "\n" + bigJSON[:1000]},
		{"deep.json", deepJSON},
		{"truncated.txt.gz", string(truncated)},
		{"truncated.html.gz", string(truncated)},
		{"bomb.txt.gz", string(gzBomb)},
	}
	x := safetyExtractor()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// Extract itself, not the loader's timed wrapper: the outcome
			// must not depend on the machine's speed.
			arts, probs := x.Extract(extract.Source{Path: tt.name, Data: []byte(tt.data)})
			if len(arts) == 0 && len(probs) == 0 {
				t.Errorf("neither article nor problem")
			}
			safetest.CheckArticles(t, arts)
			for _, a := range arts {
				if strings.Contains(a.Body, "root:") {
					t.Errorf("external entity was read: %q", a.Body)
				}
				// Entities are never expanded: no body outgrows its file
				// (gzip aside, which the decoder bounds).
				if !strings.HasSuffix(tt.name, ".gz") && len(a.Title)+len(a.Body) > 2*len(tt.data)+1024 {
					t.Errorf("%d bytes of text from a %d-byte file", len(a.Title)+len(a.Body), len(tt.data))
				}
			}
			for _, a := range arts {
				if utf8.RuneCountInString(a.Title) > 300 || utf8.RuneCountInString(a.Lead) > 1200 || len(a.Body) > 2<<20+8 {
					t.Errorf("fields not cut to their limits: title %d runes, lead %d runes, body %d bytes",
						utf8.RuneCountInString(a.Title), utf8.RuneCountInString(a.Lead), len(a.Body))
				}
			}
			for _, p := range probs {
				if strings.Contains(p.Reason, "extraction failed") {
					t.Errorf("problem: %s", p)
				}
			}
		})
	}
}

func safetyExtractor() *extract.Extractor {
	x := extract.NewExtractor()
	x.Now = time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	return x
}

func TestManyFiles(t *testing.T) {
	n := 20_000
	if testing.Short() {
		n = 2_000
	}
	dir := t.TempDir()
	for i := range n {
		name := filepath.Join(dir, fmt.Sprintf("d%02d", i%100), fmt.Sprintf("%06d.txt", i))
		if i%100 == i {
			os.MkdirAll(filepath.Dir(name), 0o755)
		}
		if err := os.WriteFile(name, fmt.Appendf(nil, "Story number %d is one line.", i), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	store := safetyLoad(t, dir)
	if store.Len() != n || len(store.Problems()) != 0 {
		t.Errorf("loaded %d of %d one-line files; %d problems", store.Len(), n, len(store.Problems()))
	}
}

func TestAwkwardPaths(t *testing.T) {
	dir := t.TempDir()
	safetyWrite(t, dir, map[string][]byte{
		"good.txt":           safetyGoodFile,
		"x.txt/inner.txt":    []byte("Inside a folder named like a file\n\nIts paragraph."),
		"outside/linked.txt": []byte("Reached through a linked folder\n\nIts paragraph."),
	})
	root := filepath.Join(dir, "root")
	os.MkdirAll(root, 0o755)
	safetySymlink(t, filepath.Join(dir, "good.txt"), filepath.Join(root, "good-link.txt"))
	safetySymlink(t, "loop-b.txt", filepath.Join(root, "loop-a.txt"))
	safetySymlink(t, "loop-a.txt", filepath.Join(root, "loop-b.txt"))
	safetySymlink(t, "..", filepath.Join(root, "up"))  // a folder loop
	safetySymlink(t, ".", filepath.Join(root, "self")) // and another
	safetySymlink(t, "nowhere.txt", filepath.Join(root, "dangling.txt"))
	safetySymlink(t, filepath.Join(dir, "outside"), filepath.Join(root, "linked"))

	tests := []struct {
		name   string
		paths  []string
		titles []string
		probs  []string
	}{
		{"folder named like a file", []string{filepath.Join(dir, "x.txt")}, []string{"Inside a folder named like a file"}, nil},
		{"missing path", []string{filepath.Join(dir, "missing.txt"), filepath.Join(dir, "good.txt")}, []string{"A good headline"}, []string{"missing.txt: no such file or folder"}},
		{"links and loops", []string{root}, []string{"A good headline", "Inside a folder named like a file", "Reached through a linked folder"},
			[]string{"dangling.txt: no such file or folder", "loop-a.txt: too many levels of symbolic links", "loop-b.txt: too many levels of symbolic links"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			store := safetyLoad(t, tt.paths...)
			got := make(map[string]bool)
			for _, a := range store.Articles() {
				got[a.Title] = true
			}
			for _, title := range tt.titles {
				if !got[title] {
					t.Errorf("%q not loaded; got %v; problems %v", title, got, store.Problems())
				}
			}
			var ps []string
			for _, p := range store.Problems() {
				ps = append(ps, p.String())
			}
			for _, want := range tt.probs {
				found := false
				for _, p := range ps {
					found = found || strings.HasSuffix(p, want)
				}
				if !found {
					t.Errorf("no problem ending %q in %q", want, ps)
				}
			}
		})
	}
}

func safetySymlink(t *testing.T, target, name string) {
	t.Helper()
	if err := os.Symlink(target, name); err != nil {
		t.Skipf("symlinks: %v", err)
	}
}

func TestUnreadableFile(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root: file permissions do not bite (TestFailingReads covers the error)")
	}
	dir := t.TempDir()
	safetyWrite(t, dir, map[string][]byte{"good.txt": safetyGoodFile, "secret.txt": safetyGoodFile})
	os.Chmod(filepath.Join(dir, "secret.txt"), 0)
	defer os.Chmod(filepath.Join(dir, "secret.txt"), 0o644)
	store := safetyLoad(t, dir)
	if ps := store.Problems(); len(ps) != 1 || ps[0].Reason != "permission denied" {
		t.Errorf("problems = %v, want secret.txt: permission denied", ps)
	}
}

// unreliableFS is a folder whose files fail as files do when their
// permissions forbid reading, or when they are deleted or truncated
// while the loader reads them.
type unreliableFS struct {
	fstest.MapFS
	open map[string]error // Open fails with this
	read map[string]error // Read fails with this after the first bytes
}

func (f unreliableFS) Open(name string) (fs.File, error) {
	if err := f.open[name]; err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	file, err := f.MapFS.Open(name)
	if err != nil {
		return nil, err
	}
	if err := f.read[name]; err != nil {
		return &unreliableFile{File: file, err: err}, nil
	}
	return file, nil
}

type unreliableFile struct {
	fs.File
	err  error
	read bool
}

func (f *unreliableFile) Read(p []byte) (int, error) {
	if f.read {
		return 0, f.err
	}
	f.read = true
	return f.File.Read(p[:min(len(p), 10)])
}

func TestFailingReads(t *testing.T) {
	fsys := unreliableFS{
		MapFS: fstest.MapFS{
			"good.txt":      {Data: safetyGoodFile},
			"locked.txt":    {Data: safetyGoodFile},
			"deleted.txt":   {Data: safetyGoodFile},
			"truncated.txt": {Data: safetyGoodFile},
			"io-error.txt":  {Data: safetyGoodFile},
		},
		open: map[string]error{"locked.txt": fs.ErrPermission, "deleted.txt": fs.ErrNotExist},
		read: map[string]error{"truncated.txt": io.ErrUnexpectedEOF, "io-error.txt": errors.New("input/output error")},
	}
	l := &Loader{FS: fsys, Extractor: safetyExtractor()}
	store := l.Load(context.Background(), []string{"."})
	if store.Len() != 1 {
		t.Errorf("loaded %d articles, want the good one", store.Len())
	}
	want := []string{
		"deleted.txt: no such file or folder",
		"io-error.txt: input/output error",
		"locked.txt: permission denied",
		"truncated.txt: unexpected EOF",
	}
	var got []string
	for _, p := range store.Problems() {
		got = append(got, p.String())
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// format is a stand-in file format for a test: files it sniffs are read
// by its extract, the rest by the extractor as usual.
type format struct {
	name    feed.Format
	sniff   func(ext string, data []byte) bool
	extract func(x *extract.Extractor, src extract.Source) ([]*feed.Article, []feed.Problem)
}

// withTestFormat puts f in front of extraction for the test's length.
// Extraction is put back once calls extractions through f have ended,
// those a load gave up on included: they read it.
func withTestFormat(t *testing.T, f format, calls int) {
	saved := extractWith
	ended := make(chan struct{}, calls)
	extractWith = func(x *extract.Extractor, src extract.Source) ([]*feed.Article, []feed.Problem) {
		if !f.sniff(extract.Extension(src.Path), src.Data) {
			return saved(x, src)
		}
		defer func() { ended <- struct{}{} }()
		arts, probs := f.extract(x, src)
		if len(arts) == 0 && len(probs) == 0 {
			// As extraction says of a file with no article.
			probs = []feed.Problem{{Path: src.Path, Reason: "no article text found"}}
		}
		return arts, probs
	}
	t.Cleanup(func() {
		for range calls {
			<-ended
		}
		extractWith = saved
	})
}

func TestSlowAndPanickingExtraction(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	withTestFormat(t, format{
		name:  feed.FormatText,
		sniff: func(ext string, _ []byte) bool { return ext == "slow" || ext == "panic" },
		extract: func(_ *extract.Extractor, src extract.Source) ([]*feed.Article, []feed.Problem) {
			if strings.HasSuffix(src.Path, ".panic") {
				_ = []byte(src.Path)[len(src.Path)] // out of range: a real runtime panic
			}
			<-release
			return nil, nil
		},
	}, 2)
	// Only files whose outcome cannot depend on the machine's speed: the
	// slow one never finishes until released, the other panics at once.
	fsys := fstest.MapFS{
		"a.slow":  {Data: safetyGoodFile},
		"b.panic": {Data: safetyGoodFile},
	}
	l := &Loader{FS: fsys, Extractor: safetyExtractor(), FileTimeout: time.Millisecond}
	store := l.Load(context.Background(), []string{"."})
	if store.Len() != 0 {
		t.Errorf("loaded %d articles, want none", store.Len())
	}
	var got []string
	for _, p := range store.Problems() {
		got = append(got, p.String())
	}
	want := []string{
		"a.slow: gave up: reading took over 1ms",
		"b.panic: extraction failed: runtime error: index out of range [7] with length 7",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestSlowFilesAbandonedInBounds checks that no more than maxAbandoned
// slow extractions are left running: with every slot taken, the next
// slow file is waited for rather than given up on.
func TestSlowFilesAbandonedInBounds(t *testing.T) {
	hold, last := make(chan struct{}), make(chan struct{})
	defer close(hold)
	withTestFormat(t, format{
		name:  feed.FormatText,
		sniff: func(ext string, _ []byte) bool { return ext == "slow" },
		extract: func(_ *extract.Extractor, src extract.Source) ([]*feed.Article, []feed.Problem) {
			if src.Path == "last.slow" {
				<-last
			} else {
				<-hold
			}
			return nil, nil
		},
	}, maxAbandoned+1)
	l := &Loader{FileTimeout: time.Millisecond}
	x := safetyExtractor()
	slots := make(chan struct{}, maxAbandoned)
	for i := range maxAbandoned {
		_, probs := l.extract(x, extract.Source{Path: fmt.Sprintf("%d.slow", i), Data: safetyGoodFile}, slots)
		if len(probs) != 1 || !strings.HasPrefix(probs[0].Reason, "gave up") {
			t.Fatalf("slow file %d: problems %v, want it given up on", i, probs)
		}
	}
	result := make(chan []feed.Problem)
	go func() {
		_, probs := l.extract(x, extract.Source{Path: "last.slow", Data: safetyGoodFile}, slots)
		result <- probs
	}()
	close(last)
	if probs := <-result; len(probs) != 1 || probs[0].Reason != "no article text found" {
		t.Errorf("with every slot taken: problems %v, want the file waited for", probs)
	}
}

// BenchmarkLoadManyFiles loads 200,000 one-line files, the size of a
// large scraper dump. Run with -bench LoadManyFiles -benchtime 1x.
func BenchmarkLoadManyFiles(b *testing.B) {
	const n = 200_000
	dir := b.TempDir()
	for i := range n {
		sub := filepath.Join(dir, fmt.Sprintf("d%03d", i%1000))
		if i < 1000 {
			os.MkdirAll(sub, 0o755)
		}
		os.WriteFile(filepath.Join(sub, fmt.Sprintf("%06d.txt", i)), fmt.Appendf(nil, "Story number %d is one line.", i), 0o644)
	}
	b.ResetTimer()
	for b.Loop() {
		if s := safetyLoad(b, dir); s.Len() != n {
			b.Fatalf("loaded %d of %d", s.Len(), n)
		}
	}
}

// BenchmarkExtractLongLine extracts a 10 MB file of one line.
func BenchmarkExtractLongLine(b *testing.B) {
	data := []byte(strings.Repeat("word. ", 10<<20/6))
	x := safetyExtractor()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		x.Extract(extract.Source{Path: "long.txt", Data: data})
	}
}

// BenchmarkSanitize measures Sanitize on hostile text.
func BenchmarkSanitize(b *testing.B) {
	s := strings.Repeat("Some text "+safetest.HostilePayload, 1000)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		feed.SanitizeText(s)
	}
}

// TestWatchHostileName checks that a watched file whose name holds
// control characters is replaced, not duplicated, when it changes: the
// watcher's removals match the stored, sanitized path.
func TestWatchHostileName(t *testing.T) {
	f := newWatchFixture(t)
	name := "\x1b]0;evil\x07name\u202e.txt"
	f.write(name, "First version")
	f.until("the first version", func(s *feed.Store) bool { return s.Len() == 1 })
	f.write(name, "Second version")
	f.until("the second version alone", func(s *feed.Store) bool {
		arts := s.Articles()
		return len(arts) == 1 && arts[0].Title == "Second version"
	})
	for _, a := range f.store.Articles() {
		safetest.AssertPrintable(t, a.Path, false)
	}
}

// TestProblemsPerFileCapped checks that a file reporting thousands of
// problems costs a bounded number, the rest counted.
func TestProblemsPerFileCapped(t *testing.T) {
	withTestFormat(t, format{
		name:  feed.FormatText,
		sniff: func(ext string, _ []byte) bool { return ext == "many" },
		extract: func(_ *extract.Extractor, src extract.Source) ([]*feed.Article, []feed.Problem) {
			probs := make([]feed.Problem, 5000)
			for i := range probs {
				probs[i] = feed.Problem{Path: src.Path, Reason: fmt.Sprintf("bad part %d", i+1)}
			}
			return nil, probs
		},
	}, 1)
	fsys := fstest.MapFS{"a.many": {Data: safetyGoodFile}, "b.txt": {Data: safetyGoodFile}}
	store := (&Loader{FS: fsys, Extractor: safetyExtractor()}).Load(context.Background(), []string{"."})
	probs := store.Problems()
	if len(probs) != maxFileProblems {
		t.Fatalf("%d problems, want %d", len(probs), maxFileProblems)
	}
	if got, want := probs[len(probs)-1].String(), "a.many: … and 4,981 more problems"; got != want {
		t.Errorf("last problem %q, want %q", got, want)
	}
	if store.Len() != 1 {
		t.Errorf("%d articles, want 1", store.Len())
	}
}
