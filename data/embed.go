// Package data holds the sample articles Broadsheet opens when it is given
// no paths. They are written for Broadsheet, in the raw style of text
// scraped from news pages, about fictional outlets and events.
package data

import "embed"

// FS holds the sample articles.
//
//go:embed *.txt
var FS embed.FS

// Signatures is the outlet signature table for the sample outlets, in
// TOML: one [[outlet]] table each with its canonical name, printed names,
// domains and chrome phrases. Some samples name their outlet nowhere and
// are recognised only by the chrome listed here.
//
//go:embed signatures.toml
var Signatures []byte
