// Package mdlimit bounds the work Markdown can make goldmark do. A few
// shapes of input cost goldmark time or memory far beyond their size
// (CommonMark's "pathological" inputs): containers nested thousands
// deep, a table whose every row is padded to a header of thousands of
// columns, brackets or emphasis delimiters by the thousand in one
// paragraph. Check finds them in one pass over the source, before
// goldmark sees it, and says where; the renderer also caps the size of
// what it writes (MaxRendered).
//
// The limits are far above what an editor writes: a news article nests
// lists two or three deep and has tables of tens of rows.
package mdlimit

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// The limits Check applies.
const (
	// MaxSource is the largest Markdown text rendered, in bytes: the
	// costly shapes Check lets through cost goldmark a few seconds per
	// MiB at worst.
	MaxSource = 1 << 20
	// MaxDepth bounds the containers (block quotes, list items, and
	// indentation, two columns counting as one level) a line opens.
	MaxDepth = 32
	// MaxTableCells bounds the cells of one table, rows times the
	// columns of its delimiter row, as goldmark pads every row.
	MaxTableCells = 100_000
	// MaxBracketDepth bounds brackets open at once in a paragraph.
	MaxBracketDepth = 32
	// MaxDelimiters bounds the runs of emphasis delimiters ("*", "_",
	// "~") and of link openers ("](") in a paragraph.
	MaxDelimiters = 500
	// MaxRendered is the largest HTML one Markdown text renders to, in
	// bytes: link references can make a small text render to a huge
	// page (Check refuses that when it can tell from the source).
	MaxRendered = 16 << 20
)

// Problem is a limit exceeded at a line and column (1-based, in
// characters) of the source.
type Problem struct {
	Line, Col int
	Message   string
}

func (p *Problem) Error() string {
	return fmt.Sprintf("line %d:%d: %s", p.Line, p.Col, p.Message)
}

// Check returns the first limit src exceeds, or nil.
func Check(src string) *Problem {
	if len(src) > MaxSource {
		return &Problem{1, 1, fmt.Sprintf("Markdown of %d bytes (want at most %d; split the article)", len(src), MaxSource)}
	}
	var para paragraph
	tableCols, cells := 0, 0
	brackets, refLine, refLen := strings.Count(src, "["), 0, 0
	for lineNo, rest := 1, src; rest != ""; lineNo++ {
		line, next, _ := strings.Cut(rest, "\n")
		rest = next
		if strings.TrimSpace(line) == "" {
			para, tableCols = paragraph{}, 0
			continue
		}
		if depth, col := containerDepth(line); depth > MaxDepth {
			return &Problem{lineNo, col, fmt.Sprintf("lists, quotes or indentation %d levels deep (want at most %d)", depth, MaxDepth)}
		}
		if cols := delimiterRowColumns(line); cols > 0 {
			tableCols = cols
			cells += 2 * cols // the header and this row
		} else if tableCols > 0 {
			cells += tableCols
		}
		if cells > MaxTableCells {
			return &Problem{lineNo, 1, fmt.Sprintf("tables of more than %d cells, rows times columns (want smaller tables)", MaxTableCells)}
		}
		if p := para.scan(line, lineNo); p != nil {
			return p
		}
		if isReferenceDefinition(line) && len(line) > refLen {
			refLine, refLen = lineNo, len(line)
		}
	}
	if refLen > 0 && brackets*refLen > MaxRendered {
		return &Problem{refLine, 1, fmt.Sprintf("%d brackets could each repeat this %d-byte link reference, more than %d bytes of HTML (want fewer or shorter references)", brackets, refLen, MaxRendered)}
	}
	return nil
}

// isReferenceDefinition reports whether line looks like a link
// reference definition ("[label]: destination"), which every "[label]"
// of the text repeats.
func isReferenceDefinition(line string) bool {
	t := strings.TrimLeft(line, " ")
	if len(line)-len(t) > 3 || !strings.HasPrefix(t, "[") {
		return false
	}
	end := strings.Index(t, "]:")
	return end > 1
}

// containerDepth counts the containers a line opens: block-quote and
// list markers at its start, and its indentation (two columns a level,
// as list items nest). It returns the depth and the column where the
// text starts.
func containerDepth(line string) (depth, col int) {
	indent, i := 0, 0
	for i < len(line) {
		switch c := line[i]; {
		case c == ' ':
			indent++
			i++
		case c == '\t':
			indent += 4
			i++
		case c == '>':
			depth++
			i++
		case (c == '-' || c == '*' || c == '+') && i+1 < len(line) && (line[i+1] == ' ' || line[i+1] == '\t'):
			depth++
			i += 2
		case c >= '0' && c <= '9':
			j := i
			for j < len(line) && j-i < 9 && line[j] >= '0' && line[j] <= '9' {
				j++
			}
			if j+1 < len(line) && (line[j] == '.' || line[j] == ')') && (line[j+1] == ' ' || line[j+1] == '\t') {
				depth++
				i = j + 2
				continue
			}
			return depth + indent/2, utf8.RuneCountInString(line[:i]) + 1
		default:
			return depth + indent/2, utf8.RuneCountInString(line[:i]) + 1
		}
	}
	return depth + indent/2, utf8.RuneCountInString(line[:i]) + 1
}

// delimiterRowColumns returns the columns of a table delimiter row
// ("|---|:-:|"), or 0 when line is not one.
func delimiterRowColumns(line string) int {
	t := strings.TrimSpace(line)
	if !strings.Contains(t, "|") || !strings.Contains(t, "-") || strings.Trim(t, "|:- \t") != "" {
		return 0
	}
	t = strings.TrimSuffix(strings.TrimPrefix(t, "|"), "|")
	return strings.Count(t, "|") + 1
}

// paragraph counts, across the lines of one paragraph, the brackets
// open and the runs of delimiters.
type paragraph struct {
	brackets, delimiters int
}

// scan adds line to the paragraph's counts and returns the first limit
// exceeded.
func (p *paragraph) scan(line string, lineNo int) *Problem {
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case c == '\\':
			i++ // an escaped character counts for nothing
		case c == '[':
			if p.brackets++; p.brackets > MaxBracketDepth {
				return &Problem{lineNo, utf8.RuneCountInString(line[:i]) + 1, fmt.Sprintf("more than %d brackets open at once (want at most %d)", MaxBracketDepth, MaxBracketDepth)}
			}
		case c == ']':
			p.brackets = max(p.brackets-1, 0)
			if i+1 < len(line) && line[i+1] == '(' {
				p.delimiters++
			}
		case c == '*' || c == '_' || c == '~':
			for i+1 < len(line) && line[i+1] == c {
				i++
			}
			p.delimiters++
		default:
			continue
		}
		if p.delimiters > MaxDelimiters {
			return &Problem{lineNo, utf8.RuneCountInString(line[:min(i, len(line))]) + 1, fmt.Sprintf("more than %d emphasis marks and links in one paragraph (want at most %d; break it with blank lines)", MaxDelimiters, MaxDelimiters)}
		}
	}
	return nil
}
