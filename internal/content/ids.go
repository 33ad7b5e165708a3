package content

import (
	"fmt"
	"path"
	"strings"

	"github.com/newsroom/timeline/internal/timeline"
	"gopkg.in/yaml.v3"
)

// MaxIDLength is the longest id of an entry, a phase or a person, in
// bytes: an id is a folder name of the output, and file systems refuse
// names past 255 bytes.
const MaxIDLength = 200

// idProblem says what is wrong with an id, or "" when it is a good one:
// not empty, at most MaxIDLength bytes, and a slug (lowercase ASCII
// letters, digits and single dashes), so it holds no "/" and no "..".
func idProblem(id string) string {
	switch {
	case id == "":
		return "empty (want a slug of lowercase letters, digits and dashes)"
	case len(id) > MaxIDLength:
		return fmt.Sprintf("%d bytes (want at most %d)", len(id), MaxIDLength)
	case timeline.Slugify(id) != id:
		if s := timeline.Slugify(id); s != "" && len(s) <= MaxIDLength {
			return fmt.Sprintf("not a slug (want lowercase letters, digits and dashes, e.g. %q)", s)
		}
		return "not a slug (want lowercase letters, digits and dashes)"
	}
	return ""
}

// checkID reports a bad id written at n; what names its field ("id").
func (d *decoder) checkID(n *yaml.Node, what, id string) {
	if problem := idProblem(id); problem != "" {
		d.errorf(n, "%s %s: %s", what, shortQuote(id), problem)
	}
}

// checkDerivedID reports an id derived from a name (a phase's, a
// person's, a file's) that makes no good id, at pos; from says what it
// was derived from.
func (d *decoder) checkDerivedID(pos timeline.Position, from, id string) {
	if problem := idProblem(id); problem != "" {
		d.errorAt(pos, "id: the %s gives the id %s, which is %s (set id: to a slug)", from, shortQuote(id), problem)
	}
}

// shortQuote quotes s for a message, cut to its first 40 bytes.
func shortQuote(s string) string {
	if len(s) > 40 {
		cut := 40
		for cut > 0 && s[cut]&0xc0 == 0x80 {
			cut--
		}
		return fmt.Sprintf("%q…", s[:cut])
	}
	return fmt.Sprintf("%q", s)
}

// articleInFolder reports whether a cleaned article path (as
// cleanArticlePath returns it) names a file inside content/articles/:
// relative, and without ".." or "." parts that lead out of it.
func articleInFolder(p string) bool {
	if p == "" {
		return true
	}
	if strings.Contains(p, "\\") || path.IsAbs(p) || path.Clean(p) != p {
		return false
	}
	rest, ok := strings.CutPrefix(p, "articles/")
	if !ok || rest == "" {
		return false
	}
	for _, part := range strings.Split(rest, "/") {
		if part == ".." || part == "." || part == "" {
			return false
		}
	}
	return true
}
