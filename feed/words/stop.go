package words

import (
	"strings"

	"github.com/kljensen/snowball/english"
)

// Stop words are the words too common to say what a text is about.
// There is one English list, IsStop's; story grouping adds a few words
// of news English to it (see feed/story), and extraction keeps a shorter
// list of several languages, FunctionWords, to tell prose from page
// furniture by how densely a line holds them.

// englishStops is the English stop words: the list of the Snowball
// project, word for word as github.com/kljensen/snowball's
// english.IsStopWord holds it (see TestStopWordsAreSnowballs), which
// cannot be listed.
const englishStops = `a about above after again against all am an and any are as at be because been before being below
between both but by can did do does doing don down during each few for from further had has have having he her
here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of
off on once only or other our ours ourselves out over own s same she should so some such t than that the their
theirs them themselves then there these they this those through to too under until up very was we were what when
where which while who whom why will with you your yours yourself yourselves`

// IsStop reports whether a folded word (see AppendFold) is an English
// stop word. It asks github.com/kljensen/snowball, whose switch is
// quicker than a map.
func IsStop(w string) bool { return english.IsStopWord(w) }

// StopWords returns the English stop words, those IsStop reports.
func StopWords() []string { return strings.Fields(englishStops) }

// FunctionWords returns the commonest function words of the languages
// news is most often scraped in. Running text is dense with them; menus,
// labels and lists of headlines are not. The English ones are fewer than
// StopWords, and seven are not among those: "also", "could", "one",
// "said", "says", "us" and "would", which prose uses and page furniture
// does not.
func FunctionWords() []string {
	var out []string
	for _, list := range []string{
		// English
		`a about after all also an and any are as at be been before but by can could did do does for from had has have he her
		 him his how i if in into is it its just more most my no not now of on one only or other our out over said says she so
		 some than that the their them then there these they this those through to too up us was we were what when where which
		 while who will with would you your`,
		// Spanish and Portuguese
		`al como con da das de del do dos e el em en entre es esta este está foi la las lo los mais mas na nas no nos o os para
		 pela pelo por que se ser sua seu sus um uma un una y à às ao aos é`,
		// French
		`au aux ce ces dans des du elle est et il ils je le les leur mais ne nous par pas plus pour qui sa ses son sont sur une
		 été`,
		// German and Dutch
		`auf aus bei das dem den der des die ein eine einem einen einer es für hat ich im ist mit nach nicht sich sie und von
		 war wie wird zu zum zur het een van zijn niet op voor dat ook`,
		// Italian
		`che di gli il nel nella non per più sono della delle degli alla alle dei`,
	} {
		out = append(out, strings.Fields(list)...)
	}
	return out
}
