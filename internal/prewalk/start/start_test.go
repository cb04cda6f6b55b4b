package start

import "testing"

func TestBallastFor(t *testing.T) {
	env := func(vars ...string) func(string) string {
		return func(k string) string {
			for i := 0; i+1 < len(vars); i += 2 {
				if vars[i] == k {
					return vars[i+1]
				}
			}
			return ""
		}
	}
	for _, c := range []struct {
		args []string
		env  func(string) string
		size int
		held bool
	}{
		{[]string{"broadsheet", "search", "harbour", "news"}, env(), searchBallastSize, true},
		{[]string{"broadsheet", "list", "news"}, env(), ballastSize, false},
		{[]string{"broadsheet", "stories", "search"}, env(), ballastSize, false},
		{[]string{"broadsheet"}, env(), ballastSize, false},
		{[]string{"broadsheet", "search", "harbour"}, env("GOGC", "100"), 0, false},
		{[]string{"broadsheet", "search", "harbour"}, env("GOMEMLIMIT", "1GiB"), 0, false},
		{[]string{"broadsheet", "list"}, env("GOGC", "off"), 0, false},
	} {
		size, held := ballastFor(c.args, c.env)
		if size != c.size || held != c.held {
			t.Errorf("%q: ballast %d, held %v; want %d, %v", c.args, size, held, c.size, c.held)
		}
	}
	if searchBallastSize <= ballastSize {
		t.Errorf("a search's ballast (%d) is no larger than the start's (%d)", searchBallastSize, ballastSize)
	}
}
