package render

import (
	"encoding/xml"
	"strings"
	"unicode/utf8"
)

// xmlWriter appends an XML document to buf element by element, after
// xml.Header, laid out exactly as xml.MarshalIndent(v, "", "  ") lays
// out v, with text and attribute values escaped as encoding/xml escapes
// them (see appendXMLText). The sitemap and the Atom feed are written
// with it: encoding/xml reflects on every field of every URL.
type xmlWriter struct {
	buf   []byte
	depth int
	// childless is true from an element's start until a child starts:
	// its end then stays on its line.
	childless bool
	// started is true once the first element is written.
	started bool
}

// newXMLWriter returns a writer whose buffer starts with room for size
// bytes.
func newXMLWriter(size int) *xmlWriter {
	return &xmlWriter{buf: append(make([]byte, 0, size), xml.Header...)}
}

// newline starts a line indented to the depth being written; the first
// element follows the header directly.
func (w *xmlWriter) newline() {
	if w.started {
		w.buf = append(w.buf, '\n')
	}
	w.started = true
	for range w.depth {
		w.buf = append(w.buf, ' ', ' ')
	}
}

// start opens element name, with attrs as name, value pairs.
func (w *xmlWriter) start(name string, attrs ...string) {
	w.newline()
	w.buf = append(append(w.buf, '<'), name...)
	for i := 0; i+1 < len(attrs); i += 2 {
		w.buf = append(append(append(w.buf, ' '), attrs[i]...), '=', '"')
		w.buf = appendXMLText(w.buf, attrs[i+1])
		w.buf = append(w.buf, '"')
	}
	w.buf = append(w.buf, '>')
	w.depth++
	w.childless = true
}

// end closes element name.
func (w *xmlWriter) end(name string) {
	w.depth--
	if !w.childless {
		w.newline()
	}
	w.childless = false
	w.buf = append(append(append(w.buf, '<', '/'), name...), '>')
}

// text writes s as the text of the element being written.
func (w *xmlWriter) text(s string) {
	w.buf = appendXMLText(w.buf, s)
}

// element writes element name holding text, with attrs as name, value
// pairs.
func (w *xmlWriter) element(name, text string, attrs ...string) {
	w.start(name, attrs...)
	w.text(text)
	w.end(name)
}

// bytes returns the document with a final newline.
func (w *xmlWriter) bytes() []byte {
	return append(w.buf, '\n')
}

// appendXMLText appends s escaped exactly as encoding/xml escapes text
// and attribute values: quotes, "&", "<" and ">", tabs and line breaks
// as character references, and characters XML does not allow (control
// characters, each byte of invalid UTF-8) as U+FFFD.
func appendXMLText(dst []byte, s string) []byte {
	start := 0
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf && xmlSafe[s[i]] {
			i++
			continue
		}
		var esc string
		r, width := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, width = utf8.DecodeRuneInString(s[i:])
		}
		switch r {
		case '"':
			esc = "&#34;"
		case '\'':
			esc = "&#39;"
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '\t':
			esc = "&#x9;"
		case '\n':
			esc = "&#xA;"
		case '\r':
			esc = "&#xD;"
		default:
			if !xmlAllows(r) || (r == utf8.RuneError && width == 1) {
				esc = "\uFFFD"
				break
			}
			i += width
			continue
		}
		dst = append(append(dst, s[start:i]...), esc...)
		i += width
		start = i
	}
	return append(dst, s[start:]...)
}

// xmlSafe marks the ASCII bytes that encoding/xml writes as they are:
// all but control characters, quotes, "&", "<" and ">".
var xmlSafe = func() (safe [utf8.RuneSelf]bool) {
	for b := byte(0x20); b < utf8.RuneSelf; b++ {
		safe[b] = !strings.ContainsRune(`"'&<>`, rune(b))
	}
	return safe
}()

// xmlAllows reports whether r is a character XML 1.0 allows (its Char
// production).
func xmlAllows(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}
