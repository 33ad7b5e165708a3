package extract

import "strings"

// galleryWords name the items of a photo gallery, as its counters and
// its labels print them ("Photo 3 of 12", "Gallery: 12 photos").
var galleryWords = map[string]bool{
	"photo": true, "photos": true, "image": true, "images": true, "picture": true, "pictures": true,
	"slide": true, "slides": true, "photograph": true, "photographs": true, "pic": true, "pics": true,
	"gallery": true,
}

// galleryCounter reads the counter a gallery's caption opens with:
// "Photo 3 of 12 —", "Image 2/4:", "Slide 1 of 5", or a bare "1/6" or "3
// of 12". It reports whether the line opens with one, a counter N of M
// with 1 ≤ N ≤ M, text after it, and whether a gallery word named it (a
// bare "9/11 families …" is a counter only in a run of them).
func galleryCounter(s string) (named, ok bool) {
	first, rest := spaceWord(s)
	if isGalleryWord(strings.TrimRight(first, ":")) {
		named = true
		first, rest = spaceWord(rest)
	}
	first = strings.TrimRight(first, ":.—–-")
	if first == "" || first[0] < '0' || first[0] > '9' {
		return false, false // most lines
	}
	var n, m int
	if a, b, cut := strings.Cut(first, "/"); cut {
		n, m = atoiSmall(a), atoiSmall(b)
	} else if of, after := spaceWord(rest); of == "of" {
		var total string
		total, rest = spaceWord(after)
		n, m = atoiSmall(first), atoiSmall(strings.TrimRight(total, ":.—–-"))
	}
	if w, _ := spaceWord(rest); n < 1 || n > m || w == "" {
		return false, false
	}
	return named, true
}

// spaceWord returns the first space-separated word of s and what follows.
func spaceWord(s string) (word, rest string) {
	s = strings.TrimLeft(s, " \t")
	if i := strings.IndexAny(s, " \t"); i >= 0 {
		return s[:i], s[i:]
	}
	return s, ""
}

// isGalleryWord reports whether w is one of galleryWords, in any case.
func isGalleryWord(w string) bool {
	if len(w) < 3 || len(w) > 11 {
		return false
	}
	var b [11]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return galleryWords[string(b[:len(w)])]
}

// atoiSmall returns the value of one to three digits, or 0.
func atoiSmall(s string) int {
	if s == "" || len(s) > 3 {
		return 0
	}
	v := 0
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return 0
		}
		v = v*10 + int(c-'0')
	}
	return v
}

// isGalleryCaption reports whether line i opens with a gallery's
// counter, named as one ("Photo 3 of 12 — …"), or bare ("3/12 …") next
// to another line that opens with one; or stands under a counter on a
// line of its own, in a run of them.
func (x *extraction) isGalleryCaption(i int) bool {
	named, ok := galleryCounter(x.lines[i].Text)
	if !ok {
		// A counter on a line of its own ("1/18") numbers the caption
		// under it, when another such counter stands near.
		return i > 0 && isBareCounter(x.lines[i-1].Text) && x.otherCounterNear(i-1)
	}
	if named {
		return true
	}
	for _, j := range []int{i - 1, i + 1} {
		if j >= 0 && j < len(x.lines) {
			if _, ok := galleryCounter(x.lines[j].Text); ok {
				return true
			}
		}
	}
	return false
}

// otherCounterNear reports whether another bare gallery counter than
// line c's stands within four lines of it: a run of counters.
func (x *extraction) otherCounterNear(c int) bool {
	for j := max(0, c-4); j < min(c+5, len(x.lines)); j++ {
		if j != c && isBareCounter(x.lines[j].Text) {
			return true
		}
	}
	return false
}

// isGalleryLabel reports whether a short line labels or links a gallery
// rather than tells anything: a gallery word and a count or an arrow
// ("Gallery: 12 photos", "More photos ›", "View all 8 images »").
func isGalleryLabel(f *lineFacts) bool {
	if f.words > 5 || !strings.Contains(f.lower, "photo") && !strings.Contains(f.lower, "image") &&
		!strings.Contains(f.lower, "picture") && !strings.Contains(f.lower, "slide") &&
		!strings.Contains(f.lower, "gallery") && !strings.Contains(f.lower, "pic") {
		return false
	}
	gallery, count, arrow := false, false, false
	for _, w := range strings.Fields(f.lower) {
		w = strings.Trim(w, ":()[],.")
		switch {
		case galleryWords[w]:
			gallery = true
		case atoiSmall(w) > 0:
			count = true
		case w == "›" || w == "»" || w == "→" || w == ">":
			arrow = true
		}
	}
	return gallery && (count || arrow || strings.HasPrefix(f.lower, "more ") || strings.HasPrefix(f.lower, "view "))
}
