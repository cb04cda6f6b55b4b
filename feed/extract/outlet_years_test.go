package extract

import (
	"strings"
	"testing"
)

func TestCopyrightHolderYears(t *testing.T) {
	tests := []struct{ line, want string }{
		{"© The Northern Gazette 2021. All rights reserved.", "The Northern Gazette"},
		{"© 2021 The Northern Gazette. All rights reserved.", "The Northern Gazette"},
		{"Copyright © The Lantern 2019–2024. All rights reserved.", "The Lantern"},
		{"© Radio 4 2024. All rights reserved.", "Radio 4"},
		{"© 2024 Channel 4. All rights reserved.", "Channel 4"},
	}
	for _, tt := range tests {
		if got := copyrightHolder(tt.line, strings.ToLower(tt.line)); got != tt.want {
			t.Errorf("copyrightHolder(%q) = %q, want %q", tt.line, got, tt.want)
		}
	}
}
