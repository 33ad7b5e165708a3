package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestExtractDataset(t *testing.T) {
	dir := t.TempDir()
	csv := "title,date,url,text,source\n" +
		"Talks in Geneva,2022-03-04,https://example.com/2022/03/04/talks-in-geneva,\"The ministers met on Thursday in Geneva, officials said.\",Example Wire\n" +
		"No text,2022-03-05,,,\n" +
		"Envoy in Vienna,2022-03-08T10:00:00+01:00,,The envoy arrived on Tuesday in Vienna.,\n"
	p := filepath.Join(dir, "wire.csv")
	if err := os.WriteFile(p, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if err := runExtract([]string{"-json", "-content", filepath.Join(dir, "none"), p}, &stdout, &stderr); err != nil {
		t.Fatal(err, stderr.String())
	}
	type record struct {
		Record    int    `json:"record"`
		Line      int    `json:"line"`
		ID        string `json:"id"`
		URL       string `json:"url"`
		Outlet    string `json:"outlet"`
		Title     string `json:"title"`
		Published string `json:"published_date"`
		Event     string `json:"event_date"`
	}
	want := []record{
		{1, 2, "talks-in-geneva", "https://example.com/2022/03/04/talks-in-geneva", "Example Wire", "Talks in Geneva", "2022-03-04", "2022-03-03"},
		{3, 4, "wire-3", "", "", "Envoy in Vienna", "2022-03-08", "2022-03-08"},
	}
	var got []record
	var warnings []string
	for _, line := range strings.Split(strings.TrimSpace(stdout.String()), "\n") {
		var r record
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			warnings = append(warnings, line)
			continue
		}
		got = append(got, r)
	}
	if len(got) != len(want) {
		t.Fatalf("got %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("record %d: got %+v, want %+v", i+1, got[i], want[i])
		}
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], "wire.csv:3: record 2: no text") {
		t.Errorf("warnings %q, want one for record 2 at line 3", warnings)
	}
}
