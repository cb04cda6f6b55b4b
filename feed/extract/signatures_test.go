package extract

import (
	"strings"
	"testing"
)

func TestParseSignatures(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    int    // signatures read
		wantErr string // a part of the error, "" for none
	}{
		{"one outlet", "[[outlet]]\noutlet = \"The Lamp\"\nnames = [\"Lamp\"]\ndomains = [\"lamp.example\"]\n", 1, ""},
		{"empty", "", 0, ""},
		{"syntax error names its line", "[[outlet]]\noutlet = \"The Lamp\"\nnames = [\"Lamp\"\n", 0, "line 3"},
		{"unknown key names its line", "[[outlet]]\noutlet = \"The Lamp\"\nnmaes = [\"Lamp\"]\n", 0, "line 3"},
		{"missing outlet names its table", "[[outlet]]\noutlet = \"A\"\n\n[[outlet]]\nnames = [\"B\"]\n", 0, "line 4"},
		{"wrong type", "[[outlet]]\noutlet = \"A\"\nnames = \"B\"\n", 0, "line"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseSignatures([]byte(tt.in))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want it to mention %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != tt.want {
				t.Errorf("read %d signatures, want %d", len(got), tt.want)
			}
		})
	}
}

func TestBuiltinSignaturesParse(t *testing.T) {
	sigs, err := ParseSignatures(builtinTOML)
	if err != nil {
		t.Fatal(err)
	}
	if len(sigs) < 20 {
		t.Errorf("%d built-in outlets, want a reasonable set", len(sigs))
	}
}

func TestCanonical(t *testing.T) {
	s := DefaultSignatures()
	s.Add(Signature{Outlet: "The Daily Lamp", Names: []string{"Daily Lamp"}, Domains: []string{"dailylamp.example"}})
	tests := []struct{ in, want string }{
		{"The Guardian - AU", "The Guardian"},
		{"theguardian.com", "The Guardian"},
		{"https://www.theguardian.com/world/2024/jun/19/x", "The Guardian"},
		{"amp.theguardian.com", "The Guardian"},
		{"guardian", "The Guardian"},
		{"BBC News | World", "BBC News"},
		{"independent.co.uk", "The Independent"},
		{"Daily Lamp", "The Daily Lamp"},
		{"news.dailylamp.example", "The Daily Lamp"},
		{"  Some   Local Paper ", "Some Local Paper"},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := s.Canonical(tt.in); got != tt.want {
				t.Errorf("Canonical(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestCopyrightHolder(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Copyright © 2019 The Paradigm. All Rights Reserved.", "The Paradigm"},
		{"© 2019 Cleveland.com. All rights reserved (About Us).", "Cleveland.com"},
		{"©2019 The Associated Press. All rights reserved.", "The Associated Press"},
		{"© 2000-2019 Rogers Media. All rights reserved. Privacy Policy", "Rogers Media"},
		{"© Copyright of Harbour Media Group Limited 2008", "Harbour Media Group"},
		{"Copyright 2007 by The Quay Press. All Rights Reserved.", "The Quay Press"},
		{"Copyright (c) Quay Sport 2008, All Rights Reserved.", "Quay Sport"},
		{"Copyright © MMVIII. All rights reserved.", ""},
		{"© 2007 Quay Radio Privacy Policy", "Quay Radio"},
		{"Copyright © 2008. Quay Times.", "Quay Times"},
		{"© 2008 J. Quayle Press. All rights reserved.", "J. Quayle Press"},
		{"© 2007 The Q.R. Harbour Co.", "The Q.R. Harbour"},
		{"© 2007 The Harbour Post. Q.R. Media", "The Harbour Post"},
		{"Copyright laws protect this work, which may not be reproduced without the written permission of its many authors", ""},
	}
	for _, tt := range tests {
		if got := copyrightHolder(tt.in, strings.ToLower(tt.in)); got != tt.want {
			t.Errorf("copyrightHolder(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestCopyrightHolderForms: notices with the sign last, with no sign,
// with "(c)" alone, in lower case, and naming the site and its owner.
func TestCopyrightHolderForms(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Quay Times Newspaper, 2008 ©", "Quay Times"},
		{"Quay Times - All Rights Reserved", "Quay Times"},
		{"(c) 2008 Quayside.example, All Rights Reserved.", "Quayside.example"},
		{"© quayside 2000-2008 All rights reserved. Terms and conditions.", "quayside"},
		{"© Copyright by the Quay Herald and Harbour Media.", "Quay Herald"},
		{"© 2008 Fish and Chips Ltd. All rights reserved.", "Fish and Chips"},
		{"Some rights reserved: the photographs are the authors' own", ""},
		{"© the 2008 All rights reserved", ""},
	}
	for _, tt := range tests {
		if got := copyrightHolder(tt.in, strings.ToLower(tt.in)); got != tt.want {
			t.Errorf("copyrightHolder(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// mayHoldSeparator finds every separator lookup splits names at, in
// any text around it, and passes over names without one.
func TestMayHoldSeparator(t *testing.T) {
	for _, sep := range nameSeparators {
		for _, s := range []string{sep, "a" + sep + "b", "The Harbour Post" + sep + "Home"} {
			if !mayHoldSeparator(s) {
				t.Errorf("mayHoldSeparator(%q) = false", s)
			}
		}
	}
	for _, s := range []string{"", "The Harbour Post", "Café Gazette", "A. N. Other 2025"} {
		if mayHoldSeparator(s) {
			t.Errorf("mayHoldSeparator(%q) = true", s)
		}
	}
}
