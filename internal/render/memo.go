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
	prev map[memoKey][]byte

	mu   sync.Mutex
	next map[memoKey][]byte
}

// memoKey names an entry's bytes in one export.
type memoKey struct {
	export string
	entry  uint64
}

// newExportMemo returns the memo of a Render that keeps keys (see
// keys.go), or nil.
func newExportMemo(r *renderer) *exportMemo {
	if r.keys == nil || r.keys.broken {
		return nil
	}
	m := &exportMemo{keys: r.keys}
	if r.opts.Previous != nil {
		m.prev = r.opts.Previous.exports
	}
	if r.opts.Next != nil {
		m.next = r.opts.Next.exports
	}
	return m
}

// value writes e's value in export to w as the next member of the array
// being written: the bytes kept from the previous Render, or those write
// writes, which it then keeps for the next.
func (m *exportMemo) value(w *jsonWriter, export string, e *timeline.Entry, write func() error) error {
	if m == nil {
		return write()
	}
	key := memoKey{export, m.keys.entryKey(e)}
	data, ok := m.prev[key]
	if ok {
		w.raw(data)
	} else {
		start := w.mark()
		if err := write(); err != nil {
			return err
		}
		data = append([]byte(nil), w.buf[start:]...)
	}
	if m.next != nil {
		m.mu.Lock()
		m.next[key] = data
		m.mu.Unlock()
	}
	return nil
}
