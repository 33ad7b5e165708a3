package main

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/newsroom/timeline/internal/build"
	"github.com/newsroom/timeline/internal/timeline"
	"github.com/spf13/afero"
)

// checkReport is the JSON document "gen check -json" prints.
type checkReport struct {
	Errors      int               `json:"errors"`
	Warnings    int               `json:"warnings"`
	Diagnostics []checkDiagnostic `json:"diagnostics"`
	// Merges are the automatic merges of reports into one entry, and
	// NearMisses the pairs that came close (see docs/merging.md).
	Merges     []checkJoin `json:"merges"`
	NearMisses []checkJoin `json:"near_misses"`
}

// checkJoin is one automatic merge or near miss in a checkReport: the
// report's file, the report or entry it was compared with, the entry it
// is in, why, and the wording's similarity.
type checkJoin struct {
	Path    string  `json:"path"`
	With    string  `json:"with"`
	Entry   string  `json:"entry"`
	Reasons string  `json:"reasons"`
	Wording float64 `json:"wording"`
}

// checkDiagnostic is one problem in a checkReport; line and col are 0
// when unknown.
type checkDiagnostic struct {
	Path     string `json:"path"`
	Line     int    `json:"line"`
	Col      int    `json:"col"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
}

func runCheck(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("check", "usage: gen check [-content DIR] [-templates DIR] [-json]\n\nChecks all content and templates without writing anything; exits 1 when any problem is an error.\n\n", stderr)
	var f siteFlags
	f.register(fs)
	asJSON := fs.Bool("json", false, "print the problems as a JSON document: {errors, warnings, diagnostics: [{path, line, col, severity, message}], merges, near_misses: [{path, with, entry, reasons, wording}]}")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	diags, joins := build.Check(afero.NewOsFs(), f.options())
	errs := len(diags.Errors())
	if *asJSON {
		report := checkReport{Errors: errs, Warnings: len(diags.Warnings()), Diagnostics: []checkDiagnostic{}, Merges: []checkJoin{}, NearMisses: []checkJoin{}}
		for _, d := range diags {
			report.Diagnostics = append(report.Diagnostics, checkDiagnostic{
				Path: d.Path, Line: d.Line, Col: d.Col, Severity: d.Severity.String(), Message: d.Message,
			})
		}
		for _, j := range joins {
			list := &report.Merges
			if j.Near {
				list = &report.NearMisses
			}
			*list = append(*list, checkJoin{Path: j.Path, With: j.With, Entry: j.Entry, Reasons: j.Reasons, Wording: j.Wording})
		}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(report); err != nil {
			return err
		}
	} else {
		for _, d := range diags {
			fmt.Fprintln(stdout, d.Error())
		}
		for _, j := range joins {
			fmt.Fprintln(stdout, joinLine(j))
		}
	}
	if errs > 0 {
		return fmt.Errorf("check failed: %d errors, %d warnings in %s", errs, len(diags.Warnings()), f.content)
	}
	if !*asJSON {
		notes := ""
		if n := len(diags) - len(diags.Warnings()); n > 0 {
			notes = fmt.Sprintf(", %d notes", n)
		}
		fmt.Fprintf(stderr, "%s: no errors, %d warnings%s\n", f.content, len(diags.Warnings()), notes)
	}
	return nil
}

// joinLine is how gen check prints an automatic merge or near miss:
// "content/articles/x.txt: merge: joined with articles/y.txt in entry
// ID: same day, shared names Lloyd Austin, wording 0.71".
func joinLine(j timeline.Join) string {
	if j.Near {
		return fmt.Sprintf("%s: merge: near miss with %s, kept apart: %s", j.Path, j.With, j.Reasons)
	}
	return fmt.Sprintf("%s: merge: joined with %s in entry %s: %s", j.Path, j.With, j.Entry, j.Reasons)
}
