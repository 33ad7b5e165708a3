package render

import (
	"encoding/binary"
	"encoding/json"
	"hash/maphash"
	"maps"
	"slices"
	"sync"

	"github.com/newsroom/timeline/internal/parallel"
	"github.com/newsroom/timeline/internal/timeline"
)

// A page's key hashes everything its template is handed: the site and
// templates (the global key), and the entries, terms and articles the
// page shows. Two Renders that give a page the same key give it the same
// bytes, so a Render with Reuse.Last keeps such a page instead of
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
//	search index    each file's own bytes: the files an edit may change
//	                are encoded to key them, the others keep their key
//	                (searchindex.go)
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

// newKeyer computes the global key and every entry's and article's key,
// on the workers. An entry or article the same as in the previous Render,
// found at about the same place, keeps its keys (see sameEntry); one
// whose blocks are the same keeps its body's hash.
func newKeyer(r *renderer) *keyer {
	k := &keyer{seed: keySeed, index: make(map[*timeline.Entry]int, len(r.chron.Entries))}
	k.global, k.broken = globalKey(r)
	prev := r.previous()
	sameGlobal := prev != nil && prev.global == k.global
	if prev == nil {
		prev = &State{}
	}
	articles := k.keyArticles(r, prev.articles, sameGlobal)
	entries := k.keyEntries(r, prev.entries, sameGlobal)
	if next := r.next(); next != nil {
		next.global, next.entries, next.articles = k.global, entries, articles
	}
	k.all = k.chronologyKey(r)
	return k
}

// globalKey hashes what every page is made from: the templates, the
// site, people and terms. It reports broken when they cannot be hashed.
func globalKey(r *renderer) (key uint64, broken bool) {
	var h keyBuf
	h.b = append(h.b, r.t.digest[:]...)
	writeString(&h, r.chron.ContentDir)
	for _, v := range []any{r.chron.Site, r.chron.People} {
		data, err := json.Marshal(v)
		if err != nil {
			broken = true
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
	return h.sum(keySeed), broken
}

// keyArticles sets k.articles, the key of each article's page, and
// returns the keys for the next Render.
func (k *keyer) keyArticles(r *renderer, prev []articleKeys, sameGlobal bool) []articleKeys {
	articles := r.chron.Articles
	keys := make([]articleKeys, len(articles))
	parallel.For(r.opts.Workers, len(articles), func(i int) {
		a := articles[i]
		keys[i].article = a
		j := previousIndex(len(prev), i, func(j int) string { return prev[j].article.Path }, a.Path)
		switch {
		case j >= 0 && sameGlobal && sameArticle(prev[j].article, a):
			keys[i] = articleKeys{article: a, key: prev[j].key, body: prev[j].body}
			return
		case j >= 0 && slices.Equal(prev[j].article.Blocks, a.Blocks):
			keys[i].body = prev[j].body
		default:
			keys[i].body = bodyHash(k.seed, a.Blocks)
		}
		keys[i].key = k.articleKey(a, keys[i].body)
	})
	k.articles = make([]uint64, len(articles))
	for i := range keys {
		k.articles[i] = keys[i].key
	}
	return keys
}

// keyEntries sets k.entries and k.headings, the keys of each entry and
// of its heading, and returns them for the next Render.
func (k *keyer) keyEntries(r *renderer, prev []entryKeys, sameGlobal bool) []entryKeys {
	entries := r.chron.Entries
	keys := make([]entryKeys, len(entries))
	parallel.For(r.opts.Workers, len(entries), func(i int) {
		e := entries[i]
		j := previousIndex(len(prev), i, func(j int) string { return prev[j].entry.ID }, e.ID)
		switch {
		case j >= 0 && sameGlobal && sameEntry(prev[j].entry, e):
			keys[i] = prev[j]
			keys[i].entry = e
			return
		case j >= 0 && slices.Equal(prev[j].entry.Blocks, e.Blocks):
			keys[i].body = prev[j].body
		default:
			keys[i].body = bodyHash(k.seed, e.Blocks)
		}
		keys[i].entry = e
		keys[i].key, keys[i].heading = k.entryKeys(e, keys[i].body)
	})
	k.entries, k.headings = make([]uint64, len(entries)), make([]uint64, len(entries))
	for i, e := range entries {
		k.index[e] = i
		k.entries[i], k.headings[i] = keys[i].key, keys[i].heading
	}
	return keys
}

// entryKeys returns the key of e, with body the hash of its blocks, and
// of its heading: what an axis or a short list shows of it.
func (k *keyer) entryKeys(e *timeline.Entry, body uint64) (key, heading uint64) {
	h := getKeyBuf()
	defer keyBufs.Put(h)
	writeUint(h, k.global)
	writeEntry(h, e, body)
	key = h.sum(k.seed)
	h.b = h.b[:0]
	writeEach(h, e.ID, e.Title, e.Kind)
	writeDate(h, e.Date)
	writeDate(h, e.End)
	return key, h.sum(k.seed)
}

// chronologyKey hashes every entry's key and how many entries each term
// has.
func (k *keyer) chronologyKey(r *renderer) uint64 {
	var h keyBuf
	writeUint(&h, k.global)
	for _, key := range k.entries {
		writeUint(&h, key)
	}
	for _, tx := range r.links.Taxonomies() {
		for _, t := range tx.Terms {
			writeInt(&h, len(t.Entries))
		}
	}
	return h.sum(k.seed)
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
	writeEach(h, a.Path, a.ID, a.Title, a.Outlet, a.EntryID)
	writeDate(h, a.Published)
	writeUint(h, body)
	writeStrings(h, a.Captions)
	return k.key("article", h.sum(k.seed))
}

// writeEntry writes every field of e, with body the hash of its blocks.
func writeEntry(h *keyBuf, e *timeline.Entry, body uint64) {
	writeEach(h, e.ID, e.Title, e.Summary, e.Body, e.Article, e.Kind, e.Outlet, e.Note)
	writeDate(h, e.Date)
	writeDate(h, e.End)
	writeBool(h, e.TitleDerived)
	writeUint(h, body)
	for _, list := range [][]string{e.Captions, e.Participants, e.People, e.Places, e.Tags, e.EditorSet} {
		writeStrings(h, list)
	}
	writeInt(h, len(e.Sources))
	for _, s := range e.Sources {
		writeEach(h, s.Title, s.Outlet, s.URL, s.Article)
		writeDate(h, s.Published)
		writeBool(h, s.Copy)
	}
	writeInt(h, len(e.Params))
	for _, k := range slices.Sorted(maps.Keys(e.Params)) {
		writeString(h, k)
		writeString(h, e.Params[k])
	}
	writeInt(h, e.Importance)
	writeBool(h, e.Draft)
	writeInt(h, len(e.DateEvidence))
	for _, ev := range e.DateEvidence {
		writeString(h, ev.Text)
		writeInt(h, ev.Offset)
		writeString(h, ev.Rule)
	}
	writeString(h, e.Origin.Path)
	writeInt(h, e.Origin.Line)
	writeInt(h, e.Origin.Col)
	writeBool(h, e.Contact != nil)
	if c := e.Contact; c != nil {
		writeEach(h, c.With[0], c.With[1])
		writeInt(h, c.Days)
		writeBool(h, c.Previous != nil)
		if p := c.Previous; p != nil {
			writeEach(h, p.ID, p.Title)
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

// writeEach writes each of fields, a fixed number of them.
func writeEach(h *keyBuf, fields ...string) {
	for _, s := range fields {
		writeString(h, s)
	}
}

// writeStrings writes a list of strings, with its length.
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
