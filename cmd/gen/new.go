package main

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/newsroom/timeline/internal/content"
	"github.com/newsroom/timeline/internal/timeline"
	"github.com/spf13/afero"
)

func runNew(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("new", "usage: gen new [-content DIR] [-date D] [-kind K] \"Title\"\n\nWrites a new entry file with a fresh id and every field commented; never overwrites.\n\n", stderr)
	dir := fs.String("content", "content", "content `folder`; the entry is written in its entries/")
	date := fs.String("date", time.Now().Format("2006-01-02"), "the entry's `date`: 2022, 2022-02, 2022-02-24, ~2022-02 or 2022-02-24T05:00+02:00")
	kind := fs.String("kind", "other", "the entry's `kind`: "+strings.Join(content.Kinds, ", "))
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return errUsage
	}
	d, err := timeline.ParseDate(*date)
	if err != nil {
		return fmt.Errorf("-date %q: %w", *date, err)
	}
	p, err := content.NewEntry(afero.NewOsFs(), *dir, d, *kind, fs.Arg(0))
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, p)
	return nil
}
