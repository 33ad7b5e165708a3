package write

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkPageFile measures the floor under writing one page on the
// file system the benchmark's temporary folder is on (set TMPDIR to
// choose it): a folder of its own and an 18 KB index.html in it, as a
// site's entry page takes. No hashing, no manifest.
func BenchmarkPageFile(b *testing.B) {
	dir := b.TempDir()
	page := make([]byte, 18<<10)
	i := 0
	for b.Loop() {
		folder := filepath.Join(dir, fmt.Sprint(i))
		i++
		if err := os.Mkdir(folder, 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(folder, "index.html"), page, 0o644); err != nil {
			b.Fatal(err)
		}
	}
}
