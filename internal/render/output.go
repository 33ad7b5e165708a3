package render

import (
	"bytes"
	"fmt"
	"io"
)

// Output receives the files of a Render, from several goroutines at once
// (Options.Workers): its methods must be safe for concurrent use. A path
// is slash-separated and relative to the output folder; Render refuses
// any path that would leave it (ValidOutputPath) before Output sees it.
// write.Output is one; WriteFunc makes one of a function.
type Output interface {
	// Write receives one file. Its bytes are Write's to read until it
	// returns and no longer (Render makes the next page in the same
	// buffer): Write copies what it keeps.
	Write(path string, data []byte) error
	// WriteStream receives a file as it is made, never held whole: the
	// two exports of the whole chronology of a large site
	// (timeline.json, timelinejs.json: tens of MB each). write writes
	// the file's bytes to the writer it is given and returns the first
	// error, which WriteStream returns.
	WriteStream(path string, write func(io.Writer) error) error
}

// StepOutput is an Output that is told as each step of a Render ends,
// with the step's name ("links", "keys", "cards", "jobs", "listings",
// "sitemap", "pages", "exports"), from the goroutine that called Render: for
// timings and heap profiles. Render calls StepDone on any Output that
// has it, as io.Copy uses an io.WriterTo.
type StepOutput interface {
	Output
	StepDone(step string)
}

// WriteFunc makes an Output of a function that receives each file whole,
// as Write does. Its WriteStream gathers the file's bytes, then calls the
// function.
type WriteFunc func(path string, data []byte) error

// Write calls f(path, data).
func (f WriteFunc) Write(path string, data []byte) error { return f(path, data) }

// WriteStream calls f with the bytes write writes.
func (f WriteFunc) WriteStream(path string, write func(io.Writer) error) error {
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		return err
	}
	return f(path, buf.Bytes())
}

// Discard is an Output that keeps nothing: a Render into it only
// reports the errors of the templates (gen check), or is timed.
var Discard Output = discard{}

type discard struct{}

func (discard) Write(string, []byte) error { return nil }

func (discard) WriteStream(_ string, write func(io.Writer) error) error {
	return write(io.Discard)
}

// checkedOutput is an Output that refuses any path that would leave the
// output folder.
type checkedOutput struct{ out Output }

func (c checkedOutput) Write(p string, data []byte) error {
	if err := checkOutputPath(p); err != nil {
		return err
	}
	return c.out.Write(p, data)
}

func (c checkedOutput) WriteStream(p string, write func(io.Writer) error) error {
	if err := checkOutputPath(p); err != nil {
		return err
	}
	return c.out.WriteStream(p, write)
}

// checkOutputPath returns an error for a path that would leave the
// output folder.
func checkOutputPath(p string) error {
	if !ValidOutputPath(p) {
		return fmt.Errorf("render: output path %q would leave the output folder (want a relative path without ..)", p)
	}
	return nil
}

// stepDone returns out's StepDone, or a function that does nothing.
func stepDone(out Output) func(step string) {
	if s, ok := out.(StepOutput); ok {
		return s.StepDone
	}
	return func(string) {}
}
