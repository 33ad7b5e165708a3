package extract

import (
	"path"
	"strconv"

	"github.com/newsroom/timeline/internal/timeline"
)

// Meta is what a scrape says about an article beside its text: a
// dataset's row, a saved page's metadata (JSON-LD, meta tags) or a
// Markdown file's front matter. The zero Meta says nothing. (A date in
// the file's name is read by extraction itself, see DateInName.)
type Meta struct {
	// Title is the headline the metadata gives; it wins over the text's.
	Title string
	// Published is the publication date the metadata gives, and
	// PublishedEvidence where it came from: Rule names the source and
	// field ("publication: metadata datePublished"), Text is the original
	// string, Offset is -1 when the string is not in the article's text.
	Published         timeline.Date
	PublishedEvidence timeline.Evidence
	// URL, Outlet and Author are the article's link, publisher and byline
	// as the metadata gives them.
	URL, Outlet, Author string
	// markup marks a saved page's text, whose blocks of links the page
	// reader has already left out.
	markup bool
}

// ExtractWith reads the article data found at path, as Extract does,
// with what its scrape says about it. The metadata's publication date, at
// day precision or finer, is the publication date (the text's own is
// still read, and the lede's event date is resolved against the
// metadata's; when the two disagree by more than a day, Article.Conflict
// names both); its title and outlet win over the text's.
func ExtractWith(path string, data []byte, meta Meta, opts Options) *Article {
	return extract(path, data, meta, opts)
}

// applyMeta lets the metadata's title and outlet win over the text's.
func (x *extraction) applyMeta() {
	if x.meta.Title != "" {
		x.a.Title, x.a.TitleDerived = x.meta.Title, false
	}
	if x.meta.Outlet != "" {
		x.a.Outlet = x.meta.Outlet
	}
}

// RuleFileName is the evidence rule of a date read from a file's name.
const RuleFileName = "publication: date in the file name"

// DateInName returns the date a file's name starts with, as Jekyll and
// Hugo write them ("2022-02-19-title.txt") or GDELT exports do
// ("20220219T121500Z_PL_en_….txt"), with its evidence (Offset -1). ok is
// false when the name starts with no valid date followed by a
// separator.
func DateInName(p string) (d timeline.Date, ev timeline.Evidence, ok bool) {
	name := path.Base(p)
	var digits string
	var rest string
	switch {
	case len(name) >= 10 && name[4] == '-' && name[7] == '-':
		digits, rest = name[0:4]+name[5:7]+name[8:10], name[10:]
	case len(name) >= 8:
		digits, rest = name[:8], name[8:]
		if len(rest) > 0 && rest[0] == 'T' {
			n := 1
			for n < len(rest) && n <= 7 && (rest[n] >= '0' && rest[n] <= '9' || rest[n] == 'Z') {
				n++
			}
			rest = rest[n:]
		}
	default:
		return d, ev, false
	}
	if len(rest) == 0 || (rest[0] != '-' && rest[0] != '_' && rest[0] != '.' && rest[0] != ' ') {
		return d, ev, false
	}
	for _, c := range digits {
		if c < '0' || c > '9' {
			return d, ev, false
		}
	}
	y, errY := strconv.Atoi(digits[0:4])
	m, errM := strconv.Atoi(digits[4:6])
	day, errD := strconv.Atoi(digits[6:8])
	if errY != nil || errM != nil || errD != nil || y < 1900 || y > 2199 || !validDay(y, m, day) {
		return d, ev, false
	}
	text := name[:len(name)-len(rest)]
	return timeline.DayOf(y, m, day), timeline.Evidence{Text: text, Offset: -1, Rule: RuleFileName}, true
}

// validDay reports whether y-m-d is a day of the calendar.
func validDay(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 {
		return false
	}
	days := [...]int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[m-1]
	if m == 2 && (y%4 == 0 && (y%100 != 0 || y%400 == 0)) {
		days = 29
	}
	return d <= days
}
