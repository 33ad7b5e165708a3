package render

import (
	"encoding/json"
	"fmt"
	"hash/maphash"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/newsroom/timeline/internal/parallel"
	"github.com/newsroom/timeline/internal/timeline"
)

// searchIndex is the search index before it is encoded: each word's and
// each facet's entries, by number, in ascending order (not as
// differences). A Render that keeps keys leaves it in its State with the
// key of each file, and the next Render changes only the words, facets
// and docs of the entries whose keys changed (update), encoding only the
// files they are in; an edit to one headline then costs a few files
// instead of the whole index.
type searchIndex struct {
	// n is the number of entries.
	n int
	// shards holds each word's entries by its shard's key (shardKey);
	// facets each facet's ("p/ID", "g/ID", "ph/ID").
	shards map[string]map[string][]int
	facets map[string][]int
	// keys holds each file's key, by path, once its jobs are made.
	keys map[string]uint64
}

// searchFile is one file of the index: its path and how to encode it.
type searchFile struct {
	path   string
	encode func() ([]byte, error)
}

// newSearchIndex indexes entries, with their people, tags and phases
// from links.
func newSearchIndex(entries []*timeline.Entry, links *Links) *searchIndex {
	ix := &searchIndex{n: len(entries), shards: map[string]map[string][]int{}, facets: map[string][]int{}}
	var p searchPoster
	for i, e := range entries {
		p.post(i, e, links, ix.postWord, ix.postFacet)
	}
	return ix
}

func (ix *searchIndex) postWord(word []byte, i int) {
	key := shardKey(string(word))
	shard := ix.shards[key]
	if shard == nil {
		shard = map[string][]int{}
		ix.shards[key] = shard
	}
	list, ok := shard[string(word)]
	if !ok {
		shard[string(word)] = []int{i}
		return
	}
	shard[string(word)] = appendOnce(list, i)
}

func (ix *searchIndex) postFacet(facet string, i int) {
	ix.facets[facet] = appendOnce(ix.facets[facet], i)
}

// searchPoster hands each word and facet of an entry to the index,
// reusing its buffers from one entry to the next.
type searchPoster struct {
	ids          searchIDs
	word         []byte
	people, tags []string
}

// post calls word with each word of e's title and lede, and facet with
// each of its facets, each with i, its number.
func (p *searchPoster) post(i int, e *timeline.Entry, links *Links, word func([]byte, int), facet func(string, int)) {
	if p.ids.links != links {
		p.ids = searchIDs{links: links, people: map[string]personName{}, tags: map[string]*Term{}}
	}
	each := func(w []byte) { word(w, i) }
	p.word = scanSearchWords(p.word, e.Title, each)
	p.word = scanSearchWords(p.word, Lede(e), each)
	p.people, p.tags = p.ids.peopleOf(p.people[:0], e), p.ids.tagsOf(p.tags[:0], e)
	for _, id := range p.people {
		facet("p/"+id, i)
	}
	for _, id := range p.tags {
		facet("g/"+id, i)
	}
	if ph := links.PhaseOf(e); ph != nil {
		facet("ph/"+ph.ID, i)
	}
}

// files returns every file of the index, in the order of their paths,
// each encoded when asked: entries are the indexed entries, for the
// docs.
func (ix *searchIndex) files(entries []*timeline.Entry) []searchFile {
	var files []searchFile
	for key, shard := range ix.shards {
		files = append(files, searchFile{searchShardURL(key), func() ([]byte, error) { return encodeShard(shard) }})
	}
	for facet, list := range ix.facets {
		files = append(files, searchFile{"search/" + facet + ".json", func() ([]byte, error) {
			return json.Marshal(deltas(slices.Clone(list)))
		}})
	}
	for k := 0; k*searchChunk < len(entries); k++ {
		chunk := entries[k*searchChunk : min(len(entries), (k+1)*searchChunk)]
		files = append(files, searchFile{searchDocsURL(k), func() ([]byte, error) { return encodeDocs(chunk) }})
	}
	keys := slices.Sorted(maps.Keys(ix.shards))
	files = append(files, searchFile{"search.json", func() ([]byte, error) {
		return json.Marshal(struct {
			N     int      `json:"n"`
			Chunk int      `json:"chunk"`
			Words []string `json:"words"`
		}{len(entries), searchChunk, keys})
	}})
	slices.SortFunc(files, func(a, b searchFile) int { return strings.Compare(a.path, b.path) })
	return files
}

// searchDocsURL is the site-relative URL of the k-th file of docs.
func searchDocsURL(k int) string { return "search/d/" + strconv.Itoa(k) + ".json" }

// encodeShard returns a shard's JSON, each word's entries as
// differences.
func encodeShard(shard map[string][]int) ([]byte, error) {
	out := make(map[string][]int, len(shard))
	for w, list := range shard {
		out[w] = deltas(slices.Clone(list))
	}
	return json.Marshal(out)
}

// encodeDocs returns the JSON of a chunk of docs: [id, title, date] of
// each entry.
func encodeDocs(chunk []*timeline.Entry) ([]byte, error) {
	docs := make([][3]string, len(chunk))
	for i, e := range chunk {
		docs[i] = [3]string{e.ID, e.Title, e.Date.Human()}
	}
	return json.Marshal(docs)
}

// searchJobs returns the jobs of the files of the search index. With
// keys, each file's key is a hash of its bytes, so a rebuild rewrites
// only the files whose words changed; the index is then made from the
// previous Render's where it can (searchIndex.update), and only the
// files it changed are encoded to be keyed. Without keys, each file is
// encoded by its job.
func (r *renderer) searchJobs() []job {
	ix, dirty := r.search.wait()
	files := ix.files(r.chron.Entries)
	jobs := make([]job, len(files))
	if r.keys == nil {
		for i, f := range files {
			jobs[i] = exportJob(f.path, 0, f.encode)
		}
		return jobs
	}
	encoded := make([][]byte, len(files))
	errs := make([]error, len(files))
	parallel.For(r.opts.Workers, len(files), func(i int) {
		if _, known := ix.keys[files[i].path]; dirty == nil || dirty[files[i].path] || !known {
			encoded[i], errs[i] = files[i].encode()
		}
	})
	keys := make(map[string]uint64, len(files))
	for i, f := range files {
		if errs[i] != nil {
			err := fmt.Errorf("search index %s: %w", f.path, errs[i])
			return []job{exportJob(f.path, 0, func() ([]byte, error) { return nil, err })}
		}
		key, data := ix.keys[f.path], encoded[i]
		if data != nil {
			key = r.keys.key("search "+f.path, maphash.Bytes(r.keys.seed, data))
		}
		keys[f.path] = key
		jobs[i] = exportJob(f.path, key, f.encode)
		if data != nil {
			jobs[i] = exportJob(f.path, key, func() ([]byte, error) { return data, nil })
		}
	}
	ix.keys = keys
	if next := r.next(); next != nil {
		next.search = ix
	}
	return jobs
}

// pendingIndex is the search index being made on a goroutine of its
// own: it reads only the entries, their links and the keys, which
// nothing changes while a Render runs.
type pendingIndex struct {
	done     chan struct{}
	ix       *searchIndex
	dirty    map[string]bool
	panicked *any
}

// startSearchIndex starts making r's search index (r.searchIndex).
func (r *renderer) startSearchIndex() {
	p := &pendingIndex{done: make(chan struct{})}
	go func() {
		defer close(p.done)
		defer func() {
			if v := recover(); v != nil {
				p.panicked = &v
			}
		}()
		p.ix, p.dirty = r.searchIndex()
	}()
	r.search = p
}

// wait returns the index once it is made; a panic while making it is
// raised again here, in the goroutine that renders.
func (p *pendingIndex) wait() (*searchIndex, map[string]bool) {
	<-p.done
	if p.panicked != nil {
		panic(*p.panicked)
	}
	return p.ix, p.dirty
}

// searchIndex returns the index of r's entries, made from the previous
// Render's when the global key is the same (see update), with the paths
// of the files that may have changed; dirty is nil when every file may
// have.
func (r *renderer) searchIndex() (ix *searchIndex, dirty map[string]bool) {
	prev := r.previous()
	if r.keys == nil || r.keys.broken || prev == nil || prev.search == nil || prev.global != r.keys.global {
		return newSearchIndex(r.chron.Entries, r.links), nil
	}
	was := make([]uint64, len(prev.entries))
	for i, e := range prev.entries {
		was[i] = e.key
	}
	changed := changedPlaces(was, r.keys.entries)
	if len(changed) > len(r.chron.Entries)/8 {
		return newSearchIndex(r.chron.Entries, r.links), nil
	}
	return prev.search.update(prev, r.chron.Entries, r.links, changed)
}

// changedPlaces returns the places, in ascending order, where the keys
// of two lists of entries differ, or where one list has an entry and the
// other none.
func changedPlaces(was, now []uint64) []int {
	var changed []int
	for i := range max(len(was), len(now)) {
		if i >= len(was) || i >= len(now) || was[i] != now[i] {
			changed = append(changed, i)
		}
	}
	return changed
}
