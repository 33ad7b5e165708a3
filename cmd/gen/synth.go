package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/newsroom/timeline/internal/synth"
	"github.com/spf13/afero"
)

func runSynth(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("synth", "usage: gen synth -n N [-seed S] [-markdown M | -markdown-only] -out DIR\n\nWrites a synthetic content folder for measuring builds: build it with gen -content DIR/content.\n\n", stderr)
	n := fs.Int("n", 1000, "number of `articles`: raw text, or Markdown with -markdown-only")
	markdown := fs.Int("markdown", 0, "`number` of Markdown articles written beside the raw ones")
	seed := fs.Uint64("seed", 1, "random `seed`: the same seed writes the same files")
	markdownOnly := fs.Bool("markdown-only", false, "write Markdown articles only, plus hugo.toml and layouts so that hugo -s DIR builds them too")
	out := fs.String("out", "", "`folder` to write, empty or absent; the content goes in DIR/content")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *out == "" || fs.NArg() > 0 || *n < 0 || *markdown < 0 {
		fs.Usage()
		return errUsage
	}
	if err := checkEmpty(*out); err != nil {
		return err
	}
	opts := synth.Options{Articles: *n, Markdown: *markdown, Seed: *seed}
	if *markdownOnly {
		opts = synth.Options{Markdown: *n + *markdown, Seed: *seed, Hugo: true}
	}
	start := time.Now()
	if err := synth.Generate(afero.NewOsFs(), *out, opts); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %d raw and %d Markdown articles to %s/content in %s\n",
		opts.Articles, opts.Markdown, *out, time.Since(start).Round(time.Millisecond))
	return nil
}

// checkEmpty refuses a folder that holds anything.
func checkEmpty(dir string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("synth: %w", err)
	}
	if len(entries) > 0 {
		return fmt.Errorf("synth: %s is not empty (want a new or empty folder)", dir)
	}
	return nil
}
