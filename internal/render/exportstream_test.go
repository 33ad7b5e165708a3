package render

import (
	"bytes"
	"errors"
	"io"
	"testing"

	"github.com/newsroom/timeline/internal/sitetest"
	"github.com/newsroom/timeline/internal/timeline"
)

// timelineJSON returns timeline.json made whole.
func timelineJSON(chron *timeline.Chronology, memo *exportMemo) ([]byte, error) {
	w := newJSONWriter(timelineJSONSize(chron), false)
	err := writeTimelineJSON(w, chron, memo)
	return w.bytes(), err
}

// timelineJS returns timelinejs.json made whole.
func timelineJS(chron *timeline.Chronology, links *Links, memo *exportMemo) ([]byte, error) {
	w := newJSONWriter(timelineJSSize(chron), false)
	err := writeTimelineJS(w, chron, links, memo)
	return w.bytes(), err
}

// TestExportsStreamed checks that an export written as it is made, a
// chunk at a time, has the bytes of the export made whole, and that a
// job streams only above streamAbove.
func TestExportsStreamed(t *testing.T) {
	for name, chron := range exportCases() {
		links := NewLinks(chron)
		exports := []struct {
			file  string
			write func(*jsonWriter) error
		}{
			{"timeline.json", func(w *jsonWriter) error { return writeTimelineJSON(w, chron, nil) }},
			{"timelinejs.json", func(w *jsonWriter) error { return writeTimelineJS(w, chron, links, nil) }},
		}
		for _, x := range exports {
			var streamed bytes.Buffer
			writes := 0
			r := &renderer{chron: chron, links: links}
			r.out = streamOutput(func(p string, write func(io.Writer) error) error {
				if p != x.file {
					t.Errorf("%s: streamed to %s, want %s", name, p, x.file)
				}
				return write(writerFunc(func(b []byte) (int, error) { writes++; return streamed.Write(b) }))
			})
			if j := r.wholeExportJob(x.file, 0, streamAbove, x.write); j.stream != nil {
				t.Errorf("%s: %s of streamAbove bytes streams", name, x.file)
			}
			j := r.wholeExportJob(x.file, 0, streamAbove+1, x.write)
			if j.stream == nil {
				t.Fatalf("%s: %s over streamAbove bytes does not stream", name, x.file)
			}
			if err := r.runJob(&j); err != nil {
				t.Fatal(err)
			}
			whole, err := j.make(nil)
			if err != nil {
				t.Fatal(err)
			}
			if streamed.String() != string(whole) {
				t.Errorf("%s: %s streamed differs from it made whole:\n%s", name, x.file, sitetest.FirstDiff(string(whole), streamed.String()))
			}
			if min := len(whole)/(jsonChunk*5/4) + 1; writes < min {
				t.Errorf("%s: %s of %d bytes streamed in %d writes, want at least %d", name, x.file, len(whole), writes, min)
			}
		}
	}
}

// TestExportStreamErrors checks that an error of the writer stops the
// export and comes back.
func TestExportStreamErrors(t *testing.T) {
	chron := trickyChronology(400, false)
	broken := errors.New("disk full")
	writes := 0
	w := newJSONStream(writerFunc(func(b []byte) (int, error) { writes++; return 0, broken }), false)
	if err := writeTimelineJSON(w, chron, nil); err != nil {
		t.Fatal(err)
	}
	if err := w.finish(); err != broken {
		t.Errorf("finish() = %v, want %v", err, broken)
	}
	if writes != 1 {
		t.Errorf("the writer was called %d times after it failed, want once", writes)
	}
}

// writerFunc is an io.Writer made of a function.
type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(b []byte) (int, error) { return f(b) }
