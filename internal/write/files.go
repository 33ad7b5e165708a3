package write

import (
	"crypto/sha256"
	"fmt"
	"io"
	"maps"
	"sync"
)

// Write stages one file of the site, unless the previous build wrote the
// same bytes there. The file is written in the background from a copy of
// data, so the caller may reuse data as soon as Write returns; errors are
// reported by a later Write or by Commit. Writing the same path twice is
// an error: two pages would be fighting over one URL. Write is safe for
// concurrent use.
func (o *Output) Write(p string, data []byte) error {
	return o.write(p, data)
}

// write does Write's work.
func (o *Output) write(p string, data []byte) error {
	clean, err := CleanPath(p)
	if err != nil {
		return err
	}
	needed, err := o.record(clean, sha256.Sum256(data))
	if !needed || err != nil {
		return err
	}
	o.startWriters()
	if err := o.firstErr(); err != nil {
		return err
	}
	if len(data) > maxPooledBuffer {
		// A large file (an export of a large site: tens of MB) is
		// written from the caller's bytes before Write returns; a copy
		// queued for the writers would hold it twice.
		if err := o.stage(pendingFile{path: clean, data: &data}); err != nil {
			o.setErr(err)
			return err
		}
		return nil
	}
	buf := fileBuffers.Get().(*[]byte)
	*buf = append((*buf)[:0], data...)
	o.pending <- pendingFile{path: clean, data: buf}
	return nil
}

// WriteStream stages the file that write writes, as Write stages data,
// without ever holding it whole: for a file of tens of MB (an export of
// a large site). Its bytes go into a new file of the spare folder as
// write writes them, hashed on the way, so the file is written even
// where Write would find the previous build's bytes and skip them.
// write's error is returned as it is. WriteStream is safe for concurrent
// use.
func (o *Output) WriteStream(p string, write func(io.Writer) error) error {
	clean, err := CleanPath(p)
	if err != nil {
		return err
	}
	o.mu.Lock()
	_, dup := o.hashes[clean]
	o.mu.Unlock()
	if dup {
		return writtenTwice(clean)
	}
	if err := o.firstErr(); err != nil {
		return err
	}
	if err := o.markDirty(); err != nil {
		return err
	}
	hash := sha256.New()
	var writeErr error
	err = o.spare.createWith(clean, func(f io.Writer) error {
		writeErr = write(io.MultiWriter(f, hash))
		return writeErr
	})
	if writeErr != nil {
		return writeErr
	}
	if err != nil {
		o.setErr(err)
		return err
	}
	var sum digest
	hash.Sum(sum[:0])
	_, err = o.record(clean, sum)
	return err
}

// writtenTwice is the error of a path written a second time.
func writtenTwice(clean string) error {
	return fmt.Errorf("output path %q: written twice (two pages share one URL)", clean)
}

// record records that the file at clean has the sha256 hash, and
// reports whether it is to be written into the spare folder: when it is
// new or changed, and the spare folder does not hold these very bytes.
func (o *Output) record(clean string, hash digest) (needed bool, err error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if _, dup := o.hashes[clean]; dup {
		return false, writtenTwice(clean)
	}
	old, had := o.old[clean]
	shaOffset := -1
	if had {
		o.claimed++
		shaOffset = old.shaOffset
	}
	o.hashes[clean] = fileSum{sha: hash, shaOffset: shaOffset}
	changed := o.fresh || !had || old.sha != hash
	if changed {
		o.staged = append(o.staged, clean)
	}
	// A file the site has unchanged is linked into the spare folder by
	// Commit, where that one differs; a changed one is written there,
	// unless the spare folder holds these very bytes already.
	spare := o.spareSum(clean)
	if _, diff := o.spareDiff[clean]; diff && changed {
		o.fixed[clean] = true
	}
	return changed && !(spare.present && spare.sha == hash), nil
}

// Keep keeps the files the previous build wrote at paths, unchanged, as
// if Write had been called with the same bytes, without them. It is an
// error when the previous build made no such file; the paths after the
// first error are not kept. Keep is safe for concurrent use; keeping many
// files in one call takes the lock once.
func (o *Output) Keep(paths ...string) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	for _, p := range paths {
		// Every path of old is clean (see CleanPath): those of a
		// manifest read back too, so that no path leaves the folder.
		sum, ok := o.old[p]
		if o.fresh || !ok {
			if _, err := CleanPath(p); err != nil {
				return err
			}
			return fmt.Errorf("keep %s: the previous build made no such file", p)
		}
		// An insert that leaves the map's size as it was replaced a path
		// written or kept before: one lookup fewer than asking first.
		n := len(o.hashes)
		if o.hashes[p] = sum; len(o.hashes) == n {
			return fmt.Errorf("output path %q: written twice (two pages share one URL)", p)
		}
		o.claimed++
	}
	return nil
}

// KeepRest keeps every file of the previous build that this one has not
// written or kept, as Keep would one by one, for a build that knows it
// changed a few files only: it copies the previous build's sums at once
// instead of inserting them one at a time. Call it once every file has
// been written or kept.
func (o *Output) KeepRest() {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.fresh {
		return
	}
	rest := maps.Clone(o.old)
	maps.Copy(rest, o.hashes)
	o.hashes, o.claimed = rest, len(o.old)
}

// writers is how many goroutines write staged files. Writing a file is
// mostly waiting on the file system, so more of them than cores keeps
// the cores rendering while files are written.
const writers = 16

// pendingFile is a file handed to the writers: a copy of its bytes, in a
// buffer of fileBuffers that the writer hands back once it is written.
type pendingFile struct {
	path string
	data *[]byte
}

// fileBuffers holds the buffers of the files waiting for the writers: a
// build's files pass through a few dozen of them rather than each
// allocating its own.
var fileBuffers = sync.Pool{New: func() any { return new([]byte) }}

// maxPooledBuffer is the size of the largest file copied into a buffer
// of fileBuffers; larger ones are written at once (see write). A large
// site's few big files (timeline.json, the sitemaps: megabytes each at
// 100,000 articles) would otherwise stay in the pool at their size,
// holding memory for pages a few kilobytes long.
const maxPooledBuffer = 1 << 20

// startWriters starts the writer goroutines, once.
func (o *Output) startWriters() {
	o.startOnce.Do(func() {
		o.pending = make(chan pendingFile, writers*4)
		for range writers {
			o.writing.Add(1)
			go func() {
				defer o.writing.Done()
				for f := range o.pending {
					if err := o.stage(f); err != nil {
						o.setErr(err)
					}
					fileBuffers.Put(f.data)
				}
			}()
		}
	})
}

// stage writes one file into the spare folder.
func (o *Output) stage(f pendingFile) error {
	if err := o.markDirty(); err != nil {
		return err
	}
	return o.spare.create(f.path, *f.data)
}

// wait lets the writers finish every file handed to them and returns the
// first error they met.
func (o *Output) wait() error {
	o.startWriters()
	o.stopOnce.Do(func() { close(o.pending) })
	o.writing.Wait()
	return o.firstErr()
}

func (o *Output) setErr(err error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.err == nil {
		o.err = err
	}
}

func (o *Output) firstErr() error {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.err
}

// Files returns how many files the site has.
func (o *Output) Files() int {
	o.mu.Lock()
	defer o.mu.Unlock()
	return len(o.hashes)
}

// Written returns how many files were new or changed, and so written.
func (o *Output) Written() int {
	o.mu.Lock()
	defer o.mu.Unlock()
	return len(o.staged)
}
