package build

import (
	"github.com/newsroom/timeline/internal/diag"
	"github.com/newsroom/timeline/internal/render"
	"github.com/newsroom/timeline/internal/timeline"
	"github.com/spf13/afero"
)

// Check runs every stage but write: it loads, extracts and merges the
// content, loads the templates and, when all that succeeded, renders
// every page into nothing, so template errors show too. It returns every
// problem found, sorted, and the merge stage's automatic merges and near
// misses (timeline.Chronology.Joins); nothing is written.
func Check(fsys afero.Fs, opts Options) (diag.List, []timeline.Join) {
	p := Prepare(fsys, opts)
	joins := p.Chronology.Joins
	if p.Diags.Err() != nil || p.Templates == nil {
		return p.Diags, joins
	}
	if err := render.Render(p.Chronology, p.Templates, render.Options{Workers: opts.Workers, Bodies: p.Bodies}, render.Discard); err != nil {
		p.Diags.Add(opts.TemplatesDir, 0, 0, "render: %v", err)
	}
	p.Diags.Sort()
	return p.Diags, joins
}
