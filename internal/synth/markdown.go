package synth

import (
	"fmt"
	"strconv"
	"strings"
)

// markdown returns a Markdown article: YAML front matter with Hugo's keys
// (title, date as YYYY-MM-DD, tags, draft, description) and gen's entry
// keys that Hugo keeps as page parameters (kind, participants, places,
// outlet, importance), then a body of paragraphs and sub-headings of the
// same size as a raw article's.
func (s *story) markdown() []byte {
	var b strings.Builder
	target := minTarget + s.rng.IntN(maxTarget-minTarget)
	b.Grow(target + maxParagraph)
	lede := s.lede()
	b.WriteString("---\n")
	fmt.Fprintf(&b, "title: %s\n", quote(s.headline))
	fmt.Fprintf(&b, "date: %s\n", s.event.Format("2006-01-02"))
	fmt.Fprintf(&b, "tags: %s\n", list(s.tags()))
	fmt.Fprintf(&b, "draft: %t\n", s.rng.IntN(50) == 0)
	fmt.Fprintf(&b, "description: %s\n", quote(lede))
	fmt.Fprintf(&b, "kind: %s\n", s.kind)
	fmt.Fprintf(&b, "participants: %s\n", list([]string{s.aName, s.bName}))
	fmt.Fprintf(&b, "places: %s\n", list([]string{s.place}))
	fmt.Fprintf(&b, "outlet: %s\n", quote(s.outlet))
	fmt.Fprintf(&b, "importance: %d\n", 1+s.rng.IntN(5))
	b.WriteString("---\n\n")
	b.WriteString(lede + "\n\n")
	for {
		var para string
		switch r := s.rng.IntN(12); {
		case r == 0:
			para = "## " + pick(s.rng, subheadings)
		case r == 1:
			para = "> " + s.fill(pick(s.rng, sentences))
		case r == 2:
			para = "*" + s.caption() + "*"
		default:
			para = s.paragraph()
		}
		if b.Len()+len(para)+2 > target {
			break
		}
		b.WriteString(para + "\n\n")
	}
	return []byte(b.String())
}

// tags returns one to three distinct tags.
func (s *story) tags() []string {
	n := 1 + s.rng.IntN(3)
	start := s.rng.IntN(len(tags))
	out := make([]string, n)
	for i := range out {
		out[i] = tags[(start+i*5)%len(tags)]
	}
	return out
}

// quote returns s as a YAML double-quoted scalar. strconv.Quote's escapes
// (\", \\, \n, \uXXXX) are all valid in YAML.
func quote(s string) string { return strconv.Quote(s) }

// list returns a YAML flow sequence of quoted strings.
func list(items []string) string {
	quoted := make([]string, len(items))
	for i, s := range items {
		quoted[i] = quote(s)
	}
	return "[" + strings.Join(quoted, ", ") + "]"
}
