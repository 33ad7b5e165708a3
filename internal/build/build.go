// Package build runs the pipeline's stages in order —
// load → extract → merge → render → write — and reports what happened.
// It is the one place that knows the order; each stage lives in its own
// package.
package build

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"time"

	"github.com/newsroom/timeline/internal/content"
	"github.com/newsroom/timeline/internal/dataset"
	"github.com/newsroom/timeline/internal/diag"
	"github.com/newsroom/timeline/internal/extract"
	"github.com/newsroom/timeline/internal/merge"
	"github.com/newsroom/timeline/internal/names"
	"github.com/newsroom/timeline/internal/parallel"
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
	// Force builds even when the output is up to date.
	Force bool
	// HoldBodies is the total size of raw articles up to which their
	// bodies are held in memory; 0 means DefaultHoldBodies. The output is
	// the same either way.
	HoldBodies int64
	// StageDone, when set, is called as each stage of Build ends, with
	// the stage's name (see Timings), for profiling; its own time is
	// counted in no stage.
	StageDone func(stage string)
}

// Result tells what a build did.
type Result struct {
	Entries int
	Pages   int
	Files   int
	// Written counts the files that were new or changed; the others
	// were left untouched.
	Written int
	// Kept counts the pages a Session kept from its previous build
	// without rendering them again.
	Kept int
	// UpToDate is true when nothing the build reads had changed since
	// the build that made the output, so nothing was done.
	UpToDate bool
	// Timings are the durations of the stages.
	Timings  Timings
	Warnings diag.List
	Duration time.Duration
}

// Summary is the one line printed after a build.
func (r *Result) Summary() string {
	if r.UpToDate {
		return fmt.Sprintf("up to date: %d entries, %d pages (%d files), %d warnings; nothing written in %s",
			r.Entries, r.Pages, r.Files, len(r.Warnings), r.Duration.Round(time.Millisecond))
	}
	kept := ""
	if r.Kept > 0 {
		kept = fmt.Sprintf(", %d kept as they were", r.Kept)
	}
	return fmt.Sprintf("built %d entries, %d pages (%d files, %d written%s), %d warnings in %s",
		r.Entries, r.Pages, r.Files, r.Written, kept, len(r.Warnings), r.Duration.Round(time.Millisecond))
}

// Prepared is the chronology and templates, ready to render.
type Prepared struct {
	Chronology *timeline.Chronology
	Templates  *render.Templates
	Diags      diag.List
	// Timings are the durations of load, extract and merge.
	Timings Timings
	// Bodies reads articles' bodies again while their pages render, when
	// the chronology keeps digests only (see StreamBodiesAbove); nil when
	// it holds the bodies.
	Bodies render.Bodies
}

// Prepare runs the stages that read: load, extract and merge, and loads
// the templates. It returns every problem found; the caller stops when
// Diags.Err() is not nil. Templates is nil when they failed to load.
func Prepare(fsys afero.Fs, opts Options) *Prepared {
	timings := startTimings()
	timings.done = opts.StageDone
	c, diags := content.Load(fsys, opts.ContentDir)
	timings.mark("load")
	xopts := extractOptions(c)
	var spans *bodyIndex
	if streamBodies(c, opts.HoldBodies) {
		spans = newBodyIndex()
	}
	articles, readDiags := extractAll(fsys, c, xopts, opts.Workers, spans)
	diags.Append(readDiags)
	timings.mark("extract")
	chron, mergeDiags := merge.Merge(c, articles)
	diags.Append(mergeDiags)
	diags.Append(render.CheckLinks(chron, path.Join(opts.ContentDir, "site.yaml")))
	var bodiesOnDemand render.Bodies
	if spans != nil {
		// Made after merging: its map of the records need not add to
		// merging's peak, the build's.
		bodiesOnDemand = bodies(fsys, c, xopts, spans)
	}
	placeRecords(c, diags)
	timings.mark("merge")
	tmpl, err := render.LoadTemplates(opts.DefaultTemplates, fsys, opts.TemplatesDir)
	if err != nil {
		diags.Add(opts.TemplatesDir, 0, 0, "%v", err)
	}
	diags.Sort()
	return &Prepared{Chronology: chron, Templates: tmpl, Diags: diags, Timings: timings, Bodies: bodiesOnDemand}
}

// Timings are the durations of a build's stages, in order.
type Timings struct {
	Stages []StageTime
	last   time.Time
	// done is called as each stage ends (Options.StageDone), or nil.
	done func(stage string)
}

// StageTime is how long one stage took.
type StageTime struct {
	Stage    string
	Duration time.Duration
}

// startTimings begins timing at now.
func startTimings() Timings { return Timings{last: time.Now()} }

// mark ends the stage named stage, which began where the previous one
// ended.
func (t *Timings) mark(stage string) {
	now := time.Now()
	t.Stages = append(t.Stages, StageTime{Stage: stage, Duration: now.Sub(t.last)})
	t.last = now
	if t.done != nil {
		t.done(stage)
		t.last = time.Now()
	}
}

// String lists the stages: "load 12ms, extract 340ms, ...".
func (t Timings) String() string {
	var parts []string
	for _, st := range t.Stages {
		parts = append(parts, fmt.Sprintf("%s %s", st.Stage, st.Duration.Round(time.Millisecond)))
	}
	return strings.Join(parts, ", ")
}

func extractOptions(c *content.Content) extract.Options {
	return extract.Options{WindowStart: c.Site.Start, WindowEnd: c.Site.End, Names: names.New(c.People), Location: c.Site.Location}
}

// extractAll reads and extracts every raw article of c on all cores.
// With spans it keeps digests only, and spans records where each body
// lies so it can be read again for its pages. The result is in
// c.Articles' order whatever the number of workers; an article that
// cannot be read is reported and left out of both c.Articles and the
// result.
func extractAll(fsys afero.Fs, c *content.Content, opts extract.Options, workers int, spans *bodyIndex) ([]*extract.Article, diag.List) {
	articles := make([]*extract.Article, len(c.Articles))
	errs := make([]error, len(c.Articles))
	warnings := make([]diag.List, len(c.Articles))
	parallel.For(workers, len(c.Articles), func(i int) {
		a := c.Articles[i]
		data, meta, text, err := readChecked(fsys, c, a)
		if err != nil {
			errs[i] = err
			return
		}
		warnings[i] = text
		articles[i] = extractText(a.Path, data, meta, opts)
		if spans != nil {
			articles[i] = spans.digest(articles[i], data)
		}
		warnConflict(c, a, articles[i], &warnings[i])
	})
	kept, diags := dropUnreadable(c, articles, errs)
	for _, w := range warnings {
		diags.Append(w)
	}
	return kept, diags
}

// dropUnreadable reports each article of c that could not be read
// (errs[i] set) and leaves it out of both c.Articles and articles, which
// are in the same order.
func dropUnreadable(c *content.Content, articles []*extract.Article, errs []error) ([]*extract.Article, diag.List) {
	var diags diag.List
	kept := c.Articles[:0]
	extracted := articles[:0]
	for i, a := range articles {
		var skipped *dataset.RecordError
		switch {
		case errors.As(errs[i], &skipped):
			file, line := articlePosition(c.Dir, c.Articles[i])
			diags.Warn(file, line, 0, "%s; left out", skipped.Msg)
			continue
		case errs[i] != nil:
			file, line := articlePosition(c.Dir, c.Articles[i])
			diags.Add(file, line, 0, "%v", errors.Unwrap(errs[i]))
			continue
		}
		kept = append(kept, c.Articles[i])
		extracted = append(extracted, a)
	}
	c.Articles = kept
	return extracted, diags
}

// Build runs the whole pipeline and replaces the output folder only when
// everything succeeded. On error the returned Result still carries the
// warnings, and the error lists every problem, one per line.
func Build(fsys afero.Fs, opts Options) (*Result, error) {
	if err := checkFolders(fsys, opts); err != nil {
		return &Result{}, err
	}
	start := time.Now()
	timings := startTimings()
	timings.done = opts.StageDone
	key, keyErr := InputKey(fsys, opts)
	if keyErr == nil && !opts.Force {
		if res, ok := upToDate(fsys, opts.OutputDir, key); ok {
			timings.mark("up-to-date check")
			res.Duration, res.Timings = time.Since(start), timings
			return res, nil
		}
	}
	timings.mark("up-to-date check")
	p := Prepare(fsys, opts)
	timings.Stages, timings.last = append(timings.Stages, p.Timings.Stages...), p.Timings.last
	res := &Result{Warnings: p.Diags.Warnings(), Timings: timings}
	if err := p.Diags.Err(); err != nil {
		return res, err
	}
	out, err := write.Begin(fsys, opts.OutputDir)
	if err != nil {
		return res, err
	}
	defer out.Abort() // after Commit, only removes what is left of the staging folder
	rendered := &renderOutput{Output: out, timings: &timings}
	ropts := render.Options{Workers: opts.Workers, Bodies: p.Bodies}
	if err := render.Render(p.Chronology, p.Templates, ropts, rendered); err != nil {
		return res, err
	}
	res.Files, res.Written = out.Files(), out.Written()
	res.Entries, res.Pages = len(p.Chronology.Entries), int(rendered.pages.Load())
	if keyErr == nil {
		n, err := json.Marshal(note{Input: key, Entries: res.Entries, Pages: res.Pages, Files: res.Files, Warnings: res.Warnings})
		if err != nil {
			return res, err
		}
		out.SetNote(string(n))
	}
	if err := out.Commit(); err != nil {
		return res, err
	}
	timings.mark("commit")
	res.Duration, res.Timings = time.Since(start), timings
	return res, nil
}
