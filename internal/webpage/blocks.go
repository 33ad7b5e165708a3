package webpage

import (
	"bytes"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// splitter gathers the blocks of visible text under an element.
type splitter struct {
	r         *reader
	blocks    []textBlock
	buf       strings.Builder
	linkText  int
	linkDepth int
	first     *html.Node
}

// splitBlocks returns the blocks of visible text under root, leaving
// out the hard-dropped elements, and then those in soft-dropped ones
// (boilerplate by their class, id or role) unless such an element holds
// the headline or most of the page's prose.
func (r *reader) splitBlocks(root *html.Node) []textBlock {
	r.tokens = textTokens(r.src)
	s := &splitter{r: r}
	n := root
	for n != nil {
		descend := s.enter(n)
		if descend && n.FirstChild != nil {
			n = n.FirstChild
			continue
		}
		for {
			s.leave(n)
			if n == root {
				n = nil
				break
			}
			if n.NextSibling != nil {
				n = n.NextSibling
				break
			}
			n = n.Parent
		}
	}
	s.flush()
	return dropSoftBoilerplate(s.blocks)
}

// enter handles the start of n and reports whether to walk its
// children.
func (s *splitter) enter(n *html.Node) bool {
	switch n.Type {
	case html.TextNode:
		if s.linkDepth > 0 && bareAddress(n.Data) {
			return false
		}
		if s.first == nil && strings.TrimSpace(n.Data) != "" {
			s.first = n
		}
		s.buf.WriteString(n.Data)
		if s.linkDepth > 0 {
			s.linkText += len(collapse(n.Data))
		}
		return false
	case html.ElementNode:
		if boilerplateTag(n) {
			s.flush()
			return false
		}
		if blockTags[n.DataAtom] {
			s.flush()
		}
		if n.DataAtom == atom.A {
			s.linkDepth++
		}
		return true
	}
	return n.Type == html.DocumentNode
}

// bareAddress reports whether a link's text is a web address
// ("https://t.co/x", "www.example.org", "pic.example.com/x7Hq") rather
// than words: a link shown as its own address adds nothing to read.
func bareAddress(text string) bool {
	t := strings.TrimSpace(text)
	if t == "" || strings.ContainsAny(t, " \t\n") {
		return false
	}
	lower := strings.ToLower(t)
	if strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://") || strings.HasPrefix(lower, "www.") {
		return true
	}
	host, rest, found := strings.Cut(lower, "/")
	return found && rest != "" && strings.Contains(host, ".") && !strings.HasSuffix(host, ".") &&
		strings.IndexFunc(host, unicode.IsLetter) >= 0
}

// leave handles the end of n.
func (s *splitter) leave(n *html.Node) {
	if n.Type != html.ElementNode || boilerplateTag(n) {
		return
	}
	if n.DataAtom == atom.A && s.linkDepth > 0 {
		s.linkDepth--
	}
	if blockTags[n.DataAtom] {
		s.flush()
	}
}

// flush ends the current block.
func (s *splitter) flush() {
	if s.first == nil {
		s.buf.Reset()
		s.linkText = 0
		return
	}
	text := collapse(s.buf.String())
	holder := s.first.Parent
	for holder != nil && holder.Type == html.ElementNode && !blockTags[holder.DataAtom] {
		holder = holder.Parent
	}
	if holder == nil {
		holder = s.first.Parent
	}
	b := textBlock{node: holder, text: text, linkText: s.linkText, offset: s.r.locate(s.first.Data)}
	b.heading = isHeading(holder.DataAtom)
	b.caption = isCaption(holder)
	s.blocks = append(s.blocks, b)
	s.buf.Reset()
	s.linkText = 0
	s.first = nil
}

func isHeading(a atom.Atom) bool {
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

// isCaption reports whether a block holder is or sits in a figure's
// caption.
func isCaption(n *html.Node) bool {
	for p, up := n, 0; p != nil && up < 8; p, up = p.Parent, up+1 {
		if p.DataAtom == atom.Figcaption || p.DataAtom == atom.Caption && !inside(p, atom.Table) {
			return true
		}
		if p.DataAtom == atom.Figure {
			return true
		}
	}
	return false
}

// searchWindow bounds how far past the last block's offset the next
// block's text is looked for, so that locating blocks stays linear.
const searchWindow = 64 << 10

// textToken is a run of text between tags as the tokenizer read it:
// its offset in the page and its text, entities decoded.
type textToken struct {
	offset int
	text   string
}

// textTokens returns the runs of text in the page's body that are not
// only white space, in order, with their offsets. Scripts' and styles'
// text is skipped: no block holds it.
func textTokens(src string) []textToken {
	var tokens []textToken
	offset := bodyStart(src)
	z := html.NewTokenizer(strings.NewReader(src[offset:]))
	raw := false
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return tokens
		}
		n := len(z.Raw())
		switch tt {
		case html.StartTagToken:
			name, _ := z.TagName()
			raw = string(name) == "script" || string(name) == "style"
		case html.TextToken:
			if text := z.Text(); !raw && len(bytes.TrimSpace(text)) > 0 {
				tokens = append(tokens, textToken{offset, string(text)})
			}
		default:
			raw = false
		}
		offset += n
	}
}

// bodyStart is the offset of the page's <body> tag, where its text
// starts, or 0 when it has none.
func bodyStart(src string) int {
	for _, tag := range []string{"<body", "<BODY", "<Body"} {
		if i := strings.Index(src, tag); i >= 0 {
			return i
		}
	}
	return 0
}

// lookAhead bounds how many runs of text past the last one matched are
// tried for the next block, so that locating blocks stays linear.
const lookAhead = 256

// locate returns where a text node starts in the page: the offset of
// the first run of text, after the last one matched, that holds the
// same text; or the last offset matched when none nearby does.
func (r *reader) locate(data string) int {
	for i := r.cursor; i < len(r.tokens) && i < r.cursor+lookAhead; i++ {
		if r.tokens[i].text == data {
			r.cursor, r.located = i+1, r.tokens[i].offset
			break
		}
	}
	return r.located
}

// dropSoftBoilerplate leaves out the blocks in elements whose class, id
// or role names boilerplate, unless the element holds an h1 or more than
// half of the page's prose (a wrapper with an unlucky name, such as a
// layout's "sidebar"; never a dialog's or a cookie banner's).
func dropSoftBoilerplate(blocks []textBlock) []textBlock {
	soft := map[*html.Node]bool{}
	isSoft := func(n *html.Node) bool {
		v, ok := soft[n]
		if !ok {
			v = n.Type == html.ElementNode && softDropped(n)
			soft[n] = v
		}
		return v
	}
	weight := map[*html.Node]int{}
	total := 0
	for i := range blocks {
		if blocks[i].good() {
			total += len(blocks[i].text)
		}
	}
	for i := range blocks {
		for p, up := blocks[i].node, 0; p != nil && up < maxClimb; p, up = p.Parent, up+1 {
			if isSoft(p) && blocks[i].good() {
				weight[p] += len(blocks[i].text)
			}
		}
	}
	h1 := map[*html.Node]bool{}
	kept := blocks[:0]
	for _, b := range blocks {
		keep := true
		for p, up := b.node, 0; p != nil && up < maxClimb; p, up = p.Parent, up+1 {
			if !isSoft(p) || weight[p]*2 > total && !strictlyDropped(p) {
				continue
			}
			holds, ok := h1[p]
			if !ok {
				holds = holdsH1(p)
				h1[p] = holds
			}
			if !holds {
				keep = false
				break
			}
		}
		if keep {
			kept = append(kept, b)
		}
	}
	return kept
}

// holdsH1 reports whether an h1 is under n.
func holdsH1(n *html.Node) bool {
	for c := n; c != nil; c = next(c, n, false) {
		if c.DataAtom == atom.H1 {
			return true
		}
	}
	return false
}
