// Package extract is the extract stage: it reads one raw article (scraped
// plain text, site chrome and all) and finds its headline, publication and
// event dates with their evidence, outlet, clean body and summary.
//
// It never guesses: an article whose text carries no usable date comes
// back with a zero Event date and Undated saying why.
//
// Extraction works on the shape of the text, never on outlet names:
// lines are classified by length, sentence punctuation, repetition,
// position and their neighbours (menus, share rows, bylines, captions and
// credits, promotions, trailers); the headline is the title-shaped line
// nearest above the first prose paragraph; dates come from the newsdate
// scanner and are ranked by where they sit (date markers, bylines,
// datelines, trailers), then the lede's first time expression is resolved
// backwards from the publication date.
package extract

import (
	"cmp"
	"slices"
	"time"

	"github.com/newsroom/timeline/internal/names"
	"github.com/newsroom/timeline/internal/newsdate"
	"github.com/newsroom/timeline/internal/timeline"
)

// Options tune extraction.
type Options struct {
	// WindowStart and WindowEnd are the chronology window; a yearless date with no
	// publication date takes its year from it when that is unambiguous.
	WindowStart, WindowEnd timeline.Date
	// Names finds the known people the article names; nil finds none.
	Names *names.Matcher
	// Location is the zone of a page's timestamps that give no offset
	// (site.yaml's timezone:); nil is UTC.
	Location *time.Location
}

// Dropped is a line left out of the body, and why.
type Dropped struct {
	Text   string `json:"text"`
	Offset int    `json:"offset"`
	Reason string `json:"reason"`
}

// Article is what extraction read from one article file.
type Article struct {
	Path         string
	Title        string
	TitleDerived bool
	Published    timeline.Date
	Event        timeline.Date
	// DateEvidence holds the evidence for Published and Event, in that
	// order, each when known.
	DateEvidence []timeline.Evidence
	// PublishedEvidence and EventEvidence are the same evidence, apart.
	PublishedEvidence timeline.Evidence
	EventEvidence     timeline.Evidence
	// Undated says why no event date could be read; empty when dated.
	Undated string
	Outlet  string
	// URL and Author are the article's link and byline, as its scrape's
	// metadata gives them (Meta); empty for a bare text.
	URL, Author string
	// Conflict says how the metadata and the text disagree on the
	// publication date by more than a day, naming both; empty when they
	// agree or one of them is silent.
	Conflict string
	// Note says how a saved page was read other than as written
	// (webpage.Page.Note), for a warning; empty for almost every article.
	Note string
	// Dateline is the place a dateline names ("WASHINGTON").
	Dateline string
	Blocks   []timeline.Block
	Captions []string
	Dropped  []Dropped
	Summary  string
	// Opening is what merging compares of the body's start: the
	// compared forms of its first words (merge.Opening), kept when
	// Blocks are dropped to save memory (the build's digests); empty
	// otherwise.
	Opening string
	// People are the canonical names of the known people (Options.Names)
	// that the headline or body names.
	People []string
}

// Extract reads the article data found at path. Data that is markup (a
// news feed's XML, a page saved with its tags) is read as markup, never
// as prose (see readMarkup); offsets then refer to the text it reads as.
func Extract(path string, data []byte, opts Options) *Article {
	return extract(path, data, Meta{}, opts)
}

func extract(path string, data []byte, meta Meta, opts Options) *Article {
	if text, m, ok := readMarkup(data, opts.Location); ok {
		data = text
		if meta.Published.Precision < timeline.Day {
			meta.Published, meta.PublishedEvidence = m.Published, m.PublishedEvidence
		}
		meta.URL, meta.Outlet, meta.Author = cmp.Or(meta.URL, m.URL), cmp.Or(meta.Outlet, m.Outlet), cmp.Or(meta.Author, m.Author)
	}
	x := &extraction{
		text:  string(data),
		opts:  opts,
		meta:  meta,
		a:     &Article{Path: path, URL: meta.URL, Author: meta.Author},
		title: -1,
	}
	s := getScratch()
	defer s.release()
	x.blocks, x.dropped, x.captions, x.sents = s.blocks[:0], s.dropped[:0], s.captions[:0], s.sents[:0]
	x.ledeWords = s.ledeWords[:0]
	x.readLines(s)
	x.readDayFirst()
	x.findHeadline()
	x.readBody()
	x.readDates()
	x.deriveTitle()
	x.summarise()
	x.finish(s)
	x.applyMeta()
	x.a.People = opts.Names.Find(x.a.Title, x.a.Blocks)
	return x.a
}

// finish copies the blocks, dropped lines and captions, gathered in the
// scratch buffers, to the article, each list the size of its contents
// (nil when nothing was ever added), and hands the buffers back to s.
func (x *extraction) finish(s *scratch) {
	x.a.Blocks = exactCopy(x.blocks, x.kept)
	x.a.Dropped = exactCopy(x.dropped, len(x.dropped) > 0)
	x.a.Captions = exactCopy(x.captions, len(x.captions) > 0)
	s.blocks, s.dropped, s.captions, s.sents = x.blocks, x.dropped, x.captions, x.sents
	s.ledeWords = x.ledeWords
}

// exactCopy returns a copy of buf as long as its contents, or nil when
// used is false.
func exactCopy[T any](buf []T, used bool) []T {
	if !used {
		return nil
	}
	return append(make([]T, 0, len(buf)), buf...)
}

// extraction is the state of one Extract call.
type extraction struct {
	text  string
	opts  Options
	meta  Meta
	a     *Article
	lines []span
	facts []lineFacts
	// title is the index of the headline line, or -1.
	title int
	// anchorGuessed is set when the headline is line 1, the page holds
	// no copy of it nor a headline of its own, and title is only the
	// title-shaped line nearest the first prose line.
	anchorGuessed bool
	// firstProse is the index of the first prose line (len(lines) if none).
	firstProse int
	// lede is the first body paragraph's span after any dateline.
	lede    span
	hasLede bool
	// speech is set when the head holds a speech's salutation.
	speech bool
	// next is the paragraph after the lede, when hasNext.
	next    span
	hasNext bool
	// dateline is what the lede's dateline said.
	dateline datelineInfo
	// Dates found where a publication date may sit, and in captions.
	marker, greeting, email, byline, head, trailer, stamp candidate
	// headMarked is set when head's line says it is the publication
	// date ("First published: …"): it then goes before the byline's.
	headMarked bool
	// live keeps liveDays once worked out.
	live struct {
		first, last candidate
		ok, done    bool
	}
	// trailerConflict and stampConflict are set when two trailers or
	// closing stamps name different days: a page of comments or a list
	// of stories, whose stamps date no one article.
	trailerConflict, stampConflict bool
	captionDates                   []newsdate.Mention
	// blocks, dropped and captions gather what becomes the article's
	// Blocks, Dropped and Captions (see finish); kept is whether a block
	// was ever kept, so that an article whose only block was moved to
	// the captions has an empty, not a nil, Blocks.
	blocks   []timeline.Block
	kept     bool
	dropped  []Dropped
	captions []string
	// sents is the buffer of x.sentences.
	sents []span
	// explain makes findHeadline keep the candidates it weighed, with
	// why, in candidates (see HeadlineCandidates).
	explain    bool
	candidates []HeadlineCandidate
	// ledeWords are the content words of the prose line the headline
	// candidates are compared with, once ledeLine is set (-1 before).
	ledeWords []string
	ledeLine  int
	// ledeMask has the wordBit of each of ledeWords.
	ledeMask uint64
	// copyLine and copyProse are the page's copy of line 1 and the prose
	// after it (see lineOneCopy), once copyDone is set.
	copyLine, copyProse int
	copyDone            bool
}

// candidate is a date mention, with absolute offsets, found in a place
// that may give the publication date.
type candidate struct {
	found bool
	m     newsdate.Mention
}

func (x *extraction) drop(s span, reason string) {
	x.dropped = append(x.dropped, Dropped{Text: s.Text, Offset: s.Start, Reason: reason})
}

func (x *extraction) keep(kind timeline.BlockKind, s span) {
	x.blocks = append(x.blocks, timeline.Block{Kind: kind, Text: s.Text, Offset: s.Start})
	x.kept = true
}

// summarise sets the summary: the lede, cut to its first two sentences
// when long.
func (x *extraction) summarise() {
	if !x.hasLede {
		return
	}
	if len(x.lede.Text) <= 320 {
		x.a.Summary = x.lede.Text
		return
	}
	sents := x.sentences(x.lede, 2)
	end := sents[0].End
	if len(sents) > 1 && sents[1].End-x.lede.Start <= 320 {
		end = sents[1].End
	}
	x.a.Summary = x.text[x.lede.Start:end]
}

// deriveTitle makes a headline from the lede when the text has none.
func (x *extraction) deriveTitle() {
	if x.a.Title != "" || !x.hasLede {
		return
	}
	x.a.Title, x.a.TitleDerived = deriveTitle(x.sentences(x.lede, 1)[0].Text), true
}

// SameApartFromBody reports whether a and b hold the same of an article
// but for its body: its blocks, captions and dropped lines. An edit to a
// paragraph past the lede and the dates gives two such extractions.
func (a *Article) SameApartFromBody(b *Article) bool {
	return a.Path == b.Path && a.Title == b.Title && a.TitleDerived == b.TitleDerived &&
		a.Published == b.Published && a.Event == b.Event &&
		slices.Equal(a.DateEvidence, b.DateEvidence) &&
		a.PublishedEvidence == b.PublishedEvidence && a.EventEvidence == b.EventEvidence &&
		a.Undated == b.Undated && a.Conflict == b.Conflict && a.Note == b.Note && a.Outlet == b.Outlet && a.URL == b.URL && a.Author == b.Author && a.Dateline == b.Dateline &&
		a.Summary == b.Summary && a.Opening == b.Opening && slices.Equal(a.People, b.People)
}
