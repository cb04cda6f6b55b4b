package load_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/broadsheet/broadsheet/feed"
	"github.com/broadsheet/broadsheet/feed/load"
)

// seedsDir holds the shared seed pages and their expected extraction. It
// lives outside the repository; the test skips when it is absent.
const seedsDir = "../../../shared/seeds"

// seedSpec is one article of seeds/expected.json.
type seedSpec struct {
	File             string    `json:"file"`
	OutletContains   []*string `json:"outlet_contains"`
	TitleExact       *string   `json:"title_exact"`
	TitleMustNot     []string  `json:"title_must_not_contain"`
	BylineContains   []string  `json:"byline_contains"`
	DateAccept       []*string `json:"date_accept"`
	BodyMustContain  []string  `json:"body_must_contain"`
	BodyMustNotHold  []string  `json:"body_must_not_contain"`
	AtMostOnce       []string  `json:"at_most_once"`
	TitleSynthesized bool      `json:"title_synthesized"`
}

// TestSeeds runs the checks of shared/checks/seeds.py in process: each
// seed page is loaded as `broadsheet show` loads it, and its outlet,
// title, byline, date and body are held to expected.json.
func TestSeeds(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join(seedsDir, "expected.json"))
	if err != nil {
		t.Skipf("no shared seeds: %v", err)
	}
	var spec struct {
		Articles []seedSpec `json:"articles"`
	}
	if err := json.Unmarshal(raw, &spec); err != nil {
		t.Fatalf("expected.json: %v", err)
	}
	for _, s := range spec.Articles {
		t.Run(strings.TrimSuffix(s.File, ".txt"), func(t *testing.T) {
			path := filepath.Join(seedsDir, s.File)
			store := (&load.Loader{}).Load(context.Background(), []string{path})
			arts := store.Articles()
			if len(arts) != 1 {
				t.Fatalf("read %d articles, want 1 (problems: %v)", len(arts), store.Problems())
			}
			checkSeed(t, s, arts[0])
		})
	}
}

// checkSeed holds one article to its expectations, check by check as
// seeds.py does.
func checkSeed(t *testing.T, s seedSpec, a *feed.Article) {
	t.Helper()
	outlet := sampleFold(a.Outlet)
	ok := false
	for _, want := range s.OutletContains {
		if want == nil && outlet == "" || want != nil && *want != "" &&
			strings.Contains(strings.ToLower(outlet), strings.ToLower(*want)) {
			ok = true
		}
	}
	if !ok {
		t.Errorf("outlet = %q, want one of %v", outlet, derefAll(s.OutletContains))
	}

	title := sampleFold(a.Title)
	if s.TitleExact != nil {
		if title != *s.TitleExact {
			t.Errorf("title = %q, want %q", title, *s.TitleExact)
		}
		if a.TitleSynthesized {
			t.Errorf("title %q marked synthesized", title)
		}
	} else {
		if n := len([]rune(title)); n == 0 || n > 160 {
			t.Errorf("title %q: want 1 to 160 characters", title)
		}
		if !a.TitleSynthesized {
			t.Errorf("title %q not marked synthesized", title)
		}
		for _, w := range s.TitleMustNot {
			if strings.Contains(strings.ToLower(title), strings.ToLower(w)) {
				t.Errorf("title %q holds %q", title, w)
			}
		}
	}

	for _, w := range s.BylineContains {
		if !strings.Contains(sampleFold(a.Byline), w) {
			t.Errorf("byline = %q, want it to hold %q", a.Byline, w)
		}
	}

	date := a.DateString()
	ok = false
	for _, want := range s.DateAccept {
		if want == nil && date == "" || want != nil && *want == date {
			ok = true
		}
	}
	if !ok {
		t.Errorf("date = %q, want one of %v", date, derefAll(s.DateAccept))
	}

	body := samplePlain(a.Body)
	for _, w := range s.BodyMustContain {
		if !strings.Contains(body, sampleFold(w)) {
			t.Errorf("body lacks %q", w)
		}
	}
	for _, w := range s.BodyMustNotHold {
		if strings.Contains(body, sampleFold(w)) {
			t.Errorf("body holds %q", w)
		}
	}
	for _, w := range s.AtMostOnce {
		if n := strings.Count(body, sampleFold(w)); n > 1 {
			t.Errorf("body holds %q %d times, want at most once", w, n)
		}
	}
}

func derefAll(ps []*string) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		if p == nil {
			out[i] = "<none>"
		} else {
			out[i] = *p
		}
	}
	return out
}
