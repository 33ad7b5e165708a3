package webpage

import (
	"fmt"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// maxDepth is the depth of open elements beyond which flatten blanks
// tags. The HTML parser looks through its open elements on many start
// and end tags, so a page that keeps hundreds of elements open while it
// closes thousands costs time in proportion to both; no news page
// nests anywhere near this deep.
const maxDepth = 96

// flatten returns text with the start and end tags of elements nested
// more than maxDepth deep blanked out (each tag replaced by as many
// spaces, so every offset stays the same and the text around a tag
// keeps a word break), and a note saying so; text itself, and "", when
// no element is nested that deep. It reads the page once with
// html.Tokenizer, keeping the names of the open elements as the parser
// would, closely enough: an end tag closes the nearest open element of
// its name, and a p, li, dt, dd, option, tr, td or th closes one of its
// own name just before it. The parser's work on the result is then
// bounded by maxDepth on each tag, whatever the page.
func flatten(text string) (string, string) {
	z := html.NewTokenizer(strings.NewReader(text))
	var (
		open     []element
		foreign  = -1 // the index in open of the outermost svg or math
		overflow int  // elements opened beyond maxDepth and not closed
		blank    [][2]int
		pos      int
	)
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		start := pos
		pos += len(z.Raw())
		if tt != html.StartTagToken && tt != html.EndTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		name, _ := z.TagName()
		e := element{a: atom.Lookup(name)}
		if e.a == 0 {
			e.name = string(name)
		}
		a := e.a
		if tt == html.StartTagToken && a == atom.Noscript {
			z.NextIsNotRawText() // as the parser reads it, scripts off
		}
		if voidElements[a] || rawText[a] || (tt == html.SelfClosingTagToken && foreign >= 0) {
			continue
		}
		if tt == html.EndTagToken {
			if overflow > 0 {
				overflow--
				blank = append(blank, [2]int{start, pos})
				continue
			}
			if i := lastIndex(open, e); i >= 0 {
				open = open[:i]
				if foreign >= i {
					foreign = -1
				}
			}
			continue
		}
		if n := len(open); n > 0 && open[n-1] == e && closesItself[a] {
			open = open[:n-1]
		}
		if len(open) >= maxDepth || overflow > 0 {
			overflow++
			blank = append(blank, [2]int{start, pos})
			continue
		}
		if foreign < 0 && (a == atom.Svg || a == atom.Math) {
			foreign = len(open)
		}
		open = append(open, e)
	}
	if len(blank) == 0 {
		return text, ""
	}
	b := []byte(text)
	for _, span := range blank {
		for i := span[0]; i < span[1]; i++ {
			b[i] = ' '
		}
	}
	return string(b), fmt.Sprintf("elements nested more than %d deep: %d of their tags were read as word breaks", maxDepth, len(blank))
}

// element is an open element: its atom, or its name when the atom
// table does not know it (a custom element).
type element struct {
	a    atom.Atom
	name string
}

// lastIndex returns the index of the last element e in open, or -1.
func lastIndex(open []element, e element) int {
	for i := len(open) - 1; i >= 0; i-- {
		if open[i] == e {
			return i
		}
	}
	return -1
}

// voidElements are the elements that have no end tag and hold nothing.
var voidElements = map[atom.Atom]bool{
	atom.Area: true, atom.Base: true, atom.Br: true, atom.Col: true, atom.Embed: true,
	atom.Hr: true, atom.Img: true, atom.Input: true, atom.Link: true, atom.Meta: true,
	atom.Source: true, atom.Track: true, atom.Wbr: true, atom.Param: true, atom.Keygen: true,
}

// rawText are the elements whose content the tokenizer reads as text:
// their tags are never blanked, lest their content become visible.
var rawText = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Textarea: true, atom.Title: true,
	atom.Xmp: true, atom.Iframe: true, atom.Noembed: true, atom.Noframes: true, atom.Plaintext: true,
}

// closesItself are the elements whose start tag closes an open element
// of the same name just before it (<p>a<p>b).
var closesItself = map[atom.Atom]bool{
	atom.P: true, atom.Li: true, atom.Dt: true, atom.Dd: true, atom.Option: true,
	atom.Tr: true, atom.Td: true, atom.Th: true,
}
