package feed_test

import (
	"strings"
	"testing"

	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/feed/internal/safetest"
)

// FuzzSanitize checks that sanitized text holds nothing a terminal acts
// on and that sanitizing twice changes nothing.
//
// Run: go test ./feed -run '^$' -fuzz '^FuzzSanitize$' -fuzztime 3m
// (3 minutes on 2 cores three times: 0.5, 0.6 and 1.4 million inputs, as
// references and then combining marks were handled; no failures).
func FuzzSanitize(f *testing.F) {
	for _, s := range []string{
		"", "plain", "a\x1b[2Jb", "\x1b]52;c;eA==\x07", "\x1b]8;;u\x1b\\x\x1b]8;;\x1b\\",
		"\u009b31m", "\u009d0;t\u009c", "\x1bPq\x1b\\", "a\r\nb\rc", "\u202eabc\u2066",
		"🏴\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F", "\xff\xfe\x00", "\x1b", "\x1b[", "\x1b]",
		"&#x200B;&ZeroWidthSpace;&#xFEFF;&#x2060;&#xE0041;", "&#x2&#x200B;00B;", "&Zero&ic;WidthSpace;",
		"&#x1&NoBreak;b;]0;t&#7;", "&#\x1b[m&#8203;27;", "🏴&#xE0067;&#xE007F;",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		one := feed.Sanitize(s)
		safetest.AssertPrintable(t, one, false)
		if strings.Contains(one, "\n") {
			t.Errorf("feed.Sanitize(%q) = %q holds a newline", s, one)
		}
		if again := feed.Sanitize(one); again != one {
			t.Errorf("Sanitize not idempotent on %q: %q then %q", s, one, again)
		}
		text := feed.SanitizeText(s)
		safetest.AssertPrintable(t, text, true)
		// What is derived from safe text stays safe: a lead made by
		// stripping Markdown marks must not join a reference.
		safetest.AssertPrintable(t, feed.LeadOf(text), false)
		safetest.AssertPrintable(t, feed.PlainText(text), false)
		if again := feed.SanitizeText(text); again != text {
			t.Errorf("SanitizeText not idempotent on %q: %q then %q", s, text, again)
		}
		path := feed.SanitizePath(s)
		// A path is shown as it is, never through Markdown, so a
		// reference in it is only text.
		safetest.AssertPrintable(t, strings.ReplaceAll(path, "&", "+"), false)
		if again := feed.SanitizePath(path); again != path {
			t.Errorf("SanitizePath not idempotent on %q: %q then %q", s, path, again)
		}
	})
}
