package content

import (
	"bytes"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// parseYAML parses data, one YAML document, into its root node.
// Problems with the bytes themselves (invalid UTF-8, control characters,
// syntax, an unknown anchor, a second document) are reported at their
// line and give nil; so does an empty document, which callers report as
// they see fit.
func (d *decoder) parseYAML(data []byte) *yaml.Node {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if len(data) > MaxYAMLSize {
		d.errorAt(position(d.path, 0, 0), "%d bytes of YAML (want at most %d; split the file)", len(data), MaxYAMLSize)
		return nil
	}
	if !utf8.Valid(data) {
		line, col := invalidUTF8Position(data)
		d.errorAt(position(d.path, line+d.lineOffset, col), "invalid UTF-8 (want a UTF-8 text file)")
		return nil
	}
	if line, col, r := controlPosition(data); line > 0 {
		d.errorAt(position(d.path, line+d.lineOffset, col), "control character %U (want text; YAML allows none but tab and line ends)", r)
		return nil
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if err != io.EOF {
			d.syntaxError(data, err)
		}
		return nil
	}
	var second yaml.Node
	switch err := dec.Decode(&second); {
	case err == io.EOF:
	case err != nil:
		d.syntaxError(data, err)
		return nil
	default:
		d.errorAt(position(d.path, second.Line+d.lineOffset, 1), "a second YAML document (\"---\"): its fields would be ignored (want one document per file; remove the \"---\" line or move what follows to a file of its own)")
		return nil
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return nil
	}
	return doc.Content[0]
}

// syntaxError reports a yaml.v3 syntax error at its line: the one the
// parser names, or, for an unknown anchor, where its alias is.
func (d *decoder) syntaxError(data []byte, err error) {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if name, ok := unknownAnchor(msg); ok {
		line, col := aliasPosition(data, name)
		d.errorAt(position(d.path, line+d.lineOffset, col), "YAML syntax: alias *%s names no anchor (want an anchor &%s defined before it, or no alias)", name, name)
		return
	}
	line := min(syntaxErrorLine(err), lastTextLine(data))
	col := firstColumn(data, line)
	if tabLine, tabCol := tabIndent(data, line); tabLine > 0 {
		d.errorAt(position(d.path, tabLine+d.lineOffset, tabCol), "YAML syntax: tab in indentation (want spaces: YAML does not allow tabs there)")
		return
	}
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		_, msg, _ = strings.Cut(rest, ": ")
	}
	if line == 0 {
		line, col = 1, 1 // yaml.v3 names no line (nesting too deep): the file as a whole
	}
	d.errorAt(position(d.path, line+d.lineOffset, col), "YAML syntax: %s (want valid YAML; check indentation and quote values containing \": \")", msg)
}

// unknownAnchor returns the name in yaml.v3's "unknown anchor 'x'
// referenced" error, which names no line.
func unknownAnchor(msg string) (string, bool) {
	rest, ok := strings.CutPrefix(msg, "unknown anchor '")
	if !ok {
		return "", false
	}
	name, ok := strings.CutSuffix(rest, "' referenced")
	return name, ok
}

// aliasPosition returns the 1-based line and column of the first alias
// *name in data (an alias ends at a blank, a comma or a bracket), or
// 1, 1.
func aliasPosition(data []byte, name string) (int, int) {
	alias := []byte("*" + name)
	for off := 0; ; {
		i := bytes.Index(data[off:], alias)
		if i < 0 {
			return 1, 1
		}
		end := off + i + len(alias)
		if end == len(data) || bytes.IndexByte([]byte(" \t\r\n,]}"), data[end]) >= 0 {
			return lineCol(data, off+i)
		}
		off = end
	}
}

// controlPosition returns the 1-based line and column of the first
// character YAML does not allow in a stream (C0 controls but tab and
// line ends, DEL, C1 controls but NEL), and that character; 0, 0 when
// there is none. yaml.v3 names no line for them.
func controlPosition(data []byte) (int, int, rune) {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if (r < 0x20 && r != '\t' && r != '\n' && r != '\r') || r == 0x7f || (r >= 0x80 && r <= 0x9f && r != 0x85) {
			line, col := lineCol(data, i)
			return line, col, r
		}
		i += size
	}
	return 0, 0, 0
}

// lineCol returns the 1-based line and column (in characters) of the
// byte at offset in data.
func lineCol(data []byte, offset int) (int, int) {
	before := data[:offset]
	line := bytes.Count(before, []byte("\n")) + 1
	start := bytes.LastIndexByte(before, '\n') + 1
	return line, utf8.RuneCount(before[start:]) + 1
}

// syntaxErrorLine returns the line yaml.v3 names in a syntax error.
// yaml.v3 keeps the position of syntax errors only in their text
// ("yaml: line 4: ..."), so this is the one place that reads it back.
// For parser (not scanner) errors yaml.v3 reports the line before the
// construct that failed (its marks are 0-based there); those messages are
// known and corrected.
func syntaxErrorLine(err error) int {
	rest, ok := strings.CutPrefix(err.Error(), "yaml: line ")
	if !ok {
		return 0
	}
	num, msg, _ := strings.Cut(rest, ": ")
	n, _ := strconv.Atoi(num)
	for _, parserMsg := range parserErrors {
		if msg == parserMsg {
			return n + 1
		}
	}
	return n
}

// parserErrors are the messages of yaml.v3's parser errors, whose lines
// are reported 0-based.
var parserErrors = []string{
	"did not find expected key",
	"did not find expected '-' indicator",
	"did not find expected ',' or ']'",
	"did not find expected ',' or '}'",
	"did not find expected node content",
	"did not find expected <document start>",
}

// lastTextLine returns the 1-based number of the last line of data that
// holds more than blanks. An error found at the end of the input (an
// unclosed list, a missing value) is shown there, where the mistake is.
func lastTextLine(data []byte) int {
	last := 0
	for i, line := range bytes.Split(data, []byte("\n")) {
		if len(bytes.TrimSpace(line)) > 0 {
			last = i + 1
		}
	}
	return last
}

// firstColumn returns the 1-based column of the first non-blank byte of
// line (1-based) in data, or 1.
func firstColumn(data []byte, line int) int {
	if line < 1 {
		return 0
	}
	lines := bytes.SplitN(data, []byte("\n"), line+1)
	if line > len(lines) {
		return 1
	}
	text := lines[line-1]
	return len(text) - len(bytes.TrimLeft(text, " \t")) + 1
}

// tabIndent returns the 1-based line and column of a tab in the leading
// blanks of line or the line after it (yaml.v3 sometimes names the line
// before the tab), or 0, 0 when there is none.
func tabIndent(data []byte, line int) (int, int) {
	if line < 1 {
		return 0, 0
	}
	lines := bytes.SplitN(data, []byte("\n"), line+2)
	for l := line; l <= line+1 && l <= len(lines); l++ {
		text := lines[l-1]
		blanks := text[:len(text)-len(bytes.TrimLeft(text, " \t"))]
		if i := bytes.IndexByte(blanks, '\t'); i >= 0 {
			return l, i + 1
		}
	}
	return 0, 0
}

// invalidUTF8Position returns the 1-based line and column of the first
// invalid UTF-8 byte in data.
func invalidUTF8Position(data []byte) (line, col int) {
	line, col = 1, 1
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size <= 1 {
			return line, col
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		data = data[size:]
	}
	return line, col
}
