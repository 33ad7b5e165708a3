package main

import (
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"time"

	"github.com/newsroom/timeline/internal/build"
	"github.com/newsroom/timeline/internal/content"
	"github.com/newsroom/timeline/internal/extract"
	"github.com/newsroom/timeline/internal/timeline"
	"github.com/spf13/afero"
)

// recordJSON is the JSON form of one record of a dataset: the article's
// keys, and where the record lies.
type recordJSON struct {
	extractJSON
	Record int    `json:"record"`
	Line   int    `json:"line"`
	ID     string `json:"id"`
}

// extractDataset prints what extraction reads from each record of the
// dataset file p, with its metadata: one JSON object per record when
// enc is not nil, else text on w. loc is the zone of timestamps without
// an offset.
func extractDataset(p string, opts extract.Options, loc *time.Location, enc *json.Encoder, w io.Writer) error {
	osfs := afero.NewOsFs()
	dir := filepath.Dir(p)
	articles, diags := content.ListDataset(osfs, dir, p, loc)
	for _, d := range diags {
		fmt.Fprintln(w, d.Error())
	}
	if err := diags.Err(); err != nil {
		return fmt.Errorf("%s: cannot be read", p)
	}
	for _, a := range articles {
		x, err := build.ExtractArticle(osfs, dir, a, opts)
		if err != nil {
			fmt.Fprintf(w, "%s:%d: %v\n", p, a.Record.Line, err)
			continue
		}
		id := timeline.ArticleSlug(a.Path)
		if enc != nil {
			if err := enc.Encode(recordJSON{toJSON(x), a.Record.Number, a.Record.Line, id}); err != nil {
				return fmt.Errorf("write %s: %w", p, err)
			}
			continue
		}
		fmt.Fprintf(w, "## record %d, line %d, id %s\n", a.Record.Number, a.Record.Line, id)
		printArticle(w, x)
		if x.Author != "" {
			fmt.Fprintf(w, "author: %s\n", x.Author)
		}
		if x.Conflict != "" {
			fmt.Fprintf(w, "warning: %s\n", x.Conflict)
		}
	}
	return nil
}

// siteLocation returns the zone site.yaml of the content folder names,
// or nil (UTC) without one.
func siteLocation(contentDir string) *time.Location {
	osfs := afero.NewOsFs()
	if ok, _ := afero.Exists(osfs, filepath.Join(contentDir, "site.yaml")); !ok {
		return nil
	}
	site, _ := content.LoadSite(osfs, contentDir)
	return site.Location
}
