package build

import (
	"crypto/sha256"
	"fmt"
	"slices"

	"github.com/newsroom/timeline/internal/content"
	"github.com/newsroom/timeline/internal/diag"
	"github.com/newsroom/timeline/internal/extract"
	"github.com/newsroom/timeline/internal/parallel"
)

// extraction is what a Session keeps of one raw article: its extraction,
// the warnings on its text, and the digests that tell whether the
// article changed.
type extraction struct {
	article *extract.Article
	// text holds the warnings on the article's text (invalid UTF-8,
	// readChecked): a rebuild that does not read the article again gives
	// them again.
	text diag.List
	// sum is the sha256 of the bytes and metadata extracted, and record
	// the digest of a dataset record's bytes (recordSum, 0 for a whole
	// file).
	sum    [sha256.Size]byte
	record uint64
}

// extractAll extracts the raw articles of c. With all set, or for an
// article it keeps nothing of, it reads the article and extracts it
// again unless its bytes are the ones extracted last; otherwise it reads
// only the articles at the changed paths and the dataset records whose
// bytes changed, and takes the others as they were, with the warnings
// on their text. Unreadable articles are reported and dropped from
// c.Articles.
func (s *Session) extractAll(c *content.Content, opts extract.Options, changed []string, all bool) ([]*extract.Article, diag.List) {
	stale := map[string]bool{}
	for _, rel := range changed {
		stale[rel] = true
	}
	n := len(c.Articles)
	xs, errs, warnings := make([]*extraction, n), make([]error, n), make([]diag.List, n)
	parallel.For(s.opts.Workers, n, func(i int) {
		a := c.Articles[i]
		last := s.extracted[a.Path]
		x := last
		if last == nil || all || stale[a.Path] || last.record != recordSum(a) {
			if x, errs[i] = s.extractOne(c, a, opts, last); errs[i] != nil {
				return
			}
		}
		xs[i], warnings[i] = x, slices.Clip(x.text)
		warnConflict(c, a, x.article, &warnings[i])
	})
	s.extracted = make(map[string]*extraction, n)
	articles := make([]*extract.Article, n)
	for i, x := range xs {
		if x != nil {
			s.extracted[c.Articles[i].Path], articles[i] = x, x.article
		}
	}
	result, diags := dropUnreadable(c, articles, errs)
	for _, w := range warnings {
		diags.Append(w)
	}
	return result, diags
}

// extractOne reads the article a of c and extracts it, unless its bytes
// and metadata are those of last, whose extraction it then takes.
func (s *Session) extractOne(c *content.Content, a content.Article, opts extract.Options, last *extraction) (*extraction, error) {
	data, meta, text, err := readChecked(s.fsys, c, a)
	if err != nil {
		return nil, err
	}
	x := &extraction{text: text, record: recordSum(a)}
	h := sha256.New()
	h.Write(data)
	fmt.Fprintf(h, "\x00%#v", meta)
	h.Sum(x.sum[:0])
	if last != nil && last.sum == x.sum {
		x.article = last.article
	} else {
		x.article = extractText(a.Path, data, meta, opts)
	}
	return x, nil
}

// optionsKey tells apart the extract options that give different results.
func optionsKey(o extract.Options) string {
	return fmt.Sprintf("%v %v %s", o.WindowStart, o.WindowEnd, o.Names.Key())
}

// recordSum returns the digest of a dataset record's bytes, or 0 for an
// article that is a whole file.
func recordSum(a content.Article) uint64 {
	if a.Record == nil {
		return 0
	}
	return a.Record.Sum
}
