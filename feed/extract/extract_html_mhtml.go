package extract

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/textproto"
	"strings"
)

// isMHTML reports whether data is a page saved as a single file (.mht,
// .mhtml): a MIME message whose parts are the page and its resources.
func isMHTML(ext string, data []byte) bool {
	if ext == "mht" || ext == "mhtml" {
		return true
	}
	head := bytes.ToLower(firstBytes(skipSpaceAndBOM(data), 2048))
	return bytes.Contains(head, []byte("mime-version:")) && bytes.Contains(head, []byte("multipart/related"))
}

// mhtmlPage returns the HTML part of a single-file page and the address
// the page was saved from.
func mhtmlPage(data []byte) (page []byte, location string, err error) {
	r := textproto.NewReader(bufio.NewReader(bytes.NewReader(skipSpaceAndBOM(data))))
	hdr, err := r.ReadMIMEHeader()
	if err != nil && len(hdr) == 0 {
		return nil, "", errors.New("mhtml: unreadable header")
	}
	mt, params, err := mime.ParseMediaType(hdr.Get("Content-Type"))
	if err != nil || !strings.HasPrefix(mt, "multipart/") || params["boundary"] == "" {
		return nil, "", errors.New("mhtml: not a multipart message")
	}
	location = hdr.Get("Snapshot-Content-Location")
	mr := multipart.NewReader(r.R, params["boundary"])
	for {
		part, err := mr.NextRawPart()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return nil, "", errors.New("mhtml: no HTML part")
			}
			return nil, "", errors.New("mhtml: " + err.Error())
		}
		ct, _, _ := mime.ParseMediaType(part.Header.Get("Content-Type"))
		if ct != "text/html" {
			continue
		}
		var body io.Reader = part
		switch strings.ToLower(part.Header.Get("Content-Transfer-Encoding")) {
		case "quoted-printable":
			body = quotedprintable.NewReader(part)
		case "base64":
			body = base64.NewDecoder(base64.StdEncoding, part)
		}
		page, err := io.ReadAll(body)
		if err != nil && len(page) == 0 {
			return nil, "", errors.New("mhtml: " + err.Error())
		}
		if location == "" {
			location = part.Header.Get("Content-Location")
		}
		return page, location, nil
	}
}
