package merge

import (
	"path"
	"testing"
)

// TestJoiner checks joiner against path.Join, for folders and article
// paths clean and not.
func TestJoiner(t *testing.T) {
	dirs := []string{"content", "/work/site/content", "./content", "content/", "a/../content", "", ".", "/", "..", "../..", "/.."}
	paths := []string{"articles/x.txt", "x.txt", "...", "a/.../b", "", ".", "..", "../x", "./x", "a/./b", "a/../b", "a//b", "a/", "/abs/x.txt", "a/.."}
	for _, dir := range dirs {
		join := joiner(dir)
		for _, p := range paths {
			if got, want := join(p), path.Join(dir, p); got != want {
				t.Errorf("joiner(%q)(%q) = %q, want %q", dir, p, got, want)
			}
		}
	}
}
