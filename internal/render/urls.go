package render

import (
	"fmt"
	"hash/fnv"
	"net/url"
	"path"
	"strings"
	"sync"
	"unicode"

	"github.com/newsroom/timeline/internal/timeline"
)

// EntryURL is the site-relative URL of an entry's page. It depends on the
// entry's id alone, so a shared link never breaks when the entry's title,
// date or neighbours change.
func EntryURL(id string) string { return "entries/" + id + "/" }

// appendEntryURL appends EntryURL(id) to dst.
func appendEntryURL(dst []byte, id string) []byte {
	return append(append(append(dst, "entries/"...), id...), '/')
}

// ArticleURL is the site-relative URL of a source article's page.
func ArticleURL(id string) string { return "articles/" + id + "/" }

// PersonURL is the site-relative URL of a person's page.
func PersonURL(id string) string { return "people/" + id + "/" }

// TagURL is the site-relative URL of a tag's page.
func TagURL(id string) string { return "tags/" + id + "/" }

// MonthURL is the site-relative URL of a month's archive ("months/2022-02/").
func MonthURL(id string) string { return "months/" + id + "/" }

// PhaseURL is the site-relative URL of a phase's page.
func PhaseURL(id string) string { return "phases/" + id + "/" }

// pagePath turns a site-relative URL ending in "/" into the path of its
// index.html ("people/x/" → "people/x/index.html"); other URLs are paths
// already.
func pagePath(url string) string {
	if url == "" || strings.HasSuffix(url, "/") {
		return url + "index.html"
	}
	return url
}

// rootOf returns the relative path from the page at url back to the
// site's root: "./" for "", "../../" for "entries/x/".
func rootOf(url string) string {
	depth := strings.Count(pagePath(url), "/")
	if depth == 0 {
		return "./"
	}
	return strings.Repeat("../", depth)
}

// Slug turns a name into a URL-safe id: the ASCII slug of a name with
// an ASCII letter or digit ("sergei-shoigu"), else the name itself in
// lower case, its letters, marks and digits joined by dashes ("шойгу",
// "سيرغي-لافروف"), which pages link to percent-encoded. A name with
// neither gets a short stable hash.
func Slug(name string) string {
	if s := timeline.Slugify(name); s != "" {
		return s
	}
	if s := unicodeSlug(name); s != "" {
		return s
	}
	h := fnv.New32a()
	h.Write([]byte(name))
	return fmt.Sprintf("n-%08x", h.Sum32())
}

// slugRunes is the most runes of a slug made of a name's own letters.
const slugRunes = 60

// unicodeSlug returns the letters, marks and digits of name in lower
// case, runs of anything else turned into single dashes, cut at
// slugRunes.
func unicodeSlug(name string) string {
	var b strings.Builder
	n, dash := 0, false
	for _, r := range strings.ToLower(name) {
		if !unicode.IsLetter(r) && !unicode.IsMark(r) && !unicode.IsDigit(r) {
			dash = true
			continue
		}
		if n == slugRunes {
			break
		}
		if dash && b.Len() > 0 {
			b.WriteByte('-')
			n++
		}
		b.WriteRune(r)
		n++
		dash = false
	}
	return b.String()
}

// escapedURL returns a site-relative URL with anything but ASCII
// letters, digits and "-._~/" percent-encoded, as a link must be written
// outside HTML (sitemaps).
func escapedURL(rel string) string {
	return (&url.URL{Path: rel}).EscapedPath()
}

// ValidOutputPath reports whether p is a clean, relative, slash-separated
// path that stays inside the output folder: no "..", no absolute path, no
// backslash, no empty or dot segment.
func ValidOutputPath(p string) bool {
	if p == "" || strings.ContainsAny(p, "\\\x00") || path.IsAbs(p) || path.Clean(p) != p {
		return false
	}
	for _, seg := range strings.Split(p, "/") {
		if seg == "" || seg == "." || seg == ".." {
			return false
		}
	}
	return true
}

// monthOf returns the id ("2022-02") and heading ("February 2022") of d's
// month; year-only dates get their year.
func monthOf(d timeline.Date) (id, name string) {
	key := monthKey{d.Year, d.Month, d.Precision == timeline.Year}
	if m, ok := monthNames.Load(key); ok {
		m := m.([2]string)
		return m[0], m[1]
	}
	if key.yearOnly {
		id, name = fmt.Sprintf("%04d", d.Year), fmt.Sprint(d.Year)
	} else {
		id, name = fmt.Sprintf("%04d-%02d", d.Year, d.Month), timeline.MonthOf(d.Year, d.Month).Human()
	}
	monthNames.Store(key, [2]string{id, name})
	return id, name
}

// monthKey names a month, or a year for year-only dates.
type monthKey struct {
	year, month int
	yearOnly    bool
}

// monthNames remembers monthOf's answers: a chronology has few months
// and many entries.
var monthNames sync.Map
