package sitetest

import (
	"reflect"
	"testing"

	"github.com/spf13/afero"
)

func TestFiles(t *testing.T) {
	fsys := Files(t, "a comment\n-- a/b.txt --\nline 1\n-- c.txt --\n-- d.txt --\nx\n")
	for path, want := range map[string]string{"a/b.txt": "line 1\n", "c.txt": "", "d.txt": "x\n"} {
		got, err := afero.ReadFile(fsys, path)
		if err != nil || string(got) != want {
			t.Errorf("%s = %q, %v; want %q", path, got, err, want)
		}
	}
}

// TestMapFs writes files with MapFs and reads them back with Tree.
func TestMapFs(t *testing.T) {
	files := map[string]string{"a/b.txt": "line 1\n", "c.txt": ""}
	if got := Tree(t, MapFs(t, files), "."); !reflect.DeepEqual(got, files) {
		t.Errorf("Tree(MapFs(%v)) = %v", files, got)
	}
}

func TestFirstDiff(t *testing.T) {
	tests := []struct{ want, got, diff string }{
		{"a\nb", "a\nb", ""},
		{"a\nb", "a\nc", "line 2:\nwant \"b\"\n got \"c\""},
		{"a", "a\nb", "line 2:\nwant \"\"\n got \"b\""},
	}
	for _, tt := range tests {
		if got := FirstDiff(tt.want, tt.got); got != tt.diff {
			t.Errorf("FirstDiff(%q, %q) = %q, want %q", tt.want, tt.got, got, tt.diff)
		}
	}
}
