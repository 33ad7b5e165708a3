// Package diag collects positioned problems found while reading content and
// reports them the way compilers do: sorted, one per line,
// "path:line:col: message".
//
// It follows go/scanner's ErrorList: stages Add every problem they find
// instead of stopping at the first, and the caller asks Err for an error
// that is nil when no problem is an error.
package diag

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// Severity tells whether a problem stops the build.
type Severity int

const (
	// Error problems stop the build; nothing is written.
	Error Severity = iota
	// Warning problems are reported but the build goes on.
	Warning
	// Note is something worth knowing that is no problem (a front-matter
	// key kept as a parameter); "gen check" lists notes, builds do not.
	Note
)

// String returns "error", "warning" or "note".
func (s Severity) String() string {
	switch s {
	case Warning:
		return "warning"
	case Note:
		return "note"
	}
	return "error"
}

// Diagnostic is one problem at one place in one file. Line and Col are
// 1-based; zero means unknown.
type Diagnostic struct {
	Path     string   `json:"path"`
	Line     int      `json:"line,omitempty"`
	Col      int      `json:"col,omitempty"`
	Severity Severity `json:"-"`
	Message  string   `json:"message"`
}

// Position returns "path:line:col", "path:line" or "path", as much as is
// known, the path escaped as Escape does.
func (d Diagnostic) Position() string {
	switch {
	case d.Line > 0 && d.Col > 0:
		return fmt.Sprintf("%s:%d:%d", Escape(d.Path), d.Line, d.Col)
	case d.Line > 0:
		return fmt.Sprintf("%s:%d", Escape(d.Path), d.Line)
	}
	return Escape(d.Path)
}

// Error formats the diagnostic as "path:line:col: message"; warnings read
// "path:line:col: warning: message". Path and message are escaped as
// Escape does, so the line is safe to print and stays one line.
func (d Diagnostic) Error() string {
	if d.Severity != Error {
		return d.Position() + ": " + d.Severity.String() + ": " + Escape(d.Message)
	}
	return d.Position() + ": " + Escape(d.Message)
}

// List is an ordered collection of diagnostics.
type List []Diagnostic

// Add appends an error at path:line:col.
func (l *List) Add(path string, line, col int, format string, args ...any) {
	*l = append(*l, Diagnostic{Path: path, Line: line, Col: col, Severity: Error, Message: fmt.Sprintf(format, args...)})
}

// Warn appends a warning at path:line:col.
func (l *List) Warn(path string, line, col int, format string, args ...any) {
	*l = append(*l, Diagnostic{Path: path, Line: line, Col: col, Severity: Warning, Message: fmt.Sprintf(format, args...)})
}

// Note appends a note at path:line:col.
func (l *List) Note(path string, line, col int, format string, args ...any) {
	*l = append(*l, Diagnostic{Path: path, Line: line, Col: col, Severity: Note, Message: fmt.Sprintf(format, args...)})
}

// Append adds every diagnostic of other to l.
func (l *List) Append(other List) { *l = append(*l, other...) }

// Sort orders the list by path, line, column, then message, so reports are
// the same from run to run.
func (l List) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		return a.Message < b.Message
	})
}

// Errors returns the diagnostics of severity Error.
func (l List) Errors() List { return l.filter(Error) }

// Warnings returns the diagnostics of severity Warning.
func (l List) Warnings() List { return l.filter(Warning) }

func (l List) filter(s Severity) List {
	var out List
	for _, d := range l {
		if d.Severity == s {
			out = append(out, d)
		}
	}
	return out
}

// Err returns nil when the list holds no error, and otherwise an error
// whose text is every error diagnostic, sorted, one per line.
func (l List) Err() error {
	errs := l.Errors()
	if len(errs) == 0 {
		return nil
	}
	errs.Sort()
	return errs
}

// Error joins the diagnostics one per line.
func (l List) Error() string {
	lines := make([]string, len(l))
	for i, d := range l {
		lines[i] = d.Error()
	}
	return strings.Join(lines, "\n")
}

// Equal reports whether l and other hold the same diagnostics in the
// same order. Lists handed back unchanged share their strings, which
// compare without being read.
func (l List) Equal(other List) bool {
	return slices.Equal(l, other)
}
