package build

import (
	"io"
	"strings"
	"sync/atomic"

	"github.com/newsroom/timeline/internal/write"
)

// renderOutput is the render.Output of a build: the write stage's
// Output, counting the files and the pages (.html) render hands it.
// With timings set, it is a render.StepOutput that ends a stage of
// timings as each step of the render ends.
type renderOutput struct {
	*write.Output
	pages, rendered atomic.Int64
	timings         *Timings
}

// Write counts the file and writes it (write.Output.Write).
func (o *renderOutput) Write(path string, data []byte) error {
	o.count(path)
	return o.Output.Write(path, data)
}

// WriteStream counts the file and writes it as it is made
// (write.Output.WriteStream).
func (o *renderOutput) WriteStream(path string, write func(io.Writer) error) error {
	o.count(path)
	return o.Output.WriteStream(path, write)
}

// count counts a file render hands over.
func (o *renderOutput) count(path string) {
	o.rendered.Add(1)
	if strings.HasSuffix(path, ".html") {
		o.pages.Add(1)
	}
}

// StepDone ends the stage step of timings, if set (render.StepOutput).
func (o *renderOutput) StepDone(step string) {
	if o.timings != nil {
		o.timings.mark(step)
	}
}

// sessionOutput is the Output of one Session build, with the counts of
// the pages it wrote and kept.
type sessionOutput struct {
	renderOutput
	kept atomic.Int64
	// keptRest is set when the render kept every file it did not write.
	keptRest bool
}

// resume starts writing the output folder from the last build's
// (write.Resume).
func (s *Session) resume() (*sessionOutput, error) {
	out, err := write.Resume(s.fsys, s.opts.OutputDir, s.site)
	if err != nil {
		return nil, err
	}
	return &sessionOutput{renderOutput: renderOutput{Output: out}}, nil
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
