package render

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/newsroom/timeline/internal/sitetest"
)

// sameFiles reports every file that differs between got and want, or is
// in one only.
func sameFiles(t *testing.T, got, want map[string][]byte) {
	t.Helper()
	for name, data := range want {
		g, ok := got[name]
		switch {
		case !ok:
			t.Errorf("%s: missing", name)
		case !bytes.Equal(g, data):
			t.Errorf("%s differs:\n%s", name, sitetest.FirstDiff(string(data), string(g)))
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("%s: unexpected", name)
		}
	}
}

// TestFirstErrorInJobOrder checks that when several pages fail, Render
// reports the first in job order, whatever the number of workers.
func TestFirstErrorInJobOrder(t *testing.T) {
	chron := benchChronology(200)
	want := ""
	for _, workers := range []int{1, 2, 4, 8} {
		err := Render(chron, loadDefaults(t), Options{Workers: workers}, WriteFunc(func(p string, _ []byte) error {
			if strings.HasPrefix(p, "entries/") {
				return fmt.Errorf("cannot write %s", p)
			}
			return nil
		}))
		if err == nil {
			t.Fatalf("%d workers: no error", workers)
		}
		if want == "" {
			want = err.Error()
		}
		if err.Error() != want {
			t.Errorf("%d workers: %v, want %s", workers, err, want)
		}
	}
	if !strings.Contains(want, pagePath(EntryURL(chron.Entries[0].ID))) {
		t.Errorf("got %s, want the first entry's error", want)
	}
}
