package render

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/newsroom/timeline/internal/timeline"
)

// searchFiles decodes what search.js reads: the manifest, a prefix's
// matches, a facet's entries and the docs.
type searchFiles struct {
	t     *testing.T
	files map[string][]byte
}

func (s searchFiles) decode(path string, v any) bool {
	data, ok := s.files[path]
	if !ok {
		return false
	}
	if err := json.Unmarshal(data, v); err != nil {
		s.t.Fatalf("%s: %v", path, err)
	}
	return true
}

// undelta turns differences back into entry numbers.
func undelta(list []int) []int {
	out := slices.Clone(list)
	for i := 1; i < len(out); i++ {
		out[i] += out[i-1]
	}
	return out
}

// prefix returns the entries with a word starting with p, as search.js
// finds them: the union over the words of p's shard.
func (s searchFiles) prefix(p string) []int {
	var shard map[string][]int
	if !s.decode(searchShardURL(shardKey(p)), &shard) {
		return nil
	}
	var out []int
	for w, list := range shard {
		if strings.HasPrefix(w, p) {
			out = append(out, undelta(list)...)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func TestSearchIndexFindsWhatTheEntriesSay(t *testing.T) {
	chron := trickyChronology(400, false)
	chron.Entries = append(chron.Entries, &timeline.Entry{ID: "rtl", Date: timeline.DayOf(2022, 12, 1), Title: "لافروف يتحدث مع بلينكن", Summary: "Встреча в Женеве."})
	links := NewLinks(chron)
	files, err := searchIndexFiles(chron.Entries, links)
	if err != nil {
		t.Fatal(err)
	}
	s := searchFiles{t, files}
	var manifest struct {
		N, Chunk int
		Words    []string
	}
	s.decode("search.json", &manifest)
	if manifest.N != len(chron.Entries) || manifest.Chunk != searchChunk {
		t.Fatalf("search.json = %+v, want %d entries", manifest, len(chron.Entries))
	}
	for _, key := range manifest.Words {
		if _, ok := files[searchShardURL(key)]; !ok {
			t.Errorf("search.json lists shard %s, which is not written", key)
		}
	}
	for _, p := range []string{"ca", "call", "лаф", "لا", "вс", "жен", "zz"} {
		var want []int
		for n, e := range chron.Entries {
			for _, w := range searchWords(e.Title + " " + Lede(e)) {
				if strings.HasPrefix(w, p) {
					want = append(want, n)
					break
				}
			}
		}
		if got := s.prefix(p); !slices.Equal(got, want) {
			t.Errorf("prefix %q finds %d entries, want %d", p, len(got), len(want))
		}
	}
	for _, tx := range []*Taxonomy{links.People, links.Tags, links.Phases} {
		dir := map[*Taxonomy]string{links.People: "p", links.Tags: "g", links.Phases: "ph"}[tx]
		for _, term := range tx.Terms {
			var list []int
			s.decode(fmt.Sprintf("search/%s/%s.json", dir, term.ID), &list)
			if got := undelta(list); len(got) != len(term.Entries) {
				t.Errorf("%s %s: %d entries in the index, %d on its page", dir, term.ID, len(got), len(term.Entries))
			}
		}
	}
	var ids []string
	for k := 0; ; k++ {
		var docs [][3]string
		if !s.decode(fmt.Sprintf("search/d/%d.json", k), &docs) {
			break
		}
		for _, d := range docs {
			ids = append(ids, d[0])
		}
	}
	for n, e := range chron.Entries {
		if n >= len(ids) || ids[n] != e.ID {
			t.Fatalf("doc %d is not entry %q", n, e.ID)
		}
	}
}

// searchIndexFiles returns the files of the search index, encoded, by
// site-relative path: search.json and the files under search/.
func searchIndexFiles(entries []*timeline.Entry, links *Links) (map[string][]byte, error) {
	files := map[string][]byte{}
	for _, f := range newSearchIndex(entries, links).files(entries) {
		data, err := f.encode()
		if err != nil {
			return nil, fmt.Errorf("search index %s: %w", f.path, err)
		}
		files[f.path] = data
	}
	return files, nil
}
