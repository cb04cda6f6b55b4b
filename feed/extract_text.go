package feed

import "strings"

// extractTextFile reads a plain-text article scraped from a web page.
func extractTextFile(x *Extractor, src Source) ([]*Article, []Problem) {
	text := strings.ReplaceAll(string(src.Data), "\r\n", "\n")
	var paras []string
	for _, p := range strings.Split(text, "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			paras = append(paras, p)
		}
	}
	if len(paras) == 0 {
		return nil, []Problem{{Path: src.Path, Reason: "empty file"}}
	}
	a := &Article{Format: FormatText}
	if len(paras) > 1 && len(paras[0]) < 160 && !strings.ContainsAny(paras[0], "\n") {
		a.Title, paras = paras[0], paras[1:]
	}
	a.Body = strings.Join(paras, "\n\n")
	return []*Article{a}, nil
}
