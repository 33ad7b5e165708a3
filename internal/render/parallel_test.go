package render

import (
	"bytes"
	"testing"

	"github.com/newsroom/timeline/internal/timeline"
)

// TestWorkersSameOutput renders the fixture and a generated chronology
// with 1 and with 4 workers and compares the files byte for byte.
func TestWorkersSameOutput(t *testing.T) {
	for _, tt := range []struct {
		name  string
		chron func() *timeline.Chronology
	}{
		{"fixture", fixture},
		{"generated", func() *timeline.Chronology { return benchChronology(IndexLimit + 100) }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			one := renderFiles(t, tt.chron(), Options{Workers: 1})
			four := renderFiles(t, tt.chron(), Options{Workers: 4})
			sameFiles(t, one, four)
		})
	}
}

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
			t.Errorf("%s differs:\n%s", name, firstDifference(g, data))
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("%s: unexpected", name)
		}
	}
}
