package render

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/newsroom/timeline/internal/timeline"
)

// TestExportMemoMatchesEncoders renders the JSON exports of a chronology
// through a chain of memos while entries move, go, come and change, and
// checks each time that the bytes are those written without a memo.
func TestExportMemoMatchesEncoders(t *testing.T) {
	tmpl := loadDefaults(t)
	base := benchChronology(40)
	steps := []struct {
		name string
		edit func(entries []*timeline.Entry) []*timeline.Entry
	}{
		{"first", func(entries []*timeline.Entry) []*timeline.Entry { return entries }},
		{"unchanged", func(entries []*timeline.Entry) []*timeline.Entry { return entries }},
		{"a title", func(entries []*timeline.Entry) []*timeline.Entry {
			e := *entries[7]
			e.Title += ", revised"
			entries[7] = &e
			return entries
		}},
		{"an entry moved to the end", func(entries []*timeline.Entry) []*timeline.Entry {
			e := *entries[3]
			e.Date = timeline.DayOf(2022, 10, 30)
			entries[3] = &e
			return entries
		}},
		{"two entries gone", func(entries []*timeline.Entry) []*timeline.Entry {
			return append(entries[:10:10], entries[12:]...)
		}},
		{"new entries", func(entries []*timeline.Entry) []*timeline.Entry {
			for i := range 3 {
				e := *entries[i*5]
				e.ID = fmt.Sprintf("new-%d", i)
				e.Title = fmt.Sprintf("A new entry %d", i)
				entries = append(entries, &e)
			}
			return entries
		}},
		{"an undated entry", func(entries []*timeline.Entry) []*timeline.Entry {
			e := *entries[20]
			e.Date = timeline.Date{}
			entries[20] = &e
			return entries
		}},
		{"back to the start", func([]*timeline.Entry) []*timeline.Entry {
			return append([]*timeline.Entry(nil), base.Entries...)
		}},
	}
	prev := map[string]*memoRun{}
	entries := append([]*timeline.Entry(nil), base.Entries...)
	for _, step := range steps {
		chron := *base
		entries = step.edit(entries)
		timeline.SortEntries(entries)
		chron.Entries = append([]*timeline.Entry(nil), entries...)
		r := &renderer{chron: &chron, t: tmpl, links: NewLinks(&chron)}
		next := map[string]*memoRun{}
		memo := &exportMemo{keys: newKeyer(r), prev: prev, next: next}

		got, err := timelineJSON(&chron, memo)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := timelineJSON(&chron, nil)
		if !bytes.Equal(got, want) {
			t.Errorf("%s: timeline.json differs from the one written without a memo", step.name)
		}
		got, err = timelineJS(&chron, r.links, memo)
		if err != nil {
			t.Fatal(err)
		}
		want, _ = timelineJS(&chron, r.links, nil)
		if !bytes.Equal(got, want) {
			t.Errorf("%s: timelinejs.json differs from the one written without a memo", step.name)
		}
		if len(next) != 2 {
			t.Errorf("%s: memo kept %d exports, want 2", step.name, len(next))
		}
		prev = next
	}
}

// TestMemoRunFind looks up keys where the order predicts them, and
// elsewhere.
func TestMemoRunFind(t *testing.T) {
	run := &memoRun{keys: []uint64{10, 20, 30}, data: [][]byte{[]byte("a"), []byte("b"), []byte("c")}}
	tests := []struct {
		key       uint64
		at        int
		want      string
		wantPlace int
		wantOK    bool
	}{
		{key: 20, at: 1, want: "b", wantPlace: 1, wantOK: true},
		{key: 30, at: 0, want: "c", wantPlace: 2, wantOK: true},
		{key: 10, at: 3, want: "a", wantPlace: 0, wantOK: true},
		{key: 40, at: 1, wantPlace: 1},
		{key: 40, at: 5, wantPlace: 5},
	}
	for _, tt := range tests {
		data, place, ok := run.find(tt.key, tt.at)
		if string(data) != tt.want || place != tt.wantPlace || ok != tt.wantOK {
			t.Errorf("find(%d, %d) = %q, %d, %v; want %q, %d, %v", tt.key, tt.at, data, place, ok, tt.want, tt.wantPlace, tt.wantOK)
		}
	}
}
