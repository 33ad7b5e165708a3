package render

import (
	"encoding/binary"
	"encoding/json"
	"hash/maphash"
	"sync"

	"github.com/newsroom/timeline/internal/parallel"
	"github.com/newsroom/timeline/internal/timeline"
)

// A page's key hashes everything its template is handed: the site and
// templates (the global key), and the entries, terms and articles the
// page shows. Two Renders that give a page the same key give it the same
// bytes, so a Render with Options.Previous keeps such a page instead of
// executing its template again (see State).
//
// What each key covers:
//
//	every page      the templates' bytes, the site, people.yaml, the
//	                content folder's path, and the ID, name and URL of
//	                every person, tag, month and phase
//	entry page      the entry, its neighbours and its phase
//	article page    the article
//	term page       its entries, its pager, its term's entry count, and
//	                the headings (ID, title, dates, kind) of all the
//	                term's entries on its first page (the axis marks
//	                them all) and of the entries of each person it
//	                spoke with
//	taxonomy index  each term's entry count
//	index           every entry
//	feeds           the latest entries
//	search index    each file's own bytes (the index is made to key it)
//	other exports   every entry, and every term's entry count
//
// An entry's key hashes every field of the entry (TestEntryKeyCoversFields
// fails when a new field is left out), and of the entry a Contact points
// back to, its ID, title and dates.

// keySeed seeds every key: keys are compared within one process only.
var keySeed = maphash.MakeSeed()

// keyer computes the keys of one Render call.
type keyer struct {
	seed   maphash.Seed
	global uint64
	// broken is set when the site or people could not be hashed: no
	// page is then kept.
	broken bool
	// entries holds the key of each entry of the chronology, in its
	// order, and headings the key of what an axis or a short list shows
	// of it: its ID, title, dates and kind. index holds each entry's
	// place in the chronology.
	entries, headings []uint64
	index             map[*timeline.Entry]int
	// articles holds the key of each article's page, in the order of the
	// chronology's articles.
	articles []uint64
	// all is the key of the whole chronology: every entry and term.
	all uint64
}

// newKeyer computes the global key and every entry's key, on the
// workers.
func newKeyer(r *renderer) *keyer {
	seed := keySeed
	k := &keyer{seed: seed, index: make(map[*timeline.Entry]int, len(r.chron.Entries))}
	var h keyBuf
	h.b = append(h.b, r.t.digest[:]...)
	writeString(&h, r.chron.ContentDir)
	for _, v := range []any{r.chron.Site, r.chron.People} {
		data, err := json.Marshal(v)
		if err != nil {
			k.broken = true
		}
		writeString(&h, string(data))
	}
	for _, tx := range r.links.Taxonomies() {
		writeString(&h, tx.ID)
		writeInt(&h, len(tx.Terms))
		for _, t := range tx.Terms {
			writeString(&h, t.ID)
			writeString(&h, t.Name)
			writeString(&h, t.URL)
			writeString(&h, t.Description)
		}
	}
	k.global = h.sum(seed)

	entries := r.chron.Entries
	keys := make([]uint64, len(entries))
	headings := make([]uint64, len(entries))
	bodies := make([]uint64, len(entries))
	// An entry or article the same as in the previous Render, found at
	// about the same place, keeps its keys (see sameEntry); one whose
	// blocks are the same keeps its body's hash.
	prev := r.previous()
	if prev == nil {
		prev = &State{}
	}
	sameGlobal := r.previous() != nil && prev.global == k.global
	articles := r.chron.Articles
	articleBodies := make([]uint64, len(articles))
	articleKeyList := make([]uint64, len(articles))
	parallel.For(r.opts.Workers, len(articles), func(i int) {
		a := articles[i]
		j := previousIndex(len(prev.articles), i, func(j int) string { return prev.articles[j].article.Path }, a.Path)
		switch {
		case j >= 0 && sameGlobal && sameArticle(prev.articles[j].article, a):
			articleBodies[i], articleKeyList[i] = prev.articles[j].body, prev.articles[j].key
			return
		case j >= 0 && idOf(prev.articles[j].article.Blocks) == idOf(a.Blocks):
			articleBodies[i] = prev.articles[j].body
		default:
			articleBodies[i] = bodyHash(seed, a.Blocks)
		}
		articleKeyList[i] = k.articleKey(a, articleBodies[i])
	})
	parallel.For(r.opts.Workers, len(entries), func(i int) {
		e := entries[i]
		j := previousIndex(len(prev.entries), i, func(j int) string { return prev.entries[j].entry.ID }, e.ID)
		var body uint64
		switch {
		case j >= 0 && sameGlobal && sameEntry(prev.entries[j].entry, e):
			keys[i], headings[i], bodies[i] = prev.entries[j].key, prev.entries[j].heading, prev.entries[j].body
			return
		case j >= 0 && idOf(prev.entries[j].entry.Blocks) == idOf(e.Blocks):
			body = prev.entries[j].body
		default:
			body = bodyHash(seed, e.Blocks)
		}
		bodies[i] = body
		h := getKeyBuf()
		defer keyBufs.Put(h)
		writeUint(h, k.global)
		writeEntry(h, e, body)
		keys[i] = h.sum(seed)
		h.b = h.b[:0]
		writeString(h, e.ID)
		writeString(h, e.Title)
		writeDate(h, e.Date)
		writeDate(h, e.End)
		writeString(h, e.Kind)
		headings[i] = h.sum(seed)
	})
	k.articles = articleKeyList
	if next := r.next(); next != nil {
		next.global = k.global
		next.entries = make([]entryKeys, len(entries))
		for i, e := range entries {
			next.entries[i] = entryKeys{entry: e, key: keys[i], heading: headings[i], body: bodies[i]}
		}
		next.articles = make([]articleKeys, len(articles))
		for i, a := range articles {
			next.articles[i] = articleKeys{article: a, key: articleKeyList[i], body: articleBodies[i]}
		}
	}
	h.b = h.b[:0]
	writeUint(&h, k.global)
	for i, e := range entries {
		k.index[e] = i
		writeUint(&h, keys[i])
	}
	for _, tx := range r.links.Taxonomies() {
		for _, t := range tx.Terms {
			writeInt(&h, len(t.Entries))
		}
	}
	k.entries, k.headings = keys, headings
	k.all = h.sum(seed)
	return k
}

// entryKey returns the key of e, an entry of the chronology.
func (k *keyer) entryKey(e *timeline.Entry) uint64 { return k.entries[k.index[e]] }

// key returns a hash of the global key, the page's kind and parts.
func (k *keyer) key(kind string, parts ...uint64) uint64 {
	h := getKeyBuf()
	defer keyBufs.Put(h)
	writeUint(h, k.global)
	writeString(h, kind)
	for _, p := range parts {
		writeUint(h, p)
	}
	return h.sum(k.seed)
}

// entriesKey returns a hash of the keys of entries, in order.
func (k *keyer) entriesKey(entries []*timeline.Entry) uint64 {
	return k.listKey(entries, k.entries)
}

// headingsKey returns a hash of the heading keys of entries, in order.
func (k *keyer) headingsKey(entries []*timeline.Entry) uint64 {
	return k.listKey(entries, k.headings)
}

func (k *keyer) listKey(entries []*timeline.Entry, keys []uint64) uint64 {
	h := getKeyBuf()
	defer keyBufs.Put(h)
	writeInt(h, len(entries))
	for _, e := range entries {
		writeUint(h, keys[k.index[e]])
	}
	return h.sum(k.seed)
}

// termPageKey returns a hash of what one page of a term shows: the
// term's entry count, the entries of the page, the headings of all its
// entries (its first page's axis marks them all) and of those of each
// person it spoke with.
func (k *keyer) termPageKey(t *Term, pager *Pager) uint64 {
	h := getKeyBuf()
	defer keyBufs.Put(h)
	writeString(h, t.ID)
	for _, n := range []int{len(t.Entries), pager.Number, pager.Count, pager.From, pager.To} {
		writeInt(h, n)
	}
	writeUint(h, k.entriesKey(t.Entries[pager.From:pager.To]))
	if pager.Number == 1 {
		writeUint(h, k.headingsKey(t.Entries))
	}
	writeInt(h, len(t.SpokeWith))
	for _, s := range t.SpokeWith {
		writeString(h, s.ID)
		writeUint(h, k.headingsKey(s.Entries))
	}
	return h.sum(k.seed)
}

// taxonomyKey returns a hash of the entry count of each term of tx.
func (k *keyer) taxonomyKey(tx *Taxonomy) uint64 {
	h := getKeyBuf()
	defer keyBufs.Put(h)
	writeString(h, tx.ID)
	for _, t := range tx.Terms {
		writeInt(h, len(t.Entries))
	}
	return h.sum(k.seed)
}

// articleKey returns a hash of every field of a, with body the hash of
// its blocks.
func (k *keyer) articleKey(a *timeline.Article, body uint64) uint64 {
	h := getKeyBuf()
	defer keyBufs.Put(h)
	writeString(h, a.Path)
	writeString(h, a.ID)
	writeString(h, a.Title)
	writeString(h, a.Outlet)
	writeDate(h, a.Published)
	writeUint(h, body)
	writeStrings(h, a.Captions)
	writeString(h, a.EntryID)
	return k.key("article", h.sum(k.seed))
}

// bodyID names a body by the identity of its blocks: the preview keeps
// the extraction of unchanged articles, blocks and all, from one build to
// the next, and nothing changes blocks once extracted, so a body's hash
// is computed once for all builds.
type bodyID struct {
	first *timeline.Block
	n     int
}

func idOf(blocks []timeline.Block) bodyID {
	if len(blocks) == 0 {
		return bodyID{}
	}
	return bodyID{&blocks[0], len(blocks)}
}

// writeEntry writes every field of e, with body the hash of its blocks.
func writeEntry(h *keyBuf, e *timeline.Entry, body uint64) {
	writeString(h, e.ID)
	writeDate(h, e.Date)
	writeDate(h, e.End)
	writeString(h, e.Title)
	writeBool(h, e.TitleDerived)
	writeString(h, e.Summary)
	writeString(h, e.Body)
	writeString(h, e.Article)
	writeUint(h, body)
	writeStrings(h, e.Captions)
	writeString(h, e.Kind)
	writeStrings(h, e.Participants)
	writeStrings(h, e.People)
	writeStrings(h, e.Places)
	writeStrings(h, e.Tags)
	writeInt(h, len(e.Sources))
	for _, s := range e.Sources {
		writeString(h, s.Title)
		writeString(h, s.Outlet)
		writeString(h, s.URL)
		writeDate(h, s.Published)
		writeString(h, s.Article)
		writeBool(h, s.Copy)
	}
	writeString(h, e.Outlet)
	writeString(h, e.Note)
	writeInt(h, e.Importance)
	writeBool(h, e.Draft)
	writeInt(h, len(e.DateEvidence))
	for _, ev := range e.DateEvidence {
		writeString(h, ev.Text)
		writeInt(h, ev.Offset)
		writeString(h, ev.Rule)
	}
	writeStrings(h, e.EditorSet)
	writeString(h, e.Origin.Path)
	writeInt(h, e.Origin.Line)
	writeInt(h, e.Origin.Col)
	writeBool(h, e.Contact != nil)
	if c := e.Contact; c != nil {
		writeString(h, c.With[0])
		writeString(h, c.With[1])
		writeInt(h, c.Days)
		writeBool(h, c.Previous != nil)
		if p := c.Previous; p != nil {
			writeString(h, p.ID)
			writeString(h, p.Title)
			writeDate(h, p.Date)
			writeDate(h, p.End)
		}
	}
}

// bodyHash returns the hash of an entry's or article's blocks, fed to
// the hash block by block: bodies are long, and copying them into a
// keyBuf would cost more than hashing them.
func bodyHash(seed maphash.Seed, blocks []timeline.Block) uint64 {
	var h maphash.Hash
	h.SetSeed(seed)
	var n [8]byte
	for _, b := range blocks {
		binary.LittleEndian.PutUint64(n[:], uint64(b.Kind)<<32^uint64(b.Offset))
		h.Write(n[:])
		binary.LittleEndian.PutUint64(n[:], uint64(len(b.Text)))
		h.Write(n[:])
		h.WriteString(b.Text)
	}
	binary.LittleEndian.PutUint64(n[:], uint64(len(blocks)))
	h.Write(n[:])
	return h.Sum64()
}

func writeDate(h *keyBuf, d timeline.Date) {
	for _, n := range []int{d.Year, d.Month, d.Day, int(d.Hour), int(d.Minute), int(d.Offset), int(d.Precision)} {
		writeInt(h, n)
	}
	writeBool(h, d.HasOffset)
	writeBool(h, d.Approx)
}

func writeStrings(h *keyBuf, list []string) {
	writeInt(h, len(list))
	for _, s := range list {
		writeString(h, s)
	}
}

// writeString writes s with its length, so that no two lists of strings
// write the same bytes.
func writeString(h *keyBuf, s string) {
	writeInt(h, len(s))
	h.b = append(h.b, s...)
}

func writeInt(h *keyBuf, n int) { writeUint(h, uint64(n)) }

func writeUint(h *keyBuf, n uint64) { h.b = binary.LittleEndian.AppendUint64(h.b, n) }

func writeBool(h *keyBuf, b bool) {
	if b {
		h.b = append(h.b, 1)
	} else {
		h.b = append(h.b, 0)
	}
}

// keyBuf gathers what a key hashes, to be hashed at once: faster than
// feeding a hash field by field.
type keyBuf struct{ b []byte }

// keyBufs holds keyBufs for reuse across entries.
var keyBufs = sync.Pool{New: func() any { return &keyBuf{b: make([]byte, 0, 4096)} }}

// getKeyBuf returns an empty keyBuf from keyBufs; put it back when
// done.
func getKeyBuf() *keyBuf {
	h := keyBufs.Get().(*keyBuf)
	h.b = h.b[:0]
	return h
}

// sum returns the hash of what h holds.
func (h *keyBuf) sum(seed maphash.Seed) uint64 { return maphash.Bytes(seed, h.b) }
