// Package synth writes a realistic synthetic content folder, to measure
// the generator at scale and side by side with Hugo.
//
// Generate writes, under dir:
//
//	content/site.yaml          the window 2021-12 .. 2022-10 and three phases
//	content/people.yaml        the people of the sample chronology, with aliases
//	content/entries/NNN.yaml   editors' entries, twenty to a file
//	content/annotations/NNN.yaml  annotations dating or excluding raw articles
//	content/articles/*.txt     raw scraped articles, site chrome and all
//	content/articles/*.md      Markdown articles with Hugo-compatible front matter
//	hugo.toml, layouts/        with Options.Hugo: a minimal Hugo site over content/
//
// Everything comes from Options.Seed through math/rand/v2's PCG: the same
// options give byte-identical files. Article i is the same whatever the
// number of articles, so a corpus of 1,000 is the start of one of 100,000.
package synth

import (
	"errors"
	"fmt"
	"maps"
	"math/rand/v2"
	"path"
	"slices"
	"time"

	"github.com/spf13/afero"
)

// Options say what to generate.
type Options struct {
	// Articles is the number of raw text articles (articles/*.txt).
	Articles int
	// Markdown is the number of Markdown articles (articles/*.md).
	Markdown int
	// Seed chooses the corpus; the same seed gives the same files.
	Seed uint64
	// WireCopies, when above 1, makes one raw article in WireCopies a
	// copy of the one before it under another outlet: the same text, as
	// wire copy is (the last of each WireCopies articles).
	WireCopies int
	// Hugo also writes hugo.toml and minimal layouts, so that Hugo builds
	// the very same Markdown files as gen. Hugo has no use for raw text
	// articles, so it needs Articles == 0.
	Hugo bool
}

// Window is the chronology window of the generated site.
var (
	WindowStart = time.Date(2021, time.December, 1, 0, 0, 0, 0, time.UTC)
	WindowEnd   = time.Date(2022, time.October, 31, 0, 0, 0, 0, time.UTC)
)

// Stream numbers keep the random streams of raw articles, Markdown
// articles and editors' files apart for the same seed.
const (
	rawStream      = 1 << 40
	markdownStream = 2 << 40
	editorStream   = 3 << 40
)

// article is what editors' files need to know of a generated article.
type article struct {
	File  string
	Event time.Time
	A, B  int
	Kind  string
}

// Generate writes the synthetic corpus described by opts under dir, on
// fsys. It expects dir to be empty or absent.
func Generate(fsys afero.Fs, dir string, opts Options) error {
	if opts.Articles < 0 || opts.Markdown < 0 {
		return fmt.Errorf("synth: negative article count (want -n 0 or more)")
	}
	if opts.Hugo && opts.Articles > 0 {
		return errors.New("synth: a Hugo site holds Markdown articles only (want Articles 0)")
	}
	g := &generator{fsys: fsys, content: path.Join(dir, "content")}
	g.write("site.yaml", siteYAML(opts.Seed))
	g.write("people.yaml", peopleYAML())
	raw := make([]article, opts.Articles)
	for i := range raw {
		s := newStory(opts.Seed, rawStream+uint64(i))
		if opts.WireCopies > 1 && i%opts.WireCopies == opts.WireCopies-1 {
			s = newStory(opts.Seed, rawStream+uint64(i-1))
			s.outlet = outlets[(slices.Index(outlets, s.outlet)+1)%len(outlets)]
		}
		raw[i] = s.meta(fmt.Sprintf("%06d_%016x.txt", i, s.rng.Uint64()))
		g.write(path.Join("articles", raw[i].File), s.raw())
	}
	for i := range opts.Markdown {
		s := newStory(opts.Seed, markdownStream+uint64(i))
		name := fmt.Sprintf("md-%06d-%s.md", i, s.slug())
		g.write(path.Join("articles", name), s.markdown())
	}
	ed := rand.New(rand.NewPCG(opts.Seed, editorStream))
	entryCount := min(300, max(20, (opts.Articles+opts.Markdown)/5))
	for i, file := range entryFiles(ed, entryCount, raw) {
		g.write(fmt.Sprintf("entries/%03d.yaml", i), file)
	}
	for i, file := range annotationFiles(ed, raw) {
		g.write(fmt.Sprintf("annotations/%03d.yaml", i), file)
	}
	if opts.Hugo {
		for _, name := range sortedKeys(hugoFiles) {
			g.writeAt(path.Join(dir, name), []byte(hugoFiles[name]))
		}
	}
	return g.err
}

// generator writes files, keeping the first error.
type generator struct {
	fsys    afero.Fs
	content string
	err     error
}

func (g *generator) write(rel string, data []byte) {
	g.writeAt(path.Join(g.content, rel), data)
}

func (g *generator) writeAt(p string, data []byte) {
	if g.err != nil {
		return
	}
	if err := g.fsys.MkdirAll(path.Dir(p), 0o755); err != nil {
		g.err = fmt.Errorf("create %s: %w", path.Dir(p), err)
		return
	}
	if err := afero.WriteFile(g.fsys, p, data, 0o644); err != nil {
		g.err = fmt.Errorf("write %s: %w", p, err)
	}
}

// randomDay returns a day of the window.
func randomDay(rng *rand.Rand) time.Time {
	days := int(WindowEnd.Sub(WindowStart).Hours()/24) + 1
	return WindowStart.AddDate(0, 0, rng.IntN(days))
}

func pick[T any](rng *rand.Rand, list []T) T { return list[rng.IntN(len(list))] }

func sortedKeys(m map[string]string) []string {
	return slices.Sorted(maps.Keys(m))
}
