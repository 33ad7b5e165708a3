package build

import (
	"bytes"
	"fmt"
	"runtime"
	"sort"
	"testing"
	"time"

	"github.com/newsroom/timeline/internal/synth"
	"github.com/spf13/afero"
)

func TestTmpMedian(t *testing.T) {
	fsys := afero.NewBasePathFs(afero.NewOsFs(), t.TempDir())
	if err := synth.Generate(fsys, "site", synth.Options{Articles: 10000, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	sess := NewSession(fsys, benchOptions())
	if _, err := sess.Build(nil); err != nil {
		t.Fatal(err)
	}
	names, _ := afero.ReadDir(fsys, "site/content/articles")
	edited := "site/content/articles/" + names[len(names)/2].Name()
	original, _ := afero.ReadFile(fsys, edited)
	var ds []time.Duration
	for i := 0; i < 31; i++ {
		half := bytes.Index(original[len(original)/2:], []byte("\n\n")) + len(original)/2
		afero.WriteFile(fsys, edited, []byte(fmt.Sprintf("%s\n\nOfficials declined, revision %d.%s", original[:half], i, original[half:])), 0o644)
		runtime.GC()
		start := time.Now()
		res, err := sess.Build([]string{edited})
		if err != nil {
			t.Fatal(err)
		}
		ds = append(ds, time.Since(start))
		if i < 2 {
			t.Logf("iteration %d: %s written %d %s", i, ds[i], res.Written, res.Timings)
		}
	}
	first := ds[0]
	ds = ds[1:]
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	t.Logf("first %s; then median %s (min %s, max %s)", first, ds[len(ds)/2], ds[0], ds[len(ds)-1])
}
