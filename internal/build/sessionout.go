package build

import (
	"strings"
	"sync/atomic"

	"github.com/newsroom/timeline/internal/write"
)

// sessionOutput is the Output of one Session build, with the counts of
// the pages it wrote and kept.
type sessionOutput struct {
	*write.Output
	pages, kept, emitted atomic.Int64
	// keptRest is set when the render kept every file it did not emit.
	keptRest bool
}

// resume starts writing the output folder from the last build's
// (write.Resume).
func (s *Session) resume() (*sessionOutput, error) {
	out, err := write.Resume(s.fsys, s.opts.OutputDir, s.site)
	if err != nil {
		return nil, err
	}
	return &sessionOutput{Output: out}, nil
}

// finish ends the output of a build, committed or not. The output folder
// of a failed build is as the last one left it, but the folder beside it
// that the next build writes into may not be: the session keeps what the
// write stage knows of it (write.Output.Abort), so that the next build
// fixes what this one changed there rather than linking in every file.
func (s *Session) finish(out *sessionOutput) {
	out.Abort()
	if site := out.Committed(); site != nil {
		s.site = site
	}
}

// emit is the render.Emit of a Session build.
func (o *sessionOutput) emit(path string, data []byte) error {
	o.emitted.Add(1)
	if strings.HasSuffix(path, ".html") {
		o.pages.Add(1)
	}
	return o.Write(path, data)
}

// Keep keeps the files at paths, counting their pages (render.Keeper).
func (o *sessionOutput) Keep(paths ...string) error {
	for _, p := range paths {
		if strings.HasSuffix(p, ".html") {
			o.pages.Add(1)
		}
	}
	o.kept.Add(int64(len(paths)))
	return o.Output.Keep(paths...)
}

// KeepRest keeps every file of the last build not written by this one
// (render.Keeper).
func (o *sessionOutput) KeepRest() {
	o.keptRest = true
	o.Output.KeepRest()
}
