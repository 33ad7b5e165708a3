package timeline

import (
	"path"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ArticleSlug returns the stable id of an article file: its base name
// without extension, lowercased, with anything but letters, digits and
// '-' turned into '-'. A path with a "#id" fragment (one record of a
// dataset) has that id.
func ArticleSlug(articlePath string) string {
	if _, id, ok := strings.Cut(articlePath, "#"); ok {
		return id
	}
	base := path.Base(articlePath)
	return Slugify(strings.TrimSuffix(base, path.Ext(base)))
}

// Slugify turns s into a URL-safe id: lowercase ASCII letters, digits and
// single dashes.
func Slugify(s string) string {
	var b strings.Builder
	b.Grow(len(s)) // a slug is never longer than s
	dash := false
	for _, r := range s {
		if r >= utf8.RuneSelf {
			r = unicode.ToLower(r) // some runes lower to ASCII ones, as 'K' (Kelvin) to 'k'
		} else if r >= 'A' && r <= 'Z' {
			r += 'a' - 'A'
		}
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteByte(byte(r))
			dash = false
		default:
			dash = true
		}
	}
	return b.String()
}

// IsContact reports whether an entry of this kind is a contact between
// its participants (a call or a meeting): contact intervals are counted
// between such entries.
func IsContact(kind string) bool {
	return kind == "call" || kind == "meeting"
}
