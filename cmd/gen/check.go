package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"

	"github.com/newsroom/timeline/internal/build"
	"github.com/spf13/afero"
)

// checkReport is the JSON document "gen check -json" prints.
type checkReport struct {
	Errors      int               `json:"errors"`
	Warnings    int               `json:"warnings"`
	Diagnostics []checkDiagnostic `json:"diagnostics"`
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
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var f siteFlags
	f.register(fs)
	asJSON := fs.Bool("json", false, "print the problems as a JSON document: {errors, warnings, diagnostics: [{path, line, col, severity, message}]}")
	fs.Usage = func() {
		fmt.Fprint(stderr, "usage: gen check [-content DIR] [-templates DIR] [-json]\n\nChecks all content and templates without writing anything; exits 1 when any problem is an error.\n\n")
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	diags := build.Check(afero.NewOsFs(), f.options())
	errs := len(diags.Errors())
	if *asJSON {
		report := checkReport{Errors: errs, Warnings: len(diags.Warnings()), Diagnostics: []checkDiagnostic{}}
		for _, d := range diags {
			report.Diagnostics = append(report.Diagnostics, checkDiagnostic{
				Path: d.Path, Line: d.Line, Col: d.Col, Severity: d.Severity.String(), Message: d.Message,
			})
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
	}
	if errs > 0 {
		return fmt.Errorf("check failed: %d errors, %d warnings in %s", errs, len(diags)-errs, f.content)
	}
	if !*asJSON {
		fmt.Fprintf(stderr, "%s: no errors, %d warnings\n", f.content, len(diags))
	}
	return nil
}
