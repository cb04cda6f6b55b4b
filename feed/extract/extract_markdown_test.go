package extract

import (
	"reflect"
	"strings"
	"testing"
)

func TestParseYAMLFields(t *testing.T) {
	tests := []struct {
		name  string
		front string
		want  map[string]any
	}{
		{"flat fields", "title: \"T\"\nauthor: A\ndate: 2024-01-01", map[string]any{"title": "T", "author": "A", "date": "2024-01-01"}},
		{"scalars as written", "date: 1700000000\ndraft: true\nweight: 1.50", map[string]any{"date": "1700000000", "draft": "true", "weight": "1.50"}},
		{"keys lowered", "Title: Upper\nDATE: 2024-01-01T10:00:00Z", map[string]any{"title": "Upper", "date": "2024-01-01T10:00:00Z"}},
		{"inline list", "authors: [\"A B\", 'C D', ]", map[string]any{"authors": []string{"A B", "C D"}}},
		{"block list", "tags:\n  - a\n  - b", map[string]any{"tags": []string{"a", "b"}}},
		{"empty list", "tags: []", map[string]any{"tags": []string(nil)}},
		{"empty value skipped", "title: x\nempty:", map[string]any{"title": "x"}},
		{"nested map skipped", "title: Hello\nauthor:\n  name: Jane", map[string]any{"title": "Hello"}},
		{"comments", "# c\ntitle: foo # trailing", map[string]any{"title": "foo"}},
		{"escapes", `title: "a \"quoted\" word"`, map[string]any{"title": `a "quoted" word`}},
		{"block scalar", "description: |\n  one\n  two\ntitle: x", map[string]any{"description": "one\ntwo", "title": "x"}},
		{"alias to scalar", "title: &t The Title\nheadline: *t", map[string]any{"title": "The Title", "headline": "The Title"}},
		{"last key wins", "title: x\ntitle: y", map[string]any{"title": "y"}},
		{"empty", "", map[string]any{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseYAMLFields(tt.front)
			if err != nil {
				t.Fatalf("error: %v", err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %#v, want %#v", got, tt.want)
			}
		})
	}
}

func TestParseYAMLFieldsRefuses(t *testing.T) {
	tests := []struct {
		name  string
		front string
	}{
		{"not a map", "A title here"},
		{"a list", "- a\n- b"},
		{"colon in a plain value", "title: Breaking: ferry strike"},
		{"unclosed quote", `title: "unbalanced`},
		{"too large", strings.Repeat("key: value\n", MaxFrontMatter/10)},
		{"nested flow", "a: " + strings.Repeat("[", 10_000) + strings.Repeat("]", 10_000)},
		{"unclosed flow", "a: " + strings.Repeat("{a: [", 2_000)},
		{"nested entries", "a:\n" + strings.Repeat("- ", 1_000) + "x"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, err := parseYAMLFields(tt.front); err == nil {
				t.Errorf("no error; fields %v", got)
			}
		})
	}
}

// TestParseYAMLFieldsHostile checks that front matter built to exhaust a
// parser is read within its bounds: aliases are never expanded, and
// text that is not UTF-8 comes back as text.
func TestParseYAMLFieldsHostile(t *testing.T) {
	var bomb strings.Builder
	bomb.WriteString("a: &a [x, x, x, x, x, x, x, x, x]\n")
	for c := 'b'; c <= 'j'; c++ {
		p := string(c - 1)
		bomb.WriteString(string(c) + ": &" + string(c) + " [" + strings.Repeat("*"+p+", ", 8) + "*" + p + "]\n")
	}
	bomb.WriteString("title: *j\n")
	tests := []struct {
		name  string
		front string
	}{
		{"alias bomb", bomb.String()},
		{"many aliases", "a: &a x\n" + strings.Repeat("b: [*a, *a, *a, *a, *a]\n", 600)},
		{"not utf-8", "title: \xff\xfe bad \xc3\x28\nauthor: \x80\x81"},
		{"long value", "title: " + strings.Repeat("w ", MaxFrontMatter/2-8)},
		{"deep indentation", "a:\n" + strings.Repeat(" ", MaxFrontMatter-20) + "b: c"},
		{"many keys", strings.Repeat("k: v\n", MaxFrontMatter/5-1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fields, _ := parseYAMLFields(tt.front)
			size := 0
			for _, v := range fields {
				switch v := v.(type) {
				case string:
					size += len(v)
				case []string:
					for _, s := range v {
						size += len(s)
					}
				}
			}
			if size > len(tt.front) {
				t.Errorf("%d bytes of fields from %d bytes of front matter", size, len(tt.front))
			}
		})
	}
}
