package merge

import (
	"hash/maphash"
	"slices"

	"github.com/newsroom/timeline/internal/content"
	"github.com/newsroom/timeline/internal/diag"
	"github.com/newsroom/timeline/internal/extract"
	"github.com/newsroom/timeline/internal/timeline"
)

// Merger merges again and again, as the preview server does after each
// change: it keeps what the last merge worked out of each report's
// headline, lede and names (its description), with those fields, so
// that merging again after a few articles changed describes only those.
// It gives what Merge gives. It keeps the last merge's descriptions
// only, and is not safe for concurrent use; the zero Merger is ready.
type Merger struct {
	// prev is what the next merge may reuse of the last one's reports,
	// their descriptions included.
	prev *lastMerge
}

// Merge is Merge, reusing the descriptions of m's last merge.
func (m *Merger) Merge(c *content.Content, articles []*extract.Article) (*timeline.Chronology, diag.List) {
	return merge(c, articles, m)
}

// description is what describe works out of a report's fields, and
// those fields.
type description struct {
	from                        described
	day                         int32
	words, proper, text, people []uint64
	names, nameKeys             []string
}

// described is every field of a report's entry that describe reads, the
// texts its opening is read from and its dateline: two reports with the
// same fields have the same description. The texts are all of an
// article's paragraphs, not just its opening: finding where the opening
// ends would cost as much as describing it, and a report whose later
// paragraphs changed is only described again.
type described struct {
	title, summary, dateline     string
	paragraphs                   []timeline.Block
	kept, body                   string
	participants, people, places []string
	year, month, day, precision  int
}

// describedOf returns the fields of r's entry that describe reads, and
// the texts of its opening.
func describedOf(r *report) described {
	e, d := r.entry, r.entry.Date
	return described{title: e.Title, summary: e.Summary, dateline: r.dateline,
		paragraphs: r.blocks, kept: r.kept, body: e.Body,
		participants: e.Participants, people: e.People, places: e.Places,
		year: d.Year, month: d.Month, day: d.Day, precision: int(d.Precision)}
}

// describeSeed seeds the digests of described fields, which are
// compared within one process only.
var describeSeed = maphash.MakeSeed()

// digest returns a hash of d's fields, which finds the description kept
// for fields like d when articles were added or removed (Merger.reuse):
// found by it, a description is taken only when its fields are equal
// (same). It hashes the title, and of the other fields their lengths
// only, as that tells most edits apart: two reports with one digest and
// other fields are only described again.
func (d *described) digest() uint64 {
	h := maphash.String(describeSeed, d.title)
	add := func(x int) { h = mix(h ^ uint64(x)) }
	add(len(d.summary))
	add(len(d.dateline))
	add(len(d.kept))
	add(len(d.body))
	for _, b := range d.paragraphs {
		if b.Kind == timeline.Paragraph {
			add(len(b.Text))
		}
	}
	add(len(d.participants))
	add(len(d.people))
	add(len(d.places))
	add(d.year<<9 | d.month<<5 | d.day)
	add(d.precision)
	return h
}

// same reports whether d and o hold the same fields.
func (d *described) same(o *described) bool {
	return d.title == o.title && d.summary == o.summary && d.dateline == o.dateline && d.kept == o.kept && d.body == o.body &&
		sameParagraphs(d.paragraphs, o.paragraphs) &&
		slices.Equal(d.participants, o.participants) && slices.Equal(d.people, o.people) &&
		slices.Equal(d.places, o.places) &&
		d.year == o.year && d.month == o.month && d.day == o.day && d.precision == o.precision
}

// sameParagraphs reports whether the paragraphs of a and b have the same
// texts. Two lists held in the same memory are the same: the blocks of
// an article the preview server did not extract again, compared with
// the last merge's, are not read at all.
func sameParagraphs(a, b []timeline.Block) bool {
	if len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0]) {
		return true
	}
	i, j := 0, 0
	for {
		for i < len(a) && a[i].Kind != timeline.Paragraph {
			i++
		}
		for j < len(b) && b[j].Kind != timeline.Paragraph {
			j++
		}
		if i == len(a) || j == len(b) {
			return i == len(a) && j == len(b)
		}
		if a[i].Text != b[j].Text {
			return false
		}
		i, j = i+1, j+1
	}
}

// describeReports describes every report on all cores, taking the
// descriptions m kept when it has them (m may be nil; see
// Merger.reuse). It returns each report's description when m is not
// nil, for m to keep.
func describeReports(reports []report, m *Merger) []*description {
	var descs []*description
	var missed []int
	if m != nil {
		descs = make([]*description, len(reports))
		missed = m.reuse(reports, descs)
	}
	// from are the fields of the reports described anew, read before
	// describing lets their paragraphs go.
	from := make([]described, len(missed))
	for k, i := range missed {
		from[k] = describedOf(&reports[i])
	}
	found := func(i int) bool { return descs != nil && descs[i] != nil }
	wordsOf := nameWordSets(reports, found)
	forBatches(len(reports), func(i int) {
		if !found(i) {
			reports[i].describe(wordsOf)
		}
		reports[i].blocks, reports[i].kept = nil, "" // read by describe only
	})
	for k, i := range missed {
		descs[i] = reports[i].description()
		descs[i].from = from[k]
	}
	return descs
}

// reshuffled is how many reports may miss the description of the last
// merge's report at their index before Merger.reuse looks for theirs
// among all the last merge's: a few are edits, more are articles added
// or removed, which move every report after them.
const reshuffled = 16

// reuse gives the reports whose fields (describedOf) are those of a
// report of m's last merge its description, in descs: the one at the
// same index when its fields are the same (an edit leaves every other
// report where it was), and else, when more than reshuffled reports
// missed, the one whose fields have the same digest and are the same.
// It returns the indices of the others, in order.
func (m *Merger) reuse(reports []report, descs []*description) []int {
	var last []*description
	if m.prev != nil {
		last = m.prev.descs
	}
	forBatches(min(len(reports), len(last)), func(i int) {
		if from := describedOf(&reports[i]); last[i].from.same(&from) {
			reports[i].take(last[i])
			descs[i] = last[i]
		}
	})
	var missed []int
	for i, d := range descs {
		if d == nil {
			missed = append(missed, i)
		}
	}
	if len(missed) <= reshuffled || len(last) == 0 {
		return missed
	}
	byDigest := make(map[uint64]*description, len(last))
	for _, d := range last {
		byDigest[d.from.digest()] = d
	}
	forBatches(len(missed), func(k int) {
		i := missed[k]
		from := describedOf(&reports[i])
		if d := byDigest[from.digest()]; d != nil && d.from.same(&from) {
			reports[i].take(d)
			descs[i] = d
		}
	})
	return slices.DeleteFunc(missed, func(i int) bool { return descs[i] != nil })
}

// description returns what describe worked out of r.
func (r *report) description() *description {
	return &description{day: r.day, words: r.words.words, proper: r.proper.words, text: r.text,
		people: r.people, names: r.names, nameKeys: r.nameKeys}
}

// take gives r the description d, as describe would: d's slices are
// only read, never changed.
func (r *report) take(d *description) {
	r.day, r.words.words, r.proper.words, r.text = d.day, d.words, d.proper, d.text
	r.people, r.names, r.nameKeys = d.people, d.names, d.nameKeys
}
