package render

import (
	"bytes"
	"maps"
	"slices"
	"testing"

	"github.com/newsroom/timeline/internal/timeline"
)

// TestSearchIndexUpdate edits the entries of a chronology in the ways a
// rebuild meets, updates the index of the old entries, and checks that
// the update's files are a new index's, byte for byte, that every file
// that changed is among those it says may have, and that the old index
// is left as it was.
func TestSearchIndexUpdate(t *testing.T) {
	base := trickyChronology(300, false)
	edit := func(i int, change func(e *timeline.Entry)) func([]*timeline.Entry) []*timeline.Entry {
		return func(entries []*timeline.Entry) []*timeline.Entry {
			e := *entries[i]
			change(&e)
			entries[i] = &e
			return entries
		}
	}
	tests := []struct {
		name string
		edit func([]*timeline.Entry) []*timeline.Entry
	}{
		{"a headline with a word of its own", edit(10, func(e *timeline.Entry) { e.Title += " zebrafinch" })},
		{"a headline losing its words", edit(11, func(e *timeline.Entry) { e.Title = "" })},
		{"a summary", edit(20, func(e *timeline.Entry) { e.Summary = "Quokkas and ministers." })},
		{"people", edit(30, func(e *timeline.Entry) { e.Participants = []string{"Ann Able", "Hal Hill"} })},
		{"tags", edit(31, func(e *timeline.Entry) { e.Tags = []string{"tag 3"} })},
		{"a word of one entry alone, gone", edit(40, func(e *timeline.Entry) {
			e.Title, e.Summary = "Ïüxylophone", "Ïüxylophone."
		})},
		{"the last entry removed", func(entries []*timeline.Entry) []*timeline.Entry { return entries[:len(entries)-1] }},
		{"an entry added", func(entries []*timeline.Entry) []*timeline.Entry {
			return append(entries, &timeline.Entry{ID: "new", Date: timeline.DayOf(2022, 12, 30), Title: "Walrus talks", Tags: []string{"tag 1"}})
		}},
		{"an entry moved to the end", func(entries []*timeline.Entry) []*timeline.Entry {
			return append(slices.Delete(entries, 5, 6), entries[5])
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			was := base.Entries
			links := NewLinks(base)
			ix := newSearchIndex(was, links)
			before := encodeAll(t, ix, was)
			chron := *base
			chron.Entries = tt.edit(slices.Clone(was))
			now := chron.Entries
			newLinks := NewLinks(&chron)
			prev := &State{entries: make([]entryKeys, len(was))}
			wasKeys, nowKeys := make([]uint64, len(was)), make([]uint64, len(now))
			for i, e := range was {
				prev.entries[i].entry, wasKeys[i] = e, uint64(i)
			}
			for i, e := range now {
				nowKeys[i] = uint64(len(was) + i)
				if j := slices.Index(was, e); j >= 0 {
					nowKeys[i] = uint64(j)
				}
			}
			got, dirty := ix.update(prev, now, newLinks, changedPlaces(wasKeys, nowKeys))
			gotFiles, want := encodeAll(t, got, now), encodeAll(t, newSearchIndex(now, newLinks), now)
			for p, data := range want {
				if !bytes.Equal(gotFiles[p], data) {
					t.Errorf("%s: got %.80s, want %.80s", p, gotFiles[p], data)
				}
				if _, had := before[p]; (!had || !bytes.Equal(before[p], data)) && !dirty[p] {
					t.Errorf("%s changed, but is not among the files that may have", p)
				}
			}
			if len(gotFiles) != len(want) {
				t.Errorf("%d files, want %d", len(gotFiles), len(want))
			}
			if after := encodeAll(t, ix, was); !maps.EqualFunc(after, before, bytes.Equal) {
				t.Error("the old index changed")
			}
		})
	}
}

// encodeAll returns the files of ix by path.
func encodeAll(t *testing.T, ix *searchIndex, entries []*timeline.Entry) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	for _, f := range ix.files(entries) {
		data, err := f.encode()
		if err != nil {
			t.Fatal(err)
		}
		files[f.path] = data
	}
	return files
}
