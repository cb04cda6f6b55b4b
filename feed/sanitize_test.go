package feed_test

import (
	"strings"
	"testing"

	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/feed/internal/safetest"
)

func TestSanitize(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "Markets rally", "Markets rally"},
		{"CSI clear screen", "a\x1b[2Jb", "ab"},
		{"CSI colour", "\x1b[1;31mRed\x1b[0m", "Red"},
		{"CSI private mode", "x\x1b[?1049hy", "xy"},
		{"8-bit CSI", "a\u009b2Jb", "ab"},
		{"OSC title BEL", "\x1b]0;pwned\x07Title", "Title"},
		{"OSC title ST", "\x1b]2;pwned\x1b\\Title", "Title"},
		{"OSC 52 clipboard", "\x1b]52;c;cm0gLXJmIH4=\x07safe", "safe"},
		{"OSC 8 link", "\x1b]8;;http://evil\x1b\\click\x1b]8;;\x1b\\", "click"},
		{"8-bit OSC and ST", "a\u009d0;x\u009cb", "ab"},
		{"DCS", "a\x1bPq#0;2;0;0;0\x1b\\b", "ab"},
		{"APC PM SOS", "a\x1b_apc\x1b\\b\x1b^pm\x1b\\c\x1bXsos\x1b\\d", "abcd"},
		{"8-bit DCS APC", "a\u0090dcs\u009cb\u009fapc\u009cc", "abc"},
		{"unterminated OSC", "a\x1b]0;never ends", "a"},
		{"OSC aborted by CAN", "a\x1b]0;x\x18b", "ab"},
		{"charset", "a\x1b(Bb", "ab"},
		{"reset", "a\x1bcb", "ab"},
		{"save cursor", "a\x1b7b\x1b8", "ab"},
		{"lone ESC", "a\x1b", "a"},
		{"ESC before letter of another script", "a\x1bé", "aé"},
		{"malformed CSI", "a\x1b[12\x01b", "a\ufffdb"},
		{"BEL", "ding\x07", "ding\ufffd"},
		{"backspace overwrite", "good\b\b\b\bevil", "good\ufffd\ufffd\ufffd\ufffdevil"},
		{"carriage return overwrite", "Safe\rEvil", "Safe Evil"},
		{"CRLF", "a\r\nb", "a b"},
		{"newline", "a\nb", "a b"},
		{"tab", "a\tb", "a b"},
		{"NUL dropped", "a\x00b", "ab"},
		{"DEL", "a\x7fb", "a\ufffdb"},
		{"C1 controls", "a\u0080\u0084\u008eb", "a\ufffd\ufffd\ufffdb"},
		{"NEL", "a\u0085b", "a b"},
		{"line separator", "a\u2028b\u2029c", "a b c"},
		{"bidi override", "abc\u202edcba\u202c", "abcdcba"},
		{"bidi isolates", "\u2066a\u2067b\u2068c\u2069", "abc"},
		{"bidi embeddings", "\u202aa\u202bb\u202c", "ab"},
		{"zero width space and BOM", "a\u200bb\ufeffc\u2060d", "abcd"},
		{"invalid UTF-8", "a\xffb\xc3", "a\ufffdb\ufffd"},
		{"raw 8-bit CSI byte", "a\x9b2Jb", "a\ufffd2Jb"},
		{"emoji kept", "Gold 🥇 for 👩‍👩‍👧 ❤️", "Gold 🥇 for 👩‍👩‍👧 ❤️"},
		{"England flag kept", "🏴\U000E0067\U000E0062\U000E0065\U000E006E\U000E0067\U000E007F", "🏴\U000E0067\U000E0062\U000E0065\U000E006E\U000E0067\U000E007F"},
		{"smuggled tags dropped", "hi\U000E0069\U000E0067\U000E006E\U000E007F", "hi"},
		{"Arabic with RLM kept", "مرحبا\u200f بالعالم", "مرحبا\u200f بالعالم"},
		{"Hebrew kept", "שלום עולם", "שלום עולם"},
		{"reference to ESC", "a&#x1b;[2Jb", "a\ufffd[2Jb"},
		{"decimal reference", "a&#27;b&#155;c", "a\ufffdb\ufffdc"},
		{"octal reference as Goldmark reads it", "a&#033;b", "a\ufffdb"},
		{"reference to RLO", "a&#x202E;b&#8238;c", "a\ufffdb\ufffdc"},
		{"reference joined by removal", "&#\x1b[m27;", "\ufffd"},
		{"safe references kept", "AT&#38;T &#x1F600; &#9; &#x; &amp; &shy; &zwj; &rlm; &zwsp;", "AT&#38;T &#x1F600; &#9; &#x; &amp; &shy; &zwj; &rlm; &zwsp;"},
		{"references to invisible characters", "a&#8203;b&#x200B;c&#xFEFF;d&#x2060;e&#xE0041;&#917631;f", "abcdef"},
		{"named references to invisible characters", "a&ZeroWidthSpace;b&NoBreak;c&it;d&NegativeThinSpace;e", "abcde"},
		{"invisible reference joined by removal", "&#x2&#x200B;00B;", "&#x2\ufffd00B;"},
		{"named reference joined by removal", "&Zero&ic;WidthSpace;", "&Zero\ufffdWidthSpace;"},
		{"control reference joined by a removed invisible one", "&#x1&#8203;b;", "&#x1\ufffdb;"},
		{"combining marks kept", "Tiếng Việt שָׁלוֹם नमस्ते", "Tiếng Việt שָׁלוֹם नमस्ते"},
		{"Zalgo pile cut", "Z" + strings.Repeat("\u0301", 50) + "a", "Z" + strings.Repeat("\u0301", 8) + "a"},
		{"Zalgo pile split by invisibles cut", "Z" + strings.Repeat("\u0301\u200b", 20), "Z" + strings.Repeat("\u0301", 8)},
		{"emoji variation selector kept", "\u2764\ufe0f", "\u2764\ufe0f"},
		{"soft hyphen and ZWNJ kept", "Donau\u00addampf می\u200cخواهم", "Donau\u00addampf می\u200cخواهم"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := feed.Sanitize(tt.in)
			if got != tt.want {
				t.Errorf("feed.Sanitize(%q) = %q, want %q", tt.in, got, tt.want)
			}
			safetest.AssertPrintable(t, got, false)
			if again := feed.Sanitize(got); again != got {
				t.Errorf("not idempotent: %q then %q", got, again)
			}
		})
	}
}

func TestSanitizeText(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"keeps paragraphs", "One.\n\nTwo.", "One.\n\nTwo."},
		{"CRLF and CR", "a\r\nb\rc", "a\nb\nc"},
		{"CR overwrite shows both", "Shown\rHidden", "Shown\nHidden"},
		{"unterminated OSC ends at line end", "a\x1b]0;gone\nkept", "a\nkept"},
		{"escape sequences", "\x1b[2J\x1b[HHello\x1b]52;c;eA==\x07\nWorld", "Hello\nWorld"},
		{"form feed", "page\fnext", "page\nnext"},
		{"tabs", "a\tb", "a b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := feed.SanitizeText(tt.in)
			if got != tt.want {
				t.Errorf("feed.SanitizeText(%q) = %q, want %q", tt.in, got, tt.want)
			}
			safetest.AssertPrintable(t, got, true)
		})
	}
}

func TestSanitizeLine(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "Harbour news", "Harbour news"},
		{"runs of spaces", "a  \n\n\t b", "a b"},
		{"escape sequence between spaces", "a \x1b[2J b", "a b"},
		{"multibyte around spaces", "é  ü", "é ü"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := feed.SanitizeLine(tt.in)
			if got != tt.want {
				t.Errorf("feed.SanitizeLine(%q) = %q, want %q", tt.in, got, tt.want)
			}
			safetest.AssertPrintable(t, got, false)
		})
	}
}

func TestSanitizePath(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "news/a.txt", "news/a.txt"},
		{"unicode", "news/日本/ä.txt", "news/日本/ä.txt"},
		{"escape shown", "news/\x1b[2Ja.txt", `news/\x1b[2Ja.txt`},
		{"bidi shown", "news/\u202etxt.exe", `news/\u202etxt.exe`},
		{"C1 shown", "a\u009bb", `a\x9bb`},
		{"invalid byte shown", "a\xffb", `a\xffb`},
		{"newline shown", "a\nb", `a\x0ab`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := feed.SanitizePath(tt.in)
			if got != tt.want {
				t.Errorf("feed.SanitizePath(%q) = %q, want %q", tt.in, got, tt.want)
			}
			safetest.AssertPrintable(t, got, false)
			if again := feed.SanitizePath(got); again != got {
				t.Errorf("not idempotent: %q then %q", got, again)
			}
		})
	}
}

func TestProblemString(t *testing.T) {
	p := feed.Problem{Path: "a\x1b]0;x\x07.txt", Reason: "bad \x1b[31mthing\u202e"}
	got := p.String()
	want := `a\x1b]0;x\x07.txt: bad thing`
	if got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}

func TestSanitizeStyled(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"styles kept", "\x1b[38;5;252;1mBold\x1b[m text", "\x1b[38;5;252;1mBold\x1b[m text"},
		{"hyperlink kept", "\x1b]8;;https://x.example/\x07link\x1b]8;;\x1b\\", "\x1b]8;;https://x.example/\x07link\x1b]8;;\x1b\\"},
		{"OSC 0 and OSC 52 removed", "\x1b[1ma\x1b]0;pwned\x07b\x1b]52;c;eA==\x07c\x1b[m", "\x1b[1mabc\x1b[m"},
		{"other CSI removed", "a\x1b[2Jb\x1b[?1049hc", "abc"},
		{"invisible characters removed", "\x1b[1ma\u200bb\u2060c\ufeffd\U000E0041e\x1b[m", "\x1b[1mabcde\x1b[m"},
		{"hyperlink with a control in it removed", "\x1b]8;;http://x\x1b[2J\x07t", "\ufffdt"},
		{"C1 and BEL", "a\u009b2Jb\x07c", "ab\ufffdc"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := feed.SanitizeStyled(tc.in); got != tc.want {
				t.Errorf("feed.SanitizeStyled(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}
