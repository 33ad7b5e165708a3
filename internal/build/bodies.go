package build

import (
	"bytes"
	"encoding/binary"
	"math"
	"strings"
	"sync"

	"github.com/newsroom/timeline/internal/content"
	"github.com/newsroom/timeline/internal/extract"
	"github.com/newsroom/timeline/internal/merge"
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
	mu sync.Mutex
	// spans holds each article's encoded spans (see encodeSpans), by
	// path; nil for an article whose blocks are not spans of its text.
	spans map[string][]byte
	// interned holds one copy of the short strings many digests repeat:
	// outlets, datelines, why articles are undated (a few forms), the
	// texts and rules of date evidence.
	interned map[string]string
}

func newBodyIndex() *bodyIndex {
	return &bodyIndex{spans: map[string][]byte{}, interned: map[string]string{}}
}

// digest returns what the chronology keeps of an extracted article: all
// but its body, captions and dropped lines (but for the opening merging
// compares, extract.Article.Opening), with every string copied so
// that the article's text can be freed. It records where the body lies
// in data, the article's text, when every block is a span of it.
func (idx *bodyIndex) digest(a *extract.Article, data []byte) *extract.Article {
	spans := encodeSpans(a.Blocks, a.Captions, data)
	d := *a
	d.Opening = merge.Opening(a)
	d.Blocks, d.Captions, d.Dropped = nil, nil, nil
	d.Title, d.Summary = strings.Clone(a.Title), strings.Clone(a.Summary)
	idx.mu.Lock()
	defer idx.mu.Unlock()
	idx.spans[a.Path] = spans
	d.Outlet, d.Dateline, d.Undated = idx.intern(a.Outlet), idx.intern(a.Dateline), idx.intern(a.Undated)
	d.DateEvidence = make([]timeline.Evidence, len(a.DateEvidence))
	for i, ev := range a.DateEvidence {
		d.DateEvidence[i] = idx.internEvidence(ev)
	}
	d.PublishedEvidence, d.EventEvidence = idx.internEvidence(a.PublishedEvidence), idx.internEvidence(a.EventEvidence)
	return &d
}

// intern returns the one copy of s that idx keeps; idx.mu must be held.
func (idx *bodyIndex) intern(s string) string {
	if s == "" {
		return ""
	}
	if kept, ok := idx.interned[s]; ok {
		return kept
	}
	s = strings.Clone(s)
	idx.interned[s] = s
	return s
}

// internEvidence returns ev with its text and rule interned; idx.mu must
// be held.
func (idx *bodyIndex) internEvidence(ev timeline.Evidence) timeline.Evidence {
	ev.Text, ev.Rule = idx.intern(ev.Text), idx.intern(ev.Rule)
	return ev
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
	return decodeSpans(spans, string(data))
}

// encodeSpans encodes where blocks and captions lie in data, about four
// bytes a block: the number of blocks, then for each its kind, the
// distance from the end of the previous one to its start (a zigzag
// varint) and its length; then the number of captions, and for each
// either its offset plus one and its length, when data holds it, or 0,
// its length and its bytes. It returns nil when a block is not a span of
// data: such a body is extracted again.
func encodeSpans(blocks []timeline.Block, captions []string, data []byte) []byte {
	buf := make([]byte, 0, 4*len(blocks)+8*len(captions)+4)
	buf = binary.AppendUvarint(buf, uint64(len(blocks)))
	prevEnd := 0
	for _, b := range blocks {
		end := b.Offset + len(b.Text)
		if b.Offset < 0 || end > len(data) || b.Kind < 0 || b.Kind > math.MaxUint8 || string(data[b.Offset:end]) != b.Text {
			return nil
		}
		buf = append(buf, byte(b.Kind))
		buf = binary.AppendVarint(buf, int64(b.Offset-prevEnd))
		buf = binary.AppendUvarint(buf, uint64(len(b.Text)))
		prevEnd = end
	}
	buf = binary.AppendUvarint(buf, uint64(len(captions)))
	for _, c := range captions {
		at := -1
		if c != "" {
			at = bytes.Index(data, []byte(c))
		}
		if at < 0 {
			buf = binary.AppendUvarint(buf, 0)
			buf = binary.AppendUvarint(buf, uint64(len(c)))
			buf = append(buf, c...)
			continue
		}
		buf = binary.AppendUvarint(buf, uint64(at)+1)
		buf = binary.AppendUvarint(buf, uint64(len(c)))
	}
	return bytes.Clone(buf)
}

// decodeSpans rebuilds the blocks and captions that encodeSpans encoded
// in spans from text, and reports false when they do not fit it.
func decodeSpans(spans []byte, text string) ([]timeline.Block, []string, bool) {
	r := spanReader{buf: spans}
	n := r.uvarint()
	if n > uint64(len(spans)) {
		return nil, nil, false
	}
	blocks := make([]timeline.Block, n)
	prevEnd := 0
	for i := range blocks {
		kind := r.byte()
		start := prevEnd + int(r.varint())
		end := start + int(r.uvarint())
		if r.bad || start < 0 || end < start || end > len(text) {
			return nil, nil, false
		}
		blocks[i] = timeline.Block{Kind: timeline.BlockKind(kind), Text: text[start:end], Offset: start}
		prevEnd = end
	}
	n = r.uvarint()
	if r.bad || n > uint64(len(spans)) {
		return nil, nil, false
	}
	captions := make([]string, n)
	for i := range captions {
		at, length := r.uvarint(), r.uvarint()
		switch {
		case r.bad:
			return nil, nil, false
		case at == 0:
			captions[i] = string(r.bytes(length))
		case at-1 > uint64(len(text)) || length > uint64(len(text))-(at-1):
			return nil, nil, false
		default:
			captions[i] = text[at-1 : at-1+length]
		}
	}
	if r.bad || len(r.buf) > 0 {
		return nil, nil, false
	}
	if len(captions) == 0 {
		captions = nil
	}
	return blocks, captions, true
}

// spanReader reads what encodeSpans wrote; bad is set once it reads
// past the end or a malformed varint, and every read after gives zero.
type spanReader struct {
	buf []byte
	bad bool
}

func (r *spanReader) byte() byte {
	if len(r.buf) == 0 {
		r.bad = true
		return 0
	}
	b := r.buf[0]
	r.buf = r.buf[1:]
	return b
}

func (r *spanReader) uvarint() uint64 {
	v, n := binary.Uvarint(r.buf)
	if n <= 0 {
		r.bad = true
		return 0
	}
	r.buf = r.buf[n:]
	return v
}

// varint reads a signed varint: a uvarint holding the value zig-zag
// encoded, as binary.AppendVarint writes it.
func (r *spanReader) varint() int64 {
	u := r.uvarint()
	return int64(u>>1) ^ -int64(u&1)
}

func (r *spanReader) bytes(n uint64) []byte {
	if n > uint64(len(r.buf)) {
		r.bad = true
		return nil
	}
	b := r.buf[:n]
	r.buf = r.buf[n:]
	return b
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
func bodies(fsys afero.Fs, c *content.Content, opts extract.Options, idx *bodyIndex) render.Bodies {
	opts.Names = nil // the people are known from the first reading
	cache := &bodyCache{byPath: map[string]*body{}}
	records := map[string]*content.Record{}
	for _, a := range c.Articles {
		if a.Record != nil {
			records[a.Path] = a.Record
		}
	}
	return func(articlePath string) ([]timeline.Block, []string, error) {
		b, first := cache.get(articlePath)
		if first {
			data, meta, err := readArticle(fsys, c.Dir, content.Article{Path: articlePath, Record: records[articlePath]})
			if err == nil {
				var ok bool
				if b.blocks, b.captions, ok = idx.body(articlePath, data); !ok {
					a := extractText(articlePath, data, meta, opts)
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
