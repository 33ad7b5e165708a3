package extract

import (
	"sort"
	"strings"

	"github.com/newsroom/timeline/internal/timeline"
	"github.com/newsroom/timeline/internal/webpage"
)

// ExtractFile extracts the article in data by its kind, which the
// extension of path names: a saved web page (.html, .htm) or plain text
// (any other).
func ExtractFile(path string, data []byte, opts Options) *Article {
	if IsPage(path) {
		return ExtractPage(path, data, opts)
	}
	return Extract(path, data, opts)
}

// IsPage reports whether path names a saved web page (.html or .htm,
// in any case).
func IsPage(path string) bool {
	i := strings.LastIndexByte(path, '.')
	if i < 0 {
		return false
	}
	ext := strings.ToLower(path[i:])
	return ext == ".html" || ext == ".htm"
}

// ExtractPage extracts a saved web page: webpage.Read gives its
// metadata (which wins, as in ExtractWith) and its main text without
// boilerplate, which is then read as a plain-text article. Offsets in
// the result (blocks, dropped lines, the lede's date evidence) are byte
// offsets in the page where the block's text starts. Data that is not a
// page gives an undated article that says why.
func ExtractPage(path string, data []byte, opts Options) *Article {
	page, err := webpage.Read(data, opts.Location)
	if err != nil {
		return &Article{Path: path, Undated: err.Error()}
	}
	text, starts := layoutPage(page)
	meta := Meta{
		Title: page.Title, Published: page.Published, PublishedEvidence: page.PublishedEvidence,
		URL: page.URL, Outlet: page.Outlet, Author: page.Author, markup: true,
	}
	a := extract(path, []byte(text), meta, opts)
	if page.Listing {
		undateListing(a)
	}
	// toSource maps an offset in the text to the page: the same place
	// in the block's source when what lies there is what, else where the
	// block starts.
	toSource := func(offset int, what string) int {
		i := sort.Search(len(starts), func(i int) bool { return starts[i].text > offset }) - 1
		if i < 0 || offset < 0 {
			return offset
		}
		at := starts[i].source + offset - starts[i].text
		if what != "" && at+len(what) <= len(data) && string(data[at:at+len(what)]) == what {
			return at
		}
		return starts[i].source
	}
	paragraphs := make(map[int]bool, len(page.Blocks))
	for _, b := range page.Blocks {
		paragraphs[b.Offset] = b.Kind == timeline.Paragraph
	}
	for i := range a.Blocks {
		a.Blocks[i].Offset = toSource(a.Blocks[i].Offset, "")
		if paragraphs[a.Blocks[i].Offset] && len(strings.Fields(a.Blocks[i].Text)) > 7 {
			// A line of more than seven words without a full stop
			// that the page sets as a paragraph is prose, not a
			// heading (a short one may be a bold sub-heading).
			a.Blocks[i].Kind = timeline.Paragraph
		}
	}
	for i := range a.Dropped {
		a.Dropped[i].Offset = toSource(a.Dropped[i].Offset, "")
	}
	remap := func(ev *timeline.Evidence) {
		if *ev != meta.PublishedEvidence {
			ev.Offset = toSource(ev.Offset, ev.Text)
		}
	}
	remap(&a.PublishedEvidence)
	remap(&a.EventEvidence)
	for i := range a.DateEvidence {
		remap(&a.DateEvidence[i])
	}
	for _, c := range page.Captions {
		a.Captions = append(a.Captions, c.Text)
	}
	a.Note = page.Note
	return a
}

// blockStart pairs where a block starts in the text given to extraction
// with where it starts in the page.
type blockStart struct{ text, source int }

// layoutPage lays out a page's headline and blocks as a plain-text
// article, one paragraph each, and says where each starts.
func layoutPage(p *webpage.Page) (string, []blockStart) {
	var b strings.Builder
	starts := make([]blockStart, 0, len(p.Blocks)+1)
	if p.Title != "" {
		starts = append(starts, blockStart{0, 0})
		b.WriteString(p.Title)
		b.WriteString("\n\n")
	}
	for _, block := range p.Blocks {
		starts = append(starts, blockStart{b.Len(), block.Offset})
		b.WriteString(block.Text)
		b.WriteString("\n\n")
	}
	return b.String(), starts
}

// undateListing leaves undated the article read from a page that lists
// other pages: the days its text names are theirs.
func undateListing(a *Article) {
	a.Published, a.PublishedEvidence = timeline.Date{}, timeline.Evidence{}
	a.Event, a.EventEvidence, a.DateEvidence = timeline.Date{}, timeline.Evidence{}, nil
	a.Undated = "the page lists other pages (its JSON-LD says CollectionPage or SearchResultsPage): the days it shows are theirs"
}
