package cli

import "runtime/debug"

// fallbackVersion is the version reported when the build carries none,
// as in tests and `go run`.
const fallbackVersion = "0.1.0-dev"

// Version returns Broadsheet's version: the module version the binary
// was built at (go install …@v1.2.3), else fallbackVersion with the
// commit it was built from when Go recorded one.
func Version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return fallbackVersion
	}
	if v := bi.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	rev, dirty := "", ""
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value[:min(len(s.Value), 12)]
		case "vcs.modified":
			if s.Value == "true" {
				dirty = "+dirty"
			}
		}
	}
	if rev == "" {
		return fallbackVersion
	}
	return fallbackVersion + " (" + rev + dirty + ")"
}
