package build

import (
	"math"
	"strings"
	"sync"

	"github.com/newsroom/timeline/internal/content"
	"github.com/newsroom/timeline/internal/extract"
	"github.com/newsroom/timeline/internal/render"
	"github.com/newsroom/timeline/internal/timeline"
	"github.com/spf13/afero"
)

// DefaultHoldBodies is the total size of raw articles up to which a build
// holds every article's body in memory. Above it, the build keeps only
// what the chronology needs of each article (dates, title, summary,
// people) and reads each body again when its pages are rendered, so
// memory stays bounded however large the archive. Below it, reading
// bodies twice would cost more than holding them.
const DefaultHoldBodies = 128 << 20

// bodyIndex remembers where each article's body lies in its file, for
// builds that keep digests only: a body is rebuilt from the file and
// these spans, without extracting the article again.
type bodyIndex struct {
	mu    sync.Mutex
	spans map[string]*bodySpans
}

// bodySpans locates the blocks of one article's body in its file, and
// keeps its captions (few and short).
type bodySpans struct {
	blocks   []blockSpan
	captions []string
}

// blockSpan is where one block of a body lies in its article's text:
// 12 bytes, where a Block takes 32 and its text.
type blockSpan struct {
	offset, length int32
	kind           uint8
}

func newBodyIndex() *bodyIndex { return &bodyIndex{spans: map[string]*bodySpans{}} }

// digest returns what the chronology keeps of an extracted article: all
// but its body, captions and dropped lines, with every string copied so
// that the article's text can be freed. It records where the body lies
// in data, the article's text, when every block is a span of it.
func (idx *bodyIndex) digest(a *extract.Article, data []byte) *extract.Article {
	spans := &bodySpans{captions: make([]string, len(a.Captions)), blocks: make([]blockSpan, 0, len(a.Blocks))}
	for i, c := range a.Captions {
		spans.captions[i] = strings.Clone(c)
	}
	for _, b := range a.Blocks {
		end := b.Offset + len(b.Text)
		if b.Offset < 0 || end > len(data) || end > math.MaxInt32 || b.Kind < 0 || b.Kind > math.MaxUint8 || string(data[b.Offset:end]) != b.Text {
			spans = nil // not spans of the text: the body is extracted again
			break
		}
		spans.blocks = append(spans.blocks, blockSpan{offset: int32(b.Offset), length: int32(len(b.Text)), kind: uint8(b.Kind)})
	}
	idx.mu.Lock()
	idx.spans[a.Path] = spans
	idx.mu.Unlock()

	d := *a
	d.Blocks, d.Captions, d.Dropped = nil, nil, nil
	d.Title, d.Summary, d.Outlet = strings.Clone(a.Title), strings.Clone(a.Summary), strings.Clone(a.Outlet)
	d.Dateline, d.Undated = strings.Clone(a.Dateline), strings.Clone(a.Undated)
	d.DateEvidence = make([]timeline.Evidence, len(a.DateEvidence))
	for i, ev := range a.DateEvidence {
		d.DateEvidence[i] = cloneEvidence(ev)
	}
	d.PublishedEvidence, d.EventEvidence = cloneEvidence(a.PublishedEvidence), cloneEvidence(a.EventEvidence)
	return &d
}

// body rebuilds the body of articlePath from data, the article's text,
// and reports false when the spans do not fit it (the file changed
// since it was extracted, or its blocks were not spans).
func (idx *bodyIndex) body(articlePath string, data []byte) ([]timeline.Block, []string, bool) {
	idx.mu.Lock()
	spans := idx.spans[articlePath]
	idx.mu.Unlock()
	if spans == nil {
		return nil, nil, false
	}
	text := string(data)
	blocks := make([]timeline.Block, len(spans.blocks))
	for i, b := range spans.blocks {
		start, end := int(b.offset), int(b.offset)+int(b.length)
		if end > len(text) {
			return nil, nil, false
		}
		blocks[i] = timeline.Block{Kind: timeline.BlockKind(b.kind), Text: text[start:end], Offset: start}
	}
	return blocks, spans.captions, true
}

func cloneEvidence(ev timeline.Evidence) timeline.Evidence {
	ev.Text, ev.Rule = strings.Clone(ev.Text), strings.Clone(ev.Rule)
	return ev
}

// streamBodies reports whether a build of c that may hold hold bytes of
// articles (0: DefaultHoldBodies) keeps digests only.
func streamBodies(c *content.Content, hold int64) bool {
	if hold <= 0 {
		hold = DefaultHoldBodies
	}
	var total int64
	for _, a := range c.Articles {
		total += a.Size
	}
	return total > hold
}

// bodies returns the render.Bodies that reads an article again and
// rebuilds its body from the spans idx recorded (extracting it again only
// when they do not fit), for builds that keep digests only. An article's
// entry page and its own page are rendered one after the other, so the
// last few bodies read are kept for the second request, and a body being
// read for one page is waited for rather than read twice.
func bodies(fsys afero.Fs, dir string, opts extract.Options, idx *bodyIndex) render.Bodies {
	opts.Names = nil // the people are known from the first reading
	cache := &bodyCache{byPath: map[string]*body{}}
	return func(articlePath string) ([]timeline.Block, []string, error) {
		b, first := cache.get(articlePath)
		if first {
			data, err := content.ReadArticle(fsys, dir, content.Article{Path: articlePath})
			if err == nil {
				var ok bool
				if b.blocks, b.captions, ok = idx.body(articlePath, data); !ok {
					a := extract.Extract(articlePath, data, opts)
					b.blocks, b.captions = a.Blocks, a.Captions
				}
			}
			b.err = err
			close(b.ready)
		}
		<-b.ready
		return b.blocks, b.captions, b.err
	}
}

// bodyKeep is how many recently read bodies bodyCache keeps.
const bodyKeep = 64

// bodyCache keeps the last bodyKeep bodies read, by article path.
type bodyCache struct {
	mu     sync.Mutex
	byPath map[string]*body
	order  []string
}

// body is one article's body, ready once its channel is closed.
type body struct {
	ready    chan struct{}
	blocks   []timeline.Block
	captions []string
	err      error
}

// get returns the body of articlePath, and whether the caller is the
// first to ask and must read it.
func (c *bodyCache) get(articlePath string) (b *body, first bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if b, ok := c.byPath[articlePath]; ok {
		return b, false
	}
	b = &body{ready: make(chan struct{})}
	c.byPath[articlePath] = b
	c.order = append(c.order, articlePath)
	if len(c.order) > bodyKeep {
		delete(c.byPath, c.order[0])
		c.order = c.order[1:]
	}
	return b, true
}
