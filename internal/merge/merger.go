package merge

import (
	"strconv"
	"strings"

	"github.com/newsroom/timeline/internal/content"
	"github.com/newsroom/timeline/internal/diag"
	"github.com/newsroom/timeline/internal/extract"
	"github.com/newsroom/timeline/internal/parallel"
	"github.com/newsroom/timeline/internal/timeline"
)

// Merger merges again and again, as the preview server does after each
// change: it keeps what the last merge worked out of each report's
// headline, lede and names (its description), by those fields, so that
// merging again after a few articles changed describes only those. It
// gives what Merge gives. It keeps the last merge's descriptions only,
// and is not safe for concurrent use; the zero Merger is ready.
type Merger struct {
	// last holds the descriptions of the last merge's reports, by
	// describeKey.
	last map[string]*description
	// prev is what the next merge may reuse of the last one's reports.
	prev *lastMerge
}

// Merge is Merge, reusing the descriptions of m's last merge.
func (m *Merger) Merge(c *content.Content, articles []*extract.Article) (*timeline.Chronology, diag.List) {
	return merge(c, articles, m)
}

// description is what describe works out of a report's fields.
type description struct {
	day                 int32
	words, text, people []uint64
	names, nameKeys     []string
}

// describeKey returns everything of r that describe reads (its entry's
// fields and its opening), and the dateline, in one string: two reports
// with the same key have the same description.
func describeKey(r *report, dateline string) string {
	e := r.entry
	open := openingOf(openingTexts(r.blocks, r.kept, e.Summary, e.Body))
	var b strings.Builder
	b.Grow(len(e.Title) + len(e.Summary) + len(open) + len(dateline) + 64)
	for _, s := range []string{e.Title, e.Summary, open, dateline} {
		b.WriteString(s)
		b.WriteByte(0)
	}
	for _, list := range [][]string{e.Participants, e.People, e.Places} {
		for _, s := range list {
			b.WriteString(s)
			b.WriteByte(1)
		}
		b.WriteByte(0)
	}
	d := e.Date
	for _, n := range []int{d.Year, d.Month, d.Day, int(d.Precision)} {
		b.WriteString(strconv.Itoa(n))
		b.WriteByte(0)
	}
	return b.String()
}

// describeReports describes every report on all cores, taking the
// descriptions m kept when it has them (m may be nil), and keeps this
// merge's in m. It returns each report's description when m is not nil.
func describeReports(reports []report, datelines map[*timeline.Entry]string, m *Merger) []*description {
	var keys []string
	var descs []*description
	if m != nil {
		keys, descs = make([]string, len(reports)), make([]*description, len(reports))
		parallel.For(0, len(reports), func(i int) {
			keys[i] = describeKey(&reports[i], datelines[reports[i].entry])
			if d := m.last[keys[i]]; d != nil {
				reports[i].take(d)
				descs[i] = d
			}
		})
	}
	found := func(i int) bool { return descs != nil && descs[i] != nil }
	wordsOf := nameWordSets(reports, found, datelines)
	parallel.For(0, len(reports), func(i int) {
		if !found(i) {
			reports[i].describe(datelines[reports[i].entry], wordsOf)
		}
	})
	if m == nil {
		return nil
	}
	m.last = make(map[string]*description, len(reports))
	for i := range reports {
		if descs[i] == nil {
			descs[i] = reports[i].description()
		}
		m.last[keys[i]] = descs[i]
	}
	return descs
}

// description returns what describe worked out of r.
func (r *report) description() *description {
	return &description{day: r.day, words: r.words.words, text: r.text,
		people: r.people, names: r.names, nameKeys: r.nameKeys}
}

// take gives r the description d, as describe would: d's slices are
// only read, never changed.
func (r *report) take(d *description) {
	r.day, r.words.words, r.text = d.day, d.words, d.text
	r.people, r.names, r.nameKeys = d.people, d.names, d.nameKeys
}
