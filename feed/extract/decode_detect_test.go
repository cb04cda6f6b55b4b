package extract

import (
	"testing"

	"golang.org/x/text/encoding/charmap"

	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/feed/internal/safetest"
)

// TestLegacyEncodings checks that feeds in legacy encodings, declared or
// not, are read in them and not as Windows-1252.
func TestLegacyEncodings(t *testing.T) {
	tests := []struct {
		file string
		want want
	}{
		{"encoding/koi8r-feed.xml", want{title: "Мост через реку открыли после ремонта", outlet: "Новости Заречья", body: []string{"городской мост через реку"}}},
		{"encoding/koi8r-declared.xml", want{title: "Рынок переехал", outlet: "Новости Заречья", body: []string{"Субботний рынок"}}},
		{"encoding/cp1251-feed.xml", want{title: "Библиотека продлила часы работы", body: []string{"районная библиотека"}}},
		{"encoding/big5-feed.xml", want{title: "新公園週末開放", outlet: "河濱日報", body: []string{"河邊的新公園"}}},
		{"encoding/sjis-feed.xml", want{title: "新しい図書館が開館しました", outlet: "港町新聞", body: []string{"港町に新しい図書館"}}},
		{"encoding/cp1250-feed.xml", want{title: "Nová lávka přes řeku je otevřená", outlet: "Zpravodaj Údolí", body: []string{"Nová dřevěná lávka"}}},
		{"encoding/cp1253-feed.xml", want{title: "Η νέα γέφυρα άνοιξε", outlet: "Νέα της Κοιλάδας", body: []string{"πάνω από το ποτάμι"}}},
		// A page's own declaration wins over the detector, which is not
		// confident of so little text.
		{"encoding/koi8r-declared.html", want{title: "Рынок переехал", body: []string{"Субботний рынок переехал"}}},
		// Text in Windows-1252 stays so: the detector must be confident.
		{"encoding/latin1-feed.xml", want{title: "Crème brûlée festival", format: feed.FormatFeed}},
		{"encoding/cp1252.txt", want{body: []string{"crème brûlée — and the naïve charm"}}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			arts, probs := extractFile(t, tt.file)
			if len(arts) != 1 {
				t.Fatalf("got %d articles; problems: %s", len(arts), safetest.ProblemText(probs))
			}
			checkArticle(t, arts[0], tt.want)
		})
	}
}

func TestDetectEncodingKeepsLatin1(t *testing.T) {
	// Short Central European text reads almost as well as Windows-1252:
	// a close call goes to the fallback.
	for _, s := range []string{"Caf\xe9 cr\xe8me", "plain ASCII text", "na\xefve fa\xe7ade d\xe9j\xe0 vu"} {
		if got := detectEncoding([]byte(s)); got != charmap.Windows1252 {
			t.Errorf("detectEncoding(%q) = %v, want Windows-1252", s, got)
		}
	}
}
