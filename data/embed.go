// Package data holds the sample articles Broadsheet opens when it is given
// no paths. They are written for Broadsheet, in the raw style of text
// scraped from news pages, about fictional outlets and events.
package data

import "embed"

// FS holds the sample articles.
//
//go:embed *.txt
var FS embed.FS
