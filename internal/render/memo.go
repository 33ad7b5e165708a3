package render

import (
	"sync"

	"github.com/newsroom/timeline/internal/timeline"
)

// exportMemo keeps, from one Render to the next, the bytes each entry
// writes into timeline.json and timelinejs.json, by the entry's key: an
// export is then rebuilt by copying the unchanged entries' bytes and
// writing the changed ones. A nil *exportMemo writes every entry.
type exportMemo struct {
	keys *keyer
	prev map[string]*memoRun

	mu   sync.Mutex
	next map[string]*memoRun
}

// memoRun holds one export's entries' bytes, in the export's order, by
// their keys.
type memoRun struct {
	keys []uint64
	data [][]byte
	// at finds a key's place when it is not where the order predicts;
	// made on the first such lookup.
	atOnce sync.Once
	at     map[uint64]int
}

// find returns the bytes kept for key, looking first at place i.
func (run *memoRun) find(key uint64, i int) (data []byte, place int, ok bool) {
	if i < len(run.keys) && run.keys[i] == key {
		return run.data[i], i, true
	}
	run.atOnce.Do(func() {
		run.at = make(map[uint64]int, len(run.keys))
		for j, k := range run.keys {
			run.at[k] = j
		}
	})
	j, ok := run.at[key]
	if !ok {
		return nil, i, false
	}
	return run.data[j], j, true
}

// newExportMemo returns the memo of a Render that keeps keys (see
// keys.go), or nil.
func newExportMemo(r *renderer) *exportMemo {
	if r.keys == nil || r.keys.broken {
		return nil
	}
	m := &exportMemo{keys: r.keys}
	if r.previous() != nil {
		m.prev = r.previous().exports
	}
	if r.next() != nil {
		m.next = r.next().exports
	}
	return m
}

// memoWriter writes one export's entries through an exportMemo. The
// entries mostly come in the order of the previous Render, so each is
// looked for first where the last one found was followed; no map is
// touched while that holds.
type memoWriter struct {
	memo   *exportMemo
	export string
	prev   *memoRun
	next   *memoRun
	// place is where the next entry's bytes are expected in prev.
	place int
}

// writer starts writing export, of up to n entries; nil for a nil memo.
func (m *exportMemo) writer(export string, n int) *memoWriter {
	if m == nil {
		return nil
	}
	mw := &memoWriter{memo: m, export: export, prev: m.prev[export]}
	if mw.prev == nil {
		mw.prev = &memoRun{}
	}
	if m.next != nil {
		mw.next = &memoRun{keys: make([]uint64, 0, n), data: make([][]byte, 0, n)}
	}
	return mw
}

// value writes e's value to w as the next member of the array being
// written: the bytes kept from the previous Render, or those write
// writes, which it then keeps for the next.
func (mw *memoWriter) value(w *jsonWriter, e *timeline.Entry, write func() error) error {
	if mw == nil {
		return write()
	}
	key := mw.memo.keys.entryKey(e)
	data, place, ok := mw.prev.find(key, mw.place)
	if ok {
		w.raw(data)
		mw.place = place + 1
	} else {
		start := w.mark()
		if err := write(); err != nil {
			return err
		}
		data = append([]byte(nil), w.buf[start:]...)
	}
	if mw.next != nil {
		mw.next.keys = append(mw.next.keys, key)
		mw.next.data = append(mw.next.data, data)
	}
	return nil
}

// finish keeps the export's entries for the next Render.
func (mw *memoWriter) finish() {
	if mw == nil || mw.next == nil {
		return
	}
	mw.memo.mu.Lock()
	mw.memo.next[mw.export] = mw.next
	mw.memo.mu.Unlock()
}
