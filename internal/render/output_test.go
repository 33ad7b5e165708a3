package render

import (
	"errors"
	"io"
	"slices"
	"strings"
	"sync"
	"testing"
)

// streamOutput is an Output that takes only streamed files.
type streamOutput func(path string, write func(io.Writer) error) error

func (f streamOutput) Write(p string, _ []byte) error {
	return errors.New("streamOutput: " + p + " written whole")
}

func (f streamOutput) WriteStream(p string, write func(io.Writer) error) error { return f(p, write) }

// stepsOutput is a StepOutput that records the steps and writes nothing.
type stepsOutput struct {
	Output
	steps []string
}

func (s *stepsOutput) StepDone(step string) { s.steps = append(s.steps, step) }

// TestRenderTellsSteps checks that a StepOutput is told each step of a
// full Render, in order, and of none after the step that fails.
func TestRenderTellsSteps(t *testing.T) {
	out := &stepsOutput{Output: Discard}
	if err := Render(fixture(), loadDefaults(t), Options{Workers: 2}, out); err != nil {
		t.Fatal(err)
	}
	want := []string{"links", "keys", "cards", "jobs", "listings", "sitemap", "pages", "exports"}
	if !slices.Equal(out.steps, want) {
		t.Errorf("steps %q, want %q", out.steps, want)
	}
	failing := &stepsOutput{Output: WriteFunc(func(p string, _ []byte) error { return errors.New("disk full") })}
	if err := Render(fixture(), loadDefaults(t), Options{}, failing); err == nil {
		t.Error("Render into a failing Output: no error")
	}
	if n := len(failing.steps); n == len(want) || !slices.Equal(failing.steps, want[:n]) {
		t.Errorf("steps of a Render failing at its first file %q, want the steps before it of %q", failing.steps, want)
	}
}

// TestWriteFuncWriteStream checks that WriteFunc's WriteStream hands the
// function the bytes written, and returns the writer's error without
// calling it.
func TestWriteFuncWriteStream(t *testing.T) {
	var got []string
	f := WriteFunc(func(p string, data []byte) error { got = append(got, p+" "+string(data)); return nil })
	err := f.WriteStream("a.json", func(w io.Writer) error {
		for _, s := range []string{"[1,", "2,", "3]"} {
			if _, err := io.WriteString(w, s); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil || !slices.Equal(got, []string{"a.json [1,2,3]"}) {
		t.Errorf("WriteStream: %q, %v; want [\"a.json [1,2,3]\"], nil", got, err)
	}
	broken := errors.New("broken")
	if err := f.WriteStream("b.json", func(io.Writer) error { return broken }); err != broken || len(got) != 1 {
		t.Errorf("WriteStream of a failing write: %v, %d calls; want %v, none", err, len(got)-1, broken)
	}
}

// TestCheckedOutputRefusesEscapingPaths checks that both ways of handing
// over a file refuse a path that would leave the output folder, before
// the Output sees it.
func TestCheckedOutputRefusesEscapingPaths(t *testing.T) {
	var mu sync.Mutex
	var seen []string
	inner := WriteFunc(func(p string, _ []byte) error { mu.Lock(); seen = append(seen, p); mu.Unlock(); return nil })
	out := checkedOutput{inner}
	for _, p := range []string{"../x", "/etc/passwd", "a/../../b"} {
		if err := out.Write(p, nil); err == nil || !strings.Contains(err.Error(), "would leave the output folder") {
			t.Errorf("Write(%q) = %v, want a refusal", p, err)
		}
		err := out.WriteStream(p, func(w io.Writer) error { _, err := w.Write([]byte("x")); return err })
		if err == nil || !strings.Contains(err.Error(), "would leave the output folder") {
			t.Errorf("WriteStream(%q) = %v, want a refusal", p, err)
		}
	}
	if err := out.WriteStream("ok/timeline.json", func(w io.Writer) error { _, err := io.WriteString(w, "{}"); return err }); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(seen, []string{"ok/timeline.json"}) {
		t.Errorf("the Output saw %q, want only ok/timeline.json", seen)
	}
}
