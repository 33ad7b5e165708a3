package build

import (
	"github.com/newsroom/timeline/internal/boundary"
	"github.com/newsroom/timeline/internal/diag"
	"github.com/spf13/afero"
)

// checkFolders reports an output folder inside the content or templates
// folder (the next build would read the site as content), or one of
// them inside the output folder (replacing the output would remove
// them), before anything is read or written.
func checkFolders(fsys afero.Fs, opts Options) error {
	var diags diag.List
	for _, in := range []struct{ dir, what string }{{opts.ContentDir, "content"}, {opts.TemplatesDir, "templates"}} {
		if in.dir == "" || opts.OutputDir == "" {
			continue
		}
		switch {
		case boundary.Inside(fsys, in.dir, opts.OutputDir):
			diags.Add(opts.OutputDir, 0, 0, "output folder inside the %s folder %s: refused, nothing written (want an output folder outside it, e.g. -out public)", in.what, in.dir)
		case boundary.Inside(fsys, opts.OutputDir, in.dir):
			diags.Add(in.dir, 0, 0, "%s folder inside the output folder %s: refused, nothing written (want an output folder that holds only the site)", in.what, opts.OutputDir)
		}
	}
	return diags.Err()
}
