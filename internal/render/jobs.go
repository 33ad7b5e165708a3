package render

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"
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
	// first is, for a listing, the place in the chronology of the first
	// entry it lists (orderListings); 0 for the other files.
	first int32
	// key hashes what the file is made from (see keys.go); 0 when the
	// Render keeps no keys.
	key uint64
	// make makes the file's bytes: into buf, which run reuses once they
	// are written, or into a slice of their own.
	make func(buf *bytes.Buffer) ([]byte, error)
	// whole is true for an export of the whole chronology
	// (timeline.json, timelinejs.json: tens of MB each at 100,000
	// entries): run makes and writes one such file at a time.
	whole bool
	// stream, when set, writes the file as it is made, in place of
	// make (see wholeExportJob).
	stream func(io.Writer) error
}

// key returns of(r.keys), or 0 when the Render keeps no keys.
func (r *renderer) key(of func(*keyer) uint64) uint64 {
	if r.keys == nil {
		return 0
	}
	return of(r.keys)
}

// run makes and writes every job on the workers (runEach), each cleared
// in jobs once it is handed out, so that what it holds is let go before
// the last job runs.
func (r *renderer) run(jobs []job) error {
	return r.runEach(len(jobs), func(i int) job { return take(jobs, i) })
}

// runEach makes and writes n jobs on the workers, the i-th of which
// next(i) returns, once. After a failure, jobs past the failed one are
// skipped; every job before it still runs, so the error returned, the
// first in job order, does not depend on scheduling.
//
// The pages kept from Reuse.Last are handed to Reuse.Keeper all at
// once, in job order, once every other job has run.
func (r *renderer) runEach(n int, next func(i int) job) error {
	errs := make([]error, n)
	var kept []string
	if r.previous() != nil {
		kept = make([]string, n)
	}
	var firstFailed atomic.Int64
	firstFailed.Store(int64(n))
	parallel.For(r.opts.Workers, n, func(i int) {
		if int64(i) > firstFailed.Load() {
			return
		}
		j := next(i)
		if r.kept(&j) {
			kept[i] = j.path
			return
		}
		if j.whole {
			r.wholeExport.Lock()
		}
		err := r.runJob(&j)
		if j.whole {
			r.wholeExport.Unlock()
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
	for _, p := range kept {
		if p != "" {
			keep = append(keep, p)
		}
	}
	if len(keep) == 0 {
		return nil
	}
	return r.keep(keep)
}

// runJob makes and writes j.
func (r *renderer) runJob(j *job) error {
	if j.stream != nil {
		return r.out.WriteStream(j.path, j.stream)
	}
	buf := pageBuffers.Get().(*bytes.Buffer)
	defer pageBuffers.Put(buf)
	buf.Reset()
	data, err := j.make(buf)
	if err != nil {
		return err
	}
	return r.out.Write(j.path, data)
}

// pageJob returns the job of a page listed in the sitemap, made by
// executing template name for the Page that makePage returns.
func (r *renderer) pageJob(name, url, lastMod string, key uint64, makePage func() (Page, error)) job {
	j := newJob(url)
	j.lastMod, j.sitemap, j.key = lastMod, name != "404.html", key
	j.make = func(buf *bytes.Buffer) ([]byte, error) {
		page, err := makePage()
		if err != nil {
			return nil, err
		}
		return r.execute(buf, name, page)
	}
	return j
}

// newJob returns a job for url, with its path pagePath(url). A URL
// ending in "/" is the start of its path, and shares its bytes: a site
// of 100,000 pages holds one string for each rather than two.
func newJob(url string) job {
	path := pagePath(url)
	if strings.HasSuffix(url, "/") {
		url = path[:len(url)]
	}
	return job{url: url, path: path}
}

// execute executes template name for page into buf, grown first to the
// size of the last page of that template and an eighth, so that few
// grow.
func (r *renderer) execute(buf *bytes.Buffer, name string, page Page) ([]byte, error) {
	size := r.sizes[name]
	buf.Grow(int(size.Load()))
	if err := r.t.pages[name].ExecuteTemplate(buf, "layout", &page); err != nil {
		return nil, fmt.Errorf("render %s with %s: %w", pagePath(page.URL), name, err)
	}
	size.Store(int64(buf.Len() + buf.Len()/8))
	return buf.Bytes(), nil
}

// pageBuffers holds the buffers pages are executed into: at 100,000
// pages, allocating each page's buffer anew makes most of the garbage of
// a build. A buffer goes back once its page is written, so Output.Write
// must not keep the bytes it is handed.
var pageBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// exportJob returns the job of the export file name, made by make.
func exportJob(name string, key uint64, make func() ([]byte, error)) job {
	j := newJob(name)
	name = j.url
	j.key = key
	j.make = func(*bytes.Buffer) ([]byte, error) {
		data, err := make()
		if err != nil {
			return nil, fmt.Errorf("render %s: %w", name, err)
		}
		return data, nil
	}
	return j
}

// feeds returns the jobs of the feeds, feed.xml and feed.json: the
// latest entries, bodies included.
func (r *renderer) feeds() []job {
	key := r.key(func(k *keyer) uint64 {
		return k.key("feeds", k.entriesKey(r.chron.Entries[max(0, len(r.chron.Entries)-FeedLimit):]))
	})
	return []job{
		exportJob("feed.xml", key, func() ([]byte, error) {
			latest, err := r.latest()
			if err != nil {
				return nil, err
			}
			return atomOf(latest)
		}),
		exportJob("feed.json", key, func() ([]byte, error) {
			latest, err := r.latest()
			if err != nil {
				return nil, err
			}
			return jsonFeedOf(latest)
		}),
	}
}

// streamAbove is the size of an export of the whole chronology above
// which it is written as it is made (Output.WriteStream), never held
// whole: above some 30,000 entries.
const streamAbove = 16 << 20

// wholeExportJob returns the job of an export of the whole chronology,
// about size bytes long, that write writes. Above streamAbove bytes, it
// is written as it is made.
func (r *renderer) wholeExportJob(name string, key uint64, size int, write func(*jsonWriter) error) job {
	j := exportJob(name, key, func() ([]byte, error) {
		w := newJSONWriter(size, false)
		if err := write(w); err != nil {
			return nil, err
		}
		return w.bytes(), nil
	})
	j.whole = true
	if size > streamAbove {
		j.stream = func(out io.Writer) error {
			w := newJSONStream(out, false)
			if err := write(w); err != nil {
				return fmt.Errorf("render %s: %w", name, err)
			}
			return w.finish()
		}
	}
	return j
}

// runExports makes and writes the feeds, the JSON exports and the
// search index and its months. The index is made only now, once the
// pages are written, so that it is never held with their jobs: on a
// goroutine of its own while the feeds and the two exports of the whole
// chronology, one at a time, are made and written.
func (r *renderer) runExports() error {
	r.startSearchIndex()
	all := r.key(func(k *keyer) uint64 { return k.all })
	whole := r.wholeExportJob("timeline.json", all, timelineJSONSize(r.chron), func(w *jsonWriter) error {
		return writeTimelineJSON(w, r.chron, r.memo)
	})
	wholeJS := r.wholeExportJob("timelinejs.json", all, timelineJSSize(r.chron), func(w *jsonWriter) error {
		return writeTimelineJS(w, r.chron, r.links, r.memo)
	})
	exports := slices.Concat(r.feeds(), []job{whole, wholeJS})
	r.record(exports)
	if err := r.run(exports); err != nil {
		return err
	}
	search := r.searchJobs()
	r.record(search)
	return r.run(search)
}
