// Package build runs the pipeline's stages in order —
// load → extract → merge → render → write — and reports what happened.
// It is the one place that knows the order; each stage lives in its own
// package.
package build

import (
	"fmt"
	"io/fs"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/newsroom/timeline/internal/content"
	"github.com/newsroom/timeline/internal/diag"
	"github.com/newsroom/timeline/internal/extract"
	"github.com/newsroom/timeline/internal/merge"
	"github.com/newsroom/timeline/internal/render"
	"github.com/newsroom/timeline/internal/timeline"
	"github.com/newsroom/timeline/internal/write"
	"github.com/spf13/afero"
)

// Options name the folders of a build.
type Options struct {
	ContentDir   string
	TemplatesDir string
	OutputDir    string
	// DefaultTemplates are the embedded templates that TemplatesDir
	// overrides file by file.
	DefaultTemplates fs.FS
	// Workers is the number of goroutines of the parallel stages;
	// 0 means runtime.GOMAXPROCS(0). The output is the same for any value.
	Workers int
	// Cache, when set, keeps extraction results between builds (the
	// preview server keeps one for its lifetime).
	Cache *ExtractCache
}

// Result tells what a build did.
type Result struct {
	Entries int
	Pages   int
	Files   int
	// Written counts the files that were new or changed; the others
	// were left untouched.
	Written  int
	Warnings diag.List
	Duration time.Duration
}

// Summary is the one line printed after a build.
func (r *Result) Summary() string {
	return fmt.Sprintf("built %d entries, %d pages (%d files, %d written), %d warnings in %s",
		r.Entries, r.Pages, r.Files, r.Written, len(r.Warnings), r.Duration.Round(time.Millisecond))
}

// Prepared is the chronology and templates, ready to render.
type Prepared struct {
	Chronology *timeline.Chronology
	Templates  *render.Templates
	Diags      diag.List
}

// Prepare runs the stages that read: load, extract and merge, and loads
// the templates. It returns every problem found; the caller stops when
// Diags.Err() is not nil. Templates is nil when they failed to load.
func Prepare(fsys afero.Fs, opts Options) *Prepared {
	c, diags := content.Load(fsys, opts.ContentDir)
	articles := Extract(c, extractOptions(c.Site), opts.Workers, opts.Cache)
	chron, mergeDiags := merge.Merge(c, articles)
	diags.Append(mergeDiags)
	tmpl, err := render.LoadTemplates(opts.DefaultTemplates, fsys, opts.TemplatesDir)
	if err != nil {
		diags.Add(opts.TemplatesDir, 0, 0, "%v", err)
	}
	diags.Sort()
	return &Prepared{Chronology: chron, Templates: tmpl, Diags: diags}
}

func extractOptions(site timeline.Site) extract.Options {
	return extract.Options{WindowStart: site.Start, WindowEnd: site.End}
}

// Extract runs extraction over every raw article of c on all cores,
// reusing the cache's results for unchanged articles when cache is not
// nil. The result is in c.Articles' order whatever the number of workers.
func Extract(c *content.Content, opts extract.Options, workers int, cache *ExtractCache) []*extract.Article {
	articles := make([]*extract.Article, len(c.Articles))
	parallel(workers, len(c.Articles), func(i int) {
		a := c.Articles[i]
		if cache != nil {
			articles[i] = cache.extract(a.Path, a.Data, opts)
		} else {
			articles[i] = extract.Extract(a.Path, a.Data, opts)
		}
	})
	if cache != nil {
		cache.prune()
	}
	return articles
}

// parallel calls fn(i) for every i in [0, n) on the given number of
// goroutines (0: GOMAXPROCS). Each fn writes only to its own index, so
// results do not depend on scheduling.
func parallel(workers, n int, fn func(i int)) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, n)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				fn(i)
			}
		}()
	}
	wg.Wait()
}

// Build runs the whole pipeline and replaces the output folder only when
// everything succeeded. On error the returned Result still carries the
// warnings, and the error lists every problem, one per line.
func Build(fsys afero.Fs, opts Options) (*Result, error) {
	start := time.Now()
	p := Prepare(fsys, opts)
	res := &Result{Warnings: p.Diags.Warnings()}
	if err := p.Diags.Err(); err != nil {
		return res, err
	}
	out, err := write.Begin(fsys, opts.OutputDir)
	if err != nil {
		return res, err
	}
	var pages atomic.Int64
	emit := func(path string, data []byte) error {
		if len(path) > 5 && path[len(path)-5:] == ".html" {
			pages.Add(1)
		}
		return out.Write(path, data)
	}
	if err := render.Render(p.Chronology, p.Templates, render.Options{Workers: opts.Workers}, emit); err != nil {
		out.Abort()
		return res, err
	}
	res.Files, res.Written = out.Files(), out.Written()
	if err := out.Commit(); err != nil {
		return res, err
	}
	res.Entries, res.Pages = len(p.Chronology.Entries), int(pages.Load())
	res.Duration = time.Since(start)
	return res, nil
}
