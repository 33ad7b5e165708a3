package build

import (
	"reflect"
	"testing"

	"github.com/newsroom/timeline/internal/sitetest"
	"github.com/newsroom/timeline/internal/synth"
	"github.com/newsroom/timeline/templates"
	"github.com/spf13/afero"
)

// TestOutputIndependentOfWorkers builds the same synthetic corpus with one
// worker and with several, holding the articles' bodies or reading them
// again for their pages, and compares every output file byte for byte.
func TestOutputIndependentOfWorkers(t *testing.T) {
	var outputs []map[string]string
	for _, run := range []struct {
		workers int
		hold    int64
	}{{1, 0}, {2, 0}, {7, 0}, {2, 1}} {
		workers := run.workers
		fsys := afero.NewMemMapFs()
		if err := synth.Generate(fsys, "site", synth.Options{Articles: 150, Markdown: 20, Seed: 7}); err != nil {
			t.Fatal(err)
		}
		opts := Options{ContentDir: "site/content", TemplatesDir: "site/templates", OutputDir: "site/public",
			DefaultTemplates: templates.FS, Workers: workers, HoldBodies: run.hold}
		res, err := Build(fsys, opts)
		if err != nil {
			t.Fatalf("workers=%d: %v", workers, err)
		}
		if res.Entries < 100 {
			t.Fatalf("workers=%d: only %d entries", workers, res.Entries)
		}
		files := sitetest.Tree(t, fsys, "site/public")
		outputs = append(outputs, files)
	}
	for i := 1; i < len(outputs); i++ {
		if !reflect.DeepEqual(outputs[0], outputs[i]) {
			for p, data := range outputs[0] {
				if outputs[i][p] != data {
					t.Errorf("%s differs between runs 0 and %d", p, i)
				}
			}
			t.Fatalf("outputs of runs 0 and %d differ (%d vs %d files)", i, len(outputs[0]), len(outputs[i]))
		}
	}
}
