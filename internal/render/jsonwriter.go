package render

import (
	"io"
	"strings"
	"unicode/utf8"
)

// jsonWriter appends a JSON document to buf value by value, laid out
// exactly as json.MarshalIndent(v, "", "  ") lays out v or, when
// compact, as json.Marshal does, its strings escaped as encoding/json
// escapes them (see appendJSONString). The exports write their fields
// with it one by one: encoding/json would reflect on every struct of a
// long chronology and MarshalIndent copy the whole document twice.
type jsonWriter struct {
	buf     []byte
	compact bool
	// out, when set, takes the document as it is written (flush,
	// finish); err is its first error.
	out io.Writer
	err error
	// open holds the objects and arrays being written, innermost last.
	open []jsonContainer
	// keyed is true between a key and its value.
	keyed bool
}

// jsonContainer is an object or array being written: the byte that
// closes it and whether it has a member yet.
type jsonContainer struct {
	close    byte
	nonEmpty bool
}

// newJSONWriter returns a writer whose buffer starts with room for size
// bytes.
func newJSONWriter(size int, compact bool) *jsonWriter {
	return &jsonWriter{buf: make([]byte, 0, size), compact: compact}
}

// value starts a value: after its key, or as the next member of the
// array being written, on its own line when indented.
func (w *jsonWriter) value() {
	if w.keyed {
		w.keyed = false
		return
	}
	if len(w.open) == 0 {
		return
	}
	c := &w.open[len(w.open)-1]
	if c.nonEmpty {
		w.buf = append(w.buf, ',')
	}
	c.nonEmpty = true
	w.newline()
}

// newline starts a line indented to the depth being written.
func (w *jsonWriter) newline() {
	if w.compact {
		return
	}
	w.buf = append(w.buf, '\n')
	for range w.open {
		w.buf = append(w.buf, ' ', ' ')
	}
}

// mark starts the next value, as its first byte will, and returns where
// that byte will be: the value's bytes from there can be written again
// with raw, in the same place of the document.
func (w *jsonWriter) mark() int {
	w.value()
	w.keyed = true
	return len(w.buf)
}

// raw writes the next value as data, bytes a mark gave at the same place
// of a document.
func (w *jsonWriter) raw(data []byte) {
	w.value()
	w.buf = append(w.buf, data...)
}

// beginObject starts an object, beginArray an array; end closes the
// innermost one.
func (w *jsonWriter) beginObject() { w.begin('{', '}') }

func (w *jsonWriter) beginArray() { w.begin('[', ']') }

func (w *jsonWriter) begin(open, close byte) {
	w.value()
	w.buf = append(w.buf, open)
	w.open = append(w.open, jsonContainer{close: close})
}

func (w *jsonWriter) end() {
	c := w.open[len(w.open)-1]
	w.open = w.open[:len(w.open)-1]
	if c.nonEmpty {
		w.newline()
	}
	w.buf = append(w.buf, c.close)
}

// key starts an object's member; its value follows.
func (w *jsonWriter) key(name string) {
	w.value()
	w.buf = appendJSONString(w.buf, name)
	w.buf = append(w.buf, ':')
	if !w.compact {
		w.buf = append(w.buf, ' ')
	}
	w.keyed = true
}

// string writes s as a JSON string.
func (w *jsonWriter) string(s string) {
	w.value()
	w.buf = appendJSONString(w.buf, s)
}

// field writes the member name: s.
func (w *jsonWriter) field(name, s string) {
	w.key(name)
	w.string(s)
}

// stringBytes writes b as a JSON string: the exports build a long
// string in a reused buffer instead of allocating it.
func (w *jsonWriter) stringBytes(b []byte) {
	w.value()
	w.buf = appendJSONString(w.buf, b)
}

// fieldOmitEmpty writes the member name: s unless s is empty, as a
// field tagged omitempty.
func (w *jsonWriter) fieldOmitEmpty(name, s string) {
	if s != "" {
		w.field(name, s)
	}
}

// strings writes list as an array of strings, and a nil list as null,
// as encoding/json writes a []string.
func (w *jsonWriter) strings(list []string) {
	if list == nil {
		w.value()
		w.buf = append(w.buf, "null"...)
		return
	}
	w.beginArray()
	for _, s := range list {
		w.string(s)
	}
	w.end()
}

// bytes returns the document with a final newline.
func (w *jsonWriter) bytes() []byte {
	return append(w.buf, '\n')
}

// jsonChunk is how many bytes a jsonWriter with an out holds before
// flush hands them on.
const jsonChunk = 64 << 10

// newJSONStream returns a writer that hands the document to out as it
// is written, a chunk at a time.
func newJSONStream(out io.Writer, compact bool) *jsonWriter {
	return &jsonWriter{buf: make([]byte, 0, jsonChunk+jsonChunk/4), compact: compact, out: out}
}

// flush hands the bytes written so far to w.out, once they fill a
// chunk: call it between values, never between a mark and the bytes
// read from it.
func (w *jsonWriter) flush() {
	if w.out == nil || len(w.buf) < jsonChunk {
		return
	}
	w.write()
}

// finish ends the document with a newline, hands the rest of it to
// w.out and returns the first error out gave.
func (w *jsonWriter) finish() error {
	w.buf = append(w.buf, '\n')
	w.write()
	return w.err
}

func (w *jsonWriter) write() {
	if w.err == nil {
		_, w.err = w.out.Write(w.buf)
	}
	w.buf = w.buf[:0]
}

// jsonSafe marks the ASCII bytes that encoding/json writes as they are:
// all but control characters, quotes, backslashes, "<", ">" and "&".
var jsonSafe = func() (safe [utf8.RuneSelf]bool) {
	for b := byte(0x20); b < utf8.RuneSelf; b++ {
		safe[b] = !strings.ContainsRune(`"\<>&`, rune(b))
	}
	return safe
}()

// appendJSONString appends s as a JSON string, escaped exactly as
// encoding/json escapes it: quotes, backslashes and control characters,
// "<", ">" and "&" (as \u003c, \u003e, \u0026), U+2028 and U+2029, and
// each byte of invalid UTF-8 as \ufffd.
func appendJSONString[T string | []byte](dst []byte, s T) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		b := s[i]
		if b < utf8.RuneSelf {
			if jsonSafe[b] {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch b {
			case '"', '\\':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hex[b>>4], hex[b&0xF])
			}
			i++
			start = i
			continue
		}
		// Only a few bytes are converted, so a []byte's copy stays on the
		// stack.
		r, size := utf8.DecodeRuneInString(string(s[i:min(i+utf8.UTFMax, len(s))]))
		switch {
		case r == utf8.RuneError && size == 1:
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hex[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}
