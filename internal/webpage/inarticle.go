package webpage

import (
	"strings"
	"unicode"

	"github.com/newsroom/timeline/internal/timeline"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// This file holds the rules for boilerplate inside the article's own
// container, read from a block's text shape and markup: text written
// in look-alike letters of two scripts, an author's bio set apart at
// the article's end, and headings that end the text.

// obfuscated reports whether text writes at least three of its words,
// or a fifth of them, in letters of two scripts at once (Latin mixed
// with Cyrillic or Greek look-alikes: "Аdvеrtіѕе"), as text written to
// slip past filters is; no prose in any language does.
func obfuscated(text string) bool {
	mixed, words := 0, 0
	for _, w := range strings.FieldsFunc(text, func(c rune) bool { return !unicode.IsLetter(c) }) {
		words++
		latin, other := false, false
		for _, c := range w {
			switch {
			case unicode.Is(unicode.Latin, c):
				latin = true
			case unicode.Is(unicode.Cyrillic, c), unicode.Is(unicode.Greek, c):
				other = true
			}
		}
		if latin && other {
			mixed++
		}
	}
	return mixed >= 3 || mixed > 0 && mixed*5 >= words
}

// dropClosingBio leaves out an author's bio at the article's end: one
// of the last two paragraphs, all of it in emphasis (<em>, <i>), that
// opens with a name and says what that person is ("Jane Roe is the
// founder of ...").
func (r *reader) dropClosingBio() {
	for i := len(r.blocks) - 1; i >= 0 && i >= len(r.blocks)-2; i-- {
		if n := r.blockNodes[i]; n != nil && allEmphasis(n) && opensWithBio(r.blocks[i].Text) {
			r.blocks = append(r.blocks[:i], r.blocks[i+1:]...)
			r.blockNodes = append(r.blockNodes[:i], r.blockNodes[i+1:]...)
			return
		}
	}
}

// dropTrailingHeadings leaves out the sub-headings that end the text:
// a heading with nothing after it introduces no part of the article,
// but a list or teasers the page leaves out ("Related", "More on this").
func (r *reader) dropTrailingHeadings() {
	n := len(r.blocks)
	for n > 0 && r.blocks[n-1].Kind == timeline.Heading {
		n--
	}
	r.blocks, r.blockNodes = r.blocks[:n], r.blockNodes[:n]
}

// allEmphasis reports whether all the visible text of n lies in <em> or
// <i> elements.
func allEmphasis(n *html.Node) bool {
	found := false
	for c := n; c != nil; {
		if c.Type == html.ElementNode && (c.DataAtom == atom.Em || c.DataAtom == atom.I) {
			found = true
			c = next(c, n, true)
			continue
		}
		if c.Type == html.TextNode && strings.TrimSpace(c.Data) != "" {
			return false
		}
		c = next(c, n, false)
	}
	return found
}

// opensWithBio reports whether text opens with two to four capitalised
// words (a name) followed by "is a", "is an", "is the" or "was".
func opensWithBio(text string) bool {
	words := strings.Fields(text)
	for i := 2; i <= 4 && i+1 < len(words); i++ {
		if !unicode.IsUpper([]rune(words[i-1])[0]) {
			return false
		}
		verb, article := words[i], strings.ToLower(words[i+1])
		if verb == "was" || verb == "is" && (article == "a" || article == "an" || article == "the") {
			return allCapitalised(words[:i])
		}
	}
	return false
}

// allCapitalised reports whether every word starts with a capital letter.
func allCapitalised(words []string) bool {
	for _, w := range words {
		if !unicode.IsUpper([]rune(w)[0]) {
			return false
		}
	}
	return true
}
