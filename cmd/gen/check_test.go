package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeTree writes files under dir.
func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for p, s := range files {
		full := filepath.Join(dir, p)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func run(args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = Run(context.Background(), args, &out, &errOut)
	return code, out.String(), errOut.String()
}

// TestNewThenCheck writes an entry with gen new and checks that gen check
// passes it, and that gen new refuses to overwrite by choosing a new id.
func TestNewThenCheck(t *testing.T) {
	dir := t.TempDir()
	content := filepath.Join(dir, "content")
	writeTree(t, content, map[string]string{"site.yaml": "title: T\nstart: 2021\nend: 2023\n"})
	tmpl := filepath.Join(dir, "templates")

	code, out, errOut := run("new", "-content", content, "-date", "2022-02-24", "-kind", "military", "Russia invades Ukraine")
	want := filepath.Join(content, "entries", "2022-02-24-russia-invades-ukraine.yaml")
	if code != 0 || strings.TrimSpace(out) != want {
		t.Fatalf("gen new: code %d, stdout %q, stderr %q; want 0 and %s", code, out, errOut, want)
	}
	code, out, _ = run("new", "-content", content, "-date", "2022-02-24", "Russia invades Ukraine")
	if code != 0 || !strings.HasSuffix(strings.TrimSpace(out), "2022-02-24-russia-invades-ukraine-2.yaml") {
		t.Fatalf("second gen new: code %d, stdout %q; want a -2 file", code, out)
	}
	code, out, errOut = run("check", "-content", content, "-templates", tmpl)
	if code != 0 || out != "" {
		t.Errorf("gen check of new entries: code %d\nstdout: %s\nstderr: %s", code, out, errOut)
	}
}

func TestCheck(t *testing.T) {
	dir := t.TempDir()
	content := filepath.Join(dir, "content")
	writeTree(t, content, map[string]string{
		"site.yaml":          "title: T\n",
		"entries/calls.yaml": "- id: a\n  date: 2022-02-30\n  titel: A\n",
	})
	tmpl := filepath.Join(dir, "templates")
	calls := filepath.Join(content, "entries", "calls.yaml")

	code, out, errOut := run("check", "-content", content, "-templates", tmpl)
	wantOut := calls + `:2:9: date "2022-02-30": day 30 out of range for February 2022 (want YYYY, YYYY-MM or YYYY-MM-DD)` + "\n" +
		calls + `:3:3: titel: unknown field; did you mean "title"?` + "\n"
	if code != 1 || out != wantOut {
		t.Errorf("gen check: code %d\nstdout:\n%s\nwant code 1 and:\n%s", code, out, wantOut)
	}
	if want := "check failed: 2 errors, 0 warnings in " + content + "\n"; errOut != want {
		t.Errorf("gen check stderr = %q, want %q", errOut, want)
	}

	code, out, _ = run("check", "-json", "-content", content, "-templates", tmpl)
	var report checkReport
	if err := json.Unmarshal([]byte(out), &report); err != nil {
		t.Fatalf("gen check -json: %v\n%s", err, out)
	}
	want := checkDiagnostic{Path: calls, Line: 3, Col: 3, Severity: "error", Message: `titel: unknown field; did you mean "title"?`}
	if code != 1 || report.Errors != 2 || len(report.Diagnostics) != 2 || report.Diagnostics[1] != want {
		t.Errorf("gen check -json: code %d, report %+v; want code 1, 2 errors, second %+v", code, report, want)
	}
}

func TestNewUsage(t *testing.T) {
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"new"}, 2, "usage: gen new"},
		{[]string{"new", "-date", "2022-02-30", "X"}, 1, `-date "2022-02-30": day 30 out of range for February 2022 (want YYYY, YYYY-MM or YYYY-MM-DD)`},
	}
	for _, tt := range tests {
		code, _, errOut := run(tt.args...)
		if code != tt.code || !strings.Contains(errOut, tt.want) {
			t.Errorf("gen %v: code %d, stderr %q; want %d and %q", tt.args, code, errOut, tt.code, tt.want)
		}
	}
}
