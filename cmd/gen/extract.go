package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/newsroom/timeline/internal/content"
	"github.com/newsroom/timeline/internal/extract"
	"github.com/newsroom/timeline/internal/timeline"
	"github.com/spf13/afero"
)

// extractJSON is the JSON form of one extracted article.
type extractJSON struct {
	File          string              `json:"file"`
	Title         string              `json:"title"`
	TitleDerived  bool                `json:"title_derived"`
	EventDate     *string             `json:"event_date"`
	PublishedDate *string             `json:"published_date"`
	DateEvidence  []timeline.Evidence `json:"date_evidence"`
	Undated       string              `json:"undated"`
	Outlet        string              `json:"outlet"`
	URL           string              `json:"url"`
	Dateline      string              `json:"dateline"`
	Summary       string              `json:"summary"`
	Paragraphs    []blockJSON         `json:"paragraphs"`
	Captions      []string            `json:"captions"`
	Dropped       []extract.Dropped   `json:"dropped"`
}

// blockJSON is one body block: a paragraph or a sub-heading.
type blockJSON struct {
	Kind   string `json:"kind"`
	Text   string `json:"text"`
	Offset int    `json:"offset"`
}

// runExtract implements "gen extract [-json] FILE...": it prints what
// extraction reads from each article and why.
func runExtract(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("extract", "usage: gen extract [-json] FILE...\n", stderr)
	asJSON := fs.Bool("json", false, "print one JSON object per file (per record of a dataset), one per line")
	contentDir := fs.String("content", "content", "content `folder` whose site.yaml window gives yearless dates their year (skipped when absent)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errors.New("extract: no files given")
	}
	opts := windowOptions(*contentDir, stderr)
	var errs []error
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	for _, path := range fs.Args() {
		if content.IsDataset(path) {
			var records *json.Encoder
			if *asJSON {
				records = enc
			}
			if err := extractDataset(path, opts, siteLocation(*contentDir), records, stdout); err != nil {
				errs = append(errs, err)
			}
			continue
		}
		data, err := os.ReadFile(path)
		if err != nil {
			errs = append(errs, fmt.Errorf("read %s: %w", path, err))
			continue
		}
		a := extract.ExtractFile(path, data, opts)
		if *asJSON {
			if err := enc.Encode(toJSON(a)); err != nil {
				return fmt.Errorf("write %s: %w", path, err)
			}
			continue
		}
		printArticle(stdout, a)
		printCandidates(stdout, extract.HeadlineCandidates(path, data, opts, 3))
	}
	return errors.Join(errs...)
}

func isoOrNil(d timeline.Date) *string {
	if d.IsZero() {
		return nil
	}
	s := d.ISO()
	return &s
}

func toJSON(a *extract.Article) extractJSON {
	j := extractJSON{
		File: a.Path, Title: a.Title, TitleDerived: a.TitleDerived,
		EventDate: isoOrNil(a.Event), PublishedDate: isoOrNil(a.Published),
		DateEvidence: a.DateEvidence, Undated: a.Undated, Outlet: a.Outlet, URL: a.URL, Dateline: a.Dateline,
		Summary: a.Summary, Captions: a.Captions, Dropped: a.Dropped,
		Paragraphs: []blockJSON{},
	}
	for _, b := range a.Blocks {
		kind := "paragraph"
		if b.Kind == timeline.Heading {
			kind = "heading"
		}
		j.Paragraphs = append(j.Paragraphs, blockJSON{Kind: kind, Text: b.Text, Offset: b.Offset})
	}
	return j
}

func printArticle(w io.Writer, a *extract.Article) {
	fmt.Fprintf(w, "== %s\n", a.Path)
	how := "found"
	if a.TitleDerived {
		how = "derived"
	}
	fmt.Fprintf(w, "title (%s): %s\n", how, a.Title)
	fmt.Fprintf(w, "published: %s\n", orNone(a.Published.ISO()))
	if a.Event.IsZero() {
		fmt.Fprintf(w, "event: undated (%s)\n", a.Undated)
	} else {
		fmt.Fprintf(w, "event: %s\n", a.Event.ISO())
	}
	for _, e := range a.DateEvidence {
		if e.Offset < 0 {
			fmt.Fprintf(w, "  evidence: %s: %q\n", e.Rule, e.Text)
			continue
		}
		fmt.Fprintf(w, "  evidence: %s: %q at byte %d\n", e.Rule, e.Text, e.Offset)
	}
	fmt.Fprintf(w, "outlet: %s\n", orNone(a.Outlet))
	if a.URL != "" {
		fmt.Fprintf(w, "url: %s\n", a.URL)
	}
	fmt.Fprintf(w, "dateline: %s\n", orNone(a.Dateline))
	if a.Note != "" {
		fmt.Fprintf(w, "warning: %s\n", a.Note)
	}
	fmt.Fprintf(w, "summary: %s\n", a.Summary)
	for _, b := range a.Blocks {
		mark := "¶"
		if b.Kind == timeline.Heading {
			mark = "#"
		}
		fmt.Fprintf(w, "  %s @%d %s\n", mark, b.Offset, b.Text)
	}
	for _, c := range a.Captions {
		fmt.Fprintf(w, "  caption: %s\n", c)
	}
	for _, d := range a.Dropped {
		fmt.Fprintf(w, "  dropped @%d (%s): %s\n", d.Offset, d.Reason, d.Text)
	}
}

// printCandidates prints the lines weighed as the headline, best first,
// with the features that scored them.
func printCandidates(w io.Writer, cands []extract.HeadlineCandidate) {
	for _, c := range cands {
		fmt.Fprintf(w, "  headline candidate %+d @%d %q: %s\n", c.Score, c.Offset, c.Text, strings.Join(c.Why, ", "))
	}
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}

// windowOptions reads the chronology window from the content folder's
// site.yaml, so that "gen extract" dates articles as the build does. A
// missing site.yaml gives no window; a broken one is reported.
func windowOptions(contentDir string, stderr io.Writer) extract.Options {
	osfs := afero.NewOsFs()
	if ok, _ := afero.Exists(osfs, filepath.Join(contentDir, "site.yaml")); !ok {
		return extract.Options{}
	}
	site, diags := content.LoadSite(osfs, contentDir)
	if err := diags.Err(); err != nil {
		fmt.Fprintf(stderr, "%v\n(extracting without the chronology window)\n", err)
		return extract.Options{}
	}
	return extract.Options{WindowStart: site.Start, WindowEnd: site.End, Location: site.Location}
}
