package render

import (
	"bytes"
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/newsroom/timeline/internal/parallel"
)

// job is one page or file of the site: its site-relative URL, its sitemap
// date, and how to make it.
type job struct {
	url string
	// path is the file's path in the output folder: pagePath(url); seq
	// its number among the Render's jobs (see record).
	path    string
	seq     int
	lastMod string
	// sitemap is false for files the sitemap leaves out.
	sitemap bool
	// key hashes what the file is made from (see keys.go); 0 when the
	// Render keeps no keys.
	key  uint64
	make func() ([]byte, error)
}

// key returns of(r.keys), or 0 when the Render keeps no keys.
func (r *renderer) key(of func(*keyer) uint64) uint64 {
	if r.keys == nil {
		return 0
	}
	return of(r.keys)
}

// run makes and emits every job on the workers. After a failure, jobs
// past the failed one are skipped; every job before it still runs, so
// the error returned, the first in job order, does not depend on
// scheduling.
//
// The pages kept from Options.Previous are handed to Options.Keep all at
// once, in job order, once every other job has run.
func (r *renderer) run(jobs []job) error {
	errs := make([]error, len(jobs))
	kept := make([]bool, len(jobs))
	var firstFailed atomic.Int64
	firstFailed.Store(int64(len(jobs)))
	parallel.For(r.opts.Workers, len(jobs), func(i int) {
		if int64(i) > firstFailed.Load() {
			return
		}
		if r.kept(&jobs[i]) {
			kept[i] = true
			return
		}
		data, err := jobs[i].make()
		if err == nil {
			err = r.emit(jobs[i].path, data)
		}
		if err == nil {
			return
		}
		errs[i] = err
		for {
			first := firstFailed.Load()
			if int64(i) >= first || firstFailed.CompareAndSwap(first, int64(i)) {
				return
			}
		}
	})
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	var keep []string
	for i, j := range jobs {
		if kept[i] {
			keep = append(keep, j.path)
		}
	}
	if len(keep) == 0 {
		return nil
	}
	return r.keep(keep)
}

// pageJob returns the job of a page listed in the sitemap, made by
// executing template name for the Page that makePage returns.
func (r *renderer) pageJob(name, url, lastMod string, key uint64, makePage func() (Page, error)) job {
	return job{url: url, path: pagePath(url), lastMod: lastMod, sitemap: name != "404.html", key: key, make: func() ([]byte, error) {
		page, err := makePage()
		if err != nil {
			return nil, err
		}
		return r.execute(name, page)
	}}
}

// execute executes template name for page, into a buffer grown to the
// size of the last page of that template and an eighth, so that few
// grow: from pageBuffers with Options.Recycle, for the emitter to hand
// back with Release.
func (r *renderer) execute(name string, page Page) ([]byte, error) {
	buf := new(bytes.Buffer)
	if r.opts.Recycle {
		buf = pageBuffers.Get().(*bytes.Buffer)
		buf.Reset()
	}
	size := r.sizes[name]
	buf.Grow(int(size.Load()))
	if err := r.t.pages[name].ExecuteTemplate(buf, "layout", page); err != nil {
		pageBuffers.Put(buf)
		return nil, fmt.Errorf("render %s with %s: %w", pagePath(page.URL), name, err)
	}
	size.Store(int64(buf.Len() + buf.Len()/8))
	data := buf.Bytes()
	if r.opts.Recycle && len(data) > 0 {
		lent.Store(&data[0], buf)
	}
	return data, nil
}

// pageBuffers recycles the buffers pages are executed into with
// Options.Recycle: at 100,000 pages, allocating each page's buffer anew
// makes most of the garbage of a build. lent holds the buffers whose
// bytes were emitted and not yet released, by their first byte, so that
// Release takes back those only.
var (
	pageBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}
	lent        sync.Map // *byte → *bytes.Buffer
)

// Release tells that data, bytes a Render emitted, will not be read
// again, nor kept: if they are a page's, their buffer serves another
// page. Bytes of any other kind are left alone, so an emitter may
// release everything it received. Releasing is optional.
func Release(data []byte) {
	if len(data) == 0 {
		return
	}
	if buf, ok := lent.LoadAndDelete(&data[0]); ok {
		pageBuffers.Put(buf)
	}
}
