package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/newsroom/timeline/internal/extract"
)

func runExtract(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	fs.SetOutput(stderr)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	for _, p := range fs.Args() {
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		a := extract.Extract(p, data, extract.Options{})
		fmt.Fprintf(stdout, "%s: %q %s\n", p, a.Title, a.Event.ISO())
	}
	return nil
}
