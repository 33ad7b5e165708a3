package build

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
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

// Session builds one site again and again, as the preview server does
// after each change. It keeps what its last successful build loaded,
// extracted, rendered and wrote, so that a rebuild redoes only what the
// changed files call for:
//
//   - raw articles changed, added or removed: only they are read and
//     extracted again; the other content is not read at all;
//   - any other file changed (site.yaml, people, entries, annotations,
//     Markdown articles, templates): the content is loaded again, but
//     unchanged raw articles are still not read or extracted again;
//   - either way the chronology is merged again, and only the pages
//     whose inputs changed are rendered and written (render.State);
//     the others are kept as they are on disk;
//   - but when raw articles' bodies alone changed (withBodies), nothing
//     is merged again: the last chronology takes the new bodies, and
//     render renders only the pages that show them (render.Reuse).
//
// The output is the same, byte for byte, as a full Build of the same
// content gives. A Session trusts that nobody else writes the output
// folder while it lives (it checks the manifest, not every file). It is
// not safe for concurrent use.
type Session struct {
	fsys afero.Fs
	opts Options

	// What the last successful build read:
	content   *content.Content
	loadDiags diag.List
	// extracted holds each raw article's extraction, by content-relative
	// path, for the extract options of optionsKey: the Session's one
	// extraction cache.
	extracted  map[string]*extraction
	optionsKey string
	// readDiags is what reading and extracting the raw articles said.
	readDiags diag.List
	templates *render.Templates
	// inputs holds "size mtime" of every file under the content and
	// templates folders, by path: the InputKey of the site; inputPaths
	// holds their paths, sorted, or nil when not known yet.
	inputs     map[string]string
	inputPaths []string

	// What it wrote: its pages, and the warnings it gave with their
	// JSON for the note (nil when there were none).
	warnings     diag.List
	warningsJSON []byte
	pages        int
	state        *render.State
	chron        *timeline.Chronology
	site         *write.Committed
	// merger merges again with what it kept of the last merge.
	merger *merge.Merger
}

// NewSession returns a Session that builds with opts; its first Build
// builds everything.
func NewSession(fsys afero.Fs, opts Options) *Session {
	return &Session{fsys: fsys, opts: opts, merger: &merge.Merger{}}
}

// Build rebuilds the site. changed lists the files created, written or
// removed since the previous call, as paths under opts.ContentDir or
// opts.TemplatesDir; nil means unknown, and reads everything again (the
// first Build always does). Like Build, it replaces the output only when
// everything succeeded, and after a failure the next call starts again
// from the last successful one.
//
// A Build takes one of three paths: rebuildFull when what changed is
// unknown, rebuildBodies when raw articles' bodies alone changed, and
// rebuildKeyed otherwise.
func (s *Session) Build(changed []string) (*Result, error) {
	if err := checkFolders(s.fsys, s.opts); err != nil {
		return &Result{}, err
	}
	r := &rebuild{next: *s, changed: changed, start: time.Now(), timings: startTimings()}
	full := s.content == nil || changed == nil
	if err := r.next.updateInputs(changed, full); err != nil {
		return &Result{}, err
	}
	r.timings.mark("inputs")
	if full {
		return s.rebuildFull(r)
	}
	r.loadChanged()
	r.extract(false)
	if chron, ok := s.bodiesOnly(r); ok {
		return s.rebuildBodies(r, chron)
	}
	return s.rebuildKeyed(r)
}

// rebuild is one Build under way: the Session it makes (next, which
// becomes the Session when the build succeeds), and what it has read.
type rebuild struct {
	next    Session
	changed []string
	start   time.Time
	timings Timings

	// c is the content, and diags what loading and extracting it said.
	c     *content.Content
	diags diag.List
	// articles are the content-relative paths of the raw articles among
	// changed; reload is set when the content was loaded again.
	articles []string
	reload   bool
	// extracted holds the extraction of each article of c; quiet is set
	// when reading and extracting them said what it said last time.
	extracted []*extract.Article
	quiet     bool
}

// rebuildFull loads and reads everything again (an article whose bytes
// are unchanged is still not extracted again), then merges and renders
// as rebuildKeyed does.
func (s *Session) rebuildFull(r *rebuild) (*Result, error) {
	r.loadAll()
	r.extract(true)
	return s.rebuildKeyed(r)
}

// loadAll loads the whole content folder again.
func (r *rebuild) loadAll() {
	c, diags := content.Load(r.next.fsys, r.next.opts.ContentDir)
	r.next.content, r.next.loadDiags = c, diags
	r.c, r.diags, r.reload = copyContent(c), diags, true
	r.timings.mark("load")
}

// loadChanged brings the content up to date with the changed files: it
// lists the changed raw articles again, or loads everything again when
// any other content file changed.
func (r *rebuild) loadChanged() {
	r.articles, r.reload = r.next.changedArticles(r.changed)
	if r.reload {
		r.loadAll()
		return
	}
	r.c, r.reload = r.next.patchArticles(r.articles)
	r.diags = append(diag.List(nil), r.next.loadDiags...)
	r.timings.mark("load")
}

// extract extracts the raw articles: reads all of them when all is set
// or the extract options changed, else the changed ones only.
func (r *rebuild) extract(all bool) {
	xopts := extractOptions(r.c)
	if key := optionsKey(xopts); key != r.next.optionsKey {
		r.next.extracted, r.next.optionsKey = nil, key
	}
	last := r.next.readDiags
	r.extracted, r.next.readDiags = r.next.extractAll(r.c, xopts, r.articles, all)
	r.quiet = r.next.readDiags.Equal(last)
	r.diags.Append(r.next.readDiags)
	r.timings.mark("extract")
}

// bodiesOnly returns the last chronology with the changed articles' new
// bodies (withBodies), when nothing but raw articles' bodies changed.
func (s *Session) bodiesOnly(r *rebuild) (*timeline.Chronology, bool) {
	if r.reload || !r.quiet || touches(r.changed, s.opts.TemplatesDir) {
		return nil, false
	}
	was, now := map[string]*extract.Article{}, map[string]*extract.Article{}
	for _, p := range r.articles {
		if x := s.extracted[p]; x != nil {
			was[p] = x.article
		}
		if x := r.next.extracted[p]; x != nil {
			now[p] = x.article
		}
	}
	return withBodies(s.chron, was, now, r.articles)
}

// rebuildBodies renders again only the pages that show the changed
// bodies of chron (buildBodies), without merging again.
func (s *Session) rebuildBodies(r *rebuild, chron *timeline.Chronology) (*Result, error) {
	out, err := r.next.resume()
	if err != nil {
		return &Result{Warnings: s.warnings}, err
	}
	defer s.finish(out)
	res, err := r.next.buildBodies(out, chron, r.articles, &r.timings)
	if err == nil {
		*s = r.next
		res.Duration = time.Since(r.start)
	}
	return res, err
}

// rebuildKeyed merges the loaded content again, loads the templates
// again when they may have changed, and renders and writes only the
// pages whose inputs changed (render.Reuse).
func (s *Session) rebuildKeyed(r *rebuild) (*Result, error) {
	next, diags := &r.next, r.diags
	chron, mergeDiags := next.merger.Merge(r.c, r.extracted)
	diags.Append(mergeDiags)
	diags.Append(render.CheckLinks(chron, path.Join(s.opts.ContentDir, "site.yaml")))
	placeRecords(r.c, diags)
	r.timings.mark("merge")
	if r.reload || next.templates == nil || touches(r.changed, s.opts.TemplatesDir) {
		tmpl, err := render.LoadTemplates(s.opts.DefaultTemplates, s.fsys, s.opts.TemplatesDir)
		if err != nil {
			diags.Add(s.opts.TemplatesDir, 0, 0, "%v", err)
		}
		next.templates = tmpl
	}
	diags.Sort()
	res := &Result{Warnings: diags.Warnings(), Timings: r.timings}
	if err := diags.Err(); err != nil {
		return res, err
	}
	out, err := next.resume()
	if err != nil {
		return res, err
	}
	defer s.finish(out)
	next.state, next.chron = render.NewState(), chron
	reuse := &render.Reuse{Last: s.state, Keeper: out, Next: next.state}
	out.timings = &r.timings
	if err := render.Render(chron, next.templates, render.Options{Workers: s.opts.Workers, Reuse: reuse}, out); err != nil {
		return res, err
	}
	if err := next.commit(out, res, len(chron.Entries), &r.timings); err != nil {
		return res, err
	}
	*s = *next
	res.Duration, res.Timings = time.Since(r.start), r.timings
	return res, nil
}

// buildBodies finishes a Build, writing out, whose changes are edits to
// the bodies of the raw articles at paths alone: chron is the last chronology with the
// new bodies (withBodies), which render renders from the last State
// (render.Reuse.Bodies). The warnings are the last build's: nothing they
// were made from changed.
func (s *Session) buildBodies(out *sessionOutput, chron *timeline.Chronology, paths []string, timings *Timings) (*Result, error) {
	res := &Result{Warnings: s.warnings}
	state := render.NewState()
	reuse := &render.Reuse{Last: s.state, Bodies: paths, Keeper: out, Next: state}
	if err := render.Render(chron, s.templates, render.Options{Workers: s.opts.Workers, Reuse: reuse}, out); err != nil {
		return res, err
	}
	if out.keptRest {
		timings.mark("bodies")
		// The site has the pages it had: those rendered, the others kept.
		out.pages.Store(int64(s.pages))
		out.kept.Store(int64(out.Files()) - out.rendered.Load())
	} else {
		timings.mark("render")
	}
	s.state, s.chron = state, chron
	if err := s.commit(out, res, len(chron.Entries), timings); err != nil {
		return res, err
	}
	res.Timings = *timings
	return res, nil
}

// commit records the build's note (its input key and counts) and puts
// its output in place; s becomes the last build.
func (s *Session) commit(out *sessionOutput, res *Result, entries int, timings *Timings) error {
	res.Files, res.Written = out.Files(), out.Written()
	res.Entries, res.Pages, res.Kept = entries, int(out.pages.Load()), int(out.kept.Load())
	if s.inputPaths == nil {
		s.inputPaths = sortedPaths(s.inputs)
	}
	n, err := s.note(note{Input: inputKeyOf(s.opts, s.inputs, s.inputPaths), Entries: res.Entries, Pages: res.Pages, Files: res.Files, Warnings: res.Warnings})
	if err != nil {
		return err
	}
	out.SetNote(n)
	timings.mark("note")
	if err := out.Commit(); err != nil {
		return err
	}
	timings.mark("commit")
	s.site = out.Committed()
	s.warnings, s.pages = res.Warnings, res.Pages
	return nil
}

// note returns n as JSON, as json.Marshal gives it. The warnings' JSON
// is kept for the next build (s.warningsJSON, the JSON of s.warnings once
// the build commits): one that hands back an equal list (an edit to
// an article's body) does not encode thousands of them again.
func (s *Session) note(n note) (string, error) {
	warnings := n.Warnings
	if len(warnings) == 0 {
		s.warningsJSON = nil
		data, err := json.Marshal(n)
		return string(data), err
	}
	if s.warningsJSON == nil || !diag.List(warnings).Equal(s.warnings) {
		data, err := json.Marshal(warnings)
		if err != nil {
			return "", err
		}
		s.warningsJSON = data
	}
	n.Warnings = nil
	data, err := json.Marshal(n)
	if err != nil {
		return "", err
	}
	return string(data[:len(data)-1]) + `,"warnings":` + string(s.warningsJSON) + "}", nil
}

// changedArticles returns the content-relative paths of the raw articles
// among changed, and reload true when changed holds any other file of
// the content folder (which is then loaded again).
func (s *Session) changedArticles(changed []string) (articles []string, reload bool) {
	dir := filepath.Clean(s.opts.ContentDir)
	for _, p := range changed {
		rel, err := filepath.Rel(dir, filepath.Clean(p))
		if err != nil || strings.HasPrefix(rel, "..") {
			continue // a template, or outside the content folder
		}
		rel = filepath.ToSlash(rel)
		if !isRawArticle(rel) {
			reload = true
			continue
		}
		articles = append(articles, rel)
	}
	return articles, reload
}

// isRawArticle reports whether a content-relative path is one that
// content.Load lists as a raw article: a .txt file or a saved web page
// under articles/, in no hidden folder.
func isRawArticle(rel string) bool {
	if !strings.HasPrefix(rel, "articles/") || strings.ToLower(path.Ext(rel)) != ".txt" && !extract.IsPage(rel) {
		return false
	}
	for _, elem := range strings.Split(rel, "/") {
		if strings.HasPrefix(elem, ".") {
			return false
		}
	}
	return true
}

// patchArticles returns a copy of the last content with the raw articles
// at the changed paths listed again: added, resized or removed. An
// article now too large, or a path the last load reported on, makes
// patchArticles load everything again.
func (s *Session) patchArticles(changed []string) (c *content.Content, reloaded bool) {
	c = copyContent(s.content)
	for _, rel := range changed {
		full := path.Join(s.opts.ContentDir, rel)
		i := sort.Search(len(c.Articles), func(i int) bool { return c.Articles[i].Path >= rel })
		found := i < len(c.Articles) && c.Articles[i].Path == rel
		info, err := s.fsys.Stat(full)
		switch {
		case errors.Is(err, os.ErrNotExist):
			if found {
				c.Articles = append(c.Articles[:i], c.Articles[i+1:]...)
			}
			continue
		case err != nil || info.IsDir() || info.Size() > content.MaxFileSize || s.reported(full):
			c, s.loadDiags = content.Load(s.fsys, s.opts.ContentDir)
			s.content = c
			return copyContent(c), true
		}
		if found {
			c.Articles[i].Size = info.Size()
		} else {
			c.Articles = append(c.Articles[:i], append([]content.Article{{Path: rel, Size: info.Size()}}, c.Articles[i:]...)...)
		}
	}
	s.content = copyContent(c)
	return c, false
}

// reported reports whether the last load said something of file p.
func (s *Session) reported(p string) bool {
	for _, d := range s.loadDiags {
		if d.Path == p {
			return true
		}
	}
	return false
}

// copyContent returns a copy of c whose list of articles can change
// without changing c's.
func copyContent(c *content.Content) *content.Content {
	cp := *c
	cp.Articles = append([]content.Article(nil), c.Articles...)
	return &cp
}

// touches reports whether any of paths lies under dir.
func touches(paths []string, dir string) bool {
	if dir == "" {
		return false
	}
	dir = filepath.Clean(dir)
	for _, p := range paths {
		if rel, err := filepath.Rel(dir, filepath.Clean(p)); err == nil && !strings.HasPrefix(rel, "..") {
			return true
		}
	}
	return false
}

// updateInputs brings s.inputs up to date: every file again after a full
// load, else the changed ones only.
func (s *Session) updateInputs(changed []string, full bool) error {
	if full {
		inputs, err := inputFiles(s.fsys, s.opts)
		s.inputs, s.inputPaths = inputs, nil
		return err
	}
	inputs := make(map[string]string, len(s.inputs))
	for p, v := range s.inputs {
		inputs[p] = v
	}
	for _, p := range changed {
		p = filepath.ToSlash(filepath.Clean(p))
		info, err := s.fsys.Stat(p)
		switch {
		case err == nil && !info.IsDir():
			if _, known := inputs[p]; !known {
				s.inputPaths = nil
			}
			inputs[p] = fileStamp(info)
		case err == nil || errors.Is(err, os.ErrNotExist):
			if _, known := inputs[p]; known {
				s.inputPaths = nil
			}
			delete(inputs, p)
		default:
			return fmt.Errorf("stat %s: %w", p, err)
		}
	}
	s.inputs = inputs
	return nil
}
