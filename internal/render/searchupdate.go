package render

import (
	"maps"
	"slices"

	"github.com/newsroom/timeline/internal/timeline"
)

// update returns the index of entries, made from ix, the index of the
// entries of prev (State.entries), which differ from entries at the
// places changed alone (changedPlaces); and the paths of the files that
// may differ from ix's. ix is left as it was: the shards and lists that
// change are copies.
func (ix *searchIndex) update(prev *State, entries []*timeline.Entry, links *Links, changed []int) (*searchIndex, map[string]bool) {
	next := &searchIndex{n: len(entries), shards: maps.Clone(ix.shards), facets: maps.Clone(ix.facets), keys: ix.keys}
	dirty := map[string]bool{"search.json": true}
	// The words of the entries that were at the changed places and of
	// those now there; the places each word and facet is now at.
	words, facets := map[string][]int{}, map[string][]int{}
	var buf []byte
	for _, i := range changed {
		if i < len(prev.entries) {
			e := prev.entries[i].entry
			buf = scanSearchWords(buf, e.Title+" "+Lede(e), func(w []byte) {
				if _, ok := words[string(w)]; !ok {
					words[string(w)] = nil
				}
			})
		}
	}
	var p searchPoster
	for _, i := range changed {
		dirty[searchDocsURL(i/searchChunk)] = true
		if i < len(entries) {
			p.post(i, entries[i], links, func(w []byte, i int) { words[string(w)] = appendOnce(words[string(w)], i) },
				func(f string, i int) { facets[f] = appendOnce(facets[f], i) })
		}
	}
	copied := map[string]map[string][]int{}
	for w, places := range words {
		key := shardKey(w)
		shard, ok := copied[key]
		if !ok {
			shard = maps.Clone(ix.shards[key])
			if shard == nil {
				shard = map[string][]int{}
			}
			copied[key], next.shards[key] = shard, shard
			dirty[searchShardURL(key)] = true
		}
		if list := replacePlaces(shard[w], changed, places); len(list) > 0 {
			shard[w] = list
		} else {
			delete(shard, w)
		}
	}
	for key, shard := range copied {
		if len(shard) == 0 {
			delete(next.shards, key)
		}
	}
	for f, list := range ix.facets {
		if _, ok := facets[f]; !ok && holdsAny(list, changed) {
			facets[f] = nil
		}
	}
	for f, places := range facets {
		dirty["search/"+f+".json"] = true
		if list := replacePlaces(ix.facets[f], changed, places); len(list) > 0 {
			next.facets[f] = list
		} else {
			delete(next.facets, f)
		}
	}
	return next, dirty
}

// replacePlaces returns a new list of the places of list that are not
// among changed, and of added: ascending, each once. changed and added
// are ascending.
func replacePlaces(list, changed, added []int) []int {
	out := make([]int, 0, len(list)+len(added))
	for _, n := range list {
		for len(added) > 0 && added[0] <= n {
			out, added = appendOnce(out, added[0]), added[1:]
		}
		if _, found := slices.BinarySearch(changed, n); !found {
			out = appendOnce(out, n)
		}
	}
	for _, n := range added {
		out = appendOnce(out, n)
	}
	return out
}

// holdsAny reports whether the ascending list holds any of places.
func holdsAny(list, places []int) bool {
	for _, n := range places {
		if _, found := slices.BinarySearch(list, n); found {
			return true
		}
	}
	return false
}
